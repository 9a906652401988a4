/**
 * Translating the UI. Strings live in the extension's own i18n files
 * (public/_locales/<locale>/messages.json, en_GB the default) so the browser picks the user's
 * language; this module adds what browser.i18n lacks: named placeholders ("{site}") and plural
 * forms chosen by Intl.PluralRules (keys ending _one, _other, …). It is pure: the extension passes
 * browser.i18n.getMessage in, tests pass a messages file.
 */
import type en from '@/public/_locales/en_GB/messages.json';

export type MessageKey = keyof typeof en;
/** Keys that have plural forms, without the _one/_other suffix. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

export type Values = Record<string, string | number>;

export interface Translator {
  locale: string;
  t(key: MessageKey, values?: Values): string;
  /** The plural form of `key` for `count`; `{count}` is filled in, formatted for the locale. */
  plural(key: PluralKey, count: number, values?: Values): string;
  number(n: number): string;
}

export type MessagesFile = Record<string, { message: string; description?: string }>;

export function createTranslator(locale: string, lookup: (key: string) => string): Translator {
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const fill = (text: string, values: Values = {}) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      return value === undefined ? whole : typeof value === 'number' ? numbers.format(value) : value;
    });
  const t = (key: MessageKey, values?: Values) => fill(lookup(key) || key, values);
  return {
    locale,
    t,
    plural: (key, count, values) => {
      const form = `${key}_${rules.select(count)}`;
      const text = lookup(form) || lookup(`${key}_other`) || form;
      return fill(text, { ...values, count });
    },
    number: (n) => numbers.format(n),
  };
}

/** A translator over a messages file (Node, tests, previews). */
export function translatorFromFile(locale: string, file: MessagesFile): Translator {
  return createTranslator(locale, (key) => file[key]?.message ?? '');
}

/** Message keys may only hold letters, digits and underscores: "click-and-collect" → "click_and_collect". */
export function keyPart(value: string): string {
  return value.replace(/[^A-Za-z0-9]/g, '_');
}
