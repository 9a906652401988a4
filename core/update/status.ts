/**
 * What the options page shows about updates: the last check and its result in plain words, and
 * the stage of one under way. Stored in storage.local beside (not inside) the user's settings.
 */
import * as z from 'zod/mini';
import type { UpdateOutcome } from './take-update';
import { UpdateRefused } from './refusal';

export const UPDATE_STATUS_KEY = 'updateStatus';
export const UPDATE_PROGRESS_KEY = 'updateProgress';

export const updateStatusSchema = z.object({
  at: z.string(),
  source: z.enum(['url', 'file']),
  result: z.enum(['updated', 'up-to-date', 'refused']),
  code: z.optional(z.string()),
  /** English, for logs; the options page words it in the user's language from the fields below. */
  message: z.string(),
  version: z.optional(z.string()),
  /** Why it was refused, as the check said it. */
  reason: z.optional(z.string()),
  changes: z.optional(z.object({ added: z.array(z.string()), changed: z.array(z.string()), removed: z.array(z.string()) })),
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

export const PROGRESS_STAGES = ['manifest', 'download', 'validate', 'install'] as const;
export type ProgressStage = (typeof PROGRESS_STAGES)[number];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function statusFromOutcome(outcome: UpdateOutcome, source: UpdateStatus['source'], at: Date): UpdateStatus {
  if (outcome.result === 'up-to-date') {
    return { at: at.toISOString(), source, result: 'up-to-date', version: outcome.version, message: `Up to date: dataset ${outcome.version} is installed.` };
  }
  const { added, changed, removed } = outcome.changes;
  return {
    at: at.toISOString(),
    source,
    result: 'updated',
    version: outcome.version,
    message: `Updated to dataset ${outcome.version}: ${plural(added.length, 'incident')} added, ${changed.length} changed, ${removed.length} removed.`,
    changes: outcome.changes,
  };
}

export function statusFromError(error: unknown, source: UpdateStatus['source'], at: Date): UpdateStatus {
  const refused = error instanceof UpdateRefused;
  const reason = error instanceof Error ? error.message : String(error);
  return {
    at: at.toISOString(),
    source,
    result: 'refused',
    code: refused ? error.code : 'failed',
    reason,
    message: `Not updated: ${reason}. The installed dataset is still in use.`,
  };
}
