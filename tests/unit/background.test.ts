/**
 * The background's wiring to the browser (entrypoints/background/), with WXT's fake browser:
 * which webNavigation events reach navigation handling, what lands on the badge and in the
 * decision record, and when the daily update alarm is set or cleared. The decisions themselves are
 * tested without a browser in tab-navigation.test.ts and below (`alarmChange`).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ENGLISH } from '../../components/i18n/english';
import { decisionKey } from '../../core/navigation/decision';
import { createTabNavigation } from '../../core/navigation/tab-navigation';
import { DEFAULT_SETTINGS, type Settings } from '../../core/storage/settings';
import { alarmChange, UPDATE_ALARM } from '../../core/update/schedule';
import { browserNavigationDeps, refreshAllTabs, watchNavigation } from '../../entrypoints/background/navigation';
import { scheduleDailyCheck } from '../../entrypoints/background/update-alarm';
import { BAKERY, fakeReport as reportFor, MS } from './helpers/site-report';

const NEWS_TITLE = 'Caveat: 1 known incident at marksandspencer.com — recent or ongoing';

beforeEach(() => {
  fakeBrowser.reset();
  // fakeBrowser.reset() leaves webNavigation's listeners in place (fake-browser 2.0): drop them too.
  for (const event of Object.values(fakeBrowser.webNavigation)) (event as { removeAllListeners?: () => void }).removeAllListeners?.();
});

describe('navigation wiring', () => {
  /** A tab showing `url`, with navigation handling listening and the banner script answering `banner`. */
  async function tabAt(url: string, banner: 'shown' | 'none' = 'shown') {
    const tab = await fakeBrowser.tabs.create({ url });
    const executeScript = vi.fn(async () => [{ frameId: 0, result: banner }]);
    (fakeBrowser as unknown as { scripting: { executeScript: typeof executeScript } }).scripting = { executeScript };
    const navigation = createTabNavigation(browserNavigationDeps(async (u) => reportFor(u), ENGLISH));
    watchNavigation(navigation, (error) => {
      throw error;
    });
    const read = async () => ({
      badge: await fakeBrowser.action.getBadgeText({ tabId: tab.id }),
      title: await fakeBrowser.action.getTitle({ tabId: tab.id }),
      decision: (await fakeBrowser.storage.session.get(decisionKey(tab.id!)))[decisionKey(tab.id!)],
      injected: executeScript.mock.calls.length,
    });
    return { tabId: tab.id!, navigation, read };
  }

  const event = (tabId: number, url: string, frameId = 0) => ({ tabId, url, frameId, processId: 1, timeStamp: Date.now(), parentFrameId: -1, documentLifecycle: 'active', frameType: 'outermost_frame', documentId: 'd' }) as never;

  it.each([
    ['commit on a site with news', MS, 'commit', 0, { badge: '1', title: '', decision: undefined, injected: 0 }],
    ['DOMContentLoaded on a site with news', MS, 'ready', 0, { badge: '1', title: NEWS_TITLE, decision: { url: MS, banner: 'shown' }, injected: 1 }],
    ['DOMContentLoaded on a site with nothing', BAKERY, 'ready', 0, { badge: '', title: 'Caveat: no known incidents at this site', decision: { url: BAKERY, banner: 'none' }, injected: 0 }],
    ['an iframe’s commit changes nothing', MS, 'commit', 3, { badge: '', title: '', decision: undefined, injected: 0 }],
    ['an iframe’s DOMContentLoaded changes nothing', MS, 'ready', 3, { badge: '', title: '', decision: undefined, injected: 0 }],
    ['a history-state update sets badge and title, no banner', MS, 'history', 0, { badge: '1', title: NEWS_TITLE, decision: undefined, injected: 0 }],
  ] as const)('%s', async (_name, url, what, frameId, expected) => {
    const tab = await tabAt(url);
    const details = event(tab.tabId, url, frameId);
    if (what === 'commit') await fakeBrowser.webNavigation.onCommitted.trigger(details);
    else if (what === 'ready') await fakeBrowser.webNavigation.onDOMContentLoaded.trigger(details);
    else await fakeBrowser.webNavigation.onHistoryStateUpdated.trigger(details);
    expect(await tab.read()).toEqual(expected);
  });

  it('a banner script that finds nothing to show is recorded as no banner', async () => {
    const tab = await tabAt(MS, 'none');
    await fakeBrowser.webNavigation.onDOMContentLoaded.trigger(event(tab.tabId, MS));
    expect((await tab.read()).decision).toEqual({ url: MS, banner: 'none' });
  });

  it('closing the tab removes its decision', async () => {
    const tab = await tabAt(MS);
    await fakeBrowser.webNavigation.onDOMContentLoaded.trigger(event(tab.tabId, MS));
    await fakeBrowser.tabs.onRemoved.trigger(tab.tabId, { windowId: 0, isWindowClosing: false });
    expect((await tab.read()).decision).toBeUndefined();
  });

  it('refreshing all tabs brings every badge and title up to date', async () => {
    const tab = await tabAt(MS);
    await refreshAllTabs(tab.navigation);
    expect(await tab.read()).toMatchObject({ badge: '1', title: expect.stringContaining('1 known incident'), decision: undefined });
  });
});

describe('when the daily update check is scheduled', () => {
  const settings = (change: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...change });
  const URL_SET = 'https://updates.example/manifest.json';

  it.each([
    // autoUpdate, the user's URL, the build's URL, alarm exists → change
    [true, URL_SET, '', false, 'create'],
    [true, null, URL_SET, false, 'create'],
    [true, URL_SET, '', true, null],
    [true, null, '', false, null],
    [true, null, '', true, 'clear'],
    [false, URL_SET, '', true, 'clear'],
    [false, URL_SET, URL_SET, false, null],
  ] as const)('autoUpdate %s, user URL %s, build URL "%s", alarm set %s → %s', (autoUpdate, updateUrl, buildUrl, exists, expected) => {
    expect(alarmChange(settings({ autoUpdate, updateUrl }), buildUrl, exists)).toBe(expected);
  });

  function wire(initial: Partial<Settings>, buildUrl = '') {
    let current = settings(initial);
    const check = vi.fn(async () => undefined);
    scheduleDailyCheck({ settings: async () => current, buildUrl, check });
    return {
      check,
      change: async (next: Partial<Settings>) => {
        current = settings(next);
        await fakeBrowser.storage.onChanged.trigger({ settings: { newValue: current } }, 'local');
      },
      alarm: () => fakeBrowser.alarms.get(UPDATE_ALARM),
    };
  }

  it.each([
    ['the extension is installed or updated', () => fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never)],
    ['the browser starts', () => fakeBrowser.runtime.onStartup.trigger()],
  ])('is set when %s, with a URL and automatic updates on', async (_when, happen) => {
    const wired = wire({ updateUrl: URL_SET });
    expect(await wired.alarm()).toBeUndefined();
    await happen();
    expect(await wired.alarm()).toMatchObject({ name: UPDATE_ALARM, periodInMinutes: 24 * 60 });
  });

  it('follows the settings: cleared when automatic updates go off, set again when they come back', async () => {
    const wired = wire({ updateUrl: URL_SET });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await wired.change({ updateUrl: URL_SET, autoUpdate: false });
    expect(await wired.alarm()).toBeUndefined();
    await wired.change({ updateUrl: URL_SET, autoUpdate: true });
    expect(await wired.alarm()).toBeDefined();
  });

  it('a change to other storage keys, or to another area, leaves it alone', async () => {
    const wired = wire({ updateUrl: URL_SET });
    await fakeBrowser.storage.onChanged.trigger({ mutedSites: { newValue: [] } }, 'local');
    await fakeBrowser.storage.onChanged.trigger({ settings: { newValue: {} } }, 'session');
    expect(await wired.alarm()).toBeUndefined();
  });

  it('the build’s default URL is enough', async () => {
    const wired = wire({}, URL_SET);
    await fakeBrowser.runtime.onStartup.trigger();
    expect(await wired.alarm()).toBeDefined();
  });

  it.each([
    [UPDATE_ALARM, 1],
    ['someone-elses-alarm', 0],
  ])('the alarm "%s" firing runs %i check(s)', async (name, checks) => {
    const wired = wire({ updateUrl: URL_SET });
    await fakeBrowser.alarms.onAlarm.trigger({ name, scheduledTime: Date.now(), persistAcrossSessions: false } as never);
    expect(wired.check).toHaveBeenCalledTimes(checks);
  });
});
