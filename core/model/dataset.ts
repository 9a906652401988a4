/**
 * Building the dataset file the extension ships: validated incidents in a stable order and
 * format, so a data change reviews as a small diff and the same input always gives the same bytes.
 */
import { compareIncidents } from './incident-order';
import { DATASET_FORMAT, incidentSchema, type Dataset, type Incident } from './schema';
import { sha256Hex } from './sha256';

// In its own module so the popup can sort without loading the schema (and the public suffix list).
export { compareIncidents } from './incident-order';

/**
 * Re-parses through the schema so keys come out in schema order whatever order the file had,
 * and optional fields that are absent stay absent.
 */
export function canonicalIncident(incident: Incident): Incident {
  return incidentSchema.parse(incident);
}

export async function buildDataset(incidents: Incident[]): Promise<Dataset> {
  const ordered = incidents.map(canonicalIncident).sort(compareIncidents);
  const contentHash = await sha256Hex(JSON.stringify(ordered));
  const dataAsOf = ordered.reduce((latest, i) => (i.updatedOn > latest ? i.updatedOn : latest), '1990-01-01');
  const domains = new Set(ordered.flatMap((i) => i.domains));
  return {
    format: DATASET_FORMAT,
    version: `${dataAsOf.replaceAll('-', '.')}-${contentHash.slice(0, 8)}`,
    dataAsOf,
    contentHash,
    counts: { incidents: ordered.length, domains: domains.size },
    incidents: ordered,
  };
}

/** One incident per line: small diffs, and still valid JSON. */
export function serialiseDataset(dataset: Dataset): string {
  const { incidents, ...header } = dataset;
  const head = JSON.stringify(header).slice(0, -1);
  const body = incidents.map((i) => JSON.stringify(i)).join(',\n');
  return `${head},"incidents":[\n${body}\n]}\n`;
}

export function serialiseIncidentFile(incident: Incident): string {
  return `${JSON.stringify(canonicalIncident(incident), null, 2)}\n`;
}
