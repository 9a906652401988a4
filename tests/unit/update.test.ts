import { readFileSync } from 'node:fs';
import { IncidentLookup } from '../../core/storage/incident-lookup';
import Dexie from 'dexie';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBundledDataset } from '../../core/storage/bundled-dataset';
import { buildDataset, serialiseDataset } from '../../core/model/dataset';
import { sha256Hex } from '../../core/model/sha256';
import { allIncidents, incidentCount, installDataset, installedDataset, openDb, type CaveatDb } from '../../core/storage/db';
import type { Dataset } from '../../core/model/schema';
import { fetchLimited } from '../../core/update/fetch-limited';
import { MAX_DATASET_BYTES } from '../../core/update/manifest';
import { publishDataset } from '../../tools/publish/publish';
import { UpdateRefused } from '../../core/update/refusal';
import { generateSigningKey, keyIdOf, privateKeySchema, type PrivateKey, type TrustedKey } from '../../core/update/signing';
import { updateFromFile, updateFromUrl, type UpdateDeps } from '../../core/update/take-update';
import { loadTrustedKeys } from '../../core/update/trusted-keys';
import { verifyEnvelope } from '../../core/update/verify';
import { makeIncident } from './helpers/incident';

const TEST_KEY = privateKeySchema.parse(JSON.parse(readFileSync('tests/fixtures/keys/test-signing-key.private.jwk', 'utf8')));
let trusted: TrustedKey[];
let otherKey: PrivateKey;
beforeAll(async () => {
  trusted = await loadTrustedKeys(JSON.parse(readFileSync('tests/fixtures/keys/trusted-keys.test.json', 'utf8')));
  otherKey = (await generateSigningKey()).privateKey;
});

let db: CaveatDb;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
});

const a = makeIncident();
const b = makeIncident({ id: 'other-shop-2025-05', organisation: 'Other Shop', domains: ['othershop.example'], disclosedOn: '2025-05-02' });
const MANIFEST_URL = 'https://updates.caveat.test/v1/manifest.json';

/** An installed bundled dataset with [a], and a server holding whatever a test publishes. */
async function setup() {
  db = openDb(`u-${Math.random()}`);
  await installDataset(db, await buildDataset([a]), { origin: 'bundled', sequence: 2025061000, installedAt: '2026-01-01T00:00:00Z' });
  const files = new Map<string, Uint8Array>();
  const serve = (manifestText: string, datasetText: string | Uint8Array) => {
    files.set(MANIFEST_URL, new TextEncoder().encode(manifestText));
    files.set('https://updates.caveat.test/v1/dataset.json', typeof datasetText === 'string' ? new TextEncoder().encode(datasetText) : datasetText);
  };
  const deps: UpdateDeps = {
    db,
    trustedKeys: trusted,
    fetchBytes: async (url, max) => {
      const bytes = files.get(url);
      if (!bytes) throw new Error('404');
      if (bytes.length > max) throw new UpdateRefused('size', `${url} is larger than the ${max} bytes expected`);
      return bytes;
    },
    today: () => '2026-11-28',
    now: () => new Date('2026-11-28T12:00:00Z'),
  };
  return { deps, serve };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UpdateRefused) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function expectUnchanged() {
  expect((await allIncidents(db)).map((i) => i.id)).toEqual([a.id]);
  expect((await installedDataset(db))?.origin).toBe('bundled');
}

describe('signed updates', () => {
  it('a newer signed dataset is taken, with a summary of what changed', async () => {
    const { deps, serve } = await setup();
    const next = await publishDataset(await buildDataset([a, b]), TEST_KEY, 2026112801, new Date());
    serve(next.manifestText, next.datasetText);
    const outcome = await updateFromUrl(MANIFEST_URL, deps);
    expect(outcome).toMatchObject({ result: 'updated', sequence: 2026112801, changes: { added: [b.id], changed: [], removed: [] } });
    expect(await incidentCount(db)).toBe(2);
    expect(await installedDataset(db)).toMatchObject({ origin: 'signed', sequence: 2026112801 });
    // The same manifest again is "up to date", not a refusal.
    expect(await updateFromUrl(MANIFEST_URL, deps)).toMatchObject({ result: 'up-to-date' });
  });

  it('a signed file imports the same way', async () => {
    const { deps } = await setup();
    const next = await publishDataset(await buildDataset([b]), TEST_KEY, 2026112801, new Date());
    const outcome = await updateFromFile(next.signedFileText, deps);
    expect(outcome).toMatchObject({ result: 'updated', changes: { added: [b.id], removed: [a.id] } });
  });

  it.each([
    ['a flipped byte in the dataset', 'hash'],
    ['a truncated dataset', 'size'],
    ['a manifest edited after signing', 'signature'],
    ['a key the extension does not trust', 'unknown-key'],
    ['an older sequence', 'rollback'],
    ['the installed sequence replayed', 'rollback'],
    ['a newer dataset format', 'schema-version'],
    ['a dataset larger than the limit', 'size'],
    ['a validly signed dataset with an invalid record', 'invalid-data'],
    ['a manifest that is not JSON', 'malformed'],
    ['an http update URL', 'no-update-url'],
  ])('%s is refused (%s) and the installed dataset stays', async (scenario, code) => {
    const { deps, serve } = await setup();
    const good = await publishDataset(await buildDataset([a, b]), TEST_KEY, 2026112801, new Date());
    let url = MANIFEST_URL;
    switch (scenario) {
      case 'a flipped byte in the dataset': {
        const bytes = new TextEncoder().encode(good.datasetText);
        bytes[100] = bytes[100]! ^ 0x01;
        serve(good.manifestText, bytes);
        break;
      }
      case 'a truncated dataset':
        serve(good.manifestText, good.datasetText.slice(0, 500));
        break;
      case 'a manifest edited after signing': {
        const envelope = JSON.parse(good.manifestText);
        envelope.signed = envelope.signed.replace('"sequence":2026112801', '"sequence":2026112899');
        serve(JSON.stringify(envelope), good.datasetText);
        break;
      }
      case 'a key the extension does not trust': {
        const forged = await publishDataset(await buildDataset([a, b]), otherKey, 2026112801, new Date());
        serve(forged.manifestText, forged.datasetText);
        break;
      }
      case 'an older sequence': {
        const old = await publishDataset(await buildDataset([a, b]), TEST_KEY, 2025010100, new Date());
        serve(old.manifestText, old.datasetText);
        break;
      }
      case 'the installed sequence replayed': {
        serve(good.manifestText, good.datasetText);
        await updateFromUrl(MANIFEST_URL, deps);
        // Now an "update" to what was there before, re-signed with its old lower sequence.
        const back = await publishDataset(await buildDataset([a]), TEST_KEY, 2026112800, new Date());
        serve(back.manifestText, back.datasetText);
        expect(await refusal(updateFromUrl(MANIFEST_URL, deps))).toBe(code);
        expect(await incidentCount(db)).toBe(2);
        return;
      }
      case 'a newer dataset format': {
        const manifest = { ...good.manifest, datasetFormat: 2 };
        const { signText } = await import('../../core/update/signing');
        const signed = JSON.stringify(manifest);
        const envelope = { keyId: trusted[0]!.keyId, signed, signature: await signText(TEST_KEY, signed) };
        serve(JSON.stringify(envelope), good.datasetText);
        break;
      }
      case 'a dataset larger than the limit': {
        const manifest = { ...good.manifest, size: MAX_DATASET_BYTES + 1 };
        const { signText } = await import('../../core/update/signing');
        const signed = JSON.stringify(manifest);
        serve(JSON.stringify({ keyId: trusted[0]!.keyId, signed, signature: await signText(TEST_KEY, signed) }), good.datasetText);
        break;
      }
      case 'a validly signed dataset with an invalid record': {
        const bad = await buildDataset([a, b]);
        const hostile = { ...bad.incidents[0]!, sources: [{ url: 'javascript:alert(1)', publisher: 'X' }] };
        const incidents = [hostile, bad.incidents[1]!];
        const dataset: Dataset = { ...bad, incidents, contentHash: await sha256Hex(JSON.stringify(incidents)) };
        const signedBad = await publishDataset(dataset, TEST_KEY, 2026112801, new Date());
        serve(signedBad.manifestText, signedBad.datasetText);
        break;
      }
      case 'a manifest that is not JSON':
        serve('<html>not found</html>', good.datasetText);
        break;
      case 'an http update URL':
        url = 'http://updates.caveat.test/v1/manifest.json';
        break;
    }
    expect(await refusal(updateFromUrl(url, deps))).toBe(code);
    await expectUnchanged();
  });

  it('the refusal message says which check failed', async () => {
    const { deps, serve } = await setup();
    const forged = await publishDataset(await buildDataset([b]), otherKey, 2026112801, new Date());
    serve(forged.manifestText, forged.datasetText);
    const keyId = await keyIdOf({ kty: 'EC', crv: 'P-256', x: otherKey.x, y: otherKey.y });
    await expect(updateFromUrl(MANIFEST_URL, deps)).rejects.toThrow(`signed with key ${keyId}, which this extension does not trust`);
  });

  it('an envelope survives only with its exact signed text', async () => {
    const good = await publishDataset(await buildDataset([a]), TEST_KEY, 5, new Date());
    expect((await verifyEnvelope(good.manifestText, trusted)).manifest.sequence).toBe(5);
    const envelope = JSON.parse(good.manifestText);
    envelope.signed = ` ${envelope.signed}`;
    await expect(verifyEnvelope(JSON.stringify(envelope), trusted)).rejects.toThrow(/signature does not match/);
  });

  it('a trusted-keys file whose id does not match its key is refused', async () => {
    const file = JSON.parse(readFileSync('tests/fixtures/keys/trusted-keys.test.json', 'utf8'));
    file.keys[0].keyId = '0000000000000000';
    await expect(loadTrustedKeys(file)).rejects.toThrow(/does not match its public key/);
  });
});

describe('the bundled dataset and signed updates', () => {
  it('an older bundled copy never replaces a newer signed update; a newer release does', async () => {
    const { deps, serve } = await setup();
    const next = await publishDataset(await buildDataset([a, b]), TEST_KEY, 2026112801, new Date());
    serve(next.manifestText, next.datasetText);
    await updateFromUrl(MANIFEST_URL, deps);
    const bundle = async (dataset: Dataset, sequence: number) => {
      const files: Record<string, string> = {
        '/dataset.json': serialiseDataset(dataset),
        '/dataset.version.json': JSON.stringify({ version: dataset.version, contentHash: dataset.contentHash, sequence }),
      };
      return ensureBundledDataset(db, async (p) => files[p]!);
    };
    expect(await bundle(await buildDataset([a]), 2025061000)).toBe(false);
    expect(await incidentCount(db)).toBe(2);
    expect(await bundle(await buildDataset([b]), 2026120100)).toBe(true);
    expect(await installedDataset(db)).toMatchObject({ origin: 'bundled', sequence: 2026120100 });
  });
});

describe('database migration', () => {
  it('a version-1 database opens at the current version with its dataset intact and marked bundled', async () => {
    const name = `m-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ incidents: 'id, *domains, disclosedOn', meta: 'key' });
    await v1.table('incidents').bulkAdd([a, b]);
    await v1.table('meta').put({ key: 'dataset', version: 'old', dataAsOf: '2025-06-10', contentHash: 'f'.repeat(64), counts: { incidents: 2, domains: 2 }, origin: 'bundled', installedAt: '2025-07-01T00:00:00Z' });
    v1.close();

    db = openDb(name);
    expect(await installedDataset(db)).toMatchObject({ version: 'old', origin: 'bundled', sequence: 0 });
    expect(await incidentCount(db)).toBe(2);
    expect(db.verno).toBe(6);
    // And it answers lookups from the domain index the migration built.
    expect((await new IncidentLookup(db).incidentsFor(`www.${a.domains[0]}`)).map((i) => i.id)).toEqual([a.id]);
  });
});

describe('fetchLimited', () => {
  const streaming = (chunks: number, size: number, url = 'https://x.test/d') =>
    (async () => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < chunks; i++) controller.enqueue(new Uint8Array(size));
          controller.close();
        },
      });
      const response = new Response(body, { status: 200 });
      Object.defineProperty(response, 'url', { value: url });
      return response;
    }) as unknown as typeof fetch;
  /** What the fetch was asked for, and an answer. */
  const answering = (make: (init: RequestInit) => Response | Promise<Response>) => {
    const seen: RequestInit[] = [];
    const impl = (async (_url: string, init: RequestInit) => {
      seen.push(init);
      return make(init);
    }) as unknown as typeof fetch;
    return { impl, seen };
  };
  /** A fetch that never answers, but gives up when its signal aborts (as real fetch does). */
  const hanging = (async (_url: string, init: RequestInit) =>
    new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as unknown as typeof fetch;

  it('reads a body within the limit', async () => {
    expect((await fetchLimited('https://x.test/d', 1000, { fetchImpl: streaming(3, 100) })).length).toBe(300);
  });
  it('stops reading past the limit', async () => {
    await expect(fetchLimited('https://x.test/d', 250, { fetchImpl: streaming(3, 100) })).rejects.toThrow(/larger than the 250 bytes/);
  });
  it('refuses an answer from outside https', async () => {
    await expect(fetchLimited('https://x.test/d', 1000, { fetchImpl: streaming(1, 1, 'http://x.test/d') })).rejects.toThrow(/outside https/);
    await expect(fetchLimited('http://x.test/d', 1000, { fetchImpl: streaming(1, 1, 'http://x.test/d') })).rejects.toThrow(/is not https/);
  });
  it('never follows a redirect: asks the browser not to, and refuses the redirect it gets', async () => {
    const node = answering(() => new Response(null, { status: 302, headers: { location: 'https://elsewhere.test/d' } }));
    await expect(fetchLimited('https://x.test/d', 1000, { fetchImpl: node.impl })).rejects.toMatchObject({ code: 'redirect', message: expect.stringMatching(/redirected elsewhere/) });
    expect(node.seen[0]).toMatchObject({ redirect: 'manual', credentials: 'omit', referrerPolicy: 'no-referrer' });
    // What a browser gives for redirect: 'manual': an opaque response with status 0.
    const browser = answering(() => Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' }));
    await expect(fetchLimited('https://x.test/d', 1000, { fetchImpl: browser.impl })).rejects.toMatchObject({ code: 'redirect' });
  });
  it('revalidates the manifest through the HTTP cache (a 304 when nothing changed); never caches a dataset', async () => {
    const manifest = answering(() => new Response('{}', { status: 200 }));
    await fetchLimited('https://x.test/manifest.json', 1000, { fetchImpl: manifest.impl, conditional: true });
    await fetchLimited('https://x.test/dataset.json', 1000, { fetchImpl: manifest.impl });
    expect(manifest.seen.map((init) => init.cache)).toEqual(['no-cache', 'no-store']);
  });
  it('gives up on a server that does not answer within the timeout', async () => {
    await expect(fetchLimited('https://x.test/d', 1000, { fetchImpl: hanging, timeoutMs: 30 })).rejects.toMatchObject({ code: 'network', message: expect.stringMatching(/did not answer in full within/) });
  });
  it('gives up on a body that trickles past the timeout', async () => {
    const trickle = answering((init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array(10));
          init.signal!.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body, { status: 200 });
    });
    await expect(fetchLimited('https://x.test/d', 1000, { fetchImpl: trickle.impl, timeoutMs: 30 })).rejects.toMatchObject({ code: 'network' });
  });
});
