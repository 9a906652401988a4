import type { Incident } from '../../../core/model/schema';

/** A small valid incident; tests override what they are about. */
export function makeIncident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'example-shop-2025-04',
    title: 'Ransomware attack pauses online orders',
    organisation: 'Example Shop plc',
    brands: ['Example Shop'],
    countries: ['GB'],
    domains: ['exampleshop.co.uk'],
    kind: 'ransomware',
    status: 'resolved',
    confirmedBy: 'organisation',
    startedOn: '2025-04-19',
    disclosedOn: '2025-04-22',
    resolvedOn: '2025-06-10',
    updatedOn: '2025-06-10',
    summary: 'A ransomware attack paused online orders.',
    services: [
      { service: 'online-orders', state: 'suspended', since: '2025-04-25' },
      { service: 'online-orders', state: 'restored', since: '2025-06-10' },
      { service: 'in-store', state: 'unaffected', since: '2025-04-22' },
    ],
    dataExposed: [{ dataClass: 'Email addresses', confirmed: true }],
    affected: [],
    actors: [{ name: 'Scattered Spider', basis: 'reported' }],
    authorities: [],
    advice: ['Be wary of emails claiming to be from Example Shop.'],
    timeline: [{ date: '2025-05-13', event: 'Customer data confirmed taken.' }],
    related: [],
    sources: [{ url: 'https://www.bbc.co.uk/news/example', publisher: 'BBC News', date: '2025-04-22' }],
    provenance: [{ source: 'curated' }],
    ...overrides,
  };
}

/** A Map-backed stand-in for browser.storage.local. */
export function memoryArea(initial: Record<string, unknown> = {}) {
  const data = new Map(Object.entries(structuredClone(initial)));
  return {
    data,
    async get(keys: string[]) {
      return Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
    },
    async set(items: Record<string, unknown>) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
  };
}
