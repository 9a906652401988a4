import { describe, expect, it } from 'vitest';
import { handleMessage, type HandlerDeps, type Sender } from '../../core/messaging/message-handler';
import { readUserState } from '../../core/storage/settings';
import { makeIncident, memoryArea } from './helpers/incident';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}`;
const incident = makeIncident();

function deps(area = memoryArea({ settings: { todayOverride: '2025-05-02' } })): HandlerDeps & { area: ReturnType<typeof memoryArea> } {
  return {
    area,
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    storage: area,
    realToday: () => '2026-11-28',
    lookup: async (hostname) => (hostname.endsWith('exampleshop.co.uk') ? [incident] : []),
  };
}

const tab = (url: string): Sender => ({ id: EXT, url, tab: { id: 7, url }, frameId: 0 });
const popup: Sender = { id: EXT, url: `${ORIGIN}/popup.html` };

describe('content script requests', () => {
  it('banner:get answers about the sender’s tab, not the payload', async () => {
    const answer = await handleMessage({ type: 'banner:get' }, tab('https://www.exampleshop.co.uk/basket'), deps());
    expect(answer).toMatchObject({ ok: true, value: { site: 'exampleshop.co.uk', banner: [{ id: incident.id, status: 'ongoing' }] } });
  });

  it('a hostname smuggled in the payload is refused', async () => {
    const answer = await handleMessage({ type: 'banner:get', hostname: 'exampleshop.co.uk' }, tab('https://other.example/'), deps());
    expect(answer).toEqual({ ok: false, error: { code: 'malformed', message: 'not a valid request (banner:get)' } });
  });

  it('dismiss records the revision the background computes', async () => {
    const d = deps();
    await handleMessage({ type: 'banner:dismiss', incidentIds: [incident.id, 'not-on-this-site'] }, tab('https://exampleshop.co.uk/'), d);
    expect((await readUserState(d.area)).dismissals).toEqual({ [`exampleshop.co.uk ${incident.id}`]: '2025-04-25' });
  });

  it('mute mutes the sender’s registrable domain', async () => {
    const d = deps();
    await handleMessage({ type: 'banner:mute' }, tab('https://shop.exampleshop.co.uk/'), d);
    expect((await readUserState(d.area)).mutedSites).toEqual(['exampleshop.co.uk']);
  });

  it('privileged requests from a content script are refused', async () => {
    const d = deps();
    const answer = await handleMessage({ type: 'site:mute', site: 'exampleshop.co.uk', muted: true }, tab('https://evil.example/'), d);
    expect(answer.ok).toBe(false);
    expect((await readUserState(d.area)).mutedSites).toEqual([]);
  });

  it('subframes may not ask', async () => {
    const answer = await handleMessage({ type: 'banner:get' }, { ...tab('https://exampleshop.co.uk/'), frameId: 3 }, deps());
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('extension page requests', () => {
  it('site:report for a URL', async () => {
    const answer = await handleMessage({ type: 'site:report', url: 'https://www.exampleshop.co.uk/' }, popup, deps());
    expect(answer).toMatchObject({ ok: true, value: { site: 'exampleshop.co.uk', badge: { text: '1', tone: 'alert' } } });
  });

  it('site:report for a page Caveat never looks at is null', async () => {
    expect(await handleMessage({ type: 'site:report', url: 'chrome://settings' }, popup, deps())).toEqual({ ok: true, value: null });
  });

  it('site:mute unmutes', async () => {
    const d = deps(memoryArea({ mutedSites: ['exampleshop.co.uk', 'other.com'] }));
    await handleMessage({ type: 'site:mute', site: 'exampleshop.co.uk', muted: false }, popup, d);
    expect((await readUserState(d.area)).mutedSites).toEqual(['other.com']);
  });

  it('settings:update changes what it names and answers the new settings', async () => {
    const d = deps();
    const answer = await handleMessage({ type: 'settings:update', change: { alertWindowDays: 30 } }, popup, d);
    expect(answer).toMatchObject({ ok: true, value: { alertWindowDays: 30, todayOverride: '2025-05-02' } });
    expect((await readUserState(d.area)).settings.alertWindowDays).toBe(30);
  });

  it.each([[{ alertWindowDays: 0 }], [{ alertWindowDays: 'soon' }], [{ updateUrl: 'http://plain.example/' }]])('settings:update %j is refused and changes nothing', async (change) => {
    const d = deps();
    const answer = await handleMessage({ type: 'settings:update', change }, popup, d);
    expect(answer.ok).toBe(false);
    expect((await readUserState(d.area)).settings).toMatchObject({ alertWindowDays: 180, updateUrl: null });
  });

  it('dismissals:reset forgets every dismissal; a content script may not ask', async () => {
    const d = deps(memoryArea({ dismissals: { 'exampleshop.co.uk x': '2025-01-01' } }));
    expect((await handleMessage({ type: 'dismissals:reset' }, tab('https://exampleshop.co.uk/'), d)).ok).toBe(false);
    expect((await readUserState(d.area)).dismissals).not.toEqual({});
    await handleMessage({ type: 'dismissals:reset' }, popup, d);
    expect((await readUserState(d.area)).dismissals).toEqual({});
  });
});

describe('forged and malformed messages get a structured error, never an exception', () => {
  const forged: [string, Sender][] = [
    ['another extension', { id: 'someone-else', url: `chrome-extension://someone-else/x.html` }],
    ['no sender id', { url: `${ORIGIN}/popup.html` }],
    ['a page pretending to be ours', { id: EXT, url: 'https://evil.example/', tab: undefined }],
  ];
  it.each(forged)('%s', async (_, sender) => {
    const answer = await handleMessage({ type: 'site:mute', site: 'x.com', muted: true }, sender, deps());
    expect(answer.ok).toBe(false);
  });

  const payloads: unknown[] = [null, undefined, 42, 'banner:get', [], {}, { type: 'nope' }, { type: 'banner:dismiss' }, { type: 'banner:dismiss', incidentIds: 'x' }, { type: { toString: 1 } }, JSON.parse('{"__proto__":{"polluted":1},"type":"banner:get"}')];
  it.each(payloads.map((p) => [p]))('%j', async (payload) => {
    const fromTab = await handleMessage(payload, tab('https://exampleshop.co.uk/'), deps());
    const fromPopup = await handleMessage(payload, popup, deps());
    for (const answer of [fromTab, fromPopup]) {
      if (!answer.ok) expect(answer.error.code).toMatch(/malformed|forbidden/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a failing lookup becomes an "unavailable" error', async () => {
    const d = { ...deps(), lookup: async () => Promise.reject(new Error('database closed')) };
    expect(await handleMessage({ type: 'banner:get' }, tab('https://exampleshop.co.uk/'), d)).toEqual({ ok: false, error: { code: 'unavailable', message: 'database closed' } });
  });
});
