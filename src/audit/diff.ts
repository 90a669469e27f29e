/**
 * diffReports: what changed between two JSON reports — the inputs and options behind them, the
 * entries that entered or left each shortlist, rank moves, total changes and every other figure.
 * Pure: two reports in, a ReportDiff out, in a total order (so that output is byte-identical).
 * `kipp diff` renders it; `kipp verify` diffs the published report against a recomputed one.
 */
import { compareCodePoints } from '../model/names.js';
import type { KippReport, ReportEntry } from '../model/report.js';
import { round6 } from '../scoring/round.js';

export interface Change<T> {
  old: T;
  new: T;
}

export interface InputChange {
  kind: string;
  path: string;
  /** `changed`: same kind and path, other bytes; `added`/`removed`: only in the new/old report. */
  status: 'changed' | 'added' | 'removed';
  old: string | null;
  new: string | null;
}

export interface ManifestDiff {
  kipp?: Change<string>;
  rubric?: { name?: Change<string>; version?: Change<number | string | null>; sha256?: Change<string> };
  as_of?: Change<string>;
  /** Options that differ (`--category`, `--top`, ...), by option name. */
  options: Record<string, Change<unknown>>;
  inputs: InputChange[];
}

export interface EntryMove {
  id: string;
  title: string;
  /** null: unranked in that report, or not in it at all (then `absent` names the report). */
  rank: Change<number | null>;
  /** The entry is not in this report at all (the inputs differ): not the same as unranked. */
  absent?: 'old' | 'new';
}

export interface ShortlistDiff {
  name: string;
  /** Entries in the new report's shortlist and not the old's, in new rank order. */
  entered: EntryMove[];
  /** Entries in the old report's shortlist and not the new's, in old rank order. */
  left: EntryMove[];
  size?: Change<number | null>;
  taken?: Change<number | null>;
  cutoff_tie?: Change<boolean | null>;
}

export interface EntryDiff {
  id: string;
  title: string;
  /**
   * `added`/`removed`: the entry is only in the new/old report, and the other shows every entry
   * (other inputs). Absent from a `--top`/`--category` report, it is in `not_shown` instead.
   */
  status: 'changed' | 'added' | 'removed';
  rank?: Change<number | null>;
  /** `delta` is new − old (6 decimals), null when either is unranked. */
  total?: Change<number | null> & { delta: number | null };
  shortlists?: { entered: string[]; left: string[] };
  category_rank?: Change<number | null>;
  tied?: Change<boolean>;
  passed?: Change<boolean>;
  category?: Change<string>;
  judges?: Change<number>;
  flags?: Change<string[]>;
  reasons?: Change<string[]>;
  /** Criteria whose s_c differs (null: no records on that side). */
  criteria?: Record<string, Change<number | null>>;
  /** A rubric with stages: the stages whose total or rank differs (null: the stage is not in that report). */
  stages?: Record<string, Change<{ total: number | null; rank: number | null } | null>>;
}

export interface DiagnosticCountChange {
  code: string;
  severity: string;
  old: number;
  new: number;
}

/** `--top`/`--category`: the options that leave entries out of a report. */
export interface ReportFilter {
  top: number | null;
  category: string | null;
}

/**
 * Entries one report shows and the other does not, because the other was written with
 * `--top`/`--category`: they may be in that ranking all the same, so they are not compared
 * (no rank, total or shortlist move is inferred from their absence).
 */
export interface NotShown {
  filter: ReportFilter;
  /** In the other report's order (rank order, then the unranked by id). */
  entries: { id: string; title: string; rank: number | null }[];
}

export interface ReportDiff {
  manifest: ManifestDiff;
  shortlists: ShortlistDiff[];
  /** Every entry with a difference, in new rank order (removed entries by old rank), then by id. */
  entries: EntryDiff[];
  /** Entries the old (new) report does not show because of its filter, though the other does. */
  not_shown: { old?: NotShown; new?: NotShown };
  diagnostics: DiagnosticCountChange[];
  /** Jury decisions (`--decisions`) in one report and not the other; absent when neither has any. */
  decisions?: { added: DecisionSummary[]; removed: DecisionSummary[] };
}

/** A decision as a diff names it: what it did, who, when and why (its line may move freely). */
export interface DecisionSummary {
  action: string;
  shortlist?: string;
  entries: string[];
  by: string;
  date: string;
  reason: string;
}

/**
 * Whether the figures (entries and shortlists) agree; the manifest and diagnostics are not
 * figures. An entry shown in only one of two reports is a difference: reports drawn with the
 * same filter show different entries only when the ranking behind them moved.
 */
export function figuresEqual(diff: ReportDiff): boolean {
  return (
    diff.entries.length === 0 &&
    diff.shortlists.length === 0 &&
    diff.not_shown.old === undefined &&
    diff.not_shown.new === undefined
  );
}

/** The filter a report was written with; null when it shows every entry (or does not say). */
export function reportFilter(r: KippReport): ReportFilter | null {
  const top = r.options?.top ?? null;
  const category = r.options?.category ?? null;
  return top === null && category === null ? null : { top, category };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function change<T>(old: T, now: T, equal: (a: T, b: T) => boolean = Object.is): Change<T> | undefined {
  return equal(old, now) ? undefined : { old, new: now };
}

function diffManifest(a: KippReport, b: KippReport): ManifestDiff {
  const out: ManifestDiff = { options: {}, inputs: [] };
  const kipp = change(a.kipp, b.kipp);
  if (kipp) out.kipp = kipp;
  const rubric: NonNullable<ManifestDiff['rubric']> = {};
  const name = change(a.rubric.name, b.rubric.name);
  const version = change(a.rubric.version, b.rubric.version);
  const sha = change(a.rubric.sha256, b.rubric.sha256);
  if (name) rubric.name = name;
  if (version) rubric.version = version;
  if (sha) rubric.sha256 = sha;
  if (Object.keys(rubric).length > 0) out.rubric = rubric;
  const asOf = change(a.as_of, b.as_of);
  if (asOf) out.as_of = asOf;
  const optionNames = [...new Set([...Object.keys(a.options ?? {}), ...Object.keys(b.options ?? {})])].sort(
    compareCodePoints,
  );
  for (const key of optionNames) {
    const x = a.options?.[key] ?? null;
    const y = b.options?.[key] ?? null;
    if (JSON.stringify(x) !== JSON.stringify(y)) out.options[key] = { old: x, new: y };
  }
  // Inputs are matched by kind and path as the reports name them.
  const key = (i: { kind: string; path: string }) => `${i.kind}\u0000${i.path}`;
  const before = new Map(a.inputs.map((i) => [key(i), i]));
  const after = new Map(b.inputs.map((i) => [key(i), i]));
  for (const i of a.inputs) {
    const j = after.get(key(i));
    if (j === undefined) out.inputs.push({ kind: i.kind, path: i.path, status: 'removed', old: i.sha256, new: null });
    else if (j.sha256 !== i.sha256)
      out.inputs.push({ kind: i.kind, path: i.path, status: 'changed', old: i.sha256, new: j.sha256 });
  }
  for (const j of b.inputs) {
    if (!before.has(key(j))) out.inputs.push({ kind: j.kind, path: j.path, status: 'added', old: null, new: j.sha256 });
  }
  return out;
}

function diffEntry(a: ReportEntry | undefined, b: ReportEntry | undefined): EntryDiff | undefined {
  const either = (b ?? a)!;
  const base = { id: either.id, title: either.title };
  if (a === undefined)
    return {
      ...base,
      status: 'added',
      rank: { old: null, new: b!.rank },
      ...(b!.shortlists.length > 0 ? { shortlists: { entered: [...b!.shortlists], left: [] } } : {}),
    };
  if (b === undefined)
    return {
      ...base,
      status: 'removed',
      rank: { old: a.rank, new: null },
      ...(a.shortlists.length > 0 ? { shortlists: { entered: [], left: [...a.shortlists] } } : {}),
    };
  const d: EntryDiff = { ...base, status: 'changed' };
  const rank = change(a.rank, b.rank);
  if (rank) d.rank = rank;
  if (a.total !== b.total)
    d.total = {
      old: a.total,
      new: b.total,
      delta: a.total === null || b.total === null ? null : round6(b.total - a.total),
    };
  const entered = b.shortlists.filter((s) => !a.shortlists.includes(s));
  const left = a.shortlists.filter((s) => !b.shortlists.includes(s));
  if (entered.length > 0 || left.length > 0) d.shortlists = { entered, left };
  const categoryRank = change(a.category_rank, b.category_rank);
  if (categoryRank) d.category_rank = categoryRank;
  const tied = change(a.tied, b.tied);
  if (tied) d.tied = tied;
  const passed = change(a.passed, b.passed);
  if (passed) d.passed = passed;
  const category = change(a.category, b.category);
  if (category) d.category = category;
  const judges = change(a.judges, b.judges);
  if (judges) d.judges = judges;
  const flags = change(a.flags, b.flags, sameList);
  if (flags) d.flags = flags;
  const reasons = change(a.reasons, b.reasons, sameList);
  if (reasons) d.reasons = reasons;
  const criteria: Record<string, Change<number | null>> = {};
  for (const c of [...new Set([...Object.keys(a.criteria), ...Object.keys(b.criteria)])]) {
    const x = a.criteria[c] ?? null;
    const y = b.criteria[c] ?? null;
    if (x !== y) criteria[c] = { old: x, new: y };
  }
  if (Object.keys(criteria).length > 0) d.criteria = criteria;
  const stages: NonNullable<EntryDiff['stages']> = {};
  for (const name of [...new Set([...Object.keys(a.stages ?? {}), ...Object.keys(b.stages ?? {})])]) {
    const x = a.stages?.[name];
    const y = b.stages?.[name];
    if (x?.total !== y?.total || x?.rank !== y?.rank)
      stages[name] = {
        old: x === undefined ? null : { total: x.total, rank: x.rank },
        new: y === undefined ? null : { total: y.total, rank: y.rank },
      };
  }
  if (Object.keys(stages).length > 0) d.stages = stages;
  // id, title and status only: nothing differs.
  return Object.keys(d).length > 3 ? d : undefined;
}

/** Ranked first by rank, unranked (null) after, ties by id in code-point order. */
function byRank(ra: number | null, rb: number | null): number {
  if (ra === rb) return 0;
  if (ra === null) return 1;
  if (rb === null) return -1;
  return ra - rb;
}

export function diffReports(older: KippReport, newer: KippReport): ReportDiff {
  const before = new Map(older.entries.map((e) => [e.id, e]));
  const after = new Map(newer.entries.map((e) => [e.id, e]));
  const filterOld = reportFilter(older);
  const filterNew = reportFilter(newer);
  /** Absent from one report only because that report's filter left it out: not compared. */
  const hidden = (id: string) => (filterOld !== null && !before.has(id)) || (filterNew !== null && !after.has(id));
  // Listed by the rank the entry has now (an entry that left the report: the rank it had).
  const rankNow = (id: string) => (after.has(id) ? after.get(id)!.rank : (before.get(id)?.rank ?? null));

  const entries: EntryDiff[] = [];
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  for (const id of ids) {
    if (hidden(id)) continue;
    const d = diffEntry(before.get(id), after.get(id));
    if (d) entries.push(d);
  }
  entries.sort((x, y) => byRank(rankNow(x.id), rankNow(y.id)) || compareCodePoints(x.id, y.id));

  const not_shown: ReportDiff['not_shown'] = {};
  const shownOnly = (
    filter: ReportFilter | null,
    shown: KippReport,
    missing: ReadonlyMap<string, ReportEntry>,
  ): NotShown | undefined => {
    if (filter === null) return undefined;
    const list = shown.entries
      .filter((e) => !missing.has(e.id))
      .map((e) => ({ id: e.id, title: e.title, rank: e.rank }));
    return list.length > 0 ? { filter, entries: list } : undefined;
  };
  const notOld = shownOnly(filterOld, newer, before);
  const notNew = shownOnly(filterNew, older, after);
  if (notOld) not_shown.old = notOld;
  if (notNew) not_shown.new = notNew;

  const names = [...new Set([...older.shortlists.map((s) => s.name), ...newer.shortlists.map((s) => s.name)])];
  const shortlists: ShortlistDiff[] = [];
  for (const name of names) {
    const oldSummary = older.shortlists.find((s) => s.name === name);
    const newSummary = newer.shortlists.find((s) => s.name === name);
    const move = (e: ReportEntry): EntryMove => {
      const m: EntryMove = {
        id: e.id,
        title: e.title,
        rank: { old: before.get(e.id)?.rank ?? null, new: after.get(e.id)?.rank ?? null },
      };
      if (!before.has(e.id)) m.absent = 'old';
      else if (!after.has(e.id)) m.absent = 'new';
      return m;
    };
    const inOld = new Set(older.entries.filter((e) => e.shortlists.includes(name)).map((e) => e.id));
    const inNew = new Set(newer.entries.filter((e) => e.shortlists.includes(name)).map((e) => e.id));
    const s: ShortlistDiff = {
      name,
      entered: newer.entries.filter((e) => inNew.has(e.id) && !inOld.has(e.id) && !hidden(e.id)).map(move),
      left: older.entries.filter((e) => inOld.has(e.id) && !inNew.has(e.id) && !hidden(e.id)).map(move),
    };
    const size = change(oldSummary?.size ?? null, newSummary?.size ?? null);
    const taken = change(oldSummary?.taken ?? null, newSummary?.taken ?? null);
    const cutoff = change(oldSummary?.cutoff_tie ?? null, newSummary?.cutoff_tie ?? null);
    if (size) s.size = size;
    if (taken) s.taken = taken;
    if (cutoff) s.cutoff_tie = cutoff;
    if (s.entered.length > 0 || s.left.length > 0 || size || taken || cutoff) shortlists.push(s);
  }

  const decisions = diffDecisions(older, newer);
  return {
    manifest: diffManifest(older, newer),
    shortlists,
    entries,
    not_shown,
    diagnostics: diffDiagnostics(older, newer),
    ...(decisions ? { decisions } : {}),
  };
}

/** Decisions compared by content: a changed decision is one removed and one added. */
function diffDecisions(a: KippReport, b: KippReport): ReportDiff['decisions'] {
  if (a.decisions === undefined && b.decisions === undefined) return undefined;
  const summary = (d: NonNullable<KippReport['decisions']>[number]): DecisionSummary => ({
    action: d.action,
    ...(d.shortlist !== undefined ? { shortlist: d.shortlist } : {}),
    entries: d.entries,
    by: d.by,
    date: d.date,
    reason: d.reason,
  });
  const x = (a.decisions ?? []).map(summary);
  const y = (b.decisions ?? []).map(summary);
  const keys = (list: DecisionSummary[]) => new Set(list.map((d) => JSON.stringify(d)));
  const kx = keys(x);
  const ky = keys(y);
  return { added: y.filter((d) => !kx.has(JSON.stringify(d))), removed: x.filter((d) => !ky.has(JSON.stringify(d))) };
}

function diffDiagnostics(a: KippReport, b: KippReport): DiagnosticCountChange[] {
  const count = (r: KippReport) => {
    const m = new Map<string, number>();
    for (const d of r.diagnostics)
      m.set(`${d.severity}\u0000${d.code}`, (m.get(`${d.severity}\u0000${d.code}`) ?? 0) + 1);
    return m;
  };
  const x = count(a);
  const y = count(b);
  const keys = [...new Set([...x.keys(), ...y.keys()])].sort(compareCodePoints);
  const out: DiagnosticCountChange[] = [];
  for (const k of keys) {
    const [severity, code] = k.split('\u0000') as [string, string];
    const o = x.get(k) ?? 0;
    const n = y.get(k) ?? 0;
    if (o !== n) out.push({ code, severity, old: o, new: n });
  }
  return out;
}
