/**
 * British English, from the extension's default locale file: the words the CLI prints and the
 * search index always knows ("click and collect" finds Click & collect in every language).
 */
import en from '@/public/_locales/en_GB/messages.json';
import { translatorFromFile } from './translator';

export const ENGLISH = translatorFromFile('en-GB', en);
