/**
 * `stats [--json]`: the coverage report maintainers look at — counts by kind, status, year,
 * country, source and service, and how many incidents have domains (only those can show a banner).
 * Reads the same data `build` ships; invalid records are left out with a warning.
 */
import type { Incident } from '@/core/model/schema';
import { loadIncidents } from './load';
import { defineCommand } from './command';

export interface DatasetStats {
  incidents: number;
  withDomains: number;
  withoutDomains: number;
  distinctDomains: number;
  withServices: number;
  bySource: Record<string, number>;
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  byYear: Record<string, number>;
  byCountry: Record<string, number>;
  byService: Record<string, number>;
}

function count(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

function sorted(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function computeStats(incidents: Incident[]): DatasetStats {
  const stats = { bySource: {}, byKind: {}, byStatus: {}, byYear: {}, byCountry: {}, byService: {} } as Pick<DatasetStats, 'bySource' | 'byKind' | 'byStatus' | 'byYear' | 'byCountry' | 'byService'>;
  const domains = new Set<string>();
  let withDomains = 0;
  let withServices = 0;
  for (const incident of incidents) {
    if (incident.domains.length > 0) withDomains++;
    if (incident.services.length > 0) withServices++;
    incident.domains.forEach((d) => domains.add(d));
    // An incident counts once per source it comes from: a merged HIBP + PRC incident counts for both.
    new Set(incident.provenance.map((p) => p.source)).forEach((s) => count(stats.bySource, s));
    count(stats.byKind, incident.kind);
    count(stats.byStatus, incident.status);
    count(stats.byYear, incident.disclosedOn.slice(0, 4));
    if (incident.countries.length === 0) count(stats.byCountry, '(none)');
    incident.countries.forEach((c) => count(stats.byCountry, c));
    new Set(incident.services.map((s) => s.service)).forEach((s) => count(stats.byService, s));
  }
  return {
    incidents: incidents.length,
    withDomains,
    withoutDomains: incidents.length - withDomains,
    distinctDomains: domains.size,
    withServices,
    bySource: sorted(stats.bySource),
    byKind: sorted(stats.byKind),
    byStatus: sorted(stats.byStatus),
    byYear: sorted(stats.byYear),
    byCountry: Object.fromEntries(Object.entries(stats.byCountry).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))),
    byService: sorted(stats.byService),
  };
}

export function formatStats(stats: DatasetStats): string {
  const line = (title: string, record: Record<string, number>, limit = Infinity) => {
    const entries = Object.entries(record);
    const shown = entries.slice(0, limit).map(([k, v]) => `${k} ${v}`).join(', ');
    return `${title}: ${shown}${entries.length > limit ? `, … (${entries.length - limit} more)` : ''}`;
  };
  return [
    `incidents: ${stats.incidents} (${stats.withDomains} with domains, so a banner can show; ${stats.withoutDomains} without, search only)`,
    `distinct domains: ${stats.distinctDomains}`,
    `with service states: ${stats.withServices}`,
    line('by source', stats.bySource),
    line('by kind', stats.byKind),
    line('by status', stats.byStatus),
    line('by year', stats.byYear),
    line('by country', stats.byCountry, 25),
    line('by service', stats.byService),
  ].join('\n');
}

export const statsCommand = defineCommand({
  name: 'stats',
  summary: 'coverage: incidents by kind, year, country, source and service; incidents with domains',
  options: { json: { type: 'boolean', description: 'print JSON instead of a table' } },
  positionals: [],
  examples: ['npm run dataset -- stats', 'npm run dataset -- stats --json'],
  async run({ values }) {
    const { incidents, problems } = await loadIncidents();
    if (problems.length > 0) console.error(`warning: ${problems.length} invalid records left out (run validate)`);
    const stats = computeStats(incidents);
    console.log(values.json ? JSON.stringify(stats, null, 2) : formatStats(stats));
    return 0;
  },
});
