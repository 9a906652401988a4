/**
 * The review report as Markdown: what a maintainer reads in the pull request before approving a
 * refresh. Every value from a feed is escaped (a company name on a leak site can hold anything),
 * and each incident links to its first source.
 */
import type { Incident } from '@/core/model/schema';
import type { ImportSummary } from '../import/run';
import { DEFAULT_SETTINGS } from '@/core/storage/settings';
import type { Review } from './review';

export interface SourceOutcome {
  id: string;
  title: string;
  /** "fetched", "not-modified", "cache", "file", or why it failed. */
  result: 'ok' | 'failed' | 'skipped';
  detail: string;
}

export interface RefreshOutcome {
  today: string;
  sources: SourceOutcome[];
  imports: ImportSummary[];
  importFailures: { feed: string; message: string }[];
  /** Problems `validate` finds in the whole dataset after the import (none, normally). */
  problems: string[];
  /** Findings of the review steps (audit…), by step. */
  findings: { step: string; lines: string[] }[];
  review: Review;
}

/** Markdown-safe text: no markup, no links, no HTML from a feed. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`).replace(/\s+/g, ' ').trim();
}

const cap = 200;
function list<T>(items: T[], line: (item: T) => string): string[] {
  const shown = items.slice(0, cap).map((item) => `- ${line(item)}`);
  if (items.length > cap) shown.push(`- … and ${items.length - cap} more`);
  return shown.length > 0 ? shown : ['- none'];
}

function named(incident: Incident): string {
  const source = incident.sources[0];
  const title = `**${md(incident.organisation)}**: ${md(incident.title)} (\`${incident.id}\`)`;
  return source ? `${title}, [${md(source.publisher)}](${encodeURI(source.url)})` : title;
}

/** Sites that gain (or lose) the very same banners, on one line: an organisation's country sites read as one change. */
function groupSites(banners: Review['banners'], pickIncidents: (b: Review['banners'][number]) => Incident[]): { sites: string[]; incidents: Incident[] }[] {
  const groups = new Map<string, { sites: string[]; incidents: Incident[] }>();
  for (const banner of banners) {
    const incidents = pickIncidents(banner);
    const key = incidents.map((i) => i.id).sort().join(' ');
    const group = groups.get(key) ?? { sites: [], incidents };
    group.sites.push(banner.site);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function renderReport(outcome: RefreshOutcome): string {
  const r = outcome.review;
  const lines: string[] = [
    `# Dataset refresh, ${outcome.today}`,
    '',
    'Produced by `npm run dataset -- refresh`. Nothing is published until a person approves this pull request; on merge, the feed is signed and deployed.',
    '',
    `**${r.added.length}** new incidents · **${r.statusChanges.length}** status changes · **${r.serviceChanges.length}** service changes · **${r.otherwiseChanged.length}** otherwise updated · **${r.removed.length}** retired · **${r.banners.filter((b) => b.added.length > 0).length}** sites with a new banner`,
    '',
    '## Sources',
    '',
    '| source | result |',
    '|---|---|',
    ...outcome.sources.map((s) => `| ${md(s.title)} | ${s.result === 'ok' ? '' : `**${s.result}**: `}${md(s.detail)} |`),
    '',
  ];
  if (outcome.importFailures.length > 0 || outcome.problems.length > 0) {
    lines.push('## ⚠ Needs attention', '', ...outcome.importFailures.map((f) => `- import ${md(f.feed)}: ${md(f.message)} (nothing from it was written)`), ...outcome.problems.map((p) => `- ${md(p)}`), '');
  }
  lines.push(
    '## What shoppers will now see',
    '',
    `Banners under the default settings (alert window ${DEFAULT_SETTINGS.alertWindowDays} days) on ${outcome.today}, the day of this refresh.`,
    '',
    ...list(groupSites(r.banners.filter((b) => b.added.length > 0), (b) => b.added), ({ sites, incidents }) => `${sites.map(md).join(', ')}: new banner for ${incidents.map(named).join('; ')}`),
    '',
  );
  const gone = r.banners.filter((b) => b.removed.length > 0);
  if (gone.length > 0) lines.push('Banners that go away:', '', ...list(groupSites(gone, (b) => b.removed), ({ sites, incidents }) => `${sites.map(md).join(', ')}: ${incidents.map((i) => `\`${i.id}\``).join(', ')}`), '');
  lines.push(
    '## New incidents',
    '',
    ...list(r.added, (i) => `${named(i)}; ${i.kind}, ${i.status}${i.domains.length > 0 ? `; ${i.domains.map(md).join(', ')}` : '; no domain (found by search only)'}`),
    '',
    '## Changed statuses',
    '',
    ...list(r.statusChanges, (c) => `${named(c.incident)}: ${c.from} → ${c.to}`),
    '',
    '## Changed services',
    '',
    ...list(r.serviceChanges, (c) => `${named(c.incident)}: ${c.changes.map(([s, a, b]) => `${s} ${a ?? 'not listed'} → ${b ?? 'not listed'}`).join(', ')}`),
    '',
    '## Retired records',
    '',
    ...list(r.removed, (i) => `\`${i.id}\` (${md(i.organisation)}): now told by a curated incident, or no longer in its feed`),
    '',
    '## Imports',
    '',
    ...list(outcome.imports, (s) => `${s.source}: ${s.total} records read, ${s.selected} selected; added ${s.added.length}, updated ${s.updated.length}, unchanged ${s.unchanged.length}, retired ${s.retired.length}; skipped ${Object.entries(s.skipped).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`),
    '',
  );
  for (const { step, lines: found } of outcome.findings) lines.push(`## ${md(step)}`, '', ...list(found, (f) => md(f)), '');
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
