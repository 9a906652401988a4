/**
 * The update trust lifecycle (issue 13): a signed expiry, a ceiling on sequence jumps, the key
 * recorded with the installed dataset and a release that revokes it. Each refusal leaves the
 * installed dataset as it was.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, serialiseDataset } from '../../core/model/dataset';
import type { Dataset } from '../../core/model/schema';
import { ensureBundledDataset } from '../../core/storage/bundled-dataset';
import { allIncidents, installDataset, installedDataset, openDb, type CaveatDb } from '../../core/storage/db';
import { MANIFEST_FORMAT, type UpdateManifest } from '../../core/update/manifest';
import { UpdateRefused } from '../../core/update/refusal';
import { daySequence, sequenceCeiling } from '../../core/update/sequence';
import { privateKeySchema, signText, type TrustedKey } from '../../core/update/signing';
import { updateFromFile, updateFromUrl, type UpdateDeps } from '../../core/update/take-update';
import { loadTrustedKeys } from '../../core/update/trusted-keys';
import { publishDataset } from '../../tools/publish/publish';
import { makeIncident } from './helpers/incident';

const TEST_KEY = privateKeySchema.parse(JSON.parse(readFileSync('tests/fixtures/keys/test-signing-key.private.jwk', 'utf8')));
const NOW = new Date('2026-11-28T12:00:00Z');
const MANIFEST_URL = 'https://updates.caveat.test/v1/manifest.json';
const a = makeIncident();
const b = makeIncident({ id: 'other-shop-2025-05', organisation: 'Other Shop', domains: ['othershop.example'], disclosedOn: '2025-05-02' });

let trusted: TrustedKey[];
beforeAll(async () => {
  trusted = await loadTrustedKeys(JSON.parse(readFileSync('tests/fixtures/keys/trusted-keys.test.json', 'utf8')));
});

let db: CaveatDb;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
});

async function setup(now = NOW) {
  db = openDb(`t-${Math.random()}`);
  await installDataset(db, await buildDataset([a]), { origin: 'bundled', sequence: 2025061000, installedAt: '2026-01-01T00:00:00Z' });
  const files = new Map<string, string>();
  const calls: { url: string; conditional: boolean }[] = [];
  const deps: UpdateDeps = {
    db,
    trustedKeys: trusted,
    fetchBytes: async (url, _max, options) => {
      calls.push({ url, conditional: options?.conditional === true });
      const text = files.get(url);
      if (text === undefined) throw new Error('404');
      return new TextEncoder().encode(text);
    },
    today: () => now.toISOString().slice(0, 10),
    now: () => now,
  };
  const serve = (manifestText: string, datasetText: string) => {
    files.set(MANIFEST_URL, manifestText);
    files.set('https://updates.caveat.test/v1/dataset.json', datasetText);
  };
  return { deps, serve, calls };
}

/** A manifest signed with the test key, with any fields changed (as a stolen key or a bad publisher could). */
async function signedWith(manifest: UpdateManifest, changes: Record<string, unknown>): Promise<string> {
  const signed = JSON.stringify({ ...manifest, ...changes });
  return JSON.stringify({ keyId: trusted[0]!.keyId, signed, signature: await signText(TEST_KEY, signed) });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UpdateRefused) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'taken';
}

const installedIds = async () => (await allIncidents(db)).map((i) => i.id);

describe('a signed expiry', () => {
  it('publish signs an expiry 30 days out by default', async () => {
    const published = await publishDataset(await buildDataset([a, b]), TEST_KEY, 2026112801, NOW);
    expect(published.manifest).toMatchObject({ format: MANIFEST_FORMAT, builtAt: '2026-11-28T12:00:00.000Z', expires: '2026-12-28T12:00:00.000Z' });
    expect(JSON.parse(JSON.parse(published.manifestText).signed).expires).toBe('2026-12-28T12:00:00.000Z');
  });

  it.each([
    ['an expired manifest for a new dataset', { builtAt: '2026-10-01T00:00:00.000Z', expires: '2026-10-31T00:00:00.000Z' }, /^expired: the manifest expired on 2026-10-31/],
    ['a manifest that expires this very instant', { expires: NOW.toISOString() }, /^expired/],
    ['a manifest valid for more than 90 days', { expires: '2027-06-01T00:00:00.000Z' }, /^expired: the manifest claims to stay valid for more than 90 days/],
    ['a manifest of format 1 (no expiry)', { format: 1, expires: undefined }, /^malformed: the manifest is format 1; this version of Caveat reads format 2/],
    ['a manifest without an expiry', { expires: undefined }, /^malformed: the signed manifest is not understood \(expires/],
  ])('%s is refused with its reason, and nothing changes', async (_, changes, reason) => {
    const { deps, serve } = await setup();
    const good = await publishDataset(await buildDataset([a, b]), TEST_KEY, 2026112801, NOW);
    serve(await signedWith(good.manifest, changes), good.datasetText);
    expect(await codeOf(updateFromUrl(MANIFEST_URL, deps))).toMatch(reason);
    expect(await installedIds()).toEqual([a.id]);
  });

  it('a frozen mirror cannot keep saying "up to date": the installed sequence with an expired manifest is refused', async () => {
    const { deps, serve } = await setup();
    const good = await publishDataset(await buildDataset([a, b]), TEST_KEY, 2026112801, NOW);
    serve(good.manifestText, good.datasetText);
    expect(await codeOf(updateFromUrl(MANIFEST_URL, deps))).toBe('taken');
    expect(await updateFromUrl(MANIFEST_URL, deps)).toMatchObject({ result: 'up-to-date' });
    // 31 days later the mirror still serves the same manifest.
    const later = new Date(NOW.getTime() + 31 * 86_400_000);
    expect(await codeOf(updateFromUrl(MANIFEST_URL, { ...deps, now: () => later, today: () => later.toISOString().slice(0, 10) }))).toMatch(/^expired: .*the installed data may be stale/);
    expect((await installedIds()).sort()).toEqual([a.id, b.id].sort());
  });

  it('a signed file past its expiry is refused too', async () => {
    const { deps } = await setup();
    const old = await publishDataset(await buildDataset([b]), TEST_KEY, 2026100101, new Date('2026-10-01T00:00:00Z'));
    expect(await codeOf(updateFromFile(old.signedFileText, deps))).toMatch(/^expired/);
    expect(await installedIds()).toEqual([a.id]);
  });
});

describe('a ceiling on sequence jumps', () => {
  it.each([
    ['2026-11-28', 2026112999],
    ['2026-12-31', 2027010199],
    ['2028-02-28', 2028022999],
  ])('on %s the highest acceptable sequence is %i (tomorrow’s last)', (today, ceiling) => {
    expect(sequenceCeiling(today)).toBe(ceiling);
  });

  it('sequences follow the calendar: a day gives YYYYMMDD00', () => {
    expect(daySequence('2026-08-21')).toBe(2026082100);
    expect(daySequence('2026-08')).toBe(2026080100);
  });

  it.each([
    ['2^53 - 1', Number.MAX_SAFE_INTEGER, /^sequence-jump/],
    ['next year', 2027112800, /^sequence-jump: the update claims sequence 2027112800, beyond the highest a publication can have today \(2026112999\)/],
    ['the day after tomorrow', 2026113000, /^sequence-jump/],
    ['tomorrow (clock slack)', 2026112950, /^taken$/],
    ['today', 2026112801, /^taken$/],
  ])('a sequence of %s: %s', async (_, sequence, expected) => {
    const { deps, serve } = await setup();
    const published = await publishDataset(await buildDataset([a, b]), TEST_KEY, sequence, NOW);
    serve(published.manifestText, published.datasetText);
    expect(await codeOf(updateFromUrl(MANIFEST_URL, deps))).toMatch(expected);
  });

  it('after a refused jump, the real next update is still taken', async () => {
    const { deps, serve } = await setup();
    const stolen = await publishDataset(await buildDataset([b]), TEST_KEY, 9_000_000_000_000, NOW);
    serve(stolen.manifestText, stolen.datasetText);
    expect(await codeOf(updateFromUrl(MANIFEST_URL, deps))).toMatch(/^sequence-jump/);
    const real = await publishDataset(await buildDataset([a, b]), TEST_KEY, 2026112801, NOW);
    serve(real.manifestText, real.datasetText);
    expect(await codeOf(updateFromUrl(MANIFEST_URL, deps))).toBe('taken');
  });
});

describe('the key that signed the installed dataset', () => {
  async function bundle(dataset: Dataset, sequence: number, trustedKeyIds?: readonly string[]) {
    const files: Record<string, string> = {
      '/dataset.json': serialiseDataset(dataset),
      '/dataset.version.json': JSON.stringify({ version: dataset.version, contentHash: dataset.contentHash, sequence }),
    };
    return ensureBundledDataset(db, async (p) => files[p]!, { trustedKeyIds, now: () => NOW });
  }

  async function takeSignedUpdate() {
    const { deps, serve } = await setup();
    const published = await publishDataset(await buildDataset([a, b]), TEST_KEY, 2026112801, NOW);
    serve(published.manifestText, published.datasetText);
    await updateFromUrl(MANIFEST_URL, deps);
    return published;
  }

  it('the daily check asks for the manifest conditionally, the dataset plainly', async () => {
    const { deps, serve, calls } = await setup();
    const published = await publishDataset(await buildDataset([a, b]), TEST_KEY, 2026112801, NOW);
    serve(published.manifestText, published.datasetText);
    await updateFromUrl(MANIFEST_URL, deps);
    expect(calls).toEqual([
      { url: MANIFEST_URL, conditional: true },
      { url: 'https://updates.caveat.test/v1/dataset.json', conditional: false },
    ]);
  });

  it('is recorded when an update is taken', async () => {
    await takeSignedUpdate();
    expect(await installedDataset(db)).toMatchObject({ origin: 'signed', sequence: 2026112801, keyId: trusted[0]!.keyId });
  });

  it('a release that still trusts it keeps the signed update (an older bundled copy never replaces it)', async () => {
    await takeSignedUpdate();
    expect(await bundle(await buildDataset([a]), 2025061000, [trusted[0]!.keyId, 'aaaaaaaaaaaaaaaa'])).toBe(false);
    expect(await installedDataset(db)).toMatchObject({ origin: 'signed', keyId: trusted[0]!.keyId });
  });

  it('a release that stops trusting it reinstalls the bundled dataset, whatever the sequence, and records why', async () => {
    const published = await takeSignedUpdate();
    expect(await bundle(await buildDataset([a]), 2025061000, ['aaaaaaaaaaaaaaaa'])).toBe(true);
    expect(await installedIds()).toEqual([a.id]);
    expect(await installedDataset(db)).toMatchObject({
      origin: 'bundled',
      sequence: 2025061000,
      replacedUntrusted: { keyId: trusted[0]!.keyId, sequence: 2026112801, version: published.manifest.version },
    });
    // The next start has nothing more to do, and the revoked update cannot come back.
    expect(await bundle(await buildDataset([a]), 2025061000, ['aaaaaaaaaaaaaaaa'])).toBe(false);
  });

  it('an update taken before keys were recorded is kept (it was verified when taken)', async () => {
    db = openDb(`t-${Math.random()}`);
    await installDataset(db, await buildDataset([a, b]), { origin: 'signed', sequence: 2026112801, installedAt: '2026-11-01T00:00:00Z' });
    expect(await bundle(await buildDataset([a]), 2025061000, ['aaaaaaaaaaaaaaaa'])).toBe(false);
    expect(await installedDataset(db)).toMatchObject({ origin: 'signed' });
  });
});
