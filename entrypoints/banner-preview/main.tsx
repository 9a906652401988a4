/**
 * An extension page (never web-accessible) that renders the real banner component with real
 * incidents, for design review, screenshots and accessibility checks: the live banner sits in a
 * closed shadow root that such tools cannot enter. `?host=www.marksandspencer.com&today=2025-05-02`.
 */
import { render } from 'preact';
import { Banner } from '@/components/Banner';
import { BANNER_CSS } from '@/components/banner-styles';
import { I18n } from '@/components/i18n/context';
import { openDb } from '@/core/storage/db';
import { IncidentLookup } from '@/core/storage/incident-lookup';
import { isoToday } from '@/core/model/incident-state';
import { buildSiteReport } from '@/core/alerts/site-report';
import { DEFAULT_SETTINGS } from '@/core/storage/settings';
import { hostnameFromUrl } from '@/core/matching/matching';
import { browserTranslator } from '@/entrypoints/shared/translator';

async function main() {
  const params = new URLSearchParams(location.search);
  const hostname = hostnameFromUrl(`https://${params.get('host') ?? 'www.marksandspencer.com'}/`) ?? 'www.marksandspencer.com';
  const today = params.get('today') ?? isoToday();
  const matched = await new IncidentLookup(openDb()).incidentsFor(hostname);
  const report = buildSiteReport(hostname, matched, { settings: { ...DEFAULT_SETTINGS, alertWindowDays: 3650 }, mutedSites: [], dismissals: {} }, today);
  const tr = browserTranslator();
  document.documentElement.lang = tr.locale;
  const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = BANNER_CSS;
  const root = document.createElement('div');
  shadow.append(style, root);
  render(
    <I18n.Provider value={tr}>
      <Banner incidents={report.banner} site={report.site} hostname={hostname} onDismiss={() => undefined} onMute={() => undefined} />
    </I18n.Provider>,
    root,
  );
  document.body.dataset.ready = 'true';
}

void main();
