/**
 * Popup search at 1k/10k/100k incidents: building the index (what the popup does once), a typing
 * session keystroke by keystroke (what it does on every input event), and the worst case, a
 * query that cannot narrow an earlier one (pasted, or a new first word) and scans everything.
 */
import { bench, describe } from 'vitest';
import { SearchIndex } from '../core/search/search';
import { ENGLISH } from '../components/i18n/english';
import { vocabularyWords } from '../components/i18n/labels';
import { syntheticIncidents } from './synthetic';

const TODAY = '2025-05-02';
const prefixes = (text: string) => [...text].map((_, k) => text.slice(0, k + 1));
/** Typing "click and collect", then "scattered spidx", a backspace, and "er": one search per keystroke. */
export const TYPED = [...prefixes('click and collect'), ...prefixes('scattered spidx'), 'scattered spid', 'scattered spide', 'scattered spider'];
export const KEYSTROKES = TYPED.length;
let sink = 0;

for (const size of [1_000, 10_000, 100_000]) {
  const incidents = syntheticIncidents(size);
  const index = new SearchIndex(incidents, TODAY, [vocabularyWords(ENGLISH)]);
  describe(`search ${size / 1000}k incidents`, () => {
    bench('build index', () => {
      sink += new SearchIndex(incidents, TODAY, [vocabularyWords(ENGLISH)]).size;
    }, { iterations: size >= 100_000 ? 3 : 10, time: 0 });
    bench(`typing x${KEYSTROKES} keystrokes`, () => {
      index.forgetQueries();
      for (const text of TYPED) sink += index.search({ text }).total;
    }, { time: size >= 100_000 ? 0 : 500, iterations: 10 });
    bench('cold query "scattered spider" (scans everything)', () => {
      index.forgetQueries();
      sink += index.search({ text: 'scattered spider' }).total;
    }, { time: size >= 100_000 ? 0 : 500, iterations: 10 });
    bench('empty query (all incidents, facets)', () => {
      sink += index.search({}).total;
    });
    bench('filter: service + status', () => {
      sink += index.search({ service: 'click-and-collect', status: 'resolved' }).total;
    });
  });
}

if (sink < 0) console.log(sink);
