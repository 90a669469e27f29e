/**
 * Array helpers for lists of any length. `Math.max(...list)`, `out.push(...list)` and the like
 * pass every element as an argument on the call stack: past about 100,000 elements (a stress
 * year's entries, a sheet's diagnostics) V8 throws "Maximum call stack size exceeded". These
 * loop instead. test/ci/no-spread-calls.test.ts keeps the spread forms out of src/.
 */

/**
 * A typed array with room for `size` elements: `a` itself when it has it, else a copy at least
 * twice as long (so appends stay amortised O(1)), or exactly `size` long when `exact`.
 */
export function grow<T extends Int32Array | Uint8Array | Uint16Array>(a: T, size: number, exact = false): T {
  if (size <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(exact ? size : Math.max(size, a.length * 2));
  next.set(a);
  return next;
}

/**
 * The last of the first `count` (ascending) values of `starts` at or before `i`: its index, or -1
 * when none is (a run's look-up: line-runs.ts, comment-runs.ts).
 */
export function lastAtOrBefore(starts: Int32Array, count: number, i: number): number {
  if (count === 0 || starts[0]! > i) return -1;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Appends every item of `items` to `target` (in order) and returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** Puts every item of `items` before `target`'s own (in order) and returns `target`. */
export function prependAll<T>(target: T[], items: readonly T[]): T[] {
  if (items.length === 0) return target;
  const rest = target.splice(0, target.length);
  pushAll(target, items);
  return pushAll(target, rest);
}

/** The largest number of `values` (`empty` when there is none): Math.max without the spread. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max = -Infinity;
  let any = false;
  for (const v of values) {
    any = true;
    // Math.max's rules: NaN wins, and 0 is larger than -0.
    if (v > max || Number.isNaN(v) || (v === 0 && max === 0 && Object.is(max, -0))) max = v;
    if (Number.isNaN(max)) return NaN;
  }
  return any ? max : empty;
}

/** The smallest number of `values` (`empty` when there is none): Math.min without the spread. */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let min = Infinity;
  let any = false;
  for (const v of values) {
    any = true;
    if (v < min || Number.isNaN(v) || (v === 0 && min === 0 && Object.is(v, -0))) min = v;
    if (Number.isNaN(min)) return NaN;
  }
  return any ? min : empty;
}

/** The index of `value` in `list`, appended the first time (`index` maps values to indices). */
export function numberOf<T>(value: T, list: T[], index: Map<T, number>): number {
  let n = index.get(value);
  if (n === undefined) {
    n = list.length;
    list.push(value);
    index.set(value, n);
  }
  return n;
}

/**
 * The one empty list that records without reasons, flags or errors share (a stress year has
 * 200,000 entries and most lists are empty: an array each was ~32 bytes). Frozen: a list is
 * changed by giving its record a new one, and a push into this one throws.
 */
export const NONE: readonly never[] = Object.freeze([]);
