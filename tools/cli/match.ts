import { hostnameFromUrl } from '@/core/matching/hostname';
import { isoToday, statusAsOf } from '@/core/model/incident-state';
import { buildSiteReport } from '@/core/alerts/site-report';
import { DEFAULT_SETTINGS } from '@/core/storage/settings';
import { DomainIndex, incidentsMatching } from '@/core/matching/domain-index';
import { formatDate } from '@/components/i18n/format';
import { ENGLISH } from '@/components/i18n/english';
import { statusLabel } from '@/components/i18n/labels';
import { loadIncidents } from './load';
import { defineCommand, ISO_DAY } from './command';
import { UsageError } from './usage';

/** What the extension would show for a URL, with the default settings. */
export const matchCommand = defineCommand({
  name: 'match',
  summary: 'what the extension would show for a URL: badge, banner or badge only, per incident',
  options: {
    json: { type: 'boolean', description: 'print the matched incidents as a JSON array ([] when none)' },
    today: { type: 'string', valueName: 'YYYY-MM-DD', description: 'evaluate as of this day (default: today)', check: ISO_DAY },
  },
  positionals: [{ name: 'url', description: 'the page address, e.g. https://www.marksandspencer.com/', required: true }],
  examples: ['npm run dataset -- match https://shop.coop.co.uk/ --today 2025-05-02', 'npm run dataset -- match https://www.nintendo.com/ --json'],
  run: ({ values, positionals }) => match(positionals[0]!, values.json, values.today ?? isoToday()),
});

async function match(url: string, json: boolean, today: string): Promise<number> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`"${url}" is not a URL (try https://www.example.com/)`);
  }
  const hostname = hostnameFromUrl(parsed.href);
  const { incidents, problems } = await loadIncidents();
  if (problems.length > 0) console.error(`warning: ${problems.length} invalid records left out (run validate)`);
  const matched = hostname ? incidentsMatching(DomainIndex.of(incidents.map((i) => i.domains)), incidents, hostname) : [];
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
