/**
 * Dataset updates in the background: a daily alarm and "check now" fetch the configured URL,
 * "import from file" takes a signed file from the options page. One run at a time; the result and
 * the stage under way are written to storage for the options page to show.
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

const ALARM = 'caveat-dataset-update';
const DAY_MINUTES = 24 * 60;
/** Set at build time (WXT_UPDATE_URL); empty means no default update URL. */
export const BUILD_UPDATE_URL: string = import.meta.env.WXT_UPDATE_URL ?? '';
/**
 * The key ids this build trusts, read from the bundled file without WebCrypto (the ids are checked
 * against their keys when an update is verified). A signed dataset whose key is not among them is
 * replaced by the bundled one at start (core/storage/bundled-dataset.ts).
 */
export const TRUSTED_KEY_IDS: readonly string[] = (trustedKeysFile as { keys?: { keyId?: unknown }[] }).keys?.flatMap((k) => (typeof k.keyId === 'string' ? [k.keyId] : [])) ?? [];

export interface Updater {
  check(): Promise<UpdateStatus>;
  importFile(text: string): Promise<UpdateStatus>;
}

export function startUpdates(db: CaveatDb, ready: () => Promise<unknown>): Updater {
  // Imported (WebCrypto) on the first update only: a cold start that answers a page has better things to do.
  let keys: ReturnType<typeof loadTrustedKeys> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const deps = async (): Promise<UpdateDeps> => {
    return {
      db,
      trustedKeys: await (keys ??= loadTrustedKeys(trustedKeysFile)),
      fetchBytes: (url, max, options) => fetchLimited(url, max, options),
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
        status = statusFromOutcome(await take(await deps()), source, new Date());
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
    const url = settings.updateUrl ?? BUILD_UPDATE_URL;
    return run('url', (d) => (url ? updateFromUrl(url, d) : Promise.reject(new UpdateRefused('no-update-url', 'no update URL is set'))));
  };

  async function schedule(): Promise<void> {
    const { settings } = await readUserState(browser.storage.local);
    const wanted = settings.autoUpdate && Boolean(settings.updateUrl ?? BUILD_UPDATE_URL);
    const existing = await browser.alarms.get(ALARM);
    if (wanted && !existing) await browser.alarms.create(ALARM, { delayInMinutes: 1, periodInMinutes: DAY_MINUTES });
    if (!wanted && existing) await browser.alarms.clear(ALARM);
  }

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void check();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) void schedule();
  });
  // The alarm outlives the worker: (re)schedule when the extension is installed or updated, when
  // the browser starts and when settings change, not on every wake-up.
  browser.runtime.onInstalled.addListener(() => void schedule());
  browser.runtime.onStartup.addListener(() => void schedule());

  return { check, importFile: (text) => run('file', (d) => updateFromFile(text, d)) };
}
