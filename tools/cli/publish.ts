import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundledSequence } from '@/core/storage/bundled-dataset';
import { buildDataset, serialiseDataset } from '@/core/model/dataset';
import { isoToday } from '@/core/model/incident-state';
import { parseSafeJson } from '@/core/model/safe-json';
import { formatProblem } from '@/core/model/validate';
import { envelopeSchema, manifestSchema, MAX_MANIFEST_LIFETIME_DAYS } from '@/core/update/manifest';
import { daySequence } from '@/core/update/sequence';
import { privateKeySchema, publicKeySchema } from '@/core/update/signing';
import { sha256Hex } from '@/core/model/sha256';
import { feedIndexPage } from '../publish/index-page';
import { DATASET_FILE, DEFAULT_EXPIRES_IN_DAYS, MANIFEST_FILE, publishDataset, SIGNED_FILE } from '../publish/publish';
import { defineCommand } from './command';
import { DATA_DIR, displayPath } from '../shared/dataset-files';
import { datasetDirsOf, loadIncidents } from './load';
import { UsageError } from './usage';

interface Previous {
  sequence: number;
  sha256: string;
}

/** The manifest already in DIR, if any: a new publication must go higher, a re-signing keeps it. */
async function previousPublication(outDir: string): Promise<Previous | null> {
  try {
    const envelope = envelopeSchema.parse(parseSafeJson(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')));
    const { sequence, sha256 } = manifestSchema.parse(JSON.parse(envelope.signed));
    return { sequence, sha256 };
  } catch {
    // No manifest, or one of an older format: its sequence, if readable, still bounds the next.
    try {
      const envelope = JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')) as { signed: string };
      const { sequence } = JSON.parse(envelope.signed) as { sequence: unknown };
      return typeof sequence === 'number' ? { sequence, sha256: '' } : null;
    } catch {
      return null;
    }
  }
}

/**
 * A private key readable by anyone but its owner is refused: on a shared machine or a CI runner
 * another account could copy it, and a copied key can sign any dataset every installed Caveat takes.
 */
export async function checkKeyFileMode(keyFile: string): Promise<void> {
  if (process.platform === 'win32') return;
  const { mode } = await stat(keyFile);
  if ((mode & 0o077) !== 0) {
    throw new UsageError(`${keyFile} can be read by other accounts (mode ${(mode & 0o777).toString(8)}); make it private first: chmod 600 ${keyFile}`);
  }
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

/**
 * `publish --out DIR --key FILE`: validates and builds the dataset, then lays out a feed for
 * static hosting in DIR (see README, "The published feed").
 */
export const publishCommand = defineCommand({
  name: 'publish',
  summary: 'write the signed feed: manifest.json, dataset.json, the one-file form and index.html',
  description: [
    'Lays out DIR for static hosting (GitHub Pages): manifest.json (signed, with an expiry), dataset.json, caveat-dataset.signed.json (both in one file) and index.html (what this is, how to verify it).',
    'The sequence follows the calendar: one above the previous publication in DIR and at least today as YYYYMMDD00. If the data has not changed since the publication in DIR, it is re-signed with a new expiry and keeps its sequence, so installed copies stay "up to date" and nothing is downloaded.',
    'The key file must be readable by its owner only (chmod 600).',
  ].join('\n'),
  options: {
    out: { type: 'string', valueName: 'DIR', description: 'the feed folder (a previous publication there sets the next sequence)', required: true },
    key: { type: 'string', valueName: 'FILE', description: 'the private key made by keygen (mode 600)', required: true },
    data: { type: 'string', valueName: 'DIR', description: 'the data folder to publish (default data/)' },
    'expires-in': { type: 'string', valueName: 'DAYS', description: `how long the manifest stays valid (default ${DEFAULT_EXPIRES_IN_DAYS}, at most ${MAX_MANIFEST_LIFETIME_DAYS})`, check: (v) => (/^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_MANIFEST_LIFETIME_DAYS ? null : `must be a number of days from 1 to ${MAX_MANIFEST_LIFETIME_DAYS}`) },
    sequence: { type: 'string', valueName: 'N', description: 'force the sequence number (default: see above)', check: (v) => (/^[1-9]\d{0,14}$/.test(v) ? null : 'must be a positive whole number') },
  },
  positionals: [],
  examples: [
    'npm run dataset -- publish --out ../caveat-feed --key ~/.config/caveat/caveat-signing-ab12cd34.private.jwk',
    'npm run dataset -- publish --out feed --key "$RUNNER_TEMP/signing-key.jwk" --expires-in 30',
  ],
  run: ({ values }) =>
    publish({
      outDir: path.resolve(values.out),
      keyFile: values.key,
      dataDir: values.data ? path.resolve(values.data) : DATA_DIR,
      expiresInDays: values['expires-in'] === undefined ? DEFAULT_EXPIRES_IN_DAYS : Number(values['expires-in']),
      sequence: values.sequence === undefined ? undefined : Number(values.sequence),
    }),
});

async function publish(o: { outDir: string; keyFile: string; dataDir: string; expiresInDays: number; sequence: number | undefined }): Promise<number> {
  let keyText: string;
  try {
    await checkKeyFileMode(o.keyFile);
    keyText = await readFile(o.keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`${o.keyFile}: no such key file`);
    throw error;
  }
  const privateKey = privateKeySchema.safeParse(parseSafeJson(keyText));
  if (!privateKey.success) throw new UsageError(`${o.keyFile} is not a Caveat private key (make one with keygen)`);

  const { incidents, problems } = await loadIncidents(undefined, isoToday(), datasetDirsOf(o.dataDir));
  if (problems.length > 0) {
    for (const problem of problems) console.log(formatProblem(problem));
    console.error(`not published: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    return 1;
  }
  const dataset = await buildDataset(incidents);
  const now = new Date();
  const previous = await previousPublication(o.outDir);
  // Whether the data changed since the publication in DIR: the dataset's bytes do not depend on when it is signed.
  const unchanged = previous !== null && previous.sha256 === (await sha256Hex(serialiseDataset(dataset)));
  const floor = previous?.sequence ?? 0;
  const next = o.sequence ?? (unchanged ? floor : Math.max(floor + 1, daySequence(isoToday(now)), bundledSequence(dataset.dataAsOf) + 1));
  if (next < floor || (next === floor && !unchanged)) throw new UsageError(`sequence ${next} is not above the previous publication's ${floor}`);
  const published = await publishDataset(dataset, privateKey.data, next, now, { expiresInDays: o.expiresInDays });
  const { x, y } = privateKey.data;
  await mkdir(o.outDir, { recursive: true });
  // The dataset first and the manifest last: a reader never sees a manifest naming bytes not yet there.
  await writeAtomically(path.join(o.outDir, DATASET_FILE), published.datasetText);
  await writeAtomically(path.join(o.outDir, SIGNED_FILE), published.signedFileText);
  await writeAtomically(path.join(o.outDir, 'index.html'), feedIndexPage(published, publicKeySchema.parse({ kty: 'EC', crv: 'P-256', x, y })));
  // GitHub Pages: serve the files as they are (no Jekyll processing).
  await writeFile(path.join(o.outDir, '.nojekyll'), '');
  await writeAtomically(path.join(o.outDir, MANIFEST_FILE), published.manifestText);
  const what = unchanged ? `re-signed ${dataset.version} (unchanged) as sequence ${next}` : `published ${dataset.version} as sequence ${next}`;
  console.error(`${what}, valid until ${published.manifest.expires}: ${displayPath(o.outDir)}/{${MANIFEST_FILE}, ${DATASET_FILE} (${published.manifest.size} bytes), ${SIGNED_FILE}, index.html}`);
  return 0;
}
