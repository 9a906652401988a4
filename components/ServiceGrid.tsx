import { formatDate } from './i18n/format';
import { serviceLabel, serviceStateLabel } from './i18n/labels';
import type { ServiceStatus } from '@/core/model/schema';
import type { ServiceState } from '@/core/model/vocabulary';
import { useI18n } from './i18n/context';

const SHAPES: Record<ServiceState, string> = { suspended: '✕', degraded: '!', unaffected: '✓', restored: '↺' };
/** Worst first: what is down matters more than what works. */
const ORDER: Record<ServiceState, number> = { suspended: 0, degraded: 1, restored: 2, unaffected: 3 };

export function sortServices(services: ServiceStatus[]): ServiceStatus[] {
  return [...services].sort((a, b) => ORDER[a.state] - ORDER[b.state]);
}

/** "Click & collect: suspended since 25 Apr 2025": the state of each service the shopper came for. */
export function ServiceGrid({ services, compact = false }: { services: ServiceStatus[]; compact?: boolean }) {
  const tr = useI18n();
  if (services.length === 0) return null;
  return (
    <ul class="services" aria-label={tr.t('servicesHeading')}>
      {sortServices(services).map((s) => (
        <li key={s.service} class={`service service-${s.state}`}>
          <span class="service-shape" aria-hidden="true">
            {SHAPES[s.state]}
          </span>
          <span class="service-name">{serviceLabel(tr, s.service)}:</span> <span class="service-state">{serviceStateLabel(tr, s.state)}</span>
          {s.state !== 'unaffected' && <span class="service-since"> {tr.t('serviceSince', { date: formatDate(s.since, tr.locale) })}</span>}
          {!compact && s.note && <span class="service-note"> — {s.note}</span>}
        </li>
      ))}
    </ul>
  );
}
