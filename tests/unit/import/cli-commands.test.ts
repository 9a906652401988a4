/** The maintainers' commands added with the importers: import (exit codes), stats, add. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeStats } from '../../../tools/cli/stats';
import { cli as dataset } from '../helpers/cli';
import { makeIncident } from '../helpers/incident';
import { FIXTURE_FILES, REPO, tempLayers, type Layers } from './harness';

let layers: Layers;
beforeEach(async () => {
  layers = await tempLayers();
});
afterEach(async () => {
  await layers.cleanup();
});

describe('import', () => {
  it('refuses a malformed feed with record and field, exit 1, writing nothing', async () => {
    const importedDir = path.join(REPO, 'data/imported');
    const before = (await readdir(importedDir)).length;
    const records = JSON.parse(await readFile(FIXTURE_FILES.hibp, 'utf8')) as Record<string, unknown>[];
    records[3]!.BreachDate = 'last autumn';
    const file = path.join(layers.root, 'hibp.json');
    await writeFile(file, JSON.stringify(records));
    const { code, stderr } = await dataset('import', 'hibp', file);
    expect(code).toBe(1);
    expect(stderr).toMatch(/record 3 \(HotTopic\): BreachDate: must be a date/);
    expect(stderr).toMatch(/nothing was written/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect((await readdir(importedDir)).length).toBe(before);
  }, 30_000);

  it('is a usage error without a known feed', async () => {
    expect((await dataset('import', 'vcdb', 'x.json')).code).toBe(2);
    expect((await dataset('import', 'hibp')).code).toBe(2);
  }, 30_000);

  it('--dry-run prints the summary and writes nothing', async () => {
    const importedDir = path.join(REPO, 'data/imported');
    const before = (await readdir(importedDir)).sort();
    const { code, stdout } = await dataset('import', 'wikipedia', FIXTURE_FILES.wikipedia, '--dry-run');
    expect(code).toBe(0);
    expect(stdout).toMatch(/wikipedia: 11 records read/);
    expect(stdout).toMatch(/skipped: .*not-retail-despite-label 2/);
    expect((await readdir(importedDir)).sort()).toEqual(before);
  }, 30_000);
});

describe('stats', () => {
  it('counts by kind, year, country, source and service, and how many incidents have domains', () => {
    const stats = computeStats([
      makeIncident(),
      makeIncident({ id: 'b', domains: [], countries: [], kind: 'data-breach', disclosedOn: '2014-01-02', provenance: [{ source: 'prc', record: 'r' }, { source: 'wikipedia', record: 'w' }] }),
    ]);
    expect(stats).toMatchObject({
      incidents: 2,
      withDomains: 1,
      withoutDomains: 1,
      distinctDomains: 1,
      bySource: { curated: 1, prc: 1, wikipedia: 1 },
      byKind: { 'data-breach': 1, ransomware: 1 },
      byYear: { '2014': 1, '2025': 1 },
      byCountry: { GB: 1, '(none)': 1 },
    });
    expect(stats.byService).toMatchObject({ 'online-orders': 2, 'in-store': 2 });
  });

  it('--json prints the same numbers as JSON', async () => {
    const { code, stdout } = await dataset('stats', '--json');
    expect(code).toBe(0);
    const stats = JSON.parse(stdout) as { incidents: number; withDomains: number };
    expect(stats.incidents).toBeGreaterThan(0);
    expect(stats.withDomains).toBeLessThanOrEqual(stats.incidents);
  }, 30_000);
});

describe('add', () => {
  const base = ['add', '--organisation', 'Example Shop plc', '--kind', 'cyberattack', '--status', 'ongoing', '--confirmed-by', 'organisation', '--title', 'Example Shop pauses online orders', '--summary', 'Example Shop paused online orders after a cyber incident.', '--source-url', 'https://www.example.org/news/1', '--publisher', 'Example News', '--disclosed', '2026-11-01'];

  it('writes a curated skeleton that validates', async () => {
    const { code, stderr } = await dataset(...base, '--domain', 'exampleshop-caveat-test.co.uk', '--country', 'GB', '--dir', layers.root);
    expect(stderr).toMatch(/wrote/);
    expect(code).toBe(0);
    const written = JSON.parse(await readFile(path.join(layers.root, 'example-shop-plc-2026-11.json'), 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ id: 'example-shop-plc-2026-11', domains: ['exampleshop-caveat-test.co.uk'], status: 'ongoing', provenance: [{ source: 'curated' }] });
    const check = await dataset('validate', path.join(layers.root, 'example-shop-plc-2026-11.json'));
    expect(check.code).toBe(0);
  }, 30_000);

  it('refuses a public suffix or an http source with the field path, writing nothing', async () => {
    const bad = await dataset(...base, '--domain', 'co.uk', '--dir', layers.root);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/domains\[0\]/);
    const http = await dataset(...base.map((a) => (a.startsWith('https://www.example.org') ? 'http://www.example.org/news/1' : a)), '--dir', layers.root);
    expect(http.code).toBe(1);
    expect(http.stdout).toMatch(/sources\[0\]\.url/);
    expect(await readdir(layers.root)).toEqual([]);
  }, 30_000);

  it('names the missing flags', async () => {
    const { code, stderr } = await dataset('add', '--organisation', 'X');
    expect(code).toBe(2);
    expect(stderr).toMatch(/--title/);
  }, 30_000);

  it('fills organisation, brands, country and domains from the registry when the organisation is named by a short name', async () => {
    const { code, stdout, stderr } = await dataset(...base.map((a) => (a === 'Example Shop plc' ? 'm&s' : a)), '--id', 'ms-cli-test-2026-11', '--dry-run', '--dir', layers.root);
    expect(stderr).toMatch(/organisation: Marks and Spencer Group plc/);
    expect(code).toBe(0);
    const record = JSON.parse(stdout) as { organisation: string; brands: string[]; countries: string[]; domains: string[] };
    expect(record.organisation).toBe('Marks and Spencer Group plc');
    expect(record.brands).toContain('M&S');
    expect(record.countries).toEqual(['GB']);
    expect(record.domains).toContain('marksandspencer.com');
    expect(stderr).toMatch(/dry run: nothing was written/);
    expect(await readdir(layers.root)).toEqual([]);
  }, 30_000);

  it('has no default status or kind: both are asked for, and a confirmed incident says who confirmed it', async () => {
    const without = (flag: string) => {
      const at = base.indexOf(flag);
      return [...base.slice(0, at), ...base.slice(at + 2)];
    };
    expect((await dataset(...without('--status'))).stderr).toMatch(/missing --status/);
    expect((await dataset(...without('--kind'))).stderr).toMatch(/missing --kind/);
    const unconfirmed = await dataset(...without('--confirmed-by'), '--dir', layers.root);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/--confirmed-by/);
  }, 30_000);
});
