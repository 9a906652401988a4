/**
 * What Caveat decided for the page a tab shows: whether it put a banner there. Recorded after the
 * badge, the badge's title and the banner (if any) are all in place, so "decided" means Caveat
 * is done with that page. Kept in the browser's session storage (memory only, the extension's
 * own pages can read it, web pages cannot), one key per tab, removed with the tab: the browser
 * tests wait for it before they conclude "no banner", and it costs a page nothing.
 */
export interface NavigationDecision {
  /** The page the decision is about: a decision for another URL is not about what the tab shows now. */
  url: string;
  /** "shown": the banner is on the page; "none": nothing to show (no match, no news, muted, dismissed, banner off). */
  banner: 'shown' | 'none';
}

/** Session-storage keys are this prefix and the tab's id. */
export const DECISION_KEY_PREFIX = 'decision:';

export function decisionKey(tabId: number): string {
  return `${DECISION_KEY_PREFIX}${tabId}`;
}
