import { statusLabel } from './i18n/labels';
import type { IncidentStatus } from '@/core/model/vocabulary';
import { useI18n } from './i18n/context';

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
