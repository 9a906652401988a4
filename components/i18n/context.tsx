import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { ENGLISH } from './english';
import type { Translator } from './translator';

/**
 * The translator for the components below it. Entry points provide one built on browser.i18n;
 * the default (British English from the bundled messages) serves previews and component tests.
 */
export const I18n = createContext<Translator>(ENGLISH);

export function useI18n(): Translator {
  return useContext(I18n);
}
