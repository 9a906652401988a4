/**
 * The message handler under attack: forged senders and random payloads (fast-check). Whatever
 * arrives, the answer is a structured `{ ok, … }` value, never an exception; nothing privileged
 * happens for anyone but the extension's own pages; a content script only ever learns about its
 * own tab. Claims: SECURITY.md, "Another extension" and "A hostile page".
 */
import fc from 'fast-check';
import './fc-seed';
import { describe, expect, it } from 'vitest';
import { handleMessage, type HandlerDeps, type Sender } from '../../../core/messaging/message-handler';
import { makeIncident, memoryArea } from '../helpers/incident';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}`;
const incident = makeIncident({ status: 'ongoing', resolvedOn: undefined, updatedOn: '2025-05-01' });

function deps() {
  const area = memoryArea({ settings: { todayOverride: '2025-05-02' } });
  const calls = { updates: 0, lookups: [] as string[] };
  const d: HandlerDeps = {
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    storage: area,
    realToday: () => '2026-11-28',
    lookup: async (hostname) => {
      calls.lookups.push(hostname);
      return hostname.endsWith('exampleshop.co.uk') ? [incident] : [];
    },
    updates: {
      check: async () => {
        calls.updates++;
        return { state: 'up-to-date' } as never;
      },
      importFile: async () => {
        calls.updates++;
        return { state: 'up-to-date' } as never;
      },
    },
  };
  return { d, area, calls };
}

const PRIVILEGED = [
  { type: 'site:mute', site: 'exampleshop.co.uk', muted: true },
  { type: 'site:report', url: 'https://www.exampleshop.co.uk/' },
  { type: 'update:check' },
  { type: 'update:import', text: '{}' },
];

/** Any JSON-ish value, including prototype keys and near-miss requests. */
const payload = fc.oneof(
  fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, maxDepth: 4 }),
  fc.record({ type: fc.constantFrom('banner:get', 'banner:dismiss', 'banner:mute', 'site:report', 'site:mute', 'update:check', 'update:import', '__proto__', 'constructor') }, { requiredKeys: ['type'] }).chain((base) =>
    fc.dictionary(fc.constantFrom('incidentIds', 'url', 'site', 'muted', 'text', 'hostname', '__proto__', 'constructor', 'tab'), fc.anything({ maxDepth: 2 })).map((extra) => ({ ...extra, ...base })),
  ),
  fc.constantFrom(...PRIVILEGED),
);

/** Senders that are not the extension's own pages: other extensions, web pages, content scripts, subframes, nonsense. */
const notOurPage: fc.Arbitrary<Sender> = fc.oneof(
  fc.record({ id: fc.string(), url: fc.webUrl() }),
  fc.record({ id: fc.constant(undefined), url: fc.constant(`${ORIGIN}/popup.html`) }),
  fc.record({ id: fc.constant(EXT), url: fc.webUrl(), tab: fc.record({ id: fc.nat(), url: fc.webUrl() }), frameId: fc.nat({ max: 5 }) }),
  fc.record({ id: fc.constant(EXT), url: fc.constantFrom(`${ORIGIN}.evil.example/popup.html`, `https://evil.example/${ORIGIN}/`, ORIGIN, `chrome-extension://other/popup.html`), tab: fc.constant(undefined) }),
  fc.record({ id: fc.constant('other-extension-id'), url: fc.constant(`${ORIGIN}/popup.html`) }),
);

function isStructured(answer: unknown): boolean {
  if (!answer || typeof answer !== 'object') return false;
  const a = answer as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (a.ok === true) return 'value' in a;
  return a.ok === false && ['malformed', 'forbidden', 'unavailable'].includes(a.error?.code as string) && typeof a.error?.message === 'string';
}

describe('any payload from any sender: a structured answer, never an exception', () => {
  it('random payloads × random senders', async () => {
    await fc.assert(
      fc.asyncProperty(payload, fc.oneof(notOurPage, fc.constant<Sender>({ id: EXT, url: `${ORIGIN}/options.html` })), async (message, sender) => {
        const { d } = deps();
        const answer = await handleMessage(message, sender, d);
        expect(isStructured(answer)).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('payloads that throw on access (getters, proxies) get an error, not an exception', async () => {
    const nasty = [
      Object.defineProperty({}, 'type', { get: () => { throw new Error('boom'); } }),
      new Proxy({}, { get: () => { throw new Error('boom'); }, has: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } }),
      { type: 'banner:get', toJSON: () => { throw new Error('boom'); } },
    ];
    for (const message of nasty) {
      const answer = await handleMessage(message, { id: EXT, url: 'https://www.exampleshop.co.uk/', tab: { id: 1, url: 'https://www.exampleshop.co.uk/' }, frameId: 0 }, deps().d);
      expect(isStructured(answer)).toBe(true);
    }
  });
});

describe('privileged requests are refused to everyone but the extension’s own pages', () => {
  it('forged senders never mute, report, check or import', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PRIVILEGED), notOurPage, async (message, sender) => {
        const { d, area, calls } = deps();
        const answer = await handleMessage(message, sender, d);
        expect(answer.ok).toBe(false);
        expect(area.data.get('mutedSites')).toBeUndefined();
        expect(calls.updates).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('a content script only learns about its own tab', () => {
  it('the hostname looked up is always the sender tab’s, whatever the payload says', async () => {
    await fc.assert(
      fc.asyncProperty(fc.webUrl({ withQueryParameters: true, withFragments: true }), payload, async (tabUrl, message) => {
        const { d, calls } = deps();
        await handleMessage(message, { id: EXT, url: tabUrl, tab: { id: 3, url: tabUrl }, frameId: 0 }, d);
        const own = new URL(tabUrl).hostname.replace(/\.$/, '').toLowerCase();
        for (const looked of calls.lookups) expect(looked).toBe(own);
      }),
      { numRuns: 1000 },
    );
  });

  it('a banner request from another site never receives this site’s incidents', async () => {
    await fc.assert(
      fc.asyncProperty(fc.domain().filter((h) => !h.endsWith('exampleshop.co.uk')), async (host) => {
        const url = `https://${host}/?site=exampleshop.co.uk#exampleshop.co.uk`;
        const answer = await handleMessage({ type: 'banner:get' }, { id: EXT, url, tab: { id: 3, url }, frameId: 0 }, deps().d);
        if (answer.ok) expect(JSON.stringify(answer.value)).not.toContain(incident.id);
      }),
      { numRuns: 300 },
    );
  });
});
