/**
 * The browser's side of navigation handling: webNavigation events for top-level frames go to
 * core/navigation/tab-navigation.ts, and its needs (the tab's URL, injecting the banner, the
 * badge, the decision record) are met with the browser API here.
 */
import { browser } from 'wxt/browser';
import type { Translator } from '@/components/i18n/translator';
import type { SiteReport } from '@/core/alerts/site-report';
import { decisionKey } from '@/core/navigation/decision';
import type { NavigationDeps, TabNavigation } from '@/core/navigation/tab-navigation';
import { applyBadge } from './badge';

const BANNER_SCRIPT = '/content-scripts/banner.js';

export function browserNavigationDeps(report: (url: string) => Promise<SiteReport | null>, tr: Translator): NavigationDeps {
  // Session storage is memory only and closed to web pages; a browser without it gets no decision record.
  const session = browser.storage.session as typeof browser.storage.local | undefined;
  return {
    report,
    currentUrl: (tabId) => browser.tabs.get(tabId).then((tab) => tab.url, () => undefined),
    async showBanner(tabId) {
      // The banner script's `main` answers whether it showed the banner; executeScript waits for it.
      const [frame] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [BANNER_SCRIPT] });
      return frame?.result === 'shown';
    },
    setBadge: (tabId, siteReport, withTitle) => applyBadge(tabId, siteReport, withTitle, tr),
    recordDecision: async (tabId, decision) => void (await session?.set({ [decisionKey(tabId)]: decision })),
    forgetDecision: async (tabId) => void (await session?.remove(decisionKey(tabId))),
  };
}

/** Errors that only mean the tab closed or navigated away between the event and the answer. */
const TAB_GONE = /No tab with id|Frame with ID|cannot be scripted|Cannot access/i;

export function reportNavigationError(error: unknown): void {
  if (!TAB_GONE.test(String(error))) console.error('[caveat]', error);
}

/** Top-level frames only: the banner and the badge are about the page, never an iframe in it. */
export function watchNavigation(navigation: TabNavigation, onError: (error: unknown) => void = reportNavigationError): void {
  browser.webNavigation.onCommitted.addListener(({ tabId, frameId, url }) => (frameId === 0 ? navigation.committed(tabId, url).catch(onError) : undefined));
  browser.webNavigation.onDOMContentLoaded.addListener(({ tabId, frameId, url }) => (frameId === 0 ? navigation.contentLoaded(tabId, url).catch(onError) : undefined));
  browser.webNavigation.onHistoryStateUpdated.addListener(({ tabId, frameId, url }) => (frameId === 0 ? navigation.refreshed(tabId, url).catch(onError) : undefined));
  browser.tabs.onRemoved.addListener((tabId) => navigation.closed(tabId).catch(onError));
}

/** Every open tab's badge and title again, e.g. after the user's settings changed. */
export async function refreshAllTabs(navigation: TabNavigation, onError: (error: unknown) => void = reportNavigationError): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id !== undefined && tab.url ? navigation.refreshed(tab.id, tab.url).catch(onError) : undefined)));
}
