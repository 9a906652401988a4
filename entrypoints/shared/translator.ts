import { browser } from 'wxt/browser';
import { createTranslator, type Translator } from '@/components/i18n/translator';

/** The UI translator for extension pages and the banner: the browser picks the language from the user's settings. */
export function browserTranslator(): Translator {
  const get = (key: string) => browser.i18n.getMessage(key as never);
  return createTranslator(get('locale') || 'en-GB', get);
}
