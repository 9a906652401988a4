import { describe, expect, it } from 'vitest';
import { dataAgeDays, isStale, STALE_AFTER_DAYS } from '../../core/update/freshness';

describe('how old the data is', () => {
  it.each([
    ['2026-08-21', '2026-08-21', 0, false],
    ['2026-08-21', '2026-08-22', 1, false],
    ['2026-08-21', '2026-09-20', 30, false],
    ['2026-08-21', '2026-09-21', 31, true],
    ['2026-08', '2026-09-01', 31, true],
    // A review day before the data date (the popup's time travel): new, not negative.
    ['2026-08-21', '2025-05-02', 0, false],
  ])('data of %s on %s: %i days old, stale %s', (dataAsOf, today, age, stale) => {
    expect(dataAgeDays(dataAsOf, today)).toBe(age);
    expect(isStale(dataAsOf, today)).toBe(stale);
  });

  it('warns past a month', () => {
    expect(STALE_AFTER_DAYS).toBe(30);
  });
});
