/**
 * Validation of incident records: the schema, then the rules that need the whole dataset or a
 * clock. Every problem is one `Problem` naming file, record id and field path, so a maintainer
 * can go straight to it. Pure: file reading lives in the CLI.
 */
import type { core } from 'zod/mini';
import { incidentSchema, type Incident } from './schema';
import { pathOf } from './issue-path';

export interface Problem {
  file: string;
  id: string;
  path: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.id}: ${p.path || '(record)'}: ${p.message}`;
}

export interface Located {
  file: string;
  record: unknown;
}

export interface ValidationResult {
  incidents: Incident[];
  problems: Problem[];
}

function idOf(record: unknown): string {
  const id = record && typeof record === 'object' ? (record as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length <= 100 ? id : '(no id)';
}

/** Messages may quote the offending value; a hostile record must not turn one problem line into 100 KB. */
const MAX_MESSAGE = 300;
function bounded(message: string): string {
  return message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE)}… (${message.length} characters)`;
}

function schemaProblems(file: string, record: unknown, error: core.$ZodError): Problem[] {
  return error.issues.map((issue) => ({ file, id: idOf(record), path: pathOf(issue.path), message: issue.message }));
}

/** Rules inside one record that the schema cannot express. */
function recordProblems(file: string, incident: Incident, today: string): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ file, id: incident.id, path, message });

  const dated: [string, string | undefined][] = [
    ['startedOn', incident.startedOn],
    ['disclosedOn', incident.disclosedOn],
    ['containedOn', incident.containedOn],
    ['resolvedOn', incident.resolvedOn],
    ['updatedOn', incident.updatedOn],
  ];
  incident.services.forEach((s, i) => dated.push([`services[${i}].since`, s.since]));
  incident.timeline.forEach((t, i) => dated.push([`timeline[${i}].date`, t.date]));
  incident.sources.forEach((s, i) => dated.push([`sources[${i}].date`, s.date]));
  for (const [path, date] of dated) if (date && date > today) add(path, `${date} is in the future (today is ${today})`);

  const order: [string, string | undefined][] = dated.slice(0, 4);
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) {
      const [a, da] = order[i]!;
      const [b, db] = order[j]!;
      // Compare only at the precision both dates have: "2014" is not before "2014-03-01".
      const n = Math.min(da?.length ?? 0, db?.length ?? 0);
      if (da && db && da.slice(0, n) > db.slice(0, n)) add(b, `${b} (${db}) is before ${a} (${da})`);
    }
  }
  if (incident.resolvedOn && incident.status !== 'resolved') add('status', `is "${incident.status}" but resolvedOn is set`);

  const seen = new Set<string>();
  incident.domains.forEach((d, i) => {
    if (seen.has(d)) add(`domains[${i}]`, `"${d}" is listed twice`);
    seen.add(d);
  });
  const serviceDates = new Set<string>();
  incident.services.forEach((s, i) => {
    const key = `${s.service}@${s.since}`;
    if (serviceDates.has(key)) add(`services[${i}]`, `${s.service} has two states on ${s.since}`);
    serviceDates.add(key);
  });
  return problems;
}

/**
 * Validates records against the schema and the dataset-wide rules:
 * unique ids; `related` ids exist; a domain belongs to one organisation unless the incidents are
 * explicitly related; nothing dated after `today`.
 */
export function validateRecords(records: Located[], today: string): ValidationResult {
  const problems: Problem[] = [];
  const valid: { file: string; incident: Incident }[] = [];
  for (const { file, record } of records) {
    const parsed = incidentSchema.safeParse(record);
    if (!parsed.success) {
      problems.push(...schemaProblems(file, record, parsed.error));
      continue;
    }
    const own = recordProblems(file, parsed.data, today);
    problems.push(...own);
    if (own.length === 0) valid.push({ file, incident: parsed.data });
  }

  const byId = new Map<string, { file: string; incident: Incident }>();
  for (const entry of valid) {
    const other = byId.get(entry.incident.id);
    if (other) problems.push({ file: entry.file, id: entry.incident.id, path: 'id', message: `duplicates the id in ${other.file}` });
    else byId.set(entry.incident.id, entry);
  }

  const related = (a: Incident, b: Incident) =>
    a.related.some((r) => r.id === b.id) || b.related.some((r) => r.id === a.id);
  const owners = new Map<string, Incident[]>();
  for (const { file, incident } of byId.values()) {
    incident.related.forEach((r, i) => {
      if (!byId.has(r.id)) problems.push({ file, id: incident.id, path: `related[${i}].id`, message: `"${r.id}" is not an incident in this dataset` });
    });
    incident.domains.forEach((domain, i) => {
      const claimants = owners.get(domain) ?? [];
      const clash = claimants.find((c) => c.organisation !== incident.organisation && !related(c, incident));
      if (clash) {
        problems.push({
          file,
          id: incident.id,
          path: `domains[${i}]`,
          message: `"${domain}" is also claimed by ${clash.organisation} (${clash.id}); relate the incidents or fix the domain`,
        });
      }
      claimants.push(incident);
      owners.set(domain, claimants);
    });
  }

  const clean = new Set(problems.map((p) => p.id));
  const incidents = [...byId.values()].map((e) => e.incident).filter((i) => !clean.has(i.id));
  return { incidents, problems: problems.map((p) => ({ ...p, message: bounded(p.message) })) };
}
