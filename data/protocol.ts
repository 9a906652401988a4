/**
 * The one message vocabulary between the extension's contexts and the background, validated on
 * arrival. Content scripts may only ask about their own tab (the background reads the hostname
 * from the sender's tab, never from the payload); the rest is for the extension's own pages.
 */
import { z } from 'zod';
import type { SiteReport } from './site-report';
import { MAX_DATASET_BYTES, MAX_MANIFEST_BYTES } from './update/manifest';
import type { UpdateStatus } from './update/status';

export const contentRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('banner:get') }),
  z.strictObject({ type: z.literal('banner:dismiss'), incidentIds: z.array(z.string().max(100)).min(1).max(100) }),
  z.strictObject({ type: z.literal('banner:mute') }),
]);
export type ContentRequest = z.infer<typeof contentRequestSchema>;

export const pageRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('site:report'), url: z.string().max(8192) }),
  z.strictObject({ type: z.literal('site:mute'), site: z.string().max(253), muted: z.boolean() }),
  z.strictObject({ type: z.literal('update:check') }),
  z.strictObject({ type: z.literal('update:import'), text: z.string().max(MAX_DATASET_BYTES + 2 * MAX_MANIFEST_BYTES) }),
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
