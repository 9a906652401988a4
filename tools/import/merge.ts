/**
 * Merging candidates from one feed into the imported layer, under these rules:
 *
 * 1. A curated incident is never touched. A candidate that is the same real-world incident as a
 *    curated one (same feed record or link in its provenance/sources, or same organisation and
 *    close dates) adds nothing: it is counted as "already-curated" and reported with the id.
 * 2. Re-importing a record updates the incident that already carries it (found by provenance).
 * 3. The same incident from another feed (same organisation, close dates) becomes one incident
 *    with both sources and both provenance entries. Unconfirmed claims never merge with others.
 * 4. Field ownership is by feed priority (hibp > notices > prc > wikipedia > ransomware): the
 *    highest-priority feed in the provenance sets organisation, title, kind, status, dates and summary; lists
 *    (sources, provenance, domains, brands, data classes…) are sorted unions. So importing in any
 *    order, and importing twice, gives the same bytes.
 * 5. A domain keeps one organisation name across the dataset (curated first, then registry, then
 *    what the imported layer already says), which the validator's ownership rule requires.
 * 6. An imported incident that a curated one now covers (all its records from this feed match a
 *    curated incident, and no other feed contributed) is retired: the curated file tells it.
 */
import { serialiseIncidentFile } from '@/core/model/dataset';
import type { Incident } from '@/core/model/schema';
import { daysBetween } from '@/core/model/incident-state';
import type { Registry } from './registry';
import { byText, nameKey } from './text';
import type { Candidate, Draft, FeedSource, Importer } from './types';

export const FEED_PRIORITY: Record<FeedSource | 'curated', number> = { curated: 9, hibp: 5, notices: 4, prc: 3, wikipedia: 2, ransomware: 1 };

/** Dates further apart than this are different incidents (a breach, and its disclosure months later, are not). */
export const SAME_INCIDENT_DAYS = 200;

export interface MergeResult {
  added: string[];
  updated: string[];
  unchanged: string[];
  /** Imported incidents now covered by a curated one (rule 6): their files are removed. */
  retired: string[];
  skipped: Record<string, number>;
  curatedMatches: { record: string; id: string }[];
  /** The full imported layer after the merge, by id. */
  imported: Map<string, Incident>;
}

type Dated = Pick<Incident, 'startedOn' | 'disclosedOn' | 'organisation' | 'domains' | 'status'>;

/** How far apart two incidents are in time, in days (year-only dates: 0 for the same year); null if not close. */
/**
 * A year alone ("2020", as Wikipedia's list dates by the year of reporting) is the whole year: a
 * date within SAME_INCIDENT_DAYS of it counts (Wawa's December 2019 disclosure is Wikipedia's
 * "2020"), but only as a weak match, so an exact date always wins over it.
 */
function yearOnlyDistance(x: string, y: string): number | null {
  const [year, other] = x.length === 4 ? [x, y] : [y, x];
  if (other.slice(0, 4) === year) return SAME_INCIDENT_DAYS - 1;
  const gap = other < year ? daysBetween(other, `${year}-01-01`) : daysBetween(`${year}-12-31`, other.length === 4 ? `${other}-01-01` : other);
  return gap <= SAME_INCIDENT_DAYS ? SAME_INCIDENT_DAYS - 1 : null;
}

export function timeDistance(a: Dated, b: Dated): number | null {
  let best: number | null = null;
  for (const x of [a.startedOn, a.disclosedOn]) {
    for (const y of [b.startedOn, b.disclosedOn]) {
      if (!x || !y) continue;
      let d: number | null;
      if (x.length === 4 || y.length === 4) d = yearOnlyDistance(x, y);
      else {
        d = Math.abs(daysBetween(x, y));
        if (d > SAME_INCIDENT_DAYS) d = null;
      }
      if (d !== null && (best === null || d < best)) best = d;
    }
  }
  return best;
}

function domainKeys(x: Dated, registry: Registry): Set<string> {
  const keys = new Set<string>(x.domains.map((d) => `d:${d}`));
  for (const d of x.domains) {
    const owner = registry.byDomain(d);
    if (owner) keys.add(`r:${owner.id}`);
  }
  return keys;
}

function nameKeys(x: Dated, registry: Registry): Set<string> {
  const keys = new Set<string>([`n:${nameKey(x.organisation)}`]);
  const named = registry.byName(x.organisation);
  if (named) keys.add(`r:${named.id}`);
  return keys;
}

const overlaps = (a: Set<string>, b: Set<string>) => [...a].some((k) => b.has(k));

/**
 * Two incidents with domains are the same organisation's when they share a domain (or a registry
 * entry owning one): brands of one group (Stop & Shop, Hannaford) stay apart even though the
 * dataset names both "Ahold Delhaize". Names only decide when one side has no domains.
 */
export function sameOrganisation(a: Dated, b: Dated, registry: Registry): boolean {
  if (a.domains.length > 0 && b.domains.length > 0) return overlaps(domainKeys(a, registry), domainKeys(b, registry));
  return overlaps(new Set([...nameKeys(a, registry), ...domainKeys(a, registry)]), new Set([...nameKeys(b, registry), ...domainKeys(b, registry)]));
}

/** The closest incident that is the same real-world incident as `draft`, if any. */
function closest<T extends Dated & { id: string }>(draft: Draft, pool: Iterable<T>, registry: Registry, allowed: (x: T) => boolean): T | undefined {
  let best: { incident: T; distance: number } | undefined;
  for (const incident of pool) {
    if (!allowed(incident) || !sameOrganisation(incident, draft, registry)) continue;
    const distance = timeDistance(incident, draft);
    if (distance === null) continue;
    if (!best || distance < best.distance || (distance === best.distance && incident.id < best.incident.id)) best = { incident, distance };
  }
  return best?.incident;
}

const uniqSorted = (values: string[]) => [...new Set(values)].sort(byText);

function sortBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => byText(key(a), key(b)));
}

function unionBy<T>(a: T[], b: T[], key: (item: T) => string, combine: (x: T, y: T) => T = (x) => x): T[] {
  const out = new Map<string, T>();
  for (const item of [...a, ...b]) {
    const k = key(item);
    const seen = out.get(k);
    out.set(k, seen ? combine(seen, item) : item);
  }
  return sortBy([...out.values()], key);
}

const BASIS_STRENGTH = { confirmed: 3, reported: 2, claimed: 1 } as const;

/**
 * Who confirmed an imported incident, from the feeds that list it: a regulator's published notice
 * (notices), otherwise reliable reporting (HIBP's verified breaches, the PRC chronology, the
 * Wikipedia list). A leak-site claim is confirmed by nobody.
 */
export function confirmationOf(status: Incident['status'], provenance: Incident['provenance']): Incident['confirmedBy'] {
  if (status === 'claimed') return undefined;
  return provenance.some((p) => p.source === 'notices') ? 'regulator' : 'reporting';
}

/** Folds a candidate into an existing imported incident (rule 4). */
export function mergeInto(existing: Incident, candidate: Candidate, source: FeedSource): Incident {
  const others = existing.provenance.filter((p) => !(p.source === source && p.record === candidate.record));
  const top = Math.max(0, ...others.map((p) => FEED_PRIORITY[p.source]));
  // Ties (two rows of one feed) go to the smallest record key, so the order of rows never matters.
  const rivals = others.filter((p) => FEED_PRIORITY[p.source] === top).map((p) => p.record ?? '');
  const primary = FEED_PRIORITY[source] > top || (FEED_PRIORITY[source] === top && rivals.every((r) => candidate.record <= r));
  const d = candidate.draft;
  const base: Incident = primary
    ? (() => {
        // The primary feed's record defines these fields entirely, absent optional dates included.
        const { startedOn: _s, containedOn: _c, resolvedOn: _r, ...rest } = existing;
        return {
          ...rest,
          // The registry may have learnt who this is since the last import ("Liberty McDonald's
          // Restaurant" → McDonald's): the name follows the draft, whose domains already agree with it.
          organisation: d.organisation,
          title: d.title,
          kind: d.kind,
          status: d.status,
          ...(d.startedOn ? { startedOn: d.startedOn } : {}),
          disclosedOn: d.disclosedOn,
          ...(d.containedOn ? { containedOn: d.containedOn } : {}),
          ...(d.resolvedOn ? { resolvedOn: d.resolvedOn } : {}),
          updatedOn: d.updatedOn,
          summary: d.summary,
        };
      })()
    : existing;
  const sources = unionBy(existing.sources, d.sources, (s) => `${s.publisher}\u0000${s.url}`, (_old, fresh) => fresh);
  const provenance = unionBy(
    others,
    [{ source, record: candidate.record, snapshot: candidate.snapshot }],
    (p) => `${p.source}\u0000${p.record ?? ''}`,
  );
  const updatedOn = [base.updatedOn, d.updatedOn, ...sources.map((s) => s.date ?? '')].reduce((a, b) => (b > a ? b : a));
  const { confirmedBy: _confirmedBy, ...rest } = base;
  const confirmedBy = confirmationOf(base.status, provenance);
  return {
    ...rest,
    ...(confirmedBy ? { confirmedBy } : {}),
    brands: uniqSorted([...existing.brands, ...d.brands]),
    countries: uniqSorted([...existing.countries, ...d.countries]),
    domains: uniqSorted([...existing.domains, ...d.domains]),
    updatedOn,
    dataExposed: unionBy(existing.dataExposed, d.dataExposed, (x) => x.dataClass, (x, y) => ({ dataClass: x.dataClass, confirmed: x.confirmed || y.confirmed })),
    affected: unionBy(existing.affected, d.affected, (x) => `${x.who}\u0000${String(x.count).padStart(12, '0')}`),
    actors: unionBy(existing.actors, d.actors, (x) => x.name, (x, y) => (BASIS_STRENGTH[y.basis] > BASIS_STRENGTH[x.basis] ? y : x)),
    authorities: uniqSorted([...existing.authorities, ...d.authorities]),
    sources,
    provenance,
  };
}

function newId(slug: string, draft: Draft, taken: Set<string>): string {
  const date = draft.startedOn ?? draft.disclosedOn;
  const base = date.length >= 7 ? `${slug}-${date.slice(0, 4)}-${date.slice(5, 7)}` : `${slug}-${date.slice(0, 4)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Compared as the bytes that would be written, so key order never counts as a change. */
const fingerprint = (incident: Incident) => serialiseIncidentFile(incident);

export function mergeCandidates(options: {
  importer: Pick<Importer, 'source' | 'mergesWithinFeed'>;
  candidates: Candidate[];
  curated: Incident[];
  imported: Map<string, Incident>;
  registry: Registry;
}): MergeResult {
  const { importer, curated, registry } = options;
  const source = importer.source;
  const imported = new Map(options.imported);
  const result: MergeResult = { added: [], updated: [], unchanged: [], retired: [], skipped: {}, curatedMatches: [], imported };

  const provKey = (s: string, r: string | undefined) => `${s}\u0000${r ?? ''}`;
  const byProvenance = new Map<string, string>();
  for (const incident of imported.values()) for (const p of incident.provenance) byProvenance.set(provKey(p.source, p.record), incident.id);
  const curatedByKey = new Map<string, Incident>();
  for (const incident of curated) {
    for (const p of incident.provenance) if (p.record) curatedByKey.set(provKey(p.source, p.record), incident);
    // Record-specific links only (an HIBP breach, a leak-site post, a notice); list pages are shared by many rows.
    for (const s of incident.sources) curatedByKey.set(`url\u0000${s.url}`, incident);
  }
  const recordSpecificLinks = source === 'hibp' || source === 'ransomware' || source === 'notices';

  // Rule 5: one organisation name per domain.
  const owners = new Map<string, string>();
  for (const incident of curated) for (const d of incident.domains) if (!owners.has(d)) owners.set(d, incident.organisation);
  for (const org of registry.organisations) for (const d of org.domains) if (!owners.has(d)) owners.set(d, org.name);
  for (const incident of [...imported.values()].sort((a, b) => byText(a.id, b.id))) for (const d of incident.domains) if (!owners.has(d)) owners.set(d, incident.organisation);

  const taken = new Set<string>([...curated.map((c) => c.id), ...imported.keys()]);
  const touched = new Set<string>();
  const ordered = sortBy(options.candidates, (c) => c.record);

  for (const raw of ordered) {
    const owner = raw.draft.domains.map((d) => owners.get(d)).find((o) => o !== undefined);
    const organisation = owner ?? raw.draft.organisation;
    // A domain another organisation owns is dropped rather than shown on the wrong incident.
    const domains = raw.draft.domains.filter((d) => (owners.get(d) ?? organisation) === organisation);
    const candidate: Candidate = { ...raw, draft: { ...raw.draft, organisation, domains } };
    const draft = candidate.draft;
    const claim = draft.status === 'claimed';

    const curatedHit =
      curatedByKey.get(provKey(source, candidate.record)) ??
      (recordSpecificLinks ? draft.sources.map((s) => curatedByKey.get(`url\u0000${s.url}`)).find(Boolean) : undefined) ??
      (claim ? undefined : closest(draft, curated, registry, (c) => c.status !== 'claimed'));
    if (curatedHit) {
      result.skipped['already-curated'] = (result.skipped['already-curated'] ?? 0) + 1;
      result.curatedMatches.push({ record: candidate.record, id: curatedHit.id });
      continue;
    }

    const knownId = byProvenance.get(provKey(source, candidate.record));
    const existing =
      (knownId ? imported.get(knownId) : undefined) ??
      (claim
        ? undefined
        : closest(draft, imported.values(), registry, (i) => i.status !== 'claimed' && (importer.mergesWithinFeed || !i.provenance.some((p) => p.source === source))));

    let incident: Incident;
    if (existing) {
      incident = mergeInto(existing, candidate, source);
    } else {
      const id = newId(candidate.slug, draft, taken);
      taken.add(id);
      // Folding the record into its own shell gives exactly the form a re-import produces.
      incident = mergeInto({ id, ...draft, provenance: [{ source, record: candidate.record, snapshot: candidate.snapshot }] }, candidate, source);
    }
    touched.add(incident.id);
    imported.set(incident.id, incident);
    byProvenance.set(provKey(source, candidate.record), incident.id);
    for (const d of incident.domains) if (!owners.has(d)) owners.set(d, incident.organisation);
  }
  // Rule 6: retire what a curated incident now tells, when nothing else contributed to it.
  const coveredRecords = new Set(result.curatedMatches.map((m) => provKey(source, m.record)));
  for (const incident of [...imported.values()]) {
    if (touched.has(incident.id) || incident.provenance.length === 0) continue;
    if (incident.provenance.every((p) => p.source === source && coveredRecords.has(provKey(p.source, p.record)))) {
      imported.delete(incident.id);
      result.retired.push(incident.id);
    }
  }
  result.retired.sort(byText);
  // Judged on the end state against the start, so a record folded in twice in one run is not "updated".
  for (const id of [...touched].sort(byText)) {
    const before = options.imported.get(id);
    if (!before) result.added.push(id);
    else (fingerprint(before) === fingerprint(imported.get(id)!) ? result.unchanged : result.updated).push(id);
  }
  return result;
}
