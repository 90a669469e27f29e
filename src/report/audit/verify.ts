/**
 * `kipp verify` formatters: every input with its status, then each entry whose figures differ,
 * then one verdict line. Pure: (verification, options) → string.
 */
import type { Verification } from '../../audit/verify.js';
import { entryChanges, notShownLines } from './diff.js';
import { safeText } from '../shared/text.js';
import { maxOf, pushAll } from '../../model/arrays.js';

export const VERIFY_FORMATS = ['text', 'json'] as const;
export type VerifyFormat = (typeof VERIFY_FORMATS)[number];

export interface VerifyReportOptions {
  /** The report file as the user named it. */
  report: string;
}

/** The verdict in numbers: changed and missing inputs, entries and shortlists that differ. */
export function verificationCounts(v: Verification) {
  return {
    changed: v.inputs.filter((i) => i.status === 'changed').length,
    missing: v.inputs.filter((i) => i.status === 'missing').length,
    entries: v.diff?.entries.length ?? 0,
    shortlists: v.diff?.shortlists.length ?? 0,
    // With the report's own --top/--category, an entry shown on one side only means the
    // ranking behind the report moved.
    notShown: (v.diff?.not_shown.old?.entries.length ?? 0) + (v.diff?.not_shown.new?.entries.length ?? 0),
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function formatVerifyText(v: Verification, options: VerifyReportOptions): string {
  const out: string[] = [`kipp verify ${safeText(options.report)}`, ''];
  const kindWidth = maxOf(v.inputs.map((i) => i.kind.length));
  out.push(`Inputs (${v.inputs.length})`);
  for (const i of v.inputs) {
    const status = i.status === 'unchanged' ? 'ok' : i.status.toUpperCase();
    const detail =
      i.status === 'changed'
        ? `  sha256 recorded ${i.recorded.slice(0, 12)}…, now ${i.actual!.slice(0, 12)}…`
        : i.status === 'missing'
          ? '  not found next to the report nor in the working folder'
          : '';
    out.push(`  ${status.padEnd(7)} ${i.kind.padEnd(kindWidth)}  ${safeText(i.path)}${detail}`);
  }
  out.push('');
  if (v.diff === null) {
    out.push(`Figures not recomputed: ${safeText(v.notRecomputed ?? 'unknown reason')}.`, '');
  } else {
    const { entries, shortlists } = v.diff;
    const notShown = notShownLines(v.diff, { old: 'published report', new: 'recomputed one' });
    if (entries.length === 0 && shortlists.length === 0 && notShown.length === 0)
      out.push('Figures: every rank, total, criterion score and shortlist matches.', '');
    else {
      if (entries.length > 0) {
        out.push(`Entries that differ (${entries.length})`);
        const width = maxOf(entries.map((e) => [...e.id].length));
        for (const e of entries)
          out.push(`  ${safeText(e.id).padEnd(width)}  ${safeText(e.title)}: ${entryChanges(e).join('; ')}`);
        out.push('');
      }
      for (const s of shortlists) {
        const parts: string[] = [];
        if (s.entered.length > 0) parts.push(`entered: ${s.entered.map((e) => e.id).join(', ')}`);
        if (s.left.length > 0) parts.push(`left: ${s.left.map((e) => e.id).join(', ')}`);
        if (s.taken) parts.push(`taken ${s.taken.old ?? '–'} → ${s.taken.new ?? '–'}`);
        if (s.cutoff_tie) parts.push(`tie at the cut-off ${s.cutoff_tie.old} → ${s.cutoff_tie.new}`);
        if (s.size) parts.push(`size ${s.size.old ?? '–'} → ${s.size.new ?? '–'}`);
        out.push(`Shortlist ${safeText(s.name)}: ${parts.join('; ')}`);
      }
      if (shortlists.length > 0) out.push('');
      if (notShown.length > 0) {
        pushAll(out, notShown);
        out.push('');
      }
    }
    if (v.diff.diagnostics.length > 0) {
      out.push(
        `Diagnostics (not figures): ${v.diff.diagnostics.map((d) => `${d.severity} ${d.code} ${d.old} → ${d.new}`).join('; ')}`,
        '',
      );
    }
  }
  out.push(verdictLine(v));
  return `${out.join('\n')}\n`;
}

export function verdictLine(v: Verification): string {
  const c = verificationCounts(v);
  if (v.ok) return `VERIFIED: ${plural(v.inputs.length, 'input', 'inputs')} unchanged and every figure reproduced.`;
  const parts: string[] = [];
  if (c.changed > 0) parts.push(plural(c.changed, 'changed input', 'changed inputs'));
  if (c.missing > 0) parts.push(plural(c.missing, 'missing input', 'missing inputs'));
  if (c.entries > 0) parts.push(plural(c.entries, 'entry differs', 'entries differ'));
  if (c.shortlists > 0) parts.push(plural(c.shortlists, 'shortlist differs', 'shortlists differ'));
  if (c.notShown > 0) parts.push(`${plural(c.notShown, 'entry', 'entries')} shown on one side only`);
  if (parts.length === 0) parts.push('the figures could not be recomputed');
  return `NOT VERIFIED: ${parts.join(', ')}.`;
}

export function formatVerifyJson(v: Verification, options: VerifyReportOptions): string {
  const json = {
    report: options.report,
    ok: v.ok,
    ...(v.kipp ? { kipp: v.kipp } : {}),
    inputs: v.inputs.map((i) => ({
      kind: i.kind,
      path: i.path,
      status: i.status,
      recorded: i.recorded,
      actual: i.actual,
    })),
    ...(v.notRecomputed !== undefined ? { not_recomputed: v.notRecomputed } : {}),
    // The figures only: the inputs above are the manifest check (recorded vs on disk).
    diff:
      v.diff === null
        ? null
        : {
            shortlists: v.diff.shortlists,
            entries: v.diff.entries,
            not_shown: v.diff.not_shown,
            diagnostics: v.diff.diagnostics,
          },
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

export const verifyFormatters = {
  text: formatVerifyText,
  json: formatVerifyJson,
} satisfies Record<VerifyFormat, (v: Verification, options: VerifyReportOptions) => string>;
