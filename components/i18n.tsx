import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { translatorFromFile, type Translator } from '@/data/i18n';
import en from '@/public/_locales/en_GB/messages.json';

/**
 * The translator for the components below it. Entry points provide one built on browser.i18n;
 * the default (British English from the bundled messages) serves previews and component tests.
 */
export const I18n = createContext<Translator>(translatorFromFile('en-GB', en));

export function useI18n(): Translator {
  return useContext(I18n);
}
