/**
 * The canonical form of an incident file: the record re-parsed through the schema (keys in schema
 * order, absent optional fields absent), as 2-space JSON with a final newline. It is what every
 * tool writes, so a hand edit and a tool edit of the same fact give the same bytes and the same diff.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { serialiseIncidentFile } from '@/core/model/dataset';
import { incidentSchema } from '@/core/model/schema';
import type { Problem } from '@/core/model/validate';
import { displayPath } from '../shared/dataset-files';

/** What the file should hold, or null when it does not hold one schema-valid record (validate reports that). */
async function canonicalText(file: string): Promise<{ text: string; canonical: string | null }> {
  const text = await readFile(file, 'utf8');
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return { text, canonical: null };
  }
  const parsed = incidentSchema.safeParse(record);
  return { text, canonical: parsed.success ? serialiseIncidentFile(parsed.data) : null };
}

export async function canonicalFormProblems(files: string[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const file of files) {
    const { text, canonical } = await canonicalText(file);
    if (canonical === null || canonical === text) continue;
    const id = (JSON.parse(canonical) as { id: string }).id;
    problems.push({ file: displayPath(file), id, path: '', message: `not in canonical form (keys in schema order, 2-space JSON, final newline): run npm run dataset -- format ${displayPath(file)}` });
  }
  return problems;
}

/** Rewrites each file that holds one valid record into canonical form; returns the files changed. */
export async function formatFiles(files: string[]): Promise<string[]> {
  const changed: string[] = [];
  for (const file of files) {
    const { text, canonical } = await canonicalText(file);
    if (canonical === null || canonical === text) continue;
    await writeFile(file, canonical);
    changed.push(displayPath(file));
  }
  return changed;
}
