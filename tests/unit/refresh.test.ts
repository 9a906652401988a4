/**
 * `refresh` end to end in-process: every live source served from its recording by a local
 * server, imported into a temporary copy of the data folder, reviewed, reported. Also offline
 * from the cache and from files, a broken source, and the review's own rules.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serialiseIncidentFile } from '../../core/model/dataset';
import { md } from '../../tools/refresh/report';
import { reviewChanges } from '../../tools/refresh/review';
import { cli as dataset } from './helpers/cli';
import { startFeedServer, type FeedServer } from './helpers/feed-server';
import { makeIncident } from './helpers/incident';
import { endpointArgs, PATHS, serveRecordings } from './helpers/recorded-feeds';

let server: FeedServer;
let root: string;
let data: string;
let cache: string;
let report: string;

beforeEach(async () => {
  server = await startFeedServer();
  serveRecordings(server);
  root = await mkdtemp(path.join(os.tmpdir(), 'caveat-refresh-test-'));
  data = path.join(root, 'data');
  cache = path.join(root, 'cache');
  report = path.join(root, 'report.md');
  await mkdir(path.join(data, 'incidents'), { recursive: true });
  await copyFile('data/organisations.json', path.join(data, 'organisations.json'));
  await writeFile(path.join(data, 'incidents', 'example-shop-2025-04.json'), serialiseIncidentFile(makeIncident()));
});
afterEach(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

// One local server stands in for every host: no spacing between its requests.
const common = () => ['--data', data, '--cache', cache, '--report', report, '--today', '2026-08-22', '--window-days', '365', '--polite-ms', '0'];
const online = () => dataset('refresh', '--contact', 'tests@caveat.invalid', ...common(), ...endpointArgs(server));
const offline = (...args: string[]) => dataset('refresh', '--offline', ...common(), ...endpointArgs(server), ...args);

describe('refresh', () => {
  it('fetches every source, imports, and writes a review report; the repository’s data is untouched', async () => {
    const repoImported = (await readdir('data/imported')).sort();
    const { code, stdout, stderr } = await online();
    expect(code, stderr).toBe(0);
    // Progress on the terminal, source by source, then each import.
    expect(stderr).toMatch(/\[1\/7\] hibp: fetching…\n\[1\/7\] hibp: 9 records \(1 request: fetched\)/);
    expect(stderr).toMatch(/\[5\/7\] washington-ag: 7 records \(3 requests: fetched\)/);
    expect(stderr).toMatch(/import notices: added \d+/);
    // How many feed records become incidents depends on the organisation registry (data/organisations.json), which changes.
    const added = Number(/refresh 2026-08-22: (\d+) new, 0 status changes, 0 service changes, 0 otherwise updated, 0 retired; \d+ sites gain a banner/.exec(stdout)?.[1]);
    expect(added).toBeGreaterThan(10);
    const text = await readFile(report, 'utf8');
    expect(text).toMatch(/^# Dataset refresh, 2026-08-22\n/);
    expect(text).toContain('Nothing is published until a person approves this pull request');
    expect(text).toMatch(/- asos\.com: new banner for \*\*ASOS\*\*: ASOS data breach notice \(`asos-2026-07`\), \[California AG\]\(https:\/\/oag\.ca\.gov\/ecrime\/databreach\/reports\/sb24-628646\)/);
    expect(text).toMatch(/- esteelauder\.ca, esteelauder\.ch, .*esteelauder\.it: new banner for \*\*The Estée Lauder Companies\*\*/);
    expect(text).toMatch(new RegExp(`## New incidents\\n\\n(- .*\\n){${added}}\\n`));
    expect(text).toContain('- **Target**: xpl0itrs claims an attack on Target (`target-2026-08`)');
    expect((await readdir(path.join(data, 'imported'))).length).toBe(added);
    expect((await readdir('data/imported')).sort()).toEqual(repoImported);
  }, 60_000);

  it('a second run asks conditionally and finds nothing new', async () => {
    await online();
    server.requests.length = 0;
    const { code, stdout, stderr } = await online();
    expect(code).toBe(0);
    expect(server.requests.every((r) => r.headers['if-none-match'] || r.headers['if-modified-since'] || r.path.endsWith('page=2'))).toBe(true);
    expect(stderr).toMatch(/hibp: 9 records \(1 request: not modified since the last run\)/);
    expect(stdout).toMatch(/0 new, 0 status changes, 0 service changes, 0 otherwise updated, 0 retired; 0 sites gain a banner/);
  }, 60_000);

  it('--offline works from the cache with no request at all', async () => {
    await online();
    await rm(path.join(data, 'imported'), { recursive: true });
    server.requests.length = 0;
    const { code, stdout, stderr } = await offline();
    expect(code, stderr).toBe(0);
    expect(server.requests).toEqual([]);
    expect(stderr).toMatch(/\[1\/7\] hibp: from the cache…/);
    expect(stdout).toMatch(/refresh 2026-08-22: [1-9]\d* new/);
  }, 60_000);

  it('--offline with nothing cached says so for each source and exits 1', async () => {
    const { code, stderr } = await offline();
    expect(code).toBe(1);
    expect(stderr).toMatch(/hibp: failed: .*not in the cache \(run refresh online once, or give the file with --feed\)/);
    expect(await readFile(report, 'utf8')).toMatch(/\| Have I Been Pwned's breach list .* \| \*\*failed\*\*: /);
  }, 60_000);

  it('--feed reads a feed from a file (the recordings in ../shared/datasets have this format) instead of its sources', async () => {
    const { code, stderr } = await offline('--feed', 'hibp=tests/unit/import/fixtures/hibp-excerpt.json', '--feed', 'notices=tests/unit/import/fixtures/notices-excerpt.json');
    // The two other feeds have nothing cached: reported as failed; the files are read all the same.
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/\[1\/2\] ransomware-live: failed: .*not in the cache/);
    expect(stderr).not.toMatch(/hibp: from the cache/);
    expect(stderr).not.toMatch(/california-ag: from the cache/);
    expect(stderr).toMatch(/import hibp: added 4/);
    expect(await readFile(report, 'utf8')).toContain('| hibp feed file | read from tests/unit/import/fixtures/hibp-excerpt.json |');
  }, 60_000);

  it('a source in the wrong shape is reported, the others go on, and its cached copy is not replaced', async () => {
    await online();
    server.routes.set(PATHS['california-ag'], [{ body: '<html><body><p>Down for maintenance</p></body></html>', type: 'text/html' }]);
    server.routes.set(PATHS.hibp, [{ body: '[{"Name":"Broken"}]', etag: '"hibp-2"' }]);
    const { code, stderr } = await online();
    expect(code).toBe(0);
    expect(stderr).toMatch(/\[4\/7\] california-ag: failed: california-ag: .*no table whose first column is headed/);
    expect(stderr).toMatch(/needs attention: hibp failed, california-ag failed \(see the report\)/);
    expect(stderr).toMatch(/import notices: added 0/);
    // The cached copies are the good ones.
    const again = await offline();
    expect(again.stderr).toMatch(/hibp: 9 records \(1 request: from the cache\)/);
    expect(again.stderr).toMatch(/california-ag: 10 records/);
  }, 60_000);

  it.each([
    [[], /an online refresh needs --contact EMAIL/],
    [['--contact', 'not an address'], /--contact not an address: must be an e-mail address/],
    [['--offline', '--feed', 'prc=x.csv'], /--feed prc=x\.csv: expected NAME=VALUE with NAME one of hibp, ransomware, notices, wikipedia/],
    [['--offline', '--endpoint', 'hibp=ftp://x'], /--endpoint hibp=ftp:\/\/x: must be an http\(s\) URL/],
    [['--offline', '--feed', 'hibp=a.json', '--feed', 'hibp=b.json'], /--feed hibp is given twice/],
  ])('%j is a usage error that changes nothing (exit 2)', async (args, message) => {
    const previous = process.env.CAVEAT_CONTACT;
    delete process.env.CAVEAT_CONTACT;
    try {
      const { code, stderr } = await dataset('refresh', ...common(), ...args);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      await expect(readdir(path.join(data, 'imported'))).rejects.toThrow(/ENOENT/);
    } finally {
      if (previous !== undefined) process.env.CAVEAT_CONTACT = previous;
    }
  });
});

describe('the review', () => {
  const today = '2026-08-22';
  const shop = makeIncident({ id: 'shop-2026-08', status: 'ongoing', resolvedOn: undefined, disclosedOn: '2026-08-10', updatedOn: '2026-08-10', services: [{ service: 'online-orders', state: 'suspended', since: '2026-08-10' }] });

  it.each([
    ['a new incident that alerts', [], [shop], { added: 1, banners: [['exampleshop.co.uk', 1, 0]] }],
    ['a status change', [shop], [{ ...shop, status: 'resolved' as const, resolvedOn: '2026-08-20', updatedOn: '2026-08-20' }], { statusChanges: 1 }],
    ['a service restored', [shop], [{ ...shop, updatedOn: '2026-08-20', services: [...shop.services, { service: 'online-orders' as const, state: 'restored' as const, since: '2026-08-20' }] }], { serviceChanges: 1 }],
    ['a record retired', [shop], [], { removed: 1, banners: [['exampleshop.co.uk', 0, 1]] }],
    ['a change of sources only', [shop], [{ ...shop, sources: [...shop.sources, { url: 'https://example.org/more', publisher: 'Example' }] }], { otherwiseChanged: 1 }],
    ['an old incident, added: no banner', [], [makeIncident()], { added: 1, banners: [] }],
  ])('%s', (_, before, after, expected) => {
    const review = reviewChanges(before, after, today);
    const counts = { added: review.added.length, statusChanges: review.statusChanges.length, serviceChanges: review.serviceChanges.length, otherwiseChanged: review.otherwiseChanged.length, removed: review.removed.length };
    expect(counts).toMatchObject(Object.fromEntries(Object.entries(expected).filter(([k]) => k !== 'banners')));
    if ('banners' in expected) expect(review.banners.map((b) => [b.site, b.added.length, b.removed.length])).toEqual(expected.banners);
  });

  it('the report renders feed text as text: no links, markup or HTML from a leak site', () => {
    expect(md('[click](javascript:alert(1)) <img src=x> **bold** | pipe')).toBe('\\[click\\]\\(javascript:alert\\(1\\)\\) \\<img src=x\\> \\*\\*bold\\*\\* \\| pipe');
  });
});
