/**
 * Issue 19, "the README's walkthrough runs the whole cycle": the shell block of the README's
 * plenary section (assign → score → agenda → decisions → final report → verify) is read from the
 * README itself and run, command by command, in a copy of fixtures/example. A change to the
 * commands, the fixture or the code that breaks the walkthrough fails here. The expected lists
 * come from the fixture's scores as kipp score shows them before decisions (checked by hand:
 * KIPP-2018-024 and KIPP-2018-040 both 36.888889, equal on benefit and effectiveness).
 *
 * The block is found by its heading, in README.md or, once the README is split, in docs/.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kippIn, ROOT, type Run } from './run.js';
import { tempFolder } from '../tmp.js';

/** The first ```sh block after the heading "The plenary: …", in the README or a docs/ page. */
function walkthrough(): string[] {
  const pages = [join(ROOT, 'README.md')];
  const docs = join(ROOT, 'docs');
  if (existsSync(docs))
    for (const f of readdirSync(docs, { recursive: true, encoding: 'utf8' }))
      if (f.endsWith('.md')) pages.push(join(docs, f));
  for (const page of pages) {
    const text = readFileSync(page, 'utf8');
    const at = text.search(/^#+ The plenary: conflicts, agenda, decisions$/m);
    if (at < 0) continue;
    const block = /```sh\n([^]*?)```/.exec(text.slice(at));
    if (block) return block[1]!.split('\n');
  }
  throw new Error(
    'the plenary walkthrough (a ```sh block under "The plenary: conflicts, agenda, decisions") is not in README.md or docs/',
  );
}

interface Step {
  argv: string[];
  /** `> FILE`: standard output goes to this file. */
  stdoutTo?: string;
}

/** The block as a shell would run it: NAME=value lines set variables, `kipp …` lines are commands. */
function steps(lines: readonly string[]): Step[] {
  const vars = new Map<string, string>();
  const expand = (s: string) => s.replace(/\$\{?(\w+)\}?/g, (all, name: string) => vars.get(name) ?? all);
  const out: Step[] = [];
  for (const raw of lines) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const assign = /^(\w+)=(?:"([^"]*)"|(\S*))$/.exec(line);
    if (assign) {
      vars.set(assign[1]!, expand(assign[2] ?? assign[3] ?? ''));
      continue;
    }
    const words = expand(line).split(/\s+/);
    if (words[0] !== 'kipp') throw new Error(`the walkthrough has a line this test cannot run: ${raw}`);
    const redirect = words.indexOf('>');
    out.push(
      redirect < 0 ? { argv: words.slice(1) } : { argv: words.slice(1, redirect), stdoutTo: words[redirect + 1]! },
    );
  }
  return out;
}

describe('#19 the README walkthrough runs the whole plenary cycle on the shipped example', () => {
  it('#19 what it must show (2): assign → score → agenda (+ template) → decisions → final report → verify, exactly as the README writes it', async () => {
    const run = steps(walkthrough());
    // The cycle the issue asks for, in its order.
    expect(run.map((s) => [s.argv[0], s.argv.includes('--decisions')])).toEqual([
      ['assign', false],
      ['score', false],
      ['agenda', false],
      ['score', true],
      ['verify', false],
    ]);
    const dir = tempFolder('kipp-readme-plenary-');
    cpSync(join(ROOT, 'fixtures/example'), join(dir, 'fixtures/example'), { recursive: true });
    const results: Run[] = [];
    for (const step of run) {
      const r = await kippIn(step.argv, { cwd: dir });
      if (step.stdoutTo !== undefined) writeFileSync(join(dir, step.stdoutTo), r.stdout);
      expect(r.status, `kipp ${step.argv.join(' ')}\n${r.stderr}`).toBe(0);
      results.push(r);
    }
    const [assign, score, agenda, final, verify] = results as [Run, Run, Run, Run, Run];

    // 1. One score sheet per judge of the example's ten.
    expect(assign.stderr).toContain('10 score sheets');
    // 2. The tie the jury must decide.
    expect(score.stderr).toContain('cutoff-tie: shortlist "top-45" (size 45) takes 46');
    // 3. The agenda lists it, and the template holds exactly that open item, which the shipped
    // decisions file resolves.
    const pack = readFileSync(join(dir, 'agenda.html'), 'utf8');
    expect(pack).toMatch(
      /<section id="ties"[^]*Top 45: 1 place\(s\) left for 2 tied entries at rank 45[^]*<td class="id">KIPP-2018-024<\/td>[^]*<td class="id">KIPP-2018-040<\/td>[^]*<\/section>/,
    );
    expect(agenda.stderr).toContain('decisions.yaml (1 open item)');
    const template = readFileSync(join(dir, 'decisions.yaml'), 'utf8');
    expect(template.match(/- resolve_tie:/g)).toHaveLength(1);
    expect(template).toContain(
      'resolve_tie: { shortlist: "top-45", take: [] }  # choose 1 of KIPP-2018-024, KIPP-2018-040',
    );
    // 4. The final report: a Top 45 of exactly 45 (ranks 1–44, then KIPP-2018-040 of the tie),
    // KIPP-2018-027 withdrawn, both decisions listed.
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
      entries: { id: string; rank: number | null; shortlists: string[]; flags: string[] }[];
      shortlists: { name: string; size: number; taken: number; cutoff_tie: boolean }[];
      decisions: { action: string; entries: string[]; left_out?: string[] }[];
    };
    const top45 = report.entries.filter((e) => e.shortlists.includes('top-45'));
    expect(top45).toHaveLength(45);
    expect(top45.map((e) => e.id)).toContain('KIPP-2018-040');
    expect(top45.map((e) => e.id)).not.toContain('KIPP-2018-024');
    expect(top45.filter((e) => e.rank! < 45)).toHaveLength(44);
    expect(report.shortlists.find((s) => s.name === 'top-45')).toEqual({
      name: 'top-45',
      size: 45,
      taken: 45,
      cutoff_tie: false,
    });
    expect(report.entries.find((e) => e.id === 'KIPP-2018-027')).toMatchObject({
      rank: null,
      flags: ['withdrawn'],
      shortlists: [],
    });
    expect(report.decisions.map((d) => [d.action, d.entries, d.left_out])).toEqual([
      ['resolve_tie', ['KIPP-2018-040'], ['KIPP-2018-024']],
      ['withdraw', ['KIPP-2018-027'], undefined],
    ]);
    expect(final.stderr).not.toContain('cutoff-tie');
    // 5. The archive reproduces it.
    expect(verify.stdout).toContain('VERIFIED');
  });
});
