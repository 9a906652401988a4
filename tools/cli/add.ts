/**
 * `add`: starts a curated incident file that validates, from flags. The organisation may be named
 * as the registry knows it (its name, an alias, a brand or its registry id: "M&S" is Marks and
 * Spencer Group plc), and then fills the organisation's name, brands, home country and domains.
 *
 * Every claim needs a source, so a source is required, and so are the kind, the status and who
 * confirmed it: a new incident never claims to be "ongoing" by default. The record is checked with
 * the same rules as `validate`, against the whole dataset; if anything is wrong it prints the
 * problems and writes nothing. It never overwrites an existing file.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serialiseIncidentFile } from '@/core/model/dataset';
import { isoToday } from '@/core/model/incident-state';
import type { Incident } from '@/core/model/schema';
import { formatProblem, validateRecords } from '@/core/model/validate';
import { CONFIRMATION_BASES, INCIDENT_KINDS, INCIDENT_STATUSES, type ConfirmationBasis, type IncidentKind, type IncidentStatus } from '@/core/model/vocabulary';
import { loadRegistry, type Organisation, type Registry } from '../import/registry';
import { slugify } from '../import/text';
import { defineCommand, ISO_DAY, type OptionValues } from './command';
import { CURATED_DIR, displayPath, listIncidentFiles, readIncidentFiles } from '../shared/dataset-files';
import { DATASET_DIRS } from './load';
import { UsageError } from './usage';

const COUNTRY = (v: string) => (/^[A-Za-z]{2}$/.test(v) ? null : 'must be an ISO 3166-1 alpha-2 code such as GB');

const options = {
  organisation: { type: 'string', valueName: 'NAME', description: 'who was hit: a registry name, alias, brand or id ("M&S"), or a new name', required: true },
  title: { type: 'string', valueName: 'TEXT', description: 'one line: what happened', required: true },
  summary: { type: 'string', valueName: 'TEXT', description: 'plain text, every sentence supported by the source', required: true },
  kind: { type: 'string', valueName: 'KIND', description: 'what kind of incident', required: true, choices: INCIDENT_KINDS },
  status: { type: 'string', valueName: 'STATUS', description: 'where it stands', required: true, choices: INCIDENT_STATUSES },
  'confirmed-by': { type: 'string', valueName: 'WHO', description: 'who confirmed it (not for a claimed incident)', choices: CONFIRMATION_BASES },
  'source-url': { type: 'string', valueName: 'URL', description: 'an https source that says it', required: true },
  publisher: { type: 'string', valueName: 'NAME', description: "the source's publisher", required: true },
  'source-title': { type: 'string', valueName: 'TEXT', description: "the source's headline" },
  disclosed: { type: 'string', valueName: 'YYYY-MM-DD', description: 'when it became public (default: today)', check: ISO_DAY },
  started: { type: 'string', valueName: 'YYYY-MM-DD', description: 'when the attack began, if the source says', check: ISO_DAY },
  id: { type: 'string', valueName: 'ID', description: 'the incident id (default: organisation and month, e.g. example-plc-2026-11)' },
  domain: { type: 'string', valueName: 'DOMAIN', description: "the business's own sites in the countries hit (default: the registry's)", multiple: true },
  brand: { type: 'string', valueName: 'NAME', description: 'brands concerned (default: the registry\'s, or the organisation)', multiple: true },
  country: { type: 'string', valueName: 'CC', description: "countries whose customers are concerned (default: the registry's home country)", multiple: true, check: COUNTRY },
  dir: { type: 'string', valueName: 'DIR', description: 'write there instead of data/incidents' },
  'dry-run': { type: 'boolean', description: 'print the record instead of writing it' },
} as const;

/** The organisation `name` spells in the registry: an exact id, name, alias or brand. */
export function findOrganisation(registry: Registry, name: string): Organisation | undefined {
  const lower = name.trim().toLowerCase();
  return (
    registry.organisations.find((o) => o.id === lower) ??
    registry.byName(name) ??
    registry.organisations.find((o) => o.brands.some((b) => b.toLowerCase() === lower))
  );
}

export function skeleton(values: OptionValues<typeof options>, organisation: Organisation | undefined, today: string): Incident {
  const name = organisation?.name ?? values.organisation.trim();
  const disclosed = values.disclosed ?? today;
  const countries = values.country.length > 0 ? values.country.map((c) => c.toUpperCase()) : organisation?.country ? [organisation.country] : [];
  const status = values.status as IncidentStatus;
  if (status === 'claimed' && values['confirmed-by']) throw new UsageError('a claimed incident is confirmed by nobody: drop --confirmed-by');
  if (status !== 'claimed' && !values['confirmed-by']) throw new UsageError(`missing --confirmed-by (${CONFIRMATION_BASES.join(', ')}): who confirmed it happened?`);
  return {
    id: values.id ?? `${organisation?.id ?? slugify(name)}-${disclosed.slice(0, 7)}`,
    title: values.title,
    organisation: name,
    brands: values.brand.length > 0 ? values.brand : organisation && organisation.brands.length > 0 ? organisation.brands : [name],
    countries,
    domains: values.domain.length > 0 ? values.domain.map((d) => d.trim().toLowerCase()) : (organisation?.domains ?? []),
    kind: values.kind as IncidentKind,
    status,
    ...(values['confirmed-by'] ? { confirmedBy: values['confirmed-by'] as ConfirmationBasis } : {}),
    ...(values.started ? { startedOn: values.started } : {}),
    disclosedOn: disclosed,
    updatedOn: disclosed,
    summary: values.summary,
    services: [],
    dataExposed: [],
    affected: [],
    actors: [],
    authorities: [],
    advice: [],
    timeline: [],
    related: [],
    sources: [{ url: values['source-url'], publisher: values.publisher, ...(values['source-title'] ? { title: values['source-title'] } : {}), ...(values.disclosed ? { date: values.disclosed } : {}) }],
    provenance: [{ source: 'curated' }],
  };
}

export const addCommand = defineCommand({
  name: 'add',
  summary: 'start a curated incident file that validates, filled from the organisation registry',
  description: 'Checks the record against the whole dataset and writes data/incidents/<id>.json only if it validates; never overwrites a file.',
  options,
  positionals: [],
  examples: [
    'npm run dataset -- add --organisation "M&S" --kind ransomware --status ongoing --confirmed-by organisation \\\n      --title "Cyber attack pauses online orders" --summary "M&S paused online orders on 25 April 2025 after a cyber attack." \\\n      --source-url https://www.bbc.com/news/articles/c9djvzwn858o --publisher "BBC News" --disclosed 2025-04-22',
  ],
  async run({ values }) {
    const today = isoToday();
    const organisation = findOrganisation(loadRegistry(), values.organisation);
    const incident = skeleton(values, organisation, today);
    const dir = values.dir ? path.resolve(values.dir) : CURATED_DIR;
    const file = path.join(dir, `${incident.id}.json`);
    const existing = await readIncidentFiles(await listIncidentFiles([...new Set([...DATASET_DIRS, dir])]));
    const shown = displayPath(file);
    const { problems } = validateRecords([...existing.records, { file: shown, record: incident }], today);
    const own = problems.filter((p) => p.file === shown);
    if (own.length > 0) {
      for (const p of own) console.log(formatProblem(p));
      console.error('not written: fix the flags above');
      return 1;
    }
    if (organisation) console.error(`organisation: ${organisation.name} (registry id ${organisation.id})`);
    if (values['dry-run']) {
      process.stdout.write(serialiseIncidentFile(incident));
      console.error('dry run: nothing was written');
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
  },
});
