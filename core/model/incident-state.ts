/**
 * An incident as it stood on a given day. The dataset records each state change with its date,
 * so the extension (and its tests, with a fixed "today") can tell what a shopper would have seen
 * on that day: "click and collect suspended" in May 2025, "restored" by July.
 */
import type { Incident, IsoDate, ServiceStatus } from './schema';
import type { IncidentStatus } from './vocabulary';

/** Today as YYYY-MM-DD in UTC. */
export function isoToday(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}

/** Partial dates ("2014", "2014-09") count from their first day. */
function toUtcDay(date: string): number {
  const [y, m = 1, d = 1] = date.split('-').map(Number);
  return Date.UTC(y!, m - 1, d) / 86_400_000;
}

export function daysBetween(from: string, to: string): number {
  return Math.round(toUtcDay(to) - toUtcDay(from));
}

const onOrBefore = (date: string | undefined, today: string): date is string => date !== undefined && date <= today;

/** Whether the incident was public on `today`: nothing is shown before it was disclosed. */
export function isKnownAsOf(incident: Incident, today: string): boolean {
  return incident.disclosedOn <= today;
}

export function statusAsOf(incident: Incident, today: string): IncidentStatus {
  if (incident.status === 'claimed') return 'claimed';
  if (onOrBefore(incident.resolvedOn, today)) return 'resolved';
  if (onOrBefore(incident.containedOn, today)) return 'contained';
  // A record that says "resolved" or "contained" without a date was so by the time it was last updated.
  if (incident.status !== 'ongoing' && incident.updatedOn <= today) return incident.status;
  return 'ongoing';
}

/** Each service's latest state on `today`, in the order the record first names them. */
export function servicesAsOf(incident: Incident, today: string): ServiceStatus[] {
  const latest = new Map<string, ServiceStatus>();
  for (const entry of incident.services) {
    if (entry.since > today) continue;
    const current = latest.get(entry.service);
    if (!current || entry.since >= current.since) latest.set(entry.service, entry);
  }
  return [...latest.values()];
}

/**
 * The incident's revision on `today`: the date of the latest change a shopper could know about.
 * A dismissal remembers it, so the banner comes back when the incident moves on
 * (a new service state, a new timeline event, a new record update).
 */
export function revisionAsOf(incident: Incident, today: string): string {
  const dates = [
    incident.disclosedOn,
    incident.containedOn,
    incident.resolvedOn,
    incident.updatedOn,
    ...incident.services.map((s) => s.since),
    ...incident.timeline.map((t) => t.date),
  ];
  return dates.reduce<string>((latest, date) => (onOrBefore(date, today) && date > latest ? date : latest), incident.disclosedOn);
}

/**
 * Whether the incident is news on `today`: ongoing, or changed within the alert window.
 * Such an incident colours the badge and may show the banner.
 */
export function isAlerting(incident: Incident, today: string, alertWindowDays: number): boolean {
  if (!isKnownAsOf(incident, today)) return false;
  if (statusAsOf(incident, today) === 'ongoing') return true;
  return daysBetween(revisionAsOf(incident, today), today) <= alertWindowDays;
}
