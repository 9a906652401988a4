/**
 * `refresh`: fetch every live source (or read the cache with --offline, or files with --feed),
 * import, validate, review, and write the review report. Publishes nothing.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isoToday } from '@/core/model/incident-state';
import { defaultCacheDir } from '../fetch/cache';
import { DEFAULT_POLICY } from '../fetch/http';
import type { SourceId } from '../fetch/source';
import { SOURCE_IDS } from '../fetch/sources';
import { ImportError } from '../import/run';
import { refresh, REFRESH_FEEDS, type RefreshFeed } from '../refresh/refresh';
import { REVIEW_STEPS } from '../refresh/steps';
import { defineCommand, ISO_DAY } from './command';
import { DATA_DIR, displayPath } from '../shared/dataset-files';
import { UsageError } from './usage';

const PAIR = /^([a-z-]+)=(.+)$/;

function pairs<K extends string>(flag: string, values: string[], keys: readonly K[], check: (value: string) => string | null): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const value of values) {
    const match = PAIR.exec(value);
    if (!match || !keys.includes(match[1] as K)) throw new UsageError(`--${flag} ${value}: expected NAME=VALUE with NAME one of ${keys.join(', ')}`);
    const problem = check(match[2]!);
    if (problem) throw new UsageError(`--${flag} ${value}: ${problem}`);
    if (out[match[1] as K] !== undefined) throw new UsageError(`--${flag} ${match[1]} is given twice`);
    out[match[1] as K] = match[2]!;
  }
  return out;
}

/** An e-mail address, as the SEC's and Wikimedia's rules for automated clients ask for. */
const CONTACT = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;

export const refreshCommand = defineCommand({
  name: 'refresh',
  summary: 'fetch the live feeds, import, validate, and write a review report (publishes nothing)',
  description: [
    `Sources: ${SOURCE_IDS.join(', ')} (PRC's chronology ended in 2017 and has no live source).`,
    'Each request is conditional (ETag / If-Modified-Since) against a local cache, spaced per host, retried with back-off, bounded in time and size; a response that fails its shape check is reported and changes nothing.',
    'The report (Markdown) lists new incidents, changed statuses and services, retired records, and the sites that gain a banner on the review day.',
  ].join('\n'),
  options: {
    offline: { type: 'boolean', description: 'read the sources from the cache only (responses are cached by URL: give the same --endpoint as the online run); nothing goes on the network' },
    feed: { type: 'string', multiple: true, valueName: 'FEED=FILE', description: `read a feed from a file instead of its sources (${REFRESH_FEEDS.join(', ')}; the importer's input format)` },
    endpoint: { type: 'string', multiple: true, valueName: 'SOURCE=URL', description: 'another base URL for a source (a mirror, a test server)' },
    contact: { type: 'string', valueName: 'EMAIL', description: 'who to contact about these requests, sent in the User-Agent (the SEC requires one); default $CAVEAT_CONTACT' },
    data: { type: 'string', valueName: 'DIR', description: 'the data folder to refresh (default data/)' },
    cache: { type: 'string', valueName: 'DIR', description: `where responses are cached (default ${displayPath(defaultCacheDir())})` },
    report: { type: 'string', valueName: 'FILE', description: 'where the review report goes (default refresh-report.md)' },
    today: { type: 'string', valueName: 'YYYY-MM-DD', description: 'the review day (default: today)', check: ISO_DAY },
    'polite-ms': { type: 'string', valueName: 'MS', description: `at least this long between two requests to one host (default ${DEFAULT_POLICY.minIntervalMs})`, check: (v) => (/^\d{1,6}$/.test(v) ? null : 'must be a number of milliseconds') },
    'window-days': { type: 'string', valueName: 'N', description: 'how many days back the SEC and attorneys-general lists are read (default 90)', check: (v) => (/^\d{1,4}$/.test(v) && Number(v) >= 1 ? null : 'must be a number of days') },
  },
  positionals: [],
  examples: [
    'npm run dataset -- refresh --contact data@caveat.example',
    'npm run dataset -- refresh --offline',
    'npm run dataset -- refresh --offline --feed hibp=../shared/datasets/hibp-breaches.json --feed notices=../shared/datasets/breachradar-sec-stateag.json',
  ],
  run: async ({ values }) => {
    const feedFiles = pairs('feed', values.feed, REFRESH_FEEDS, () => null) as Partial<Record<RefreshFeed, string>>;
    const endpoints = pairs('endpoint', values.endpoint, SOURCE_IDS, (url) => (/^https?:\/\/[^/\s]+/.test(url) ? null : 'must be an http(s) URL')) as Partial<Record<SourceId, string>>;
    const contact = values.contact ?? process.env.CAVEAT_CONTACT;
    const online = !values.offline && REFRESH_FEEDS.some((f) => feedFiles[f] === undefined);
    if (online && !contact) throw new UsageError('an online refresh needs --contact EMAIL (or $CAVEAT_CONTACT): the SEC and Wikimedia ask automated clients to say who is asking');
    if (contact && !CONTACT.test(contact)) throw new UsageError(`--contact ${contact}: must be an e-mail address`);
    const today = values.today ?? isoToday();
    const reportFile = path.resolve(values.report ?? 'refresh-report.md');
    const started = performance.now();
    let result;
    try {
      result = await refresh({
        dataDir: values.data ? path.resolve(values.data) : DATA_DIR,
        cacheDir: values.cache ? path.resolve(values.cache) : defaultCacheDir(),
        offline: values.offline,
        feedFiles,
        endpoints,
        policy: { ...DEFAULT_POLICY, ...(values['polite-ms'] === undefined ? {} : { minIntervalMs: Number(values['polite-ms']) }), userAgent: `Caveat-dataset-refresh/1 (maintainers' feed refresh for the Caveat browser extension; ${contact ?? 'offline'})` },
        today,
        windowDays: values['window-days'] === undefined ? 90 : Number(values['window-days']),
        steps: REVIEW_STEPS,
        progress: (line) => process.stderr.write(`${line}\n`),
      });
    } catch (error) {
      if (error instanceof ImportError) {
        console.error(error.message);
        return 1;
      }
      throw error;
    }
    await writeFile(reportFile, result.markdown);
    const { outcome } = result;
    const r = outcome.review;
    console.log(`refresh ${today}: ${r.added.length} new, ${r.statusChanges.length} status changes, ${r.serviceChanges.length} service changes, ${r.otherwiseChanged.length} otherwise updated, ${r.removed.length} retired; ${r.banners.filter((b) => b.added.length > 0).length} sites gain a banner (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    console.log(`review report: ${displayPath(reportFile)}`);
    const failed = outcome.sources.filter((s) => s.result === 'failed');
    if (failed.length > 0 || outcome.importFailures.length > 0) console.error(`needs attention: ${[...failed.map((s) => `${s.id} failed`), ...outcome.importFailures.map((f) => `import ${f.feed} failed`)].join(', ')} (see the report)`);
    if (outcome.problems.length > 0) {
      console.error(`the dataset has ${outcome.problems.length} problem(s) after the refresh (see the report)`);
      return 1;
    }
    // Nothing at all could be read: no report worth a pull request.
    return outcome.sources.length > 0 && outcome.sources.every((s) => s.result === 'failed') ? 1 : 0;
  },
});
