/**
 * Issue 19, the plenary, end to end on fixtures/plenary: 60 entries, four judges, a Top 45 whose
 * cut-off falls between P-045 and P-046 (equal on every score), a declared conflict (J04 with
 * P-012), and the jury's decisions. Expected values are worked out from the fixture's sheet by
 * hand in the comments, not read back from the tool.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { kippIn } from './run.js';
import { tempFolder } from '../tmp.js';

const F = 'fixtures/plenary';
const BASE = [`${F}/entries.csv`, '-s', `${F}/scores.csv`, '-j', `${F}/judges.csv`, '-r', `${F}/rubric.yaml`];
const tempDir = () => tempFolder('kipp-plenary-');

interface JsonEntry {
  id: string;
  rank: number | null;
  judges: number;
  total: number | null;
  shortlists: string[];
  flags: string[];
}
interface JsonDiagnostic {
  code: string;
  severity: string;
  file?: string;
  line?: number;
  entry_id?: string;
  message: string;
}

describe('#19.1 declared conflicts', () => {
  it("#19.1: a declared conflict excludes the judge's scores for that entry, with a conflict-of-interest warning carrying the reason", async () => {
    const r = await kippIn(['score', ...BASE, '--conflicts', `${F}/conflicts.csv`, '--format', 'json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as {
      entries: JsonEntry[];
      diagnostics: JsonDiagnostic[];
      inputs: { kind: string; path: string }[];
    };
    const byId = new Map(report.entries.map((e) => [e.id, e]));
    // P-012 was scored by J01..J04; J04's scores are set aside: three judges remain.
    expect(byId.get('P-012')!.judges).toBe(3);
    expect(byId.get('P-011')!.judges).toBe(4);
    const warnings = report.diagnostics.filter((d) => d.code === 'conflict-of-interest');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', entry_id: 'P-012', file: `${F}/scores.csv`, line: 49 });
    expect(warnings[0]!.message).toContain('former consultant to the agency');
    // The conflicts file is an input of the report (verify re-reads it).
    expect(report.inputs.map((i) => i.kind)).toContain('conflicts');
    // Without the file, J04 counts.
    const plain = JSON.parse((await kippIn(['score', ...BASE, '--format', 'json'])).stdout) as { entries: JsonEntry[] };
    expect(plain.entries.find((e) => e.id === 'P-012')!.judges).toBe(4);
  });

  it('#19.1: an unknown judge or entry in the conflicts file is an error at its line (score exit 1, validate too)', async () => {
    const dir = tempDir();
    const file = join(dir, 'conflicts.csv');
    writeFileSync(
      file,
      'judge_id,entry_id,reason\nJ04,P-012,consultant\nJ09,P-013,relative\nJ01,P-999,former employer\n',
    );
    const r = await kippIn(['score', ...BASE, '--conflicts', file, '--format', 'json']);
    expect(r.status).toBe(1);
    const diagnostics = (JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
    expect(diagnostics.find((d) => d.code === 'unknown-judge')).toMatchObject({ severity: 'error', file, line: 3 });
    expect(diagnostics.find((d) => d.code === 'unknown-entry')).toMatchObject({ severity: 'error', file, line: 4 });
    const v = await kippIn(['validate', ...BASE, '--conflicts', file, '--format', 'json']);
    expect(v.status).toBe(1);
    expect(v.stdout).toContain('"unknown-judge"');
    expect(v.stdout).toContain('"unknown-entry"');
  });

  it('#19.1: a conflict row without its reason is a missing-field error', async () => {
    const dir = tempDir();
    const file = join(dir, 'conflicts.yaml');
    writeFileSync(file, '- judge_id: J04\n  entry_id: P-012\n');
    const r = await kippIn(['validate', ...BASE, '--conflicts', file, '--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('"missing-field"');
  });

  it('#19.1: kipp assign keeps a judge off the entries they declared a conflict with', async () => {
    const dir = tempDir();
    const r = await kippIn([
      'assign',
      `${F}/entries.csv`,
      '-j',
      `${F}/judges.csv`,
      '--conflicts',
      `${F}/conflicts.csv`,
      '-k',
      '3',
      '-d',
      dir,
    ]);
    expect(r.status).toBe(0);
    const pairs = readFileSync(join(dir, 'assignment.csv'), 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter((l) => l !== '');
    const p012 = pairs.filter((l) => l.startsWith('P-012,'));
    expect(p012).toHaveLength(3);
    expect(p012.some((l) => l.includes('J04'))).toBe(false);
  });

  it('#19.1: kipp judges and explain see the declared conflict', async () => {
    const j = await kippIn(['judges', ...BASE, '--conflicts', `${F}/conflicts.csv`, '--format', 'json']);
    expect(j.status).toBe(0);
    const judges = (JSON.parse(j.stdout) as { judges: { id: string; conflicts: number }[] }).judges;
    // J04 scored P-012 on five criteria: five records excluded.
    expect(judges.find((x) => x.id === 'J04')!.conflicts).toBeGreaterThan(0);
    expect(judges.find((x) => x.id === 'J01')!.conflicts).toBe(0);
    const e = await kippIn(['explain', 'P-012', ...BASE, '--conflicts', `${F}/conflicts.csv`, '--format', 'json']);
    expect(e.status).toBe(0);
    expect(e.stdout).toContain('conflict');
  });
});

const DECISIONS = `${F}/decisions.yaml`;

interface JsonReport {
  entries: JsonEntry[];
  shortlists: { name: string; size: number; taken: number; cutoff_tie: boolean }[];
  decisions?: {
    action: string;
    shortlist?: string;
    entries: string[];
    left_out?: string[];
    by: string;
    date: string;
    reason: string;
    line: number;
  }[];
  inputs: { kind: string; path: string; sha256: string }[];
  diagnostics: JsonDiagnostic[];
}

function decisionsFile(body: string): string {
  const file = join(tempDir(), 'decisions.yaml');
  writeFileSync(file, body);
  return file;
}

describe('#19.4 decisions applied by kipp score --decisions', () => {
  it('#19.4: the tie resolved and the disqualification applied: a Top 45 of exactly 45, a decisions section, the file in the manifest', async () => {
    const { createHash } = await import('node:crypto');
    const r = await kippIn(['score', ...BASE, '--decisions', DECISIONS, '--format', 'json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    const top45 = report.entries.filter((e) => e.shortlists.includes('top-45')).map((e) => e.id);
    // Without decisions P-001..P-046 (46: P-045 and P-046 tie at 45). The jury takes P-046;
    // P-050 (rank 50) leaves the ranking, which moves nobody into the Top 45.
    const expected = [...Array.from({ length: 44 }, (_, i) => `P-${String(i + 1).padStart(3, '0')}`), 'P-046'];
    expect(top45).toEqual(expected);
    expect(report.shortlists.find((s) => s.name === 'top-45')).toEqual({
      name: 'top-45',
      size: 45,
      taken: 45,
      cutoff_tie: false,
    });
    expect(report.diagnostics.some((d) => d.code === 'cutoff-tie')).toBe(false);
    const p050 = report.entries.find((e) => e.id === 'P-050')!;
    expect(p050).toMatchObject({ rank: null, total: null, flags: ['disqualified'], shortlists: [] });
    // P-051 moves up to rank 50 (P-045 and P-046 share 45, 47..49 follow).
    expect(report.entries.find((e) => e.id === 'P-051')!.rank).toBe(50);
    expect(report.decisions).toEqual([
      {
        action: 'resolve_tie',
        shortlist: 'top-45',
        entries: ['P-046'],
        left_out: ['P-045'],
        by: 'Jury plenary (chair Prof. Bambang Wibowo)',
        date: '2026-11-20',
        reason: 'Minutes §4: P-046 serves more residents; vote 3–1',
        line: 7,
      },
      {
        action: 'disqualify',
        entries: ['P-050'],
        by: "Secretariat, on the field verification team's report",
        date: '2026-11-18',
        reason: 'Field verification: the service was not running at the site visit',
        line: 11,
      },
    ]);
    const input = report.inputs.find((i) => i.kind === 'decisions')!;
    expect(input.path).toBe(DECISIONS);
    expect(input.sha256).toBe(createHash('sha256').update(readFileSync(DECISIONS)).digest('hex'));
    // The table and Markdown carry the section too.
    const md = await kippIn(['score', ...BASE, '--decisions', DECISIONS, '--format', 'md']);
    expect(md.stdout).toContain('## Jury decisions');
    expect(md.stdout).toContain('takes P-046; left out P-045');
    const table = await kippIn(['score', ...BASE, '--decisions', DECISIONS, '--lang', 'id']);
    expect(table.stdout).toContain('Keputusan juri');
    expect(table.stdout).toContain('P-050 didiskualifikasi');
    const html = await kippIn(['score', ...BASE, '--decisions', DECISIONS, '--format', 'html']);
    expect(html.stdout).toMatch(
      /<section id="decisions"[^]*takes P-046; left out P-045[^]*P-050 disqualified[^]*<\/section>/,
    );
  });

  it('#19.4: changing one score that removes the tie makes the stale decision an error at its line', async () => {
    const dir = tempDir();
    const sheet = join(dir, 'scores.csv');
    // P-046's J01 novelty 4.4 → 4.9: P-046 is now 45th alone, no tie at the cut.
    const text = readFileSync(`${F}/scores.csv`, 'utf8').replace('P-046,J01,4.4,', 'P-046,J01,4.9,');
    writeFileSync(sheet, text);
    const r = await kippIn([
      'score',
      `${F}/entries.csv`,
      '-s',
      sheet,
      '-j',
      `${F}/judges.csv`,
      '-r',
      `${F}/rubric.yaml`,
      '--decisions',
      DECISIONS,
      '--format',
      'json',
    ]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    const stale = report.diagnostics.filter((d) => d.code === 'stale-decision');
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({ severity: 'error', file: DECISIONS, line: 7 });
    expect(stale[0]!.message).toContain('tie');
    // Nothing is applied half-way: P-050 is still ranked, no decisions listed.
    expect(report.entries.find((e) => e.id === 'P-050')!.rank).toBe(50);
    expect(report.decisions).toEqual([]);
    expect(r.stderr).toContain('decisions.yaml:7');
  });

  it('#19.4: an override without a reason, an unknown entry, an entry that was not tied and two decisions on one place are errors at their lines', async () => {
    const file = decisionsFile(
      [
        'decisions:',
        '  - include: { shortlist: top-10, entry: P-011 }', // line 2: no reason
        '    by: Jury',
        '    date: 2026-11-20',
        '  - disqualify: P-999', // line 5: unknown entry
        '    by: Secretariat',
        '    date: 2026-11-18',
        '    reason: verification',
        '  - resolve_tie: { shortlist: top-45, take: [P-044] }', // line 9: P-044 is not tied
        '    by: Jury',
        '    date: 2026-11-20',
        '    reason: vote',
        '  - withdraw: P-055', // line 13
        '    by: Secretariat',
        '    date: 2026-11-19',
        '    reason: the agency withdrew',
        '  - disqualify: P-055', // line 17: same place as line 13
        '    by: Secretariat',
        '    date: 2026-11-19',
        '    reason: verification',
        '',
      ].join('\n'),
    );
    const r = await kippIn(['score', ...BASE, '--decisions', file, '--format', 'json']);
    expect(r.status).toBe(1);
    const found = (JSON.parse(r.stdout) as JsonReport).diagnostics.filter(
      (d) => d.code === 'invalid-decision' || d.code === 'stale-decision',
    );
    // The schema error is found first; the file is then not applied at all.
    expect(found.map((d) => [d.code, d.line])).toEqual([['invalid-decision', 2]]);
    expect(found[0]!.message).toContain('reason');

    const fixed = readFileSync(file, 'utf8').replace(
      '    by: Jury\n    date: 2026-11-20\n  - disqualify',
      '    by: Jury\n    date: 2026-11-20\n    reason: the jury votes it in\n  - disqualify',
    );
    writeFileSync(file, fixed);
    const again = await kippIn(['score', ...BASE, '--decisions', file, '--format', 'json']);
    expect(again.status).toBe(1);
    const stale = (JSON.parse(again.stdout) as JsonReport).diagnostics.filter((d) => d.code === 'stale-decision');
    // Lines moved down by one after the added reason.
    expect(stale.map((d) => d.line).sort((a, b) => a! - b!)).toEqual([6, 10, 18]);
    expect(stale.find((d) => d.line === 10)!.message).toContain('not tied');
    expect(stale.find((d) => d.line === 18)!.message).toContain('line 14');
  });

  it('#19.4: an entry id written as a number in the decisions file names that entry as written, not the number', async () => {
    // Entries "0050" (was P-050) and "50" (was P-049): YAML reads an unquoted 0050 as the number
    // 50, and the decision went to entry "50", which nobody disqualified.
    const dir = tempDir();
    const renamed = (f: string) =>
      readFileSync(`${F}/${f}`, 'utf8').replaceAll('P-050,', '0050,').replaceAll('P-049,', '50,');
    for (const f of ['entries.csv', 'scores.csv']) writeFileSync(join(dir, f), renamed(f));
    const decisions = join(dir, 'decisions.yaml');
    writeFileSync(
      decisions,
      'decisions:\n  - disqualify: 0050\n    by: Secretariat\n    date: 2026-11-18\n    reason: field verification\n',
    );
    const args = [
      join(dir, 'entries.csv'),
      '-s',
      join(dir, 'scores.csv'),
      '-j',
      `${F}/judges.csv`,
      '-r',
      `${F}/rubric.yaml`,
    ];
    const r = await kippIn(['score', ...args, '--decisions', decisions, '--format', 'json']);
    expect(r.status).toBe(0);
    const byId = new Map((JSON.parse(r.stdout) as JsonReport).entries.map((e) => [e.id, e]));
    expect(byId.get('0050')!.flags).toEqual(['disqualified']);
    expect(byId.get('0050')!.rank).toBeNull();
    expect(byId.get('50')!.flags).toEqual([]);
    expect(byId.get('50')!.rank).not.toBeNull();
  });

  it('#19.4: kipp verify re-derives the final lists with the decisions, and a changed decision fails it', async () => {
    const dir = tempDir();
    for (const f of ['entries.csv', 'scores.csv', 'judges.csv', 'rubric.yaml', 'conflicts.csv', 'decisions.yaml'])
      writeFileSync(join(dir, f), readFileSync(`${F}/${f}`));
    const out = join(dir, 'report.json');
    const at = (f: string) => join(dir, f);
    const r = await kippIn([
      'score',
      at('entries.csv'),
      '-s',
      at('scores.csv'),
      '-j',
      at('judges.csv'),
      '-r',
      at('rubric.yaml'),
      '--conflicts',
      at('conflicts.csv'),
      '--decisions',
      at('decisions.yaml'),
      '--output',
      out,
    ]);
    expect(r.status).toBe(0);
    const v = await kippIn(['verify', out]);
    expect(v.stdout).toContain('VERIFIED');
    expect(v.status).toBe(0);
    // The minutes are edited after publication: the jury "took" P-045 instead.
    writeFileSync(
      at('decisions.yaml'),
      readFileSync(at('decisions.yaml'), 'utf8').replace('take: [P-046]', 'take: [P-045]'),
    );
    const tampered = await kippIn(['verify', out]);
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toMatch(/CHANGED\s+decisions/);
    expect(tampered.stdout).toContain('P-045');
  });
});

describe('#19.2 kipp agenda, the meeting pack', () => {
  it('#19.2: the agenda lists the tie at the Top 45 cut (profiles side by side), the entries a hair from the pass mark and the disagreement near the cut', async () => {
    const r = await kippIn(['agenda', ...BASE, '--format', 'json']);
    expect(r.status).toBe(0);
    const agenda = JSON.parse(r.stdout) as {
      ties: {
        shortlist: string;
        rank: number;
        free: number;
        entries: { id: string; criteria: Record<string, number> }[];
      }[];
      near_marks: { id: string; margin: number }[];
      disagreements: { entry_id: string; criterion: string; spread: number; shortlist: string }[];
      judges: unknown[];
      unranked: unknown[];
    };
    // P-045 and P-046: identical sheets, base 4.5 → novelty 4.7 (4.4, 5.0, 4.7, 4.7).
    expect(agenda.ties).toHaveLength(1);
    expect(agenda.ties[0]).toMatchObject({ shortlist: 'top-45', rank: 45, free: 1 });
    expect(agenda.ties[0]!.entries.map((e) => e.id)).toEqual(['P-045', 'P-046']);
    expect(agenda.ties[0]!.entries[0]!.criteria.novelty).toBe(4.7);
    // Pass mark 30 ± 2 points: P-052 (31.11), P-053 (30.00), P-054 (28.89); P-051 (32.22) and P-055 (27.78) are outside.
    expect(agenda.near_marks.map((m) => [m.id, m.margin])).toEqual([
      ['P-052', 1.111111],
      ['P-053', 0],
      ['P-054', -1.111111],
    ]);
    // P-047 (rank 47, two ranks below the cut): novelty 6.5 and 2.5, spread 4.0 ≥ 40% of 9.
    expect(agenda.disagreements).toEqual([
      { entry_id: 'P-047', criterion: 'novelty', spread: 4, rank: 47, shortlist: 'top-45' },
    ]);
    expect(agenda.judges).toEqual([]);
    expect(agenda.unranked).toEqual([]);
    const md = await kippIn(['agenda', ...BASE, '--lang', 'id']);
    expect(md.stdout).toContain('Seri di batas daftar pendek');
    expect(md.stdout).toContain('| P-045 |');
  });

  it('#19.2: the decisions template has one open item per tie; filled in, score --decisions publishes a Top 45 of exactly 45', async () => {
    const dir = tempDir();
    const template = join(dir, 'decisions.yaml');
    const r = await kippIn(['agenda', ...BASE, '--decisions-template', template]);
    expect(r.status).toBe(0);
    const text = readFileSync(template, 'utf8');
    expect(text.match(/- resolve_tie:/g)).toHaveLength(1);
    expect(text).toContain('choose 1 of P-045, P-046');
    // As written, it is refused: the open item has no choice, no by, date or reason.
    const refused = await kippIn(['score', ...BASE, '--decisions', template, '--format', 'json']);
    expect(refused.status).toBe(1);
    expect(
      (JSON.parse(refused.stdout) as JsonReport).diagnostics.filter((d) => d.code === 'invalid-decision').length,
    ).toBeGreaterThan(0);
    // Filled in by the secretariat after the plenary.
    writeFileSync(
      template,
      text
        .replace('take: [] }', 'take: [P-045] }')
        .replace('by: ""', 'by: Jury plenary')
        .replace('date: ""', 'date: 2026-11-20')
        .replace('reason: ""', 'reason: vote 3-1'),
    );
    const s = await kippIn(['score', ...BASE, '--decisions', template, '--format', 'json']);
    expect(s.status).toBe(0);
    const report = JSON.parse(s.stdout) as JsonReport;
    expect(report.entries.filter((e) => e.shortlists.includes('top-45'))).toHaveLength(45);
    expect(report.entries.find((e) => e.id === 'P-045')!.shortlists).toContain('top-45');
    expect(report.entries.find((e) => e.id === 'P-046')!.shortlists).not.toContain('top-45');
    // With the decisions taken, the agenda has no tie left and lists what was decided.
    const after = JSON.parse(
      (await kippIn(['agenda', ...BASE, '--decisions', template, '--format', 'json'])).stdout,
    ) as {
      ties: unknown[];
      decided: unknown[];
    };
    expect(after.ties).toEqual([]);
    expect(after.decided).toHaveLength(1);
  });
});

describe('#19.5 kipp diff lists the decisions added and removed', () => {
  it('#19.5: a report before the plenary against the final one: the decisions are added, and the Top 45 loses P-045', async () => {
    const dir = tempDir();
    const before = join(dir, 'before.json');
    const after = join(dir, 'after.json');
    expect((await kippIn(['score', ...BASE, '--output', before])).status).toBe(0);
    expect((await kippIn(['score', ...BASE, '--decisions', DECISIONS, '--output', after])).status).toBe(0);
    const r = await kippIn(['diff', before, after, '--format', 'json']);
    const diff = JSON.parse(r.stdout) as {
      decisions: { added: { action: string; entries: string[] }[]; removed: unknown[] };
      shortlists: { name: string; left: { id: string }[] }[];
    };
    expect(diff.decisions.added.map((d) => [d.action, d.entries])).toEqual([
      ['resolve_tie', ['P-046']],
      ['disqualify', ['P-050']],
    ]);
    expect(diff.decisions.removed).toEqual([]);
    expect(diff.shortlists.find((s) => s.name === 'top-45')!.left.map((e) => e.id)).toEqual(['P-045']);
    const text = await kippIn(['diff', after, before]);
    expect(text.stdout).toContain('Decisions removed (2)');
  });
});

describe('#19.4 kipp export --decisions', () => {
  it('#19.4: the exported Top 45 is the decided one: 45 rows, P-046 in, P-045 out', async () => {
    const out = join(tempDir(), 'top-45.csv');
    const r = await kippIn(['export', ...BASE, '--decisions', DECISIONS, '--shortlist', 'top-45', '--output', out]);
    expect(r.status).toBe(0);
    const rows = readFileSync(out, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((l) => l !== '')
      .slice(1);
    expect(rows).toHaveLength(45);
    expect(rows.some((l) => l.includes('P-046'))).toBe(true);
    expect(rows.some((l) => l.includes('P-045'))).toBe(false);
  });
});

describe('#19.4 the decisions in exports: a column and a summary-sheet block', () => {
  // Text someone typed into the decisions file: a formula, a quote, a semicolon and a line break.
  const REASON = '=HYPERLINK("http://x.example","klik"); see minutes\nsecond line';
  const hostile = () =>
    decisionsFile(
      [
        'decisions:',
        '  - resolve_tie: { shortlist: top-45, take: [P-046] }',
        '    by: "@chair Bambang"',
        '    date: 2026-11-20',
        `    reason: ${JSON.stringify(REASON)}`,
        '  - disqualify: P-050',
        '    by: Secretariat',
        '    date: 2026-11-18',
        '    reason: "-not running at the site visit"',
        '  - include: { shortlist: top-10, entry: P-011 }',
        '    by: Jury plenary',
        '    date: 2026-11-20',
        '    reason: national priority programme',
        '',
      ].join('\n'),
    );

  it('#19.4: the CSV export has a decisions column saying what each decision did to the entry, who, when and why; none without --decisions', async () => {
    const file = hostile();
    const out = join(tempDir(), 'all.csv');
    const r = await kippIn(['export', ...BASE, '--decisions', file, '--output', out]);
    expect(r.status).toBe(0);
    const rows = parse<Record<string, string>>(readFileSync(out), { columns: true, bom: true });
    const cell = (id: string) => rows.find((x) => x.ID === id)!['Jury decisions'];
    expect(cell('P-046')).toBe(`top-45: taken at the tied cut-off — @chair Bambang, 2026-11-20: ${REASON}`);
    expect(cell('P-045')).toBe(`top-45: left out at the tied cut-off — @chair Bambang, 2026-11-20: ${REASON}`);
    expect(cell('P-050')).toBe('disqualified — Secretariat, 2026-11-18: -not running at the site visit');
    expect(cell('P-011')).toBe(
      'top-10: moved in against its rank — Jury plenary, 2026-11-20: national priority programme',
    );
    expect(cell('P-044')).toBe('');
    // No cell of the file starts like a formula.
    for (const row of rows) for (const v of Object.values(row)) expect(v).not.toMatch(/^[=+\-@]/);
    // A top-45 export: 45 rows, the tie's winner says why it is there.
    const top = join(tempDir(), 'top-45.csv');
    expect(
      (await kippIn(['export', ...BASE, '--decisions', file, '--shortlist', 'top-45', '--output', top, '--lang', 'id']))
        .status,
    ).toBe(0);
    const topRows = parse<Record<string, string>>(readFileSync(top), { columns: true, bom: true, delimiter: ',' });
    expect(topRows).toHaveLength(45);
    expect(topRows.find((x) => x.Kode === 'P-046')!['Keputusan juri']).toMatch(
      /^top-45: diambil pada seri di batas — @chair Bambang, 2026-11-20: =HYPERLINK/,
    );
    // kipp score --format csv carries the same column.
    const scored = parse<Record<string, string>>(
      (await kippIn(['score', ...BASE, '--decisions', file, '--format', 'csv'])).stdout,
      { columns: true },
    );
    expect(scored.find((x) => x.id === 'P-050')!.decisions).toBe(
      'disqualified — Secretariat, 2026-11-18: -not running at the site visit',
    );
    // Without --decisions the columns are what they were.
    const plain = join(tempDir(), 'plain.csv');
    expect((await kippIn(['export', ...BASE, '--output', plain])).status).toBe(0);
    expect(
      Object.keys(parse<Record<string, string>>(readFileSync(plain), { columns: true, bom: true })[0]!),
    ).not.toContain('Jury decisions');
  });

  it('#19.4: the XLSX export has the column and a summary block per decision (action, entries, shortlist, by, date, reason, line); typed text, never a formula', async () => {
    const file = hostile();
    const out = join(tempDir(), 'top-45.xlsx');
    const r = await kippIn(['export', ...BASE, '--decisions', file, '--shortlist', 'top-45', '--output', out]);
    expect(r.status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const data = workbook.worksheets[0]!;
    const header = (data.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf('Jury decisions') + 1;
    expect(col).toBeGreaterThan(0);
    const idCol = header.indexOf('ID') + 1;
    let p046: ExcelJS.Cell | undefined;
    data.eachRow((row) => {
      if (row.getCell(idCol).value === 'P-046') p046 = row.getCell(col);
    });
    expect(p046!.type).toBe(ExcelJS.ValueType.String);
    expect(p046!.value).toBe(`top-45: taken at the tied cut-off — @chair Bambang, 2026-11-20: ${REASON}`);

    const summary = workbook.getWorksheet('Summary')!;
    const facts: [string, string, ExcelJS.Cell][] = [];
    summary.eachRow((row, n) => {
      if (n > 1) facts.push([row.getCell(1).text, row.getCell(2).text, row.getCell(3)]);
    });
    const block = (k: number) =>
      facts.filter(([s]) => s === `jury decision ${k}`).map(([, item, c]) => [item, c.value]);
    expect(block(1)).toEqual([
      ['action', 'top-45: the tie at the cut-off is resolved — takes P-046; left out P-045'],
      ['entries', 'P-046'],
      ['left out', 'P-045'],
      ['shortlist', 'top-45'],
      ['by', '@chair Bambang'],
      ['date', new Date(Date.UTC(2026, 10, 20))],
      ['reason', REASON],
      ['written at', `${file}:2`],
    ]);
    expect(block(2).map(([item]) => item)).toEqual(['action', 'entries', 'by', 'date', 'reason', 'written at']);
    expect(block(2).find(([item]) => item === 'reason')![1]).toBe('-not running at the site visit');
    expect(block(3).find(([item]) => item === 'shortlist')![1]).toBe('top-10');
    // Typed text: the reason and the "@" of by are strings, no cell holds a formula.
    for (const [, item, c] of facts.filter(([s]) => s.startsWith('jury decision'))) {
      expect(c.formula, item).toBeUndefined();
      if (item !== 'date') expect(c.type, item).toBe(ExcelJS.ValueType.String);
    }
  });
});

describe('#19.4 kipp explain --decisions', () => {
  interface ExplainJson {
    rank: number | null;
    shortlists: { name: string; included: boolean }[];
    decisions: {
      file: string;
      refused: boolean;
      applied: { action: string; line: number }[];
      removed_above: { action: string; entries: string[]; line: number }[];
      final: {
        rank: number | null;
        category_rank: number | null;
        tied: boolean;
        flags: string[];
        shortlists: { name: string; before: boolean; included: boolean }[];
      };
    };
  }
  const explain = async (id: string, decisions = DECISIONS, base = BASE) =>
    await kippIn(['explain', id, ...base, '--decisions', decisions, '--format', 'json']);

  it('#19.4: the derivation ends with the decisions that touched the entry and its final place in each shortlist', async () => {
    // P-045: ranked 45 (shared) and in the Top 45 before; the tie decision (line 7) leaves it out.
    const p045 = await explain('P-045');
    expect(p045.status).toBe(0);
    const x = JSON.parse(p045.stdout) as ExplainJson;
    expect(x.rank).toBe(45);
    expect(x.shortlists.find((s) => s.name === 'top-45')!.included).toBe(true);
    expect(x.decisions.applied.map((d) => [d.action, d.line])).toEqual([['resolve_tie', 7]]);
    expect(x.decisions.final).toEqual({
      rank: 45,
      category_rank: 12,
      tied: true,
      flags: [],
      shortlists: [
        { name: 'top-45', before: true, included: false },
        { name: 'top-10', before: false, included: false },
      ],
    });
    // P-051: no decision names it, but P-050 (rank 50) is disqualified above it: rank 51 → 50.
    const y = JSON.parse((await explain('P-051')).stdout) as ExplainJson;
    expect(y.decisions.applied).toEqual([]);
    expect(y.decisions.removed_above.map((d) => [d.action, d.entries, d.line])).toEqual([
      ['disqualify', ['P-050'], 11],
    ]);
    expect([y.rank, y.decisions.final.rank]).toEqual([51, 50]);
    // P-050 itself: not ranked after the decisions.
    const z = JSON.parse((await explain('P-050')).stdout) as ExplainJson;
    expect(z.decisions.final).toMatchObject({ rank: null, flags: ['disqualified'] });
    // P-044 ranks above P-050: nothing moves it.
    const w = JSON.parse((await explain('P-044')).stdout) as ExplainJson;
    expect([w.decisions.applied, w.decisions.removed_above, w.decisions.final.rank]).toEqual([[], [], 44]);
    // The text says it too, in the reader's words.
    const text = (await kippIn(['explain', 'P-045', ...BASE, '--decisions', DECISIONS])).stdout;
    expect(text).toContain(`Jury decisions (${DECISIONS}):`);
    expect(text).toContain('takes P-046; left out P-045');
    expect(text).toContain('After the decisions: rank 45 (shared), category rank 12; top-45 no (was yes), top-10 no');
    expect((await kippIn(['explain', 'P-051', ...BASE, '--decisions', DECISIONS])).stdout).toContain(
      'rank 50 (was 51)',
    );
  });

  it('#19.4: a stale decisions file is applied not at all: explain says so, shows the error and exits 1', async () => {
    const dir = tempDir();
    const sheet = join(dir, 'scores.csv');
    writeFileSync(sheet, readFileSync(`${F}/scores.csv`, 'utf8').replace('P-046,J01,4.4,', 'P-046,J01,4.9,'));
    const r = await explain('P-045', DECISIONS, [
      `${F}/entries.csv`,
      '-s',
      sheet,
      '-j',
      `${F}/judges.csv`,
      '-r',
      `${F}/rubric.yaml`,
    ]);
    expect(r.status).toBe(1);
    const x = JSON.parse(r.stdout) as ExplainJson;
    expect(x.decisions.refused).toBe(true);
    expect(x.decisions.final.rank).toBe(x.rank);
    expect(r.stderr).toContain('stale-decision');
    expect(r.stderr).toContain('decisions.yaml:7');
  });
});

describe('#19.2 kipp agenda --format html', () => {
  it("#19.2: the meeting pack as one self-contained, printable page: the sections of the Markdown pack in its order, the inputs' sha256, the report's own stylesheet, no script, titles escaped", async () => {
    const { createHash } = await import('node:crypto');
    const dir = tempDir();
    const entries = join(dir, 'entries.csv');
    // A submitted title that would be markup.
    writeFileSync(
      entries,
      readFileSync(`${F}/entries.csv`, 'utf8').replace(
        'P-045,Inovasi Layanan 045,',
        'P-045,<img src=x onerror=alert(1)> & Co,',
      ),
    );
    const IN = [
      entries,
      '-s',
      `${F}/scores.csv`,
      '-j',
      `${F}/judges.csv`,
      '-r',
      `${F}/rubric.yaml`,
      '--decisions',
      DECISIONS,
    ];
    // Decisions already taken hide their tie; without them the tie is the first item.
    const open = [entries, '-s', `${F}/scores.csv`, '-j', `${F}/judges.csv`, '-r', `${F}/rubric.yaml`];
    const out = join(dir, 'agenda.html');
    const r = await kippIn(['agenda', ...open, '--sensitivity-runs', '200', '--output', out]);
    expect(r.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // Self-contained: nothing is fetched, no script runs.
    expect(html).toContain("default-src 'none'");
    expect(html).toContain("script-src 'none'");
    expect(html).not.toMatch(/<script|\s(src|href)="(https?:)?\/\//);
    // The same stylesheet as the score report, print rules included (one source, not a copy).
    const style = (page: string) => /<style>([^]*?)<\/style>/.exec(page)![1]!;
    const report = (await kippIn(['score', ...open, '--format', 'html'])).stdout;
    expect(style(html)).toBe(style(report));
    expect(style(html)).toContain('@media print');
    // The sections, in the Markdown pack's order.
    const md = (await kippIn(['agenda', ...open, '--sensitivity-runs', '200'])).stdout;
    const mdTitles = [...md.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    const htmlTitles = [...html.matchAll(/<h2 id="[\w-]+-h">(.*?)<\/h2>/g)].map((m) => m[1]!.replaceAll('&#39;', "'"));
    expect(htmlTitles).toEqual(mdTitles);
    expect(htmlTitles).toEqual([
      "1. Ties at a shortlist's cut-off (to decide)",
      '2. Borderline entries (sensitivity)',
      '3. Entries a hair above or below a pass mark (within 2 / 0.18)',
      '4. Largest judge disagreements on entries near a cut',
    ]);
    // The tie, both entries side by side, the markup in the title shown as text.
    const ties = /<section id="ties"[^]*?<\/section>/.exec(html)![0];
    expect(ties).toContain(
      '<td class="id">P-045</td><td>&lt;img src=x onerror=alert(1)&gt; &amp; Co</td><td class="num">38.89</td><td class="num">4.70</td>',
    );
    expect(ties).toContain('<td class="id">P-046</td>');
    expect(html).not.toContain('<img');
    // Tied to its data: every input's sha256.
    for (const f of [entries, `${F}/scores.csv`, `${F}/judges.csv`, `${F}/rubric.yaml`])
      expect(html).toContain(createHash('sha256').update(readFileSync(f)).digest('hex'));
    // In Indonesian, a decimal comma; with the decisions taken, the tie is gone and they are listed.
    const id = (await kippIn(['agenda', ...IN, '--format', 'html', '--lang', 'id'])).stdout;
    expect(id).not.toContain('<section id="ties"');
    expect(id).toMatch(/<section id="decided"[^]*mengambil P-046[^]*P-050 didiskualifikasi/);
    expect(id).toContain('<td class="num">31,11</td>');
  });

  it('#19.2: a shortlist that did not fill its places has no cut: a disagreement is near the Top 45 cut, not the end of a Top 99 of 47', async () => {
    const EX = [
      'fixtures/example/entries.csv',
      '-s',
      'fixtures/example/scores-long.csv',
      'fixtures/example/scores-wide.csv',
      '-j',
      'fixtures/example/judges.csv',
      '-r',
      'fixtures/example/rubric-top45.yaml',
      '--as-of',
      '2026-11-22',
    ];
    // With the example's withdrawal, 47 are ranked and the Top 99 takes them all.
    const agenda = JSON.parse(
      (await kippIn(['agenda', ...EX, '--decisions', 'fixtures/example/decisions.yaml', '--format', 'json'])).stdout,
    ) as { disagreements: { entry_id: string; rank: number; shortlist: string }[] };
    // KIPP-2018-019 is 44th: one rank above the Top 45 cut, and three above the last of the 47
    // ranked, which is no cut at all (the Top 99 has 52 places left).
    expect(
      agenda.disagreements.filter((d) => d.entry_id === 'KIPP-2018-019').map((d) => [d.rank, d.shortlist]),
    ).toEqual([
      [44, 'top-45'],
      [44, 'top-45'],
    ]);
    expect(agenda.disagreements.every((d) => d.shortlist === 'top-45')).toBe(true);
  });

  it('a per-category list has a cut in each category: a disagreement one category rank from it is listed (found by an independent re-computation)', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'entries.csv'),
      'id,title,agency,category\nA,Alpha,Dinas A,governance\nB,Beta,Dinas B,governance\nC,Gamma,Dinas C,governance\nD,Delta,Dinas D,governance\n',
    );
    // By hand, mean of novelty and benefit: A 8, B 6.5 (novelty 9 and 3: spread 6), C 5, D 4.
    writeFileSync(
      join(dir, 'scores.csv'),
      'entry_id,judge_id,novelty,benefit\nA,J1,8,8\nA,J2,8,8\nB,J1,9,7\nB,J2,3,7\nC,J1,5,5\nC,J2,5,5\nD,J1,4,4\nD,J2,4,4\n',
    );
    const rubric = (perCategory: boolean) =>
      `name: t\nversion: 1\nscale: { min: 1, max: 10 }\ncriteria:\n  novelty: { weight: 50 }\n  benefit: { weight: 50 }\ncategories:\n  governance: { label: Governance }\nshortlists:\n  - { name: best, size: 1${perCategory ? ', per_category: true' : ''} }\n`;
    for (const perCategory of [false, true]) {
      writeFileSync(join(dir, 'rubric.yaml'), rubric(perCategory));
      const r = await kippIn(['agenda', 'entries.csv', '-s', 'scores.csv', '-r', 'rubric.yaml', '--format', 'json'], {
        cwd: dir,
      });
      const agenda = JSON.parse(r.stdout) as {
        disagreements: { entry_id: string; criterion: string; rank: number; shortlist: string }[];
      };
      // B is 2nd (category rank 2), one from the cut at 1, either way the list is made.
      expect(agenda.disagreements).toEqual([
        { entry_id: 'B', criterion: 'novelty', spread: 6, rank: 2, shortlist: 'best' },
      ]);
    }
  });
});

describe('a resolved cut-off tie stays resolved (found by an independent check of the decisions)', () => {
  // Inline scores: A 100; B, C and D tie at 8.2 (rank 2) for the 2 places left in top-3; E 5.
  const ENTRIES =
    'id,title,agency,category,novelty,effectiveness,benefit,replicability,sustainability\n' +
    'A,a,a,governance,10,10,10,10,10\nB,b,b,collaboration,8.2,8.2,8.2,8.2,8.2\n' +
    'C,c,c,collaboration,8.2,8.2,8.2,8.2,8.2\nD,d,d,governance,8.2,8.2,8.2,8.2,8.2\nE,e,e,collaboration,5,5,5,5,5\n';
  const RUBRIC = 'name: t\nversion: 1\nscale: { min: 1, max: 10 }\nshortlists:\n  - { name: top-3, size: 3 }\n';
  const decision = (action: string) =>
    `  - ${action}\n    by: Jury plenary\n    date: 2026-11-20\n    reason: minutes\n`;
  const run = async (decisions: string[]) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'entries.csv'), ENTRIES);
    writeFileSync(join(dir, 'rubric.yaml'), RUBRIC);
    writeFileSync(join(dir, 'decisions.yaml'), `decisions:\n${decisions.map(decision).join('')}`);
    const r = await kippIn(
      [
        'score',
        'entries.csv',
        '-r',
        'rubric.yaml',
        '--as-of',
        '2026-11-01',
        '--decisions',
        'decisions.yaml',
        '--format',
        'json',
      ],
      { cwd: dir },
    );
    const report =
      r.stdout === ''
        ? null
        : (JSON.parse(r.stdout) as {
            entries: { id: string; shortlists: string[] }[];
            shortlists: { name: string; taken: number; cutoff_tie: boolean }[];
          });
    return { r, report };
  };
  const RESOLVE = 'resolve_tie: { shortlist: top-3, take: [B, C] }';

  it('resolve_tie, then include another entry: four taken, and no tie left for the jury to decide', async () => {
    const { r, report } = await run([RESOLVE, 'include: { shortlist: top-3, entry: E }']);
    expect(r.status).toBe(0);
    expect(report!.entries.filter((e) => e.shortlists.includes('top-3')).map((e) => e.id)).toEqual([
      'A',
      'B',
      'C',
      'E',
    ]);
    expect(report!.shortlists).toEqual([expect.objectContaining({ name: 'top-3', taken: 4, cutoff_tie: false })]);
    expect(r.stderr).not.toContain('cutoff-tie');
  });

  it('resolve_tie, then include the entry it left out: two decisions on one place, as the mirror exclude is', async () => {
    const { r } = await run([RESOLVE, 'include: { shortlist: top-3, entry: D }']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /stale-decision \[D\]: include: two decisions on entry "D" in "top-3": this one and the resolve_tie at line 2/,
    );
    const excluded = await run([RESOLVE, 'exclude: { shortlist: top-3, entry: B }']);
    expect(excluded.r.stderr).toMatch(/stale-decision.*two decisions on entry "B" in "top-3"/);
  });

  it('an include with the tie left open keeps the tie open', async () => {
    const { report } = await run(['include: { shortlist: top-3, entry: E }']);
    expect(report!.shortlists).toEqual([expect.objectContaining({ name: 'top-3', taken: 5, cutoff_tie: true })]);
  });
});

describe('#19.2 kipp agenda --sensitivity-runs', () => {
  it('#19.2: the borderline entries are those kipp sensitivity finds with the same runs', async () => {
    const EX = [
      'fixtures/example/entries.csv',
      '-s',
      'fixtures/example/scores-long.csv',
      'fixtures/example/scores-wide.csv',
      '-j',
      'fixtures/example/judges.csv',
      '-r',
      'fixtures/example/rubric-top45.yaml',
    ];
    const s = await kippIn([
      'sensitivity',
      ...EX,
      '--runs',
      '200',
      '--weight-spread',
      '5',
      '--seed',
      '1',
      '--format',
      'json',
    ]);
    expect(s.status).toBe(0);
    const expected = (JSON.parse(s.stdout) as { entries: { id: string; borderline: boolean }[] }).entries
      .filter((e) => e.borderline)
      .map((e) => e.id);
    const a = await kippIn(['agenda', ...EX, '--sensitivity-runs', '200', '--format', 'json']);
    expect(a.status).toBe(0);
    const agenda = JSON.parse(a.stdout) as { borderline?: { id: string }[] };
    expect(agenda.borderline!.map((b) => b.id)).toEqual(expected);
    // Without the option no runs are made, and the pack says nothing about borderline entries.
    expect(
      (JSON.parse((await kippIn(['agenda', ...EX, '--format', 'json'])).stdout) as { borderline?: unknown }).borderline,
    ).toBeUndefined();
  });
});

describe('#19.4 moves against rank', () => {
  it('#19.4: include and exclude move one entry each; taken counts the result; an include of an entry already in the list is stale', async () => {
    const file = decisionsFile(
      [
        'decisions:',
        '  - include: { shortlist: top-10, entry: P-011 }',
        '    by: Jury plenary',
        '    date: 2026-11-20',
        '    reason: national priority programme',
        '  - exclude: { shortlist: top-10, entry: P-003 }',
        '    by: Jury plenary',
        '    date: 2026-11-20',
        '    reason: the same innovation won in 2025',
        '',
      ].join('\n'),
    );
    const r = await kippIn(['score', ...BASE, '--decisions', file, '--format', 'json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    const top10 = report.entries.filter((e) => e.shortlists.includes('top-10')).map((e) => e.id);
    expect(top10).toEqual(['P-001', 'P-002', 'P-004', 'P-005', 'P-006', 'P-007', 'P-008', 'P-009', 'P-010', 'P-011']);
    expect(report.shortlists.find((s) => s.name === 'top-10')!.taken).toBe(10);
    // P-011 keeps its Top 45 place and its rank: a move changes a list, not a score.
    expect(report.entries.find((e) => e.id === 'P-011')).toMatchObject({ rank: 11, shortlists: ['top-45', 'top-10'] });

    writeFileSync(file, readFileSync(file, 'utf8').replace('entry: P-011', 'entry: P-002'));
    const stale = await kippIn(['score', ...BASE, '--decisions', file, '--format', 'json']);
    expect(stale.status).toBe(1);
    expect(
      (JSON.parse(stale.stdout) as JsonReport).diagnostics
        .filter((d) => d.code === 'stale-decision')
        .map((d) => d.line),
    ).toEqual([2]);
  });
});

describe('#19 what it must show, end to end', () => {
  it('#19 what it must show (1): a tie at the Top 45 cut and a disqualification after verification: agenda, template filled in, a Top 45 of exactly 45, verify passes, a changed score makes the decision stale at its line', async () => {
    const dir = tempDir();
    for (const f of ['entries.csv', 'scores.csv', 'judges.csv', 'rubric.yaml', 'conflicts.csv'])
      writeFileSync(join(dir, f), readFileSync(`${F}/${f}`));
    const at = (f: string) => join(dir, f);
    const IN = [
      at('entries.csv'),
      '-s',
      at('scores.csv'),
      '-j',
      at('judges.csv'),
      '-r',
      at('rubric.yaml'),
      '--conflicts',
      at('conflicts.csv'),
    ];
    const template = at('decisions.yaml');

    // 1. The meeting pack, with the sensitivity runs and the template.
    const a = await kippIn([
      'agenda',
      ...IN,
      '--sensitivity-runs',
      '200',
      '--decisions-template',
      template,
      '--format',
      'json',
    ]);
    expect(a.status).toBe(0);
    const agenda = JSON.parse(a.stdout) as {
      ties: { shortlist: string; free: number; entries: { id: string }[] }[];
      borderline: { id: string; shortlists: Record<string, number> }[];
      near_marks: { id: string }[];
      disagreements: { entry_id: string }[];
      judges: unknown[];
      unranked: unknown[];
    };
    // Exactly one thing to decide: the tie between P-045 and P-046 for the last Top 45 place.
    expect(agenda.ties.map((t) => [t.shortlist, t.free, t.entries.map((e) => e.id)])).toEqual([
      ['top-45', 1, ['P-045', 'P-046']],
    ]);
    // Borderline: only P-044 (total 40.00, 1.11 points above the tie at 38.89) has a lopsided
    // profile — novelty 6.8, effectiveness 2.4 — so it falls below the tie when novelty's weight
    // drops and effectiveness's rises by more than 4.5 points together (weights ±5 each: about
    // 15% of runs). Every other entry's criteria are parallel: weights cannot reorder them.
    expect(agenda.borderline.map((b) => b.id)).toEqual(['P-044']);
    expect(agenda.borderline[0]!.shortlists['top-45']).toBeGreaterThan(0.7);
    expect(agenda.borderline[0]!.shortlists['top-45']).toBeLessThan(0.95);
    expect(agenda.near_marks.map((m) => m.id)).toEqual(['P-052', 'P-053', 'P-054']);
    expect(agenda.disagreements.map((d) => d.entry_id)).toEqual(['P-047']);
    expect(agenda.judges).toEqual([]);
    expect(agenda.unranked).toEqual([]);

    // 2. The plenary decides the tie; field verification disqualifies P-050 afterwards.
    const open = readFileSync(template, 'utf8');
    expect(open.match(/- resolve_tie:/g)).toHaveLength(1);
    const filled =
      open
        .replace('take: [] }', 'take: [P-045] }')
        .replace('by: ""', 'by: Jury plenary')
        .replace('date: ""', 'date: 2026-11-20')
        .replace('reason: ""', 'reason: "Minutes §4: vote 3-1"') +
      [
        '  - disqualify: P-050',
        '    by: Secretariat',
        '    date: 2026-11-25',
        '    reason: "Field verification: the service was not running"',
        '',
      ].join('\n');
    writeFileSync(template, filled);
    const lineOf = (start: string) => filled.split('\n').findIndex((l) => l.startsWith(start)) + 1;
    const tieLine = lineOf('  - resolve_tie:');

    // 3. The final report: a Top 45 of exactly 45, P-050 out of the ranking.
    const report = at('report.json');
    const s = await kippIn(['score', ...IN, '--decisions', template, '--output', report]);
    expect(s.status).toBe(0);
    const final = JSON.parse(readFileSync(report, 'utf8')) as JsonReport;
    const top45 = final.entries.filter((e) => e.shortlists.includes('top-45')).map((e) => e.id);
    expect(top45).toEqual(Array.from({ length: 45 }, (_, i) => `P-${String(i + 1).padStart(3, '0')}`));
    expect(final.shortlists.find((x) => x.name === 'top-45')).toEqual({
      name: 'top-45',
      size: 45,
      taken: 45,
      cutoff_tie: false,
    });
    expect(final.entries.find((e) => e.id === 'P-050')).toMatchObject({ rank: null, flags: ['disqualified'] });
    expect(final.decisions!.map((d) => [d.action, d.entries, d.line])).toEqual([
      ['resolve_tie', ['P-045'], tieLine],
      ['disqualify', ['P-050'], lineOf('  - disqualify: P-050')],
    ]);

    // 4. The archive reproduces it.
    const v = await kippIn(['verify', report]);
    expect(v.status).toBe(0);
    expect(v.stdout).toContain('VERIFIED');

    // 5. One corrected score removes the tie (P-046 J01 novelty 4.4 → 4.9: P-046 is 45th alone):
    // the tie decision is stale, at its line; nothing is applied.
    writeFileSync(at('scores.csv'), readFileSync(at('scores.csv'), 'utf8').replace('P-046,J01,4.4,', 'P-046,J01,4.9,'));
    const again = await kippIn(['score', ...IN, '--decisions', template, '--format', 'json']);
    expect(again.status).toBe(1);
    const stale = (JSON.parse(again.stdout) as JsonReport).diagnostics.filter((d) => d.code === 'stale-decision');
    expect(stale.map((d) => [d.file, d.line])).toEqual([[template, tieLine]]);
    expect(again.stderr).toContain(`decisions.yaml:${tieLine}`);
  });
});
