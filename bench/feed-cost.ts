/**
 * What the published feed costs to serve (README, "Scale"): the bytes on the wire of one
 * installed copy's daily check, with and without a change, measured against a local static server
 * that behaves like GitHub Pages (ETag and Last-Modified, gzip for JSON, `Cache-Control:
 * max-age=600`). The feed is today's data/ published with the test key. Node's fetch stands in for
 * the browser; Chromium sends a few hundred bytes more request headers (noted in the README).
 * Writes bench/results/feed.json, which bench/summary.ts folds into its line.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttp } from 'node:http';
import { createServer as createNet, type AddressInfo, type Socket } from 'node:net';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { buildDataset } from '../core/model/dataset';
import { privateKeySchema } from '../core/update/signing';
import { loadIncidents } from '../tools/cli/load';
import { publishDataset } from '../tools/publish/publish';

const key = privateKeySchema.parse(JSON.parse(readFileSync('tests/fixtures/keys/test-signing-key.private.jwk', 'utf8')));
const { incidents } = await loadIncidents();
const published = await publishDataset(await buildDataset(incidents), key, 2026120100, new Date());
const files: Record<string, Buffer> = { '/manifest.json': Buffer.from(published.manifestText), '/dataset.json': Buffer.from(published.datasetText) };
const lastModified = new Date().toUTCString();

const http = createHttp((req, res) => {
  const body = files[req.url ?? ''];
  if (!body) return void res.writeHead(404).end();
  const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
  const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=600', etag, 'last-modified': lastModified, server: 'GitHub.com', vary: 'Accept-Encoding' };
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, headers).end();
  const gzip = /gzip/.test(String(req.headers['accept-encoding']));
  const sent = gzip ? gzipSync(body, { level: 6 }) : body;
  res.writeHead(200, { ...headers, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': sent.length }).end(sent);
});
// Counts every byte each way, headers included, on a fresh connection per measured request.
let up = 0;
let down = 0;
const front = createNet((socket: Socket) => {
  socket.on('data', (chunk) => (up += chunk.length));
  const write = socket.write.bind(socket) as (chunk: Buffer | string, ...rest: unknown[]) => boolean;
  socket.write = ((chunk: Buffer | string, ...rest: unknown[]) => {
    down += Buffer.byteLength(chunk);
    return write(chunk, ...rest);
  }) as typeof socket.write;
  http.emit('connection', socket);
});
await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;

async function measure(path: string, headers: Record<string, string> = {}): Promise<{ up: number; down: number; status: number; etag: string }> {
  up = 0;
  down = 0;
  const response = await fetch(base + path, { headers: { 'accept-encoding': 'gzip, deflate, br', connection: 'close', ...headers } });
  await response.arrayBuffer();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { up, down, status: response.status, etag: response.headers.get('etag') ?? '' };
}

const first = await measure('/manifest.json');
const unchanged = await measure('/manifest.json', { 'if-none-match': first.etag });
const dataset = await measure('/dataset.json');
front.close();

const kb = (n: number) => Math.round(n / 102.4) / 10;
const results = {
  feed_dataset_bytes: files['/dataset.json']!.length,
  feed_dataset_gzip_bytes: gzipSync(files['/dataset.json']!, { level: 6 }).length,
  feed_dataset_brotli_bytes: brotliCompressSync(files['/dataset.json']!).length,
  feed_manifest_bytes: files['/manifest.json']!.length,
  feed_incidents: published.manifest.incidents,
  feed_day_unchanged_bytes: unchanged.up + unchanged.down,
  feed_day_changed_bytes: first.up + first.down + dataset.up + dataset.down,
};
if (unchanged.status !== 304) throw new Error(`expected a 304 for the unchanged manifest, got ${unchanged.status}`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/feed.json', `${JSON.stringify(results, null, 2)}\n`);
const million = (bytes: number) => `${((bytes * 1e6) / 1e9).toFixed(1)} GB`;
console.log(`feed: dataset.json ${kb(results.feed_dataset_bytes)} KB (${kb(results.feed_dataset_gzip_bytes)} KB gzip, ${kb(results.feed_dataset_brotli_bytes)} KB brotli), manifest.json ${results.feed_manifest_bytes} B, ${results.feed_incidents} incidents`);
console.log(`per install per day: ${results.feed_day_unchanged_bytes} B with no change (one conditional request, 304); ${kb(results.feed_day_changed_bytes)} KB on a day with a change`);
console.log(`a million installs: ${million(results.feed_day_unchanged_bytes)} a day with no change, ${million(results.feed_day_changed_bytes)} on a day with a change`);
