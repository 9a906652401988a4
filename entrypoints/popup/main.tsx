import { render } from 'preact';
import { browser } from 'wxt/browser';
import { I18n } from '@/components/i18n/context';
import { PopupApp } from '@/components/PopupApp';
import '@/components/page-styles.css';
import { attributionsOf } from '@/core/model/attribution';
import { allIncidents, installedDataset, openDb } from '@/core/storage/db';
import { isoToday } from '@/core/model/incident-state';
import { ENGLISH } from '@/components/i18n/english';
import { vocabularyWords } from '@/components/i18n/labels';
import type { Incident } from '@/core/model/schema';
import { SearchIndex } from '@/core/search/search';
import { readUserState } from '@/core/storage/settings';
import { UPDATE_STATUS_KEY, updateStatusSchema } from '@/core/update/status';
import { send } from '@/entrypoints/shared/messaging';
import { browserTranslator } from '@/entrypoints/shared/translator';


/** The tab the popup describes: the active one, or `?tab=ID` when opened as a page (tests, screenshots). */
async function currentTabUrl(): Promise<string | undefined> {
  const pinned = Number(new URLSearchParams(location.search).get('tab'));
  if (pinned) return (await browser.tabs.get(pinned)).url;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url;
}

const tr = browserTranslator();
document.documentElement.lang = tr.locale;

async function main() {
  const url = await currentTabUrl();
  // The background answers the site report (it owns the dataset and the rules); the popup reads
  // the extension's own database directly for search, so typing never waits on messaging.
  // Loading order (see README, "Performance"): the current site's report renders first; reading
  // every incident and building the search index (hundreds of ms with 10k incidents) follows, and
  // the search panel says it is loading until then.
  const db = openDb();
  const [answer, initialDataset, state, stored] = await Promise.all([
    url ? send({ type: 'site:report', url }) : Promise.resolve(null),
    installedDataset(db),
    readUserState(browser.storage.local),
    browser.storage.local.get(UPDATE_STATUS_KEY),
  ]);
  let dataset = initialDataset;
  const lastStatus = updateStatusSchema.safeParse(stored[UPDATE_STATUS_KEY]);
  const updates = {
    canCheck: Boolean(state.settings.updateUrl ?? import.meta.env.WXT_UPDATE_URL),
    checking: false,
    lastStatus: lastStatus.success ? lastStatus.data : undefined,
  };
  const today = state.settings.todayOverride ?? isoToday();
  let report = answer?.ok ? answer.value : null;
  const app = document.getElementById('app')!;
  let index: SearchIndex | null = null;
  let incidents: Incident[] = [];
  let byId = new Map<string, Incident>((report?.incidents ?? []).map((i) => [i.id, i]));
  const draw = () =>
    render(
      <I18n.Provider value={tr}>
        <PopupApp
          report={report}
          index={index}
          today={today}
          dataset={dataset}
          attributions={attributionsOf(incidents)}
          lookup={(id) => byId.get(id)}
          onUnmute={async (site) => {
            await send({ type: 'site:mute', site, muted: false });
            report = report && { ...report, muted: false };
            draw();
          }}
          updates={updates}
          onCheckNow={async () => {
            updates.checking = true;
            draw();
            // The background takes the update (it owns the database); the popup then shows what it did.
            const checked = await send({ type: 'update:check' });
            if (checked.ok) updates.lastStatus = checked.value;
            updates.checking = false;
            const [fresh, again] = await Promise.all([installedDataset(db), url ? send({ type: 'site:report', url }) : Promise.resolve(null)]);
            dataset = fresh;
            if (again?.ok) report = again.value;
            draw();
          }}
        />
      </I18n.Provider>,
      app,
    );
  draw();
  performance.mark('caveat:first-render');
  // Started only now: deserialising 10k records on this thread would otherwise delay the first render.
  incidents = await allIncidents(db);
  byId = new Map(incidents.map((i) => [i.id, i]));
  index = new SearchIndex(incidents, today, [vocabularyWords(ENGLISH), vocabularyWords(tr)]);
  draw();
  performance.mark('caveat:search-ready');
  document.body.dataset.ready = 'true';
}

void main();
