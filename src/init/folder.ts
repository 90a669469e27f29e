/**
 * The files of a new competition folder (`kipp init`), as a pure function of the profile: the
 * rubric (with the rubric's JSON Schema beside it for editors), CSV templates with Indonesian
 * headers (entries, judges, score sheet), a README for the secretariat and a GitHub Actions
 * workflow that runs `kipp validate` on every change.
 * The templates hold headers only: `kipp validate` on a fresh folder reports each as `empty-file`
 * (a truncated upload must not pass). The workflow leaves the score sheet out while it holds no
 * score (weeks, before judging starts), so that its red means a problem, not "not yet".
 *
 * Nothing here points at the npm registry's `kipp`: that name is not this project's package,
 * and anyone could publish under it and run code in the secretariat's CI. The
 * workflow installs a tarball the secretariat commits (`vendor/kipp-VERSION.tgz`, made with
 * `npm pack`) or a source they name in KIPP_PACKAGE, and refuses a bare registry name; the
 * editor hint points at the schema file written into the folder.
 */
import { DEFAULT_CRITERION_ALIASES, normalizeName } from '../model/names.js';
import type { Rubric } from '../model/rubric.js';

export interface FolderFile {
  /** Relative to the folder, with `/`. */
  path: string;
  content: string;
}

export interface FolderInput {
  rubric: Rubric;
  /** The profile's YAML as shipped. */
  rubricText: string;
  /** The profile's name (`kipp-2025`), for the README. */
  profile: string;
  /** kipp's version, pinned in the workflow. */
  version: string;
  /** The package's schemas/rubric.schema.json, copied into the folder for the editor hint. */
  rubricSchema: string;
}

/** Where the rubric's JSON Schema goes in the folder (the rubric's editor hint points here). */
export const SCHEMA_PATH = 'schemas/rubric.schema.json';

/** The tarball the workflow installs unless KIPP_PACKAGE names another source. */
export function vendoredTarball(version: string): string {
  return `vendor/kipp-${version}.tgz`;
}

/** The Indonesian header of a criterion column: its first Indonesian alias, else its id. */
export function criterionHeader(id: string): string {
  return DEFAULT_CRITERION_ALIASES[id]?.[0] ?? id;
}

export function entryHeaders(rubric: Rubric): string[] {
  const headers = ['kode', 'judul_inovasi', 'instansi', 'jenis_instansi', 'provinsi', 'kategori'];
  if (rubric.groups.length > 0) headers.push('kelompok');
  headers.push('tanggal_implementasi', 'ringkasan', 'tautan_video');
  // Fields the rubric adds rules for (a statement of willingness to be replicated, ...).
  const known = new Set([
    'summary',
    'video_url',
    'title',
    'agency',
    'id',
    'category',
    'group',
    'region',
    'agency_type',
    'implemented_since',
  ]);
  for (const field of Object.keys(rubric.fields)) if (!known.has(field)) headers.push(field);
  return headers;
}

export function scoreHeaders(rubric: Rubric): string[] {
  return [
    'kode_inovasi',
    'juri',
    ...(rubric.stages.length > 0 ? ['tahap'] : []),
    ...rubric.criteria.map((c) => criterionHeader(c.id)),
    'komentar',
  ];
}

export const JUDGE_HEADERS = ['kode_juri', 'nama', 'instansi', 'provinsi', 'keahlian'];

function csvLine(cells: string[]): string {
  return `${cells.join(',')}\r\n`;
}

/** The shipped profile with its editor hint pointing at the schema beside it in the folder. */
function rubricFile(text: string): string {
  return text.replace(/^# yaml-language-server: \$schema=\S+/m, `# yaml-language-server: $schema=./${SCHEMA_PATH}`);
}

function validateCommand(): string {
  return 'kipp validate entries.csv --scores scores.csv --judges judges.csv --rubric rubric.yaml';
}

function workflow(version: string): string {
  // A score sheet that holds only its header is left out until the first score is in.
  const validate =
    'kipp validate entries.csv $([ "$(grep -c . scores.csv)" -gt 1 ] && echo --scores scores.csv) --judges judges.csv --rubric rubric.yaml';
  return `# .github/workflows/kipp-validate.yml — check the competition's files with kipp on every
# pull request and every push to main: annotations on the files' lines, a summary of the job,
# and SARIF for the Security tab's code scanning alerts.
# Exit codes: 0 clean (warnings allowed), 1 data errors, 2 bad rubric or option.
name: kipp validate

on:
  pull_request:
    paths: ['*.csv', 'rubric.yaml', 'vendor/**', '.github/workflows/kipp-validate.yml']
  push:
    branches: [main]

permissions:
  contents: read
  security-events: write # upload-sarif

jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install kipp
        # Never "npm install kipp": the npm registry's kipp is not this project's package.
        # Default: the tarball committed in this folder (npm pack in kipp's repository, see
        # README.md). Or set the repository variable KIPP_PACKAGE to a source you control: a
        # path, or a git URL pinned to a tag or commit (git+https://github.com/ORG/kipp.git#v${version}).
        env:
          KIPP_PACKAGE: \${{ vars.KIPP_PACKAGE || './${vendoredTarball(version)}' }}
        run: |
          case "$KIPP_PACKAGE" in
            ./*|/*|git+https://*|git+ssh://*) ;;
            *) echo "::error::KIPP_PACKAGE=$KIPP_PACKAGE is not a path or a git URL: a bare name would install whatever the npm registry holds under it"; exit 2 ;;
          esac
          case "$KIPP_PACKAGE" in
            ./*|/*) if [ ! -f "$KIPP_PACKAGE" ]; then echo "::error::$KIPP_PACKAGE is missing: commit the tarball made by npm pack in kipp's repository, or set the repository variable KIPP_PACKAGE (see README.md)"; exit 2; fi ;;
          esac
          npm install --global "$KIPP_PACKAGE"
          kipp --version
      - name: SARIF report for code scanning
        # Exit 1 (data errors) still writes the report; the next step fails the job.
        run: ${validate} --format sarif --output kipp.sarif || [ $? -eq 1 ]
      - name: Upload SARIF
        if: always() && hashFiles('kipp.sarif') != ''
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: kipp.sarif
          category: kipp
      - name: Validate
        run: ${validate} --format github
`;
}

function table(rows: string[][]): string {
  const line = (r: string[]) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  const [head, ...body] = rows;
  return [line(head!), `|${head!.map(() => '---').join('|')}|`, ...body.map(line)].join('\n');
}

/** min_per fields in the secretariat's words. */
const FIELD_WORDS: Record<string, string> = {
  category: 'kategori',
  group: 'kelompok',
  agency_type: 'jenis instansi',
  region: 'provinsi',
};

function readme(input: FolderInput): string {
  const { rubric, profile } = input;
  const out: string[] = [];
  out.push(`# ${rubric.name} — folder kompetisi`, '');
  out.push(
    `Folder ini dibuat dengan \`kipp init --profile ${profile}\`. Sekretariat mengisi tiga berkas CSV (bisa dibuka dan disimpan dari Excel atau LibreOffice; pemisah koma, titik koma atau tab, semuanya dikenali), lalu \`kipp\` memeriksa dan menghitung peringkatnya.`,
    '',
    '*This folder was created by `kipp init`. The secretariat fills in the three CSV files; kipp checks them and ranks the entries. The headers are in Indonesian; English names work too.*',
    '',
  );
  out.push('## Berkas', '');
  out.push(
    table([
      ['berkas', 'isi'],
      [
        '`rubric.yaml`',
        'pedoman penilaian: kriteria dan bobot, kategori, kelompok, tahap, daftar pendek. Komentar di atasnya menyebut nilai mana yang resmi dan mana yang asumsi.',
      ],
      ['`entries.csv`', 'satu baris per proposal inovasi'],
      ['`judges.csv`', 'satu baris per juri/evaluator (instansi juri dipakai untuk konflik kepentingan)'],
      [
        '`scores.csv`',
        `lembar penilaian: satu baris per proposal dan juri${rubric.stages.length > 0 ? ' dan tahap' : ''}, satu kolom per kriteria, skala ${rubric.scale.min}–${rubric.scale.max}`,
      ],
      [
        '`schemas/rubric.schema.json`',
        'skema JSON pedoman, agar editor (VS Code dengan ekstensi YAML) memeriksa `rubric.yaml` saat diketik',
      ],
      [
        '`.github/workflows/kipp-validate.yml`',
        'pemeriksaan otomatis (`kipp validate`) di GitHub Actions pada setiap perubahan',
      ],
    ]),
    '',
  );
  out.push('## Mengisi `entries.csv`', '');
  out.push(
    table([
      ['kolom', 'isi'],
      ['`kode`', 'kode unik proposal, mis. `KIPP-2025-001`'],
      ['`judul_inovasi`', 'judul inovasi (satu judul hanya boleh dipakai sekali)'],
      ['`instansi`', 'nama instansi pengusul'],
      ['`jenis_instansi`', 'kementerian, lembaga, provinsi, kabupaten, kota, bumn atau bumd'],
      ['`provinsi`', 'provinsi'],
      ['`kategori`', 'nomor, kode atau nama kategori (daftar di bawah)'],
      ...(rubric.groups.length > 0
        ? [['`kelompok`', `kelompok: ${rubric.groups.map((g) => `\`${g.id}\` (${g.label.id})`).join(', ')}`]]
        : []),
      ['`tanggal_implementasi`', 'tanggal mulai implementasi, `YYYY-MM-DD` atau `DD/MM/YYYY`'],
      [
        '`ringkasan`',
        `ringkasan${rubric.fields.summary?.maxWords !== undefined ? ` (paling banyak ${rubric.fields.summary.maxWords} kata)` : ''}`,
      ],
      ['`tautan_video`', `tautan video${rubric.fields.video_url?.required ? ' (wajib)' : ''}`],
    ]),
    '',
  );
  out.push('### Kategori', '');
  out.push(
    table([
      ['no', 'kode', 'kategori', 'category'],
      ...rubric.categories.map((c) => [String(c.number), `\`${c.id}\``, c.label.id, c.label.en]),
    ]),
    '',
  );
  if (rubric.groups.length > 0) {
    out.push('### Kelompok', '');
    const months = rubric.eligibility.minImplementationMonths;
    out.push(
      table([
        ['kode', 'kelompok', 'usia implementasi minimal', 'kuota per instansi'],
        ...rubric.groups.map((g) => [
          `\`${g.id}\``,
          g.label.id,
          g.minImplementationMonths !== undefined
            ? `${g.minImplementationMonths} bulan`
            : months !== undefined
              ? `${months} bulan`
              : '–',
          g.maxEntriesPerAgency !== undefined ? String(g.maxEntriesPerAgency) : '–',
        ]),
      ]),
      '',
    );
  }
  if (rubric.stages.length > 0) {
    out.push('## Tahap penilaian', '');
    out.push(
      table([
        ['tahap (`tahap`)', 'nama', 'bobot', 'nilai lulus'],
        ...rubric.stages.map((s) => [
          `\`${s.name}\``,
          s.label.id,
          String(s.weight),
          s.pass !== undefined ? String(s.pass) : '–',
        ]),
      ]),
      '',
      'Setiap tahap dinilai sendiri (nilai 0–100 dan peringkat per tahap); nilai akhir adalah rata-rata berbobot nilai tahap. ' +
        'Proposal di bawah nilai lulus suatu tahap tidak lolos (`stage:NAMA`) dan tidak perlu dinilai di tahap berikutnya. ' +
        `Isi kolom \`tahap\` pada \`scores.csv\`, atau simpan satu lembar per tahap dan berikan dengan \`--scores ${rubric.stages[0]!.name}=nilai-${rubric.stages[0]!.name}.csv\`.`,
      '',
    );
  }
  if (rubric.shortlists.length > 0) {
    out.push('## Daftar pendek', '');
    for (const s of rubric.shortlists) {
      const parts = [`${s.size} terbaik`];
      if (s.group !== undefined) parts.push(`kelompok \`${s.group}\``);
      if (s.perCategory) parts.push('per kategori');
      if (s.stage !== undefined) parts.push(`menurut tahap \`${s.stage}\``);
      if (s.minPer !== undefined)
        parts.push(
          `sekurang-kurangnya ${Object.entries(s.minPer)
            .map(([f, n]) => `${n} per ${FIELD_WORDS[f] ?? f}`)
            .join(' dan ')}`,
        );
      out.push(`- **${s.label?.id ?? s.name}** (\`${s.name}\`): ${parts.join(', ')}`);
    }
    out.push('');
  }
  out.push('## Perintah', '');
  out.push(
    '```sh',
    '# periksa semua berkas: setiap masalah dengan kode, berkas dan baris',
    validateCommand(),
    '# peringkat, nilai akhir, daftar pendek (tabel; --format json|csv|md)',
    'kipp score entries.csv --scores scores.csv --judges judges.csv --rubric rubric.yaml --lang id',
    '# daftar pendek ke Excel',
    `kipp export entries.csv --scores scores.csv --judges judges.csv --rubric rubric.yaml --shortlist ${rubric.shortlists[0]?.name ?? 'NAMA'} --output hasil.xlsx --lang id`,
    '```',
    '',
    'Tanggal acuan untuk usia implementasi: `--as-of YYYY-MM-DD` (tanggal penutupan pendaftaran), atau `eligibility.reference_date` di `rubric.yaml`.',
    '',
  );
  const tarball = vendoredTarball(input.version);
  out.push('## Memasang kipp di GitHub Actions', '');
  out.push(
    'Alur kerja `.github/workflows/kipp-validate.yml` **tidak** memasang kipp dari registri npm: nama `kipp` di sana bukan paket proyek ini, dan siapa pun dapat menerbitkan paket dengan nama itu. Pilih salah satu:',
    '',
    `1. Di salinan repositori kipp (versi ${input.version}), jalankan \`npm pack\`, lalu simpan berkas \`kipp-${input.version}.tgz\` di folder ini sebagai \`${tarball}\` dan commit.`,
    '2. Atau isi variabel repositori `KIPP_PACKAGE` (Settings → Secrets and variables → Actions → Variables) dengan sumber yang Anda kendalikan: path berkas, atau URL git yang dikunci pada tag atau commit, mis. `git+https://github.com/ORGANISASI/kipp.git#v' +
      input.version +
      '`.',
    '',
    'Tanpa salah satunya, langkah "Install kipp" gagal dengan pesan yang menjelaskannya; nama paket tanpa path atau URL git ditolak.',
    '',
    "*The workflow never installs `kipp` from the npm registry (that name is not this project's): commit the tarball from `npm pack` as `" +
      tarball +
      '`, or set the repository variable `KIPP_PACKAGE` to a path or a pinned git URL.*',
    '',
  );
  return `${out.join('\n')}`;
}

export function competitionFolder(input: FolderInput): FolderFile[] {
  const { rubric } = input;
  return [
    { path: 'rubric.yaml', content: rubricFile(input.rubricText) },
    { path: SCHEMA_PATH, content: input.rubricSchema },
    { path: 'entries.csv', content: csvLine(entryHeaders(rubric)) },
    { path: 'judges.csv', content: csvLine(JUDGE_HEADERS) },
    { path: 'scores.csv', content: csvLine(scoreHeaders(rubric)) },
    { path: 'README.md', content: readme(input) },
    { path: '.github/workflows/kipp-validate.yml', content: workflow(input.version) },
  ];
}

/** A profile name as given (`kipp-2025`, `KIPP-2025.yaml`) → the shipped file's base name. */
export function profileFileName(name: string): string {
  return `${normalizeName(name.replace(/\.ya?ml$/i, '')).replace(/_/g, '-')}.yaml`;
}
