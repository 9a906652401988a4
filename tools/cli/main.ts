/** The maintainers' CLI, `npm run dataset -- <command>`: see dispatch.ts for the commands. */
import { dispatch } from './dispatch';

process.exitCode = await dispatch(process.argv.slice(2));
