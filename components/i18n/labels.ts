/** The words the UI uses for the dataset's vocabularies, in the user's language. */
import { keyPart, type MessageKey, type Translator } from './translator';
import type { ActorBasis, IncidentKind, IncidentStatus, Relation, ServiceKey, ServiceState } from '@/core/model/vocabulary';

const key = (prefix: string, value: string) => `${prefix}_${keyPart(value)}` as MessageKey;

export const kindLabel = (tr: Translator, kind: IncidentKind) => tr.t(key('kind', kind));
export const statusLabel = (tr: Translator, status: IncidentStatus) => tr.t(key('status', status));
export const serviceLabel = (tr: Translator, service: ServiceKey) => tr.t(key('service', service));
export const serviceStateLabel = (tr: Translator, state: ServiceState) => tr.t(key('serviceState', state));
export const actorBasisLabel = (tr: Translator, basis: ActorBasis) => tr.t(key('actorBasis', basis));
export const relationLabel = (tr: Translator, relation: Relation) => tr.t(key('relation', relation));

/** A language's words for services and kinds, as the search index takes them. */
export const vocabularyWords = (tr: Translator) => ({ service: (key: ServiceKey) => serviceLabel(tr, key), kind: (key: IncidentKind) => kindLabel(tr, key) });
