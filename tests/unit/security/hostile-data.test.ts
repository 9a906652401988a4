/**
 * Hostile strings in a dataset: refused by validation where they could lie or swamp (bidi
 * overrides, control characters, 100 KB strings, non-https links), accepted only as plain text
 * otherwise (markup is text: the renderers never interpret it — proven in the browser by
 * tests/e2e/hostile-data.spec.ts). A refused dataset changes nothing installed.
 * Claims: SECURITY.md, "Hostile data".
 */
import { describe, expect, it } from 'vitest';
import { safeHref } from '@/components/SourceList';
import { ensureBundledDataset } from '../../../core/storage/bundled-dataset';
import { buildDataset, serialiseDataset } from '../../../core/model/dataset';
import { allIncidents, installDataset, installedDataset, openDb } from '../../../core/storage/db';
import { validateRecords } from '../../../core/model/validate';
import { makeIncident } from '../helpers/incident';

const TODAY = '2026-11-28';
const problemsOf = (record: unknown) => validateRecords([{ file: 'hostile.json', record }], TODAY).problems;
const base = makeIncident();

describe('validation refuses what could lie or swamp', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['RTL override in a title', { title: 'Refund\u202Efdp.exe' }, /^title$/],
    ['isolate controls in advice', { advice: ['Call \u2066+44\u2069 now'] }, /^advice\[0\]$/],
    ['zero-width bidi mark in the organisation', { organisation: 'M\u200Fs' }, /^organisation$/],
    ['control characters in a summary', { summary: 'ok\u0007\u001b[31mred' }, /^summary$/],
    ['a 100 KB summary', { summary: 'A'.repeat(100_000) }, /^summary$/],
    ['a 100 KB title', { title: 'A'.repeat(100_000) }, /^title$/],
    ['a javascript: source', { sources: [{ url: 'javascript:alert(1)', publisher: 'x' }] }, /^sources\[0\]\.url$/],
    ['a data: source', { sources: [{ url: 'data:text/html,<script>alert(1)</script>', publisher: 'x' }] }, /^sources\[0\]\.url$/],
    ['an http source', { sources: [{ url: 'http://news.example/', publisher: 'x' }] }, /^sources\[0\]\.url$/],
    ['a source with credentials', { sources: [{ url: 'https://user:pass@news.example/', publisher: 'x' }] }, /^sources\[0\]\.url$/],
    ['a public suffix as a domain', { domains: ['co.uk'] }, /^domains\[0\]$/],
    ['a shared platform as a domain', { domains: ['myshopify.com'] }, /^domains\[0\]$/],
    ['markup as a domain', { domains: ['<b>x</b>.com'] }, /^domains\[0\]$/],
    ['an unknown field (e.g. an html body)', { html: '<script>alert(1)</script>' }, /^$/],
  ];
  it.each(cases)('%s', (_, change, path) => {
    const problems = problemsOf({ ...base, ...change });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining([expect.stringMatching(path)]));
    for (const p of problems) expect(p.message.length).toBeLessThanOrEqual(400);
  });

  it('markup is accepted only as text (the renderers escape it)', () => {
    expect(problemsOf({ ...base, title: `<img src=x onerror="alert(1)"> & <script>` })).toEqual([]);
  });
});

describe('links', () => {
  it('only https URLs ever become links', () => {
    expect(safeHref('https://news.example/a')).toBe('https://news.example/a');
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'http://news.example/', 'vbscript:x', '//news.example/', 'not a url', 'blob:https://x/y']) {
      expect(safeHref(url), url).toBeUndefined();
    }
  });
});

describe('a refused dataset changes nothing installed', () => {
  it('a tampered bundled dataset is refused and the installed one stays', async () => {
    const db = openDb(`hostile-${Math.random()}`);
    try {
      const good = await buildDataset([base]);
      await installDataset(db, good, { origin: 'bundled', sequence: 1, installedAt: '2026-01-01T00:00:00Z' });
      const before = { meta: await installedDataset(db), incidents: await allIncidents(db) };
      const tampered = JSON.parse(serialiseDataset(good)) as { incidents: Record<string, unknown>[]; contentHash: string };
      tampered.incidents[0]!.summary = `<script>alert(1)</script>\u202E${'A'.repeat(100_000)}`;
      tampered.contentHash = 'f'.repeat(64);
      const files: Record<string, string> = {
        '/dataset.version.json': JSON.stringify({ version: 'x', contentHash: 'f'.repeat(64), sequence: 99 }),
        '/dataset.json': JSON.stringify(tampered),
      };
      await expect(ensureBundledDataset(db, async (path) => files[path] ?? '')).rejects.toThrow();
      expect(await installedDataset(db)).toEqual(before.meta);
      expect(await allIncidents(db)).toEqual(before.incidents);
    } finally {
      db.close();
      await db.delete();
    }
  });
});
