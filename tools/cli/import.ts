/**
 * `import <hibp|ransomware|notices|prc|wikipedia> <file> [--dry-run]`: runs one importer on a
 * feed file anywhere on disk, writes data/imported/, and prints the summary (added / updated /
 * unchanged / skipped by reason). Progress goes to stderr; a malformed feed exits 1 having
 * written nothing.
 */
import path from 'node:path';
import { isoToday } from '@/core/model/incident-state';
import { ImportError, IMPORTERS, runImport, type ImportSummary } from '../import/run';
import { FEED_SOURCES, FeedError, type FeedSource } from '../import/types';
import { CURATED_DIR, displayPath } from './files';
import { IMPORTED_DIR } from './load';
import { UsageError } from './usage';

const USAGE = `usage: import <${FEED_SOURCES.join('|')}> <file> [--dry-run]`;

export function formatSummary(summary: ImportSummary, seconds: number): string {
  const lines = [
    `${summary.source}: ${summary.total} records read, ${summary.selected} selected as retail/e-commerce (${seconds.toFixed(2)} s)`,
    `  added ${summary.added.length}, updated ${summary.updated.length}, unchanged ${summary.unchanged.length}${summary.retired.length > 0 ? `, retired ${summary.retired.length} (now told by a curated incident: ${summary.retired.join(', ')})` : ''}`,
    `  skipped: ${Object.entries(summary.skipped).map(([reason, n]) => `${reason} ${n}`).join(', ') || 'none'}`,
  ];
  if (summary.curatedMatches.length > 0) {
    const ids = [...new Set(summary.curatedMatches.map((m) => m.id))].sort();
    lines.push(`  already curated (left untouched): ${ids.join(', ')}`);
  }
  return lines.join('\n');
}

export async function importCommand(args: string[]): Promise<number> {
  const dryRun = args.includes('--dry-run');
  const positional = args.filter((a) => a !== '--dry-run');
  const unknown = positional.find((a) => a.startsWith('--'));
  if (unknown) throw new UsageError(`unknown option ${unknown}\n${USAGE}`);
  const [source, file] = positional;
  if (!source || !file || positional.length !== 2) throw new UsageError(USAGE);
  if (!(source in IMPORTERS)) throw new UsageError(`unknown source "${source}"\n${USAGE}`);
  const started = performance.now();
  try {
    const summary = await runImport({
      source: source as FeedSource,
      file: path.resolve(file),
      curatedDir: CURATED_DIR,
      importedDir: IMPORTED_DIR,
      today: isoToday(),
      dryRun,
      progress: (done, total) => process.stderr.write(`${source}: ${done}/${total} records\n`),
    });
    console.log(formatSummary(summary, (performance.now() - started) / 1000));
    if (!dryRun && summary.written.length > 0) console.error(`wrote ${summary.written.length} file(s) to ${displayPath(IMPORTED_DIR)}`);
    return 0;
  } catch (error) {
    if (error instanceof FeedError || error instanceof ImportError) {
      console.error(`import ${source}: ${displayPath(path.resolve(file))}: ${error.message}`);
      console.error('nothing was written');
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`import ${source}: ${file}: no such file`);
      return 1;
    }
    throw error;
  }
}
