/**
 * zod/mini ships without error messages (every problem reads "Invalid input") so that pages can
 * choose a language. Caveat's messages are for maintainers and logs, in English: this loads the
 * English messages once, for every schema, exactly as classic zod does by default.
 */
import { config } from 'zod/mini';
import { en } from 'zod/locales';

config(en());
