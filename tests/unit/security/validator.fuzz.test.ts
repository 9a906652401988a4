/**
 * Fuzzing the validator with thousands of mutations of the real curated records: types swapped,
 * fields dropped or added, huge strings, deep nesting, prototype keys. Every record ends either
 * accepted (and then really valid) or refused with a field path; never a crash. Refused data never
 * changes the installed dataset. Claims: SECURITY.md, "A malformed feed or tampered dataset".
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import './fc-seed';
import { describe, expect, it } from 'vitest';
import { parseSafeJson } from '../../../core/model/safe-json';
import { incidentSchema } from '../../../core/model/schema';
import { validateRecords } from '../../../core/model/validate';

const TODAY = '2026-11-28';
const records = readdirSync('data/incidents')
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ file: f, record: JSON.parse(readFileSync(`data/incidents/${f}`, 'utf8')) as Record<string, unknown> }));

type Json = unknown;
type Path = (string | number)[];

function paths(value: Json, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function setAt(root: Json, path: Path, change: (old: Json) => Json | typeof DROP): Json {
  if (path.length === 0) {
    const next = change(root);
    return next === DROP ? undefined : next;
  }
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, Json>;
  const [head, ...rest] = path as [string | number, ...Path];
  const next = rest.length === 0 ? change(copy[head]) : setAt(copy[head], rest, change);
  if (next === DROP) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head];
  } else copy[head] = next;
  return copy;
}
const DROP = Symbol('drop');

const HUGE = 'A'.repeat(100_000);
const mutation = fc.oneof(
  fc.constant(() => DROP),
  fc.anything({ maxDepth: 2 }).map((v) => () => v),
  fc.constantFrom<() => Json>(
    () => null,
    () => HUGE,
    () => -1,
    () => 1e308,
    () => Number.NaN,
    () => true,
    () => [],
    () => ({}),
    () => '',
    () => ' ',
    () => '2025-02-30',
    () => '9999-12-31',
    () => 'javascript:alert(1)',
    () => 'http://example.com/',
    () => '<img src=x onerror=alert(1)>',
    () => 'evil\u202Etxt.exe',
    () => 'zero\u200Fwidth',
    () => 'co.uk',
    () => 'myshopify.com',
    () => '127.0.0.1',
    () => JSON.parse('{"__proto__": {"polluted": true}}'),
    () => ({ constructor: { prototype: { polluted: true } } }),
    () => Array.from({ length: 5000 }, () => 'x'),
    () => Array.from({ length: 200 }).reduce<Json>((inner) => [inner], 'deep'),
  ),
  fc.constant((old: Json) => (typeof old === 'string' ? old + HUGE : old)),
  fc.constant((old: Json) => (typeof old === 'string' ? Number(old) || 0 : typeof old === 'number' ? String(old) : old)),
  fc.constant((old: Json) => (Array.isArray(old) ? [...old, ...old] : old && typeof old === 'object' ? { ...old, unexpected: 1 } : old)),
);

function mutate(record: Json, picks: { at: number; change: (old: Json) => Json | typeof DROP }[]): Json {
  let out = record;
  for (const { at, change } of picks) {
    const all = paths(out);
    out = setAt(out, all[at % all.length]!, change);
  }
  return out;
}

describe('validator fuzzing', () => {
  it('has real records to mutate', () => {
    expect(records.length).toBeGreaterThan(20);
    // Curated incidents may relate to imported ones, so they are valid together, as the build reads them.
    const imported = readdirSync('data/imported')
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ file: `imported/${f}`, record: JSON.parse(readFileSync(`data/imported/${f}`, 'utf8')) as Record<string, unknown> }));
    expect(validateRecords([...records, ...imported], TODAY).problems).toEqual([]);
  });

  it('every mutation is accepted-and-valid or refused with a path; never a crash', () => {
    let refused = 0;
    let accepted = 0;
    fc.assert(
      fc.property(fc.nat({ max: records.length - 1 }), fc.array(fc.record({ at: fc.nat(), change: mutation }), { minLength: 1, maxLength: 4 }), (index, picks) => {
        const { file, record } = records[index]!;
        const mutated = mutate(structuredClone(record), picks);
        const result = validateRecords([{ file, record: mutated }], TODAY);
        if (result.problems.length === 0) {
          accepted++;
          expect(result.incidents).toHaveLength(1);
          // Accepted means really valid: the schema agrees on its own, and the strings are bounded.
          expect(incidentSchema.safeParse(mutated).success).toBe(true);
          expect(JSON.stringify(result.incidents[0]).length).toBeLessThan(400_000);
        } else {
          refused++;
          expect(result.incidents).toHaveLength(0);
          for (const problem of result.problems) {
            expect(problem.file).toBe(file);
            expect(typeof problem.path).toBe('string');
            expect(problem.message.length).toBeGreaterThan(0);
            expect(problem.message.length).toBeLessThan(2_000);
          }
          // A refusal names where: a field path, or (for the record itself) the key or type at fault.
          for (const problem of result.problems) if (problem.path === '') expect(problem.message).toMatch(/key|expected|object|record/i);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
    expect(refused).toBeGreaterThan(1000);
    expect(accepted + refused).toBe(3000);
  });

  it('mutated JSON text is either parsed safely or refused by the JSON guard', () => {
    fc.assert(
      fc.property(fc.nat({ max: records.length - 1 }), fc.nat(), fc.string({ maxLength: 5 }), (index, at, insert) => {
        const text = JSON.stringify(records[index]!.record);
        const cut = at % text.length;
        const broken = text.slice(0, cut) + insert + text.slice(cut + 1);
        let parsed: unknown;
        try {
          parsed = parseSafeJson(broken);
        } catch (error) {
          expect((error as Error).name).toBe('Error');
          expect((error as Error).message).toMatch(/JSON|forbidden|nested|large/);
          return;
        }
        const result = validateRecords([{ file: 'x.json', record: parsed }], TODAY);
        expect(result.problems.length === 0 || result.incidents.length === 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
