/**
 * One refresh, start to finish: read every live source (or the cache, or files given), hand each
 * feed to its importer (which validates before it writes anything), validate the whole dataset,
 * run the review steps, and compare the dataset before and after for the review report.
 * Nothing is published here: the report goes into a pull request a person approves.
 *
 * Failures stay local: a source that cannot be reached or answers in the wrong shape is reported
 * and the others go on; its cached copy is not replaced. A response is kept in the cache only
 * once its feed was imported.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Incident } from '@/core/model/schema';
import { formatProblem } from '@/core/model/validate';
import { datasetDirsOf, loadIncidents } from '../cli/load';
import { ResponseCache } from '../fetch/cache';
import { FetchError, HttpClient, type HttpDeps, type HttpPolicy } from '../fetch/http';
import { ShapeError, type Source, type SourceId } from '../fetch/source';
import { SOURCES } from '../fetch/sources';
import { rowsToCsv } from '../fetch/sources/wikipedia';
import { ImportError, runImport, type ImportSummary } from '../import/run';
import { loadRegistry } from '../import/registry';
import { FeedError, type FeedSource } from '../import/types';
import { renderReport, type RefreshOutcome, type SourceOutcome } from './report';
import { reviewChanges } from './review';

export type RefreshFeed = Exclude<FeedSource, 'prc'>;
export const REFRESH_FEEDS: readonly RefreshFeed[] = ['hibp', 'ransomware', 'notices', 'wikipedia'];

/** A check run on the dataset after the import; its findings go into the report. `audit` plugs in here. */
export interface ReviewStep {
  name: string;
  run(incidents: Incident[], today: string): Promise<string[]>;
}

export interface RefreshOptions {
  dataDir: string;
  cacheDir: string;
  offline: boolean;
  /** Feeds read from files instead of their sources (any path; the importer's input format). */
  feedFiles: Partial<Record<RefreshFeed, string>>;
  /** Base URLs instead of the sources' defaults (mirrors, tests). */
  endpoints: Partial<Record<SourceId, string>>;
  policy: HttpPolicy;
  today: string;
  windowDays: number;
  steps: ReviewStep[];
  progress(line: string): void;
  http?: HttpDeps;
}

export interface RefreshResult {
  outcome: RefreshOutcome;
  markdown: string;
}

function feedText(feed: RefreshFeed, records: unknown[]): string {
  return feed === 'wikipedia' ? rowsToCsv(records as Record<string, string>[]) : `${JSON.stringify(records)}\n`;
}

async function loadDataset(dataDir: string, today: string) {
  return loadIncidents(undefined, today, datasetDirsOf(dataDir));
}

export async function refresh(o: RefreshOptions): Promise<RefreshResult> {
  const before = await loadDataset(o.dataDir, o.today);
  if (before.problems.length > 0) {
    throw new ImportError(`the dataset in ${o.dataDir} has ${before.problems.length} problem(s) before the refresh (run validate):\n${before.problems.slice(0, 10).map(formatProblem).join('\n')}`);
  }
  const http = new HttpClient(o.policy, new ResponseCache(o.cacheDir), o.offline, { ...o.http, log: o.progress });
  const sources: SourceOutcome[] = [];
  const gathered = new Map<RefreshFeed, { records: unknown[]; keep: (() => Promise<void>)[] }>();

  const wanted = SOURCES.filter((s) => o.feedFiles[s.feed] === undefined);
  for (const [i, source] of wanted.entries()) {
    o.progress(`[${i + 1}/${wanted.length}] ${source.id}: ${o.offline ? 'from the cache' : 'fetching'}…`);
    const outcome = await fetchSource(source, http, o);
    sources.push(outcome.report);
    o.progress(`[${i + 1}/${wanted.length}] ${source.id}: ${outcome.report.result === 'ok' ? '' : `${outcome.report.result}: `}${outcome.report.detail}`);
    if (!outcome.records) continue;
    const feed = gathered.get(source.feed) ?? { records: [], keep: [] };
    feed.records.push(...outcome.records);
    feed.keep.push(outcome.keep!);
    gathered.set(source.feed, feed);
  }

  const work = await mkdtemp(path.join(os.tmpdir(), 'caveat-refresh-'));
  const imports: ImportSummary[] = [];
  const importFailures: RefreshOutcome['importFailures'] = [];
  try {
    const registry = loadRegistry(path.join(o.dataDir, 'organisations.json'));
    const [curatedDir, importedDir] = datasetDirsOf(o.dataDir) as [string, string];
    for (const feed of REFRESH_FEEDS) {
      let file = o.feedFiles[feed];
      const fetched = gathered.get(feed);
      if (file) sources.push({ id: feed, title: `${feed} feed file`, result: 'ok', detail: `read from ${file}` });
      else if (fetched) await writeFile((file = path.join(work, `${feed}.feed`)), feedText(feed, fetched.records));
      else continue;
      o.progress(`import ${feed}…`);
      try {
        const summary = await runImport({ source: feed, file: path.resolve(file), curatedDir, importedDir, today: o.today, registry, progress: (done, total) => o.progress(`import ${feed}: ${done}/${total} records`) });
        imports.push(summary);
        o.progress(`import ${feed}: added ${summary.added.length}, updated ${summary.updated.length}, retired ${summary.retired.length}`);
        for (const keep of fetched?.keep ?? []) await keep();
      } catch (error) {
        if (!(error instanceof FeedError || error instanceof ImportError || (error as NodeJS.ErrnoException).code === 'ENOENT')) throw error;
        const message = (error as NodeJS.ErrnoException).code === 'ENOENT' ? `${file}: no such file` : (error as Error).message;
        importFailures.push({ feed, message });
        o.progress(`import ${feed}: failed, nothing written (${message.split('\n')[0]})`);
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  o.progress('validate…');
  const after = await loadDataset(o.dataDir, o.today);
  const findings: RefreshOutcome['findings'] = [];
  for (const step of o.steps) {
    o.progress(`${step.name}…`);
    findings.push({ step: step.name, lines: await step.run(after.incidents, o.today) });
  }
  o.progress('review…');
  const outcome: RefreshOutcome = {
    today: o.today,
    sources,
    imports,
    importFailures,
    problems: after.problems.map(formatProblem),
    findings,
    review: reviewChanges(before.incidents, after.incidents, o.today),
  };
  return { outcome, markdown: renderReport(outcome) };
}

async function fetchSource(source: Source, http: HttpClient, o: RefreshOptions): Promise<{ report: SourceOutcome; records?: unknown[]; keep?: () => Promise<void> }> {
  const base = o.endpoints[source.id] ?? source.defaultBase;
  try {
    const result = await source.fetch({ http, base, today: o.today, windowDays: o.windowDays, log: o.progress });
    const how = [...new Set(result.responses.map((r) => ({ network: 'fetched', 'not-modified': 'not modified since the last run', cache: 'from the cache' })[r.from]))].join(', ');
    return {
      report: { id: source.id, title: source.title, result: 'ok', detail: `${result.records.length} records (${result.responses.length} request${result.responses.length === 1 ? '' : 's'}: ${how})` },
      records: result.records,
      keep: result.keep,
    };
  } catch (error) {
    if (error instanceof FetchError || error instanceof ShapeError) return { report: { id: source.id, title: source.title, result: 'failed', detail: error.message } };
    throw error;
  }
}
