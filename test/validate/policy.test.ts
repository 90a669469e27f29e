/**
 * --strict, --quiet and --max-warnings as a pure function of the diagnostics, and the panel
 * connectivity rule (union-find) on hand-drawn graphs.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { diagnostic } from '../../src/model/diagnostic.js';
import { applyPolicy } from '../../src/validate/policy.js';
import { checkPanel, isPanelConnected, panelComponents } from '../../src/validate/panel.js';

const E = diagnostic('missing-field', 'x', { file: 'a.csv', line: 2 });
const W = diagnostic('unknown-field', 'y', { file: 'a.csv', line: 1 });
const base = { strict: false, quiet: false, maxWarnings: undefined };

describe('applyPolicy', () => {
  test('warnings alone exit 0, an error exits 1', () => {
    expect(applyPolicy([W, W], base)).toMatchObject({ errors: 0, warnings: 2, exit: 0 });
    expect(applyPolicy([W, E], base)).toMatchObject({ errors: 1, warnings: 1, exit: 1 });
    expect(applyPolicy([], base)).toMatchObject({ errors: 0, warnings: 0, exit: 0 });
  });
  test('--strict: every warning becomes an error', () => {
    const r = applyPolicy([W, W], { ...base, strict: true });
    expect(r).toMatchObject({ errors: 2, warnings: 0, exit: 1 });
    expect(r.shown.map((d) => d.severity)).toEqual(['error', 'error']);
  });
  test('--max-warnings N: exit 1 only above N', () => {
    expect(applyPolicy([W, W], { ...base, maxWarnings: 2 }).exit).toBe(0);
    expect(applyPolicy([W, W, W], { ...base, maxWarnings: 2 }).exit).toBe(1);
    expect(applyPolicy([W], { ...base, maxWarnings: 0 }).exit).toBe(1);
  });
  test('--quiet hides warnings but still counts them; the exit code does not change', () => {
    const r = applyPolicy([W, E, W], { ...base, quiet: true, maxWarnings: 1 });
    expect(r.shown).toEqual([E]);
    expect(r).toMatchObject({ errors: 1, warnings: 2, hidden: 2, exit: 1 });
    expect(applyPolicy([W, W], { ...base, quiet: true, maxWarnings: 1 }).exit).toBe(1);
  });
  test('the input is not changed', () => {
    const list = [W];
    applyPolicy(list, { ...base, strict: true });
    expect(list[0]!.severity).toBe('warning');
  });
});

describe('panel connectivity', () => {
  test('judges linked through shared entries form one piece', () => {
    // J1–E1–J2–E2–J3: a chain is connected.
    const edges = [
      { judge: 'J1', entry: 'E1' },
      { judge: 'J2', entry: 'E1' },
      { judge: 'J2', entry: 'E2' },
      { judge: 'J3', entry: 'E2' },
    ];
    expect(isPanelConnected(edges)).toBe(true);
    expect(checkPanel(edges, { normalization: 'zscore' })).toEqual([]);
  });
  test('two panels that share no entry: two pieces and a warning', () => {
    const edges = [
      { judge: 'J2', entry: 'E1' },
      { judge: 'J1', entry: 'E1' },
      { judge: 'J3', entry: 'E2' },
      { judge: 'J4', entry: 'E2' },
      { judge: 'J4', entry: 'E3' },
    ];
    expect(panelComponents(edges)).toEqual([
      ['J1', 'J2'],
      ['J3', 'J4'],
    ]);
    const [d] = checkPanel(edges, { normalization: 'zscore' });
    expect(d).toMatchObject({ code: 'disconnected-panel', severity: 'warning' });
    expect(d!.file).toBeUndefined();
  });
  test('an empty panel is not disconnected', () => {
    expect(isPanelConnected([])).toBe(true);
  });
  test('property: the pieces do not depend on the order of the records', () => {
    const edge = fc.record({
      judge: fc.constantFrom('J1', 'J2', 'J3', 'J4', 'J5'),
      entry: fc.constantFrom('E1', 'E2', 'E3', 'E4', 'E5', 'E6'),
    });
    fc.assert(
      fc.property(fc.array(edge, { maxLength: 12 }), (edges) => {
        const reversed = [...edges].reverse();
        expect(panelComponents(reversed)).toEqual(panelComponents(edges));
      }),
    );
  });
  test('property: a score linking a judge and an entry already on the panel never adds a piece', () => {
    const edge = fc.record({
      judge: fc.constantFrom('J1', 'J2', 'J3', 'J4'),
      entry: fc.constantFrom('E1', 'E2', 'E3', 'E4'),
    });
    fc.assert(
      fc.property(fc.array(edge, { minLength: 1, maxLength: 10 }), fc.nat(), fc.nat(), (edges, i, k) => {
        const extra = { judge: edges[i % edges.length]!.judge, entry: edges[k % edges.length]!.entry };
        expect(panelComponents([...edges, extra]).length).toBeLessThanOrEqual(panelComponents(edges).length);
      }),
    );
  });
});
