import { useState } from 'preact/hooks';
import { correctionUrl } from '@/core/model/corrections';
import { formatDate, formatDateWithAgo } from './i18n/format';
import { actorBasisLabel, kindLabel, relationLabel } from './i18n/labels';
import { servicesAsOf, statusAsOf } from '@/core/model/incident-state';
import type { Incident } from '@/core/model/schema';
import { useI18n } from './i18n/context';
import { ServiceGrid } from './ServiceGrid';
import { SourceList } from './SourceList';
import { StatusPill } from './StatusPill';
import { ChangesSince } from './ChangesSince';

export interface IncidentCardProps {
  incident: Incident;
  today: string;
  datasetVersion: string;
  /** Collapsed cards show the headline and open on demand (search results). */
  collapsed?: boolean;
  /** Set for the current site's incidents: which hostname matched which dataset domain. */
  match?: { hostname: string; domain: string };
  /** The revision the user dismissed on this site, to show what changed since. */
  dismissedRevision?: string;
  /** Titles of related incidents, looked up by id. */
  lookup(id: string): Incident | undefined;
  onShowIncident(id: string): void;
}

export function IncidentCard(props: IncidentCardProps) {
  const { incident, today, collapsed = false } = props;
  const tr = useI18n();
  // A collapsed card builds its body only once opened: a search lists up to 50 of them per keystroke.
  const [opened, setOpened] = useState(!collapsed);
  const status = statusAsOf(incident, today);
  const headline = (
    <>
      <span class="card-title">{incident.title}</span>
      <span class="card-sub">
        {incident.organisation} · <StatusPill status={status} /> · {kindLabel(tr, incident.kind)} · {formatDateWithAgo(incident.disclosedOn, today, tr)}
      </span>
    </>
  );
  // In a search result the card has no heading of its own (its summary is the toggle), so its
  // sections sit one level below the search heading; in an article they sit below the card's h3.
  const body = <IncidentDetails {...props} Subheading={collapsed ? 'h3' : 'h4'} />;
  if (collapsed) {
    return (
      <details class="card" data-incident={incident.id} onToggle={(e) => setOpened(e.currentTarget.open)}>
        <summary>{headline}</summary>
        {opened && body}
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

function IncidentDetails({ incident, today, datasetVersion, match, dismissedRevision, lookup, onShowIncident, Subheading }: IncidentCardProps & { Subheading: 'h3' | 'h4' }) {
  const tr = useI18n();
  const services = servicesAsOf(incident, today);
  const timeline = incident.timeline.filter((t) => t.date <= today);
  const related = incident.related.map((r) => ({ ...r, incident: lookup(r.id) })).filter((r) => r.incident);
  return (
    <div class="card-body">
      {dismissedRevision && <ChangesSince incident={incident} since={dismissedRevision} today={today} />}
      <p>{incident.summary}</p>
      {services.length > 0 && (
        <section>
          <Subheading class="section-heading">{tr.t('servicesHeading')}</Subheading>
          <ServiceGrid services={services} />
        </section>
      )}
      {incident.dataExposed.length > 0 && (
        <section>
          <Subheading class="section-heading">{tr.t('dataExposedHeading')}</Subheading>
          <ul class="data">
            {incident.dataExposed.map((d) => (
              <li key={d.dataClass}>
                {d.dataClass} <span class="muted">({tr.t(d.confirmed ? 'confirmed' : 'suspected')})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {incident.affected.length > 0 && (
        <p>
          <strong>{tr.t('affectedLabel')} </strong>
          {incident.affected.map((a) => `${tr.number(a.count)} ${a.who}${a.confirmed ? '' : ` ${tr.t('affectedReported')}`}`).join('; ')}
        </p>
      )}
      {incident.advice.length > 0 && (
        <section>
          <Subheading class="section-heading">{tr.t('adviceHeading')}</Subheading>
          <ul>
            {incident.advice.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </section>
      )}
      <details class="more">
        <summary>{tr.t('moreDetails')}</summary>
        {match && <p class="why">{tr.t('matchedBecause', { host: match.hostname, domain: match.domain })}</p>}
        {incident.actors.length > 0 && (
          <p>
            <strong>{tr.t('actorsLabel')} </strong>
            {incident.actors.map((a) => `${a.name} (${actorBasisLabel(tr, a.basis)})`).join(', ')}
          </p>
        )}
        {incident.authorities.length > 0 && (
          <p>
            <strong>{tr.t('authoritiesLabel')} </strong>
            {incident.authorities.join(', ')}
          </p>
        )}
        {timeline.length > 0 && (
          <section>
            <Subheading class="section-heading">{tr.t('timelineHeading')}</Subheading>
            <ol class="timeline">
              {timeline.map((t) => (
                <li key={`${t.date} ${t.event}`}>
                  <time dateTime={t.date}>{formatDate(t.date, tr.locale)}</time> {t.event}
                </li>
              ))}
            </ol>
          </section>
        )}
        {related.length > 0 && (
          <section>
            <Subheading class="section-heading">{tr.t('relatedHeading')}</Subheading>
            <ul class="related">
              {related.map((r) => (
                <li key={r.id}>
                  <button type="button" class="link" onClick={() => onShowIncident(r.id)}>
                    {tr.t('relatedItem', { title: `${r.incident!.organisation}: ${r.incident!.title}`, relation: relationLabel(tr, r.relation) })}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section>
          <Subheading class="section-heading">{tr.t('sourcesHeading')}</Subheading>
          <SourceList sources={incident.sources} />
        </section>
        <p>
          <a href={correctionUrl(incident, datasetVersion)} target="_blank" rel="noopener noreferrer">
            {tr.t('reportCorrection')}
          </a>
        </p>
      </details>
    </div>
  );
}
