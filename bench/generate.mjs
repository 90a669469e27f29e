// Seeded generator for benchmark data: a realistic national KIPP year (3,500 entries, 5 judges
// per entry from a panel of 60, 5 criteria, long form: 87,500 score rows) and a stress year
// (200,000 entries, 5,000,000 rows). Same seed, same bytes.
//
//   node bench/generate.mjs national bench/data/national
//   node bench/generate.mjs stress bench/data/stress
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SIZES = {
  tiny: { entries: 200, judges: 20, perEntry: 5 },
  national: { entries: 3500, judges: 60, perEntry: 5 },
  national125k: { entries: 5000, judges: 60, perEntry: 5 },
  stress: { entries: 200000, judges: 400, perEntry: 5 },
};
const CRITERIA = ['novelty', 'effectiveness', 'benefit', 'replicability', 'sustainability'];
const CATEGORIES = ['governance', 'transparency', 'collaboration', 'inclusive'];
const TYPES = ['ministry', 'agency', 'province', 'regency', 'city', 'soe', 'regional_soe'];
const WORDS = [
  'Layanan',
  'Sistem',
  'Gerakan',
  'Klinik',
  'Aplikasi',
  'Program',
  'Rumah',
  'Pojok',
  'Jemput Bola',
  'Sapa',
];
const TOPICS = [
  'Sampah Bernilai',
  'Adminduk Desa',
  'Posyandu Digital',
  'Air Bersih',
  'Perizinan Online',
  'Lansia Sehat',
  'Gizi Balita',
  'Pajak Keliling',
  'UMKM Naik Kelas',
  'Tanggap Bencana',
];
const PLACES = [
  'Kota Surabaya',
  'Kabupaten Sragen',
  'Kota Makassar',
  'Kabupaten Banyuwangi',
  'Provinsi Jawa Barat',
  'Kota Denpasar',
  'Kabupaten Gorontalo',
  'Kota Kupang',
  'Kabupaten Sleman',
  'Kota Padang',
];
const OFFICES = [
  'Dinas Kesehatan',
  'Dinas Pendidikan',
  'DPMPTSP',
  'Dinas Sosial',
  'Badan Pendapatan Daerah',
  'RSUD',
  'Dinas Perhubungan',
  'Disdukcapil',
];

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function writer(path) {
  const out = createWriteStream(path);
  let buffer = '';
  return {
    line(s) {
      buffer += s + '\n';
      if (buffer.length > 1 << 20) {
        out.write(buffer);
        buffer = '';
      }
    },
    end() {
      out.end(buffer);
      return new Promise((resolve) => out.on('finish', resolve));
    },
  };
}

export async function generate(size, dir, seed = 2026) {
  const spec = SIZES[size];
  if (!spec) throw new Error(`unknown size ${size}: ${Object.keys(SIZES).join(', ')}`);
  mkdirSync(dir, { recursive: true });
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const width = String(spec.entries).length;
  const entries = writer(join(dir, 'entries.csv'));
  entries.line('id,title,agency,agency_type,region,category,implemented_since,summary');
  const quality = new Float64Array(spec.entries);
  for (let i = 0; i < spec.entries; i++) {
    const id = `KIPP-${String(i + 1).padStart(width, '0')}`;
    quality[i] = 3 + random() * 6;
    const year = 2010 + Math.floor(random() * 12);
    const agency = `${pick(OFFICES)} ${pick(PLACES)} ${Math.floor(i / 7)}`;
    entries.line(
      `${id},${pick(WORDS)} ${pick(TOPICS)} ${i + 1},${agency},${pick(TYPES)},Jawa Timur,${pick(CATEGORIES)},${year}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)},Inovasi untuk mempercepat pelayanan publik.`,
    );
  }
  await entries.end();
  const judges = writer(join(dir, 'judges.csv'));
  judges.line('id,name,agency,region');
  for (let j = 0; j < spec.judges; j++)
    judges.line(`J${String(j + 1).padStart(3, '0')},Juri ${j + 1},Universitas Panel ${j + 1},Nasional`);
  await judges.end();
  const bias = Array.from({ length: spec.judges }, () => (random() - 0.5) * 2);
  const scores = writer(join(dir, 'scores.csv'));
  scores.line('entry_id,judge_id,criterion,score');
  let rows = 0;
  for (let i = 0; i < spec.entries; i++) {
    const id = `KIPP-${String(i + 1).padStart(width, '0')}`;
    const start = Math.floor(random() * spec.judges);
    for (let k = 0; k < spec.perEntry; k++) {
      const j = (start + k * 7) % spec.judges;
      const judge = `J${String(j + 1).padStart(3, '0')}`;
      for (const c of CRITERIA) {
        const v = Math.min(10, Math.max(1, Math.round((quality[i] + bias[j] + (random() - 0.5) * 2) * 2) / 2));
        scores.line(`${id},${judge},${c},${v.toFixed(1)}`);
        rows++;
      }
    }
  }
  await scores.end();
  return { entries: spec.entries, judges: spec.judges, rows };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [size = 'national', dir = `bench/data/${size}`] = process.argv.slice(2);
  const t = Date.now();
  const r = await generate(size, dir);
  console.error(
    `generated ${size}: ${r.entries} entries, ${r.judges} judges, ${r.rows} score rows in ${Date.now() - t} ms → ${dir}`,
  );
}
