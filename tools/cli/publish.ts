import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundledSequence } from '@/core/storage/bundled-dataset';
import { buildDataset } from '@/core/model/dataset';
import { parseSafeJson } from '@/core/model/safe-json';
import { envelopeSchema, manifestSchema } from '@/core/update/manifest';
import { DATASET_FILE, publishDataset } from '../publish/publish';
import { privateKeySchema } from '@/core/update/signing';
import { formatProblem } from '@/core/model/validate';
import { defineCommand } from './command';
import { displayPath } from '../shared/dataset-files';
import { loadIncidents } from './load';
import { UsageError } from './usage';

/** The sequence of the manifest already in DIR, if any: a new publication must go higher. */
async function previousSequence(outDir: string): Promise<number> {
  try {
    const envelope = envelopeSchema.parse(parseSafeJson(await readFile(path.join(outDir, 'manifest.json'), 'utf8')));
    return manifestSchema.parse(JSON.parse(envelope.signed)).sequence;
  } catch {
    return 0;
  }
}

/**
 * `publish --out DIR --key FILE [--sequence N]`: validates and builds the dataset, then writes
 * DIR/dataset.json, DIR/manifest.json (signed) and DIR/caveat-dataset-<version>.signed.json (both
 * in one file, for "import from file"). The sequence defaults to one above both the previous
 * publication in DIR and this data's bundled sequence.
 */
export const publishCommand = defineCommand({
  name: 'publish',
  summary: 'write a signed dataset update: manifest.json, dataset.json and the one-file form',
  options: {
    out: { type: 'string', valueName: 'DIR', description: 'where to write the update', required: true },
    key: { type: 'string', valueName: 'FILE', description: 'the private key made by keygen', required: true },
    sequence: { type: 'string', valueName: 'N', description: 'the sequence number (default: one above the previous publication and the data date)', check: (v) => (/^[1-9]\d{0,14}$/.test(v) ? null : 'must be a positive whole number') },
  },
  positionals: [],
  examples: ['npm run dataset -- publish --out ../caveat-feed --key ~/.config/caveat/caveat-signing-ab12cd34.private.jwk'],
  run: ({ values }) => publish(values.out, values.key, values.sequence === undefined ? undefined : Number(values.sequence)),
});

async function publish(outDir: string, keyFile: string, sequence: number | undefined): Promise<number> {
  const privateKey = privateKeySchema.safeParse(parseSafeJson(await readFile(keyFile, 'utf8')));
  if (!privateKey.success) throw new UsageError(`${keyFile} is not a Caveat private key (make one with keygen)`);

  const { incidents, problems } = await loadIncidents();
  if (problems.length > 0) {
    for (const problem of problems) console.log(formatProblem(problem));
    console.error(`not published: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    return 1;
  }
  const dataset = await buildDataset(incidents);
  const previous = await previousSequence(path.resolve(outDir));
  const next = sequence ?? Math.max(previous, bundledSequence(dataset.dataAsOf)) + 1;
  if (next <= previous) throw new UsageError(`sequence ${next} is not above the previous publication's ${previous}`);
  const published = await publishDataset(dataset, privateKey.data, next, new Date());
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, DATASET_FILE), published.datasetText);
  await writeFile(path.join(outDir, 'manifest.json'), published.manifestText);
  const single = path.join(outDir, `caveat-dataset-${dataset.version}.signed.json`);
  await writeFile(single, published.signedFileText);
  console.error(`published ${dataset.version} as sequence ${next}: ${displayPath(path.join(outDir, 'manifest.json'))}, ${DATASET_FILE} (${published.manifest.size} bytes), ${path.basename(single)}`);
  return 0;
}
