/**
 * Dataset updates in the background: a daily alarm (update-alarm.ts) and "check now" fetch the
 * configured URL, "import from file" takes a signed file from the options page. One run at a time;
 * the result and the stage under way are written to storage for the options page to show.
 */
import trustedKeysFile from '#trusted-keys';
import { browser } from 'wxt/browser';
import type { CaveatDb } from '@/core/storage/db';
import { isoToday } from '@/core/model/incident-state';
import { readUserState } from '@/core/storage/settings';
import { fetchLimited } from '@/core/update/fetch-limited';
import { UpdateRefused } from '@/core/update/refusal';
import { statusFromError, statusFromOutcome, UPDATE_PROGRESS_KEY, UPDATE_STATUS_KEY, type UpdateStatus } from '@/core/update/status';
import { updateFromFile, updateFromUrl, type UpdateDeps } from '@/core/update/take-update';
import { loadTrustedKeys } from '@/core/update/trusted-keys';
import { updateUrlOf } from '@/core/update/schedule';
import { scheduleDailyCheck } from './update-alarm';

/** Set at build time (WXT_UPDATE_URL); empty means no default update URL. */
export const BUILD_UPDATE_URL: string = import.meta.env.WXT_UPDATE_URL ?? '';

export interface Updater {
  check(): Promise<UpdateStatus>;
  importFile(text: string): Promise<UpdateStatus>;
}

/**
 * `ready`: resolves once the bundled dataset is in place (an update never races that install);
 * `installed`: called after an update was installed, so lookups answer from it at once.
 */
export function startUpdates(db: CaveatDb, ready: () => Promise<unknown>, installed: () => Promise<void>): Updater {
  // Imported (WebCrypto) on the first update only: a cold start that answers a page has better things to do.
  let keys: ReturnType<typeof loadTrustedKeys> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const deps = async (): Promise<UpdateDeps> => {
    return {
      db,
      trustedKeys: await (keys ??= loadTrustedKeys(trustedKeysFile)),
      fetchBytes: (url, max) => fetchLimited(url, max),
      // The real day, not the display override: "no dates in the future" is about the real clock.
      today: () => isoToday(),
      now: () => new Date(),
      progress: (stage) => void browser.storage.local.set({ [UPDATE_PROGRESS_KEY]: stage }),
    };
  };

  function run(source: UpdateStatus['source'], take: (d: UpdateDeps) => Promise<Parameters<typeof statusFromOutcome>[0]>): Promise<UpdateStatus> {
    const next = queue.then(async () => {
      // Never race the bundled install at startup.
      await ready();
      let status: UpdateStatus;
      try {
        const outcome = await take(await deps());
        // The update is in place whatever happens next; a failed re-read is retried by the next lookup.
        if (outcome.result === 'updated') await installed().catch((error: unknown) => console.error('[caveat]', error));
        status = statusFromOutcome(outcome, source, new Date());
      } catch (error) {
        status = statusFromError(error, source, new Date());
      }
      await browser.storage.local.set({ [UPDATE_STATUS_KEY]: status, [UPDATE_PROGRESS_KEY]: null });
      return status;
    });
    queue = next.catch(() => undefined);
    return next;
  }

  const check = async () => {
    const { settings } = await readUserState(browser.storage.local);
    const url = updateUrlOf(settings, BUILD_UPDATE_URL);
    return run('url', (d) => (url ? updateFromUrl(url, d) : Promise.reject(new UpdateRefused('no-update-url', 'no update URL is set'))));
  };

  scheduleDailyCheck({ settings: async () => (await readUserState(browser.storage.local)).settings, buildUrl: BUILD_UPDATE_URL, check });

  return { check, importFile: (text) => run('file', (d) => updateFromFile(text, d)) };
}
