/**
 * The dataset on disk, for every maintainers' tool (the CLI, the importers): where its folders are,
 * and reading incident files (each holds one incident, or an array of them).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSafeJson, SafeJsonError } from '@/core/model/safe-json';
import type { Located, Problem } from '@/core/model/validate';

export const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The dataset itself: curated and imported incidents, and the organisation registry. */
export const DATA_DIR = path.join(PROJECT_DIR, 'data');
/** Hand-written, reviewed incidents: one file each. */
export const CURATED_DIR = path.join(DATA_DIR, 'incidents');
/** Where `dataset build` writes what the extension bundles. */
export const PUBLIC_DIR = path.join(PROJECT_DIR, 'public');

/** Incident files under the given directories, sorted for a stable order. */
export async function listIncidentFiles(dirs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    files.push(...names.filter((n) => n.endsWith('.json')).map((n) => path.join(dir, n)));
  }
  return files.sort();
}

export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

/** Reads files into located records; unreadable or malformed files become problems, never exceptions. */
export async function readIncidentFiles(files: string[]): Promise<{ records: Located[]; problems: Problem[] }> {
  const records: Located[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const shown = displayPath(file);
    try {
      const value = parseSafeJson(await readFile(file, 'utf8'), { maxBytes: 8 * 1024 * 1024 });
      for (const record of Array.isArray(value) ? value : [value]) records.push({ file: shown, record });
    } catch (error) {
      const message = error instanceof SafeJsonError ? `file ${error.message}` : `cannot be read: ${(error as Error).message}`;
      problems.push({ file: shown, id: '(file)', path: '', message });
    }
  }
  return { records, problems };
}
