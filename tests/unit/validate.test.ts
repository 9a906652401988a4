import { describe, expect, it } from 'vitest';
import { formatProblem, validateRecords } from '../../core/model/validate';
import { parseSafeJson } from '../../core/model/safe-json';
import { makeIncident } from './helpers/incident';

const TODAY = '2026-11-28';
const lines = (records: unknown[]) =>
  validateRecords(
    records.map((record, i) => ({ file: `data/incidents/f${i}.json`, record })),
    TODAY,
  ).problems.map(formatProblem);

describe('validation names file, record and field', () => {
  it('a valid record passes', () => {
    expect(lines([makeIncident()])).toEqual([]);
  });

  it.each([
    ['domains', { domains: ['co.uk'] }, /domains\[0\]: "co.uk" is a public suffix/],
    ['shared platform', { domains: ['myshopify.com'] }, /domains\[0\]: .*shared platform/],
    ['http source', { sources: [{ url: 'http://example.com/', publisher: 'X' }] }, /sources\[0\]\.url: must be an https URL/],
    ['javascript source', { sources: [{ url: 'javascript:alert(1)', publisher: 'X' }] }, /sources\[0\]\.url/],
    ['no sources', { sources: [] }, /sources: /],
    ['bad date', { disclosedOn: '2025-02-30' }, /disclosedOn: is not a real calendar date/],
    ['future date', { updatedOn: '2027-01-01' }, /updatedOn: 2027-01-01 is in the future/],
    ['dates out of order', { startedOn: '2025-05-01' }, /disclosedOn: disclosedOn \(2025-04-22\) is before startedOn/],
    ['unknown service', { services: [{ service: 'teleport', state: 'suspended', since: '2025-04-25' }] }, /services\[0\]\.service/],
    ['unknown state', { services: [{ service: 'app', state: 'on fire', since: '2025-04-25' }] }, /services\[0\]\.state/],
    ['unknown field', { colour: 'red' }, /Unrecognized key: "colour"/],
    ['bidi override', { title: 'Safe \u202Eexe.txt' }, /title: must not contain control or bidi-override/],
    ['long string', { summary: 'x'.repeat(2001) }, /summary: /],
    ['markup is only text, but URLs must be https', { sources: [{ url: 'data:text/html,<script>alert(1)</script>', publisher: 'X' }] }, /sources\[0\]\.url/],
    ['bad id', { id: 'Not An Id' }, /Not An Id: id: must be lower-case words/],
  ])('%s', (_, change, expected) => {
    const out = lines([makeIncident(change as never)]);
    expect(out.length).toBeGreaterThan(0);
    expect(out.join('\n')).toMatch(expected);
    expect(out[0]).toMatch(/^data\/incidents\/f0\.json: /);
  });

  it('duplicate ids, dangling relations and contested domains', () => {
    const a = makeIncident();
    const b = makeIncident({ organisation: 'Someone Else Ltd', id: 'someone-else-2025-01', related: [{ id: 'missing-2020-01', relation: 'same-actor' }] });
    const out = lines([a, { ...a }, b]);
    expect(out).toContain('data/incidents/f1.json: example-shop-2025-04: id: duplicates the id in data/incidents/f0.json');
    expect(out.some((l) => /someone-else-2025-01: related\[0\]\.id: "missing-2020-01" is not an incident/.test(l))).toBe(true);
    expect(out.some((l) => /someone-else-2025-01: domains\[0\]: "exampleshop.co.uk" is also claimed by Example Shop plc/.test(l))).toBe(true);
  });

  it('a related incident may share a domain (a supplier, a follow-up)', () => {
    const a = makeIncident();
    const b = makeIncident({ organisation: 'Supplier Ltd', id: 'supplier-2025-01', related: [{ id: a.id, relation: 'supplier' }] });
    expect(lines([a, b])).toEqual([]);
  });

  it('records that are not objects are refused, not crashed on', () => {
    expect(lines([null, 42, 'x', []]).length).toBe(4);
  });
});

describe('untrusted JSON', () => {
  it.each([
    ['not JSON', '{"id":', /is not valid JSON/],
    ['prototype key', '{"__proto__":{"x":1}}', /forbidden key "__proto__"/],
    ['constructor key', '{"a":{"constructor":{}}}', /forbidden key "constructor" at a/],
    ['deep nesting', '['.repeat(100) + ']'.repeat(100), /nested too deeply/],
  ])('%s', (_, text, expected) => {
    expect(() => parseSafeJson(text)).toThrow(expected);
  });
  it('huge input', () => {
    expect(() => parseSafeJson('"' + 'x'.repeat(2000) + '"', { maxBytes: 1000 })).toThrow(/too large/);
  });
});
