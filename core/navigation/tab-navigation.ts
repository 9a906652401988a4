/**
 * What the background does when a tab's top-level page changes. The browser's calls are passed in
 * (entrypoints/background/navigation.ts wires the real ones), so the order of things and the
 * guards are tested in Node (tests/unit/tab-navigation.test.ts).
 *
 * - commit: the badge, as soon as the page commits (no title yet: Caveat has not decided).
 * - DOMContentLoaded ("ready"): the banner if the site has news, then the badge's title, then the
 *   decision record (decision.ts), which therefore means Caveat is done with that page.
 * - history-state updates and changes to the user's settings: badge and title again, no banner.
 * The report made at commit serves the same navigation's DOMContentLoaded: one lookup per page.
 */
import type { SiteReport } from '../alerts/site-report';
import type { NavigationDecision } from './decision';

export interface NavigationDeps {
  /** What Caveat says about a page; null when the page can never match (not http(s), an IP…). */
  report(url: string): Promise<SiteReport | null>;
  /** The URL the tab shows now; undefined when the tab is gone or its URL cannot be read. */
  currentUrl(tabId: number): Promise<string | undefined>;
  /** Puts the banner into the tab's top frame; true once it shows, false if it found nothing to show after all. */
  showBanner(tabId: number): Promise<boolean>;
  setBadge(tabId: number, report: SiteReport | null, withTitle: boolean): Promise<void>;
  recordDecision(tabId: number, decision: NavigationDecision): Promise<void>;
  forgetDecision(tabId: number): Promise<void>;
}

export interface TabNavigation {
  committed(tabId: number, url: string): Promise<void>;
  contentLoaded(tabId: number, url: string): Promise<void>;
  /** A history-state update (pushState) or a change of the user's settings: badge and title, no banner. */
  refreshed(tabId: number, url: string): Promise<void>;
  closed(tabId: number): Promise<void>;
}

type Phase = 'commit' | 'ready' | 'refresh';

export function createTabNavigation(deps: NavigationDeps): TabNavigation {
  const atCommit = new Map<number, { url: string; report: Promise<SiteReport | null> }>();

  async function handle(tabId: number, url: string, phase: Phase): Promise<void> {
    const early = atCommit.get(tabId);
    const pending = phase === 'ready' && early?.url === url ? early.report : deps.report(url);
    if (phase === 'commit') atCommit.set(tabId, { url, report: pending });
    else if (phase === 'ready') atCommit.delete(tabId);
    const report = await pending;
    // [hardening, issue 6] Events queue up while the worker wakes: an answer about the page a tab
    // showed before (e.g. its initial about:blank) must not land on the page it shows now.
    // tests/e2e/faults.spec.ts ("20 tabs at once") caught exactly that.
    const now = await deps.currentUrl(tabId);
    if (now !== undefined && now !== url) return;
    if (phase !== 'ready') return deps.setBadge(tabId, report, phase === 'refresh');
    const shown = report !== null && report.banner.length > 0 && (await deps.showBanner(tabId));
    await deps.setBadge(tabId, report, true);
    await deps.recordDecision(tabId, { url, banner: shown ? 'shown' : 'none' });
  }

  return {
    committed: (tabId, url) => handle(tabId, url, 'commit'),
    contentLoaded: (tabId, url) => handle(tabId, url, 'ready'),
    refreshed: (tabId, url) => handle(tabId, url, 'refresh'),
    closed: (tabId) => {
      atCommit.delete(tabId);
      return deps.forgetDecision(tabId);
    },
  };
}
