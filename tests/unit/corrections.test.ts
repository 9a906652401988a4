import { describe, expect, it } from 'vitest';
import { correctionUrl, ISSUE_TRACKER } from '../../core/model/corrections';
import { makeIncident } from './helpers/incident';

describe('report a correction', () => {
  it('is a prefilled issue link naming the incident and dataset, and nothing else', () => {
    const url = new URL(correctionUrl(makeIncident(), '2026.11.28-abcdef12'));
    expect(`${url.origin}${url.pathname}`).toBe(ISSUE_TRACKER);
    expect(url.searchParams.get('title')).toBe('Correction: Example Shop plc — Ransomware attack pauses online orders');
    expect(url.searchParams.get('body')).toContain('Incident: example-shop-2025-04 (updated 2025-06-10)');
    expect(url.searchParams.get('body')).toContain('Dataset: 2026.11.28-abcdef12');
    expect([...url.searchParams.keys()].sort()).toEqual(['body', 'labels', 'title']);
  });
});
