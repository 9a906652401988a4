/**
 * Every importer on the real feeds in ../shared/datasets/ (CI has them). Without that folder these
 * tests are skipped, and say so.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIncidentFiles, readIncidentFiles } from '../../../tools/shared/dataset-files';
import { validateRecords } from '../../../core/model/validate';
import type { ImportSummary } from '../../../tools/import/run';
import { FEED_SOURCES, type FeedSource } from '../../../tools/import/types';
import { FEED_FILES, REPO, SHARED_PRESENT, TODAY, importInto, readIncidents, skipNotice, snapshotDir, tempLayers, type Layers } from './harness';

skipNotice();

describe.skipIf(!SHARED_PRESENT)('full feeds with the real curated incidents', () => {
  let layers: Layers;
  const summaries = {} as Record<FeedSource, ImportSummary>;
  let seconds = 0;

  beforeAll(async () => {
    layers = await tempLayers();
    // Read-only use of the committed curated incidents: imports write only to the temporary layer.
    layers.curatedDir = path.join(REPO, 'data/incidents');
    const started = performance.now();
    for (const source of FEED_SOURCES) summaries[source] = await importInto(layers, source, FEED_FILES[source]);
    seconds = (performance.now() - started) / 1000;
  }, 60_000);
  afterAll(async () => {
    await layers.cleanup();
  });

  it('imports all five feeds in a few seconds', () => {
    expect(seconds).toBeLessThan(20);
  });

  it('reads every record of every feed', () => {
    expect(summaries.hibp.total).toBe(955);
    expect(summaries.ransomware.total).toBe(1838);
    expect(summaries.notices.total).toBe(1077);
    expect(summaries.prc.total).toBe(5280);
    expect(summaries.wikipedia.total).toBe(633);
  });

  it('leaves HIBP spam lists, fabricated breaches, malware and stealer logs out', () => {
    expect(summaries.hibp.skipped).toMatchObject({ 'spam-list': 16, fabricated: 3 });
    expect(summaries.hibp.skipped.malware).toBeGreaterThan(0);
    expect(summaries.hibp.skipped['stealer-log']).toBeGreaterThan(0);
    expect(summaries.hibp.selected).toBeGreaterThan(150);
  });

  it('finds Hot Topic 2024 already curated and leaves it to the curated file', () => {
    expect(summaries.hibp.curatedMatches).toContainEqual({ record: 'HotTopic', id: 'hot-topic-2024-10' });
  });

  it('imports the 62 "Retail & E-Commerce" leak-site posts, and those naming a known retailer\'s domain, all as unconfirmed claims', async () => {
    // 62 by industry; more as curated incidents and the registry learn retailers' domains.
    expect(summaries.ransomware.selected).toBeGreaterThanOrEqual(62);
    const claims = (await readIncidents(layers.importedDir)).filter((i) => i.provenance.some((p) => p.source === 'ransomware'));
    expect(claims).toHaveLength(summaries.ransomware.selected);
    for (const claim of claims) {
      expect(claim.status).toBe('claimed');
      expect(claim.dataExposed).toEqual([]);
      expect(claim.actors.every((a) => a.basis === 'claimed')).toBe(true);
    }
  });

  it('selects PRC retail (BSR) rows and never a non-BSR row', () => {
    expect(summaries.prc.skipped['not-retail']).toBe(5280 - 552);
    expect(summaries.prc.selected + (summaries.prc.skipped['not-retail-despite-label'] ?? 0) + (summaries.prc.skipped['no-date'] ?? 0)).toBe(552);
  });

  it('writes a layer that validates together with the curated incidents', async () => {
    const read = await readIncidentFiles(await listIncidentFiles([layers.curatedDir, layers.importedDir]));
    const { problems } = validateRecords(read.records, TODAY);
    expect(problems).toEqual([]);
  });

  it('changes nothing when run again', async () => {
    const before = await snapshotDir(layers.importedDir);
    for (const source of FEED_SOURCES) {
      const again = await importInto(layers, source, FEED_FILES[source]);
      expect(again.added).toEqual([]);
      expect(again.updated).toEqual([]);
    }
    expect(await snapshotDir(layers.importedDir)).toEqual(before);
  }, 60_000);
});

describe.skipIf(!SHARED_PRESENT)('full HIBP feed without curated incidents', () => {
  it('imports Hot Topic 2024 with hottopic.com and its data classes', async () => {
    const layers = await tempLayers();
    try {
      await importInto(layers, 'hibp', FEED_FILES.hibp);
      const hot = (await readIncidents(layers.importedDir)).find((i) => i.provenance.some((p) => p.record === 'HotTopic'))!;
      expect(hot.domains).toContain('hottopic.com');
      expect(hot.dataExposed.map((d) => d.dataClass)).toEqual(expect.arrayContaining(['Email addresses', 'Purchases', 'Partial credit card data']));
    } finally {
      await layers.cleanup();
    }
  });
});
