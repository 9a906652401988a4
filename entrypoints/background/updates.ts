/**
 * Dataset updates, wired to the browser: the keys this build trusts, fetching, the database and
 * storage.local for core/update/updater.ts (one run at a time, status for the options page), and
 * the daily alarm (update-alarm.ts).
 */
import trustedKeysFile from '#trusted-keys';
import { browser } from 'wxt/browser';
import type { CaveatDb } from '@/core/storage/db';
import { isoToday } from '@/core/model/incident-state';
import { readUserState } from '@/core/storage/settings';
import { fetchLimited } from '@/core/update/fetch-limited';
import { updateFromFile, updateFromUrl, type Progress, type UpdateDeps } from '@/core/update/take-update';
import { loadTrustedKeys } from '@/core/update/trusted-keys';
import { createUpdater, type Updater } from '@/core/update/updater';
import { scheduleDailyCheck } from './update-alarm';

/** Set at build time (WXT_UPDATE_URL); empty means no default update URL. */
export const BUILD_UPDATE_URL: string = import.meta.env.WXT_UPDATE_URL ?? '';
/**
 * The key ids this build trusts, read from the bundled file without WebCrypto (the ids are checked
 * against their keys when an update is verified). A signed dataset whose key is not among them is
 * replaced by the bundled one at start (core/storage/bundled-dataset.ts).
 */
export const TRUSTED_KEY_IDS: readonly string[] = (trustedKeysFile as { keys?: { keyId?: unknown }[] }).keys?.flatMap((k) => (typeof k.keyId === 'string' ? [k.keyId] : [])) ?? [];

/**
 * `ready`: resolves once the bundled dataset is in place (an update never races that install);
 * `installed`: called after an update was installed, so lookups answer from it at once.
 */
export function startUpdates(db: CaveatDb, ready: () => Promise<unknown>, installed: () => Promise<void>): Updater {
  // Imported (WebCrypto) on the first update only: a cold start that answers a page has better things to do.
  let keys: ReturnType<typeof loadTrustedKeys> | undefined;
  const takeDeps = async (progress: Progress): Promise<UpdateDeps> => ({
    db,
    trustedKeys: await (keys ??= loadTrustedKeys(trustedKeysFile)),
    fetchBytes: (url, max, options) => fetchLimited(url, max, options),
    // The real day, not the display override: "no dates in the future" is about the real clock.
    today: () => isoToday(),
    now: () => new Date(),
    progress,
  });
  const updater = createUpdater({
    storage: browser.storage.local,
    buildUrl: BUILD_UPDATE_URL,
    ready,
    installed,
    fromUrl: async (url, progress) => updateFromUrl(url, await takeDeps(progress)),
    fromFile: async (text, progress) => updateFromFile(text, await takeDeps(progress)),
    now: () => new Date(),
    log: (error) => console.error('[caveat]', error),
  });
  scheduleDailyCheck({ settings: async () => (await readUserState(browser.storage.local)).settings, buildUrl: BUILD_UPDATE_URL, check: updater.check });
  return updater;
}
