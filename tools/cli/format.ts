import { formatFiles } from './canonical';
import { defineCommand } from './command';
import { listIncidentFiles } from '../shared/dataset-files';
import { DATASET_DIRS } from './load';

export const formatCommand = defineCommand({
  name: 'format',
  summary: 'rewrite incident files in the canonical form validate expects',
  description: 'Keys in schema order, 2-space JSON, a final newline: the bytes every tool writes. Files that do not validate are left alone.',
  options: {},
  positionals: [{ name: 'FILE', description: 'incident files to rewrite (default: the whole dataset)', variadic: true }],
  examples: ['npm run dataset -- format data/incidents/co-op-2025-04.json'],
  async run({ positionals }) {
    const files = positionals.length > 0 ? positionals : await listIncidentFiles(DATASET_DIRS);
    const changed = await formatFiles(files);
    for (const file of changed) console.log(file);
    console.error(`${changed.length} of ${files.length} file${files.length === 1 ? '' : 's'} rewritten in canonical form`);
    return 0;
  },
});
