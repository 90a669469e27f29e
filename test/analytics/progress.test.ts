/**
 * The sensitivity command draws its progress bar on stderr only when stderr is a terminal, and
 * never on stdout (the command is called as a function with a stand-in context).
 */
import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/context.js';
import { progressBar, runSensitivityCommand } from '../../src/commands/sensitivity.js';

const CONF = 'fixtures/conformance/panel';
const options = {
  scores: [`${CONF}/scores-wide.csv`, `${CONF}/scores-long.csv`],
  judges: `${CONF}/judges.csv`,
  rubric: `${CONF}/rubric.yaml`,
  asOf: '2026-11-22',
  runs: 20,
  format: 'json' as const,
};

function context(stderrIsTTY: boolean) {
  const raw: string[] = [];
  const lines: string[] = [];
  const ctx: CommandContext = {
    env: {},
    color: false,
    stderrColor: false,
    stdoutIsTTY: false,
    stderrIsTTY,
    columns: 100,
    log: (l) => void lines.push(l),
    writeErr: (t) => void raw.push(t),
    lang: 'en',
  };
  return { ctx, raw, lines };
}

describe('sensitivity progress', () => {
  it('on a terminal: a bar redrawn with \\r up to N/N, then cleared', async () => {
    const { ctx, raw } = context(true);
    const out = await runSensitivityCommand([`${CONF}/entries.csv`], options, ctx);
    expect(raw.some((t) => t.startsWith('\r[') && t.endsWith(' 20/20'))).toBe(true);
    expect(raw[raw.length - 1]).toBe('\r\u001b[2K');
    expect(typeof out.output).toBe('string');
    expect(out.output as string).not.toContain('\r');
  });
  it('off a terminal: no bar at all', async () => {
    const { ctx, raw } = context(false);
    await runSensitivityCommand([`${CONF}/entries.csv`], options, ctx);
    expect(raw).toEqual([]);
  });
  it('the bar fills in proportion', () => {
    expect(progressBar(5, 10, 10)).toBe('\r[█████·····] 5/10');
  });
});
