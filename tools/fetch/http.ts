/**
 * The one way the fetchers talk to the network: GET with an honest User-Agent, conditional
 * requests from the cache (If-None-Match / If-Modified-Since), a polite gap between requests to
 * the same host, retries with exponential back-off on 429, 5xx and network errors (honouring
 * Retry-After up to a cap), a timeout per attempt, and a size ceiling enforced while reading.
 *
 * A body is handed back with `keep()`: the caller shape-checks it first and only then keeps it in
 * the cache, so a response that fails its check changes nothing. Node's fetch (undici) does the
 * HTTP; what is here is the policy, which no single library covers as a whole.
 */
import type { CacheEntry, ResponseCache } from './cache';

export interface HttpPolicy {
  userAgent: string;
  /** Per attempt, from the request to the last byte. */
  timeoutMs: number;
  maxBytes: number;
  /** Attempts after the first. */
  retries: number;
  /** First back-off; it doubles with each retry. */
  backoffMs: number;
  /** The longest Retry-After we wait for; a server asking for more gets a failure, not a stalled job. */
  maxRetryAfterMs: number;
  /** At least this long between two requests to the same host. */
  minIntervalMs: number;
}

export const DEFAULT_POLICY: Omit<HttpPolicy, 'userAgent'> = {
  timeoutMs: 30_000,
  maxBytes: 16 * 1024 * 1024,
  retries: 3,
  backoffMs: 2_000,
  maxRetryAfterMs: 120_000,
  minIntervalMs: 1_000,
};

export class FetchError extends Error {
  constructor(
    readonly url: string,
    message: string,
  ) {
    super(`${url}: ${message}`);
    this.name = 'FetchError';
  }
}

export interface Fetched {
  url: string;
  body: string;
  /** "network": a 200; "not-modified": a 304, the cached body; "cache": offline, never asked. */
  from: 'network' | 'not-modified' | 'cache';
  /** Keeps the body in the cache: call it once the body passed its shape check. */
  keep(): Promise<void>;
}

export interface HttpDeps {
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  /** Called before each attempt and retry, for the terminal. */
  log?: (line: string) => void;
}

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

function retryAfterMs(header: string | null, now: Date): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

export class HttpClient {
  private readonly lastRequest = new Map<string, number>();
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;

  constructor(
    readonly policy: HttpPolicy,
    private readonly cache: ResponseCache,
    /** Offline: answer from the cache only, never touch the network. */
    private readonly offline: boolean,
    deps: HttpDeps = {},
  ) {
    this.fetchImpl = deps.fetchImpl ?? fetch;
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = deps.now ?? (() => new Date());
    this.log = deps.log ?? (() => undefined);
  }

  async get(url: string, { accept = 'application/json' }: { accept?: string } = {}): Promise<Fetched> {
    const cached = await this.cache.get(url);
    if (this.offline) {
      if (!cached) throw new FetchError(url, 'not in the cache (run refresh online once, or give the file with --feed)');
      return { url, body: cached.body, from: 'cache', keep: async () => undefined };
    }
    const headers: Record<string, string> = { 'user-agent': this.policy.userAgent, accept };
    if (cached?.etag) headers['if-none-match'] = cached.etag;
    if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;

    for (let attempt = 0; ; attempt++) {
      await this.waitForHost(url);
      let response: Response | undefined;
      let failure: string;
      // One timer for the whole attempt, headers and body alike: a trickling server cannot hold the job.
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), this.policy.timeoutMs);
      try {
        response = await this.attempt(url, headers, controller.signal);
        if (response.status === 304 && cached) {
          const entry: CacheEntry = { ...cached, checkedAt: this.now().toISOString() };
          return { url, body: cached.body, from: 'not-modified', keep: () => this.cache.put(entry) };
        }
        if (response.ok) {
          const body = await this.readLimited(url, response);
          const entry: CacheEntry = {
            url,
            body,
            checkedAt: this.now().toISOString(),
            ...(response.headers.get('etag') ? { etag: response.headers.get('etag')! } : {}),
            ...(response.headers.get('last-modified') ? { lastModified: response.headers.get('last-modified')! } : {}),
          };
          return { url, body, from: 'network', keep: () => this.cache.put(entry) };
        }
        failure = `answered ${response.status} ${response.statusText}`.trim();
        if (!RETRYABLE.has(response.status)) throw new FetchError(url, failure);
      } catch (error) {
        if (error instanceof FetchError) throw error;
        failure = controller.signal.aborted ? `no complete answer within ${this.policy.timeoutMs / 1000} s` : `network error (${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)})`;
      } finally {
        clearTimeout(timer);
      }
      if (attempt >= this.policy.retries) throw new FetchError(url, `${failure}, after ${attempt + 1} attempt${attempt === 0 ? '' : 's'}`);
      const asked = retryAfterMs(response?.headers.get('retry-after') ?? null, this.now());
      if (asked !== null && asked > this.policy.maxRetryAfterMs) throw new FetchError(url, `${failure}; the server asks to wait ${Math.round(asked / 1000)} s, more than we wait`);
      const wait = asked ?? this.policy.backoffMs * 2 ** attempt;
      this.log(`${url}: ${failure}; trying again in ${(wait / 1000).toFixed(1)} s`);
      await this.sleep(wait);
    }
  }

  private async attempt(url: string, headers: Record<string, string>, signal: AbortSignal): Promise<Response> {
    const response = await this.fetchImpl(url, { headers, redirect: 'follow', signal });
    const declared = Number(response.headers.get('content-length'));
    if (declared > this.policy.maxBytes) {
      await response.body?.cancel();
      throw new FetchError(url, `is ${declared} bytes, above the ${this.policy.maxBytes}-byte ceiling`);
    }
    return response;
  }

  private async readLimited(url: string, response: Response): Promise<string> {
    const reader = response.body?.getReader();
    if (!reader) return '';
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > this.policy.maxBytes) {
        await reader.cancel();
        throw new FetchError(url, `is larger than the ${this.policy.maxBytes}-byte ceiling`);
      }
      chunks.push(value);
    }
    return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
  }

  /** Spaces requests to one host by `minIntervalMs`; different hosts do not wait for each other. */
  private async waitForHost(url: string): Promise<void> {
    const host = new URL(url).host;
    const last = this.lastRequest.get(host);
    const gap = last === undefined ? Infinity : Date.now() - last;
    if (gap < this.policy.minIntervalMs) await this.sleep(this.policy.minIntervalMs - gap);
    this.lastRequest.set(host, Date.now());
  }
}
