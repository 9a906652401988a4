import { STATUS_LABELS, type IncidentStatus } from '@/data/vocabulary';

/** Status by word and shape, not colour alone. */
const SHAPES: Record<IncidentStatus, string> = { claimed: '?', ongoing: '●', contained: '◐', resolved: '✓' };

export function StatusPill({ status }: { status: IncidentStatus }) {
  return (
    <span class={`pill pill-${status}`}>
      <span aria-hidden="true">{SHAPES[status]} </span>
      {STATUS_LABELS[status]}
    </span>
  );
}
