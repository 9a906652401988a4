/**
 * A malformed feed file is refused with an error naming the record and the field, and nothing is
 * written — not even the records before the bad one.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FEED_BYTES } from '../../../tools/import/run';
import { FeedError, type FeedSource } from '../../../tools/import/types';
import { FIXTURE_FILES, importInto, snapshotDir, tempLayers, type Layers } from './harness';

let layers: Layers;
beforeEach(async () => {
  layers = await tempLayers();
  await mkdir(layers.importedDir, { recursive: true });
});
afterEach(async () => {
  await layers.cleanup();
});

async function hibpRecords(): Promise<Record<string, unknown>[]> {
  return JSON.parse(await readFile(FIXTURE_FILES.hibp, 'utf8')) as Record<string, unknown>[];
}

function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Each case: how to make the bad file, and what the error must name. */
const CASES: { name: string; source: FeedSource; make: () => Promise<string>; expect: RegExp[] }[] = [
  { name: 'not JSON', source: 'hibp', make: async () => '[{"Name": "HotTopic",', expect: [/not valid JSON/] },
  { name: 'not an array', source: 'hibp', make: async () => '{"Name": "HotTopic"}', expect: [/expected a JSON array/] },
  {
    name: 'missing field',
    source: 'hibp',
    make: async () => {
      const records = await hibpRecords();
      delete records[2]!.DataClasses;
      return JSON.stringify(records);
    },
    expect: [/record 2 \(CanadianTire\)/, /DataClasses/],
  },
  {
    name: 'wrong type',
    source: 'hibp',
    make: async () => {
      const records = await hibpRecords();
      records[3]!.PwnCount = 'lots';
      return JSON.stringify(records);
    },
    expect: [/record 3 \(HotTopic\)/, /PwnCount/],
  },
  {
    name: 'wrong type deep in a list',
    source: 'hibp',
    make: async () => {
      const records = await hibpRecords();
      (records[1]!.DataClasses as unknown[])[1] = 42;
      return JSON.stringify(records);
    },
    expect: [/record 1 \(Bonobos\)/, /DataClasses\[1\]/],
  },
  {
    name: '__proto__ key',
    source: 'hibp',
    make: async () => {
      const text = JSON.stringify(await hibpRecords());
      return text.replace('{"Name":"Bonobos"', '{"__proto__":{"polluted":true},"Name":"Bonobos"');
    },
    expect: [/record 1/, /__proto__/],
  },
  {
    name: 'deeply nested',
    source: 'ransomware',
    make: async () => JSON.stringify([{ id: 'rw:x', company: 'X', filed: '2026-08-01', matched: [], filing_url: 'https://www.ransomware.live/id/x', extra: nested(100) }]),
    expect: [/record 0/, /nested too deeply/],
  },
  { name: 'huge', source: 'hibp', make: async () => `[${' '.repeat(MAX_FEED_BYTES)}]`, expect: [/too large/] },
  {
    name: 'bad date in a post',
    source: 'ransomware',
    make: async () => JSON.stringify([{ id: 'rw:x', company: 'X', filed: '20 August', matched: [], filing_url: 'https://www.ransomware.live/id/x' }]),
    expect: [/record 0 \(rw:x\)/, /filed/],
  },
  {
    name: 'notice with a wrong-typed flag',
    source: 'notices',
    make: async () => JSON.stringify([{ id: 'n1', company: 'X', filed: '2026-08-01', form: '8-K', is_item_105: 'yes', filing_url: 'https://www.sec.gov/x', source: 'SEC', source_type: 'sec' }]),
    expect: [/record 0 \(n1\)/, /is_item_105/],
  },
  { name: 'CSV missing a column', source: 'prc', make: async () => 'Company,Location\r\n"Target","MN"\r\n', expect: [/Date Made Public/, /missing column/] },
  { name: 'CSV with a broken quote', source: 'wikipedia', make: async () => 'Entity,Year,Records,Organization type,Method\n"Target,2013,1,retail,hacked\n', expect: [/not valid CSV/] },
  { name: 'CSV row with too many fields', source: 'wikipedia', make: async () => 'Entity,Year,Records,Organization type,Method\nTarget,2013,1,retail,hacked,extra\n', expect: [/not valid CSV/, /line 2/] },
];

describe('malformed feeds are rejected with record and field, writing nothing', () => {
  it.each(CASES)('$name', async ({ source, make, expect: patterns }) => {
    const file = path.join(layers.root, `bad-${source}.feed`);
    await writeFile(file, await make());
    const error = await importInto(layers, source, file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FeedError);
    for (const pattern of patterns) expect((error as Error).message).toMatch(pattern);
    expect(await snapshotDir(layers.importedDir)).toEqual({});
  });
});
