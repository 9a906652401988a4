import { formatProblem } from '../validate';
import { loadIncidents } from './load';

export async function validateCommand(args: string[]): Promise<number> {
  const { incidents, problems, files } = await loadIncidents(args);
  for (const problem of problems) console.log(formatProblem(problem));
  if (problems.length > 0) {
    console.error(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`);
    return 1;
  }
  console.error(`${incidents.length} incidents in ${files} files: valid`);
  return 0;
}
