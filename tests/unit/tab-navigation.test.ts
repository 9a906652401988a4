/**
 * Navigation handling (core/navigation/tab-navigation.ts), event by event: what each event
 * sets, when the banner goes in, when the report of the commit is reused, and that an answer
 * about a page the tab no longer shows lands nowhere. The browser is replaced by recording
 * fakes; entrypoints/background wiring is tested with WXT's fake browser in background.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createTabNavigation, type NavigationDeps } from '../../core/navigation/tab-navigation';
import { BAKERY, fakeReport as reportFor, MS } from './helpers/site-report';

const MS_FOOD = 'https://www.marksandspencer.com/food';

type Event = ['commit' | 'ready' | 'refresh', string] | ['close'] | ['tab shows', string | undefined];

interface Options {
  /** What the banner script answers when injected. */
  bannerShows?: boolean;
}

/** Runs the events on tab 7 and returns everything the handler asked of the browser, in order. */
async function run(events: Event[], { bannerShows = true }: Options = {}): Promise<string[]> {
  const log: string[] = [];
  let tabUrl: string | undefined;
  const deps: NavigationDeps = {
    report: async (url) => (log.push(`report ${url}`), reportFor(url)),
    currentUrl: async () => tabUrl,
    showBanner: async () => (log.push('banner'), bannerShows),
    setBadge: async (_tab, report, withTitle) => void log.push(`badge "${report?.badge.text ?? ''}"${withTitle ? ' + title' : ''}`),
    recordDecision: async (_tab, decision) => void log.push(`decided ${decision.banner} ${decision.url}`),
    forgetDecision: async () => void log.push('forget'),
  };
  const navigation = createTabNavigation(deps);
  for (const event of events) {
    if (event[0] === 'tab shows') tabUrl = event[1];
    else if (event[0] === 'close') await navigation.closed(7);
    else {
      const [phase, url] = event;
      tabUrl ??= url;
      await (phase === 'commit' ? navigation.committed(7, url) : phase === 'ready' ? navigation.contentLoaded(7, url) : navigation.refreshed(7, url));
    }
  }
  return log;
}

describe('navigation handling', () => {
  it.each<[string, Event[], string[], Options?]>([
    ['commit: the badge at once, no title (not decided yet)', [['commit', MS]], [`report ${MS}`, 'badge "1"']],
    [
      'commit then DOMContentLoaded: one lookup, then banner, title and the decision, in that order',
      [['commit', MS], ['ready', MS]],
      [`report ${MS}`, 'badge "1"', 'banner', 'badge "1" + title', `decided shown ${MS}`],
    ],
    [
      'a site with nothing to show: no banner script, decided "none"',
      [['commit', BAKERY], ['ready', BAKERY]],
      [`report ${BAKERY}`, 'badge ""', 'badge "" + title', `decided none ${BAKERY}`],
    ],
    [
      'a page that can never match (not http(s)): empty badge, decided "none"',
      [['ready', 'chrome://newtab/']],
      ['report chrome://newtab/', 'badge "" + title', 'decided none chrome://newtab/'],
    ],
    [
      'the banner script finds nothing to show after all: decided "none"',
      [['commit', MS], ['ready', MS]],
      [`report ${MS}`, 'badge "1"', 'banner', 'badge "1" + title', `decided none ${MS}`],
      { bannerShows: false },
    ],
    [
      'DOMContentLoaded for another URL than the commit (a redirect): a fresh lookup',
      [['commit', MS], ['tab shows', MS_FOOD], ['ready', MS_FOOD]],
      [`report ${MS}`, 'badge "1"', `report ${MS_FOOD}`, 'banner', 'badge "1" + title', `decided shown ${MS_FOOD}`],
    ],
    [
      'the report of a commit serves one DOMContentLoaded only',
      [['commit', MS], ['ready', MS], ['ready', MS]],
      [`report ${MS}`, 'badge "1"', 'banner', 'badge "1" + title', `decided shown ${MS}`, `report ${MS}`, 'banner', 'badge "1" + title', `decided shown ${MS}`],
    ],
    ['a history-state update: badge and title again, never a banner nor a decision', [['refresh', MS]], [`report ${MS}`, 'badge "1" + title']],
    ['an answer about a page the tab no longer shows lands nowhere (stale-answer guard)', [['tab shows', BAKERY], ['commit', MS], ['ready', MS], ['refresh', MS]], [`report ${MS}`, `report ${MS}`]],
    ['a tab whose URL cannot be read still gets its badge', [['tab shows', undefined], ['commit', MS]], [`report ${MS}`, 'badge "1"']],
    [
      'a closed tab forgets its decision and its pending report',
      [['commit', MS], ['close'], ['ready', MS]],
      [`report ${MS}`, 'badge "1"', 'forget', `report ${MS}`, 'banner', 'badge "1" + title', `decided shown ${MS}`],
    ],
  ])('%s', async (_name, events, expected, options) => {
    expect(await run(events, options)).toEqual(expected);
  });

  it('DOMContentLoaded waits for the lookup the commit started, not a second one', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const reports: string[] = [];
    const decided: string[] = [];
    const navigation = createTabNavigation({
      report: async (url) => (reports.push(url), await gate, reportFor(url)),
      currentUrl: async () => MS,
      showBanner: async () => true,
      setBadge: async () => undefined,
      recordDecision: async (_tab, d) => void decided.push(d.banner),
      forgetDecision: async () => undefined,
    });
    // Both events arrive before the lookup answers (a worker waking up gets them queued).
    const both = Promise.all([navigation.committed(7, MS), navigation.contentLoaded(7, MS)]);
    release();
    await both;
    expect(reports).toEqual([MS]);
    expect(decided).toEqual(['shown']);
  });
});
