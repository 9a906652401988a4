import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { makeIncident } from './helpers/incident';

const run = promisify(execFile);
const CLI = ['--import', 'tsx', 'tools/cli/main.ts'];

async function dataset(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the maintainers’ CLI', () => {
  it('validate: the curated dataset is valid', async () => {
    const { code, stderr } = await dataset('validate');
    expect(stderr).toMatch(/valid/);
    expect(code).toBe(0);
  });

  it('validate FILE: one line per problem, file, id and field path; exit 1; no stack trace', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'caveat-cli-'));
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify(makeIncident({ domains: ['co.uk'], sources: [{ url: 'javascript:alert(1)', publisher: 'X' }] })));
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, '{"id": ');
    const { code, stdout, stderr } = await dataset('validate', bad, broken);
    expect(code).toBe(1);
    expect(stdout).toContain(`bad.json: example-shop-2025-04: domains[0]: "co.uk" is a public suffix`);
    expect(stdout).toContain('bad.json: example-shop-2025-04: sources[0].url: must be an https URL');
    expect(stdout).toMatch(/broken\.json: \(file\): \(record\): file is not valid JSON/);
    expect(stdout + stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('validate names a file not in canonical form; format rewrites it and validate passes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'caveat-format-'));
    const file = path.join(dir, 'one-line.json');
    const { id, ...rest } = makeIncident();
    // Valid, but keys out of schema order and all on one line: what a hand edit may leave.
    await writeFile(file, JSON.stringify({ ...rest, id }));
    const before = await dataset('validate', file);
    expect(before.code).toBe(1);
    expect(before.stdout).toContain(`one-line.json: ${id}: (record): not in canonical form`);
    expect((await dataset('format', file)).code).toBe(0);
    expect((await readFile(file, 'utf8')).startsWith(`{\n  "id": "${id}",`)).toBe(true);
    expect((await dataset('validate', file)).code).toBe(0);
  });

  it('match --json: the whole incident objects for a URL, an empty array when none', async () => {
    const ms = await dataset('match', 'https://www.marksandspencer.com/food?x=1', '--json');
    expect(ms.code).toBe(0);
    const incidents = JSON.parse(ms.stdout) as { id: string; sources: unknown[] }[];
    expect(incidents.map((i) => i.id)).toContain('marks-and-spencer-2025-04');
    expect(incidents[0]!.sources.length).toBeGreaterThan(0);
    const none = await dataset('match', 'https://marksandspencer.com.evil.example/', '--json');
    expect(JSON.parse(none.stdout)).toEqual([]);
  });

  it('match: human output says banner or badge only for a given day', async () => {
    const { stdout } = await dataset('match', 'https://shop.coop.co.uk/', '--today', '2025-05-02');
    expect(stdout).toMatch(/co-op-2025-04 .*\[banner\]/);
  });

  it.each([['not a url'], ['']])('match %j: a clean error on stderr, exit 2', async (input) => {
    const { code, stdout, stderr } = await dataset('match', input);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^match: /);
  });

  it('build: writes the same bytes twice', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'caveat-build-'));
    expect((await dataset('build', '--out', dir)).code).toBe(0);
    const first = await readFile(path.join(dir, 'dataset.json'), 'utf8');
    expect((await dataset('build', '--out', dir)).code).toBe(0);
    expect(await readFile(path.join(dir, 'dataset.json'), 'utf8')).toBe(first);
    const version = JSON.parse(await readFile(path.join(dir, 'dataset.version.json'), 'utf8')) as { contentHash: string };
    expect(first).toContain(version.contentHash);
  });

  it('an unknown command is a usage error', async () => {
    expect((await dataset('frobnicate')).code).toBe(2);
  });
});
