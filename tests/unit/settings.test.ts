import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readUserState, recordDismissals, resetDismissals, setSiteMuted, updateSettings } from '../../core/storage/settings';
import { memoryArea } from './helpers/incident';

describe('user settings', () => {
  it('defaults when nothing is stored', async () => {
    expect(await readUserState(memoryArea())).toEqual({ settings: DEFAULT_SETTINGS, mutedSites: [], dismissals: {} });
  });

  it('a damaged value falls back to its default and is not overwritten by reading', async () => {
    const area = memoryArea({ settings: { alertWindowDays: 'lots', bannerEnabled: false }, mutedSites: 'x' });
    const state = await readUserState(area);
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
    expect(state.mutedSites).toEqual([]);
    expect(area.data.get('mutedSites')).toBe('x');
  });

  it('a valid change is saved; an invalid one throws and changes nothing', async () => {
    const area = memoryArea();
    await updateSettings(area, { alertWindowDays: 30 });
    await expect(updateSettings(area, { alertWindowDays: 0 })).rejects.toThrow();
    await expect(updateSettings(area, { todayOverride: 'yesterday' })).rejects.toThrow();
    expect((await readUserState(area)).settings.alertWindowDays).toBe(30);
  });

  it('mutes are a sorted set; dismissals accumulate and reset', async () => {
    const area = memoryArea();
    await setSiteMuted(area, 'b.com', true);
    await setSiteMuted(area, 'a.com', true);
    await setSiteMuted(area, 'a.com', true);
    expect((await readUserState(area)).mutedSites).toEqual(['a.com', 'b.com']);
    await recordDismissals(area, 'a.com', { x: '2025-01-01' });
    await recordDismissals(area, 'b.com', { y: '2025-02-01' });
    expect(Object.keys((await readUserState(area)).dismissals)).toEqual(['a.com x', 'b.com y']);
    await resetDismissals(area);
    const after = await readUserState(area);
    expect(after.dismissals).toEqual({});
    expect(after.mutedSites).toEqual(['a.com', 'b.com']); // resetting dismissals leaves mutes alone
  });
});
