/** The organisation registry is sound: valid domains, one owner per domain and per alias, names the feeds use. */
import { describe, expect, it } from 'vitest';
import { loadRegistry, registryProblems, type Organisation } from '../../../tools/import/registry';
import { nameKey } from '../../../tools/import/text';

const org = (over: Partial<Organisation>): Organisation => ({ id: 'x', name: 'X', aliases: [], brands: [], domains: [], sector: 'retail', ...over });

describe('organisation registry', () => {
  const registry = loadRegistry();

  it('loads with no problems', () => {
    expect(registryProblems(registry.organisations)).toEqual([]);
    expect(registry.organisations.length).toBeGreaterThan(100);
  });

  it('resolves the spellings feeds use', () => {
    expect(registry.byName('Target Corp.')?.domains).toContain('target.com');
    expect(registry.byName('TARGET CORP')?.id).toBe('target');
    expect(registry.byName('The Home Depot')?.id).toBe('home-depot');
    expect(registry.byName('Home Depot')?.id).toBe('home-depot');
    expect(registry.byName('ASOS US Sales LLC')?.domains).toEqual(['asos.com']);
    expect(registry.byDomain('target.com')?.name).toBe('Target Corporation');
  });

  it('never resolves by substring', () => {
    expect(registry.byName('Target Optical Partners')).toBeUndefined();
    expect(registry.byName('Tesco Engineer')).toBeUndefined();
  });

  it('refuses public suffixes, shared platforms, duplicate domains and duplicate aliases', () => {
    const problems = registryProblems([
      org({ id: 'a', name: 'A Shop', domains: ['co.uk', 'myshopify.com', 'a.com'] }),
      org({ id: 'b', name: 'B Shop', aliases: ['A Shop Inc.'], domains: ['a.com', 'wix.com'] }),
    ]);
    const text = problems.map((p) => `${p.path}: ${p.message}`).join('\n');
    expect(text).toMatch(/domains\[0\].*public suffix/);
    expect(text).toMatch(/domains\[1\].*public suffix or shared platform/);
    expect(text).toMatch(/organisations\[1\]\.domains\[0\].*also listed for a/);
    expect(text).toMatch(/organisations\[1\]\.domains\[1\].*shared platform/);
    expect(text).toMatch(/aliases\[0\].*also names a/);
  });

  it('keys names without case, punctuation or company forms', () => {
    expect(nameKey('The Home Depot, Inc.')).toBe('home depot');
    expect(nameKey('MARKS & SPENCER GROUP PLC')).toBe('marks and spencer group');
    expect(nameKey('Esteé Lauder')).toBe('estee lauder');
  });
});
