import { formatDate } from './i18n/format';
import { serviceLabel, serviceStateLabel } from './i18n/labels';
import type { Incident } from '@/core/model/schema';
import { useI18n } from './i18n/context';

/** What happened after the revision the user dismissed: new service states and timeline events, up to today. */
export function changesSince(incident: Incident, since: string, today: string): { date: string; text: string; service?: Incident['services'][number] }[] {
  const after = (date: string) => date > since && date <= today;
  return [
    ...incident.services.filter((s) => after(s.since)).map((s) => ({ date: s.since, text: '', service: s })),
    ...incident.timeline.filter((t) => after(t.date)).map((t) => ({ date: t.date, text: t.event })),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

export function ChangesSince({ incident, since, today }: { incident: Incident; since: string; today: string }) {
  const tr = useI18n();
  const changes = changesSince(incident, since, today);
  if (changes.length === 0) return null;
  return (
    <section class="changes-since">
      <h4>{tr.t('changedSince')}</h4>
      <ul>
        {changes.map((c) => (
          <li key={`${c.date}${c.text}${c.service?.service ?? ''}`}>
            <time dateTime={c.date}>{formatDate(c.date, tr.locale)}</time>{' '}
            {c.service ? `${serviceLabel(tr, c.service.service)}: ${serviceStateLabel(tr, c.service.state)}` : c.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
