import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cli as dataset } from './helpers/cli';
import { makeIncident } from './helpers/incident';

const run = promisify(execFile);

/** The real program, as `npm run dataset` starts it: only for what needs a real process (the exit code). */
async function spawned(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'tools/cli/main.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the maintainers’ CLI', () => {
  it('the program exits with the command’s code: 2 for a usage error, with the message on stderr', async () => {
    const { code, stdout, stderr } = await spawned('build', '--oot', 'x');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^build: Unknown option '--oot'/);
  }, 30_000);

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

describe('every command parses its flags the same way (util.parseArgs, strict)', () => {
  it.each(['validate', 'format', 'build', 'match', 'stats', 'import', 'add', 'set-status', 'set-service', 'keygen', 'publish', 'verify-feed', 'refresh'])('%s --help prints usage and examples, runs nothing, exit 0', async (name) => {
    const { code, stdout } = await dataset(name, '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^${name}: `));
    expect(stdout).toContain(`usage: npm run dataset -- ${name}`);
    expect(stdout).toMatch(/examples:\n {2}npm run dataset -- /);
  });

  it.each([
    [['build', '--oot', '/tmp/x'], /Unknown option '--oot'/],
    [['keygen', '--out'], /'--out <value>' argument missing/],
    [['match', 'https://a.example/', '--today'], /'--today <value>' argument missing/],
    [['match', 'https://a.example/', '--today', 'yesterday'], /--today: must be a date as YYYY-MM-DD/],
    [['match', 'https://a.example/', '--json', '--json'], /--json is given twice/],
    [['import', 'vcdb', 'x.json'], /feed must be one of hibp, ransomware, notices, prc, wikipedia/],
    [['validate', '--frobnicate'], /Unknown option '--frobnicate'/],
    [['set-status', 'marks-and-spencer-2025-04', 'over', '--date', '2025-08-21', '--source-url', 'https://a.example/', '--publisher', 'A'], /status must be one of/],
    [['set-service', 'marks-and-spencer-2025-04', 'click-and-collect', 'restored', '--source-url', 'https://a.example/', '--publisher', 'A'], /missing --date/],
    [['set-status', 'hot-topic-2024-10-imported-nope', 'resolved', '--date', '2025-08-21', '--source-url', 'https://a.example/', '--publisher', 'A'], /no curated incident "hot-topic-2024-10-imported-nope"/],
    [['publish', '--out', '/tmp/x'], /missing --key/],
  ])('%j is a usage error that names the problem and changes nothing (exit 2)', async (args, message) => {
    const { code, stderr } = await dataset(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('takes --x=y as well as --x y, and feed names in any case', async () => {
    const { code, stdout } = await dataset('match', '--today=2025-05-02', 'https://shop.coop.co.uk/');
    expect(code).toBe(0);
    expect(stdout).toMatch(/co-op-2025-04 .*\[banner\]/);
    const upper = await dataset('import', 'WikiPedia', 'tests/unit/import/fixtures/wikipedia-excerpt.csv', '--dry-run');
    expect(upper.code).toBe(0);
    expect(upper.stderr).toMatch(/dry run: nothing was written/);
  });

  it('an unknown command is a usage error that lists the commands', async () => {
    const { code, stderr } = await dataset('frobnicate');
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command "frobnicate"[\s\S]*set-status/);
  });
});

describe('set-status and set-service move a curated incident on, with the dated source that says so', () => {
  const evidence = ['--date', '2025-09-01', '--source-url', 'https://news.example/ms-restored', '--publisher', 'Example News'];

  it('set-service adds the state from that day, the source and a timeline event, and raises updatedOn (dry run writes nothing)', async () => {
    const file = 'data/incidents/marks-and-spencer-2025-04.json';
    const before = await readFile(file, 'utf8');
    const { code, stdout, stderr } = await dataset('set-service', 'marks-and-spencer-2025-04', 'Returns', 'restored', ...evidence, '--note', 'Returns of online orders resumed.', '--dry-run');
    expect(stderr).toMatch(/dry run: nothing was written/);
    expect(code).toBe(0);
    const record = JSON.parse(stdout) as { services: { service: string; state: string; since: string }[]; updatedOn: string; sources: { url: string; date: string }[]; timeline: { date: string; event: string }[] };
    expect(record.services.at(-1)).toEqual({ service: 'returns', state: 'restored', since: '2025-09-01', note: 'Returns of online orders resumed.' });
    expect(record.updatedOn).toBe('2025-09-01');
    expect(record.sources.at(-1)).toMatchObject({ url: 'https://news.example/ms-restored', date: '2025-09-01' });
    expect(record.timeline.at(-1)).toEqual({ date: '2025-09-01', event: 'Returns of online orders resumed.' });
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('set-status resolved sets resolvedOn and writes the file in canonical form; a change that breaks the record is refused with its field', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'caveat-edit-'));
    const file = path.join(dir, 'example-shop-2025-04.json');
    await writeFile(file, JSON.stringify(makeIncident({ id: 'example-shop-2025-04', status: 'ongoing', updatedOn: '2025-05-01' })));
    const early = await dataset('set-status', 'example-shop-2025-04', 'resolved', '--date', '2020-01-01', '--source-url', 'https://news.example/x', '--publisher', 'X', '--dir', dir);
    expect(early.code).toBe(1);
    expect(early.stdout).toMatch(/example-shop-2025-04: resolvedOn: .* is before disclosedOn/);
    const resolved = await dataset('set-status', 'example-shop-2025-04', 'resolved', ...evidence, '--dir', dir);
    expect(resolved.code).toBe(0);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ status: 'resolved', resolvedOn: '2025-09-01', updatedOn: '2025-09-01', confirmedBy: 'organisation' });
    expect((await dataset('validate', file)).code).toBe(0);
  });
});
