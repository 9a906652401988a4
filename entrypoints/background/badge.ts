import { browser } from 'wxt/browser';
import type { Translator } from '@/components/i18n/translator';
import type { SiteReport } from '@/core/alerts/site-report';

/** Coloured when something is news, grey when there is only history. Colour is never the only signal: the count and the title say it too. */
const COLOURS = { alert: '#B45309', history: '#6B7280', none: '#6B7280' } as const;

export async function applyBadge(tabId: number, report: SiteReport | null, withTitle: boolean, tr: Translator): Promise<void> {
  const badge = report?.badge ?? { text: '', tone: 'none' as const };
  // [hardening, issue 6] Firefox's MV2 build has browserAction, not action (tests/firefox/ caught the missing badge).
  const action = browser.action ?? browser.browserAction;
  await Promise.all([
    action.setBadgeText({ tabId, text: badge.text }),
    action.setBadgeBackgroundColor({ tabId, color: COLOURS[badge.tone] }),
    withTitle && action.setTitle({ tabId, title: titleFor(report, tr) }),
  ]);
}

export function titleFor(report: SiteReport | null, tr: Translator): string {
  if (!report || report.incidents.length === 0) return tr.t('badgeNone');
  const title = tr.plural('badgeCount', report.incidents.length, { site: report.site });
  return report.badge.tone === 'alert' ? tr.t('badgeNews', { title }) : title;
}
