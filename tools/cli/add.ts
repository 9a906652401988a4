/**
 * `add`: starts a curated incident file that validates, from flags:
 *
 *   add --organisation "Example plc" --title "…" --summary "…" \
 *       --source-url https://… --publisher "…" [--id …] [--domain d]… [--brand b]… [--country GB]…
 *       [--kind ransomware] [--status ongoing] [--started YYYY-MM-DD] [--disclosed YYYY-MM-DD]
 *       [--dir DIR] [--dry-run]
 *
 * Every claim needs a source, so a source is required. The record is checked with the same rules
 * as `validate`, against the whole dataset (unique id, one organisation per domain); if anything
 * is wrong it prints the problems and writes nothing. It never overwrites an existing file.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serialiseIncidentFile } from '@/core/model/dataset';
import { isoToday } from '@/core/model/incident-state';
import { slugify } from '../import/text';
import type { Incident } from '@/core/model/schema';
import { formatProblem, validateRecords } from '@/core/model/validate';
import { INCIDENT_KINDS, INCIDENT_STATUSES, type IncidentKind, type IncidentStatus } from '@/core/model/vocabulary';
import { CURATED_DIR, displayPath, listIncidentFiles, readIncidentFiles } from './files';
import { DATASET_DIRS } from './load';
import { UsageError } from './usage';

const REPEATABLE = new Set(['domain', 'brand', 'country']);
const SINGLE = new Set(['id', 'organisation', 'title', 'summary', 'source-url', 'publisher', 'source-title', 'kind', 'status', 'started', 'disclosed', 'dir']);
const REQUIRED = ['organisation', 'title', 'summary', 'source-url', 'publisher'];

export function parseAddFlags(args: string[]): { single: Record<string, string>; lists: Record<string, string[]>; dryRun: boolean } {
  const single: Record<string, string> = {};
  const lists: Record<string, string[]> = { domain: [], brand: [], country: [] };
  let dryRun = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--dry-run') {
      dryRun = true;
      continue;
    }
    const name = arg.startsWith('--') ? arg.slice(2) : '';
    const value = args[i + 1];
    if (!REPEATABLE.has(name) && !SINGLE.has(name)) throw new UsageError(`unknown argument ${arg}`);
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
    i++;
    if (REPEATABLE.has(name)) lists[name]!.push(value);
    else single[name] = value;
  }
  const missing = REQUIRED.filter((r) => !single[r]);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(', ')}`);
  return { single, lists, dryRun };
}

export function skeleton(single: Record<string, string>, lists: Record<string, string[]>, today: string): Incident {
  const disclosed = single.disclosed ?? today;
  const id = single.id ?? `${slugify(single.organisation!)}-${disclosed.slice(0, 7)}`;
  return {
    id,
    title: single.title!,
    organisation: single.organisation!,
    brands: lists.brand!.length > 0 ? lists.brand! : [single.organisation!],
    countries: lists.country!,
    domains: lists.domain!.map((d) => d.trim().toLowerCase()),
    kind: (single.kind ?? 'data-breach') as IncidentKind,
    status: (single.status ?? 'ongoing') as IncidentStatus,
    ...(single.started ? { startedOn: single.started } : {}),
    disclosedOn: disclosed,
    updatedOn: today > disclosed ? today : disclosed,
    summary: single.summary!,
    services: [],
    dataExposed: [],
    affected: [],
    actors: [],
    authorities: [],
    advice: [],
    timeline: [],
    related: [],
    sources: [{ url: single['source-url']!, publisher: single.publisher!, ...(single['source-title'] ? { title: single['source-title'] } : {}), ...(single.disclosed ? { date: single.disclosed } : {}) }],
    provenance: [{ source: 'curated' }],
  };
}

export async function addCommand(args: string[]): Promise<number> {
  const { single, lists, dryRun } = parseAddFlags(args);
  if (single.kind && !(INCIDENT_KINDS as readonly string[]).includes(single.kind)) throw new UsageError(`--kind must be one of ${INCIDENT_KINDS.join(', ')}`);
  if (single.status && !(INCIDENT_STATUSES as readonly string[]).includes(single.status)) throw new UsageError(`--status must be one of ${INCIDENT_STATUSES.join(', ')}`);
  const today = isoToday();
  const incident = skeleton(single, lists, today);
  const dir = single.dir ? path.resolve(single.dir) : CURATED_DIR;
  const file = path.join(dir, `${incident.id}.json`);

  const dirs = [...new Set([...DATASET_DIRS, dir])];
  const existing = await readIncidentFiles(await listIncidentFiles(dirs));
  const shown = displayPath(file);
  const { problems } = validateRecords([...existing.records, { file: shown, record: incident }], today);
  const own = problems.filter((p) => p.file === shown);
  if (own.length > 0) {
    for (const p of own) console.log(formatProblem(p));
    console.error('not written: fix the flags above');
    return 1;
  }
  if (dryRun) {
    process.stdout.write(serialiseIncidentFile(incident));
    return 0;
  }
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists) {
    console.error(`${shown} already exists; choose another --id`);
    return 1;
  }
  await mkdir(dir, { recursive: true });
  await writeFile(file, serialiseIncidentFile(incident), { flag: 'wx' });
  console.error(`wrote ${shown}: add services, data exposed, advice, a timeline and a second source before review`);
  return 0;
}
