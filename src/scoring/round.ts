/**
 * docs/reference/scoring.md step 7: round to 6 decimal places, half away from zero, applied to the shortest decimal
 * form of the double (what `String(x)` prints) — so 0.0000005 rounds up although the double
 * nearest to it is a little below it. Every comparison after scoring uses the rounded values.
 */
export function round6(x: number): number {
  return roundTo(x, 6);
}

const POWERS = [1, 10, 100, 1000, 1e4, 1e5, 1e6];

/** Half away from zero at `places` decimals, on the shortest decimal form of x. */
export function roundTo(x: number, places: number): number {
  // Fast path (a stress year rounds over a million values, and its reports print a million
  // more at 2 places): when x·10^places is clearly away from a half, rounding it to the nearest
  // integer gives the decimal form's result. For |x| < 10⁵ and up to 6 places the decimal form
  // and the product are each within 2·10⁻⁵ of x·10^places, inside the 10⁻⁴ margin: near an
  // integer K the decimal digits read K (…000 or …999 rounded up, or x is K/10^places itself);
  // near a half, the exact way decides. K/10^places is the division the exact way ends with.
  const a = Math.abs(x);
  if (a < 1e5 && a !== 0 && places <= 6) {
    const power = POWERS[places]!;
    const scaled = a * power;
    const floor = Math.floor(scaled);
    const f = scaled - floor;
    if (f < 0.5 - 1e-4 || f > 0.5 + 1e-4) {
      const q = (f > 0.5 ? floor + 1 : floor) / power;
      return x < 0 ? (q === 0 ? 0 : -q) : q;
    }
  }
  return roundDecimal(x, places);
}

/** roundTo the exact way, always on the decimal text (the fast path's reference in tests). */
export function roundDecimal(x: number, places: number): number {
  if (!Number.isFinite(x)) return x;
  const negative = x < 0;
  const plain = plainDecimal(String(Math.abs(x)));
  const dot = plain.indexOf('.');
  if (dot === -1 || plain.length - dot - 1 <= places) return x;
  const kept = plain.slice(0, dot) + plain.slice(dot + 1, dot + 1 + places);
  const up = plain.charCodeAt(dot + 1 + places) >= 53; // '5'
  if (kept.length <= 15 && places <= 22) {
    // Up to 15 digits the kept integer is exact as a double, and dividing it by an exact power
    // of ten is correctly rounded: the same double as parsing the decimal text (no BigInt).
    const scaled = Number(kept) + (up ? 1 : 0);
    const quick = places === 0 ? scaled : scaled / 10 ** places;
    return negative ? (quick === 0 ? 0 : -quick) : quick;
  }
  const digits = (up ? BigInt(kept) + 1n : BigInt(kept)).toString().padStart(places + 1, '0');
  const result = places === 0 ? Number(digits) : Number(`${digits.slice(0, -places)}.${digits.slice(-places)}`);
  return negative ? (result === 0 ? 0 : -result) : result;
}

/** `1.5e-7` → `0.00000015`, `1e+21` → `1000000000000000000000`. */
function plainDecimal(s: string): string {
  const e = s.indexOf('e');
  if (e === -1) return s;
  const mantissa = s.slice(0, e);
  const exponent = Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const point = (dot === -1 ? mantissa.length : dot) + exponent;
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}
