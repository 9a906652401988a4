/**
 * JSON.parse with the guards untrusted input needs: a size cap, a nesting cap and no
 * prototype-polluting keys. Throws SafeJsonError with a message fit to show a person.
 */
export class SafeJsonError extends Error {}

export const MAX_JSON_BYTES = 64 * 1024 * 1024;
export const MAX_JSON_DEPTH = 32;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseSafeJson(text: string, { maxBytes = MAX_JSON_BYTES, maxDepth = MAX_JSON_DEPTH } = {}): unknown {
  if (text.length > maxBytes) throw new SafeJsonError(`is too large (${text.length} characters; the limit is ${maxBytes})`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SafeJsonError(`is not valid JSON: ${(error as Error).message}`);
  }
  checkShape(value, maxDepth, '');
  return value;
}

function checkShape(value: unknown, depthLeft: number, path: string): void {
  if (value === null || typeof value !== 'object') return;
  if (depthLeft <= 0) throw new SafeJsonError(`is nested too deeply at ${path || '(top)'}`);
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkShape(item, depthLeft - 1, `${path}[${index}]`));
    return;
  }
  // JSON.parse creates "__proto__" as an own property, so Object.keys sees it.
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw new SafeJsonError(`has a forbidden key "${key}" at ${path || '(top)'}`);
    checkShape((value as Record<string, unknown>)[key], depthLeft - 1, path ? `${path}.${key}` : key);
  }
}
