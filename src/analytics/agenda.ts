/**
 * `kipp agenda`: the meeting pack — everything the jury must decide or look at, in
 * the order a chair would take it: ties at a shortlist's cut-off (to decide), entries a hair
 * above or below a pass mark, the largest judge disagreements on entries near a cut, flagged
 * judges, entries not ranked and why. Pure: a function of the scored result and the panel profile.
 */
import type { AppliedDecision } from '../model/decisions.js';
import type { EntryResult, ScoreResult } from '../model/result.js';
import { cutoffTies } from '../decisions/ties.js';
import { isStaged, type JuryProfile, type JudgeFlag } from './judges.js';
import { round6 } from '../scoring/round.js';
import type { SensitivityResult } from './sensitivity.js';
import { maxOf } from '../model/arrays.js';

export interface AgendaEntry {
  id: string;
  title: string;
  rank: number | null;
  total: number | null;
  criteria: Record<string, number>;
}

export interface AgendaTie {
  shortlist: string;
  category?: string;
  rank: number;
  /** Places left for the tied entries. */
  free: number;
  /** The tied entries, criterion profiles side by side (the rubric's tie-break already applied: they are equal on it). */
  entries: AgendaEntry[];
}

export interface NearMark {
  id: string;
  title: string;
  rank: number;
  /** `total`, or the criterion id. */
  mark: string;
  threshold: number;
  value: number;
  /** value − threshold: ≥ 0 passes this mark. */
  margin: number;
}

export interface NearCutDisagreement {
  entry_id: string;
  criterion: string;
  spread: number;
  /** The stage, with a staged rubric. */
  stage?: string;
  rank: number | null;
  /** The shortlist whose cut the entry is near. */
  shortlist: string;
}

export interface Agenda {
  rubric: string;
  as_of: string;
  ties: AgendaTie[];
  near_marks: NearMark[];
  /** Total margin (points on 0–100) and criterion margin (points on the judges' scale) used. */
  margins: { total: number; criterion: number };
  /** Ranks on either side of a cut counted as near it. */
  near_ranks: number;
  disagreements: NearCutDisagreement[];
  judges: { id: string; flags: JudgeFlag[]; bias: number | null }[];
  unranked: { id: string; title: string; flags: readonly string[]; reasons: readonly string[] }[];
  /** Borderline entries from sensitivity runs (`--sensitivity-runs N`); absent when not run. */
  borderline?: {
    id: string;
    title: string;
    rank: number;
    rank_min: number;
    rank_max: number;
    shortlists: Record<string, number>;
  }[];
  /** Decisions already recorded (`--decisions`): their ties are no longer open. */
  decided: AppliedDecision[];
}

export interface AgendaOptions {
  /** Points on the 0–100 total counted as "a hair" from a pass mark (criterion marks: the same share of the scale). */
  margin: number;
  /** Ranks on either side of a shortlist's cut counted as near it. */
  nearRanks: number;
  /** At most this many disagreements listed. */
  maxDisagreements: number;
}

export const AGENDA_DEFAULTS: AgendaOptions = { margin: 2, nearRanks: 3, maxDisagreements: 15 };

function agendaEntry(e: EntryResult): AgendaEntry {
  return { id: e.id, title: e.title, rank: e.rank, total: e.total, criteria: e.criteria };
}

export function buildAgenda(
  result: ScoreResult,
  profile: JuryProfile,
  options: AgendaOptions = AGENDA_DEFAULTS,
  sensitivity?: SensitivityResult,
): Agenda {
  const { rubric } = result;
  const ranked = result.entries.filter((e) => e.rank !== null);
  const ties = cutoffTies(
    result.entries,
    rubric.shortlists,
    rubric.categories.map((k) => k.id),
  ).map((t) => ({
    shortlist: t.shortlist,
    ...(t.category !== undefined ? { category: t.category } : {}),
    rank: t.rank,
    free: t.free,
    entries: t.tied.map(agendaEntry),
  }));

  // A hair from a pass mark: within the margin, on either side.
  const span = rubric.scale.max - rubric.scale.min;
  const criterionMargin = round6((options.margin / 100) * span);
  const near_marks: NearMark[] = [];
  for (const e of ranked) {
    const marks: [string, number, number | undefined][] = [];
    if (rubric.thresholds.total !== undefined) marks.push(['total', rubric.thresholds.total, e.total ?? undefined]);
    for (const [k, t] of Object.entries(rubric.thresholds.criteria ?? {})) marks.push([k, t, e.criteria[k]]);
    for (const [mark, threshold, value] of marks) {
      if (value === undefined) continue;
      const margin = round6(value - threshold);
      if (Math.abs(margin) <= (mark === 'total' ? options.margin : criterionMargin))
        near_marks.push({ id: e.id, title: e.title, rank: e.rank!, mark, threshold, value, margin });
    }
  }

  // Near a cut: within nearRanks of the last rank a shortlist takes (its cut), either side; for a
  // per-category list, of the last category rank it takes in the entry's category.
  // A list that did not fill its places (a Top 99 of 47) has no cut: its last rank is the end of
  // the ranking, and an entry near it is near nothing the jury decides.
  const full = new Set(result.shortlists.filter((s) => s.taken >= s.size).map((s) => s.name));
  // A cut per list, and per category of a per-category list (where it filled its places there);
  // the lists over all entries first, so that an entry near both is named with that one.
  const rankIn = (e: EntryResult, category: string | undefined) => (category === undefined ? e.rank : e.category_rank);
  const cuts = rubric.shortlists
    .flatMap((s) =>
      (s.perCategory ? rubric.categories.map((k) => k.id) : [undefined]).map((category) => {
        const taken = result.entries.filter(
          (e) => e.shortlists.includes(s.name) && (category === undefined || e.category === category),
        );
        const filled = category === undefined ? full.has(s.name) : taken.length >= s.size;
        const rank = filled ? Math.max(0, maxOf(taken.map((e) => rankIn(e, category) ?? 0))) : 0;
        return { name: s.name, category, rank };
      }),
    )
    .filter((c) => c.rank > 0)
    .sort((a, b) => Number(a.category !== undefined) - Number(b.category !== undefined));
  const nearCut = new Map<string, { rank: number | null; shortlist: string }>();
  for (const e of ranked) {
    const cut = cuts.find((c) => {
      const rank = rankIn(e, c.category);
      return (
        (c.category === undefined || c.category === e.category) &&
        rank !== null &&
        Math.abs(rank - c.rank) <= options.nearRanks
      );
    });
    if (cut) nearCut.set(e.id, { rank: e.rank, shortlist: cut.name });
  }
  const panels = isStaged(profile)
    ? profile.stages.map((p) => ({ stage: p.stage, p }))
    : [{ stage: undefined, p: profile }];
  const disagreements = panels
    .flatMap(({ stage, p }) =>
      p.disagreements
        .filter((d) => nearCut.has(d.entry_id))
        .map((d) => ({ ...d, ...(stage !== undefined ? { stage } : {}), ...nearCut.get(d.entry_id)! })),
    )
    .sort((a, b) => b.spread - a.spread || (a.entry_id < b.entry_id ? -1 : a.entry_id > b.entry_id ? 1 : 0))
    .slice(0, options.maxDisagreements);

  const judgeMap = new Map<string, { id: string; flags: JudgeFlag[]; bias: number | null }>();
  for (const { p } of panels)
    for (const j of p.judges)
      if (j.flags.length > 0 && !judgeMap.has(j.id)) judgeMap.set(j.id, { id: j.id, flags: j.flags, bias: j.bias });

  return {
    rubric: rubric.name,
    as_of: result.asOf,
    ties,
    near_marks,
    margins: { total: options.margin, criterion: criterionMargin },
    near_ranks: options.nearRanks,
    disagreements,
    judges: [...judgeMap.values()],
    unranked: result.entries
      .filter((e) => e.rank === null)
      .map((e) => ({ id: e.id, title: e.title, flags: e.flags, reasons: e.reasons })),
    decided: result.decisions ?? [],
    ...(sensitivity !== undefined
      ? {
          borderline: sensitivity.entries
            .filter((e) => e.borderline)
            .map((e) => ({
              id: e.id,
              title: e.title,
              rank: e.rank,
              rank_min: e.rank_min,
              rank_max: e.rank_max,
              shortlists: e.shortlists,
            })),
        }
      : {}),
  };
}
