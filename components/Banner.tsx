import { useEffect, useState } from 'preact/hooks';
import { formatDate } from './i18n/format';
import { kindLabel } from './i18n/labels';
import type { BannerIncident } from '@/core/alerts/site-report';
import { useI18n } from './i18n/context';
import { ServiceGrid } from './ServiceGrid';
import { SourceList } from './SourceList';
import { StatusPill } from './StatusPill';

export interface BannerProps {
  incidents: BannerIncident[];
  site: string;
  /** The page's hostname, for "Why am I seeing this?". */
  hostname: string;
  /**
   * False until the banner has been fully visible for a moment: Dismiss and Mute are then marked
   * disabled for assistive technology too. Defaults to true (previews, tests of the component).
   */
  armed?: boolean;
  /** A short message shown in the banner, e.g. why a click was ignored. */
  notice?: string;
  /** Receives the event so the caller can refuse clicks (and keys) the page synthesised. */
  onDismiss(event: MouseEvent | KeyboardEvent): void;
  onMute(event: MouseEvent): void;
}

/** At most this many incidents in full; the rest are one line away in the popup. */
const SHOWN = 2;

/**
 * The in-page warning: quiet, factual, out of the way, and never taking focus. It can shrink to
 * a chip; Esc dismisses it while focus is inside. Everything is rendered as text (Preact escapes
 * it); links are https only. The action buttons stay mounted when minimised (only hidden), so the
 * visibility checks that guard them keep watching the same elements.
 */
export function Banner({ incidents, site, hostname, armed = true, notice = '', onDismiss, onMute }: BannerProps) {
  const tr = useI18n();
  const [open, setOpen] = useState(false);
  const [why, setWhy] = useState(false);
  const [minimised, setMinimised] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const first = incidents[0];
  // Filled after the first paint, so screen readers announce it once, politely.
  useEffect(() => {
    if (first) setAnnouncement(tr.t('bannerAnnounce', { org: first.organisation, title: first.title }));
  }, []);
  if (!first) return null;
  const organisation = first.organisation;
  const shown = incidents.slice(0, SHOWN);
  const hiddenCount = incidents.length - shown.length;
  return (
    <section
      class={minimised ? 'banner minimised' : 'banner'}
      aria-label={tr.t('bannerLabel', { org: organisation })}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDismiss(e);
      }}
    >
      <p class="visually-hidden" role="status">
        {announcement}
      </p>
      <button type="button" class="chip" hidden={!minimised} aria-expanded={false} onClick={() => setMinimised(false)}>
        <span aria-hidden="true">⚠ </span>
        {tr.plural('chipLabel', incidents.length, { org: organisation })}
      </button>
      <div class="panel" hidden={minimised}>
        <header class="banner-head">
          <span class="brand" aria-hidden="true">
            ⚠
          </span>
          <strong class="org">{organisation}</strong>
          <StatusPill status={first.status} />
          <button type="button" class="minimise" aria-label={tr.t('minimise')} title={tr.t('minimise')} onClick={() => setMinimised(true)}>
            <span aria-hidden="true">–</span>
          </button>
        </header>
        {shown.map((incident) => (
          <article key={incident.id} class="incident">
            <h2 class="title">{incident.title}</h2>
            <p class="meta">
              {kindLabel(tr, incident.kind)} · {tr.t('bannerDisclosed', { date: formatDate(incident.disclosedOn, tr.locale) })}
              {incident.revision !== incident.disclosedOn && <> · {tr.t('bannerUpdated', { date: formatDate(incident.revision, tr.locale) })}</>}
            </p>
            <ServiceGrid services={incident.services} compact />
            {open && (
              <div class="details">
                <p>{incident.summary}</p>
                {incident.dataExposed.length > 0 && (
                  <p>
                    <strong>{tr.t('dataLabel')} </strong>
                    {incident.dataExposed.map((d) => (d.confirmed ? d.dataClass : `${d.dataClass} (${tr.t('suspected')})`)).join(', ')}
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
            {why && <p class="why">{tr.t('whyShownText', { host: hostname, domain: incident.matchedDomain, org: incident.organisation })}</p>}
          </article>
        ))}
        {hiddenCount > 0 && <p class="more">{tr.plural('moreNotices', hiddenCount)}</p>}
        <footer class="actions">
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? tr.t('hideDetails') : tr.t('details')}
          </button>
          <button type="button" aria-expanded={why} onClick={() => setWhy(!why)}>
            {tr.t('whyShown')}
          </button>
          <button type="button" data-action="dismiss" aria-disabled={!armed} onClick={onDismiss}>
            {tr.t('dismiss')}
          </button>
          <button type="button" data-action="mute" aria-disabled={!armed} onClick={onMute} title={tr.t('muteSiteTitle', { site })}>
            {tr.t('muteSite')}
          </button>
        </footer>
        <p class="notice" role="status">
          {notice}
        </p>
      </div>
    </section>
  );
}
