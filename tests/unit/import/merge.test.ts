/** Merge rules: idempotence, curated incidents never touched, one incident per real-world event across feeds. */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FEED_SOURCES } from '../../../tools/import/types';
import { mergeInto, sameOrganisation, timeDistance } from '../../../tools/import/merge';
import { makeIncident } from '../helpers/incident';
import { loadRegistry } from '../../../tools/import/registry';
import { FIXTURE_FILES, REPO, importInto, readIncidents, snapshotDir, tempLayers, type Layers } from './harness';

let layers: Layers;
beforeEach(async () => {
  layers = await tempLayers();
});
afterEach(async () => {
  await layers.cleanup();
});

async function importAll(order: readonly (typeof FEED_SOURCES)[number][] = FEED_SOURCES) {
  const summaries = [];
  for (const source of order) summaries.push(await importInto(layers, source, FIXTURE_FILES[source]));
  return summaries;
}

describe('idempotence', () => {
  it('importing twice leaves byte-identical files and reports everything unchanged', async () => {
    await importAll();
    const first = await snapshotDir(layers.importedDir);
    expect(Object.keys(first).length).toBeGreaterThan(10);
    const again = await importAll();
    expect(await snapshotDir(layers.importedDir)).toEqual(first);
    for (const summary of again) {
      expect(summary.added).toEqual([]);
      expect(summary.updated).toEqual([]);
      expect(summary.written).toEqual([]);
    }
  });

  it('gives the same incidents whatever order the feeds are imported in (ids aside: the first feed names a new incident)', async () => {
    const withoutId = (incidents: Awaited<ReturnType<typeof readIncidents>>) =>
      incidents.map(({ id: _id, ...rest }) => JSON.stringify(rest)).sort();
    await importAll();
    const forwards = withoutId(await readIncidents(layers.importedDir));
    const other = await tempLayers();
    try {
      for (const source of [...FEED_SOURCES].reverse()) await importInto(other, source, FIXTURE_FILES[source]);
      expect(withoutId(await readIncidents(other.importedDir))).toEqual(forwards);
    } finally {
      await other.cleanup();
    }
  });
});

describe('curated incidents are never overwritten', () => {
  it('adds nothing for an HIBP breach that a curated incident already covers, and leaves the curated file alone', async () => {
    await mkdir(layers.curatedDir, { recursive: true });
    const curatedFile = path.join(layers.curatedDir, 'hot-topic-2024-10.json');
    await copyFile(path.join(REPO, 'data/incidents/hot-topic-2024-10.json'), curatedFile);
    const before = await readFile(curatedFile, 'utf8');
    const summary = await importInto(layers, 'hibp', FIXTURE_FILES.hibp);
    expect(summary.curatedMatches).toContainEqual({ record: 'HotTopic', id: 'hot-topic-2024-10' });
    expect(summary.skipped['already-curated']).toBe(1);
    const imported = await readIncidents(layers.importedDir);
    expect(imported.some((i) => i.domains.includes('hottopic.com'))).toBe(false);
    expect(await readFile(curatedFile, 'utf8')).toBe(before);
  });

  it('matches a feed row to a curated incident by organisation and date (PRC and Wikipedia on Target 2013)', async () => {
    await mkdir(layers.curatedDir, { recursive: true });
    await copyFile(path.join(REPO, 'data/incidents/target-2013-12.json'), path.join(layers.curatedDir, 'target-2013-12.json'));
    const prc = await importInto(layers, 'prc', FIXTURE_FILES.prc);
    const wiki = await importInto(layers, 'wikipedia', FIXTURE_FILES.wikipedia);
    expect(prc.curatedMatches.map((m) => m.id)).toContain('target-2013-12');
    expect(wiki.curatedMatches.map((m) => m.id)).toEqual(['target-2013-12', 'target-2013-12']);
    expect((await readIncidents(layers.importedDir)).filter((i) => i.domains.includes('target.com') && i.disclosedOn.startsWith('2013'))).toEqual([]);
  });
});

describe('an imported incident that a curated one comes to cover', () => {
  it('is retired on the next import, and only it', async () => {
    await importInto(layers, 'hibp', FIXTURE_FILES.hibp);
    const before = await readIncidents(layers.importedDir);
    expect(before.some((i) => i.domains.includes('hottopic.com'))).toBe(true);
    await mkdir(layers.curatedDir, { recursive: true });
    await copyFile(path.join(REPO, 'data/incidents/hot-topic-2024-10.json'), path.join(layers.curatedDir, 'hot-topic-2024-10.json'));
    const again = await importInto(layers, 'hibp', FIXTURE_FILES.hibp);
    const after = await readIncidents(layers.importedDir);
    expect(again.retired).toHaveLength(1);
    expect(after.some((i) => i.domains.includes('hottopic.com'))).toBe(false);
    expect(after.length).toBe(before.length - 1);
    expect((await importInto(layers, 'hibp', FIXTURE_FILES.hibp)).retired).toEqual([]);
  });
});

describe('two feeds on one incident', () => {
  it('becomes one incident with both sources and both provenance entries', async () => {
    await importInto(layers, 'prc', FIXTURE_FILES.prc);
    await importInto(layers, 'wikipedia', FIXTURE_FILES.wikipedia);
    const target2013 = (await readIncidents(layers.importedDir)).filter((i) => i.organisation === 'Target Corporation' && i.disclosedOn.startsWith('2013'));
    expect(target2013).toHaveLength(1);
    const [incident] = target2013;
    expect(incident!.provenance.map((p) => p.source)).toEqual(['prc', 'wikipedia', 'wikipedia']);
    expect(incident!.sources.map((s) => s.publisher)).toEqual(['Privacy Rights Clearinghouse', 'Wikipedia']);
    // PRC outranks the Wikipedia list, so its dates and summary stand.
    expect(incident!.disclosedOn).toBe('2013-12-13');
    expect(incident!.summary).toMatch(/^The Privacy Rights Clearinghouse/);
  });

  it('never merges a ransomware claim into another incident', async () => {
    await importAll();
    for (const incident of await readIncidents(layers.importedDir)) {
      const sources = new Set(incident.provenance.map((p) => p.source));
      if (sources.has('ransomware')) expect([...sources]).toEqual(['ransomware']);
    }
  });
});

describe('re-importing after the registry learnt who a company is', () => {
  it('renames the incident and gives it the domains, keeping its id and sources', () => {
    const provenance = [{ source: 'prc' as const, record: '2008-08-01 Liberty McDonald\'s Restaurant' }];
    const before = makeIncident({ id: 'liberty-mcdonalds-restaurant-2008-08', organisation: "Liberty McDonald's Restaurant", domains: [], provenance });
    const { id: _id, provenance: _p, ...draft } = makeIncident({ organisation: "McDonald's", domains: ['mcdonalds.com'] });
    const after = mergeInto(before, { record: provenance[0]!.record, snapshot: 'export', slug: 'mcdonalds', draft }, 'prc');
    expect(after).toMatchObject({ id: before.id, organisation: "McDonald's", domains: ['mcdonalds.com'] });
    expect(after.provenance).toHaveLength(1);
  });
});

describe('timeDistance', () => {
  const at = (startedOn: string | undefined, disclosedOn: string) => ({ startedOn, disclosedOn, organisation: 'X', domains: [], status: 'contained' as const });
  it.each([
    [at('2013-11-27', '2013-12-19'), at(undefined, '2013-12-13'), 6],
    [at(undefined, '2013'), at(undefined, '2013-12-13'), 199],
    [at(undefined, '2014'), at(undefined, '2013-12-13'), 199],
    [at(undefined, '2014'), at(undefined, '2013-03-01'), null],
    [at(undefined, '2013-12-13'), at(undefined, '2012'), null],
    [at(undefined, '2015'), at(undefined, '2014'), null],
    [at('2010-01-01', '2010-02-01'), at(undefined, '2014-01-01'), null],
  ])('%o vs %o → %s', (a, b, expected) => {
    expect(timeDistance(a, b)).toBe(expected);
  });
});

describe('sameOrganisation', () => {
  const registry = loadRegistry();
  const at = (organisation: string, domains: string[]) => ({ organisation, domains, disclosedOn: '2007', status: 'contained' as const });
  it('keeps brands of one group apart when their domains differ, even under one group name', () => {
    expect(sameOrganisation(at('Ahold Delhaize', ['stopandshop.com']), at('Ahold Delhaize', ['hannaford.com']), registry)).toBe(false);
  });
  it('joins a shared domain, and a registry spelling when one side has no domain', () => {
    expect(sameOrganisation(at('Target Corporation', ['target.com']), at('Target', ['target.com']), registry)).toBe(true);
    expect(sameOrganisation(at('Target Corp.', []), at('Target Corporation', ['target.com']), registry)).toBe(true);
    expect(sameOrganisation(at('Target Optical', []), at('Target Corporation', ['target.com']), registry)).toBe(false);
  });
});
