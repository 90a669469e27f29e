/**
 * Display width, truncation and wrapping of the text that reaches a terminal (#16.10, #17.12),
 * checked against string-width (cli-table3's measure) and against widths counted by hand.
 */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cellText, displayWidth, truncate, wrap } from '../../src/report/shared/text.js';

const SAMPLES = [
  'Sapa Warga',
  'Café – “SIGAP” …',
  '行政サービス',
  'Layanan 🏥 Sehat',
  'e\u0301 combining',
  '한국어 제목',
  '█▌ │ ┼',
  'ＦＵＬＬ',
];

describe('displayWidth', () => {
  it('counts terminal columns: wide characters two, combining marks none (as string-width does)', () => {
    for (const s of SAMPLES) expect({ s, w: displayWidth(s) }).toEqual({ s, w: stringWidth(s) });
    expect(displayWidth('行政')).toBe(4); // by hand: two wide characters
    expect(displayWidth('e\u0301')).toBe(1);
  });
});

describe('truncate', () => {
  it('cuts to at most the width in columns, with an ellipsis, never inside a wide character', () => {
    for (const s of SAMPLES) {
      for (const width of [1, 2, 3, 5, 8]) {
        const cut = truncate(s, width);
        expect(stringWidth(cut)).toBeLessThanOrEqual(width);
        if (stringWidth(s) > width) expect(cut.endsWith('…')).toBe(true);
        else expect(cut).toBe(s);
      }
    }
    expect(truncate('行政サービス', 6)).toBe('行政…'); // 2 + 2 + 1: the third wide character would make 7
  });

  it('#16.10: a 100 MB title is cut from a bounded prefix, without spreading it into an array (which ran out of memory)', () => {
    const huge = 'A'.repeat(100 * 1024 * 1024);
    expect(truncate(huge, 50)).toBe(`${'A'.repeat(49)}…`);
    expect(cellText(`\u001b[31m${huge}`, 20)).toBe(`\\x1b[31m${'A'.repeat(11)}…`);
  });
});

describe('wrap', () => {
  it('wraps at spaces to the width, a word longer than the line cut', () => {
    expect(wrap('KIPP 2018 · tanggal acuan 2026-11-22 · 48 proposal', 20)).toEqual([
      'KIPP 2018 · tanggal',
      'acuan 2026-11-22 ·',
      '48 proposal',
    ]);
    for (const line of wrap('a verylongwordthatdoesnotfit here', 10)) expect(stringWidth(line)).toBeLessThanOrEqual(10);
  });
});
