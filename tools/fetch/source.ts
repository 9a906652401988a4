/**
 * What every fetcher shares: the context it runs in, what it returns, and the one error for a
 * response that is not what the source documents (it names the source and the field, and nothing
 * from that response is kept or imported).
 */
import type { FeedSource } from '../import/types';
import type { HttpClient } from './http';

export type SourceId = 'hibp' | 'ransomware-live' | 'sec-edgar' | 'california-ag' | 'washington-ag' | 'oregon-doj' | 'wikipedia';

export interface FetchContext {
  http: HttpClient;
  /** The real day, YYYY-MM-DD: sets the window of the sources read by date. */
  today: string;
  /** How many days back the dated sources (SEC, attorneys general) are read. */
  windowDays: number;
  /** The base URL of this source (its default, or the one given with --endpoint). */
  base: string;
  log(line: string): void;
}

export interface SourceResult {
  /** Records in the importer's input format (the format of the recordings in ../shared/datasets). */
  records: unknown[];
  /** How each response was obtained, for the terminal and the report. */
  responses: { url: string; from: 'network' | 'not-modified' | 'cache' }[];
  /** Keeps every response in the cache; refresh calls it once the import of these records succeeded. */
  keep(): Promise<void>;
}

export interface Source {
  id: SourceId;
  /** The importer that reads what this source gives. */
  feed: Exclude<FeedSource, 'prc'>;
  /** One line: what it is, for --help and the report. */
  title: string;
  defaultBase: string;
  fetch(context: FetchContext): Promise<SourceResult>;
}

export class ShapeError extends Error {
  constructor(
    readonly source: SourceId,
    readonly url: string,
    detail: string,
  ) {
    super(`${source}: ${url}: the response is not in the expected shape (${detail}); nothing from it was kept`);
    this.name = 'ShapeError';
  }
}

export function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0]!;
  return `${issue.path.map(String).join('.') || '(top)'}: ${issue.message}`;
}

/** YYYY-MM-DD from "M/D/YYYY" (US regulators) or anything starting with an ISO date; '' if neither. */
export function normaliseDate(text: string): string {
  const us = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  if (us) return `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
  return /\d{4}-\d{2}-\d{2}/.exec(text)?.[0] ?? '';
}

export function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** The slug rule of the recorded feed's ids ("california:asos-us-sales-llc-2026-08-21"), kept so ids stay stable. */
export function recordSlug(...parts: string[]): string {
  return parts.join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 90);
}

export async function keepAll(keepers: (() => Promise<void>)[]): Promise<void> {
  for (const keep of keepers) await keep();
}
