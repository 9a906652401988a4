import { statusLabel } from '@/data/labels';
import type { IncidentStatus } from '@/data/vocabulary';
import { useI18n } from './i18n';

/** Status by word and shape, not colour alone. */
const SHAPES: Record<IncidentStatus, string> = { claimed: '?', ongoing: '●', contained: '◐', resolved: '✓' };

export function StatusPill({ status }: { status: IncidentStatus }) {
  const tr = useI18n();
  return (
    <span class={`pill pill-${status}`}>
      <span aria-hidden="true">{SHAPES[status]} </span>
      {statusLabel(tr, status)}
    </span>
  );
}
