#!/usr/bin/env python3
"""Seeded generator of small hostile-but-valid kipp competitions (documented features only).

usage: python3 gen.py SEED OUTDIR   -> writes rubric.yaml, entries.csv, scores.csv [scores-wide.csv],
       [judges.csv], command.txt (kipp arguments, run inside OUTDIR), features.json
"""
import csv
import datetime as dt
import json
import os
import random
import sys

AS_OF = "2026-11-22"
CRIT_POOL = ["novelty", "effectiveness", "benefit", "replicability", "sustainability",
             "impact", "cost_saving", "scale_up"]
AGENCIES = ["Dinas Kesehatan Kota Malang", "RSUD Kabupaten Sragen", "Dinas Pendidikan Provinsi Bali",
            "Kementerian Kesehatan", "BPJS Kesehatan", "Pemerintah Kota Surabaya",
            "Dinas Perhubungan Kota Bandung", "Badan Pusat Statistik"]
SCALES = [(1, 10), (0, 100), (1, 5), (0, 10), (1, 7)]


def fmt(x):
    s = repr(float(x))
    return s[:-2] if s.endswith(".0") else s


def gen(seed, out):
    R = random.Random(seed)
    F = set()
    os.makedirs(out, exist_ok=True)
    lo, hi = R.choice(SCALES)
    tieheavy = R.random() < 0.25
    if tieheavy:
        lo, hi = R.choice([(1, 5), (1, 4), (0, 3)])
        F.add("tie-heavy")
    span = hi - lo
    # score grid: integers, halves, quarters, tenths, hundredths
    step = R.choice([1, 0.5, 0.25, 0.1, 0.05, 0.01] if span <= 10 else [1, 0.5, 0.1, 5])
    if tieheavy:
        step = R.choice([1, 1, 0.5])
    elif R.random() < 0.12:
        step = 0.000001  # six decimals: totals and s_c land on rounding half-way points
        F.add("six-decimals")
    if step < 1:
        F.add("decimal-scores")
    as_of = R.choice([AS_OF, "2026-02-28", "2024-02-29", "2026-03-31", "2025-12-31"])
    ncrit = R.randint(2, 5)
    crits = R.sample(CRIT_POOL, ncrit)
    # weights summing to 100
    cuts = sorted(R.sample(range(1, 100), ncrit - 1))
    weights = [b - a for a, b in zip([0] + cuts, cuts + [100])]
    if R.random() < 0.3:
        weights = [100 // ncrit] * ncrit
        weights[-1] += 100 - sum(weights)
    # categories
    use_default_cats = R.random() < 0.3
    cats = (["governance", "transparency", "collaboration", "inclusive"] if use_default_cats
            else [f"cat_{c}" for c in "abcd"[:R.randint(1, 4)]])
    if use_default_cats:
        F.add("default-categories")
    cat_w = {}
    for c in cats:
        if R.random() < 0.35:
            cc = sorted(R.sample(range(0, 101), ncrit - 1))
            cat_w[c] = [b - a for a, b in zip([0] + cc, cc + [100])]
    if cat_w:
        F.add("category-weights")
    groups = None
    if R.random() < 0.35:
        groups = {"general": R.choice([None, 24, 12]), "replication": R.choice([None, 6, 12])}
        F.add("groups")
    norm_ = R.choice(["none", "zscore", "severity"])
    agg = R.choice(["mean", "median", "trimmed"])
    trim = R.randint(1, 2)
    F.add(norm_)
    F.add(agg)
    min_j = R.randint(1, 3)
    if min_j > 1:
        F.add(f"min_judges")
    nent = R.randint(3, 40)
    nj = R.randint(2, 8)
    judges = [f"J{k:02d}" for k in range(1, nj + 1)]
    if R.random() < 0.2:
        judges = [f"j{k}" for k in range(1, nj + 1)]  # j10 < j2 by code point (nj<=8 though)
    j_agency = {j: R.choice(AGENCIES + [f"Universitas Panel {k}" for k in range(5)]) for j in judges}
    use_judges_file = R.random() < 0.75
    # entries
    entries = []
    months_min = R.choice([None, 12, 24])
    ref = dt.date.fromisoformat(as_of)
    for k in range(nent):
        eid = f"E{k + 1:03d}" if R.random() < 0.85 else R.choice([f"e-{k + 1}", f"E{k + 1}", f"\uff25{k + 1}", f"\U0001F600{k + 1}", f"É{k + 1}"])
        cat = R.choice(cats)
        ci = cats.index(cat)
        catv = R.choice([cat, cat, cat, str(ci + 1), cat.upper()] + ([f"label  {cat}"] if not use_default_cats else ["Tata-Kelola"] if cat == "governance" else []))
        ag = R.choice(AGENCIES)
        e = {"id": eid, "title": f"Inovasi {k + 1} {R.choice(['Sehat', 'Cepat', 'Pintar'])}",
             "agency": ag, "agency_type": R.choice(["city", "regency", "ministry", "kota"]),
             "region": "Jawa", "category": catv}
        if groups:
            e["group"] = R.choice(["general", "replication", "umum"])
        days = R.choice([R.randint(30, 3000), R.randint(200, 800)])
        d = ref - dt.timedelta(days=days)
        if R.random() < 0.3:  # near the age boundary: months back, +-1 day, month ends
            m = R.choice([6, 12, 24, 3])
            y, mo = divmod(ref.month - 1 - m, 12)
            y += ref.year
            last = [31, 29 if y % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo]
            d = dt.date(y, mo + 1, min(last, R.choice([ref.day, last, 28, 30, 31])))
            d += dt.timedelta(days=R.choice([-1, 0, 0, 1]))
            F.add("age-boundary")
        e["implemented_since"] = d.isoformat() if R.random() < 0.8 else d.strftime("%d/%m/%Y")
        entries.append(e)
    if R.random() < 0.15 and nent > 3:  # duplicate title (case/space-insensitive)
        a, b = R.sample(range(nent), 2)
        entries[b]["title"] = "  " + entries[a]["title"].upper().replace(" ", "  ")
        F.add("duplicate-title")
    # scores
    def draw(quality, sev):
        v = quality + sev + R.gauss(0, span * (0.05 if tieheavy else 0.12))
        v = round(round(v / step) * step, 6)
        return min(hi, max(lo, v))
    quality = {e["id"]: R.uniform(lo + 0.2 * span, hi - 0.1 * span) for e in entries}
    sev = {j: R.gauss(0, span * 0.08) for j in judges}
    # assignment: random subsets, or blocks (disconnected graph)
    blocks = None
    if R.random() < 0.3 and nj >= 4:
        cut = R.randint(2, nj - 2)
        blocks = [judges[:cut], judges[cut:]]
        F.add("disconnected")
    rows = []
    ents_by_id = {}
    for e in entries:
        pool = R.choice(blocks) if blocks else judges
        k = R.randint(max(1, min(len(pool), min_j - 1)), len(pool))
        if tieheavy and R.random() < 0.8:
            k = len(pool)
        js = R.sample(pool, k)
        for j in js:
            for c in crits:
                if R.random() < 0.04:
                    F.add("missing-scores")
                    continue
                rows.append([e["id"], j, c, draw(quality[e["id"]], sev[j])])
    # exact ties: copy an entry's rows to another entry
    ids = [e["id"] for e in entries]
    for _ in range(R.randint(0, 3)):
        a, b = R.sample(ids, 2)
        rows = [r for r in rows if r[0] != b] + [[b, r[1], r[2], r[3]] for r in rows if r[0] == a]
        F.add("exact-ties")
    # zero variance judge on a criterion
    if R.random() < 0.4:
        j = R.choice(judges)
        c = R.choice(crits)
        v = draw((lo + hi) / 2, 0)
        for r in rows:
            if r[1] == j and r[2] == c:
                r[3] = v
        F.add("zero-variance")
    # duplicates (same record twice; same or other value)
    if R.random() < 0.3 and rows:
        for _ in range(R.randint(1, 3)):
            r = R.choice(rows)
            rows.append([r[0], r[1], r[2], R.choice([r[3], draw(quality[r[0]], 0)])])
        F.add("duplicates")
    # conflicts: judge agency equals entry agency modulo case/space
    if use_judges_file and R.random() < 0.5:
        for _ in range(R.randint(1, 3)):
            e = R.choice(entries)
            j = R.choice(judges)
            ag = e["agency"]
            j_agency[j] = R.choice([ag, " " + ag.upper() + " ", ag.replace(" ", "   ").lower()])
        F.add("conflicts")
    # invalid records (dropped in step 1)
    if R.random() < 0.1 and rows:
        r = R.choice(rows)
        rows.append(["NOPE-1", r[1], r[2], r[3]])
        r = R.choice(rows)
        rows.append([r[0], r[1], r[2], hi + 1])
        F.add("invalid-records")
    R.shuffle(rows)
    # rubric
    Y = [f"name: Generated {seed}", "version: 1", f"scale: {{ min: {lo}, max: {hi} }}", "criteria:"]
    for c, w in zip(crits, weights):
        Y.append(f"  {c}: {{ weight: {w} }}")
    if not use_default_cats:
        Y.append("categories:")
        for c in cats:
            Y.append(f"  {c}: {{ label: {{ en: Label {c} }} }}")
    if groups:
        Y.append("groups:")
        g1 = groups["general"]
        Y.append("  general: { aliases: [umum]" + (f", min_implementation_months: {g1}" if g1 is not None else "") + " }")
        g2 = groups["replication"]
        gq = f", max_entries_per_agency: {R.randint(1, 3)}" if R.random() < 0.3 else ""
        if gq:
            F.add("group-quota")
        Y.append("  replication: { aliases: [replikasi]" + (f", min_implementation_months: {g2}" if g2 is not None else "") + gq + " }")
    if cat_w:
        Y.append("category_weights:")
        for c, ws in cat_w.items():
            Y.append(f"  {c}: {{ " + ", ".join(f"{cc}: {w}" for cc, w in zip(crits, ws)) + " }")
    Y.append(f"normalization: {norm_}")
    Y.append(f"aggregation: {agg}")
    if agg == "trimmed":
        Y.append(f"trim: {trim}")
    Y.append(f"min_judges: {min_j}")
    if R.random() < 0.6:
        t = []
        if R.random() < 0.7:
            v = round(round(R.uniform(lo + 0.3 * span, lo + 0.7 * span) / max(step, 0.5)) * max(step, 0.5), 6)
            exact = round(100 * (v - lo) / span, 6)
            t.append(f"total: {R.choice([30, 40, 50, 55.5, 60, fmt(exact), fmt(exact)])}")
        if R.random() < 0.5:
            c = R.choice(crits)
            t.append(f"criteria: {{ {c}: {fmt(round(lo + span * R.uniform(0.3, 0.5) / step) * step)} }}")
        if t:
            Y.append("thresholds: { " + ", ".join(t) + " }")
            F.add("thresholds")
    if R.random() < 0.6:
        tb = R.sample(crits, R.randint(1, ncrit))
        Y.append("tie_break: [" + ", ".join(tb) + "]")
        F.add("tie_break")
    sls = []
    for k in range(R.randint(1, 3)):
        kind = R.random()
        size = R.randint(1, max(1, nent // 2))
        if kind < 0.3:
            sls.append(f"  - {{ name: best-{k}, size: {R.randint(1, 3)}, per_category: true }}")
            F.add("per_category")
        elif kind < 0.45 and groups:
            sls.append(f"  - {{ name: grp-{k}, size: {size}, group: {R.choice(['general', 'replication'])} }}")
            F.add("group-shortlist")
        else:
            sls.append(f"  - {{ name: top-{k}, size: {size} }}")
    Y.append("shortlists:")
    Y += sls
    el = []
    if months_min is not None:
        el.append(f"min_implementation_months: {months_min}")
        F.add("age-rule")
    if R.random() < 0.15:
        el.append(f"max_entries_per_agency: {R.randint(2, 6)}")
        F.add("quota")
    if el:
        Y.append("eligibility: { " + ", ".join(el) + " }")
    open(os.path.join(out, "rubric.yaml"), "w").write("\n".join(Y) + "\n")
    inline = R.random() < 0.1
    if inline:
        F -= {"duplicates", "conflicts", "zero-variance", "exact-ties", "missing-scores", "invalid-records", "disconnected", "min_judges"}
        F.add("inline")
        for e in entries:
            for c in crits:
                e[c] = "" if R.random() < 0.04 else fmt(draw(quality[e["id"]], 0))
        if R.random() < 0.5 and nent > 2:  # exact ties
            a, b = R.sample(entries, 2)
            for c in crits:
                b[c] = a[c]
    # entries.csv
    cols = ["id", "title", "agency", "agency_type", "region", "category"] + (["group"] if groups else []) + ["implemented_since"]
    with open(os.path.join(out, "entries.csv"), "w", newline="") as f:
        w = csv.writer(f)
        if inline:
            cols += crits
        w.writerow(cols)
        for e in entries:
            w.writerow([e[c] for c in cols])
    if inline:
        cmd = f"entries.csv --rubric rubric.yaml --as-of {as_of} --format json"
        open(os.path.join(out, "command.txt"), "w").write("kipp score " + cmd + "\n")
        json.dump(sorted(F), open(os.path.join(out, "features.json"), "w"))
        return sorted(F)
    # scores: long, and sometimes part of it as a wide sheet
    sheets = ["scores.csv"]
    wide_rows = {}
    long_rows = rows
    if R.random() < 0.25:
        # move complete (entry, judge) blocks of some judges to a wide sheet
        wj = set(R.sample(judges, max(1, nj // 3)))
        cnt = {}
        for r in rows:
            cnt[(r[0], r[1], r[2])] = cnt.get((r[0], r[1], r[2]), 0) + 1
        long_rows = []
        for r in rows:
            if r[1] in wj and cnt[(r[0], r[1], r[2])] == 1 and r[0] in ids:
                wide_rows.setdefault((r[0], r[1]), {})[r[2]] = r[3]
            else:
                long_rows.append(r)
        if wide_rows:
            sheets.append("scores-wide.csv")
            F.add("wide-sheet")
            with open(os.path.join(out, "scores-wide.csv"), "w", newline="") as f:
                w = csv.writer(f)
                w.writerow(["entry_id", "judge_id"] + crits)
                for (e, j), d in sorted(wide_rows.items()):
                    w.writerow([e, j] + [fmt(d[c]) if c in d else "" for c in crits])
    with open(os.path.join(out, "scores.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["entry_id", "judge_id", "criterion", "score"])
        for r in long_rows:
            w.writerow([r[0], r[1], r[2], fmt(r[3])])
    cmd = f"entries.csv --scores {' '.join(sheets)} --rubric rubric.yaml --as-of {as_of}"
    if use_judges_file:
        with open(os.path.join(out, "judges.csv"), "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["id", "name", "agency", "region"])
            for j in judges:
                w.writerow([j, f"Juri {j}", j_agency[j], "Nasional"])
        cmd = cmd.replace(" --rubric", " --judges judges.csv --rubric")
    if R.random() < 0.15 and rows:
        with open(os.path.join(out, "conflicts.csv"), "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["judge_id", "entry_id", "reason"])
            for _ in range(R.randint(1, 3)):
                r = R.choice(rows)
                w.writerow([r[1], r[0], "kerabat"])
        cmd += " --conflicts conflicts.csv"
        F.add("declared-conflicts")
    cmd += " --format json"
    open(os.path.join(out, "command.txt"), "w").write("kipp score " + cmd + "\n")
    if nent and R.random() < 0.0:
        pass
    json.dump(sorted(F), open(os.path.join(out, "features.json"), "w"))
    return sorted(F)


if __name__ == "__main__":
    print(gen(int(sys.argv[1]), sys.argv[2]))
