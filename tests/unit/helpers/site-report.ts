import type { SiteReport } from '../../../core/alerts/site-report';

export const MS = 'https://www.marksandspencer.com/';
export const BAKERY = 'https://www.example-bakery.test/';

/**
 * A stand-in for the background's report on a page, for tests of what happens around it: M&S
 * (any page under MS) has one incident with news, so a banner; any other https page has nothing;
 * anything else (chrome://, about:) can never match.
 */
export function fakeReport(url: string): SiteReport | null {
  if (!url.startsWith('https://')) return null;
  const news = url.startsWith(MS);
  return {
    hostname: new URL(url).hostname,
    site: new URL(url).hostname.replace(/^www\./, ''),
    muted: false,
    today: '2025-05-02',
    incidents: news ? [{ id: 'marks-and-spencer-2025-04' } as SiteReport['incidents'][number]] : [],
    badge: news ? { text: '1', tone: 'alert' } : { text: '', tone: 'none' },
    banner: news ? [{ id: 'marks-and-spencer-2025-04' } as SiteReport['banner'][number]] : [],
    dismissed: {},
  };
}
