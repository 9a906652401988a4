/**
 * The one message vocabulary between the extension's contexts and the background, validated on
 * arrival. Content scripts may only ask about their own tab (the background reads the hostname
 * from the sender's tab, never from the payload); the rest is for the extension's own pages.
 */
import * as z from 'zod/mini';
import type { SiteReport } from '../alerts/site-report';
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
  z.strictObject({ type: z.literal('update:check') }),
  z.strictObject({ type: z.literal('update:import'), text: z.string().check(z.maxLength(MAX_DATASET_BYTES + 2 * MAX_MANIFEST_BYTES)) }),
]);
export type PageRequest = z.infer<typeof pageRequestSchema>;

export type Request = ContentRequest | PageRequest;

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
  'update:check': UpdateStatus;
  'update:import': UpdateStatus;
}
