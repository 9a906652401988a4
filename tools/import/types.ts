/**
 * What every importer shares: the shape of a candidate incident, skip-reason counting, and the
 * one error type for a malformed feed (it names the record and the field, and aborts the import
 * before anything is written).
 */
import type { Incident } from '@/core/model/schema';
import type { ProvenanceSource } from '@/core/model/vocabulary';
import type { Registry } from './registry';

export type FeedSource = Exclude<ProvenanceSource, 'curated'>;
export const FEED_SOURCES: readonly FeedSource[] = ['hibp', 'ransomware', 'notices', 'prc', 'wikipedia'];

/** An incident as one feed record describes it; `merge` gives it an id and provenance. */
export type Draft = Omit<Incident, 'id' | 'provenance'>;

export interface Candidate {
  /** The feed's own key for the record (HIBP Name, post id, CSV row number…), unique within the feed. */
  record: string;
  /** Which snapshot of the feed the record came from (record's own modified date, or the export's last date). */
  snapshot: string;
  /** Basis for the incident id: registry id or a slug of the organisation. */
  slug: string;
  draft: Draft;
}

export interface Selection {
  candidates: Candidate[];
  /** Records left out, counted by reason. */
  skipped: Record<string, number>;
  total: number;
}

export interface ImportContext {
  registry: Registry;
  /** Domains that belong to retailers already in the dataset (curated incidents, registry). */
  retailDomains: ReadonlySet<string>;
  /** Called every so often on long inputs (stderr in the CLI). */
  progress?: (done: number, total: number) => void;
}

/** What becomes of one feed record: a candidate incident, or the reason it is left out. */
export type Decision = Candidate | string;

/** One feed's importer, over its own record type. */
export interface FeedImporter<FeedRecord> {
  source: FeedSource;
  /** Whether two records of this feed can be the same incident (several AG notices of one breach). */
  mergesWithinFeed: boolean;
  /** Parses and shape-checks the whole file; throws FeedError on the first malformed record. */
  parse(text: string): FeedRecord[];
  /**
   * Called once per feed with all its records, for what depends on all of them (a static export's
   * snapshot date, keys that repeat); returns the decision for each record, called in feed order.
   */
  decider(records: readonly FeedRecord[], context: ImportContext): (record: FeedRecord, index: number) => Decision;
  /** Progress is reported every this many records (default 1000). */
  progressStep?: number;
}

/** An importer whatever its record type, as the import run and the merge use it. */
export interface Importer {
  source: FeedSource;
  mergesWithinFeed: boolean;
  /** Parses and shape-checks the whole file (throws FeedError); returns the selection, to run once the dataset is read. */
  parse(text: string): (context: ImportContext) => Selection;
}

/** The one selection loop every importer shares: progress, skip reasons counted, candidates kept in feed order. */
export function defineImporter<FeedRecord>(importer: FeedImporter<FeedRecord>): Importer {
  return {
    source: importer.source,
    mergesWithinFeed: importer.mergesWithinFeed,
    parse(text) {
      const records = importer.parse(text);
      return (context) => {
        const decide = importer.decider(records, context);
        const skipped: Record<string, number> = {};
        const candidates: Candidate[] = [];
        records.forEach((record, i) => {
          reportProgress(context, i + 1, records.length, importer.progressStep);
          const decision = decide(record, i);
          if (typeof decision === 'string') countSkip(skipped, decision);
          else candidates.push(decision);
        });
        return { candidates, skipped, total: records.length };
      };
    },
  };
}

export class FeedError extends Error {
  constructor(
    readonly record: string,
    readonly field: string,
    detail: string,
  ) {
    super(`record ${record}: ${field || '(record)'}: ${detail}`);
  }
}

export function countSkip(skipped: Record<string, number>, reason: string): void {
  skipped[reason] = (skipped[reason] ?? 0) + 1;
}

/** Progress every `step` records, only for inputs long enough to make a person wait. */
export function reportProgress(context: ImportContext, done: number, total: number, step = 1000): void {
  if (context.progress && total >= step && (done % step === 0 || done === total)) context.progress(done, total);
}
