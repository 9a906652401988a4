/**
 * What a refresh changed, in the terms a reviewer approves: incidents that are new, incidents
 * whose status or services changed, records that left the dataset, and what shoppers will now
 * see — which sites gain (or lose) a banner on the review day, under the default settings and
 * the extension's own alert policy (core/alerts/site-report.ts), so the report cannot disagree
 * with the extension.
 */
import { buildSiteReport } from '@/core/alerts/site-report';
import { DomainIndex, incidentsMatching } from '@/core/matching/domain-index';
import { siteOf } from '@/core/matching/hostname';
import { servicesAsOf, statusAsOf } from '@/core/model/incident-state';
import type { Incident } from '@/core/model/schema';
import { DEFAULT_SETTINGS, type UserState } from '@/core/storage/settings';

export interface StatusChange {
  incident: Incident;
  from: string;
  to: string;
}

export interface ServiceChange {
  incident: Incident;
  /** service → [state before, state after]; undefined: not listed. */
  changes: [service: string, before: string | undefined, after: string | undefined][];
}

export interface SiteBanners {
  site: string;
  /** Incidents whose banner a shopper on this site will now see. */
  added: Incident[];
  /** Incidents whose banner goes away. */
  removed: Incident[];
}

export interface Review {
  today: string;
  added: Incident[];
  statusChanges: StatusChange[];
  serviceChanges: ServiceChange[];
  /** Changed in other ways (sources, summary, dates…). */
  otherwiseChanged: Incident[];
  /** In the dataset before, gone after (an imported record retired because a curated file now tells it). */
  removed: Incident[];
  banners: SiteBanners[];
}

const DEFAULT_STATE: UserState = { settings: DEFAULT_SETTINGS, mutedSites: [], dismissals: {} };

function serviceStates(incident: Incident, today: string): Map<string, string> {
  return new Map(servicesAsOf(incident, today).map((s) => [s.service, s.state]));
}

/** Site → ids of the incidents its banner shows on `today`. */
function bannersBySite(incidents: Incident[], today: string): Map<string, Set<string>> {
  const index = DomainIndex.of(incidents.map((i) => i.domains));
  const out = new Map<string, Set<string>>();
  for (const domain of new Set(incidents.flatMap((i) => i.domains))) {
    const report = buildSiteReport(domain, incidentsMatching(index, incidents, domain), DEFAULT_STATE, today);
    const site = siteOf(domain);
    const ids = out.get(site) ?? new Set<string>();
    for (const shown of report.banner) ids.add(shown.id);
    if (ids.size > 0) out.set(site, ids);
  }
  return out;
}

export function reviewChanges(before: Incident[], after: Incident[], today: string): Review {
  const old = new Map(before.map((i) => [i.id, i]));
  const now = new Map(after.map((i) => [i.id, i]));
  const review: Review = { today, added: [], statusChanges: [], serviceChanges: [], otherwiseChanged: [], removed: [], banners: [] };
  for (const incident of after) {
    const previous = old.get(incident.id);
    if (!previous) {
      review.added.push(incident);
      continue;
    }
    if (JSON.stringify(previous) === JSON.stringify(incident)) continue;
    let told = false;
    const [from, to] = [statusAsOf(previous, today), statusAsOf(incident, today)];
    if (from !== to) {
      review.statusChanges.push({ incident, from, to });
      told = true;
    }
    const [was, is] = [serviceStates(previous, today), serviceStates(incident, today)];
    const changes: ServiceChange['changes'] = [];
    for (const service of [...new Set([...was.keys(), ...is.keys()])].sort()) {
      if (was.get(service) !== is.get(service)) changes.push([service, was.get(service), is.get(service)]);
    }
    if (changes.length > 0) {
      review.serviceChanges.push({ incident, changes });
      told = true;
    }
    if (!told) review.otherwiseChanged.push(incident);
  }
  review.removed = before.filter((i) => !now.has(i.id));

  const [wasShown, isShown] = [bannersBySite(before, today), bannersBySite(after, today)];
  for (const site of [...new Set([...wasShown.keys(), ...isShown.keys()])].sort()) {
    const was = wasShown.get(site) ?? new Set<string>();
    const is = isShown.get(site) ?? new Set<string>();
    const added = [...is].filter((id) => !was.has(id)).map((id) => now.get(id)!);
    const removed = [...was].filter((id) => !is.has(id)).map((id) => old.get(id)!);
    if (added.length > 0 || removed.length > 0) review.banners.push({ site, added, removed });
  }
  return review;
}
