/**
 * `verify-feed <manifest URL | feed folder>`: the checks an installed Caveat makes before taking
 * an update, run from the command line against a published feed: the signature against the
 * trusted keys (the bundled ones by default), the expiry, the sequence ceiling, the dataset's
 * size and hash, and every record. The publishing workflow runs it on what it is about to deploy,
 * so a feed signed with a key the extension does not trust never goes out.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isoToday } from '@/core/model/incident-state';
import { MAX_DATASET_BYTES, MAX_MANIFEST_BYTES } from '@/core/update/manifest';
import { UpdateRefused } from '@/core/update/refusal';
import { loadTrustedKeys } from '@/core/update/trusted-keys';
import { checkManifest, verifyDataset, verifyEnvelope } from '@/core/update/verify';
import { MANIFEST_FILE } from '../publish/publish';
import { defineCommand } from './command';
import { displayPath } from '../shared/dataset-files';
import { TRUSTED_KEYS_FILE } from './keygen';

async function readSource(where: string, maxBytes: number): Promise<Uint8Array> {
  if (/^https?:/.test(where)) {
    const response = await fetch(where, { redirect: 'error', signal: AbortSignal.timeout(60_000) });
    if (!response.ok) throw new UpdateRefused('network', `${where} answered ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > maxBytes) throw new UpdateRefused('size', `${where} is larger than ${maxBytes} bytes`);
    return bytes;
  }
  return new Uint8Array(await readFile(where));
}

export const verifyFeedCommand = defineCommand({
  name: 'verify-feed',
  summary: 'check a published feed as an installed Caveat would (signature, expiry, sequence, hash, records)',
  options: {
    keys: { type: 'string', valueName: 'FILE', description: 'trusted keys to check against (default core/update/trusted-keys.json, what releases ship)' },
  },
  positionals: [{ name: 'feed', description: 'the manifest URL, or the feed folder publish wrote', required: true }],
  examples: ['npm run dataset -- verify-feed feed', 'npm run dataset -- verify-feed https://example.github.io/caveat/manifest.json'],
  run: async ({ values, positionals }) => {
    const feed = positionals[0]!;
    const manifestWhere = /^https?:/.test(feed) ? feed : path.join(feed, MANIFEST_FILE);
    const keysFile = values.keys ? path.resolve(values.keys) : TRUSTED_KEYS_FILE;
    try {
      const keys = await loadTrustedKeys(JSON.parse(await readFile(keysFile, 'utf8')));
      const verified = await verifyEnvelope(new TextDecoder().decode(await readSource(manifestWhere, MAX_MANIFEST_BYTES)), keys);
      const { manifest } = verified;
      checkManifest(manifest, 0, new Date());
      const datasetWhere = /^https?:/.test(feed) ? new URL(manifest.dataset, feed).href : path.join(feed, manifest.dataset);
      const dataset = await verifyDataset(await readSource(datasetWhere, Math.min(manifest.size, MAX_DATASET_BYTES) + 1), manifest, isoToday());
      console.log(`${feed}: good. Dataset ${manifest.version} (data as of ${manifest.dataAsOf}, ${dataset.counts.incidents} incidents), sequence ${manifest.sequence}, signed by ${verified.keyId} at ${manifest.builtAt}, valid until ${manifest.expires}.`);
      return 0;
    } catch (error) {
      const why = error instanceof UpdateRefused ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
      console.error(`${displayPath(feed)}: an installed Caveat would refuse this feed (${why}); checked against ${displayPath(keysFile)}`);
      return 1;
    }
  },
});
