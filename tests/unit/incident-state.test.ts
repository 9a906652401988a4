import { describe, expect, it } from 'vitest';
import { daysBetween, isAlerting, revisionAsOf, servicesAsOf, statusAsOf } from '../../core/model/incident-state';
import { makeIncident } from './helpers/incident';

const incident = makeIncident();

describe('an incident as it stood on a given day', () => {
  it.each([
    ['2025-04-22', 'ongoing'],
    ['2025-06-09', 'ongoing'],
    ['2025-06-10', 'resolved'],
    ['2026-11-28', 'resolved'],
  ] as const)('status on %s is %s', (today, status) => {
    expect(statusAsOf(incident, today)).toBe(status);
  });

  it('a contained date counts from that day', () => {
    const contained = makeIncident({ status: 'contained', containedOn: '2025-05-01', resolvedOn: undefined });
    expect(statusAsOf(contained, '2025-04-30')).toBe('ongoing');
    expect(statusAsOf(contained, '2025-05-01')).toBe('contained');
  });

  it('a claim stays a claim whatever the date', () => {
    expect(statusAsOf(makeIncident({ status: 'claimed', resolvedOn: undefined }), '2030-01-01')).toBe('claimed');
  });

  it.each([
    ['2025-04-24', [['in-store', 'unaffected']]],
    ['2025-05-01', [['online-orders', 'suspended'], ['in-store', 'unaffected']]],
    ['2025-07-01', [['online-orders', 'restored'], ['in-store', 'unaffected']]],
  ])('services on %s', (today, expected) => {
    expect(servicesAsOf(incident, today).map((s) => [s.service, s.state])).toEqual(expected);
  });

  it('the revision moves with each change a shopper could know about', () => {
    expect(revisionAsOf(incident, '2025-04-23')).toBe('2025-04-22');
    expect(revisionAsOf(incident, '2025-04-30')).toBe('2025-04-25');
    expect(revisionAsOf(incident, '2025-05-20')).toBe('2025-05-13');
    expect(revisionAsOf(incident, '2026-01-01')).toBe('2025-06-10');
  });

  it('alerts while ongoing, then for the alert window after its last change', () => {
    expect(isAlerting(incident, '2025-04-21', 180)).toBe(false); // not yet disclosed
    expect(isAlerting(incident, '2025-05-02', 1)).toBe(true); // ongoing
    expect(isAlerting(incident, '2025-12-07', 180)).toBe(true); // 180 days after 2025-06-10
    expect(isAlerting(incident, '2025-12-08', 180)).toBe(false);
    expect(daysBetween('2025-06-10', '2025-12-07')).toBe(180);
  });
});
