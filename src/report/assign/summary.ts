/**
 * The summary `kipp assign` prints on stderr: loads, conflicts avoided, whether the judge–entry
 * graph is connected, expertise matches, idle judges. Pure.
 */
import type { Assignment } from '../../assign/policy.js';

export interface SummaryFacts {
  entries: number;
  perEntry: number;
  seed: string;
  avoidRegion: boolean;
  byCategory: boolean;
  /** The rubric's normalization when it compares judges through shared entries (zscore, severity); else null. */
  comparing: string | null;
  /** Whether any judge lists an expertise category. */
  anyExpertise: boolean;
  /** Whether declared conflicts (`--conflicts`) were given: they count among the conflicts avoided. */
  declared: boolean;
}

/** The stderr summary: loads, conflicts avoided, connectivity, expertise, idle judges. */
export function summaryLines(a: Assignment, facts: SummaryFacts): string[] {
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const active = a.loads.filter((l) => l.count > 0).length;
  const lines = [
    `kipp assign: ${plural(facts.entries, 'entry', 'entries')} × ${plural(facts.perEntry, 'judge')} = ${plural(a.pairs.length, 'assignment')} over ${plural(active, 'judge')} (seed ${facts.seed})`,
    `  loads per judge: min ${a.minLoad}, max ${a.maxLoad} entries`,
    `  conflicts avoided: ${plural(a.conflictsAvoided, 'judge–entry pair')} with the same ${facts.avoidRegion ? 'agency or region' : 'agency'}${facts.declared ? ', or a declared conflict' : ''}`,
  ];
  if (a.connected) lines.push('  judge–entry graph: connected');
  else {
    lines.push(
      `  judge–entry graph: NOT connected${facts.comparing !== null ? ` (the rubric uses ${facts.comparing} normalization, which then cannot compare judges across groups)` : ''}: ` +
        'raise --per-entry or add judges from other agencies so that the groups share entries',
    );
  }
  if (facts.byCategory && facts.comparing === 'zscore') {
    lines.push(
      '  note: judges who read their own category see entries of one quality level, which zscore normalization then erases; normalization: severity is fitted on the cross-category links instead (docs/guide/scoring.md, "Choosing a normalization")',
    );
  }
  if (facts.byCategory && facts.comparing === 'severity') {
    lines.push(
      '  note: the severity model compares judges of different categories through the entries they share: the more cross-category assignments, the better it is identified',
    );
  }
  if (facts.byCategory) {
    lines.push(
      `  expertise: ${a.expertiseMatched} of ${a.pairs.length} pairs go to a judge whose expertise lists the entry's category`,
    );
    if (!facts.anyExpertise)
      lines.push(
        '  warning: no judge lists any expertise: add an "expertise" column to the judges file for --by category to matter',
      );
  }
  if (a.idleJudgeIds.length > 0)
    lines.push(`  idle (conflict with every entry, no sheet): ${a.idleJudgeIds.join(', ')}`);
  return lines;
}
