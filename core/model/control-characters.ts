/**
 * The characters no dataset string may hold: C0 controls other than tab, line feed and carriage
 * return, DEL, and the bidi marks, overrides and isolates that can make text lie about itself
 * (SECURITY.md, "Hostile data"). The schema refuses them; the importers strip them from feeds.
 * Defined once here, so widening the class (e.g. to \p{Cc}/\p{Cf}, Unicode mode is on) changes both.
 */
const CLASS = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';

/** Matches a string that holds none of them (for the schema's `z.regex`). */
export const NO_CONTROL_CHARACTERS = new RegExp(`^[^${CLASS}]*$`, 'u');

const ANY_CONTROL_CHARACTER = new RegExp(`[${CLASS}]`, 'gu');

/** `text` with each of them replaced by `replacement`. */
export function replaceControlCharacters(text: string, replacement: string): string {
  return text.replace(ANY_CONTROL_CHARACTER, replacement);
}
