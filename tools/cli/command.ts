/**
 * One way to declare a CLI command: its options (Node's `util.parseArgs`, strict), its positional
 * arguments, a help text with examples, and what it does. Every command gets `--help`, `--x=y`,
 * case-insensitive choices, and the same clear error for an unknown, repeated or valueless flag —
 * raised before the command runs, so a mistyped call changes nothing.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './usage';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** One line for the help text. */
  description: string;
  /** What the value stands for in the help text ("DIR", "YYYY-MM-DD"). */
  valueName?: string;
  short?: string;
  multiple?: boolean;
  required?: boolean;
  /** Allowed values, matched without regard to case; the value is given to the command in lower case. */
  choices?: readonly string[];
  /** Checks the value; returns why it is wrong, or null. */
  check?: (value: string) => string | null;
}

export interface PositionalSpec {
  name: string;
  description: string;
  required?: boolean;
  /** Takes every remaining argument. */
  variadic?: boolean;
  choices?: readonly string[];
}

type ValueOf<O extends OptionSpec> = O['type'] extends 'boolean' ? boolean : O['multiple'] extends true ? string[] : O['required'] extends true ? string : string | undefined;

export type OptionValues<Options extends Record<string, OptionSpec>> = { [K in keyof Options]: ValueOf<Options[K]> };

export interface Command<Options extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** More about what it does, for `--help`. */
  description?: string;
  options: Options;
  positionals: PositionalSpec[];
  examples: string[];
  run(input: { values: OptionValues<Options>; positionals: string[] }): Promise<number>;
}

/** Declares a command (only for the types: the values the command receives follow its options). */
export function defineCommand<Options extends Record<string, OptionSpec>>(command: Command<Options>): Command<Options> {
  return command;
}

function optionUsage(name: string, spec: OptionSpec): string {
  const flag = spec.type === 'boolean' ? `--${name}` : `--${name} ${spec.valueName ?? 'VALUE'}`;
  const shown = spec.required ? flag : `[${flag}]`;
  return spec.multiple ? `${shown}…` : shown;
}

function positionalUsage(spec: PositionalSpec): string {
  const name = spec.choices ? spec.choices.join('|') : spec.name;
  const shown = spec.required ? `<${name}>` : `[${name}]`;
  return spec.variadic ? `${shown}…` : shown;
}

export function usageLine(command: Command): string {
  return ['npm run dataset --', command.name, ...command.positionals.map(positionalUsage), ...Object.entries(command.options).map(([n, s]) => optionUsage(n, s))].join(' ');
}

export function helpText(command: Command): string {
  const rows: [string, string][] = [
    ...command.positionals.map((p): [string, string] => [positionalUsage(p), p.description]),
    ...Object.entries(command.options).map(([name, spec]): [string, string] => [
      `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`,
      `${spec.description}${spec.choices ? ` (${spec.choices.join(', ')})` : ''}${spec.multiple ? ' (repeatable)' : ''}`,
    ]),
    ['-h, --help', 'show this help'],
  ];
  const width = Math.max(...rows.map(([left]) => left.length));
  return [
    `${command.name}: ${command.summary}`,
    '',
    `usage: ${usageLine(command)}`,
    ...(command.description ? ['', command.description] : []),
    '',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
    ...(command.examples.length > 0 ? ['', 'examples:', ...command.examples.map((e) => `  ${e}`)] : []),
  ].join('\n');
}

function choose(what: string, value: string, choices: readonly string[]): string {
  const lower = value.toLowerCase();
  const match = choices.find((c) => c.toLowerCase() === lower);
  if (!match) throw new UsageError(`${what} must be one of ${choices.join(', ')} (got "${value}")`);
  return match;
}

/**
 * Parses `args` for `command`. Returns null when help was asked for (and printed); throws
 * UsageError for anything malformed, before the command has done anything.
 */
export function parseCommandArgs<Options extends Record<string, OptionSpec>>(
  command: Command<Options>,
  args: string[],
): { values: OptionValues<Options>; positionals: string[] } | null {
  const config: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, spec] of Object.entries(command.options)) config[name] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) };
  let parsed: ReturnType<typeof parseArgs<{ options: typeof config; allowPositionals: true; strict: true; tokens: true }>>;
  try {
    parsed = parseArgs({ args, options: config, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    // Node's messages name the flag ("Unknown option '--oot'"); drop its advice about '--'.
    const message = (error as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/\.$/, '');
    throw new UsageError(`${message}\n\nusage: ${usageLine(command)}\nmore: npm run dataset -- ${command.name} --help`);
  }
  if (parsed.values.help) {
    console.log(helpText(command));
    return null;
  }
  // A single-valued option given twice is a mistake, not "the last one wins".
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    if (!command.options[token.name]?.multiple && seen.has(token.name)) throw new UsageError(`--${token.name} is given twice`);
    seen.add(token.name);
  }
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(command.options)) {
    let value = parsed.values[name] as string | boolean | string[] | undefined;
    if (spec.required && (value === undefined || (Array.isArray(value) && value.length === 0))) throw new UsageError(`missing --${name}\n\nusage: ${usageLine(command)}`);
    if (spec.type === 'string' && value !== undefined) {
      const list = (Array.isArray(value) ? value : [value as string]).map((v) => {
        if (v === '' ) throw new UsageError(`--${name} needs a value`);
        const chosen = spec.choices ? choose(`--${name}`, v, spec.choices) : v;
        const problem = spec.check?.(chosen);
        if (problem) throw new UsageError(`--${name}: ${problem}`);
        return chosen;
      });
      value = spec.multiple ? list : list[0];
    }
    values[name] = spec.type === 'boolean' ? value === true : spec.multiple ? (value ?? []) : value;
  }
  const positionals = [...parsed.positionals];
  const specs = command.positionals;
  const variadic = specs.some((s) => s.variadic);
  if (!variadic && positionals.length > specs.length) throw new UsageError(`unexpected argument "${positionals[specs.length]}"\n\nusage: ${usageLine(command)}`);
  specs.forEach((spec, i) => {
    if (spec.required && positionals[i] === undefined) throw new UsageError(`missing <${spec.name}>\n\nusage: ${usageLine(command)}`);
    if (spec.choices && positionals[i] !== undefined) positionals[i] = choose(spec.name, positionals[i]!, spec.choices);
  });
  return { values: values as OptionValues<Options>, positionals };
}

/** Parses and runs; help exits 0 without running the command. */
export async function runCommand(command: Command, args: string[]): Promise<number> {
  const input = parseCommandArgs(command, args);
  return input ? command.run(input) : 0;
}

export const ISO_DAY = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? null : 'must be a date as YYYY-MM-DD');
