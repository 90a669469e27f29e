/**
 * Applying the jury's decisions after ranking — a pure step between scoring and the
 * reports. Order: removals (disqualify, withdraw) first, then the ranks and shortlists are drawn
 * again without those entries (with stages: every stage's ranks too, src/decisions/stages.ts); then the cut-off ties are resolved on those shortlists; then the
 * moves against rank (include, exclude).
 *
 * A decision that no longer fits the data (an unknown entry or shortlist, a tie that is gone, an
 * entry that was not tied, two decisions on the same place) is a `stale-decision` error at its
 * line, and then no decision is applied: a half-applied set of decisions is a list nobody took.
 */
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { AppliedDecision, Decision, RemoveDecision } from '../model/decisions.js';
import type { InputFile } from '../model/records.js';
import type { EntryResult, ScoreResult, ShortlistResult } from '../model/result.js';
import { vocabulary } from '../model/vocabulary.js';
import { rankAndShortlist } from '../scoring/score.js';
import { closeUpStages } from './stages.js';
import { cutoffTies, tieAtCut } from './ties.js';

export interface DecisionsInput {
  decisions: Decision[];
  /** The decisions file, for the report's manifest. */
  input: InputFile;
  /** Problems found reading the file (invalid-decision). */
  diagnostics: Diagnostic[];
}

const REMOVED_FLAG = { disqualify: 'disqualified', withdraw: 'withdrawn' } as const;

function result(
  base: ScoreResult,
  parts: Pick<ScoreResult, 'entries' | 'shortlists' | 'diagnostics' | 'inputs'> & { decisions: AppliedDecision[] },
): ScoreResult {
  return {
    rubric: base.rubric,
    rubricSource: base.rubricSource,
    inputs: parts.inputs,
    asOf: base.asOf,
    entries: parts.entries,
    shortlists: parts.shortlists,
    scoredRecords: () => base.scoredRecords(),
    ...(base.recordTable !== undefined ? { recordTable: (stage?: string) => base.recordTable!(stage) } : {}),
    diagnostics: parts.diagnostics,
    decisions: parts.decisions,
  };
}

export function applyDecisions(scored: ScoreResult, file: DecisionsInput): ScoreResult {
  const inputs = [...scored.inputs, file.input];
  const problems: Diagnostic[] = [...file.diagnostics];
  const stale = (d: Decision, message: string, entry?: string) =>
    problems.push(
      diagnostic('stale-decision', `${d.action}: ${message}`, {
        file: d.file,
        line: d.line,
        field: d.action,
        ...(entry !== undefined ? { entry_id: entry } : {}),
      }),
    );
  const refuse = () =>
    result(scored, {
      entries: scored.entries,
      shortlists: scored.shortlists,
      diagnostics: [...scored.diagnostics, ...problems],
      inputs,
      decisions: [],
    });
  if (problems.length > 0) return refuse();

  const { rubric } = scored;
  const vocab = vocabulary(rubric);
  const known = new Set(scored.entries.map((e) => e.id));
  const rules = new Map(rubric.shortlists.map((s) => [s.name, s]));
  const decisions = file.decisions;

  // References, and one decision per place.
  const places = new Map<string, Decision>();
  const claim = (d: Decision, key: string, what: string) => {
    const prev = places.get(key);
    if (prev) stale(d, `two decisions on ${what}: this one and the one at line ${prev.line}; keep one`);
    else places.set(key, d);
  };
  const entryKnown = (d: Decision, id: string) => {
    if (known.has(id)) return true;
    stale(d, `entry "${id}" is not in the entries: correct the id`, id);
    return false;
  };
  const shortlistKnown = (d: Decision, name: string) => {
    if (rules.has(name)) return true;
    stale(
      d,
      `shortlist "${name}" is not in the rubric (${rubric.shortlists.map((s) => s.name).join(', ') || 'it defines none'})`,
    );
    return false;
  };
  // A decision with a problem here is left out of the steps below, which still check the others:
  // every problem is reported at once.
  const bad = new Set<Decision>();
  for (const d of decisions) {
    const before = problems.length;
    checkReferences(d);
    if (problems.length > before) bad.add(d);
  }
  function checkReferences(d: Decision): void {
    if (d.action === 'disqualify' || d.action === 'withdraw') {
      if (entryKnown(d, d.entry)) claim(d, `entry:${d.entry}`, `entry "${d.entry}"`);
    } else if (d.action === 'include' || d.action === 'exclude') {
      if (shortlistKnown(d, d.shortlist) && entryKnown(d, d.entry))
        claim(d, `place:${d.shortlist}:${d.entry}`, `entry "${d.entry}" in "${d.shortlist}"`);
    } else if (d.action === 'resolve_tie' && shortlistKnown(d, d.shortlist)) {
      const rule = rules.get(d.shortlist)!;
      if (rule.perCategory && d.category === undefined)
        stale(d, `"${d.shortlist}" is drawn per category: name the category whose cut-off is tied (category: …)`);
      else if (!rule.perCategory && d.category !== undefined)
        stale(d, `"${d.shortlist}" is not drawn per category: remove category`);
      else if (d.category !== undefined && vocab.category(d.category) === undefined)
        stale(d, `"${d.category}" is not a category of the rubric`);
      else {
        const category = d.category !== undefined ? vocab.category(d.category)! : '';
        claim(
          d,
          `tie:${d.shortlist}:${category}`,
          `the cut-off of "${d.shortlist}"${category ? ` in ${category}` : ''}`,
        );
        const seen = new Set<string>();
        for (const id of d.take) {
          if (seen.has(id)) stale(d, `take names "${id}" twice`, id);
          seen.add(id);
          if (entryKnown(d, id)) claim(d, `place:${d.shortlist}:${id}`, `entry "${id}" in "${d.shortlist}"`);
        }
      }
    }
  }
  const good = decisions.filter((d) => !bad.has(d));

  // 1. Removals: the entries leave the ranking, and ranks and shortlists are drawn again.
  const removed = new Map<string, RemoveDecision>();
  for (const d of good) if (d.action === 'disqualify' || d.action === 'withdraw') removed.set(d.entry, d);
  let entries = scored.entries;
  let shortlists: typeof scored.shortlists;
  let diagnostics = scored.diagnostics;
  if (removed.size > 0) {
    const copies = scored.entries.map((e): EntryResult => {
      const copy: EntryResult = { ...e, shortlists: [], rank: null, category_rank: null, tied: false };
      const d = removed.get(e.id);
      if (d !== undefined)
        Object.assign(copy, { total: null, passed: false, flags: [REMOVED_FLAG[d.action]], reasons: [d.reason] });
      return copy;
    });
    // With stages, the entry leaves every stage's ranking too, and lists drawn on a stage follow.
    const stageCandidates =
      rubric.stages.length > 0 ? closeUpStages(rubric, copies, new Set(removed.keys())) : undefined;
    const drawn = rankAndShortlist(rubric, copies, stageCandidates);
    entries = drawn.entries;
    shortlists = drawn.shortlists;
    diagnostics = [
      ...scored.diagnostics.filter((x) => x.code !== 'cutoff-tie' && x.code !== 'shortlist-over-size'),
      ...drawn.diagnostics,
    ];
  } else {
    entries = scored.entries.map((e) => ({ ...e, shortlists: [...e.shortlists] }));
    shortlists = scored.shortlists.map((s) => ({ ...s }));
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  const members = (name: string, category?: string) =>
    entries.filter((e) => e.shortlists.includes(name) && (category === undefined || e.category === category));

  const applied = new Map<Decision, AppliedDecision>();
  const base = (d: Decision): AppliedDecision => ({
    action: d.action,
    file: d.file,
    line: d.line,
    by: d.by,
    date: d.date,
    reason: d.reason,
    entries: [],
  });

  // 2. Cut-off ties. Those the ranking leaves open, by shortlist and category: a resolve_tie closes
  // one, and the shortlist's tie is open after the decisions while one of its own stays open
  // (an include or exclude later changes its count, not whether the jury decided its cut-off).
  const tieKey = (shortlist: string, category: string | undefined) => `${shortlist}\u0000${category ?? ''}`;
  const openTies = new Set(
    cutoffTies(
      entries,
      rubric.shortlists,
      rubric.categories.map((k) => k.id),
    ).map((t) => tieKey(t.shortlist, t.category)),
  );
  for (const d of good) {
    if (d.action !== 'resolve_tie') continue;
    const rule = rules.get(d.shortlist)!;
    const category = d.category !== undefined ? vocab.category(d.category)! : undefined;
    const where = `"${d.shortlist}"${category !== undefined ? ` in ${category}` : ''}`;
    const tie = tieAtCut(entries, rule, category);
    if (tie === null) {
      const taken = members(d.shortlist, category).length;
      stale(
        d,
        `${where} has no tie at its cut-off any more (it takes ${taken} of ${rule.size}): the tie this decision resolves is gone; remove the decision or take it again`,
      );
      continue;
    }
    const { tied, free } = tie;
    const tiedIds = tied.map((e) => e.id);
    const wrong = d.take.filter((id) => !tiedIds.includes(id));
    for (const id of wrong)
      stale(d, `entry "${id}" is not tied at the cut-off of ${where} (tied: ${tiedIds.join(', ')})`, id);
    if (wrong.length > 0) continue;
    if (d.take.length !== free) {
      stale(
        d,
        `${where} has ${free} place${free === 1 ? '' : 's'} left for the ${tied.length} tied entries (${tiedIds.join(', ')}): take exactly ${free}`,
      );
      continue;
    }
    const leftOut = tiedIds.filter((id) => !d.take.includes(id));
    // An entry this decision leaves out cannot be put back by an include: two decisions on its place.
    const putBack = leftOut.filter((id) => places.get(`place:${d.shortlist}:${id}`)?.action === 'include');
    for (const id of putBack)
      stale(
        places.get(`place:${d.shortlist}:${id}`)!,
        `two decisions on entry "${id}" in "${d.shortlist}": this one and the resolve_tie at line ${d.line}, which leaves it out; keep one`,
        id,
      );
    if (putBack.length > 0) continue;
    openTies.delete(tieKey(d.shortlist, category));
    for (const id of leftOut) byId.get(id)!.shortlists = byId.get(id)!.shortlists.filter((s) => s !== d.shortlist);
    applied.set(d, {
      ...base(d),
      shortlist: d.shortlist,
      ...(category !== undefined ? { category } : {}),
      entries: [...d.take],
      left_out: leftOut,
    });
  }

  // 3. Moves against rank.
  for (const d of good) {
    if (d.action !== 'include' && d.action !== 'exclude') continue;
    const e = byId.get(d.entry)!;
    const removal = removed.get(d.entry);
    if (removal) {
      stale(
        d,
        `entry "${d.entry}" is ${REMOVED_FLAG[removal.action]} by the decision at line ${removal.line}`,
        d.entry,
      );
      continue;
    }
    const inside = e.shortlists.includes(d.shortlist);
    if (d.action === 'include') {
      if (e.rank === null)
        stale(
          d,
          `entry "${d.entry}" is not ranked (${[...e.flags, ...e.reasons].join(', ')}): it cannot be put into a shortlist`,
          d.entry,
        );
      else if (inside)
        stale(
          d,
          `entry "${d.entry}" is already in "${d.shortlist}" by its rank: the decision changes nothing; remove it`,
          d.entry,
        );
      else {
        e.shortlists = rubric.shortlists
          .map((s) => s.name)
          .filter((n) => n === d.shortlist || e.shortlists.includes(n));
        applied.set(d, { ...base(d), shortlist: d.shortlist, entries: [d.entry] });
      }
    } else if (!inside)
      stale(d, `entry "${d.entry}" is not in "${d.shortlist}": there is nothing to take out`, d.entry);
    else {
      e.shortlists = e.shortlists.filter((s) => s !== d.shortlist);
      applied.set(d, { ...base(d), shortlist: d.shortlist, entries: [d.entry] });
    }
  }
  if (problems.length > 0) return refuse();
  for (const d of removed.values()) applied.set(d, { ...base(d), entries: [d.entry] });

  // The shortlists' counts and ties as they now stand; a resolved tie's warning goes.
  const resolved = new Set<string>();
  shortlists = shortlists.map((s): ShortlistResult => {
    const rule = rules.get(s.name)!;
    const now = members(s.name);
    // Still tied: a cut-off no resolve_tie decided, where the list still holds more than its size
    // (an exclude that brings a tied list to its size leaves nothing to decide).
    const overSize = (category: string | undefined) =>
      (category === undefined ? now : now.filter((e) => e.category === category)).length > rule.size;
    const tie =
      s.cutoff_tie &&
      (rule.perCategory
        ? rubric.categories.some((k) => openTies.has(tieKey(s.name, k.id)) && overSize(k.id))
        : openTies.has(tieKey(s.name, undefined)) && overSize(undefined));
    if (s.cutoff_tie && !tie) resolved.add(s.name);
    return { ...s, taken: now.length, cutoff_tie: tie };
  });
  diagnostics = diagnostics.filter(
    (x) => !(x.code === 'cutoff-tie' && [...resolved].some((name) => x.message.startsWith(`shortlist "${name}"`))),
  );
  return result(scored, { entries, shortlists, diagnostics, inputs, decisions: decisions.map((d) => applied.get(d)!) });
}
