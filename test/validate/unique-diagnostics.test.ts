/**
 * uniqueDiagnostics (the findings of a staged rubric, entry rules repeated per stage): a finding
 * is dropped exactly when its JSON equals an earlier one's. It makes the JSON only where a finding
 * shares code, place, entry and message with an earlier one (#22: 200,000 stage findings of a
 * stress year took 1.5 s as text); the reference here turns every one into JSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { uniqueDiagnostics } from '../../src/validate/stages.js';

/** The rule as it reads: keep a finding unless an earlier one has the same JSON. */
function byJson(found: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return found.filter((d) => !seen.has(JSON.stringify(d)) && (seen.add(JSON.stringify(d)), true));
}

describe('uniqueDiagnostics', () => {
  it('keeps the first of each JSON-equal finding, in order, and nothing else', () => {
    // Few values per field: equal places and messages come often, differing in one other field
    // (severity, field, sheet) or only in the order of their keys.
    const finding = fc
      .record(
        {
          code: fc.constantFrom('too-few-judges', 'unknown-entry', 'duplicate-score'),
          severity: fc.constantFrom('error', 'warning'),
          file: fc.constantFrom('a.csv', 'b.csv'),
          sheet: fc.constantFrom('Nilai'),
          line: fc.integer({ min: 1, max: 3 }),
          column: fc.integer({ min: 1, max: 2 }),
          field: fc.constantFrom('score', 'judge_id'),
          entry_id: fc.constantFrom('E1', 'E2'),
          message: fc.constantFrom('stage desk: needs 2 judges', 'needs 2 judges'),
        },
        { requiredKeys: ['code', 'severity', 'message'] },
      )
      .chain((d) =>
        fc.tuple(fc.boolean(), fc.boolean()).map(([reversed, blank]) => {
          // a key held with no value is not written by JSON: {column: undefined} equals {}
          const withBlank = blank && !('column' in d) ? { ...d, column: undefined } : d;
          return (reversed ? Object.fromEntries(Object.entries(withBlank).reverse()) : withBlank) as Diagnostic;
        }),
      );
    // Findings drawn from a few distinct ones, each copy maybe with its keys in reverse order or
    // with an empty key added: copies that JSON writes alike, and look-alikes it does not.
    const copy = (d: Diagnostic, reversed: boolean, blank: boolean): Diagnostic => {
      const withBlank = blank && !('column' in d) ? { ...d, column: undefined } : { ...d };
      return (reversed ? Object.fromEntries(Object.entries(withBlank).reverse()) : withBlank) as Diagnostic;
    };
    fc.assert(
      fc.property(
        fc.array(finding, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.boolean()), { maxLength: 40 }),
        (distinct, picks) => {
          const found = picks.map(([k, reversed, blank]) => copy(distinct[k % distinct.length]!, reversed, blank));
          expect(uniqueDiagnostics(found)).toEqual(byJson(found));
          // the same objects, not copies
          const kept = new Set(uniqueDiagnostics(found));
          expect(byJson(found).every((d) => kept.has(d))).toBe(true);
          expect(uniqueDiagnostics(found).length).toBe(byJson(found).length);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
