/**
 * What Caveat says about one site on one day: the badge for every page, and which incidents
 * earn the in-page banner. Quiet by default: the banner only carries incidents that are news
 * (ongoing or recently changed), that the user has not dismissed at their current revision, on
 * sites the user has not muted. The badge and popup always tell the full story.
 */
import { isAlerting, isKnownAsOf, revisionAsOf, servicesAsOf, statusAsOf } from '../model/incident-state';
import { compareIncidents } from '../model/incident-order';
import { matchedDomain, siteOf } from '../matching/hostname';
import type { Incident, ServiceStatus } from '../model/schema';
import { dismissalKey, type UserState } from '../storage/settings';
import type { IncidentStatus } from '../model/vocabulary';

export type BadgeTone = 'alert' | 'history' | 'none';

export interface Badge {
  text: string;
  tone: BadgeTone;
}

/** One incident as the banner shows it: only what the banner renders, evaluated for `today`. */
export interface BannerIncident {
  id: string;
  title: string;
  organisation: string;
  kind: Incident['kind'];
  status: IncidentStatus;
  summary: string;
  disclosedOn: string;
  revision: string;
  /** The dataset domain the visited hostname matched ("Why am I seeing this?"). */
  matchedDomain: string;
  services: ServiceStatus[];
  dataExposed: Incident['dataExposed'];
  advice: string[];
  sources: Incident['sources'];
}

export interface SiteReport {
  hostname: string;
  site: string;
  muted: boolean;
  today: string;
  /** Every incident known on `today` for this site, newest first. */
  incidents: Incident[];
  badge: Badge;
  /** Incidents the banner shows now; empty means no banner. */
  banner: BannerIncident[];
  /** Incident id → the revision the user dismissed on this site. */
  dismissed: Record<string, string>;
}

export function todayFor(state: UserState, realToday: string): string {
  return state.settings.todayOverride ?? realToday;
}

export function toBannerIncident(incident: Incident, today: string, hostname: string): BannerIncident {
  return {
    id: incident.id,
    title: incident.title,
    organisation: incident.organisation,
    kind: incident.kind,
    status: statusAsOf(incident, today),
    summary: incident.summary,
    disclosedOn: incident.disclosedOn,
    revision: revisionAsOf(incident, today),
    matchedDomain: matchedDomain(incident.domains, hostname) ?? siteOf(hostname),
    services: servicesAsOf(incident, today),
    dataExposed: incident.dataExposed,
    advice: incident.advice,
    sources: incident.sources,
  };
}

export function badgeFor(incidents: Incident[], today: string, alertWindowDays: number): Badge {
  if (incidents.length === 0) return { text: '', tone: 'none' };
  const tone = incidents.some((i) => isAlerting(i, today, alertWindowDays)) ? 'alert' : 'history';
  return { text: String(incidents.length), tone };
}

export function buildSiteReport(hostname: string, matched: Incident[], state: UserState, today: string): SiteReport {
  const site = siteOf(hostname);
  const incidents = matched.filter((i) => isKnownAsOf(i, today)).sort(compareIncidents);
  const { alertWindowDays, bannerEnabled } = state.settings;
  const muted = state.mutedSites.includes(site);
  const banner =
    bannerEnabled && !muted
      ? incidents
          .filter((i) => isAlerting(i, today, alertWindowDays))
          .filter((i) => state.dismissals[dismissalKey(site, i.id)] !== revisionAsOf(i, today))
          .map((i) => toBannerIncident(i, today, hostname))
      : [];
  const dismissed: Record<string, string> = {};
  for (const incident of incidents) {
    const revision = state.dismissals[dismissalKey(site, incident.id)];
    if (revision) dismissed[incident.id] = revision;
  }
  return { hostname, site, muted, today, incidents, badge: badgeFor(incidents, today, alertWindowDays), banner, dismissed };
}
