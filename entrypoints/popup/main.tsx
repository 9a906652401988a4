import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/PopupApp';
import '@/components/page-styles.css';
import { allIncidents, installedDataset, openDb } from '@/data/db';
import { isoToday } from '@/data/incident-state';
import type { PageRequest, Response, ResponseFor } from '@/data/protocol';
import { SearchIndex } from '@/data/search';
import { readUserState } from '@/data/settings';
import { attributionsOf } from '@/data/attribution';

const send = <K extends PageRequest['type']>(request: PageRequest & { type: K }) =>
  browser.runtime.sendMessage(request) as Promise<Response<ResponseFor[K]>>;

/** The tab the popup describes: the active one, or `?tab=ID` when opened as a page (tests, keyboard users with a pinned tab). */
async function currentTabUrl(): Promise<string | undefined> {
  const pinned = Number(new URLSearchParams(location.search).get('tab'));
  if (pinned) return (await browser.tabs.get(pinned)).url;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url;
}

async function main() {
  const url = await currentTabUrl();
  // The background answers the site report (it owns the dataset and the rules); the popup reads
  // the extension's own database directly for search, so typing never waits on messaging.
  const db = openDb();
  const [answer, incidents, dataset, state] = await Promise.all([
    url ? send({ type: 'site:report', url }) : Promise.resolve(null),
    allIncidents(db),
    installedDataset(db),
    readUserState(browser.storage.local),
  ]);
  const today = state.settings.todayOverride ?? isoToday();
  const report = answer?.ok ? answer.value : null;
  const index = new SearchIndex(incidents, today);
  const app = document.getElementById('app')!;
  const draw = (r: typeof report) =>
    render(
      <PopupApp
        report={r}
        index={index}
        today={today}
        dataset={dataset}
        attributions={attributionsOf(incidents)}
        onUnmute={async (site) => {
          await send({ type: 'site:mute', site, muted: false });
          draw(r && { ...r, muted: false });
        }}
      />,
      app,
    );
  draw(report);
  document.body.dataset.ready = 'true';
}

void main();
