/**
 * The background's answer to every message, as a pure function of its dependencies so it can be
 * tested in Node with forged senders. It never throws: bad input gets a structured error.
 */
import { hostnameFromUrl, siteOf } from '../matching/hostname';
import { revisionAsOf } from '../model/incident-state';
import { contentRequestSchema, pageRequestSchema, type ContentRequest, type Handlers, type PageRequest, type Request, type RequestType, type Response, type ResponseFor } from './protocol';
import type { Incident } from '../model/schema';
import type { UpdateStatus } from '../update/status';
import { buildSiteReport, todayFor, type SiteReport } from '../alerts/site-report';
import { readUserState, recordDismissals, resetDismissals, setSiteMuted, updateSettings, type KeyValueArea } from '../storage/settings';

/** The parts of `runtime.MessageSender` that decide what a sender may ask. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface HandlerDeps {
  extensionId: string;
  /** e.g. "chrome-extension://abc…" — the extension's own pages have this origin. */
  extensionOrigin: string;
  lookup(hostname: string): Promise<Incident[]>;
  storage: KeyValueArea;
  realToday(): string;
  /** Taking dataset updates: only the extension's own pages may ask. */
  updates?: {
    check(): Promise<UpdateStatus>;
    importFile(text: string): Promise<UpdateStatus>;
  };
}

const fail = (code: 'malformed' | 'forbidden' | 'unavailable', message: string) => ({ ok: false as const, error: { code, message } });

function isExtensionPage(sender: Sender, deps: HandlerDeps): boolean {
  // A string prefix, not URL.origin: Node's URL gives "null" as the origin of extension URLs.
  return sender.id === deps.extensionId && typeof sender.url === 'string' && sender.url.startsWith(`${deps.extensionOrigin}/`);
}

export async function reportForUrl(url: string, deps: HandlerDeps): Promise<SiteReport | null> {
  const hostname = hostnameFromUrl(url);
  if (!hostname) return null;
  const [matched, state] = await Promise.all([deps.lookup(hostname), readUserState(deps.storage)]);
  return buildSiteReport(hostname, matched, state, todayFor(state, deps.realToday()));
}

export async function handleMessage(message: unknown, sender: Sender, deps: HandlerDeps): Promise<Response<ResponseFor[RequestType]>> {
  try {
    if (sender.id !== deps.extensionId) return fail('forbidden', 'messages are only accepted from this extension');
    if (isExtensionPage(sender, deps)) {
      const parsed = pageRequestSchema.safeParse(message);
      if (!parsed.success) return fail('malformed', describe(message));
      return { ok: true, value: await dispatch(PAGE_HANDLERS, parsed.data, deps) };
    }
    // Anything else is a content script: it may only ask about the top-level page of its own tab.
    const tabUrl = sender.tab?.url;
    if (!tabUrl || sender.frameId !== 0) return fail('forbidden', 'content requests must come from a tab’s top frame');
    const parsed = contentRequestSchema.safeParse(message);
    if (!parsed.success) return fail('malformed', describe(message));
    return { ok: true, value: await dispatch(CONTENT_HANDLERS, parsed.data, { deps, tabUrl }) };
  } catch (error) {
    return fail('unavailable', error instanceof Error ? error.message : 'the background could not answer');
  }
}

/** Calls the handler for the request's type (the maps' types guarantee there is exactly one). */
function dispatch<R extends Request, C>(handlers: Handlers<R, C>, request: R, context: C): Promise<ResponseFor[R['type']]> {
  const handler = handlers[request.type as R['type']] as (request: R, context: C) => Promise<ResponseFor[R['type']]>;
  return handler(request, context);
}

function describe(message: unknown): string {
  const type = message && typeof message === 'object' ? (message as { type?: unknown }).type : undefined;
  return `not a valid request (${typeof type === 'string' ? type.slice(0, 40) : typeof message})`;
}

/** What a content script may ask: only about the page its tab shows (`tabUrl`, from the browser, never the payload). */
const CONTENT_HANDLERS: Handlers<ContentRequest, { deps: HandlerDeps; tabUrl: string }> = {
  'banner:get': async (_, { deps, tabUrl }) => {
    const report = await reportForUrl(tabUrl, deps);
    return report ? { site: report.site, hostname: report.hostname, banner: report.banner } : { site: '', hostname: '', banner: [] };
  },
  'banner:dismiss': async (request, { deps, tabUrl }) => {
    const report = await reportForUrl(tabUrl, deps);
    if (!report) return null;
    // Revisions are computed here, not taken from the page: a page cannot dismiss ahead of time.
    const revisions: Record<string, string> = {};
    for (const incident of report.incidents) {
      if (request.incidentIds.includes(incident.id)) revisions[incident.id] = revisionAsOf(incident, report.today);
    }
    await recordDismissals(deps.storage, report.site, revisions);
    return null;
  },
  'banner:mute': async (_, { deps, tabUrl }) => {
    const report = await reportForUrl(tabUrl, deps);
    if (report) await setSiteMuted(deps.storage, report.site, true);
    return null;
  },
};

/** What the extension's own pages (popup, options) may ask. */
const PAGE_HANDLERS: Handlers<PageRequest, HandlerDeps> = {
  'site:report': (request, deps) => reportForUrl(request.url, deps),
  'site:mute': (request, deps) => setSiteMuted(deps.storage, siteOf(request.site), request.muted),
  'settings:update': (request, deps) => updateSettings(deps.storage, dropUndefined(request.change)),
  'dismissals:reset': async (_, deps) => {
    await resetDismissals(deps.storage);
    return null;
  },
  'update:check': (_, deps) => {
    if (!deps.updates) throw new Error('updates are not available');
    return deps.updates.check();
  },
  'update:import': (request, deps) => {
    if (!deps.updates) throw new Error('updates are not available');
    return deps.updates.importFile(request.text);
  },
};

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
