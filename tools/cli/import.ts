/**
 * `import <hibp|ransomware|notices|prc|wikipedia> <file> [--dry-run]`: runs one importer on a
 * feed file anywhere on disk, writes data/imported/, and prints the summary (added / updated /
 * unchanged / skipped by reason). Progress goes to stderr; a malformed feed exits 1 having
 * written nothing.
 */
import path from 'node:path';
import { isoToday } from '@/core/model/incident-state';
import { ImportError, runImport, type ImportSummary } from '../import/run';
import { FEED_SOURCES, FeedError, type FeedSource } from '../import/types';
import { CURATED_DIR, displayPath } from '../shared/dataset-files';
import { IMPORTED_DIR } from './load';
import { defineCommand } from './command';


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

export const importCommand = defineCommand({
  name: 'import',
  summary: 'import a public feed into data/imported (never touches curated incidents)',
  description: 'Reads the feed file from any path, selects retail and e-commerce records, merges them with the dataset and validates the result before writing anything. A malformed feed exits 1 having written nothing.',
  options: { 'dry-run': { type: 'boolean', description: 'read, select, merge and validate, but write nothing' } },
  positionals: [
    { name: 'feed', description: 'which importer reads the file', required: true, choices: FEED_SOURCES },
    { name: 'file', description: 'the downloaded feed file', required: true },
  ],
  examples: ['npm run dataset -- import hibp ../shared/datasets/hibp-breaches.json', 'npm run dataset -- import PRC ~/Downloads/prc.csv --dry-run'],
  run: ({ values, positionals }) => importFeed(positionals[0] as FeedSource, positionals[1]!, values['dry-run']),
});

async function importFeed(source: FeedSource, file: string, dryRun: boolean): Promise<number> {
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
    if (dryRun) console.error(`dry run: nothing was written (a real import would add ${summary.added.length}, update ${summary.updated.length} and retire ${summary.retired.length} file(s) in ${displayPath(IMPORTED_DIR)})`);
    else if (summary.written.length > 0) console.error(`wrote ${summary.written.length} file(s) to ${displayPath(IMPORTED_DIR)}`);
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
