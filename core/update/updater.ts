/**
 * Taking dataset updates, one run at a time: "check now" and the daily alarm fetch the update URL
 * in force, "import from file" takes a signed file. Each run waits for the bundled dataset to be in
 * place (an update never races that install), writes the stage under way and then the result to
 * storage for the options page, and tells the background when a new dataset was installed. The
 * browser's parts (fetching, keys, the database) come in through `UpdaterDeps`; tested in
 * tests/unit/updater.test.ts.
 */
import { readUserState, type KeyValueArea } from '../storage/settings';
import { UpdateRefused } from './refusal';
import { updateUrlOf } from './schedule';
import { statusFromError, statusFromOutcome, UPDATE_PROGRESS_KEY, UPDATE_STATUS_KEY, type UpdateStatus } from './status';
import type { Progress, UpdateOutcome } from './take-update';

export interface UpdaterDeps {
  /** Where settings are read and the status and progress written (storage.local). */
  storage: KeyValueArea;
  /** The build's default update URL ('' for none). */
  buildUrl: string;
  /** Resolves once the bundled dataset is in place. */
  ready(): Promise<unknown>;
  /** A new dataset was installed: answer lookups from it. */
  installed(): Promise<void>;
  /** Takes the update at `url` (core/update/take-update.ts `updateFromUrl`). */
  fromUrl(url: string, progress: Progress): Promise<UpdateOutcome>;
  /** Takes a signed file's text (`updateFromFile`). */
  fromFile(text: string, progress: Progress): Promise<UpdateOutcome>;
  now(): Date;
  log(error: unknown): void;
}

export interface Updater {
  check(): Promise<UpdateStatus>;
  importFile(text: string): Promise<UpdateStatus>;
}

export function createUpdater(deps: UpdaterDeps): Updater {
  let queue: Promise<unknown> = Promise.resolve();
  const progress: Progress = (stage) => void deps.storage.set({ [UPDATE_PROGRESS_KEY]: stage }).catch(deps.log);

  function run(source: UpdateStatus['source'], take: () => Promise<UpdateOutcome>): Promise<UpdateStatus> {
    const next = queue.then(async () => {
      await deps.ready();
      let status: UpdateStatus;
      try {
        const outcome = await take();
        // The update is in place whatever happens next; a failed re-read is retried by the next lookup.
        if (outcome.result === 'updated') await deps.installed().catch(deps.log);
        status = statusFromOutcome(outcome, source, deps.now());
      } catch (error) {
        status = statusFromError(error, source, deps.now());
      }
      await deps.storage.set({ [UPDATE_STATUS_KEY]: status, [UPDATE_PROGRESS_KEY]: null });
      return status;
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    async check() {
      const { settings } = await readUserState(deps.storage);
      const url = updateUrlOf(settings, deps.buildUrl);
      return run('url', () => (url ? deps.fromUrl(url, progress) : Promise.reject(new UpdateRefused('no-update-url', 'no update URL is set'))));
    },
    importFile: (text) => run('file', () => deps.fromFile(text, progress)),
  };
}
