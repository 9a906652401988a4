/**
 * Keys and the published feed: keygen refuses to write a private key into a repository, publish
 * refuses a key others can read and lays out a feed for static hosting, verify-feed checks it as
 * an installed copy would.
 */
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serialiseIncidentFile } from '../../core/model/dataset';
import { envelopeSchema, manifestSchema } from '../../core/update/manifest';
import { keyLocationProblem } from '../../tools/cli/keygen';
import { PROJECT_DIR } from '../../tools/shared/dataset-files';
import { cli as dataset } from './helpers/cli';
import { makeIncident } from './helpers/incident';

const TEST_KEYS = 'tests/fixtures/keys/trusted-keys.test.json';
let root: string;
let key: string;
let data: string;
let feed: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'caveat-feed-'));
  // Git keeps no file modes but the executable bit: a checked-out key is 644, so tests make a private copy.
  key = path.join(root, 'signing.jwk');
  await copyFile('tests/fixtures/keys/test-signing-key.private.jwk', key);
  await chmod(key, 0o600);
  data = path.join(root, 'data');
  await mkdir(path.join(data, 'incidents'), { recursive: true });
  await writeFile(path.join(data, 'incidents', 'example-shop-2025-04.json'), serialiseIncidentFile(makeIncident()));
  feed = path.join(root, 'feed');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const manifestIn = async (dir: string) => {
  const envelope = envelopeSchema.parse(JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')));
  return { envelope, manifest: manifestSchema.parse(JSON.parse(envelope.signed)) };
};

describe('keygen keeps private keys out of repositories', () => {
  it.each([
    ['the repository itself', PROJECT_DIR],
    ['public/, which ships inside the extension', path.join(PROJECT_DIR, 'public')],
    ['a folder that does not exist yet inside it', path.join(PROJECT_DIR, 'secrets', 'keys')],
    ['a relative path that climbs back in', path.join(PROJECT_DIR, '..', path.basename(PROJECT_DIR), 'data')],
  ])('refuses %s', (_, dir) => {
    expect(keyLocationProblem(dir)).toMatch(/inside this repository/);
  });

  it('refuses any other git work tree, and a symlink that leads into one', async () => {
    const other = path.join(root, 'other-repo');
    await mkdir(path.join(other, '.git'), { recursive: true });
    expect(keyLocationProblem(path.join(other, 'keys'))).toMatch(/inside the git work tree .*other-repo/);
    await symlink(path.join(PROJECT_DIR, 'public'), path.join(root, 'looks-harmless'));
    expect(keyLocationProblem(path.join(root, 'looks-harmless'))).toMatch(/inside this repository/);
  });

  it('accepts a folder outside any repository', () => {
    expect(keyLocationProblem(path.join(root, 'keys'))).toBeNull();
  });

  it.each([['public'], ['.'], ['data/incidents']])('`keygen --out %s` exits 2 and writes nothing', async (out) => {
    const before = await readdir(path.join(PROJECT_DIR, 'public'));
    const { code, stderr } = await dataset('keygen', '--out', out);
    expect(code).toBe(2);
    expect(stderr).toMatch(/inside this repository .*nothing was written/);
    expect(await readdir(path.join(PROJECT_DIR, 'public'))).toEqual(before);
  });

  it('writes a private key readable by its owner only, outside the repository', async () => {
    const out = path.join(root, 'keys');
    const { code, stdout } = await dataset('keygen', '--out', out);
    expect(code).toBe(0);
    const { keyId } = JSON.parse(stdout) as { keyId: string };
    expect((await stat(path.join(out, `caveat-signing-${keyId}.private.jwk`))).mode & 0o777).toBe(0o600);
  });
});

describe('publish', () => {
  it.each([[0o644], [0o640], [0o604]])('refuses a key file with mode %o, says how to fix it, writes nothing', async (mode) => {
    await chmod(key, mode);
    const { code, stderr } = await dataset('publish', '--out', feed, '--key', key, '--data', data);
    expect(code).toBe(2);
    expect(stderr).toContain(`can be read by other accounts (mode ${mode.toString(8)}); make it private first: chmod 600 ${key}`);
    await expect(stat(feed)).rejects.toThrow(/ENOENT/);
  });

  it('lays out a feed for static hosting: manifest, dataset, one-file form, index page', async () => {
    const { code, stderr } = await dataset('publish', '--out', feed, '--key', key, '--data', data);
    expect(code, stderr).toBe(0);
    expect((await readdir(feed)).sort()).toEqual(['.nojekyll', 'caveat-dataset.signed.json', 'dataset.json', 'index.html', 'manifest.json']);
    const { envelope, manifest } = await manifestIn(feed);
    expect(manifest).toMatchObject({ format: 2, dataset: 'dataset.json', incidents: 1 });
    expect(Date.parse(manifest.expires) - Date.parse(manifest.builtAt)).toBe(30 * 86_400_000);
    const index = await readFile(path.join(feed, 'index.html'), 'utf8');
    expect(index).toContain('<h1>Caveat dataset feed</h1>');
    expect(index).toContain(manifest.sha256);
    expect(index).toContain(envelope.keyId);
    expect(index).toContain('npm run dataset -- verify-feed');
    const single = JSON.parse(await readFile(path.join(feed, 'caveat-dataset.signed.json'), 'utf8'));
    expect(single.dataset).toBe(await readFile(path.join(feed, 'dataset.json'), 'utf8'));
  });

  it('re-signs unchanged data with a new expiry and the same sequence; changed data goes higher', async () => {
    await dataset('publish', '--out', feed, '--key', key, '--data', data, '--expires-in', '7');
    const first = (await manifestIn(feed)).manifest;
    expect(Date.parse(first.expires) - Date.parse(first.builtAt)).toBe(7 * 86_400_000);

    const again = await dataset('publish', '--out', feed, '--key', key, '--data', data);
    expect(again.stderr).toMatch(/re-signed .* \(unchanged\) as sequence/);
    const second = (await manifestIn(feed)).manifest;
    expect(second.sequence).toBe(first.sequence);
    expect(second.expires > first.expires).toBe(true);

    await writeFile(path.join(data, 'incidents', 'other-shop-2025-05.json'), serialiseIncidentFile(makeIncident({ id: 'other-shop-2025-05', organisation: 'Other Shop', domains: ['othershop.example'] })));
    await dataset('publish', '--out', feed, '--key', key, '--data', data);
    expect((await manifestIn(feed)).manifest.sequence).toBe(first.sequence + 1);
  });

  it('starts from the calendar: today as YYYYMMDD00 at least', async () => {
    await dataset('publish', '--out', feed, '--key', key, '--data', data);
    const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    expect(String((await manifestIn(feed)).manifest.sequence).slice(0, 8) >= today).toBe(true);
  });

  it.each([[['--expires-in', '0']], [['--expires-in', '91']], [['--expires-in', 'soon']]])('%j is a usage error', async (args) => {
    const { code, stderr } = await dataset('publish', '--out', feed, '--key', key, ...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--expires-in: must be a number of days from 1 to 90/);
  });
});

describe('the feed’s index page', () => {
  it('shows every value as text: no markup from a manifest or key gets through', async () => {
    const { feedIndexPage } = await import('../../tools/publish/index-page');
    const { publishDataset } = await import('../../tools/publish/publish');
    const { buildDataset } = await import('../../core/model/dataset');
    const { privateKeySchema } = await import('../../core/update/signing');
    const testKey = privateKeySchema.parse(JSON.parse(await readFile('tests/fixtures/keys/test-signing-key.private.jwk', 'utf8')));
    const published = await publishDataset(await buildDataset([makeIncident()]), testKey, 2026120100, new Date('2026-12-01T00:00:00Z'));
    const hostile = { ...published, manifest: { ...published.manifest, version: '<script>alert(1)</script>' } };
    const page = feedIndexPage(hostile, { kty: 'EC', crv: 'P-256', x: testKey.x, y: testKey.y });
    expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(page).not.toContain('<script>');
    expect(page).toContain("Content-Security-Policy\" content=\"default-src 'none'");
  });
});

describe('verify-feed', () => {
  it('passes a feed signed with a trusted key and names what it checked', async () => {
    await dataset('publish', '--out', feed, '--key', key, '--data', data);
    const { code, stdout } = await dataset('verify-feed', feed, '--keys', TEST_KEYS);
    expect(code).toBe(0);
    expect(stdout).toMatch(/good\. Dataset .* 1 incidents\), sequence \d+, signed by 5d3daa233f0da64d/);
  });

  it('fails a feed the released extension would refuse: signed with a key it does not ship', async () => {
    await dataset('publish', '--out', feed, '--key', key, '--data', data);
    const { code, stderr } = await dataset('verify-feed', feed);
    expect(code).toBe(1);
    expect(stderr).toMatch(/would refuse this feed \(unknown-key: the update is signed with key 5d3daa233f0da64d/);
  });

  it('fails a feed whose dataset was changed after signing', async () => {
    await dataset('publish', '--out', feed, '--key', key, '--data', data);
    const file = path.join(feed, 'dataset.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Example Shop plc', 'Example Shap plc'));
    const { code, stderr } = await dataset('verify-feed', feed, '--keys', TEST_KEYS);
    expect(code).toBe(1);
    expect(stderr).toMatch(/hash: the dataset does not match the hash/);
  });
});
