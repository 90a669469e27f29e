/**
 * Terminal safety and name matching: control characters and ANSI escapes in titles never reach
 * a terminal; spreadsheet spaces (NBSP, zero-width) never break a header or an id.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanCell, codePointComparator, compareCodePoints, foldText, normalizeName } from '../../src/model/names.js';
import { safeText } from '../../src/report/shared/text.js';
import { diagnosticLine } from '../../src/report/shared/diagnostics.js';

describe('safeText', () => {
  it('neutralises ANSI escapes, C1 controls, bell and bidi overrides', () => {
    expect(safeText('Judul \u001b[31mMERAH\u001b[0m')).toBe('Judul \\x1b[31mMERAH\\x1b[0m');
    expect(safeText('a\u0007b\u009bc')).toBe('a\\x07b\\x9bc');
    expect(safeText('abc\u202Eevil')).toBe('abc\\x202eevil');
    expect(safeText('baris\nbaru\ttab')).toBe('baris baru tab');
  });
  it('is applied to every diagnostic line', () => {
    const line = diagnosticLine(
      {
        code: 'missing-field',
        severity: 'error',
        file: 'e.csv',
        line: 2,
        entry_id: 'A\u001b]0;pwned\u0007',
        message: 'x\u001b[2J',
      },
      false,
    );
    expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('names', () => {
  it('matches headers across case, spaces, hyphens, underscores, NBSP and zero-width spaces', () => {
    for (const h of [
      'Judul Inovasi',
      ' judul-inovasi ',
      'JUDUL__INOVASI',
      'Judul\u00a0Inovasi',
      '\u200bJudul Inovasi\ufeff',
    ]) {
      expect(normalizeName(h)).toBe('judul_inovasi');
    }
  });
  it('cleans ids of spreadsheet spaces but keeps what is inside', () => {
    expect(cleanCell('\u00a0KIPP 001\u200b ')).toBe('KIPP 001');
    expect(cleanCell('08123')).toBe('08123');
    expect(cleanCell('K-0\u200B01\u2060')).toBe('K-001');
  });
  it('keeps zero-width joiners and non-joiners inside a value: emoji and scripts stay as written (found in LibreOffice re-measure)', () => {
    const nurse = 'Nakes \u{1F469}\u{1F3FD}\u200D\u2695\uFE0F Keliling';
    expect(cleanCell(`${nurse}\u200B`)).toBe(nurse);
    expect(cleanCell(' Dinas \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 ')).toBe(
      'Dinas \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645',
    );
    expect(cleanCell('\u200DK-1\u200C')).toBe('K-1');
    expect(foldText(`${nurse} `)).toBe(nurse.toLowerCase());
  });
  it('folds agencies and titles for comparison', () => {
    expect(foldText('  Dinas   Kesehatan\u00a0KOTA ')).toBe('dinas kesehatan kota');
  });
});

describe('compareCodePoints', () => {
  it('orders by code point, not UTF-16 code unit', async () => {
    const { compareCodePoints } = await import('../../src/model/names.js');
    // U+FF21 (Ａ) is below U+1F600 (😀) by code point; by code units 😀 (D83D…) sorts first.
    expect(['\u{1F600}', '\uFF21', 'B', 'A', 'AB'].sort(compareCodePoints)).toEqual([
      'A',
      'AB',
      'B',
      '\uFF21',
      '\u{1F600}',
    ]);
    expect(compareCodePoints('KIPP-10', 'KIPP-9')).toBeLessThan(0);
    expect(compareCodePoints('x', 'x')).toBe(0);
  });
});

describe('foldText', () => {
  // The rule written out the long way (drop invisible spaces, trim spaces and zero-width joiners
  // at the ends, collapse every run of
  // spaces to one, lower-case): foldText's quick path for plain titles must agree with it.
  const reference = (raw: string) =>
    raw
      .replace(/[\u200B\u2060\uFEFF]/g, '')
      .replace(/^[\s\u00A0\u202F\u200C\u200D]+|[\s\u00A0\u202F\u200C\u200D]+$/g, '')
      .replace(/[\s\u00A0\u202F]+/g, ' ')
      .toLowerCase();

  it('folds case and every kind of spreadsheet space', () => {
    expect(foldText('  Dinas  Kesehatan\u00A0KOTA\tBandung\u200B ')).toBe('dinas kesehatan kota bandung');
    expect(foldText('Sapa Warga')).toBe('sapa warga');
    expect(foldText('Sapa\u202FWarga')).toBe('sapa warga');
    expect(foldText('Sapa\nWarga')).toBe('sapa warga');
  });

  it('agrees with the long way on any text built from letters and awkward spaces', () => {
    const piece = fc.constantFrom(
      'a',
      'B',
      'é',
      'İ',
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00A0',
      '\u202F',
      '\u200B',
      '\uFEFF',
      '\u3000',
      'x y',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
        (s) => {
          expect(foldText(s)).toBe(reference(s));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('codePointComparator', () => {
  it('orders by code point even where UTF-16 order differs (astral letters after U+FF21)', () => {
    const ids = ['\u{1F600}', '\uFF21', 'a', 'Z'];
    expect([...ids].sort(codePointComparator(ids))).toEqual(['Z', 'a', '\uFF21', '\u{1F600}']);
  });

  it('agrees with compareCodePoints on any strings', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'B', '0', '-', 'é', '\uFF21', '\uE000', '\u{1F600}', '\u{10000}'),
      maxLength: 6,
    });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), (ids) => {
        const sign = (x: number) => Math.sign(x);
        const compare = codePointComparator(ids);
        for (const a of ids) for (const b of ids) expect(sign(compare(a, b))).toBe(sign(compareCodePoints(a, b)));
      }),
    );
  });
});
