/**
 * Shape-checking feed records with zod: the first record that does not fit aborts the import
 * with a FeedError naming the record (index and the feed's own key) and the field path.
 * Feeds gain fields over time (HIBP added Attribution), so unknown fields are allowed.
 */
import type { z } from 'zod';
import { pathOf } from '@/core/model/issue-path';
import { parseSafeJson, SafeJsonError } from '@/core/model/safe-json';
import { FeedError } from './types';

/** Parses JSON with safe-json's guards (size, depth, __proto__), as a FeedError. */
export function parseFeedJson(text: string): unknown {
  try {
    // Feeds are bigger than incident files; 64 MB is still far above any real one (HIBP is 1 MB).
    return parseSafeJson(text);
  } catch (error) {
    if (error instanceof SafeJsonError) {
      const at = /at (\[(\d+)\][^ ]*)$/.exec(error.message);
      throw new FeedError(at ? at[2]! : '(file)', at ? at[1]! : '', `file ${error.message}`);
    }
    throw error;
  }
}

export function checkRecords<T>(value: unknown, schema: z.ZodType<T>, keyOf: (record: unknown) => string | undefined): T[] {
  if (!Array.isArray(value)) throw new FeedError('(file)', '', 'expected a JSON array of records');
  return value.map((record, index) => {
    const parsed = schema.safeParse(record);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    const key = keyOf(record);
    throw new FeedError(key ? `${index} (${key})` : String(index), pathOf(issue.path), issue.message);
  });
}

/** The feed's key of a record if it has a usable string there, for error messages. */
export function keyField(field: string): (record: unknown) => string | undefined {
  return (record) => {
    const value = record && typeof record === 'object' ? (record as Record<string, unknown>)[field] : undefined;
    return typeof value === 'string' && value.length <= 120 ? value : undefined;
  };
}
