/**
 * The background's answer to "which incidents match this hostname". The domain index lives in
 * memory: read from its one stored row when the worker starts (a structured clone of typed
 * arrays, no rebuilding), read again after every install. A hostname that matches nothing, which
 * is most of browsing, is answered without touching the database; a match reads the chunks that
 * hold its incidents in one read transaction, which also checks that the index still describes
 * the installed dataset (`installId`). If an install came in between, the index is read again and
 * the lookup retried: a lookup sees the old dataset or the new one, never half of each.
 */
import { DomainIndex } from '../matching/domain-index';
import type { Incident } from '../model/schema';
import { incidentsAt, indexChunks, installIdOf, storedDomainIndex, withOpenDb, type CaveatDb, type StoredDomainIndex } from './db';

interface Loaded {
  index: DomainIndex;
  installId: string;
}

export class IncidentLookup {
  /** The index being read or in use; undefined after a failed read, so the next lookup tries again. */
  private loading: Promise<Loaded | null> | undefined;

  constructor(private readonly db: CaveatDb) {}

  /** Starts reading the stored index now (at worker start), so the first lookup finds it ready. */
  preload(): void {
    void this.loaded().catch(() => undefined);
  }

  /** Reads the stored index again: after an install, the dataset it describes has changed. */
  async reload(): Promise<void> {
    this.loading = undefined;
    await this.loaded();
  }

  /** Incidents whose domains match `hostname` (already normalised) under the matching rule, in dataset order. */
  async incidentsFor(hostname: string): Promise<Incident[]> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const reading = this.loaded();
      const current = await reading;
      if (!current) return [];
      const positions = current.index.match(hostname);
      if (positions.length === 0) return [];
      const incidents = await incidentsAt(this.db, positions, hostname, current.installId);
      if (incidents) return incidents;
      // Another install replaced the dataset after this index was read: read it again (once for everyone waiting).
      if (this.loading === reading) this.loading = undefined;
    }
    throw new Error('the installed dataset kept changing during one lookup');
  }

  private loaded(): Promise<Loaded | null> {
    this.loading ??= readIndex(this.db).catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }
}

/** The stored index, or one rebuilt from the chunks if it is missing or of another format; null when nothing is installed. */
async function readIndex(db: CaveatDb): Promise<Loaded | null> {
  const stored = await storedDomainIndex(db);
  if (stored) {
    try {
      return { index: new DomainIndex(stored), installId: stored.installId };
    } catch (error) {
      console.warn('[caveat] rebuilding the domain index:', error instanceof Error ? error.message : error);
    }
  }
  const rebuilt = await withOpenDb(db, () =>
    db.transaction('r', db.meta, db.chunks, async (): Promise<StoredDomainIndex | null> => {
      const meta = await db.meta.get('dataset');
      return meta ? indexChunks(await db.chunks.toArray(), installIdOf(meta)) : null;
    }),
  );
  return rebuilt && { index: new DomainIndex(rebuilt), installId: rebuilt.installId };
}
