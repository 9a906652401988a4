import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundledSequence, type BundledVersion } from '@/core/storage/bundled-dataset';
import { buildDataset, serialiseDataset } from '@/core/model/dataset';
import { formatProblem } from '@/core/model/validate';
import { defineCommand } from './command';
import { displayPath, PUBLIC_DIR } from '../shared/dataset-files';
import { loadIncidents } from './load';

/** Refuses to build from invalid data: the extension only ever ships a dataset that validates. */
export const buildCommand = defineCommand({
  name: 'build',
  summary: 'validate and write the dataset the extension bundles (public/dataset.json + dataset.version.json)',
  description: 'Deterministic: the same data gives the same bytes. Writes nothing if any record has a problem.',
  options: { out: { type: 'string', valueName: 'DIR', description: 'write there instead of public/' } },
  positionals: [],
  examples: ['npm run dataset -- build', 'npm run dataset -- build --out /tmp/caveat-data'],
  run: ({ values }) => build(values.out ? path.resolve(values.out) : PUBLIC_DIR),
});

async function build(outDir: string): Promise<number> {
  const { incidents, problems } = await loadIncidents();
  if (problems.length > 0) {
    for (const problem of problems) console.log(formatProblem(problem));
    console.error(`not built: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    return 1;
  }
  const dataset = await buildDataset(incidents);
  await mkdir(outDir, { recursive: true });
  const datasetFile = path.join(outDir, 'dataset.json');
  await writeFile(datasetFile, serialiseDataset(dataset));
  const version: BundledVersion = { version: dataset.version, contentHash: dataset.contentHash, sequence: bundledSequence(dataset.dataAsOf) };
  await writeFile(path.join(outDir, 'dataset.version.json'), `${JSON.stringify(version)}\n`);
  console.error(`built ${displayPath(datasetFile)}: version ${dataset.version}, ${dataset.counts.incidents} incidents, ${dataset.counts.domains} domains`);
  return 0;
}
