/**
 * Ransomware leak-site posts from ransomware.live's free API: `GET https://api.ransomware.live/v2/recentvictims`.
 *
 * What we relied on: the v2 answer is a JSON array of victims with `victim` (the name the leak
 * site printed), `group`, `discovered` (when ransomware.live saw the post, "YYYY-MM-DD hh:mm:ss…"),
 * `attackdate`, `activity` (a sector such as "Retail & E-Commerce"), `country` (ISO code) and
 * `url` (the post's page on ransomware.live). That is the shape breachradar's daily job has read
 * since 2025 (david9777/breachradar, breach_server.py, fetch_ransomware_live), and the recording
 * in ../shared/datasets/ransomwatch-posts.json is that job's output; this module maps a victim to
 * the same record, field for field, so `import ransomware` and its selection rule are unchanged.
 * The API is rate-limited (one call a minute on the recent list): we make one call a day. It
 * lists the most recent posts only, so a refresh should run daily; a missed week loses posts.
 * We found no published terms for the free API's data (not verified, as the README of
 * ../shared/datasets also says): the importer keeps facts only (who, which
 * group, when) with a link, and marks every record an unconfirmed claim.
 */
import { z } from 'zod';
import { ransomwareImporter } from '../../import/ransomware';
import { FeedError } from '../../import/types';
import { firstIssue, normaliseDate, recordSlug, ShapeError, type Source } from '../source';

const victimSchema = z.object({
  victim: z.string().max(500),
  group: z.string().max(200).nullish(),
  discovered: z.string().max(100).nullish(),
  attackdate: z.string().max(100).nullish(),
  activity: z.string().max(200).nullish(),
  country: z.string().max(10).nullish(),
  url: z.string().max(2000).nullish(),
});
const answerSchema = z.array(z.unknown()).max(100_000);

/** ransomware.live's placeholders for "no sector". */
const NO_SECTOR = new Set(['', 'not found', 'unknown']);

export function victimToRecord(victim: z.infer<typeof victimSchema>): Record<string, unknown> | null {
  const name = victim.victim.trim();
  const when = normaliseDate(victim.discovered ?? victim.attackdate ?? '');
  if (!name || !when) return null;
  const group = (victim.group ?? '').trim();
  const sector = (victim.activity ?? '').trim();
  const groupPage = group ? `https://www.ransomware.live/group/${encodeURIComponent(group)}` : 'https://www.ransomware.live/recent';
  return {
    id: `rw:${recordSlug(name, when)}`,
    company: name,
    filed: when,
    form: 'Leak-site post',
    matched: group ? [group] : [],
    industry: NO_SECTOR.has(sector.toLowerCase()) ? '' : sector,
    state: (victim.country ?? '').trim(),
    filing_url: victim.url || groupPage,
    index_url: groupPage,
    source: 'ransomware.live',
    source_type: 'ransomware',
    breach_date: normaliseDate(victim.attackdate ?? ''),
  };
}

export const ransomwareLiveSource: Source = {
  id: 'ransomware-live',
  feed: 'ransomware',
  title: 'ransomware.live recent leak-site posts (API v2)',
  defaultBase: 'https://api.ransomware.live',
  async fetch({ http, base }) {
    const response = await http.get(new URL('/v2/recentvictims', base).href);
    const fail = (detail: string) => new ShapeError('ransomware-live', response.url, detail);
    let raw: unknown;
    try {
      raw = JSON.parse(response.body);
    } catch {
      throw fail('not JSON');
    }
    const list = answerSchema.safeParse(raw);
    if (!list.success) throw fail(firstIssue(list.error));
    const records = list.data.flatMap((item, i) => {
      const victim = victimSchema.safeParse(item);
      if (!victim.success) throw fail(`[${i}].${firstIssue(victim.error)}`);
      const record = victimToRecord(victim.data);
      return record ? [record] : [];
    });
    try {
      ransomwareImporter.parse(JSON.stringify(records));
    } catch (error) {
      if (error instanceof FeedError) throw fail(error.message);
      throw error;
    }
    return { records, responses: [{ url: response.url, from: response.from }], keep: response.keep };
  },
};
