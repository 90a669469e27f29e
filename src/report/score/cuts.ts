/**
 * Where the shortlist cut lines fall in a ranked list, for the reports that draw them (terminal
 * table, Markdown, HTML). A cut line goes under the last member of a shortlist in rank order.
 * A shortlist drawn per category has one line per category; one restricted to a group applies to
 * that group's entries only — such a line means something only in a list showing that category
 * or group, so it carries its scope and each report decides when to draw it.
 */
import type { EntryResult, ScoreResult } from '../../model/result.js';

export interface CutLine {
  shortlist: string;
  /** The id of the last member: the line goes under this entry. */
  afterId: string;
  /** Members in this scope (per category: in this category). */
  taken: number;
  size: number;
  /** Set for a per-category shortlist: the line holds within this category only. */
  category?: string;
  /** Set for a group shortlist: the line holds within this group only. */
  group?: string;
  /** Several entries share the rank at the cut (docs/reference/scoring.md step 10): the jury must decide. */
  cutoffTie: boolean;
}

/** Cut lines for the entries as listed (rank order), one per shortlist and scope. */
export function cutLines(result: ScoreResult, entries: readonly EntryResult[] = result.entries): CutLine[] {
  const lines: CutLine[] = [];
  // A list cut short by --top: a shortlist with members below it has no cut line in it.
  const beyond = result.selection?.beyond;
  for (const rule of result.rubric.shortlists) {
    const goesOn = beyond?.get(rule.name);
    const summary = result.shortlists.find((s) => s.name === rule.name);
    const members = entries.filter((e) => e.shortlists.includes(rule.name));
    if (rule.perCategory) {
      const categories = [...new Set(members.map((e) => e.category))];
      for (const category of categories) {
        if (goesOn?.has(category)) continue;
        const inCategory = members.filter((e) => e.category === category);
        const last = inCategory[inCategory.length - 1]!;
        // docs/reference/scoring.md step 10 takes more than `size` only to keep a tie at the cut together.
        const line: CutLine = {
          shortlist: rule.name,
          afterId: last.id,
          taken: inCategory.length,
          size: rule.size,
          category,
          cutoffTie: inCategory.length > rule.size,
        };
        if (rule.group !== undefined) line.group = rule.group;
        lines.push(line);
      }
      continue;
    }
    if (members.length === 0 || goesOn !== undefined) continue;
    const last = members[members.length - 1]!;
    const line: CutLine = {
      shortlist: rule.name,
      afterId: last.id,
      taken: summary?.taken ?? members.length,
      size: rule.size,
      cutoffTie: summary?.cutoff_tie ?? false,
    };
    if (rule.group !== undefined) line.group = rule.group;
    lines.push(line);
  }
  return lines;
}

/**
 * The lines that hold in a list showing `entries` only: unscoped ones, and scoped ones when every
 * listed entry is in that category (and group). A line under the last row says nothing in a
 * whole list; in a list cut short by --top (`endsEarly`) it says that the shortlist ends there
 * too (cutLines leaves out the shortlists that go on below).
 */
export function linesForList(lines: readonly CutLine[], entries: readonly EntryResult[], endsEarly = false): CutLine[] {
  const last = entries[entries.length - 1];
  return lines.filter((l) => {
    if (last !== undefined && l.afterId === last.id && !endsEarly) return false;
    if (l.category !== undefined && !entries.every((e) => e.categoryKnown && e.category === l.category)) return false;
    if (l.group !== undefined && !entries.every((e) => e.group === l.group)) return false;
    return true;
  });
}

/** Whether the list stops before its end (--top): see linesForList. */
export function endsEarly(result: ScoreResult): boolean {
  return result.selection !== undefined && result.selection.shown < result.selection.of;
}
