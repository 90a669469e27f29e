/**
 * How names are matched: headers, criterion names, category and group values, agency types.
 * docs/reference/input-files.md: lower-cased, trimmed, runs of spaces, hyphens and underscores as one `_`.
 * Non-breaking and zero-width spaces from spreadsheets count as spaces (or vanish).
 */

const ZERO_WIDTH = /[\u200B\u200C\u200D\u2060\uFEFF]/g;
const SEPARATORS = /[\s\u00A0\u202F_-]+/g;

export function normalizeName(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .toLowerCase()
    .replace(SEPARATORS, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Trims ordinary, non-breaking and zero-width spaces from both ends (ids, cell values), and
 * removes the invisible ones that mean nothing (zero-width space, word joiner, a stray BOM)
 * inside too. Zero-width joiners and non-joiners inside a value are kept: they are part of an
 * emoji (👩🏽‍⚕️) and of Persian and Indic words, and a title is shown as written.
 */
export function cleanCell(raw: string): string {
  // Most cells need nothing: one test instead of two replacements (millions of score cells).
  if (!NEEDS_CLEANING.test(raw)) return raw;
  return raw.replace(INVISIBLE, '').replace(CELL_ENDS, '');
}

const INVISIBLE = /[\u200B\u2060\uFEFF]/g;
const CELL_ENDS = /^[\s\u00A0\u202F\u200C\u200D]+|[\s\u00A0\u202F\u200C\u200D]+$/g;

const NEEDS_CLEANING = /^[\s\u00A0\u202F]|[\s\u00A0\u202F]$|[\u200B\u200C\u200D\u2060\uFEFF]/;

/** Agencies and titles are compared after trimming, collapsing inner whitespace and lower-casing. */
export function foldText(raw: string): string {
  // Most titles and agencies have single spaces and nothing to trim: one test, then lower-case.
  if (!NEEDS_FOLDING.test(raw)) return raw.toLowerCase();
  return cleanCell(raw)
    .replace(/[\s\u00A0\u202F]+/g, ' ')
    .toLowerCase();
}

/**
 * Titles are compared ignoring case and every space (docs/reference/scoring.md step 5):
 * `Sapa Warga`, `SapaWarga` and ` sapa  WARGA` are one title.
 */
export function titleKey(raw: string): string {
  const folded = foldText(raw);
  return folded.includes(' ') ? folded.replaceAll(' ', '') : folded;
}

/**
 * A 32-bit hash (FNV-1a over UTF-16 code units) of titleKey(title), computed without making the
 * key for a title of plain ASCII (its key is its characters but the ASCII spaces, lower-cased);
 * any other title hashes its key. Equal keys give equal hashes; undefined for an empty key.
 */
export function titleHash(title: string): number | undefined {
  let h = 0x811c9dc5;
  let n = 0;
  for (let k = 0; k < title.length; k++) {
    let c = title.charCodeAt(k);
    if (c > 0x7e) return keyHash(titleKey(title));
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
    n++;
  }
  return n === 0 ? undefined : h;
}

/** titleHash's hash of a key already made (it has no spaces left). */
function keyHash(key: string): number | undefined {
  if (key === '') return undefined;
  let h = 0x811c9dc5;
  for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
  return h;
}

/** Anything foldText would change besides case: space at an end, runs of spaces, other spaces. */
const NEEDS_FOLDING = /^[\s\u00A0\u202F]|[\s\u00A0\u202F]$|[\s\u00A0\u202F]{2}|[^\S ]|[\u200B\u200C\u200D\u2060\uFEFF]/;

export type FileKind = 'entries' | 'scores' | 'judges' | 'conflicts';

/** Canonical field names and their Indonesian aliases, per kind of file (docs/reference/input-files.md). */
const COMMON_ALIASES: Record<string, string[]> = {
  title: ['judul', 'nama_inovasi', 'judul_inovasi'],
  agency: ['instansi', 'nama_instansi'],
  agency_type: ['jenis_instansi'],
  region: ['provinsi', 'wilayah'],
  name: ['nama'],
  category: ['kategori'],
  group: ['kelompok'],
  implemented_since: ['tanggal_implementasi', 'mulai_implementasi'],
  summary: ['ringkasan'],
  video_url: ['video', 'tautan_video', 'url_video'],
  judge_id: ['juri', 'id_juri', 'evaluator'],
  criterion: ['kriteria'],
  score: ['nilai', 'skor'],
  comment: ['komentar', 'catatan'],
  stage: ['tahap'],
  expertise: ['keahlian'],
};

const KIND_ALIASES: Record<FileKind, Record<string, string[]>> = {
  // `kode_inovasi` too: the header of a score sheet's id column, copied into entries.
  entries: { id: ['no', 'kode', 'nomor', 'id_inovasi', 'kode_inovasi'] },
  scores: { entry_id: ['id_inovasi', 'kode_inovasi'] },
  judges: { id: ['no', 'kode', 'nomor', 'id_juri', 'kode_juri'] },
  conflicts: { entry_id: ['id_inovasi', 'kode_inovasi'], reason: ['alasan'] },
};

const aliasTables = new Map<FileKind, Map<string, string>>();

/** Map from a normalized header to its canonical field name, for one kind of file. */
export function fieldAliases(kind: FileKind): Map<string, string> {
  let table = aliasTables.get(kind);
  if (!table) {
    table = new Map();
    const add = (canonical: string, aliases: string[]) => {
      table!.set(canonical, canonical);
      for (const alias of aliases) table!.set(normalizeName(alias), canonical);
    };
    // Kind-specific aliases win over the common ones (`id_inovasi` is `id` in entries,
    // `entry_id` in score sheets; `id_juri` is `judge_id` in sheets, `id` in a judges file).
    for (const [canonical, aliases] of Object.entries(COMMON_ALIASES)) add(canonical, aliases);
    for (const [canonical, aliases] of Object.entries(KIND_ALIASES[kind])) add(canonical, aliases);
    aliasTables.set(kind, table);
  }
  return table;
}

/** The field a row-number column is kept under (passed through to exports, never the id). */
export const ROW_NUMBER_FIELD = 'row_number';

/** Headers of a spreadsheet's row-number column (normalized). `no` and `nomor` are also id aliases (docs/reference/input-files.md). */
const ROW_NUMBER_HEADERS = new Set(['no', 'no.', '#', 'nomor', 'no_urut', 'nomor_urut']);
const ID_ALIASES_TOO = new Set(['no', 'nomor']);

/**
 * The columns of an entries or judges header that number the rows: spreadsheets
 * start with `No` next to the real id column (`No, Kode, Judul…`), and both meant `id`, a
 * duplicate-header that loaded nothing. `No`/`Nomor` is the row number when another column
 * names the id (`Kode`, `id`, `Kode Inovasi`, …) and stays the id when alone (docs/reference/input-files.md);
 * `No.`, `#`, `No Urut` are always row numbers. Score sheets have no such rule.
 */
export function rowNumberColumns(headers: readonly string[], kind: FileKind): Set<number> {
  const columns = new Set<number>();
  if (kind === 'scores') return columns;
  const aliases = fieldAliases(kind);
  const names = headers.map(normalizeName);
  const otherId = names.some((n) => aliases.get(n) === 'id' && !ROW_NUMBER_HEADERS.has(n));
  names.forEach((n, i) => {
    if (ROW_NUMBER_HEADERS.has(n) && (otherId || !ID_ALIASES_TOO.has(n))) columns.add(i);
  });
  return columns;
}

/**
 * The key two ids share when a spreadsheet may have made one of the other as a number: it
 * drops leading zeros (`08123` and `8123`) and keeps 15 significant digits, the rest zeros
 * (`3510012018000131` typed, `3510012018000130` kept). Undefined for an id that is not all digits.
 */
export function numberIdKey(id: string): string | undefined {
  if (!/^[0-9]+$/.test(id)) return undefined;
  const digits = significantDigits(id);
  const kept = NUMBER_DIGITS_KEPT;
  return digits.length <= kept ? digits : digits.slice(0, kept) + '0'.repeat(digits.length - kept);
}

/**
 * The most significant digits a spreadsheet keeps of a number (Excel and LibreOffice: 15; typed
 * with more, the rest become zeros). An id stored as a number with more may not be the one typed.
 */
export const NUMBER_DIGITS_KEPT = 15;

/** An all-digit id without its leading zeros (one 0 stays of an id of zeros). */
export function significantDigits(id: string): string {
  return id.replace(/^0+(?=[0-9])/, '');
}

/** The header names a kind of file accepts for a canonical field, besides the field's own name. */
export function aliasesOf(kind: FileKind, canonical: string): string[] {
  return [...fieldAliases(kind)]
    .filter(([alias, field]) => field === canonical && alias !== canonical)
    .map(([alias]) => alias);
}

/** Aliases of the five default criteria (docs/reference/input-files.md). */
export const DEFAULT_CRITERION_ALIASES: Record<string, string[]> = {
  novelty: ['kebaruan'],
  effectiveness: ['efektif', 'efektivitas'],
  benefit: ['bermanfaat', 'manfaat', 'kebermanfaatan'],
  replicability: ['replikasi', 'dapat_direplikasi', 'dapat_ditransfer'],
  sustainability: ['berkelanjutan', 'keberlanjutan'],
};

export const AGENCY_TYPES = {
  ministry: ['kementerian'],
  agency: ['lembaga'],
  province: ['provinsi', 'pemerintah_provinsi', 'pemprov'],
  regency: ['kabupaten', 'pemerintah_kabupaten', 'pemkab'],
  city: ['kota', 'pemerintah_kota', 'pemkot'],
  soe: ['bumn'],
  regional_soe: ['bumd'],
} as const;

export type AgencyType = keyof typeof AGENCY_TYPES;

let agencyTypeTable: Map<string, AgencyType> | undefined;

const agencyTypeOf = new Map<string, AgencyType | undefined>();

export function resolveAgencyType(raw: string): AgencyType | undefined {
  // A year's entries name a handful of types: each distinct text is resolved once.
  if (agencyTypeOf.has(raw)) return agencyTypeOf.get(raw);
  const type = lookupAgencyType(raw);
  if (agencyTypeOf.size < 10_000) agencyTypeOf.set(raw, type);
  return type;
}

function lookupAgencyType(raw: string): AgencyType | undefined {
  if (!agencyTypeTable) {
    agencyTypeTable = new Map();
    for (const [id, aliases] of Object.entries(AGENCY_TYPES) as [AgencyType, readonly string[]][]) {
      agencyTypeTable.set(id, id);
      for (const a of aliases) agencyTypeTable.set(normalizeName(a), id);
    }
  }
  return agencyTypeTable.get(normalizeName(raw));
}

/**
 * Code-point order, the tie-breaker of last resort everywhere (docs/reference/scoring.md step 9). JavaScript's `<`
 * compares UTF-16 code units, which puts characters above U+FFFF before U+E000–U+FFFF; the
 * code units are remapped so that the order is by code point.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointWeight(x) - codePointWeight(y);
  }
  return a.length - b.length;
}

/** Any code unit at or above U+D800: only then can `<` on strings differ from code-point order. */
const ABOVE_D800 = /[\uD800-\uFFFF]/;

/**
 * A comparator in code-point order for a given set of strings: JavaScript's own `<` when none of
 * them holds a unit at or above U+D800 (where UTF-16 and code-point order agree; one test per
 * string instead of a loop per comparison: 200,000 ids sort in a third of the time), else
 * compareCodePoints.
 */
export function codePointComparator(strings: Iterable<string>): (a: string, b: string) => number {
  for (const s of strings) if (ABOVE_D800.test(s)) return compareCodePoints;
  return (a, b) => (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Each id's place in code-point order, equal ids in the order given. Entries files are mostly
 * kept in id order, which the sort sees in one pass.
 */
export function idOrder(ids: readonly string[]): Int32Array {
  const compareIds = codePointComparator(ids);
  const byId = Array.from({ length: ids.length }, (_, i) => i).sort((a, b) => compareIds(ids[a]!, ids[b]!) || a - b);
  const rank = new Int32Array(ids.length);
  for (let r = 0; r < byId.length; r++) rank[byId[r]!] = r;
  return rank;
}

function codePointWeight(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit <= 0xdfff ? unit + 0x2000 : unit - 0x800;
}
