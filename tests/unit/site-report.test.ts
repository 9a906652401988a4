import { describe, expect, it } from 'vitest';
import { buildSiteReport } from '../../core/alerts/site-report';
import { DEFAULT_SETTINGS, dismissalKey, type UserState } from '../../core/storage/settings';
import { makeIncident } from './helpers/incident';

const state = (change: Partial<UserState> = {}): UserState => ({ settings: DEFAULT_SETTINGS, mutedSites: [], dismissals: {}, ...change });
const ongoing = makeIncident();
const old = makeIncident({ id: 'example-shop-2014-01', disclosedOn: '2014-01-10', startedOn: undefined, resolvedOn: '2014-06-01', updatedOn: '2014-06-01', services: [], timeline: [] });

describe('what Caveat says about a site on a day', () => {
  it('no incidents: empty badge, no banner', () => {
    const report = buildSiteReport('www.other.com', [], state(), '2025-05-02');
    expect(report.badge).toEqual({ text: '', tone: 'none' });
    expect(report.banner).toEqual([]);
  });

  it('an ongoing incident: coloured badge and a banner; history counts on the badge only', () => {
    const report = buildSiteReport('www.exampleshop.co.uk', [old, ongoing], state(), '2025-05-02');
    expect(report.site).toBe('exampleshop.co.uk');
    expect(report.badge).toEqual({ text: '2', tone: 'alert' });
    expect(report.banner.map((b) => b.id)).toEqual(['example-shop-2025-04']);
    expect(report.incidents.map((i) => i.id)).toEqual(['example-shop-2025-04', 'example-shop-2014-01']);
    expect(report.banner[0]!.services.map((s) => `${s.service}:${s.state}`)).toEqual(['online-orders:suspended', 'in-store:unaffected']);
  });

  it('only history: grey badge, no banner', () => {
    const report = buildSiteReport('exampleshop.co.uk', [old], state(), '2025-05-02');
    expect(report.badge).toEqual({ text: '1', tone: 'history' });
    expect(report.banner).toEqual([]);
  });

  it('an incident not yet disclosed on that day does not exist yet', () => {
    expect(buildSiteReport('exampleshop.co.uk', [ongoing], state(), '2025-04-01').badge.text).toBe('');
  });

  it('a dismissal hides the banner until the incident changes', () => {
    const dismissed = state({ dismissals: { [dismissalKey('exampleshop.co.uk', ongoing.id)]: '2025-04-25' } });
    expect(buildSiteReport('exampleshop.co.uk', [ongoing], dismissed, '2025-05-02').banner).toEqual([]);
    // On 13 May the timeline gains an event: a new revision, so the banner returns.
    expect(buildSiteReport('exampleshop.co.uk', [ongoing], dismissed, '2025-05-13').banner.map((b) => b.id)).toEqual([ongoing.id]);
    // A dismissal on one site does not hide it on another.
    expect(buildSiteReport('exampleshop.com', [ongoing], dismissed, '2025-05-02').banner).toHaveLength(1);
  });

  it('a muted site never gets a banner, whatever changes; the badge stays', () => {
    const muted = state({ mutedSites: ['exampleshop.co.uk'] });
    for (const day of ['2025-05-02', '2025-05-13', '2025-06-10']) {
      const report = buildSiteReport('shop.exampleshop.co.uk', [ongoing], muted, day);
      expect(report.banner).toEqual([]);
      expect(report.badge.text).toBe('1');
      expect(report.muted).toBe(true);
    }
  });

  it('banner off: badge only', () => {
    const off = state({ settings: { ...DEFAULT_SETTINGS, bannerEnabled: false } });
    const report = buildSiteReport('exampleshop.co.uk', [ongoing], off, '2025-05-02');
    expect(report.banner).toEqual([]);
    expect(report.badge.tone).toBe('alert');
  });

  it('the alert window decides when a finished incident stops being news', () => {
    const narrow = state({ settings: { ...DEFAULT_SETTINGS, alertWindowDays: 30 } });
    expect(buildSiteReport('exampleshop.co.uk', [ongoing], narrow, '2025-07-10').banner).toHaveLength(1);
    expect(buildSiteReport('exampleshop.co.uk', [ongoing], narrow, '2025-07-11').banner).toHaveLength(0);
    expect(buildSiteReport('exampleshop.co.uk', [ongoing], narrow, '2025-07-11').badge.tone).toBe('history');
  });
});
