/**
 * `kipp score --format csv`: one row per entry, 2-decimal figures, formula-safe text cells.
 * A field holding `;` or a tab is quoted as well as one holding `,`, a quote or a line break,
 * as in `kipp export` (src/report/export/csv.ts): LibreOffice's import splits on all three.
 *
 * Written by hand, straight into UTF-8 pieces: csv-stringify made a record array and
 * several strings per field, and its garbage was half of a stress year's CSV time. The bytes
 * are csv-stringify's with `record_delimiter: '\n'` and `quoted_match: /[;\t\r]/` (kept so by
 * test/report/score-csv.test.ts, which compares the two; the field is the export's csvField).
 */
import { Buffer } from 'node:buffer';
import type { ScoreResult } from '../../model/result.js';
import { neutralizeFormula } from '../shared/cells.js';
import { decisionCells } from '../shared/decisions.js';
import { csvField } from '../export/csv.js';
import { asciiTable, Utf8Pieces, type PieceOptions } from '../shared/utf8-pieces.js';
import type { ReportOptions } from './options.js';
import { writeFixed2 } from '../shared/text.js';

/** The characters that make a field quoted (csvField's), as a writeAscii table. */
const QUOTED = asciiTable([0x2c, 0x3b, 0x09, 0x22, 0x0d, 0x0a]);

/**
 * The report as UTF-8 pieces of about 1 MiB, each ending with a whole row: a stress year's
 * 200,000 rows go to the file as they are made, never held as one string. `kipp score` asks for
 * them with `reuse` (each piece written before the next is made, see PieceOptions): fresh pieces
 * would wait outside V8's heap for a collection, 20–25 MB at the end of a stress year.
 */
export function formatCsvPieces(
  result: ScoreResult,
  options: ReportOptions,
  pieces: PieceOptions = {},
): Iterable<Uint8Array> {
  const criteria = result.rubric.criteria.map((k) => k.id);
  const stages = result.rubric.stages.map((s) => s.name);
  const header = [
    'rank',
    'category_rank',
    'id',
    'title',
    'agency',
    'category',
    'group',
    'total',
    ...criteria,
    ...stages.flatMap((s) => [`${s}_total`, `${s}_rank`]),
    'judges',
    'passed',
    'tied',
    'reasons',
    'shortlists',
    'flags',
  ];
  // With --decisions only (a report without keeps its columns): what the jury decided on the entry.
  const decided = result.decisions !== undefined ? decisionCells(result, options.lang) : undefined;
  if (decided) header.push('decisions');
  return (function* rows(): Generator<Uint8Array> {
    const out = new Utf8Pieces(pieces);
    const field = (text: string) => {
      if (!out.writeAscii(text, QUOTED)) out.write(csvField(text));
    };
    const text = (s: string) => field(neutralizeFormula(s));
    // A rank or a count as digits (String(n) writes the same), an absent one as nothing.
    const integer = (n: number | null | undefined) => {
      if (n === null || n === undefined) return;
      if (Number.isSafeInteger(n) && n >= 0) out.writeDigits(n);
      else out.write(String(n));
    };
    const comma = () => out.writeByte(0x2c);
    header.forEach((name, i) => {
      if (i > 0) comma();
      field(name);
    });
    out.writeByte(0x0a);
    for (const e of result.entries) {
      integer(e.rank);
      comma();
      integer(e.category_rank);
      comma();
      text(e.id);
      comma();
      text(e.title);
      comma();
      text(e.agency);
      comma();
      text(e.category);
      comma();
      text(e.group ?? '');
      comma();
      writeFixed2(out, e.total);
      for (const k of criteria) {
        comma();
        writeFixed2(out, e.criteria[k]);
      }
      for (const s of stages) {
        comma();
        writeFixed2(out, e.stages?.[s]?.total ?? null);
        comma();
        integer(e.stages?.[s]?.rank);
      }
      comma();
      integer(e.judges);
      out.write(e.passed ? ',true' : ',false');
      out.write(e.tied ? ',true,' : ',false,');
      field(e.reasons.join(' '));
      comma();
      field(e.shortlists.join(' '));
      comma();
      field(e.flags.join(' '));
      if (decided) {
        comma();
        text(decided.get(e.id) ?? '');
      }
      out.writeByte(0x0a);
      const piece = out.full();
      if (piece !== undefined) yield piece;
    }
    const rest = out.take();
    if (rest.length > 0) yield rest;
  })();
}

/** The whole report as one string: formatCsvPieces joined. */
export function formatCsv(result: ScoreResult, options: ReportOptions): string {
  return Buffer.concat([...formatCsvPieces(result, options)]).toString('utf8');
}
