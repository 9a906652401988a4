import { formatAgo, formatCount, formatDate } from '@/data/format';
import { servicesAsOf, statusAsOf } from '@/data/incident-state';
import type { Incident } from '@/data/schema';
import { KIND_LABELS } from '@/data/vocabulary';
import { ServiceGrid } from './ServiceGrid';
import { SourceList } from './SourceList';
import { StatusPill } from './StatusPill';

export interface IncidentCardProps {
  incident: Incident;
  today: string;
  /** Collapsed cards show the headline and open on demand (search results). */
  collapsed?: boolean;
}

export function IncidentCard({ incident, today, collapsed = false }: IncidentCardProps) {
  const status = statusAsOf(incident, today);
  const headline = (
    <>
      <span class="card-title">{incident.title}</span>
      <span class="card-sub">
        {incident.organisation} · <StatusPill status={status} /> · {KIND_LABELS[incident.kind]} · {formatDate(incident.disclosedOn)} ({formatAgo(incident.disclosedOn, today)})
      </span>
    </>
  );
  const body = <IncidentDetails incident={incident} today={today} />;
  if (collapsed) {
    return (
      <details class="card" data-incident={incident.id}>
        <summary>{headline}</summary>
        {body}
      </details>
    );
  }
  return (
    <article class="card" data-incident={incident.id} aria-label={incident.title}>
      <h3 class="card-head">{headline}</h3>
      {body}
    </article>
  );
}

function IncidentDetails({ incident, today }: { incident: Incident; today: string }) {
  const services = servicesAsOf(incident, today);
  const timeline = incident.timeline.filter((t) => t.date <= today);
  return (
    <div class="card-body">
      <p>{incident.summary}</p>
      {services.length > 0 && (
        <section>
          <h4>Services</h4>
          <ServiceGrid services={services} />
        </section>
      )}
      {incident.dataExposed.length > 0 && (
        <section>
          <h4>Data exposed</h4>
          <ul class="data">
            {incident.dataExposed.map((d) => (
              <li key={d.dataClass}>
                {d.dataClass} <span class="muted">({d.confirmed ? 'confirmed' : 'suspected'})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {incident.affected.length > 0 && (
        <p>
          <strong>Affected: </strong>
          {incident.affected.map((a) => `${formatCount(a.count)} ${a.who}${a.confirmed ? '' : ' (reported)'}`).join('; ')}
        </p>
      )}
      {incident.advice.length > 0 && (
        <section>
          <h4>What to do</h4>
          <ul>
            {incident.advice.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </section>
      )}
      <details class="more">
        <summary>Who, when and sources</summary>
        {incident.actors.length > 0 && (
          <p>
            <strong>Actors: </strong>
            {incident.actors.map((a) => `${a.name} (${a.basis})`).join(', ')}
          </p>
        )}
        {incident.authorities.length > 0 && (
          <p>
            <strong>Authorities: </strong>
            {incident.authorities.join(', ')}
          </p>
        )}
        {timeline.length > 0 && (
          <section>
            <h4>Timeline</h4>
            <ol class="timeline">
              {timeline.map((t) => (
                <li key={`${t.date} ${t.event}`}>
                  <time dateTime={t.date}>{formatDate(t.date)}</time> {t.event}
                </li>
              ))}
            </ol>
          </section>
        )}
        <section>
          <h4>Sources</h4>
          <SourceList sources={incident.sources} />
        </section>
      </details>
    </div>
  );
}
