/**
 * Groups (kelompok) in validation, with the shipped KIPP 2021 profile: quotas per group and
 * agency (10 general + 5 replication), age rules per group (24 and 12 months).
 */
import { describe, expect, it } from 'vitest';
import { loadRubric } from '../../src/io/rubric.js';
import { checkEntries } from '../../src/validate/entries.js';
import { entry } from '../helpers.js';

const { rubric } = loadRubric('rubrics/kipp-2021.yaml');
const AS_OF = '2021-06-30';

describe('KIPP 2021 groups', () => {
  it('six replications from one agency break the replication quota of 5; ten general ones do not', () => {
    const agency = 'Pemerintah Kabupaten Banyuwangi';
    const entries = [
      ...Array.from({ length: 10 }, (_, i) =>
        entry({ id: `U${i}`, agency, category: 'tata kelola', group: 'umum', implemented_since: '2018-01-01' }),
      ),
      ...Array.from({ length: 6 }, (_, i) =>
        entry({ id: `R${i}`, agency, category: 'tata kelola', group: 'replikasi', implemented_since: '2020-01-01' }),
      ),
    ];
    const { checked, diagnostics } = checkEntries(entries, rubric, AS_OF);
    expect(diagnostics.map((d) => [d.code, d.entry_id])).toEqual(
      Array.from({ length: 6 }, (_, i) => ['too-many-entries', `R${i}`]),
    );
    expect(checked.filter((c) => c.errors.length === 0).map((c) => c.entry.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `U${i}`),
    );
  });

  it('eleven general entries break the general quota of 10', () => {
    const entries = Array.from({ length: 11 }, (_, i) =>
      entry({
        id: `U${i}`,
        agency: 'Kota Surabaya',
        category: String(1 + (i % 10)),
        group: 'general',
        implemented_since: '2018-01-01',
      }),
    );
    expect(new Set(checkEntries(entries, rubric, AS_OF).diagnostics.map((d) => d.code))).toEqual(
      new Set(['too-many-entries']),
    );
  });

  it('age rule per group: 2019-07-01 is old enough for a replication, not for a general entry', () => {
    // 2019-07-01 + 12 months = 2020-07-01 ≤ 2021-06-30; + 24 months = 2021-07-01 > 2021-06-30.
    const entries = [
      entry({ id: 'R', category: 'kesehatan', group: 'replikasi', implemented_since: '2019-07-01' }),
      entry({ id: 'U', category: 'kesehatan', group: 'umum', implemented_since: '2019-07-01' }),
      entry({ id: 'N', category: 'kesehatan', implemented_since: '2019-07-01' }), // no group: the rubric's 24 months
    ];
    expect(checkEntries(entries, rubric, AS_OF).diagnostics.map((d) => [d.code, d.entry_id])).toEqual([
      ['implementation-too-recent', 'U'],
      ['implementation-too-recent', 'N'],
    ]);
  });
});
