import { render } from 'preact';
import { browser } from 'wxt/browser';
import { I18n } from '@/components/i18n';
import { PopupApp } from '@/components/PopupApp';
import '@/components/page-styles.css';
import { attributionsOf } from '@/data/attribution';
import { allIncidents, installedDataset, openDb } from '@/data/db';
import { isoToday } from '@/data/incident-state';
import { kindLabel, serviceLabel } from '@/data/labels';
import type { PageRequest, Response, ResponseFor } from '@/data/protocol';
import type { Incident } from '@/data/schema';
import { SearchIndex } from '@/data/search';
import { readUserState } from '@/data/settings';
import { browserTranslator } from '@/entrypoints/shared/translator';

const send = <K extends PageRequest['type']>(request: PageRequest & { type: K }) =>
  browser.runtime.sendMessage(request) as Promise<Response<ResponseFor[K]>>;

/** The tab the popup describes: the active one, or `?tab=ID` when opened as a page (tests, screenshots). */
async function currentTabUrl(): Promise<string | undefined> {
  const pinned = Number(new URLSearchParams(location.search).get('tab'));
  if (pinned) return (await browser.tabs.get(pinned)).url;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url;
}

async function main() {
  const tr = browserTranslator();
  document.documentElement.lang = tr.locale;
  const db = openDb();
  const url = await currentTabUrl();
  // The background answers the site report (it owns the rules). The current site renders first;
  // all incidents for search are read from the extension's own database right after, so typing
  // never waits on messaging.
  const [answer, dataset, state] = await Promise.all([url ? send({ type: 'site:report', url }) : Promise.resolve(null), installedDataset(db), readUserState(browser.storage.local)]);
  const today = state.settings.todayOverride ?? isoToday();
  let report = answer?.ok ? answer.value : null;
  let index: SearchIndex | null = null;
  let byId = new Map<string, Incident>((report?.incidents ?? []).map((i) => [i.id, i]));
  let attributions = attributionsOf(report?.incidents ?? []);
  const app = document.getElementById('app')!;
  const draw = () =>
    render(
      <I18n.Provider value={tr}>
        <PopupApp
          report={report}
          index={index}
          today={today}
          dataset={dataset}
          attributions={attributions}
          lookup={(id) => byId.get(id)}
          onUnmute={async (site) => {
            await send({ type: 'site:mute', site, muted: false });
            report = report && { ...report, muted: false };
            draw();
          }}
        />
      </I18n.Provider>,
      app,
    );
  draw();
  document.body.dataset.siteReady = 'true';

  const incidents = await allIncidents(db);
  index = new SearchIndex(incidents, today, { service: (k) => serviceLabel(tr, k), kind: (k) => kindLabel(tr, k) });
  byId = new Map(incidents.map((i) => [i.id, i]));
  attributions = attributionsOf(incidents);
  draw();
  document.body.dataset.ready = 'true';
}

void main();
