/**
 * Entry rules (docs/reference/input-files.md, 2.4 and section 4): required fields, unique ids and titles, known
 * categories, groups and agency types, real dates, the age rule, per-agency quotas, word limits.
 * Every problem becomes a diagnostic; an entry with any of them is not ranked (docs/reference/scoring.md step 5).
 */
import { NONE } from '../model/arrays.js';
import {
  diagnostic,
  limitDiagnostics,
  otherPlaces,
  quoted,
  type Diagnostic,
  type DiagnosticCode,
} from '../model/diagnostic.js';
import { foldText, resolveAgencyType, titleHash, titleKey, type AgencyType } from '../model/names.js';
import { REQUIRED_ENTRY_FIELDS, type Entry } from '../model/records.js';
import { daysInMonth, type Rubric } from '../model/rubric.js';
import { vocabulary } from '../model/vocabulary.js';
import { describeDateProblem, parseDate } from '../io/date.js';

export interface CheckedEntry {
  entry: Entry;
  /** The category id, when the value names one. */
  category?: string;
  group?: string;
  agencyType?: AgencyType;
  /** ISO date. */
  implementedSince?: string;
  /** Entry-level error codes, in the order found, each once (most have none: the shared NONE). */
  errors: readonly DiagnosticCode[];
}

export { REQUIRED_ENTRY_FIELDS };

/** Adds calendar months to an ISO date; a day past the end of the month clamps to its last day. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today as a local date (docs/reference/rubric.md: "today" is the local date). */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export interface EntryChecks {
  checked: CheckedEntry[];
  diagnostics: Diagnostic[];
}

/** Entry checks run ahead (prepareEntryChecks), each taken by the first checkEntries that asks for it. */
const prepared = new WeakMap<readonly Entry[], { rubric: Rubric; asOf: string; checks: EntryChecks }>();

/**
 * Runs checkEntries now and keeps the result for the next checkEntries call on the same entries,
 * rubric and date. A command calls it while worker threads still read a stress year's score
 * sheets (LoadOptions.meanwhile), so that the checks do not wait for them.
 */
export function prepareEntryChecks(entries: Entry[], rubric: Rubric, asOf: string): void {
  prepared.set(entries, { rubric, asOf, checks: runEntryChecks(entries, rubric, asOf) });
}

export function checkEntries(entries: Entry[], rubric: Rubric, asOf: string): EntryChecks {
  const ahead = prepared.get(entries);
  if (ahead !== undefined) {
    prepared.delete(entries);
    if (ahead.rubric === rubric && ahead.asOf === asOf) return ahead.checks;
  }
  return runEntryChecks(entries, rubric, asOf);
}

function runEntryChecks(entries: Entry[], rubric: Rubric, asOf: string): EntryChecks {
  const vocab = vocabulary(rubric);
  const diagnostics: Diagnostic[] = [];
  const checked: CheckedEntry[] = entries.map((entry) => ({ entry, errors: NONE }));
  const report = (c: CheckedEntry, code: DiagnosticCode, field: string | undefined, message: string) => {
    const { entry } = c;
    diagnostics.push(
      diagnostic(code, message, {
        file: entry.source.file,
        line: entry.source.line,
        column: field !== undefined ? columnOf(entry, field) : undefined,
        field,
        entry_id: entry.id || undefined,
      }),
    );
    if (!c.errors.includes(code) && diagnostic(code, '').severity === 'error') c.errors = [...c.errors, code];
  };

  // Dates repeat across a year's entries: each distinct text is parsed, and each date moved by
  // the rule's months, once.
  const dates = new Map<string, string | undefined>();
  const parseDateOnce = (raw: string) => {
    if (!dates.has(raw)) dates.set(raw, parseDate(raw));
    return dates.get(raw);
  };
  const later = new Map<string, string>();
  const addMonthsOnce = (iso: string, months: number) => {
    const key = `${iso}+${months}`;
    let to = later.get(key);
    if (to === undefined) later.set(key, (to = addMonths(iso, months)));
    return to;
  };

  const fieldRules = Object.entries(rubric.fields);
  for (const c of checked) {
    const { entry } = c;
    for (const field of REQUIRED_ENTRY_FIELDS) {
      if ((entry.fields.get(field) ?? '') === '')
        report(c, 'missing-field', field, `required field "${field}" is empty or absent: fill it in`);
    }
    for (const [field, rule] of fieldRules) {
      const value = entry.fields.get(field) ?? '';
      if (rule.required && value === '' && !(REQUIRED_ENTRY_FIELDS as readonly string[]).includes(field)) {
        report(c, 'missing-field', field, `the rubric requires "${field}": fill it in`);
      }
      if (rule.maxWords !== undefined && value !== '') {
        const words = value.split(/[\s\u00A0]+/).filter(Boolean).length;
        if (words > rule.maxWords)
          report(
            c,
            'text-too-long',
            field,
            `"${field}" has ${words} words, more than the ${rule.maxWords} allowed: shorten it`,
          );
      }
    }
    if (entry.categoryRaw !== '') {
      const category = vocab.category(entry.categoryRaw);
      if (category === undefined) {
        const known = rubric.categories.map((k) => `${k.number} ${k.id}`).join(', ');
        report(
          c,
          'unknown-category',
          'category',
          `category ${quoted(entry.categoryRaw)} is not one of the rubric's categories (${known}): use an id, a number or a label`,
        );
      } else c.category = category;
    }
    if (entry.groupRaw !== '') {
      const group = vocab.group(entry.groupRaw);
      if (group === undefined) {
        const known =
          rubric.groups.length > 0
            ? `one of ${rubric.groups.map((g) => g.id).join(', ')}`
            : 'empty: this rubric defines no groups';
        report(
          c,
          'unknown-group',
          'group',
          `group ${quoted(entry.groupRaw)} is not defined by the rubric: it must be ${known}`,
        );
      } else c.group = group;
    }
    if (entry.agencyTypeRaw !== '') {
      const type = resolveAgencyType(entry.agencyTypeRaw);
      if (type === undefined) {
        report(
          c,
          'invalid-agency-type',
          'agency_type',
          `agency type ${quoted(entry.agencyTypeRaw)} is not recognised: use ministry, agency, province, regency, city, soe or regional_soe (kementerian, lembaga, provinsi, kabupaten, kota, bumn, bumd)`,
        );
      } else c.agencyType = type;
    }
    if (entry.implementedSinceRaw !== '') {
      const date = parseDateOnce(entry.implementedSinceRaw);
      if (date === undefined) {
        report(c, 'invalid-date', 'implemented_since', describeDateProblem(entry.implementedSinceRaw));
      } else c.implementedSince = date;
    }
    const groupRule = c.group !== undefined ? rubric.groups.find((g) => g.id === c.group) : undefined;
    const months = groupRule?.minImplementationMonths ?? rubric.eligibility.minImplementationMonths;
    if (months !== undefined && months > 0) {
      if (entry.implementedSinceRaw === '') {
        report(
          c,
          'missing-field',
          'implemented_since',
          `implemented_since is needed to check the ${months}-month implementation rule: fill it in`,
        );
      } else if (c.implementedSince !== undefined && addMonthsOnce(c.implementedSince, months) > asOf) {
        report(
          c,
          'implementation-too-recent',
          'implemented_since',
          `implemented since ${c.implementedSince}, less than ${months} months before the reference date ${asOf} (eligible from ${addMonths(c.implementedSince, months)})`,
        );
      }
    }
  }

  const ids = sharedValue(
    checked,
    (c) => c.entry.id,
    (c, others) =>
      report(
        c,
        'duplicate-id',
        'id',
        `id ${quoted(c.entry.id)} is also used at ${others}: every entry needs its own id`,
      ),
  );
  idIndexes.set(checked, ids);
  flagShared(sameTitles(checked), (c, others) =>
    report(
      c,
      'duplicate-title',
      'title',
      `the title ${quoted(c.entry.title)} is also used at ${others} (titles are compared ignoring case and spaces): a title may be used once`,
    ),
  );
  quota(checked, rubric.eligibility.maxEntriesPerAgency, (c) => foldText(c.entry.agency), 'the agency', report);
  for (const g of rubric.groups) {
    if (g.maxEntriesPerAgency === undefined) continue;
    quota(
      checked.filter((c) => c.group === g.id),
      g.maxEntriesPerAgency,
      (c) => foldText(c.entry.agency),
      `group "${g.id}" of the agency`,
      report,
    );
  }
  return { checked, diagnostics: limitDiagnostics(diagnostics) };
}

function columnOf(entry: Entry, field: string): number | undefined {
  return entry.columns?.get(field);
}

function place(e: Entry): string {
  return `${e.source.file}:${e.source.line}`;
}

/** Where each entry id is, and which ids several entries share (those cannot carry scores). */
export interface IdIndex {
  /** Non-empty id → index of its first entry. */
  first: Map<string, number>;
  shared: Set<string>;
}

/** checkEntries' id index, kept for checkScores (a stress year's 200,000 ids are indexed once). */
const idIndexes = new WeakMap<readonly CheckedEntry[], IdIndex>();

export function idIndex(checked: readonly CheckedEntry[]): IdIndex {
  let index = idIndexes.get(checked);
  if (index === undefined)
    idIndexes.set(
      checked,
      (index = sharedValue(
        checked,
        (c) => c.entry.id,
        () => {},
      )),
    );
  return index;
}

/** Calls `flag` for every entry whose (non-empty) key is shared with another entry; returns the keys' index. */
function sharedValue(
  checked: readonly CheckedEntry[],
  key: (c: CheckedEntry) => string,
  flag: (c: CheckedEntry, others: string) => void,
): IdIndex {
  // Most keys are unique: the first holder is kept as an index, a list only once a key repeats
  // (a stress year has 200,000 ids and titles, and a list each would be 200,000 arrays).
  const first = new Map<string, number>();
  const groups = new Map<string, { at: number; list: CheckedEntry[] }>();
  for (let i = 0; i < checked.length; i++) {
    const c = checked[i]!;
    const k = key(c);
    if (k === '') continue;
    const at = first.get(k);
    if (at === undefined) first.set(k, i);
    else {
      const group = groups.get(k);
      if (group) group.list.push(c);
      else groups.set(k, { at, list: [checked[at]!, c] });
    }
  }
  // In the order the keys first appear, as the files list them.
  flagShared(
    [...groups.values()].sort((a, b) => a.at - b.at).map((g) => g.list),
    flag,
  );
  return { first, shared: new Set(groups.keys()) };
}

/** Flags each member of each list of entries sharing a value, naming the others' places. */
function flagShared(lists: readonly CheckedEntry[][], flag: (c: CheckedEntry, others: string) => void): void {
  for (const list of lists) {
    const others = { self: 0, count: list.length, place: (k: number) => place(list[k]!.entry) };
    for (let k = 0; k < list.length; k++) flag(list[k]!, otherPlaces({ ...others, self: k }));
  }
}

/**
 * The entries whose titles are one title (titleKey: case and every space ignored), a list per
 * title in the order the titles first appear. A new key string for each of a stress year's
 * 200,000 titles, kept in a map, cost 0.1 s; instead titles are grouped by titleHash, a hash of
 * the key computed without making it, and only those whose hash repeats are compared by the key.
 */
function sameTitles(checked: readonly CheckedEntry[]): CheckedEntry[][] {
  // hash → the first entry with it, or −1 − its bucket once the hash repeats
  const byHash = new Map<number, number>();
  const buckets: number[][] = [];
  for (let i = 0; i < checked.length; i++) {
    const h = titleHash(checked[i]!.entry.title);
    if (h === undefined) continue;
    const at = byHash.get(h);
    if (at === undefined) byHash.set(h, i);
    else if (at >= 0) {
      byHash.set(h, -1 - buckets.length);
      buckets.push([at, i]);
    } else buckets[-1 - at]!.push(i);
  }
  const groups: { at: number; list: CheckedEntry[] }[] = [];
  for (const bucket of buckets) {
    const byKey = new Map<string, number[]>();
    for (const i of bucket) {
      const key = titleKey(checked[i]!.entry.title);
      const same = byKey.get(key);
      if (same) same.push(i);
      else byKey.set(key, [i]);
    }
    for (const same of byKey.values())
      if (same.length > 1) groups.push({ at: same[0]!, list: same.map((i) => checked[i]!) });
  }
  return groups.sort((a, b) => a.at - b.at).map((g) => g.list);
}

function quota(
  checked: CheckedEntry[],
  max: number | undefined,
  key: (c: CheckedEntry) => string,
  what: string,
  report: (c: CheckedEntry, code: DiagnosticCode, field: string, message: string) => void,
): void {
  if (max === undefined) return;
  const groups = new Map<string, CheckedEntry[]>();
  for (const c of checked) {
    const k = key(c);
    if (k === '') continue;
    const list = groups.get(k);
    if (list) list.push(c);
    else groups.set(k, [c]);
  }
  for (const list of groups.values()) {
    if (list.length <= max) continue;
    for (const c of list) {
      report(
        c,
        'too-many-entries',
        'agency',
        `${what} ${quoted(c.entry.agency)} has ${list.length} entries, over the quota of ${max}: the secretariat must withdraw ${list.length - max}`,
      );
    }
  }
}
