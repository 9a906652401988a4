/**
 * Text and date helpers shared by the importers. Feeds carry HTML, odd whitespace, control
 * characters and dates in four spellings; the schema accepts none of that, so every string an
 * importer writes passes through here first.
 */
import { replaceControlCharacters } from '@/core/model/control-characters';
import { LIMITS } from '@/core/model/schema';


const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', hellip: '…', mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

/**
 * Collapses whitespace (newlines included) and removes characters the schema forbids (controls,
 * bidi overrides): dropped rather than failing a whole feed.
 */
export function cleanText(text: string): string {
  return replaceControlCharacters(text, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * HIBP descriptions are small, trusted-shape HTML (links, <em>, <strong>). We need their text
 * only, never markup: tags are dropped (a link keeps its words), entities decoded once, so the
 * result can never render as markup anywhere.
 */
export function htmlToText(html: string): string {
  const stripped = html.replace(/<br\s*\/?>/gi, ' ').replace(/<\/p>/gi, ' ').replace(/<[^>]*>/g, '').replace(/[<>]/g, '');
  const decoded = stripped.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
  return cleanText(decoded);
}

/** Cuts text to `max` characters at a sentence end if one is near, else at a word, marking the cut with "…". */
export function truncate(text: string, max: number = LIMITS.summary): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const sentence = Math.max(room.lastIndexOf('. '), room.lastIndexOf('! '), room.lastIndexOf('? '));
  if (sentence > max * 0.6) return `${room.slice(0, sentence + 1)} …`.slice(0, max);
  const word = room.lastIndexOf(' ');
  return `${(word > max * 0.6 ? room.slice(0, word) : room).trimEnd()}…`;
}

/** A short single-line text for titles, names and publishers (schema: ≤ 200 characters). */
export function shortText(text: string): string {
  return truncate(cleanText(text), LIMITS.shortText);
}

/** "Marks & Spencer Group plc" → "marks-and-spencer-group-plc": ids and registry keys. */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/g, '') || 'unknown';
}

/** Company-form words that feeds add or drop at will ("TARGET CORP", "Target Corporation", "Target"). */
const COMPANY_FORMS = new Set(['inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'llc', 'ltd', 'limited', 'plc', 'lp', 'llp', 'the', 'sa', 'ag', 'gmbh', 'nv', 'bv']);

/**
 * The key two spellings of one organisation share: case, accents, punctuation, "&"/"and" and
 * company-form words do not count. "The Home Depot, Inc." and "HOME DEPOT" give "home depot".
 * Deliberately no fuzzier: a wrong match would put a warning on the wrong shop.
 */
export function nameKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w && !COMPANY_FORMS.has(w));
  return words.join(' ');
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const pad = (n: number) => String(n).padStart(2, '0');

function realDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1990 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** "January 5, 2016" (PRC) → "2016-01-05"; null when it is not such a date. */
export function parseLongDate(text: string): string | null {
  const match = /^([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const month = MONTHS.indexOf(match[1]!.toLowerCase()) + 1;
  return month === 0 ? null : realDate(Number(match[3]), month, Number(match[2]));
}

/** "04/16/2026" or "7/8/2026 - 7/8/2026" (state AGs, US order) → first date as ISO; null otherwise. */
export function parseUsDate(text: string): string | null {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  return match ? realDate(Number(match[3]), Number(match[1]), Number(match[2])) : null;
}

/** "2024-11-11T07:50:58Z" or "2024-11-11" → "2024-11-11"; null if not a real date. */
export function isoDay(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return match ? realDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** The earlier of two ISO dates (either may be missing). */
export function minDate(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

/** "4,748" → 4748; "Unknown", "" or 0 → undefined. */
export function parseCount(text: string): number | undefined {
  const digits = text.replace(/[,\s]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  const n = Number(digits);
  return n > 0 && n <= 10_000_000_000 ? n : undefined;
}

/** Locale-independent string order, so sorted output is the same on every machine. */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
