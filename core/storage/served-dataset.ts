/**
 * The dataset the background answers lookups from, kept right across installs: the bundled
 * dataset when the extension is installed or updated, and signed updates. Every lookup goes
 * through the in-memory index of incident-lookup.ts.
 *
 * The cold-start race: the first navigation can wake the worker of a fresh install before the
 * bundled dataset is in place. A lookup therefore reads at once (while the bundled check runs)
 * and reads again only if an install finished after it started, so at cold start it answers
 * from the full dataset, never "nothing".
 */
import type { Incident } from '../model/schema';
import { ensureBundledDataset, type FetchText } from './bundled-dataset';
import type { CaveatDb } from './db';
import { IncidentLookup } from './incident-lookup';

export interface ServedDataset {
  /** Incidents whose domains match `hostname` (already normalised). */
  lookup(hostname: string): Promise<Incident[]>;
  /** Resolves once the bundled dataset has been checked (true when this worker installed it). */
  ready(): Promise<boolean>;
  /** The extension was installed or updated: check the bundled dataset again. */
  recheckBundled(): void;
  /** A signed update was just installed: answer from it from now on. */
  installed(): Promise<void>;
}

export interface ServeLog {
  info(message: string): void;
  error(message: string, error: unknown): void;
}

/** `trustedKeyIds`: the keys this build trusts; a signed dataset signed by another is replaced by the bundled one. */
export function serveDataset(db: CaveatDb, fetchText: FetchText, log: ServeLog, trustedKeyIds?: readonly string[]): ServedDataset {
  const index = new IncidentLookup(db);
  index.preload();
  /** Installs this worker has finished and started answering from. */
  let installs = 0;
  const installed = async () => {
    await index.reload();
    installs++;
  };
  const installBundled = async () => {
    const done = await ensureBundledDataset(db, fetchText, { trustedKeyIds });
    if (done) {
      await installed();
      log.info('[caveat] bundled dataset installed');
    }
    return done;
  };
  let ready: Promise<boolean> = installBundled().catch((error: unknown) => {
    log.error('[caveat] could not install the bundled dataset', error);
    return false;
  });

  return {
    async lookup(hostname) {
      const before = installs;
      // Read while the bundled check runs; read again only if an install finished meanwhile.
      const early = index.incidentsFor(hostname).catch(() => null);
      await ready;
      const answer = await early;
      return answer !== null && installs === before ? answer : index.incidentsFor(hostname);
    },
    ready: () => ready,
    recheckBundled() {
      // "Installed" stays true if either check installed: a lookup that read before must read again.
      ready = ready.then((before) =>
        installBundled().then(
          (done) => done || before,
          (error: unknown) => {
            log.error('[caveat] could not install the bundled dataset', error);
            return before;
          },
        ),
      );
    },
    installed,
  };
}
