/**
 * Issue 19, decisions under a rubric with stages, end to end on fixtures/plenary-stages (two
 * stages, desk 60 % with a pass mark and presentation 40 %; a Top 5 drawn on the desk ranks, a
 * Top 3 and a Top 4 on the final ranks). Every expected rank below is worked out by hand from the
 * table in the fixture's rubric.yaml, not read back from kipp.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kippIn } from './run.js';
import { tempFolder } from '../tmp.js';

const S = 'fixtures/plenary-stages';
const BASE = [`${S}/entries.csv`, '-s', `${S}/scores.csv`, '-j', `${S}/judges.csv`, '-r', `${S}/rubric.yaml`];

interface Entry {
  id: string;
  rank: number | null;
  tied: boolean;
  total: number | null;
  stages: Record<string, { total: number | null; rank: number | null }>;
  shortlists: string[];
  flags: string[];
  reasons: string[];
}
interface Report {
  entries: Entry[];
  shortlists: { name: string; size: number; taken: number; cutoff_tie: boolean }[];
  diagnostics: { code: string; severity: string; line?: number; message: string }[];
  decisions?: { action: string; entries: string[] }[];
}

function decisions(lines: string[]): string {
  const file = join(tempFolder('kipp-stages-'), 'decisions.yaml');
  writeFileSync(file, ['decisions:', ...lines, ''].join('\n'));
  return file;
}
const remove = (action: string, id: string) => [
  `  - ${action}: ${id}`,
  '    by: Secretariat',
  '    date: 2026-11-18',
  '    reason: field verification',
];
const take = (list: string, ids: string[]) => [
  `  - resolve_tie: { shortlist: ${list}, take: [${ids.join(', ')}] }`,
  '    by: Jury plenary',
  '    date: 2026-11-20',
  '    reason: vote',
];

async function score(file: string): Promise<{ status: number | null; report: Report; stderr: string }> {
  const r = await kippIn(['score', ...BASE, '--decisions', file, '--format', 'json']);
  return { status: r.status, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}
const members = (report: Report, list: string) =>
  report.entries.filter((e) => e.shortlists.includes(list)).map((e) => e.id);
const lists = (report: Report) => Object.fromEntries(report.shortlists.map((s) => [s.name, [s.taken, s.cutoff_tie]]));

describe('#19.3 disqualify and withdraw under a rubric with stages', () => {
  it('#19.3: before any decision: Top 5 on the desk ranks, Top 3 and Top 4 on the final ranks, one tie (Top 4)', async () => {
    const r = await kippIn(['score', ...BASE, '--format', 'json']);
    const report = JSON.parse(r.stdout) as Report;
    expect(members(report, 'top-5')).toEqual(['S-01', 'S-02', 'S-03', 'S-04', 'S-09']);
    expect(lists(report)).toEqual({ 'top-5': [5, false], 'top-3': [3, false], 'top-4': [5, true] });
  });

  it('#19.3: a disqualified entry leaves every stage and every shortlist; the places close up; a tie appears at two cuts and vanishes at the third', async () => {
    const { status, report, stderr } = await score(decisions(remove('disqualify', 'S-02')));
    expect(status).toBe(0);
    const byId = new Map(report.entries.map((e) => [e.id, e]));
    const s02 = byId.get('S-02')!;
    // Out of the final ranking and of both stages' rankings; its stage totals are the scores' facts.
    expect(s02).toMatchObject({
      rank: null,
      total: null,
      flags: ['disqualified'],
      shortlists: [],
      stages: { desk: { total: 90, rank: null }, presentation: { total: 90, rank: null } },
    });
    // Desk ranks close up: 1, (2 gone), 3 → 2, 4= → 3=, 6= → 5=, 8 → 7, 9 → 8.
    const desk = (id: string) => byId.get(id)!.stages.desk!.rank;
    expect(['S-01', 'S-03', 'S-04', 'S-09', 'S-05', 'S-06', 'S-07', 'S-08'].map(desk)).toEqual([
      1, 2, 3, 3, 5, 5, 7, 8,
    ]);
    // Presentation: S-02 was first there; everyone moves up one.
    const presentation = (id: string) => byId.get(id)!.stages.presentation!.rank;
    expect(['S-01', 'S-03', 'S-04', 'S-09', 'S-05', 'S-06', 'S-07', 'S-08'].map(presentation)).toEqual([
      1,
      2,
      3,
      3,
      5,
      6,
      7,
      null,
    ]);
    // Final ranks: 1, 2, 3=, 3=, 5, 6, 7; S-08 stays unranked (below the desk mark).
    expect(report.entries.filter((e) => e.rank !== null).map((e) => [e.id, e.rank, e.tied])).toEqual([
      ['S-01', 1, false],
      ['S-03', 2, false],
      ['S-04', 3, true],
      ['S-09', 3, true],
      ['S-05', 5, false],
      ['S-06', 6, false],
      ['S-07', 7, false],
    ]);
    // Top 5 (desk): S-05 and S-06 now share the fifth place: a tie appears. Top 3: S-04 and S-09
    // share the third: a tie appears. Top 4: S-04 and S-09 fill it exactly: its tie vanishes.
    expect(members(report, 'top-5')).toEqual(['S-01', 'S-03', 'S-04', 'S-09', 'S-05', 'S-06']);
    expect(members(report, 'top-3')).toEqual(['S-01', 'S-03', 'S-04', 'S-09']);
    expect(members(report, 'top-4')).toEqual(['S-01', 'S-03', 'S-04', 'S-09']);
    expect(lists(report)).toEqual({ 'top-5': [6, true], 'top-3': [4, true], 'top-4': [4, false] });
    const ties = report.diagnostics.filter((d) => d.code === 'cutoff-tie').map((d) => d.message);
    expect(ties).toHaveLength(2);
    expect(ties.some((m) => m.startsWith('shortlist "top-5"'))).toBe(true);
    expect(ties.some((m) => m.startsWith('shortlist "top-3"'))).toBe(true);
    expect(stderr).not.toContain('shortlist "top-4"');

    // The same as scoring a competition without S-02 at all (normalization none: no other
    // figure depends on it): every rank, stage rank and list agrees.
    const dir = tempFolder('kipp-stages-');
    const without = (f: string) => {
      writeFileSync(
        join(dir, f),
        readFileSync(`${S}/${f}`, 'utf8')
          .split('\n')
          .filter((l) => !l.startsWith('S-02,'))
          .join('\n'),
      );
      return join(dir, f);
    };
    const plain = JSON.parse(
      (
        await kippIn([
          'score',
          without('entries.csv'),
          '-s',
          without('scores.csv'),
          '-j',
          `${S}/judges.csv`,
          '-r',
          `${S}/rubric.yaml`,
          '--format',
          'json',
        ])
      ).stdout,
    ) as Report;
    const view = (entries: Entry[]) =>
      entries.filter((e) => e.id !== 'S-02').map((e) => [e.id, e.rank, e.tied, e.stages, e.shortlists]);
    expect(view(report.entries)).toEqual(view(plain.entries));
    expect(report.shortlists).toEqual(plain.shortlists);
  });

  it('#19.3: the ties that appear are decided in the same file (after the removal); a tie that vanished makes its decision stale; verify re-derives it all', async () => {
    // The agenda, with the disqualification taken, lists the two new ties with the places left.
    const removal = decisions(remove('disqualify', 'S-02'));
    const agenda = JSON.parse(
      (await kippIn(['agenda', ...BASE, '--decisions', removal, '--format', 'json'])).stdout,
    ) as {
      ties: { shortlist: string; rank: number; free: number; entries: { id: string }[] }[];
    };
    expect(agenda.ties.map((t) => [t.shortlist, t.rank, t.free, t.entries.map((e) => e.id)])).toEqual([
      ['top-5', 5, 1, ['S-05', 'S-06']],
      ['top-3', 3, 1, ['S-04', 'S-09']],
    ]);
    const file = decisions([...remove('disqualify', 'S-02'), ...take('top-5', ['S-06']), ...take('top-3', ['S-09'])]);
    const dir = tempFolder('kipp-stages-');
    const out = join(dir, 'report.json');
    expect((await kippIn(['score', ...BASE, '--decisions', file, '--output', out])).status).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(members(report, 'top-5')).toEqual(['S-01', 'S-03', 'S-04', 'S-09', 'S-06']);
    expect(members(report, 'top-3')).toEqual(['S-01', 'S-03', 'S-09']);
    expect(lists(report)).toEqual({ 'top-5': [5, false], 'top-3': [3, false], 'top-4': [4, false] });
    expect(report.diagnostics.filter((d) => d.code === 'cutoff-tie')).toEqual([]);
    const v = await kippIn(['verify', out]);
    expect(v.stdout).toContain('VERIFIED');
    expect(v.status).toBe(0);

    // Withdrawing S-09 instead: S-04 is fourth alone (the Top 4 tie vanishes) and the desk
    // places close up so that S-05 and S-06 tie for the Top 5's last place. A decision on the
    // Top 4 tie, taken before the withdrawal was known, is stale at its line.
    const late = decisions([...take('top-4', ['S-04']), ...remove('withdraw', 'S-09')]);
    const stale = await score(late);
    expect(stale.status).toBe(1);
    const found = stale.report.diagnostics.filter((d) => d.code === 'stale-decision');
    expect(found.map((d) => d.line)).toEqual([2]);
    expect(found[0]!.message).toContain('no tie at its cut-off any more');
    const withdrawn = await score(decisions(remove('withdraw', 'S-09')));
    expect(withdrawn.status).toBe(0);
    expect(withdrawn.report.entries.find((e) => e.id === 'S-09')).toMatchObject({
      rank: null,
      flags: ['withdrawn'],
      shortlists: [],
    });
    expect(members(withdrawn.report, 'top-4')).toEqual(['S-01', 'S-02', 'S-03', 'S-04']);
    expect(members(withdrawn.report, 'top-5')).toEqual(['S-01', 'S-02', 'S-03', 'S-04', 'S-05', 'S-06']);
    expect(lists(withdrawn.report)).toEqual({ 'top-5': [6, true], 'top-3': [3, false], 'top-4': [4, false] });
  });

  it("#19.3: explain finds the tie at a list drawn on a stage on that stage's ranks (S-05 and S-06 share desk rank 6, final ranks 6 and 7)", async () => {
    const rubric = join(tempFolder('kipp-stages-'), 'rubric.yaml');
    writeFileSync(
      rubric,
      readFileSync(`${S}/rubric.yaml`, 'utf8').replace(
        'name: top-5, size: 5, stage: desk',
        'name: top-5, size: 6, stage: desk',
      ),
    );
    const base = [`${S}/entries.csv`, '-s', `${S}/scores.csv`, '-j', `${S}/judges.csv`, '-r', rubric];
    const x = JSON.parse((await kippIn(['explain', 'S-05', ...base, '--format', 'json'])).stdout) as {
      shortlists: {
        name: string;
        at_tied_cut: boolean;
        cut_ties: { rank: number; entries: string[]; places: number }[];
      }[];
    };
    expect(x.shortlists.find((l) => l.name === 'top-5')).toMatchObject({
      at_tied_cut: true,
      cut_ties: [{ rank: 6, entries: ['S-05', 'S-06'], places: 1 }],
    });
    // The agenda sees the same tie, on the desk rank.
    const agenda = JSON.parse((await kippIn(['agenda', ...base, '--format', 'json'])).stdout) as {
      ties: { shortlist: string; rank: number; free: number; entries: { id: string }[] }[];
    };
    expect(agenda.ties.find((t) => t.shortlist === 'top-5')).toMatchObject({
      rank: 6,
      free: 1,
      entries: [{ id: 'S-05' }, { id: 'S-06' }],
    });
  });
});
