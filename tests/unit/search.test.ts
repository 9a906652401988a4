import { describe, expect, it } from 'vitest';
import { foldText, SearchIndex } from '../../core/search/search';
import { makeIncident } from './helpers/incident';

const ms = makeIncident({
  id: 'marks-and-spencer-2025-04',
  organisation: 'Marks and Spencer Group plc',
  brands: ['M&S'],
  domains: ['marksandspencer.com'],
  services: [{ service: 'click-and-collect', state: 'suspended', since: '2025-04-25' }],
  actors: [{ name: 'Scattered Spider', basis: 'reported' }],
  disclosedOn: '2025-04-22',
});
const coop = makeIncident({
  id: 'co-op-2025-04',
  organisation: 'Co-op',
  brands: ['Co-op'],
  domains: ['coop.co.uk'],
  kind: 'data-breach',
  status: 'contained',
  containedOn: '2025-05-14',
  resolvedOn: undefined,
  disclosedOn: '2025-04-30',
  services: [{ service: 'funeral-services', state: 'unaffected', since: '2025-04-30' }],
  dataExposed: [{ dataClass: 'Names', confirmed: true }],
  actors: [],
});
const target = makeIncident({
  id: 'target-2013-12',
  organisation: 'Target Corporation',
  brands: ['Target'],
  domains: ['target.com'],
  kind: 'payment-skimming',
  disclosedOn: '2013-12-19',
  startedOn: '2013-11-27',
  resolvedOn: '2017-05-23',
  updatedOn: '2017-05-23',
  services: [],
  timeline: [],
  summary: 'Point-of-sale malware stole payment card data from stores.',
  dataExposed: [{ dataClass: 'Credit cards', confirmed: true }],
  actors: [],
});
const index = new SearchIndex([target, coop, ms], '2025-05-02');
const ids = (text: string, filters = {}) => index.search({ text, ...filters }).incidents.map((i) => i.id);

describe('search', () => {
  it('folds case, accents and "&"', () => {
    expect(foldText('Click & Collect — Café')).toBe(' click and collect cafe ');
  });

  it.each([
    ['click and collect', ['marks-and-spencer-2025-04']],
    ['Click & collect', ['marks-and-spencer-2025-04']],
    ['scattered spider', ['marks-and-spencer-2025-04']],
    ['M&S', ['marks-and-spencer-2025-04']],
    ['coop.co.uk', ['co-op-2025-04']],
    ['funeral', ['co-op-2025-04']],
    ['credit cards', ['target-2013-12']],
    ['point-of-sale', ['target-2013-12']],
    ['TARGET', ['target-2013-12']],
    ['nothing-like-this', []],
  ])('"%s" → %j', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('an empty query lists everything, newest first', () => {
    expect(ids('')).toEqual(['co-op-2025-04', 'marks-and-spencer-2025-04', 'target-2013-12']);
  });

  it('filters by service, status, kind, data class, actor, country and year', () => {
    expect(ids('', { status: 'ongoing' })).toEqual(['co-op-2025-04', 'marks-and-spencer-2025-04']);
    expect(ids('', { status: 'resolved' })).toEqual(['target-2013-12']);
    expect(ids('', { service: 'click-and-collect' })).toEqual(['marks-and-spencer-2025-04']);
    expect(ids('', { kind: 'payment-skimming' })).toEqual(['target-2013-12']);
    expect(ids('', { dataClass: 'Names' })).toEqual(['co-op-2025-04']);
    expect(ids('', { actor: 'Scattered Spider' })).toEqual(['marks-and-spencer-2025-04']);
    expect(ids('', { year: '2013' })).toEqual(['target-2013-12']);
    expect(ids('', { country: 'US' })).toEqual([]);
  });

  it('facet counts describe the current results', () => {
    const { facets, total } = index.search({ status: 'ongoing' });
    expect(total).toBe(2);
    expect(facets.status).toEqual({ ongoing: 2 });
    expect(facets.service).toEqual({ 'click-and-collect': 1, 'funeral-services': 1 });
  });

  it('limits what it returns but counts everything', () => {
    const result = index.search({}, 1);
    expect(result.incidents).toHaveLength(1);
    expect(result.total).toBe(3);
  });
});

describe('searching as of a chosen day', () => {
  it('shows only what was public by then, as the site report does', () => {
    const later = makeIncident({ id: 'later-shop-2026-01', organisation: 'Later Shop', domains: ['latershop.example'], disclosedOn: '2026-01-10', startedOn: undefined });
    const asOf = new SearchIndex([target, coop, ms, later], '2025-05-02');
    expect(asOf.search({ text: '' }).incidents.map((i) => i.id)).not.toContain('later-shop-2026-01');
    expect(asOf.search({ text: 'later shop' }).total).toBe(0);
    expect(new SearchIndex([later], '2026-11-28').search({ text: 'later shop' }).total).toBe(1);
  });
});
