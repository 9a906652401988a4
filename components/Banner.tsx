import { useState } from 'preact/hooks';
import { formatDate } from '@/data/format';
import type { BannerIncident } from '@/data/site-report';
import { KIND_LABELS } from '@/data/vocabulary';
import { ServiceGrid } from './ServiceGrid';
import { SourceList } from './SourceList';
import { StatusPill } from './StatusPill';

export interface BannerProps {
  incidents: BannerIncident[];
  site: string;
  /**
   * False until the banner has been fully visible for a moment: Dismiss and Mute are then marked
   * disabled for assistive technology too. Defaults to true (previews, tests of the component).
   */
  armed?: boolean;
  /** A short message shown in the banner, e.g. why a click was ignored. */
  notice?: string;
  /** Receives the click event so the caller can refuse clicks the page synthesised. */
  onDismiss(event: MouseEvent): void;
  onMute(event: MouseEvent): void;
}

/**
 * The in-page warning: quiet, factual, and out of the way. Everything is rendered as text
 * (Preact escapes it); links are https only.
 */
export function Banner({ incidents, site, armed = true, notice = '', onDismiss, onMute }: BannerProps) {
  const [open, setOpen] = useState(false);
  const first = incidents[0];
  if (!first) return null;
  const organisation = first.organisation;
  return (
    <section class="banner" aria-label={`Caveat: security notice for ${organisation}`}>
      <header class="banner-head">
        <span class="brand" aria-hidden="true">⚠</span>
        <strong class="org">{organisation}</strong>
        <StatusPill status={first.status} />
      </header>
      {incidents.map((incident) => (
        <article key={incident.id} class="incident">
          <h2 class="title">{incident.title}</h2>
          <p class="meta">
            {KIND_LABELS[incident.kind]} · disclosed {formatDate(incident.disclosedOn)}
            {incident.revision !== incident.disclosedOn && <> · updated {formatDate(incident.revision)}</>}
          </p>
          <ServiceGrid services={incident.services} compact />
          {open && (
            <div class="details">
              <p>{incident.summary}</p>
              {incident.dataExposed.length > 0 && (
                <p>
                  <strong>Data: </strong>
                  {incident.dataExposed.map((d) => `${d.dataClass}${d.confirmed ? '' : ' (suspected)'}`).join(', ')}
                </p>
              )}
              {incident.advice.length > 0 && (
                <ul class="advice">
                  {incident.advice.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              )}
              <SourceList sources={incident.sources} />
            </div>
          )}
        </article>
      ))}
      <footer class="actions">
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide details' : 'Details'}
        </button>
        <button type="button" data-action="dismiss" aria-disabled={!armed} onClick={onDismiss}>
          Dismiss
        </button>
        <button type="button" data-action="mute" aria-disabled={!armed} onClick={onMute} title={`Never show this banner on ${site}`}>
          Mute this site
        </button>
      </footer>
      <p class="notice" role="status">
        {notice}
      </p>
    </section>
  );
}
