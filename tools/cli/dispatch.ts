/**
 * The maintainers' CLI's commands and its dispatcher. Each command is one small module declared
 * with `defineCommand` (command.ts); this file only lists and dispatches them (tests call
 * `dispatch` in-process; main.ts is the program).
 * Exit codes: 0 done, 1 the data has problems, 2 a usage error (nothing was changed).
 */
import { addCommand } from './add';
import { buildCommand } from './build';
import { runCommand, type Command } from './command';
import { setServiceCommand, setStatusCommand } from './edit';
import { formatCommand } from './format';
import { importCommand } from './import';
import { keygenCommand } from './keygen';
import { matchCommand } from './match';
import { publishCommand } from './publish';
import { refreshCommand } from './refresh';
import { statsCommand } from './stats';
import { UsageError } from './usage';
import { validateCommand } from './validate';
import { verifyFeedCommand } from './verify-feed';

export const COMMANDS: Command[] = [
  validateCommand,
  formatCommand,
  buildCommand,
  matchCommand,
  statsCommand,
  importCommand,
  refreshCommand,
  addCommand,
  setStatusCommand,
  setServiceCommand,
  keygenCommand,
  publishCommand,
  verifyFeedCommand,
] as Command[];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: npm run dataset -- <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'npm run dataset -- <command> --help   shows a command\'s options and examples',
  ].join('\n');
}

export async function dispatch(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === args[0]) : undefined;
    if (topic) return runCommand(topic, ['--help']);
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name.toLowerCase());
  if (!command) {
    console.error(`unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await runCommand(command, args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${command.name}: ${error.message}`);
      return 2;
    }
    console.error(`${command.name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
