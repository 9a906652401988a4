/**
 * "Report a correction": a link that opens a prefilled issue in the project's tracker. Caveat
 * sends nothing itself; the user sees and submits (or abandons) the form.
 */
import type { Incident } from './schema';

/** The project's public issue tracker. */
export const ISSUE_TRACKER = 'https://github.com/caveat-extension/caveat/issues/new';

export function correctionUrl(incident: Pick<Incident, 'id' | 'title' | 'organisation' | 'updatedOn'>, datasetVersion: string): string {
  const url = new URL(ISSUE_TRACKER);
  url.searchParams.set('title', `Correction: ${incident.organisation} — ${incident.title}`.slice(0, 200));
  url.searchParams.set(
    'body',
    [`Incident: ${incident.id} (updated ${incident.updatedOn})`, `Dataset: ${datasetVersion}`, '', 'What is wrong, and a public source that shows it:', ''].join('\n'),
  );
  url.searchParams.set('labels', 'data-correction');
  return url.href;
}
