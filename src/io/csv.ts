/** Temporary stand-in until the full reader lands (another engineer is writing it). */
export type Delimiter = ',' | ';' | '\t';
export interface CsvHandlers { header(cells: string[], line: number): void; row(cells: string[], line: number): void }
export class CsvSyntaxError extends Error { constructor(message: string, readonly line: number, readonly column: number) { super(message); } }
export function parseCsv(text: string, h: CsvHandlers, o: { delimiter?: Delimiter } = {}): { delimiter: Delimiter; sepLine: boolean } {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const d: Delimiter = o.delimiter ?? (first.split(';').length > first.split(',').length ? ';' : first.includes('\t') ? '\t' : ',');
  let line = 1; let i = 0; let gotHeader = false;
  while (i < text.length) {
    const start = line; const cells: string[] = []; let cell = ''; let q = false;
    for (; i < text.length; i++) {
      const ch = text[i]!;
      if (q) { if (ch === '"') { if (text[i + 1] === '"') { cell += '"'; i++; } else q = false; } else { if (ch === '\n') line++; cell += ch; } continue; }
      if (ch === '"') { q = true; continue; }
      if (ch === d) { cells.push(cell); cell = ''; continue; }
      if (ch === '\r') continue;
      if (ch === '\n') { line++; i++; break; }
      cell += ch;
    }
    cells.push(cell);
    if (cells.every((c) => c === '')) continue;
    if (!gotHeader) { gotHeader = true; h.header(cells, start); } else h.row(cells, start);
  }
  return { delimiter: d, sepLine: false };
}
