/**
 * The closed vocabularies of the incident model. One place, so the schema, the validator, search
 * facets and the banner agree. The words for them live in the locale files (data/labels.ts).
 */

/**
 * `cyberattack` is an attack whose nature the sources do not state (malware, "unauthorised
 * access"): never guess ransomware from an outage.
 */
export const INCIDENT_KINDS = [
  'ransomware',
  'data-breach',
  'attempted-intrusion',
  'credential-stuffing',
  'payment-skimming',
  'supplier-incident',
  'outage',
  'extortion',
  'cyberattack',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];


/**
 * `claimed` is a criminal group's claim that nobody has confirmed: it is never shown as a breach.
 * The other three are the life of a confirmed incident.
 */
export const INCIDENT_STATUSES = ['claimed', 'ongoing', 'contained', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * Who confirmed that the incident happened: the organisation itself (a statement, a notice to
 * customers, a filing), a regulator (a published breach notice, an enforcement decision), or
 * reliable reporting (established news outlets, HIBP's verified breach data). A leak-site claim
 * has none of these: its status is `claimed` and it carries no `confirmedBy`.
 */
export const CONFIRMATION_BASES = ['organisation', 'regulator', 'reporting'] as const;
export type ConfirmationBasis = (typeof CONFIRMATION_BASES)[number];


export const SERVICE_KEYS = [
  'online-orders',
  'click-and-collect',
  'home-delivery',
  'in-store',
  'contactless-payments',
  'card-payments',
  'gift-cards',
  'loyalty',
  'app',
  'website',
  'customer-accounts',
  'call-centre',
  'back-office',
  'pharmacy',
  'quick-commerce',
  'funeral-services',
  'returns',
  'stock-availability',
  'financial-services',
  'insurance',
  'legal-services',
] as const;
export type ServiceKey = (typeof SERVICE_KEYS)[number];


export const SERVICE_STATES = ['suspended', 'degraded', 'unaffected', 'restored'] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];


export const ACTOR_BASES = ['confirmed', 'reported', 'claimed'] as const;
export type ActorBasis = (typeof ACTOR_BASES)[number];

export const RELATIONS = ['same-actor', 'supplier', 'same-incident', 'follow-up', 'same-organisation'] as const;
export type Relation = (typeof RELATIONS)[number];

/** Where an incident came from; `curated` is hand-written and reviewed, and never overwritten by an import. */
export const PROVENANCE_SOURCES = ['curated', 'hibp', 'ransomware', 'notices', 'prc', 'wikipedia'] as const;
export type ProvenanceSource = (typeof PROVENANCE_SOURCES)[number];
