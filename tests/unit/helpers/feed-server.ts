/**
 * A local stand-in for the feeds' servers: answers recorded responses by path (and query), with
 * ETag / Last-Modified validators so conditional requests can be tested, and records every
 * request it sees. 127.0.0.1 only; no test touches the network.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  status?: number;
  body?: string;
  type?: string;
  headers?: Record<string, string>;
  etag?: string;
  lastModified?: string;
  /** Never answer (for timeouts). */
  hang?: boolean;
}

export interface FeedServer {
  url: string;
  /** "path?query" (or "path" for any query) → the answers to give, in turn; the last one repeats. */
  routes: Map<string, Answer[]>;
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Answer[]>();
  const requests: FeedServer['requests'] = [];
  const server = createServer((req, res) => {
    const full = req.url ?? '/';
    requests.push({ path: full, headers: req.headers });
    const answers = routes.get(full) ?? routes.get(full.split('?')[0]!);
    if (!answers || answers.length === 0) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (answer.hang) return;
    const validators = { ...(answer.etag ? { etag: answer.etag } : {}), ...(answer.lastModified ? { 'last-modified': answer.lastModified } : {}) };
    const fresh = (answer.etag && req.headers['if-none-match'] === answer.etag) || (answer.lastModified && req.headers['if-modified-since'] === answer.lastModified);
    if (fresh && (answer.status ?? 200) === 200) {
      res.writeHead(304, validators).end();
      return;
    }
    res.writeHead(answer.status ?? 200, { 'content-type': answer.type ?? 'application/json', ...validators, ...answer.headers }).end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
