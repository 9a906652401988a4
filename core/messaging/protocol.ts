/**
 * The one message vocabulary between the extension's contexts and the background, validated on
 * arrival. Content scripts may only ask about their own tab (the background reads the hostname
 * from the sender's tab, never from the payload); the rest is for the extension's own pages.
 */
import * as z from 'zod/mini';
import type { SiteReport } from '../alerts/site-report';
import { settingsSchema, type Settings } from '../storage/settings';
import { MAX_DATASET_BYTES, MAX_MANIFEST_BYTES } from '../update/manifest';
import type { UpdateStatus } from '../update/status';

export const contentRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('banner:get') }),
  z.strictObject({ type: z.literal('banner:dismiss'), incidentIds: z.array(z.string().check(z.maxLength(100))).check(z.minLength(1), z.maxLength(100)) }),
  z.strictObject({ type: z.literal('banner:mute') }),
]);
export type ContentRequest = z.infer<typeof contentRequestSchema>;

export const pageRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('site:report'), url: z.string().check(z.maxLength(8192)) }),
  z.strictObject({ type: z.literal('site:mute'), site: z.string().check(z.maxLength(253)), muted: z.boolean() }),
  z.strictObject({ type: z.literal('settings:update'), change: z.partial(settingsSchema) }),
  z.strictObject({ type: z.literal('dismissals:reset') }),
  z.strictObject({ type: z.literal('update:check') }),
  z.strictObject({ type: z.literal('update:import'), text: z.string().check(z.maxLength(MAX_DATASET_BYTES + 2 * MAX_MANIFEST_BYTES)) }),
]);
export type PageRequest = z.infer<typeof pageRequestSchema>;

export type Request = ContentRequest | PageRequest;
export type RequestType = Request['type'];
/** The request of one type: `RequestOf<'site:mute'>` is `{ type: 'site:mute'; site: string; muted: boolean }`. */
export type RequestOf<K extends RequestType> = Extract<Request, { type: K }>;

export type ErrorCode = 'malformed' | 'forbidden' | 'unavailable';

export type Response<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** What the banner receives: no more than it shows. */
export type BannerPayload = Pick<SiteReport, 'site' | 'hostname' | 'banner'>;

export interface ResponseFor {
  'banner:get': BannerPayload;
  'banner:dismiss': null;
  'banner:mute': null;
  'site:report': SiteReport | null;
  'site:mute': string[];
  'settings:update': Settings;
  'dismissals:reset': null;
  'update:check': UpdateStatus;
  'update:import': UpdateStatus;
}

/**
 * One handler per request type, each returning exactly that type's response: a handler missing,
 * or answering the wrong shape, is a compile error (message-handler.ts).
 */
export type Handlers<R extends Request, Context> = {
  [K in R['type']]: (request: Extract<R, { type: K }>, context: Context) => Promise<ResponseFor[K]>;
};
