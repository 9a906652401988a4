/**
 * The background service: owns the incident database, answers lookups, keeps each tab's badge
 * and injects the banner into matching pages only. Pages that match nothing get no script at all.
 */
import { browser } from 'wxt/browser';
import { ensureBundledDataset } from '@/core/storage/bundled-dataset';
import { incidentsForHostname, openDb } from '@/core/storage/db';
import { isoToday } from '@/core/model/incident-state';
import { handleMessage, reportForUrl, type HandlerDeps } from '@/core/messaging/message-handler';
import { STORAGE_KEYS } from '@/core/storage/settings';
import { browserTranslator } from '@/entrypoints/shared/translator';
import { applyBadge } from './badge';
import { startUpdates, TRUSTED_KEY_IDS } from './updates';

const BANNER_SCRIPT = '/content-scripts/banner.js';

export function startBackground(): void {
  const db = openDb();
  const tr = browserTranslator();
  const fetchText = (path: string) => fetch(browser.runtime.getURL(path as '/')).then((r) => r.text());
  // Whether the bundled dataset is in place: true once this run has installed it (the first run, an
  // extension update), false when it already was. Every lookup checks it, so a lookup at cold start
  // answers from the full dataset, never "nothing".
  let ready: Promise<boolean> = ensureBundledDataset(db, fetchText, { trustedKeyIds: TRUSTED_KEY_IDS }).then(
    (installed) => {
      if (installed) console.info('[caveat] bundled dataset installed');
      return installed;
    },
    (error: unknown) => {
      console.error('[caveat] could not install the bundled dataset', error);
      return false;
    },
  );
  browser.runtime.onInstalled.addListener(() => {
    // "Installed" stays true if either run installed: a lookup that read before must read again.
    ready = ready.then((installedBefore) =>
      ensureBundledDataset(db, fetchText, { trustedKeyIds: TRUSTED_KEY_IDS }).then(
        (installed) => installed || installedBefore,
        (error: unknown) => {
          console.error('[caveat]', error);
          return installedBefore;
        },
      ),
    );
  });

  const deps: HandlerDeps = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    lookup: async (hostname) => {
      // Read while the bundled check runs; read again only if it installed a dataset meanwhile.
      const early = incidentsForHostname(db, hostname).catch(() => null);
      return ((await ready) ? null : await early) ?? incidentsForHostname(db, hostname);
    },
    storage: browser.storage.local,
    realToday: () => isoToday(),
  };
  deps.updates = startUpdates(db, () => ready);

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // sendResponse + `return true` works alike in Chromium, Firefox and the polyfill.
    void handleMessage(message, sender, deps).then(sendResponse);
    return true;
  });

  /**
   * `commit`: the badge as soon as the page commits. `ready` (DOMContentLoaded): the banner if the
   * site has news, then the badge's title, which is therefore the sign that Caveat has decided.
   */
  // The report made at commit serves the same navigation's DOMContentLoaded too: one lookup per page.
  const atCommit = new Map<number, { url: string; report: ReturnType<typeof reportForUrl> }>();
  async function refreshTab(tabId: number, url: string, phase: 'commit' | 'ready' | 'update'): Promise<void> {
    const early = atCommit.get(tabId);
    const pending = phase === 'ready' && early?.url === url ? early.report : reportForUrl(url, deps);
    if (phase === 'commit') atCommit.set(tabId, { url, report: pending });
    else if (phase === 'ready') atCommit.delete(tabId);
    const report = await pending;
    // [hardening, issue 6] Events queue up while the worker wakes: an answer about the page a tab
    // showed before (e.g. its initial about:blank) must not land on the page it shows now.
    // tests/e2e/faults.spec.ts ("20 tabs at once") caught exactly that.
    const now = await browser.tabs.get(tabId).then((tab) => tab.url, () => undefined);
    if (now !== undefined && now !== url) return;
    if (phase === 'ready' && report && report.banner.length > 0) {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [BANNER_SCRIPT] });
    }
    await applyBadge(tabId, report, phase !== 'commit', tr);
  }
  const onError = (error: unknown) => {
    // A tab closed or navigated away between the event and our answer: nothing to do.
    if (!/No tab with id|Frame with ID|cannot be scripted|Cannot access/i.test(String(error))) console.error('[caveat]', error);
  };

  browser.tabs.onRemoved.addListener((tabId) => atCommit.delete(tabId));
  browser.webNavigation.onCommitted.addListener(({ tabId, frameId, url }) => {
    if (frameId === 0) refreshTab(tabId, url, 'commit').catch(onError);
  });
  browser.webNavigation.onDOMContentLoaded.addListener(({ tabId, frameId, url }) => {
    if (frameId === 0) refreshTab(tabId, url, 'ready').catch(onError);
  });
  browser.webNavigation.onHistoryStateUpdated.addListener(({ tabId, frameId, url }) => {
    if (frameId === 0) refreshTab(tabId, url, 'update').catch(onError);
  });

  // Settings, mutes and dismissals change what the badge says: bring every open tab up to date.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !Object.values(STORAGE_KEYS).some((key) => key in changes)) return;
    void browser.tabs.query({}).then((tabs) => {
      for (const tab of tabs) if (tab.id !== undefined && tab.url) refreshTab(tab.id, tab.url, 'update').catch(onError);
    });
  });
}
