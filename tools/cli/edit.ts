/**
 * `set-status` and `set-service`: move a curated incident on, with the dated source that says so.
 * Each change also becomes a timeline event and raises `updatedOn` to its date (the newest
 * information in the record), which is what makes the incident news again. The whole dataset is
 * validated with the change before the file is rewritten (in canonical form); imported incidents
 * belong to their importers and are refused.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serialiseIncidentFile } from '@/core/model/dataset';
import { isoToday } from '@/core/model/incident-state';
import { incidentSchema, type Incident } from '@/core/model/schema';
import { formatProblem, validateRecords } from '@/core/model/validate';
import { INCIDENT_STATUSES, SERVICE_KEYS, SERVICE_STATES, type IncidentStatus, type ServiceKey, type ServiceState } from '@/core/model/vocabulary';
import { defineCommand, ISO_DAY, type OptionSpec } from './command';
import { CURATED_DIR, displayPath, listIncidentFiles, readIncidentFiles } from '../shared/dataset-files';
import { DATASET_DIRS } from './load';
import { UsageError } from './usage';

const evidence = {
  date: { type: 'string', valueName: 'YYYY-MM-DD', description: 'the day it took effect', required: true, check: ISO_DAY },
  'source-url': { type: 'string', valueName: 'URL', description: 'an https source that says it', required: true },
  publisher: { type: 'string', valueName: 'NAME', description: "the source's publisher", required: true },
  'source-title': { type: 'string', valueName: 'TEXT', description: "the source's headline" },
  note: { type: 'string', valueName: 'TEXT', description: 'what happened, for the timeline (default: a sentence naming the change)' },
  dir: { type: 'string', valueName: 'DIR', description: 'where the curated incident files are (default: data/incidents)' },
  'dry-run': { type: 'boolean', description: 'print the record instead of writing it' },
} as const satisfies Record<string, OptionSpec>;

interface Evidence {
  date: string;
  'source-url': string;
  publisher: string;
  'source-title'?: string | undefined;
  note?: string | undefined;
}

/** Adds the source (once) and the timeline event, and raises updatedOn to the change's date. */
export function withEvidence(incident: Incident, change: Evidence, event: string): Incident {
  const source = { url: change['source-url'], publisher: change.publisher, ...(change['source-title'] ? { title: change['source-title'] } : {}), date: change.date };
  const sources = incident.sources.some((s) => s.url === source.url) ? incident.sources : [...incident.sources, source];
  const timeline = [...incident.timeline, { date: change.date, event: change.note ?? event }].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ...incident, sources, timeline, updatedOn: change.date > incident.updatedOn ? change.date : incident.updatedOn };
}

export function setStatus(incident: Incident, status: IncidentStatus, change: Evidence): Incident {
  if (status === 'claimed') throw new UsageError('an incident cannot go back to an unconfirmed claim; correct the record by hand instead');
  const { containedOn: _c, resolvedOn: _r, ...rest } = incident;
  const dates =
    status === 'resolved'
      ? { ...(incident.containedOn ? { containedOn: incident.containedOn } : {}), resolvedOn: change.date }
      : status === 'contained'
        ? { containedOn: change.date }
        : {};
  const confirmedBy = incident.confirmedBy ?? 'reporting';
  return withEvidence({ ...rest, ...dates, status, confirmedBy }, change, `Status: ${status}.`);
}

export function setService(incident: Incident, service: ServiceKey, state: ServiceState, change: Evidence): Incident {
  const entry = { service, state, since: change.date, ...(change.note ? { note: change.note } : {}) };
  const services = [...incident.services.filter((s) => !(s.service === service && s.since === change.date)), entry];
  return withEvidence({ ...incident, services }, change, `${service.replaceAll('-', ' ')}: ${state}.`);
}

/** Reads the curated incident `id`, applies `edit`, validates the whole dataset with it, writes it. */
async function editCurated(id: string, options: { dir?: string | undefined; 'dry-run': boolean }, edit: (incident: Incident) => Incident): Promise<number> {
  const dryRun = options['dry-run'];
  const file = path.join(options.dir ? path.resolve(options.dir) : CURATED_DIR, `${id}.json`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`no curated incident "${id}" (${displayPath(file)}); imported incidents are changed by their importers, not by hand`);
  }
  const parsed = incidentSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new UsageError(`${displayPath(file)} does not validate; run validate first`);
  const next = edit(parsed.data);
  const today = isoToday();
  const all = await readIncidentFiles(await listIncidentFiles(DATASET_DIRS));
  const shown = displayPath(file);
  const others = all.records.filter((r) => (r.record as { id?: unknown } | null)?.id !== id);
  const records = [...others, { file: shown, record: next }];
  const problems = validateRecords(records, today).problems.filter((p) => p.file === shown);
  if (problems.length > 0) {
    for (const p of problems) console.log(formatProblem(p));
    console.error('not written: the change would make the record invalid');
    return 1;
  }
  if (dryRun) {
    process.stdout.write(serialiseIncidentFile(next));
    console.error('dry run: nothing was written');
    return 0;
  }
  await writeFile(file, serialiseIncidentFile(next));
  console.error(`updated ${shown}`);
  return 0;
}

export const setStatusCommand = defineCommand({
  name: 'set-status',
  summary: "change a curated incident's status (ongoing, contained, resolved) with the dated source that says so",
  description: 'Sets containedOn/resolvedOn to --date, adds the source and a timeline event, and raises updatedOn.',
  options: evidence,
  positionals: [
    { name: 'id', description: 'the curated incident', required: true },
    { name: 'status', description: 'the new status', required: true, choices: INCIDENT_STATUSES },
  ],
  examples: ['npm run dataset -- set-status marks-and-spencer-2025-04 resolved --date 2025-08-21 --source-url https://… --publisher "The Irish Times"'],
  run: ({ values, positionals }) => editCurated(positionals[0]!, values, (i) => setStatus(i, positionals[1] as IncidentStatus, values)),
});

export const setServiceCommand = defineCommand({
  name: 'set-service',
  summary: "record a service's new state on a curated incident (e.g. click-and-collect restored) with its dated source",
  options: evidence,
  positionals: [
    { name: 'id', description: 'the curated incident', required: true },
    { name: 'service', description: 'the service', required: true, choices: SERVICE_KEYS },
    { name: 'state', description: 'its state from --date', required: true, choices: SERVICE_STATES },
  ],
  examples: ['npm run dataset -- set-service marks-and-spencer-2025-04 click-and-collect restored --date 2025-08-11 --source-url https://… --publisher "The Grocer"'],
  run: ({ values, positionals }) => editCurated(positionals[0]!, values, (i) => setService(i, positionals[1] as ServiceKey, positionals[2] as ServiceState, values)),
});
