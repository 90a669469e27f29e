/**
 * At most LISTED_PER_CODE diagnostics of a code are listed per file; the next stands for the
 * rest. Held against a plain model: group by (code, file) in list order, keep the first `per`,
 * the next one carries the count of all that follow. Limiting parts and then their join (the two
 * halves of a sheet read by two threads, a list limited every 65,536 appends) must give what
 * limiting the whole list once gives, and the counts never change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countSeverities,
  diagnostic,
  limitDiagnostics,
  LISTED_PER_CODE,
  messageOf,
  pushLimited,
  type Diagnostic,
  type DiagnosticCode,
} from '../../src/model/diagnostic.js';

const CODES: DiagnosticCode[] = ['score-out-of-range', 'parse-error', 'conflict-of-interest'];
const FILES = ['a.csv', 'b.csv'];

const make = (n: number, code: DiagnosticCode, file: string, line: number): Diagnostic =>
  diagnostic(code, `finding ${n}`, { file, line });

/** The model: each (code, file) keeps its first `per`; the next carries every later one. */
function model(list: readonly { code: DiagnosticCode; file: string; line: number }[], per: number) {
  const seen = new Map<string, number>();
  const out: { line: number; omitted: number }[] = [];
  const standIn = new Map<string, { line: number; omitted: number }>();
  for (const d of list) {
    const key = `${d.code} ${d.file}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    if (n < per) out.push({ line: d.line, omitted: 0 });
    else if (n === per) {
      const s = { line: d.line, omitted: 0 };
      standIn.set(key, s);
      out.push(s);
    } else standIn.get(key)!.omitted++;
  }
  return out;
}

const shape = (list: readonly Diagnostic[]) => list.map((d) => ({ line: d.line!, omitted: d.omitted ?? 0 }));

const findings = fc.array(fc.record({ code: fc.constantFrom(...CODES), file: fc.constantFrom(...FILES) }), {
  maxLength: 300,
});

describe('limitDiagnostics', () => {
  it('keeps the first `per` of each code and file, and the next stands for the rest', () => {
    fc.assert(
      fc.property(findings, fc.integer({ min: 0, max: 12 }), (raw, per) => {
        const list = raw.map((r, i) => ({ ...r, line: i + 1 }));
        const limited = limitDiagnostics(
          list.map((r, i) => make(i, r.code, r.file, r.line)),
          per,
        );
        expect(shape(limited)).toEqual(model(list, per));
      }),
    );
  });

  it('limiting parts, then their join in order, gives what limiting the whole once gives; the counts never change', () => {
    fc.assert(
      fc.property(
        findings,
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.integer({ min: 0, max: 12 }),
        (raw, cutsRaw, per) => {
          const whole = raw.map((r, i) => make(i, r.code, r.file, i + 1));
          const cuts = [...new Set(cutsRaw.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
          const parts: Diagnostic[][] = [];
          let from = 0;
          for (const c of [...cuts, whole.length]) {
            parts.push(
              limitDiagnostics(
                whole.slice(from, c).map((d) => ({ ...d })),
                per,
              ),
            );
            from = c;
          }
          // Parts limited twice over (as a list limited while it grows is).
          const joined = limitDiagnostics(
            parts.flatMap((p) => limitDiagnostics(p, per)),
            per,
          );
          const once = limitDiagnostics(
            whole.map((d) => ({ ...d })),
            per,
          );
          expect(shape(joined)).toEqual(shape(once));
          expect(countSeverities(joined)).toEqual(countSeverities(whole));
        },
      ),
    );
  });

  it('never changes a diagnostic: the stand-in that takes on more is a copy, so a list limited twice counts once', () => {
    const shared = Array.from({ length: 7 }, (_, i) => make(i, 'parse-error', 'a.csv', i + 1));
    const first = limitDiagnostics([...shared], 3);
    const second = limitDiagnostics([...shared], 3);
    expect(shared.every((d) => d.omitted === undefined)).toBe(true);
    expect([first[3]!.omitted, second[3]!.omitted]).toEqual([3, 3]);
  });

  it('pushLimited holds a list of millions to the limit as it grows, and the owner’s last limit gives the exact count', () => {
    const list: Diagnostic[] = [];
    const n = 300_000;
    let peak = 0;
    for (let i = 0; i < n; i++) {
      pushLimited(list, make(i, 'score-out-of-range', 'big.csv', i + 2));
      peak = Math.max(peak, list.length);
    }
    limitDiagnostics(list);
    expect(peak).toBeLessThanOrEqual(LISTED_PER_CODE + 1 + (1 << 16));
    expect(list.length).toBe(LISTED_PER_CODE + 1);
    expect(list[LISTED_PER_CODE - 1]!.line).toBe(LISTED_PER_CODE + 1);
    const standIn = list[LISTED_PER_CODE]!;
    expect([standIn.line, standIn.omitted]).toEqual([LISTED_PER_CODE + 2, n - LISTED_PER_CODE - 1]);
    expect(countSeverities(list)).toEqual({ errors: n, warnings: 0 });
    expect(messageOf(standIn)).toBe(
      'finding 10000 (and 289,999 more score-out-of-range errors about this file after this one, counted but not listed: at most 10,000 of a code are listed per file)',
    );
    expect(messageOf(list[0]!)).toBe('finding 0');
  });
});
