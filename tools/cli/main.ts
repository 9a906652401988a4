/**
 * The maintainers' CLI: `npm run dataset -- <command>`. Each command is one small module;
 * this file only dispatches. Exit codes: 0 done, 1 the data has problems, 2 a usage error.
 */
import { addCommand } from './add';
import { buildCommand } from './build';
import { formatCommand } from './format';
import { importCommand } from './import';
import { keygenCommand } from './keygen';
import { matchCommand } from './match';
import { publishCommand } from './publish';
import { statsCommand } from './stats';
import { UsageError } from './usage';
import { validateCommand } from './validate';

const COMMANDS: Record<string, { run(args: string[]): Promise<number>; help: string }> = {
  validate: { run: validateCommand, help: 'validate [FILE…]       check the curated data (or the given files)' },
  format: { run: formatCommand, help: 'format [FILE…]         rewrite incident files in the canonical form validate expects' },
  build: { run: buildCommand, help: 'build                  validate and write public/dataset.json for the extension' },
  keygen: { run: keygenCommand, help: 'keygen [--out DIR] [--trust]   make a signing key pair (private key outside the repo)' },
  publish: { run: publishCommand, help: 'publish --out DIR --key FILE [--sequence N]   write a signed dataset update' },
  match: { run: matchCommand, help: 'match <url> [--json]   which incidents the extension would show for a URL' },
  import: { run: importCommand, help: 'import <feed> <file>   import a public feed (hibp|ransomware|notices|prc|wikipedia) into data/imported' },
  stats: { run: statsCommand, help: 'stats [--json]         coverage: counts by kind, year, country, source, services, domains' },
  add: { run: addCommand, help: 'add --id … --organisation … [--domain …]   start a curated incident file that validates' },
};

function usage(): string {
  return ['usage: npm run dataset -- <command>', '', ...Object.values(COMMANDS).map((c) => `  ${c.help}`)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${name}: ${error.message}`);
      return 2;
    }
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
