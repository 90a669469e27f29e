/**
 * Findings are data: every problem the tool sees becomes a Diagnostic, and formatters render
 * lists of them. The codes are part of the product contract (SPEC section 4).
 */

export const DIAGNOSTIC_CODES = {
  'file-not-found': 'error',
  'parse-error': 'error',
  encoding: 'warning',
  'missing-field': 'error',
  'unknown-field': 'warning',
  'duplicate-id': 'error',
  'unknown-category': 'error',
  'invalid-agency-type': 'error',
  'invalid-date': 'error',
  'implementation-too-recent': 'error',
  'unknown-group': 'error',
  'duplicate-title': 'error',
  'too-many-entries': 'error',
  'text-too-long': 'error',
  'unknown-entry': 'error',
  'unknown-judge': 'error',
  'unknown-criterion': 'error',
  'score-not-a-number': 'error',
  'score-out-of-range': 'error',
  'duplicate-score': 'error',
  'too-few-judges': 'error',
  'conflict-of-interest': 'warning',
  'invalid-rubric': 'error',
  // Codes kipp adds beyond SPEC section 4 (documented in the README).
  'duplicate-header': 'error',
  'inline-scores-ignored': 'warning',
  'cutoff-tie': 'warning',
  'disconnected-panel': 'warning',
  'unknown-stage': 'error',
  'shortlist-over-size': 'warning',
  'invalid-decision': 'error',
  'stale-decision': 'error',
} as const satisfies Record<string, Severity>;

export type Severity = 'error' | 'warning';
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  file?: string;
  line?: number;
  column?: number;
  field?: string;
  entry_id?: string;
  message: string;
}

/** Where a record came from: the file as the user named it and the 1-based line it starts on. */
export interface SourceRef {
  file: string;
  line: number;
}

export interface DiagnosticInit {
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
  field?: string | undefined;
  entry_id?: string | undefined;
}

/** Builds a diagnostic with the code's default severity and without absent fields. */
export function diagnostic(code: DiagnosticCode, message: string, at: DiagnosticInit = {}): Diagnostic {
  const d: Diagnostic = { code, severity: DIAGNOSTIC_CODES[code], message };
  if (at.file !== undefined) d.file = at.file;
  if (at.line !== undefined) d.line = at.line;
  if (at.column !== undefined) d.column = at.column;
  if (at.field !== undefined) d.field = at.field;
  if (at.entry_id !== undefined) d.entry_id = at.entry_id;
  return d;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** A total order on diagnostics so that reports are byte-identical from run to run. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    cmp(a.code, b.code) ||
    cmp(a.field ?? '', b.field ?? '') ||
    cmp(a.entry_id ?? '', b.entry_id ?? '') ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Errors that stop a command before it produces a result. `kind` decides the exit code in
 * src/cli.ts: 'usage' and 'config' exit 2, 'data' exits 1.
 */
export class KippError extends Error {
  constructor(
    readonly kind: 'usage' | 'config' | 'data',
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
    this.name = 'KippError';
  }
}
