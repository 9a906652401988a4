import { hostnameFromUrl } from '@/core/matching/hostname';
import { isoToday, statusAsOf } from '@/core/model/incident-state';
import { buildSiteReport } from '@/core/alerts/site-report';
import { DEFAULT_SETTINGS } from '@/core/storage/settings';
import { DomainIndex } from '@/core/matching/domain-index';
import { formatDate } from '@/components/i18n/format';
import { ENGLISH } from '@/components/i18n/english';
import { statusLabel } from '@/components/i18n/labels';
import { loadIncidents } from './load';
import { UsageError } from './usage';

/** `match <url> [--json] [--today YYYY-MM-DD]`: what the extension would show for a URL. */
export async function matchCommand(args: string[]): Promise<number> {
  let json = false;
  let today = isoToday();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--today') today = args[++i] ?? '';
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  const url = positional[0];
  if (!url || positional.length > 1 || !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError('usage: match <url> [--json] [--today YYYY-MM-DD]');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`"${url}" is not a URL (try https://www.example.com/)`);
  }
  const hostname = hostnameFromUrl(parsed.href);
  const { incidents, problems } = await loadIncidents();
  if (problems.length > 0) console.error(`warning: ${problems.length} invalid records left out (run validate)`);
  const matched = hostname ? new DomainIndex(incidents).lookup(hostname) : [];
  const report = hostname ? buildSiteReport(hostname, matched, { settings: DEFAULT_SETTINGS, mutedSites: [], dismissals: {} }, today) : null;
  const shown = report?.incidents ?? [];
  if (json) {
    console.log(JSON.stringify(shown, null, 2));
    return 0;
  }
  if (!hostname) {
    console.log(`${parsed.href}: never matched (only http(s) pages with a real hostname are looked at)`);
    return 0;
  }
  if (shown.length === 0) {
    console.log(`${hostname}: no known incidents`);
    return 0;
  }
  const bannerIds = new Set(report!.banner.map((b) => b.id));
  console.log(`${hostname} (site ${report!.site}): badge ${report!.badge.text} (${report!.badge.tone})`);
  for (const incident of shown) {
    const flag = bannerIds.has(incident.id) ? 'banner' : 'badge only';
    console.log(`  ${incident.id}  ${formatDate(incident.disclosedOn)}  ${statusLabel(ENGLISH, statusAsOf(incident, today))}  [${flag}]  ${incident.title}`);
  }
  return 0;
}
