import { describe, expect, it } from 'vitest';
import { buildDataset, serialiseDataset } from '../../core/model/dataset';
import { datasetSchema } from '../../core/model/schema';
import { makeIncident } from './helpers/incident';

const a = makeIncident();
const b = makeIncident({ id: 'other-2024-01', organisation: 'Other', domains: ['other.example'], disclosedOn: '2024-01-05', startedOn: undefined, updatedOn: '2025-07-01' });

describe('building the dataset', () => {
  it('is deterministic whatever the input order and key order', async () => {
    const shuffled = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
    const one = serialiseDataset(await buildDataset([a, b]));
    const two = serialiseDataset(await buildDataset([b, shuffled]));
    expect(one).toBe(two);
  });

  it('records version, data date, counts and a content hash, and parses back', async () => {
    const dataset = await buildDataset([a, b]);
    expect(dataset.dataAsOf).toBe('2025-07-01');
    expect(dataset.counts).toEqual({ incidents: 2, domains: 2 });
    expect(dataset.version).toBe(`2025.07.01-${dataset.contentHash.slice(0, 8)}`);
    expect(dataset.incidents.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(datasetSchema.parse(JSON.parse(serialiseDataset(dataset)))).toEqual(dataset);
  });

  it('any change in the data changes the hash', async () => {
    const before = await buildDataset([a]);
    const after = await buildDataset([{ ...a, title: `${a.title}.` }]);
    expect(after.contentHash).not.toBe(before.contentHash);
  });
});
