import { formatProblem } from '@/core/model/validate';
import { canonicalFormProblems } from './canonical';
import { listIncidentFiles } from './files';
import { DATASET_DIRS, loadIncidents } from './load';

export async function validateCommand(args: string[]): Promise<number> {
  const files = args.length > 0 ? args : await listIncidentFiles(DATASET_DIRS);
  const { incidents, problems: recordProblems } = await loadIncidents(files);
  const problems = [...recordProblems, ...(await canonicalFormProblems(files))];
  for (const problem of problems) console.log(formatProblem(problem));
  if (problems.length > 0) {
    console.error(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}`);
    return 1;
  }
  console.error(`${incidents.length} incidents in ${files.length} files: valid`);
  return 0;
}
