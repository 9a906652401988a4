import { formatFiles } from './canonical';
import { listIncidentFiles } from './files';
import { DATASET_DIRS } from './load';

/** Rewrites incident files (default: the whole dataset) into the canonical form `validate` expects. */
export async function formatCommand(args: string[]): Promise<number> {
  const files = args.length > 0 ? args : await listIncidentFiles(DATASET_DIRS);
  const changed = await formatFiles(files);
  for (const file of changed) console.log(file);
  console.error(`${changed.length} of ${files.length} file${files.length === 1 ? '' : 's'} rewritten in canonical form`);
  return 0;
}
