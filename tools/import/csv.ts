/**
 * CSV feeds (PRC, the Wikipedia list) through csv-parse: quoted fields with commas and line
 * breaks, CRLF, a BOM. Each row is checked to have the columns the importer needs; a file that is
 * not CSV, or a row that does not fit, is a FeedError naming the line and column.
 */
import { parse } from 'csv-parse/sync';
import { FeedError } from './types';

export const MAX_CSV_CHARS = 64 * 1024 * 1024;

export interface CsvRow {
  /** 1-based record number, the header being record 1 (for error messages). */
  row: number;
  values: Record<string, string>;
}

export function parseCsv(text: string, required: readonly string[]): CsvRow[] {
  if (text.length > MAX_CSV_CHARS) throw new FeedError('(file)', '', `file is too large (${text.length} characters; the limit is ${MAX_CSV_CHARS})`);
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: false, skip_empty_lines: true });
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new FeedError(e.lines ? `at line ${e.lines}` : '(file)', '', `file is not valid CSV: ${e.message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new FeedError('(file)', '', 'file is empty');
  const columns = header.map((c) => c.trim());
  for (const name of required) if (!columns.includes(name)) throw new FeedError('1 (header)', name, `missing column "${name}" (found: ${columns.join(', ')})`);
  return rows.map((record, index) => {
    // No prototype: a column called "__proto__" stays a plain key.
    const values: Record<string, string> = Object.create(null) as Record<string, string>;
    columns.forEach((c, i) => (values[c] = record[i] ?? ''));
    return { row: index + 2, values };
  });
}
