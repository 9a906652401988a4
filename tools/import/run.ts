/**
 * One import, start to finish: read the feed file, shape-check every record (a malformed record
 * aborts with its record and field before anything is written), select, merge with the curated
 * and imported layers, validate the result exactly as `dataset validate` would, and only then
 * write the changed files — each to a temporary name and renamed into place.
 */
import { readFile, rename, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { serialiseIncidentFile } from '@/core/model/dataset';
import { incidentSchema, type Incident } from '@/core/model/schema';
import { formatProblem, validateRecords, type Located } from '@/core/model/validate';
import { listIncidentFiles, readIncidentFiles } from '../shared/dataset-files';
import { hibpImporter } from './hibp';
import { mergeCandidates, type MergeResult } from './merge';
import { noticesImporter } from './notices';
import { prcImporter } from './prc';
import { ransomwareImporter } from './ransomware';
import { loadRegistry, type Registry } from './registry';
import { FeedError, type FeedSource, type Importer } from './types';
import { wikipediaImporter } from './wikipedia';

export const IMPORTERS: Record<FeedSource, Importer> = {
  hibp: hibpImporter,
  ransomware: ransomwareImporter,
  notices: noticesImporter,
  prc: prcImporter,
  wikipedia: wikipediaImporter,
};

/** Feeds are a few MB; anything far bigger is a wrong file, refused before it is read. */
export const MAX_FEED_BYTES = 64 * 1024 * 1024;

export class ImportError extends Error {}

export interface ImportOptions {
  source: FeedSource;
  file: string;
  curatedDir: string;
  importedDir: string;
  today: string;
  registry?: Registry;
  progress?: (done: number, total: number) => void;
  /** Parse, select, merge and validate, but write nothing. */
  dryRun?: boolean;
}

/** The merge's outcome (without the layer itself), plus what was read and what was written. */
export interface ImportSummary extends Omit<MergeResult, 'imported'> {
  source: FeedSource;
  total: number;
  selected: number;
  written: string[];
}

async function readLayer(dir: string): Promise<{ records: Located[]; problems: string[] }> {
  const read = await readIncidentFiles(await listIncidentFiles([dir]));
  return { records: read.records, problems: read.problems.map(formatProblem) };
}

export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const importer = IMPORTERS[options.source];
  const size = (await stat(options.file)).size;
  if (size > MAX_FEED_BYTES) throw new FeedError('(file)', '', `file is too large (${size} bytes; the limit is ${MAX_FEED_BYTES})`);
  const select = importer.parse(await readFile(options.file, 'utf8'));

  const registry = options.registry ?? loadRegistry();
  const curatedLayer = await readLayer(options.curatedDir);
  const curated = curatedLayer.records.flatMap(({ record }) => {
    const parsed = incidentSchema.safeParse(record);
    return parsed.success ? [parsed.data] : [];
  });
  const importedLayer = await readLayer(options.importedDir);
  if (importedLayer.problems.length > 0) throw new ImportError(`the imported layer cannot be read:\n${importedLayer.problems.join('\n')}`);
  const imported = new Map<string, Incident>();
  const importedFiles = new Map<string, string>();
  for (const { file, record } of importedLayer.records) {
    const parsed = incidentSchema.safeParse(record);
    if (!parsed.success) throw new ImportError(`${file}: not a valid incident (run \`dataset validate\`); fix it before importing`);
    imported.set(parsed.data.id, parsed.data);
    importedFiles.set(parsed.data.id, file);
  }

  const retailDomains = new Set([...curated.flatMap((c) => c.domains), ...registry.domains]);
  const selection = select({ registry, retailDomains, progress: options.progress });
  const merged = mergeCandidates({ importer, candidates: selection.candidates, curated, imported, registry });

  // Validate the dataset as it would be after writing; refuse if any imported record has a problem.
  const fileOf = (id: string) => path.join(options.importedDir, `${id}.json`);
  const located: Located[] = [
    ...curatedLayer.records,
    ...[...merged.imported.values()].map((incident) => ({ file: fileOf(incident.id), record: incident })),
  ];
  const importedPaths = new Set([...merged.imported.keys()].map(fileOf));
  const problems = validateRecords(located, options.today).problems.filter((p) => importedPaths.has(p.file));
  if (problems.length > 0) {
    throw new ImportError(`the import would write ${problems.length} invalid record(s); nothing was written:\n${problems.slice(0, 20).map(formatProblem).join('\n')}`);
  }

  const changed = [...merged.added, ...merged.updated];
  const written: string[] = [];
  if (!options.dryRun && changed.length > 0) {
    await mkdir(options.importedDir, { recursive: true });
    for (const id of changed.sort()) {
      const target = fileOf(id);
      const temporary = `${target}.tmp`;
      await writeFile(temporary, serialiseIncidentFile(merged.imported.get(id)!));
      await rename(temporary, target);
      written.push(target);
    }
  }
  if (!options.dryRun) for (const id of merged.retired) await rm(importedFiles.get(id) ?? fileOf(id), { force: true });
  const skipped = { ...selection.skipped, ...merged.skipped };
  return {
    source: options.source,
    total: selection.total,
    selected: selection.candidates.length,
    added: merged.added,
    updated: merged.updated,
    unchanged: merged.unchanged,
    retired: merged.retired,
    skipped: Object.fromEntries(Object.entries(skipped).sort(([a], [b]) => (a < b ? -1 : 1))),
    curatedMatches: merged.curatedMatches,
    written,
  };
}
