/**
 * Reading data tables out of HTML pages (regulators' breach lists, Wikipedia's rendered table)
 * with node-html-parser. Cells come back as plain text (tags dropped, entities decoded, footnote
 * markers like "[12]" removed, whitespace collapsed) with the first link's href; rowspan and
 * colspan are expanded, so a row always has one value per column.
 */
import { parse, type HTMLElement } from 'node-html-parser';

export interface Cell {
  text: string;
  href?: string;
}

export interface Table {
  headers: string[];
  rows: Cell[][];
}

function cellText(element: HTMLElement): string {
  // Footnote references ("[12]") and hidden sort keys are not part of what the cell says.
  for (const drop of element.querySelectorAll('sup.reference, .sortkey, style, script, [style*="display:none"]')) drop.remove();
  return element.textContent.replace(/\[\d+\]|\[[a-z]\]/g, '').replace(/\s+/g, ' ').trim();
}

function span(element: HTMLElement, name: string): number {
  const value = Number(element.getAttribute(name) ?? '1');
  return Number.isInteger(value) && value >= 1 && value <= 1000 ? value : 1;
}

/** Every table in `html` with a header row (th cells), rows expanded. */
export function readTables(html: string): Table[] {
  const root = parse(html, { blockTextElements: { script: false, style: false } });
  return root.querySelectorAll('table').map((table) => {
    const grid: Cell[][] = [];
    // Cells carried down by rowspan: column → [cell, rows left].
    const carried = new Map<number, [Cell, number]>();
    let headers: string[] = [];
    for (const tr of table.querySelectorAll('tr')) {
      // Nested tables belong to their own table.
      if (tr.closest('table') !== table) continue;
      const cells = tr.childNodes.filter((n): n is HTMLElement => (n as HTMLElement).tagName === 'TD' || (n as HTMLElement).tagName === 'TH');
      if (cells.length === 0) continue;
      if (headers.length === 0 && cells.every((c) => c.tagName === 'TH')) {
        headers = cells.flatMap((c) => Array<string>(span(c, 'colspan')).fill(cellText(c)));
        continue;
      }
      const row: Cell[] = [];
      let column = 0;
      const fillCarried = () => {
        for (let hold = carried.get(column); hold; hold = carried.get(column)) {
          row[column] = hold[0];
          if (--hold[1] === 0) carried.delete(column);
          column++;
        }
      };
      for (const td of cells) {
        fillCarried();
        const href = td.querySelector('a[href]')?.getAttribute('href');
        const cell: Cell = { text: cellText(td), ...(href ? { href } : {}) };
        for (let i = 0; i < span(td, 'colspan'); i++) {
          row[column] = cell;
          const down = span(td, 'rowspan');
          if (down > 1) carried.set(column, [cell, down - 1]);
          column++;
        }
      }
      fillCarried();
      grid.push(row);
    }
    return { headers, rows: grid };
  });
}

/** The first table whose headers include all of `wanted` (case-insensitive prefixes), as records keyed by those names. */
export function findTable(html: string, wanted: readonly string[]): Record<string, Cell>[] | null {
  for (const table of readTables(html)) {
    const lower = table.headers.map((h) => h.toLowerCase());
    const columns = wanted.map((w) => lower.findIndex((h) => h.startsWith(w.toLowerCase())));
    if (columns.some((c) => c < 0)) continue;
    return table.rows.map((row) => Object.fromEntries(wanted.map((w, i) => [w, row[columns[i]!] ?? { text: '' }])));
  }
  return null;
}
