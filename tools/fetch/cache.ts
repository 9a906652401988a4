/**
 * The fetchers' local cache: for each URL, the last good response body and its validators (ETag,
 * Last-Modified), so the next request can be conditional and `refresh --offline` can work from
 * it. It lives outside the repository by default (`~/.cache/caveat/feeds`, or $XDG_CACHE_HOME,
 * or `--cache DIR`): feeds are tens of MB over time and belong to the machine, not the history.
 * Entries are written only after a response passed its shape check, each file to a temporary
 * name renamed into place, so a bad or interrupted fetch never replaces a good copy.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface CacheEntry {
  url: string;
  etag?: string;
  lastModified?: string;
  /** When the body was last confirmed current (a 200, or a 304 for it). */
  checkedAt: string;
  body: string;
}

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || os.homedir(), '.cache');
  return path.join(base, 'caveat', 'feeds');
}

export class ResponseCache {
  constructor(readonly dir: string) {}

  private fileOf(url: string): string {
    return path.join(this.dir, `${createHash('sha256').update(url).digest('hex').slice(0, 32)}.json`);
  }

  async get(url: string): Promise<CacheEntry | undefined> {
    try {
      const entry = JSON.parse(await readFile(this.fileOf(url), 'utf8')) as CacheEntry;
      return entry.url === url && typeof entry.body === 'string' ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  async put(entry: CacheEntry): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const file = this.fileOf(entry.url);
    await writeFile(`${file}.tmp`, JSON.stringify(entry));
    await rename(`${file}.tmp`, file);
  }
}
