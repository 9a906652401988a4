/**
 * The background service, wired: the served dataset (core/storage/served-dataset.ts) answers
 * lookups, the message handler answers the extension's pages and the banner, navigation handling
 * (navigation.ts) keeps each tab's badge and injects the banner into matching pages only, and
 * updates.ts takes signed dataset updates. Pages that match nothing get no script at all.
 */
import { browser } from 'wxt/browser';
import { openDb } from '@/core/storage/db';
import { serveDataset } from '@/core/storage/served-dataset';
import { isoToday } from '@/core/model/incident-state';
import { handleMessage, reportForUrl, type HandlerDeps } from '@/core/messaging/message-handler';
import { createTabNavigation } from '@/core/navigation/tab-navigation';
import { STORAGE_KEYS } from '@/core/storage/settings';
import { browserTranslator } from '@/entrypoints/shared/translator';
import { browserNavigationDeps, refreshAllTabs, watchNavigation } from './navigation';
import { startUpdates, TRUSTED_KEY_IDS } from './updates';

export function startBackground(): void {
  const db = openDb();
  const fetchText = (path: string) => fetch(browser.runtime.getURL(path as '/')).then((r) => r.text());
  const dataset = serveDataset(db, fetchText, console, TRUSTED_KEY_IDS);
  browser.runtime.onInstalled.addListener(() => dataset.recheckBundled());

  const deps: HandlerDeps = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    lookup: (hostname) => dataset.lookup(hostname),
    storage: browser.storage.local,
    realToday: () => isoToday(),
  };
  deps.updates = startUpdates(db, dataset.ready, dataset.installed);

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // sendResponse + `return true` works alike in Chromium, Firefox and the polyfill.
    void handleMessage(message, sender, deps).then(sendResponse);
    return true;
  });

  const navigation = createTabNavigation(browserNavigationDeps((url) => reportForUrl(url, deps), browserTranslator()));
  watchNavigation(navigation);
  // Settings, mutes and dismissals change what the badge says: bring every open tab up to date.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && Object.values(STORAGE_KEYS).some((key) => key in changes)) void refreshAllTabs(navigation);
  });
}
