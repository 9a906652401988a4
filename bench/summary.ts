/**
 * Folds bench/results/navigation.json (the headline: navigation → badge), node.json (vitest bench),
 * feed.json (bench/feed-cost.ts) and browser.json (Playwright) into ONE line of name=value pairs, the
 * last line `npm run bench` prints, headline first. Times in ns or ms as named.
 */
import { existsSync, readFileSync } from 'node:fs';

interface Bench { name: string; median: number }
interface Group { fullName: string; benchmarks: Bench[] }
const pairs: [string, string | number][] = [];
const fmt = (x: number) => Math.round(x * 10) / 10;

if (existsSync('bench/results/navigation.json')) {
  for (const [k, v] of Object.entries(JSON.parse(readFileSync('bench/results/navigation.json', 'utf8')) as Record<string, number>)) pairs.push([k, v]);
}

if (existsSync('bench/results/node.json')) {
  const node = JSON.parse(readFileSync('bench/results/node.json', 'utf8')) as { files: { groups: Group[] }[] };
  const find = (group: string, name: string) => {
    for (const f of node.files) for (const g of f.groups) if (g.fullName.endsWith(group)) for (const b of g.benchmarks) if (b.name.startsWith(name)) return b.median;
    return NaN;
  };
  for (const k of ['1k', '10k', '100k']) {
    const ns = (name: string, batch: number) => (find(`lookup ${k} domains`, name) * 1e6) / batch;
    const ours = ns('DomainIndex.match', 1000);
    pairs.push([`lookup_${k}_ns`, fmt(ours)]);
    pairs.push([`lookup_tldts_${k}_ns`, fmt(ns('tldts parse', 1000))]);
    pairs.push([`lookup_vs_tldts_${k}_x`, fmt(ns('tldts parse', 1000) / ours)]);
    pairs.push([`lookup_linear_${k}_ns`, fmt(ns('linear scan', 10))]);
    pairs.push([`index_restore_${k}_ms`, fmt(find(`lookup ${k} domains`, 'DomainIndex restored'))]);
    pairs.push([`search_build_${k}_ms`, fmt(find(`search ${k} incidents`, 'build index'))]);
    pairs.push([`search_keystroke_${k}_ms`, fmt(find(`search ${k} incidents`, 'typing') / 35)]);
    pairs.push([`search_cold_${k}_ms`, fmt(find(`search ${k} incidents`, 'cold query'))]);
  }
  for (const f of node.files) for (const g of f.groups) if (g.fullName.includes('dataset ')) for (const b of g.benchmarks) pairs.push([`dataset_${b.name.replace(/\W+/g, '_')}_ms`, fmt(b.median)]);
}
if (existsSync('bench/results/feed.json')) {
  for (const [k, v] of Object.entries(JSON.parse(readFileSync('bench/results/feed.json', 'utf8')) as Record<string, number>)) pairs.push([k, v]);
}
if (existsSync('bench/results/browser.json')) {
  for (const [k, v] of Object.entries(JSON.parse(readFileSync('bench/results/browser.json', 'utf8')) as Record<string, number>)) pairs.push([k, v]);
}
console.log(pairs.map(([k, v]) => `${k}=${v}`).join(' '));
