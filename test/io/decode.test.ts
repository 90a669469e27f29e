/**
 * Decoding (src/io/decode.ts): UTF-8 kept wherever it is valid, stray Windows-1252 bytes flagged
 * at their own lines, UTF-16 and UTF-32 found with or without a byte-order mark. Expected texts
 * are built independently: Node's own encoders for UTF-16, by hand for UTF-32 and Windows-1252.
 */
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, MAX_LINE_WARNINGS, toUtf8 } from '../../src/io/decode.js';
import { describeNumberProblem } from '../../src/io/number.js';
import { quoted } from '../../src/model/diagnostic.js';

const utf16 = (text: string, le: boolean, bom: boolean) => {
  const body = Buffer.from(text, 'utf16le');
  if (!le) body.swap16();
  return Buffer.concat([bom ? Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0), body]);
};
const utf32 = (text: string, le: boolean, bom: boolean) => {
  const points = [...(bom ? '\ufeff' : ''), ...text].map((c) => c.codePointAt(0)!);
  const out = Buffer.alloc(points.length * 4);
  points.forEach((cp, i) => (le ? out.writeUInt32LE(cp, i * 4) : out.writeUInt32BE(cp, i * 4)));
  return out;
};
/** Latin-1 letters only (é is 0xE9 in Windows-1252, as in Latin-1): bytes that can never form UTF-8 with ASCII after them. */
const cp1252 = (text: string) => Buffer.from(text, 'latin1');

describe('#16.6 a stray Windows-1252 byte in a UTF-8 file', () => {
  it('#16.6: keeps UTF-8 on every other line and flags the bad line with a quoted excerpt', () => {
    const bytes = Buffer.concat([
      Buffer.from('id,judul\nA,Kafé — “ü”\nB,'),
      cp1252('Café'),
      Buffer.from('\nC,Straße\n'),
    ]);
    const d = decodeBytes(bytes);
    expect(d.text).toBe('id,judul\nA,Kafé — “ü”\nB,Café\nC,Straße\n');
    expect(d.encoding).toBe('utf-8+windows-1252');
    expect(d.problems.map((p) => p.line)).toEqual([3]);
    expect(d.problems[0]!.message).toContain('"B,Café"');
  });

  it('#16.6: a UTF-8 sequence and a stray byte on the same line: each read as what it is', () => {
    const bytes = Buffer.concat([Buffer.from('x\n— '), cp1252('é'), Buffer.from(' ü\n')]);
    expect(decodeBytes(bytes)).toMatchObject({ text: 'x\n— é ü\n', problems: [{ line: 2 }] });
  });

  it('#16.6: each bad line gets its warning, up to a bound, then one for the rest', () => {
    const lines = ['id,judul', 'A,Straße'];
    const bytes = [Buffer.from('id,judul\nA,Straße\n')];
    for (let i = 0; i < MAX_LINE_WARNINGS + 20; i++) {
      bytes.push(Buffer.from(`E${i},`), cp1252('é'), Buffer.from('\n'));
      lines.push(`E${i},é`);
    }
    const d = decodeBytes(Buffer.concat(bytes));
    expect(d.text).toBe(`${lines.join('\n')}\n`);
    expect(d.problems).toHaveLength(MAX_LINE_WARNINGS + 1);
    expect(d.problems.slice(0, 3).map((p) => p.line)).toEqual([3, 4, 5]);
    expect(d.problems.at(-1)!.line).toBe(3 + MAX_LINE_WARNINGS);
    expect(d.problems.at(-1)!.message).toContain('20 more lines');
  });

  it('#16.6: the excerpt of a 1 MB bad line is bounded', () => {
    const bytes = Buffer.concat([
      Buffer.from('id,judul\nA,ü\nB,'),
      cp1252('é'),
      Buffer.from(`${'x'.repeat(1 << 20)}\n`),
    ]);
    const [p] = toUtf8(bytes).problems;
    expect(p!.message.length).toBeLessThan(400);
    expect(p!.message).toContain(`${(3 + (1 << 20)).toLocaleString('en-US')} characters`);
  });

  it('#16.6: a file where nothing non-ASCII is UTF-8 is Windows-1252, with one warning', () => {
    const d = toUtf8(
      Buffer.concat([Buffer.from('id,judul\nA,'), cp1252('é'), Buffer.from('\nB,'), cp1252('ü'), Buffer.from('\n')]),
    );
    expect(d.encoding).toBe('windows-1252');
    expect(d.utf8.toString()).toBe('id,judul\nA,é\nB,ü\n');
    expect(d.problems.map((p) => p.line)).toEqual([2]);
  });

  it('#16.6 (property): any mix of UTF-8 lines and Windows-1252 lines decodes to the text written, each 1252 line flagged', () => {
    const latin = fc.constantFrom('é', 'ü', 'ß', 'ñ', 'ö', 'è');
    const ascii = fc.constantFrom('a', 'Z', '0', ',', ';', ' ', '"');
    const unicode = fc.constantFrom('—', '“', 'ü', '€', 'Ω', '😀', 'é');
    const line = fc.record({
      cp1252: fc.boolean(),
      chars: fc.array(fc.oneof(ascii, latin, unicode), { maxLength: 12 }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (spec) => {
        // A 1252 line holds ASCII and Latin-1 letters only; the first line is UTF-8 with a `—`, so the file is UTF-8.
        const lines = [
          { cp1252: false, text: '—' },
          ...spec.map((l) => ({
            cp1252: l.cp1252,
            text: l.cp1252
              ? l.chars.filter((c) => c.length === 1 && c.charCodeAt(0) < 0x100).join('')
              : l.chars.join(''),
          })),
        ];
        const bytes = Buffer.concat(
          lines.map((l) => Buffer.concat([l.cp1252 ? cp1252(l.text) : Buffer.from(l.text), Buffer.from('\n')])),
        );
        const d = decodeBytes(bytes);
        expect(d.text).toBe(lines.map((l) => `${l.text}\n`).join(''));
        const flagged = lines.flatMap((l, i) => (l.cp1252 && /[^\x00-\x7f]/.test(l.text) ? [i + 1] : []));
        expect(d.problems.map((p) => p.line)).toEqual(flagged);
      }),
      { numRuns: Number(process.env.KIPP_FUZZ_RUNS ?? 300) },
    );
  });
});

describe('#16.6 UTF-16 and UTF-32, with and without a byte-order mark', () => {
  const text = 'Kode Inovasi,Juri,Kriteria,Nilai\nX-01,J1,Kebaruan,8.5\nX-02,J1,Kebaruan,7\n';
  const startsWide = '“Kode” — Inovasi,Juri\nX-01,J1\n'; // LE starting above U+00FF: its first byte pair has no zero
  it.each([
    ['UTF-16 BE without a BOM', utf16(text, false, false), 'utf-16be', text],
    ['UTF-16 LE without a BOM, first character above U+00FF', utf16(startsWide, true, false), 'utf-16le', startsWide],
    ['UTF-16 BE without a BOM, first character above U+00FF', utf16(startsWide, false, false), 'utf-16be', startsWide],
    ['UTF-32 LE with a BOM', utf32(text, true, true), 'utf-32le', text],
    ['UTF-32 BE with a BOM', utf32(text, false, true), 'utf-32be', text],
    ['UTF-32 LE without a BOM', utf32(text, true, false), 'utf-32le', text],
    [
      'UTF-32 BE without a BOM, an emoji in it',
      utf32(`${startsWide}😀\n`, false, false),
      'utf-32be',
      `${startsWide}😀\n`,
    ],
  ])('#16.6: %s is decoded exactly, with no NUL left', (_name, bytes, encoding, expected) => {
    const d = decodeBytes(bytes);
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(expected);
    expect(d.problems).toEqual([]);
  });

  it('#16.6 (property): any text round-trips through UTF-8, UTF-16 and UTF-32 with a BOM, and without one when it has ASCII lines', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 8 }), { minLength: 1, maxLength: 8 }), (cells) => {
        const t = `id,${cells.map((c) => c.replace(/[\r\n\u0000\ufeff]/g, '')).join(',')}\nA,B,C,D,E\n`;
        for (const le of [true, false]) {
          for (const bom of [true, false]) {
            expect(decodeBytes(utf16(t, le, bom)).text).toBe(t);
            expect(decodeBytes(utf32(t, le, bom)).text).toBe(t);
          }
        }
        expect(decodeBytes(Buffer.from(`\ufeff${t}`)).text).toBe(t);
      }),
      { numRuns: Number(process.env.KIPP_FUZZ_RUNS ?? 200) },
    );
  });

  it('#16.6: broken UTF-32 (a code point past U+10FFFF) is reported at its line', () => {
    const bytes = Buffer.concat([utf32('a\nb', true, true), Buffer.from([0, 0, 0x20, 0])]);
    expect(toUtf8(bytes).problems.map((p) => p.line)).toEqual([2]);
  });

  it('#16.6: a stray NUL in a UTF-8 file is an encoding warning at its line, not a silent character', () => {
    const d = toUtf8(Buffer.from('id,judul\nA,x\u0000y\nB,z\n'));
    expect(d.encoding).toBe('utf-8');
    expect(d.problems.map((p) => p.line)).toEqual([2]);
  });
});

describe('#16.6 messages quote a bounded excerpt', () => {
  it('#16.6: quoted() keeps a short value whole and cuts a long one to 60 characters with its length, never inside a character', () => {
    expect(quoted('8,5')).toBe('"8,5"');
    expect(quoted('x'.repeat(60))).toBe(`"${'x'.repeat(60)}"`);
    expect(quoted('x'.repeat(61))).toBe(`"${'x'.repeat(59)}…" (61 characters)`);
    // 😀 is two UTF-16 units (here the 59th and 60th): a cut after 59 would leave half a character.
    const emoji = `${'x'.repeat(58)}😀${'y'.repeat(10)}`;
    expect(quoted(emoji)).toBe(`"${'x'.repeat(58)}…" (${emoji.length} characters)`);
  });
  it('#16.6: a 100 MB score cell is described in a message of a few dozen characters', () => {
    const cell = `${'1'.repeat(100 * 2 ** 20)},5`;
    for (const decimalComma of [false, true])
      expect(describeNumberProblem(cell, decimalComma).length).toBeLessThan(300);
  });
});
