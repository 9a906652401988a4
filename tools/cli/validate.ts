import { formatProblem } from '@/core/model/validate';
import { canonicalFormProblems } from './canonical';
import { defineCommand } from './command';
import { listIncidentFiles } from '../shared/dataset-files';
import { DATASET_DIRS, loadIncidents } from './load';

export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'check the dataset (or the given incident files): schema, cross-record rules, canonical form',
  description: 'Prints every problem on one line (file: id: field.path: message) and exits 1 if there is any.',
  options: {},
  positionals: [{ name: 'FILE', description: 'incident files to check (default: data/incidents and data/imported)', variadic: true }],
  examples: ['npm run dataset -- validate', 'npm run dataset -- validate data/incidents/marks-and-spencer-2025-04.json'],
  async run({ positionals }) {
    const files = positionals.length > 0 ? positionals : await listIncidentFiles(DATASET_DIRS);
    const { incidents, problems: recordProblems } = await loadIncidents(files);
    const problems = [...recordProblems, ...(await canonicalFormProblems(files))];
    for (const problem of problems) console.log(formatProblem(problem));
    if (problems.length > 0) {
      console.error(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}`);
      return 1;
    }
    console.error(`${incidents.length} incidents in ${files.length} files: valid`);
    return 0;
  },
});
