/** The fetchers' HTTP policy against a local server: conditional requests, retries, ceilings, timeouts, politeness, offline. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCacheDir, ResponseCache } from '../../../tools/fetch/cache';
import { DEFAULT_POLICY, HttpClient, type HttpPolicy } from '../../../tools/fetch/http';
import { startFeedServer, type FeedServer } from '../helpers/feed-server';

let server: FeedServer;
let cacheDir: string;
let waits: number[];
const policy: HttpPolicy = { ...DEFAULT_POLICY, userAgent: 'Caveat-test/1 (tests@caveat.invalid)', minIntervalMs: 0, backoffMs: 100 };

beforeEach(async () => {
  server = await startFeedServer();
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'caveat-cache-'));
  waits = [];
});
afterEach(async () => {
  await server.close();
  await rm(cacheDir, { recursive: true, force: true });
});

/** A client whose back-off and spacing waits are recorded, not slept. */
const client = (overrides: Partial<HttpPolicy> = {}, offline = false) =>
  new HttpClient({ ...policy, ...overrides }, new ResponseCache(cacheDir), offline, {
    sleep: async (ms) => void waits.push(ms),
  });

describe('conditional requests and the cache', () => {
  it.each([
    ['an ETag', { etag: '"v1"' }, 'if-none-match', '"v1"'],
    ['a Last-Modified date', { lastModified: 'Fri, 28 Nov 2026 07:51:03 GMT' }, 'if-modified-since', 'Fri, 28 Nov 2026 07:51:03 GMT'],
  ])('with %s: the second request is conditional and a 304 gives back the kept body', async (_, validator, header, value) => {
    server.routes.set('/feed', [{ body: '[1,2,3]', ...validator }]);
    const first = await client().get(`${server.url}/feed`);
    expect(first).toMatchObject({ body: '[1,2,3]', from: 'network' });
    await first.keep();
    const second = await client().get(`${server.url}/feed`);
    expect(second).toMatchObject({ body: '[1,2,3]', from: 'not-modified' });
    expect(server.requests[1]!.headers[header]).toBe(value);
    expect(server.requests[0]!.headers[header]).toBeUndefined();
  });

  it('a body not kept (it failed its shape check) leaves the cache as it was', async () => {
    server.routes.set('/feed', [{ body: 'good', etag: '"1"' }, { body: 'broken', etag: '"2"' }]);
    await (await client().get(`${server.url}/feed`)).keep();
    expect((await client().get(`${server.url}/feed`)).body).toBe('broken');
    // Not kept: the next request still asks with the first validator, and offline reads the first body.
    await client().get(`${server.url}/feed`).catch(() => undefined);
    expect(server.requests[2]!.headers['if-none-match']).toBe('"1"');
    expect((await client({}, true).get(`${server.url}/feed`)).body).toBe('good');
  });

  it('sends the User-Agent that names the client', async () => {
    server.routes.set('/feed', [{ body: '[]' }]);
    await client().get(`${server.url}/feed`);
    expect(server.requests[0]!.headers['user-agent']).toBe('Caveat-test/1 (tests@caveat.invalid)');
  });

  it('offline answers from the cache without a request, and says so when nothing is cached', async () => {
    server.routes.set('/feed', [{ body: '[1]' }]);
    await (await client().get(`${server.url}/feed`)).keep();
    expect(await client({}, true).get(`${server.url}/feed`)).toMatchObject({ body: '[1]', from: 'cache' });
    await expect(client({}, true).get(`${server.url}/other`)).rejects.toThrow(/not in the cache \(run refresh online once, or give the file with --feed\)/);
    expect(server.requests).toHaveLength(1);
  });

  it('keeps the cache outside the repository by default', () => {
    expect(defaultCacheDir({ HOME: '/home/m' })).toBe('/home/m/.cache/caveat/feeds');
    expect(defaultCacheDir({ HOME: '/home/m', XDG_CACHE_HOME: '/var/cache/m' })).toBe('/var/cache/m/caveat/feeds');
  });
});

describe('retries and back-off', () => {
  it.each([[503], [502], [429], [500]])('retries a %i with doubling back-off, then succeeds', async (status) => {
    server.routes.set('/feed', [{ status }, { status }, { body: 'ok' }]);
    expect((await client().get(`${server.url}/feed`)).body).toBe('ok');
    expect(waits).toEqual([100, 200]);
  });

  it('honours Retry-After (seconds) from the server', async () => {
    server.routes.set('/feed', [{ status: 429, headers: { 'retry-after': '7' } }, { body: 'ok' }]);
    await client().get(`${server.url}/feed`);
    expect(waits).toEqual([7000]);
  });

  it('gives up when asked to wait longer than it will, naming the wait', async () => {
    server.routes.set('/feed', [{ status: 503, headers: { 'retry-after': '86400' } }]);
    await expect(client().get(`${server.url}/feed`)).rejects.toThrow(/answered 503.*asks to wait 86400 s, more than we wait/);
  });

  it('gives up after its retries, saying how often it tried', async () => {
    server.routes.set('/feed', [{ status: 503 }]);
    await expect(client({ retries: 2 }).get(`${server.url}/feed`)).rejects.toThrow(/answered 503 Service Unavailable, after 3 attempts/);
    expect(server.requests).toHaveLength(3);
  });

  it.each([[404], [403], [410]])('does not retry a %i', async (status) => {
    server.routes.set('/feed', [{ status }]);
    await expect(client().get(`${server.url}/feed`)).rejects.toThrow(new RegExp(`answered ${status}`));
    expect(server.requests).toHaveLength(1);
  });

  it('retries a connection that fails, and says what failed', async () => {
    await server.close();
    await expect(client({ retries: 1 }).get(`${server.url}/feed`)).rejects.toThrow(/network error .*after 2 attempts/);
    server = await startFeedServer();
  });
});

describe('ceilings', () => {
  it('refuses a declared size above the ceiling without reading it', async () => {
    server.routes.set('/feed', [{ body: 'x'.repeat(2000), headers: { 'content-length': '2000' } }]);
    await expect(client({ maxBytes: 1000 }).get(`${server.url}/feed`)).rejects.toThrow(/is 2000 bytes, above the 1000-byte ceiling/);
  });

  it('stops reading a streamed body past the ceiling', async () => {
    server.routes.set('/feed', [{ body: 'x'.repeat(5000), headers: { 'transfer-encoding': 'chunked' } }]);
    await expect(client({ maxBytes: 1000, retries: 0 }).get(`${server.url}/feed`)).rejects.toThrow(/ceiling/);
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    server.routes.set('/feed', [{ hang: true }]);
    // One attempt: a retry after an aborted request waits on the pool's dead socket for seconds, which proves nothing more.
    await expect(client({ timeoutMs: 200, retries: 0 }).get(`${server.url}/feed`)).rejects.toThrow(/no complete answer within 0.2 s, after 1 attempt$/);
  });
});

describe('politeness', () => {
  it('spaces requests to one host, not to different hosts', async () => {
    server.routes.set('/a', [{ body: '1' }]);
    server.routes.set('/b', [{ body: '2' }]);
    const http = client({ minIntervalMs: 60_000 });
    await http.get(`${server.url}/a`);
    await http.get(`${server.url}/b`);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(59_000);
    await http.get(`${server.url.replace('127.0.0.1', 'localhost')}/a`);
    expect(waits).toHaveLength(1);
  });

  it('writes nothing in the cache unless asked', async () => {
    server.routes.set('/feed', [{ body: '1' }]);
    await client().get(`${server.url}/feed`);
    expect(await readdir(cacheDir)).toEqual([]);
  });
});
