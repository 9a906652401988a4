import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translatorFromFile, type MessagesFile } from '../../components/i18n/translator';
import { formatAgo, formatDate } from '../../components/i18n/format';
import { kindLabel, serviceLabel, serviceStateLabel, statusLabel } from '../../components/i18n/labels';
import { INCIDENT_KINDS, INCIDENT_STATUSES, SERVICE_KEYS, SERVICE_STATES } from '../../core/model/vocabulary';

const LOCALES_DIR = 'public/_locales';
const load = (locale: string) => JSON.parse(readFileSync(`${LOCALES_DIR}/${locale}/messages.json`, 'utf8')) as MessagesFile;
const en = load('en_GB');
const locales = readdirSync(LOCALES_DIR);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('ships British English (default), French and German', () => {
    expect(locales.sort()).toEqual(['de', 'en_GB', 'fr']);
  });

  it.each(locales)('%s has every key, and no key en_GB lacks', (locale) => {
    const file = load(locale);
    expect(Object.keys(file).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(file)) expect(message.trim(), `${locale}: ${key}`).not.toBe('');
  });

  it.each(locales)('%s keeps every placeholder of each message', (locale) => {
    const file = load(locale);
    for (const [key, { message }] of Object.entries(en)) expect(placeholders(file[key]!.message), `${locale}: ${key}`).toEqual(placeholders(message));
  });

  it.each(locales)('%s names every kind, status, service and state', (locale) => {
    const tr = translatorFromFile(load(locale).locale!.message, load(locale));
    const keyed = (label: string) => /^[a-z]+_/.test(label);
    for (const k of INCIDENT_KINDS) expect(keyed(kindLabel(tr, k))).toBe(false);
    for (const s of INCIDENT_STATUSES) expect(keyed(statusLabel(tr, s))).toBe(false);
    for (const s of SERVICE_KEYS) expect(keyed(serviceLabel(tr, s))).toBe(false);
    for (const s of SERVICE_STATES) expect(keyed(serviceStateLabel(tr, s))).toBe(false);
  });

  it('manifest name and description fit the stores’ limits in every language', () => {
    for (const locale of locales) {
      const file = load(locale);
      expect(file.extName!.message.length).toBeLessThanOrEqual(45);
      expect(file.extDescription!.message.length).toBeLessThanOrEqual(132);
    }
  });
});

describe('plurals, numbers and dates', () => {
  const tr = translatorFromFile('en-GB', en);
  it.each([
    [0, '0 incidents'],
    [1, '1 incident'],
    [2, '2 incidents'],
    [12345, '12,345 incidents'],
  ])('%i → %s', (n, text) => {
    expect(tr.plural('resultsCount', n)).toBe(text);
  });

  it('French uses "one" for 0 and 1, and its own number format', () => {
    const fr = translatorFromFile('fr', load('fr'));
    expect(fr.plural('resultsCount', 0)).toBe(fr.plural('resultsCount', 1).replace('1', '0'));
    expect(fr.number(12345)).toMatch(/12\s345/);
  });

  it('dates read in the user’s language, absolute and relative', () => {
    expect(formatDate('2025-04-22', 'en-GB')).toBe('22 Apr 2025');
    expect(formatDate('2025-04-22', 'de')).toBe('22. Apr. 2025');
    expect(formatDate('2025-04', 'en-GB')).toBe('Apr 2025');
    expect(formatDate('2014', 'fr')).toBe('2014');
    expect(formatAgo('2025-04-22', '2026-11-28', tr)).toBe('19 months ago');
    expect(formatAgo('2013-12-19', '2026-11-28', tr)).toBe('12 years ago');
    expect(formatAgo('2025-04-22', '2025-11-28', tr)).toBe('7 months ago');
    expect(formatAgo('2025-04-22', '2025-04-23', tr)).toBe('yesterday');
    expect(formatAgo('2025-04-22', '2025-04-30', tr)).toBe('8 days ago');
  });
});
