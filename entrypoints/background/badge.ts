import { browser } from 'wxt/browser';
import type { SiteReport } from '@/data/site-report';

/** Coloured when something is news, grey when there is only history. Colour is never the only signal: the count and the title say it too. */
const COLOURS = { alert: '#B45309', history: '#6B7280', none: '#6B7280' } as const;

export async function applyBadge(tabId: number, report: SiteReport | null, withTitle: boolean): Promise<void> {
  const badge = report?.badge ?? { text: '', tone: 'none' as const };
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: badge.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: COLOURS[badge.tone] }),
    withTitle && browser.action.setTitle({ tabId, title: titleFor(report) }),
  ]);
}

function titleFor(report: SiteReport | null): string {
  if (!report || report.incidents.length === 0) return 'Caveat: no known incidents at this site';
  const n = report.incidents.length;
  const news = report.badge.tone === 'alert' ? ' — recent or ongoing' : '';
  return `Caveat: ${n} known incident${n === 1 ? '' : 's'} at ${report.site}${news}`;
}
