'use strict';
// (d2) near-the-limit, byte level: scan the Buffer once, no quote handling.
// Entry-id key string is only materialised when the id changes (rows grouped by entry is the fast case;
// any order is still correct). Criterion resolved by comparing bytes against the 5 known names.
const fs = require('fs');
const { finish } = require('./common.cjs');
const [inp, out] = process.argv.slice(2);
const b = fs.readFileSync(inp);
const n = b.length;
const NAMES = ['novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability'].map((x) => Buffer.from(x));
const acc = new Map();
let pos = b.indexOf(10) + 1;
let lastS = -1, lastE = -1, a = null;
while (pos < n) {
  let i = pos; while (i < n && b[i] !== 44) i++; const c1 = i;
  if (c1 >= n) break;
  i++; while (b[i] !== 44) i++; const c2 = i;
  i++; while (b[i] !== 44) i++; const c3 = i;
  // entry id
  const len = c1 - pos;
  let same = lastS >= 0 && len === lastE - lastS;
  if (same) for (let k = 0; k < len; k++) if (b[pos + k] !== b[lastS + k]) { same = false; break; }
  if (!same) {
    const id = b.latin1Slice(pos, c1);
    a = acc.get(id);
    if (!a) { a = new Float64Array(10); acc.set(id, a); }
    lastS = pos; lastE = c1;
  }
  // criterion
  const cl = c3 - c2 - 1; let c = -1;
  for (let k = 0; k < 5; k++) {
    const nm = NAMES[k];
    if (nm.length !== cl || nm[0] !== b[c2 + 1]) continue;
    let ok = true; for (let j = 1; j < cl; j++) if (nm[j] !== b[c2 + 1 + j]) { ok = false; break; }
    if (ok) { c = k; break; }
  }
  if (c < 0) throw new Error('unknown criterion at byte ' + c2);
  let v = 0; i = c3 + 1;
  for (; i < n; i++) { const ch = b[i]; if (ch === 10) break; if (ch >= 48 && ch <= 57) v = v * 10 + ch - 48; }
  a[c] += v; a[5 + c] += 1;
  pos = i + 1;
}
finish(acc, out);
