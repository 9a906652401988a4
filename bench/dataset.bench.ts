/** Validation and build of the full dataset (data/incidents + data/imported), as `npm run dataset -- build` does. */
import { bench, describe } from 'vitest';
import { buildDataset, serialiseDataset } from '../core/model/dataset';
import { validateRecords } from '../core/model/validate';
import { templateIncidents } from './synthetic';

const records = templateIncidents().map((record, k) => ({ file: `incident-${k}.json`, record }));
const TODAY = '2026-11-28';
let sink = 0;

describe(`dataset ${records.length} incidents`, () => {
  bench('validate', () => {
    sink += validateRecords(records, TODAY).incidents.length;
  }, { iterations: 5, time: 0 });
  bench('build + serialise', async () => {
    sink += serialiseDataset(await buildDataset(validateRecords(records, TODAY).incidents)).length;
  }, { iterations: 5, time: 0 });
});

if (sink < 0) console.log(sink);
