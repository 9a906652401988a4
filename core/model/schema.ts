/**
 * The incident schema: the one definition of what an incident is. Types are derived from it
 * (`z.infer`), never written twice. Cross-record rules (unique ids, one organisation per domain,
 * dates not in the future) live in validate.ts because they need the whole dataset or a clock.
 *
 * zod/mini, not classic zod: the background service worker parses with these schemas, and classic
 * zod alone cost ~35 ms of every service worker cold start (README, Performance). Same checks,
 * same messages, functional syntax: `z.string().check(z.maxLength(200))`, `z.optional(…)`.
 */
import * as z from 'zod/mini';
import { domainProblem } from '../matching/hostname';
import { isoDate } from './iso-date';
import { NO_CONTROL_CHARACTERS } from './control-characters';
import './zod-messages';
import {
  ACTOR_BASES,
  CONFIRMATION_BASES,
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

/** Reject bidi controls and other invisible formatting characters that can make text lie about itself. */
const noControlChars = () => z.regex(NO_CONTROL_CHARACTERS, 'must not contain control or bidi-override characters');

/** Trimmed text of 1…max characters without control or bidi characters. */
const plainText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max), noControlChars());
const shortText = plainText(LIMITS.shortText);
const noteText = plainText(LIMITS.note);

export { isoDate, type IsoDate } from './iso-date';

export const httpsUrl = z.string().check(
  z.maxLength(LIMITS.url),
  z.refine((value: string) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'must be an https URL without credentials'),
);

export const domainSchema = z.string().check(
  z.superRefine((value: string, ctx) => {
    const problem = domainProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  }),
);

export const sourceSchema = z.strictObject({
  url: httpsUrl,
  publisher: shortText,
  title: z.optional(shortText),
  date: z.optional(isoDate),
  /** Set where the publisher's licence asks for attribution wherever the data is shown (HIBP: CC BY 4.0). */
  licence: z.optional(shortText),
});

export const serviceStatusSchema = z.strictObject({
  service: z.enum(SERVICE_KEYS),
  state: z.enum(SERVICE_STATES),
  /** The day this state took effect. A service may appear several times to tell its story. */
  since: isoDate,
  note: z.optional(noteText),
});

export const dataExposedSchema = z.strictObject({
  /** HIBP data-class names where they fit ("Email addresses", "Purchases"…). */
  dataClass: shortText,
  confirmed: z.boolean(),
});

export const affectedSchema = z.strictObject({
  count: z.int().check(z.nonnegative(), z.maximum(10_000_000_000)),
  who: shortText,
  confirmed: z.boolean(),
});

export const actorSchema = z.strictObject({
  name: shortText,
  /** confirmed by the victim or authorities; reported by the press; claimed by the actor itself. */
  basis: z.enum(ACTOR_BASES),
});

export const timelineEventSchema = z.strictObject({
  date: isoDate,
  event: noteText,
});

export const relatedSchema = z.strictObject({
  id: z.string(),
  relation: z.enum(RELATIONS),
});

export const provenanceSchema = z.strictObject({
  source: z.enum(PROVENANCE_SOURCES),
  /** The feed's own key for the record (HIBP Name, leak-site post id…). */
  record: z.optional(shortText),
  /** Which snapshot of the feed it came from (file date or commit). */
  snapshot: z.optional(shortText),
});

/** Where the sources disagree (a count, a date, a cause): said in the incident, never settled silently. */
export const disagreementSchema = z.strictObject({
  /** What the sources disagree about, e.g. "number of customers affected". */
  about: shortText,
  /** Who says what, naming the sources. */
  note: noteText,
});

export const INCIDENT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const incidentSchema = z.strictObject({
  id: z.string().check(z.maxLength(100), z.regex(INCIDENT_ID, 'must be lower-case words joined by hyphens')),
  title: shortText,
  organisation: shortText,
  brands: z.array(shortText).check(z.maxLength(LIMITS.list)),
  /** ISO 3166-1 alpha-2 codes of the countries whose customers are concerned. */
  countries: z.array(z.string().check(z.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'))).check(z.maxLength(LIMITS.list)),
  domains: z.array(domainSchema).check(z.maxLength(LIMITS.domains)),
  kind: z.enum(INCIDENT_KINDS),
  status: z.enum(INCIDENT_STATUSES),
  /** Who confirmed it happened; absent only for an unconfirmed (`claimed`) incident. */
  confirmedBy: z.optional(z.enum(CONFIRMATION_BASES)),
  startedOn: z.optional(isoDate),
  disclosedOn: isoDate,
  containedOn: z.optional(isoDate),
  resolvedOn: z.optional(isoDate),
  /**
   * The date of the newest information in the record (a source, a service change, a timeline
   * event): what makes an incident news. Not the day the file was edited; that is `reviewedOn`.
   */
  updatedOn: isoDate,
  /** The day a maintainer last checked the record claim by claim against its sources. */
  reviewedOn: z.optional(isoDate),
  summary: plainText(LIMITS.summary),
  services: z.array(serviceStatusSchema).check(z.maxLength(LIMITS.list)),
  dataExposed: z.array(dataExposedSchema).check(z.maxLength(LIMITS.list)),
  affected: z.array(affectedSchema).check(z.maxLength(LIMITS.list)),
  actors: z.array(actorSchema).check(z.maxLength(LIMITS.list)),
  authorities: z.array(shortText).check(z.maxLength(LIMITS.list)),
  advice: z.array(noteText).check(z.maxLength(LIMITS.list)),
  timeline: z.array(timelineEventSchema).check(z.maxLength(LIMITS.timeline)),
  related: z.array(relatedSchema).check(z.maxLength(LIMITS.list)),
  sources: z.array(sourceSchema).check(z.minLength(1), z.maxLength(LIMITS.sources)),
  disagreements: z.optional(z.array(disagreementSchema).check(z.maxLength(LIMITS.list))),
  provenance: z.array(provenanceSchema).check(z.minLength(1), z.maxLength(LIMITS.list)),
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
  version: z.string().check(z.maxLength(100)),
  /** The latest `updatedOn` in the data: what "Data as of" shows. Deterministic, unlike a wall clock. */
  dataAsOf: isoDate,
  /** SHA-256 of the canonical incidents JSON, hex. */
  contentHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  counts: z.strictObject({ incidents: z.int(), domains: z.int() }),
  incidents: z.array(incidentSchema),
});
export type Dataset = z.infer<typeof datasetSchema>;
