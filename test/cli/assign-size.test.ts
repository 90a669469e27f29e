/**
 * `kipp assign` on a year too large for the process's memory: the engine holds one edge per
 * entry–judge pair, and 200,000 entries × 400 judges (80,000,000 pairs) made Node stop with a
 * fatal out-of-memory error after 29 s at 4.7 GB. kipp now refuses first (exit 1, nothing
 * written) with the numbers and the ways out. The refusal runs in a real process with a small
 * heap (`--max-old-space-size=128`: enough for Node 20, 22 and 24 to load kipp and the files, and
 * about 1.8 million pairs on Node 24, far below the 5 million asked), where it must happen before any assignment is tried.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignmentFits, BYTES_PER_PAIR } from '../../src/commands/assign.js';
import { tempFolder } from '../tmp.js';
import { BIN, ROOT } from './run.js';

const GiB = 2 ** 30;

describe('assignmentFits', () => {
  it('takes what the heap holds and refuses one pair more', () => {
    // 0.85 of the heap at 160 bytes a pair, computed here from the rule as the docs state it
    const most = Math.floor((4 * GiB * 0.85) / 160);
    expect(BYTES_PER_PAIR).toBe(160);
    expect(assignmentFits(most, 1, 4 * GiB).ok).toBe(true);
    expect(assignmentFits(most + 1, 1, 4 * GiB).ok).toBe(false);
    // measured sizes that run: 20,000 and 50,000 entries × 400 judges on a 4 GB heap
    expect(assignmentFits(20_000, 400, 4 * GiB).ok).toBe(true);
    expect(assignmentFits(50_000, 400, 4 * GiB).ok).toBe(true);
  });

  it('says how large, how much fits, and the two ways out', () => {
    const fits = assignmentFits(200_000, 400, 4 * GiB);
    expect(fits.ok).toBe(false);
    const message = fits.ok ? '' : fits.message;
    expect(message).toContain('200,000 entries × 400 judges make 80,000,000 possible pairs');
    expect(message).toContain('a 4.0 GB heap');
    expect(message).toContain(`about ${Math.floor((4 * GiB * 0.85) / 160).toLocaleString('en-US')}`);
    expect(message).toContain('Nothing written');
    expect(message).toContain('one entries file per category');
    // enough for the pairs at 160 bytes each, in whole GiB: 80,000,000 × 160 / 0.85 → 15 GiB
    expect(message).toContain('NODE_OPTIONS=--max-old-space-size=15360');
  });
});

describe('kipp assign in a process with a small heap', () => {
  it('refuses a panel too large for it (exit 1, nothing written) instead of running out of memory', () => {
    const dir = tempFolder('kipp-assign-size-');
    const entries = ['id,title,agency,category'];
    for (let i = 1; i <= 5000; i++) entries.push(`E${i},Inovasi ${i},Dinas ${i % 97},governance`);
    const judges = ['id,name,agency'];
    for (let j = 1; j <= 1000; j++) judges.push(`J${j},Juri ${j},Universitas ${j}`);
    writeFileSync(join(dir, 'entries.csv'), `${entries.join('\n')}\n`);
    writeFileSync(join(dir, 'judges.csv'), `${judges.join('\n')}\n`);
    const out = join(dir, 'out');
    const r = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=128',
        BIN,
        'assign',
        join(dir, 'entries.csv'),
        '--judges',
        join(dir, 'judges.csv'),
        '--per-entry',
        '3',
        '--output-dir',
        out,
      ],
      { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } },
    );
    expect(r.stderr).toContain('5,000 entries × 1,000 judges make 5,000,000 possible pairs');
    expect(r.stderr).not.toMatch(/out of memory|FATAL/i);
    expect(r.status).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
