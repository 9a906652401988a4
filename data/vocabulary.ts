/**
 * The closed vocabularies of the incident model, with the words the UI uses for them.
 * One place, so the schema, the validator, search facets and the banner agree.
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
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const KIND_LABELS: Record<IncidentKind, string> = {
  ransomware: 'Ransomware',
  'data-breach': 'Data breach',
  'attempted-intrusion': 'Attempted intrusion',
  'credential-stuffing': 'Credential stuffing',
  'payment-skimming': 'Payment skimming',
  'supplier-incident': 'Supplier incident',
  outage: 'IT outage',
  extortion: 'Extortion',
};

/**
 * `claimed` is a criminal group's claim that nobody has confirmed: it is never shown as a breach.
 * The other three are the life of a confirmed incident.
 */
export const INCIDENT_STATUSES = ['claimed', 'ongoing', 'contained', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  claimed: 'Unconfirmed claim',
  ongoing: 'Ongoing',
  contained: 'Contained',
  resolved: 'Resolved',
};

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

export const SERVICE_LABELS: Record<ServiceKey, string> = {
  'online-orders': 'Online orders',
  'click-and-collect': 'Click & collect',
  'home-delivery': 'Home delivery',
  'in-store': 'Stores',
  'contactless-payments': 'Contactless payments',
  'card-payments': 'Card payments',
  'gift-cards': 'Gift cards',
  loyalty: 'Loyalty scheme',
  app: 'App',
  website: 'Website',
  'customer-accounts': 'Customer accounts',
  'call-centre': 'Call centre',
  'back-office': 'Back office',
  pharmacy: 'Pharmacy',
  'quick-commerce': 'Quick commerce',
  'funeral-services': 'Funeral services',
  returns: 'Returns',
  'stock-availability': 'Stock availability',
  'financial-services': 'Financial services',
  insurance: 'Insurance',
  'legal-services': 'Legal services',
};

export const SERVICE_STATES = ['suspended', 'degraded', 'unaffected', 'restored'] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

/** How a state reads next to a service; "Stores: trading as usual" reads better than "unaffected". */
export const SERVICE_STATE_LABELS: Record<ServiceState, string> = {
  suspended: 'suspended',
  degraded: 'disrupted',
  unaffected: 'working as usual',
  restored: 'restored',
};

export const ACTOR_BASES = ['confirmed', 'reported', 'claimed'] as const;
export type ActorBasis = (typeof ACTOR_BASES)[number];

export const RELATIONS = ['same-actor', 'supplier', 'same-incident', 'follow-up', 'same-organisation'] as const;
export type Relation = (typeof RELATIONS)[number];

/** Where an incident came from; `curated` is hand-written and reviewed, and never overwritten by an import. */
export const PROVENANCE_SOURCES = ['curated', 'hibp', 'ransomware', 'notices', 'prc', 'wikipedia'] as const;
export type ProvenanceSource = (typeof PROVENANCE_SOURCES)[number];
