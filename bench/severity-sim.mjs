// When panels are not random: none, zscore and severity normalization on simulated national
// panels (README "Choosing a normalization"). Seeded, so the table is reproducible:
//   npm run build && node bench/severity-sim.mjs [seeds=20]
// test/scoring/severity-sim.test.ts runs the same simulation (10 seeds) and checks its shape.
//
// The truth: 400 entries in 4 categories whose real quality differs (category effects −1, −0.3,
// +0.3, +1 on top of a standard normal quality); 24 judges with an additive severity (sd 0.8);
// scoring noise (sd 0.7). Each entry is read by 5 distinct judges. "overlap" counts how many of
// the true top 45 (by quality) a method puts in its first 45 (by the mean of x').

const ENTRIES = 400;
const JUDGES = 24;
const PER_ENTRY = 5;
const CATEGORIES = 4;
const TOP = 45;
const CATEGORY_EFFECT = [-1, -0.3, 0.3, 1];

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random) {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * One simulated year: `panel` is 'random' (5 judges drawn from all 24) or a cross-category share
 * (0.2, 0.1): judges are split into the 4 categories (6 each) and each of an entry's 5 places is
 * given to a judge of another category with that probability, else to one of its own.
 */
export function simulateYear(seed, panel) {
  const random = mulberry32(seed);
  const judgeCategory = Array.from({ length: JUDGES }, (_, j) => j % CATEGORIES);
  const severity = Array.from({ length: JUDGES }, () => 0.8 * gaussian(random));
  const entries = Array.from({ length: ENTRIES }, (_, e) => {
    const category = e % CATEGORIES;
    return { id: `E${String(e).padStart(3, '0')}`, category, quality: CATEGORY_EFFECT[category] + gaussian(random) };
  });
  const records = [];
  for (const entry of entries) {
    const chosen = new Set();
    while (chosen.size < PER_ENTRY) {
      let pool;
      if (panel === 'random') pool = judgeCategory.map((_, j) => j);
      else {
        const cross = random() < panel;
        pool = judgeCategory.flatMap((k, j) => ((cross ? k !== entry.category : k === entry.category) ? [j] : []));
      }
      const candidates = pool.filter((j) => !chosen.has(j));
      if (candidates.length === 0) continue;
      chosen.add(candidates[Math.floor(random() * candidates.length)]);
    }
    for (const j of [...chosen].sort((a, b) => a - b)) {
      const value = 5.5 + entry.quality + severity[j] + 0.7 * gaussian(random);
      records.push({ entry: entry.id, judge: `J${String(j).padStart(2, '0')}`, criterion: 'quality', value });
    }
  }
  return { entries, records };
}

/** How many of the true top 45 the method's first 45 hold. */
export function overlap(year, normalize, method) {
  const normalized = normalize(year.records, method);
  const sum = new Map();
  year.records.forEach((r, i) => {
    const s = sum.get(r.entry) ?? { total: 0, n: 0 };
    s.total += normalized[i];
    s.n++;
    sum.set(r.entry, s);
  });
  const byMethod = [...sum]
    .map(([id, s]) => ({ id, score: s.total / s.n }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  const truth = new Set(
    [...year.entries]
      .sort((a, b) => b.quality - a.quality)
      .slice(0, TOP)
      .map((e) => e.id),
  );
  return byMethod.slice(0, TOP).filter((e) => truth.has(e.id)).length;
}

export const PANELS = [
  { name: 'random assignment', panel: 'random' },
  { name: 'judges by category, 20 % cross-category links', panel: 0.2 },
  { name: 'judges by category, 10 % cross links', panel: 0.1 },
];
export const METHODS = ['none', 'zscore', 'severity'];

/** Mean overlap per panel and method over seeds 1..seeds. */
export function simulate(normalize, seeds) {
  return PANELS.map(({ name, panel }) => {
    const totals = Object.fromEntries(METHODS.map((m) => [m, 0]));
    for (let seed = 1; seed <= seeds; seed++) {
      const year = simulateYear(seed, panel);
      for (const m of METHODS) totals[m] += overlap(year, normalize, m);
    }
    return { name, ...Object.fromEntries(METHODS.map((m) => [m, totals[m] / seeds])) };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seeds = Number(process.argv[2] ?? 20);
  const { normalize } = await import(new URL('../dist/scoring/normalize.js', import.meta.url).href);
  const rows = simulate(normalize, seeds);
  console.log(
    `overlap with the true top ${TOP} (${ENTRIES} entries, ${JUDGES} judges, ${PER_ENTRY} per entry; mean of ${seeds} seeds)\n`,
  );
  console.log(`| panel | ${METHODS.join(' | ')} |`);
  console.log(`|---|${METHODS.map(() => '---:').join('|')}|`);
  for (const r of rows) console.log(`| ${r.name} | ${METHODS.map((m) => r[m].toFixed(1)).join(' | ')} |`);
}
