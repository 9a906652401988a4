/**
 * Runs the maintainers' CLI in this process, as `npm run dataset -- …` would, capturing what it
 * prints. In-process so a test costs milliseconds, not a TypeScript start-up (a spawned `tsx`
 * took 1.5–5 s per call on a busy 2-core machine); tests/unit/cli.test.ts keeps one spawned run
 * to prove the real program's exit code.
 */
import { vi } from 'vitest';
import { dispatch } from '../../../tools/cli/dispatch';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

let queue: Promise<unknown> = Promise.resolve();

export function cli(...args: string[]): Promise<CliResult> {
  // One call at a time: the console is shared.
  const run = queue.then(async () => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const line = (sink: string[]) => (...parts: unknown[]) => void sink.push(`${parts.map(String).join(' ')}\n`);
    const spies = [
      vi.spyOn(console, 'log').mockImplementation(line(stdout)),
      vi.spyOn(console, 'error').mockImplementation(line(stderr)),
      vi.spyOn(console, 'warn').mockImplementation(line(stderr)),
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true)),
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true)),
    ];
    try {
      const code = await dispatch(args);
      return { code, stdout: stdout.join(''), stderr: stderr.join('') };
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
  queue = run.catch(() => undefined);
  return run;
}
