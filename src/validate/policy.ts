/**
 * What `kipp validate` does with the diagnostics it found: --strict (warnings become errors),
 * --quiet (errors only shown), --max-warnings (too many warnings fail), and the exit status.
 */
import { countOf, countSeverities, type Diagnostic } from '../model/diagnostic.js';

export interface Policy {
  strict: boolean;
  quiet: boolean;
  maxWarnings: number | undefined;
}

export interface PolicyOutcome {
  shown: Diagnostic[];
  errors: number;
  warnings: number;
  /** Warnings left out by --quiet. */
  hidden: number;
  /** 0 clean (warnings allowed), 1 errors or more warnings than --max-warnings. */
  exit: 0 | 1;
}

/** The exit status never depends on --quiet: what a pipeline trusts does not change with what is shown. */
export function applyPolicy(found: readonly Diagnostic[], policy: Policy): PolicyOutcome {
  const all = found.map((d) => (policy.strict && d.severity === 'warning' ? { ...d, severity: 'error' as const } : d));
  // Counted with what each diagnostic omits (at most LISTED_PER_CODE of a code are listed per file).
  const { errors, warnings } = countSeverities(all);
  const shown = policy.quiet ? all.filter((d) => d.severity === 'error') : all;
  const tooManyWarnings = policy.maxWarnings !== undefined && warnings > policy.maxWarnings;
  let hidden = 0;
  if (policy.quiet) for (const d of all) if (d.severity !== 'error') hidden += countOf(d);
  return { shown, errors, warnings, hidden, exit: errors > 0 || tooManyWarnings ? 1 : 0 };
}
