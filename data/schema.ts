/**
 * The incident schema: the one definition of what an incident is. Types are derived from it
 * (`z.infer`), never written twice. Cross-record rules (unique ids, one organisation per domain,
 * dates not in the future) live in validate.ts because they need the whole dataset or a clock.
 */
import { z } from 'zod';
import { domainProblem } from './hostname';
import {
  ACTOR_BASES,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  PROVENANCE_SOURCES,
  RELATIONS,
  SERVICE_KEYS,
  SERVICE_STATES,
} from './vocabulary';

/** Length limits: generous for real reporting, small enough that no string can swamp a banner. */
export const LIMITS = {
  shortText: 200,
  summary: 2_000,
  note: 500,
  url: 2_000,
  list: 100,
  sources: 50,
  timeline: 100,
  domains: 200,
} as const;

const shortText = z.string().trim().min(1).max(LIMITS.shortText);
const noteText = z.string().trim().min(1).max(LIMITS.note);

/** Reject bidi controls and other invisible formatting characters that can make text lie about itself. */
const NO_CONTROL_CHARS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/;
const plain = <T extends z.ZodString>(s: T) => s.regex(NO_CONTROL_CHARS, 'must not contain control or bidi-override characters');

/** A calendar date, possibly partial ("2014", "2014-09", "2014-09-08"), as feeds often only know the month or year. */
export const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number);
    if (m !== undefined && (m < 1 || m > 12)) return false;
    if (d !== undefined) {
      const date = new Date(Date.UTC(y!, m! - 1, d));
      return date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
    }
    return y! >= 1990;
  }, 'is not a real calendar date');
export type IsoDate = z.infer<typeof isoDate>;

export const httpsUrl = z
  .string()
  .max(LIMITS.url)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'must be an https URL without credentials');

export const domainSchema = z.string().superRefine((value, ctx) => {
  const problem = domainProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const sourceSchema = z.strictObject({
  url: httpsUrl,
  publisher: plain(shortText),
  title: plain(shortText).optional(),
  date: isoDate.optional(),
  /** Set where the publisher's licence asks for attribution wherever the data is shown (HIBP: CC BY 4.0). */
  licence: plain(shortText).optional(),
});

export const serviceStatusSchema = z.strictObject({
  service: z.enum(SERVICE_KEYS),
  state: z.enum(SERVICE_STATES),
  /** The day this state took effect. A service may appear several times to tell its story. */
  since: isoDate,
  note: plain(noteText).optional(),
});

export const dataExposedSchema = z.strictObject({
  /** HIBP data-class names where they fit ("Email addresses", "Purchases"…). */
  dataClass: plain(shortText),
  confirmed: z.boolean(),
});

export const affectedSchema = z.strictObject({
  count: z.number().int().nonnegative().max(10_000_000_000),
  who: plain(shortText),
  confirmed: z.boolean(),
});

export const actorSchema = z.strictObject({
  name: plain(shortText),
  /** confirmed by the victim or authorities; reported by the press; claimed by the actor itself. */
  basis: z.enum(ACTOR_BASES),
});

export const timelineEventSchema = z.strictObject({
  date: isoDate,
  event: plain(noteText),
});

export const relatedSchema = z.strictObject({
  id: z.string(),
  relation: z.enum(RELATIONS),
});

export const provenanceSchema = z.strictObject({
  source: z.enum(PROVENANCE_SOURCES),
  /** The feed's own key for the record (HIBP Name, leak-site post id…). */
  record: plain(shortText).optional(),
  /** Which snapshot of the feed it came from (file date or commit). */
  snapshot: plain(shortText).optional(),
});

export const INCIDENT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const incidentSchema = z.strictObject({
  id: z.string().max(100).regex(INCIDENT_ID, 'must be lower-case words joined by hyphens'),
  title: plain(shortText),
  organisation: plain(shortText),
  brands: z.array(plain(shortText)).max(LIMITS.list),
  /** ISO 3166-1 alpha-2 codes of the countries whose customers are concerned. */
  countries: z.array(z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')).max(LIMITS.list),
  domains: z.array(domainSchema).max(LIMITS.domains),
  kind: z.enum(INCIDENT_KINDS),
  status: z.enum(INCIDENT_STATUSES),
  startedOn: isoDate.optional(),
  disclosedOn: isoDate,
  containedOn: isoDate.optional(),
  resolvedOn: isoDate.optional(),
  updatedOn: isoDate,
  summary: plain(z.string().trim().min(1).max(LIMITS.summary)),
  services: z.array(serviceStatusSchema).max(LIMITS.list),
  dataExposed: z.array(dataExposedSchema).max(LIMITS.list),
  affected: z.array(affectedSchema).max(LIMITS.list),
  actors: z.array(actorSchema).max(LIMITS.list),
  authorities: z.array(plain(shortText)).max(LIMITS.list),
  advice: z.array(plain(noteText)).max(LIMITS.list),
  timeline: z.array(timelineEventSchema).max(LIMITS.timeline),
  related: z.array(relatedSchema).max(LIMITS.list),
  sources: z.array(sourceSchema).min(1).max(LIMITS.sources),
  provenance: z.array(provenanceSchema).min(1).max(LIMITS.list),
});

export type Incident = z.infer<typeof incidentSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type ServiceStatus = z.infer<typeof serviceStatusSchema>;
export type DataExposed = z.infer<typeof dataExposedSchema>;
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

/** The bundled/published dataset file: what `dataset build` writes and the extension loads. */
export const DATASET_FORMAT = 1;
export const datasetSchema = z.strictObject({
  format: z.literal(DATASET_FORMAT),
  /** Human version, e.g. "2026.11.28-3f9a1c2e" (data date + content hash prefix). */
  version: z.string().max(100),
  /** The latest `updatedOn` in the data: what "Data as of" shows. Deterministic, unlike a wall clock. */
  dataAsOf: isoDate,
  /** SHA-256 of the canonical incidents JSON, hex. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  counts: z.strictObject({ incidents: z.number().int(), domains: z.number().int() }),
  incidents: z.array(incidentSchema),
});
export type Dataset = z.infer<typeof datasetSchema>;
