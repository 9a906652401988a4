import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundledSequence, type BundledVersion } from '@/core/storage/bundled-dataset';
import { buildDataset, serialiseDataset } from '@/core/model/dataset';
import { formatProblem } from '@/core/model/validate';
import { displayPath, PUBLIC_DIR } from './files';
import { loadIncidents } from './load';

/** Refuses to build from invalid data: the extension only ever ships a dataset that validates. */
export async function buildCommand(args: string[]): Promise<number> {
  const outDir = args[0] === '--out' && args[1] ? path.resolve(args[1]) : PUBLIC_DIR;
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
