#!/usr/bin/env python3
"""Independent oracle for kipp's scoring semantics (SPEC.md section 3, docs/reference/scoring.md).

Written from the SPEC and the user docs only (not from kipp's source).

usage: python3 score.py ENTRIES [--scores F ...] [--judges F] [--conflicts F] [--rubric F]
                        [--as-of YYYY-MM-DD] [--severity-float]
prints a JSON report shaped like fixtures/conformance/*/expected.json.

Covers: CSV (BOM, , ; tab delimiters, decimal comma, header aliases), long and wide score sheets,
inline scores, judges (conflicts of interest by agency), declared conflicts, categories/groups by
id, number, label, alias; eligibility basics (missing-field, unknown-category, unknown-group,
invalid-agency-type, invalid-date, implementation-too-recent, duplicate-id, duplicate-title,
too-many-entries); normalization none/zscore/severity (severity solved exactly in rationals);
aggregation mean/median/trimmed; category weights; rounding (step 7); thresholds; tie_break;
competition ranking; shortlists (size, per_category, group).
Not covered: stages, min_per, decisions, fields (max_words / required), xlsx, YAML/JSON entries.
"""
import argparse
import calendar
import csv
import datetime as dt
import io
import json
import math
import re
import sys
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction

import yaml

# ---------------------------------------------------------------- names and aliases


def norm(s):
    """header/value matching: lower-case, trim, runs of spaces, hyphens, underscores -> '_'"""
    return re.sub(r"[\s\-_]+", "_", str(s).strip().lower()).strip("_")


HEADER_ALIASES = {
    "id": ["no", "kode", "nomor", "id_inovasi"],
    "title": ["judul", "nama_inovasi", "judul_inovasi"],
    "agency": ["instansi", "nama_instansi"],
    "agency_type": ["jenis_instansi"],
    "region": ["provinsi", "wilayah"],
    "name": ["nama"],
    "category": ["kategori"],
    "group": ["kelompok"],
    "implemented_since": ["tanggal_implementasi", "mulai_implementasi"],
    "summary": ["ringkasan"],
    "comment": ["komentar", "catatan"],
}
SCORE_HEADER_ALIASES = {
    "entry_id": ["id_inovasi", "kode_inovasi"],
    "judge_id": ["juri", "id_juri", "evaluator", "kode_juri"],
    "criterion": ["kriteria"],
    "score": ["nilai", "skor"],
    "comment": ["komentar", "catatan"],
}
DEFAULT_CRITERION_ALIASES = {
    "novelty": ["kebaruan"],
    "effectiveness": ["efektif", "efektivitas"],
    "benefit": ["bermanfaat", "manfaat", "kebermanfaatan"],
    "replicability": ["replikasi", "dapat_direplikasi", "dapat_ditransfer"],
    "sustainability": ["berkelanjutan", "keberlanjutan"],
}
DEFAULT_CATEGORIES = {
    "governance": {"aliases": ["tata kelola"]},
    "transparency": {"aliases": ["transparansi"]},
    "collaboration": {"aliases": ["kolaborasi"]},
    "inclusive": {"aliases": ["inklusif"]},
}
AGENCY_TYPES = {"ministry", "agency", "province", "regency", "city", "soe", "regional_soe",
                "kementerian", "lembaga", "provinsi", "kabupaten", "kota", "bumn", "bumd"}


def labels_of(spec):
    out = []
    lab = (spec or {}).get("label")
    if isinstance(lab, str):
        out.append(lab)
    elif isinstance(lab, dict):
        out += [v for v in lab.values() if isinstance(v, str)]
    out += list((spec or {}).get("aliases") or [])
    return out


def build_matcher(ids, specs, extra=None, numbered=True):
    m = {}
    for i, cid in enumerate(ids):
        keys = [cid] + labels_of(specs.get(cid)) + list((extra or {}).get(cid, []))
        if numbered:
            keys.append(str(i + 1))
        for k in keys:
            m.setdefault(norm(k), cid)
    return m

# ---------------------------------------------------------------- rounding


def round6(x):
    if x is None:
        return None
    d = Decimal(repr(float(x)))
    q = d.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)  # half away from zero
    r = float(q)
    return 0.0 if r == 0 else r

# ---------------------------------------------------------------- CSV


def read_csv(path):
    raw = open(path, "rb").read()
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        text = raw.decode("utf-16")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
    first = text.split("\n", 1)[0]
    delim = max([",", ";", "\t"], key=lambda d: first.count(d))
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return delim, [], []
    header = [h.strip() for h in rows[0]]
    while header and header[-1] == "":
        header.pop()
    recs = []
    for lineno, r in enumerate(rows[1:], start=2):
        recs.append({header[i]: (r[i] if i < len(r) else "") for i in range(len(header))})
    return delim, header, recs


def canon_header(h, aliases):
    n = norm(h)
    for can, al in aliases.items():
        if n == can or n in al:
            return can
    return n


def parse_num(s, delim):
    s = s.strip()
    if delim != "," and re.fullmatch(r"[+-]?\d+,\d+", s):
        s = s.replace(",", ".")
    try:
        v = float(s)
    except ValueError:
        return None
    if not math.isfinite(v):
        return None
    return v


def parse_date(s):
    s = s.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        y, mo, d = map(int, m.groups())
    else:
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", s)
        if not m:
            return None
        d, mo, y = map(int, m.groups())
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    last = calendar.monthrange(y, m)[1]
    return dt.date(y, m, min(d.day, last))

# ---------------------------------------------------------------- scoring


def score(args):
    rub = yaml.safe_load(open(args.rubric, encoding="utf-8")) if args.rubric else None
    lo, hi = float(rub["scale"]["min"]), float(rub["scale"]["max"])
    crit_specs = rub.get("criteria") or {c: {"weight": 20} for c in DEFAULT_CRITERION_ALIASES}
    crits = list(crit_specs)
    weights = {c: float(crit_specs[c]["weight"]) for c in crits}
    crit_match = build_matcher(crits, crit_specs, DEFAULT_CRITERION_ALIASES, numbered=False)
    cat_specs = rub.get("categories") or DEFAULT_CATEGORIES
    cats = list(cat_specs)
    cat_match = build_matcher(cats, cat_specs)
    grp_specs = rub.get("groups") or {}
    grps = list(grp_specs)
    grp_match = build_matcher(grps, grp_specs)
    cat_weights = {cat_match.get(norm(k), k): {c: float(v) for c, v in w.items()}
                   for k, w in (rub.get("category_weights") or {}).items()}
    normalization = rub.get("normalization", "none")
    aggregation = rub.get("aggregation", "mean")
    trim = int(rub.get("trim", 1))
    min_judges = int(rub.get("min_judges", 1))
    thr = rub.get("thresholds") or {}
    tie_break = list(rub.get("tie_break") or [])
    shortlists = list(rub.get("shortlists") or [])
    elig = rub.get("eligibility") or {}
    if args.as_of:
        ref = dt.date.fromisoformat(args.as_of)
    elif elig.get("reference_date"):
        r = elig["reference_date"]
        ref = r if isinstance(r, dt.date) else dt.date.fromisoformat(str(r))
    else:
        ref = dt.date.today()

    # ---- entries
    delim, header, erecs = read_csv(args.entries)
    hmap = {h: canon_header(h, HEADER_ALIASES) for h in header}
    inline_cols = {h: crit_match[norm(h)] for h in header if norm(h) in crit_match}
    entries = []
    for r in erecs:
        e = {hmap[h]: v for h, v in r.items() if h not in inline_cols}
        e["id"] = (e.get("id") or "").strip()
        e["_inline"] = {inline_cols[h]: r[h] for h in inline_cols}
        e["_delim"] = delim
        entries.append(e)
    errors = {}  # entry index -> set of codes

    def err(i, code):
        errors.setdefault(i, [])
        if code not in errors[i]:
            errors[i].append(code)

    for i, e in enumerate(entries):
        for f in ("id", "title", "agency", "category"):
            if not (e.get(f) or "").strip():
                err(i, "missing-field")
        cv = (e.get("category") or "").strip()
        e["_cat"] = cat_match.get(norm(cv)) if cv else None
        if cv and e["_cat"] is None:
            err(i, "unknown-category")
        gv = (e.get("group") or "").strip()
        e["_grp"] = None
        if gv:
            e["_grp"] = grp_match.get(norm(gv))
            if e["_grp"] is None:
                err(i, "unknown-group")
        at = (e.get("agency_type") or "").strip()
        if at and norm(at) not in AGENCY_TYPES:
            err(i, "invalid-agency-type")
        ds = (e.get("implemented_since") or "").strip()
        if ds:
            d = parse_date(ds)
            if d is None:
                err(i, "invalid-date")
            else:
                months = None
                if e["_grp"] and grp_specs[e["_grp"]].get("min_implementation_months") is not None:
                    months = grp_specs[e["_grp"]]["min_implementation_months"]
                elif elig.get("min_implementation_months") is not None:
                    months = elig["min_implementation_months"]
                if months is not None and add_months(d, int(months)) > ref:
                    err(i, "implementation-too-recent")
    ids = {}
    for i, e in enumerate(entries):
        ids.setdefault(e["id"], []).append(i)
    dup_ids = {k for k, v in ids.items() if len(v) > 1}
    for k in dup_ids:
        for i in ids[k]:
            err(i, "duplicate-id")
    titles = {}
    for i, e in enumerate(entries):
        t = re.sub(r"\s+", "", (e.get("title") or "").lower())
        if t:
            titles.setdefault(t, []).append(i)
    for v in titles.values():
        if len(v) > 1:
            for i in v:
                err(i, "duplicate-title")
    # quotas: rubric-wide, and per group (counted within the group)
    def agency_key(e):
        return re.sub(r"\s+", " ", (e.get("agency") or "").strip()).lower()
    q = elig.get("max_entries_per_agency")
    if q is not None:
        by = {}
        for i, e in enumerate(entries):
            by.setdefault(agency_key(e), []).append(i)
        for v in by.values():
            if len(v) > q:
                for i in v:
                    err(i, "too-many-entries")
    for g in grps:
        gq = grp_specs[g].get("max_entries_per_agency")
        if gq is None:
            continue
        by = {}
        for i, e in enumerate(entries):
            if e["_grp"] == g:
                by.setdefault(agency_key(e), []).append(i)
        for v in by.values():
            if len(v) > gq:
                for i in v:
                    err(i, "too-many-entries")

    # ---- judges
    judges = None
    if args.judges:
        jd, jh, jrecs = read_csv(args.judges)
        jmap = {h: canon_header(h, HEADER_ALIASES) for h in jh}
        judges = {}
        for r in jrecs:
            j = {jmap[h]: v for h, v in r.items()}
            judges[j["id"].strip()] = j

    # ---- records (step 1)
    raw = []  # (entry_id, judge_id, crit, x, xstr)
    inline_mode = not args.scores
    if inline_mode:
        for e in entries:
            for c, v in e["_inline"].items():
                if v.strip() == "":
                    continue
                raw.append((e["id"], "inline", c, parse_num(v, delim), v))
    else:
        for sf in args.scores:
            sd, sh, srecs = read_csv(sf)
            smap = {h: canon_header(h, SCORE_HEADER_ALIASES) for h in sh}
            canon = set(smap.values())
            if "criterion" in canon and "score" in canon:
                for r in srecs:
                    rr = {smap[h]: v for h, v in r.items()}
                    c = crit_match.get(norm(rr["criterion"]), "?" + rr["criterion"])
                    raw.append((rr["entry_id"].strip(), rr["judge_id"].strip(), c,
                                parse_num(rr["score"], sd), rr["score"]))
            else:
                wcols = {h: crit_match[norm(h)] for h in sh if norm(h) in crit_match}
                for r in srecs:
                    rr = {smap[h]: v for h, v in r.items()}
                    for h, c in wcols.items():
                        if r[h].strip() == "":
                            continue
                        raw.append((rr["entry_id"].strip(), rr["judge_id"].strip(), c,
                                    parse_num(r[h], sd), r[h]))
    by_id = {e["id"]: e for e in entries}
    dropped = {"invalid": 0}
    valid = []
    for (eid, jid, c, x, xs) in raw:
        if eid not in ids or eid in dup_ids:
            dropped["invalid"] += 1
            continue
        if judges is not None and jid not in judges and not inline_mode:
            dropped["invalid"] += 1
            continue
        if c.startswith("?") or c not in crits:
            dropped["invalid"] += 1
            continue
        if x is None or x < lo or x > hi:
            dropped["invalid"] += 1
            continue
        valid.append((eid, jid, c, x))
    count = {}
    for r in valid:
        count[r[:3]] = count.get(r[:3], 0) + 1
    recs = [r for r in valid if count[r[:3]] == 1]
    n_dup = sum(1 for r in valid if count[r[:3]] > 1)

    # ---- conflicts (step 2)
    def akey(s):
        return re.sub(r"\s+", " ", (s or "").strip()).lower()
    declared = set()
    if args.conflicts:
        cd, ch, crecs = read_csv(args.conflicts)
        cmap = {h: canon_header(h, SCORE_HEADER_ALIASES) for h in ch}
        for r in crecs:
            rr = {cmap[h]: v for h, v in r.items()}
            declared.add((rr["entry_id"].strip(), rr["judge_id"].strip()))
    kept = []
    n_conf = 0
    for r in recs:
        eid, jid = r[0], r[1]
        conf = (eid, jid) in declared
        if judges is not None and jid in judges:
            ja = akey(judges[jid].get("agency"))
            if ja and ja == akey(by_id[eid].get("agency")):
                conf = True
        if conf:
            n_conf += 1
        else:
            kept.append(r)
    recs = sorted(kept, key=lambda r: (r[0], r[1], r[2]))  # canonical order (code point)

    # ---- normalization (step 3)
    xn = {}
    if normalization == "none":
        for r in recs:
            xn[r[:3]] = r[3]
    elif normalization == "zscore":
        def mean_sd(vals):
            # In exact fractions of the values as written: a judge who gave one score throughout
            # has sigma exactly 0 (in floating point, three 6.4s leave a sigma of about 1e-15).
            n = len(vals)
            exact = [Fraction(repr(v)) for v in vals]
            m = sum(exact) / n
            s2 = sum((v - m) * (v - m) for v in exact) / n
            return float(m), math.sqrt(s2)
        for c in crits:
            rc = [r for r in recs if r[2] == c]
            if not rc:
                continue
            mc, sc = mean_sd([r[3] for r in rc])
            per_j = {}
            for r in rc:
                per_j.setdefault(r[1], []).append(r[3])
            stats = {j: mean_sd(v) for j, v in per_j.items()}
            for r in rc:
                mj, sj = stats[r[1]]
                xn[r[:3]] = mc if sj == 0 else mc + sc * (r[3] - mj) / sj
    elif normalization == "severity":
        sev = severity(recs, crits, exact=not args.severity_float)
        for r in recs:
            xn[r[:3]] = r[3] - sev[(r[1], r[2])]
    else:
        raise SystemExit("unknown normalization " + normalization)

    # ---- aggregation (step 4)
    def mean(vals):
        s = 0.0
        for v in vals:
            s += v
        return s / len(vals)

    per_ec = {}
    for r in recs:  # judge-id order within entry and criterion
        per_ec.setdefault((r[0], r[2]), []).append(xn[r[:3]])
    s_c = {}
    for k, vals in per_ec.items():
        if aggregation == "mean":
            s_c[k] = mean(vals)
        elif aggregation == "median":
            v = sorted(vals)
            n = len(v)
            s_c[k] = v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2
        elif aggregation == "trimmed":
            if len(vals) > 2 * trim:
                v = sorted(vals)
                s_c[k] = mean(v[trim:len(v) - trim])
            else:
                s_c[k] = mean(vals)
    judges_of = {}
    jc = {}
    for r in recs:
        judges_of.setdefault(r[0], set()).add(r[1])
        jc.setdefault((r[0], r[2]), set()).add(r[1])

    # ---- completeness, total, rounding (steps 5-7)
    out = []
    for i, e in enumerate(entries):
        eid = e["id"]
        o = {"id": eid, "category": e["_cat"] or e.get("category"), "judges": len(judges_of.get(eid, ())),
             "criteria": {c: round6(s_c[(eid, c)]) for c in crits if (eid, c) in s_c},
             "total": None, "passed": False, "reasons": [], "flags": [], "rank": None,
             "tied": False, "category_rank": None, "shortlists": [], "_i": i}
        need = 1 if inline_mode else min_judges
        complete = all(len(jc.get((eid, c), ())) >= need for c in crits)
        if i in errors:
            o["flags"] = ["ineligible"]
            o["reasons"] = list(errors[i])
        elif not complete:
            o["flags"] = ["incomplete"]
            o["reasons"] = ["too-few-judges"]
        else:
            w = cat_weights.get(e["_cat"], weights)
            num = 0.0
            den = 0.0
            for c in crits:
                wc = float(w.get(c, 0))
                num += wc * s_c[(eid, c)]
                den += wc
            o["total"] = round6(100 * (num / den - lo) / (hi - lo))
            o["_grp"] = e["_grp"]
            # step 8: pass marks
            reasons = []
            if thr.get("total") is not None and not (o["total"] >= thr["total"]):
                reasons.append("total")
            for c, t in (thr.get("criteria") or {}).items():
                cc = crit_match.get(norm(c), c)
                if not (o["criteria"][cc] >= t):
                    reasons.append(cc)
            o["passed"] = not reasons
            o["reasons"] = reasons
        out.append(o)

    # ---- rank (step 9)
    ranked = [o for o in out if o["total"] is not None]
    tb = [crit_match.get(norm(c), c) for c in tie_break]

    def key(o):
        return (o["total"],) + tuple(o["criteria"][c] for c in tb)

    def assign(lst, field, mark_tied):
        lst = sorted(lst, key=lambda o: o["id"])
        lst.sort(key=key, reverse=True)
        for pos, o in enumerate(lst):
            if pos > 0 and key(lst[pos - 1]) == key(o):
                o[field] = lst[pos - 1][field]
            else:
                o[field] = pos + 1
        if mark_tied:
            cnt = {}
            for o in lst:
                cnt[key(o)] = cnt.get(key(o), 0) + 1
            for o in lst:
                o["tied"] = cnt[key(o)] > 1
        return lst

    ranked = assign(ranked, "rank", True)
    for cat in cats:
        assign([o for o in ranked if o["category"] == cat], "category_rank", False)
    by_cat_known = set(cats)
    for o in ranked:
        if o["category"] not in by_cat_known:
            o["category_rank"] = None

    # ---- shortlists (step 10)
    sl_out = []
    for sl in shortlists:
        size = int(sl["size"])
        name = sl["name"]
        grp = grp_match.get(norm(sl["group"])) if sl.get("group") else None
        pool = [o for o in ranked if o["passed"] and (grp is None or o.get("_grp") == grp)]
        taken_total = 0
        tie_any = False
        if sl.get("per_category"):
            pools = [sorted([o for o in pool if o["category"] == cat],
                            key=lambda o: (o["category_rank"], o["id"])) for cat in cats]
            field = "category_rank"
        else:
            pools = [pool]
            field = "rank"
        for p in pools:
            taken = []
            tie = False
            for o in p:
                if len(taken) < size:
                    taken.append(o)
                elif o[field] == taken[-1][field]:
                    taken.append(o)
                    tie = True
                else:
                    break
            for o in taken:
                o["shortlists"].append(name)
            taken_total += len(taken)
            tie_any = tie_any or tie
        sl_out.append({"name": name, "size": size, "taken": taken_total, "cutoff_tie": tie_any})

    unranked = sorted([o for o in out if o["total"] is None], key=lambda o: o["id"])
    final = ranked + unranked
    for o in final:
        o.pop("_i", None)
        o.pop("_grp", None)
    return {"entries": final, "shortlists": sl_out,
            "_counts": {"invalid": dropped["invalid"], "duplicates": n_dup, "conflicts": n_conf}}


def solve_exact(A, b):
    """Gauss-Jordan on Fractions."""
    n = len(A)
    M = [list(A[i]) + [b[i]] for i in range(n)]
    for col in range(n):
        piv = next(r for r in range(col, n) if M[r][col] != 0)
        M[col], M[piv] = M[piv], M[col]
        pv = M[col][col]
        M[col] = [v / pv for v in M[col]]
        for r in range(n):
            if r != col and M[r][col] != 0:
                f = M[r][col]
                M[r] = [a - f * bb for a, bb in zip(M[r], M[col])]
    return [M[i][n] for i in range(n)]


def severity(recs, crits, exact=True):
    """s_jc minimising sum (x - a_ec - s_jc)^2 per criterion, sum s = 0 per connected piece.
    Solved in exact rational arithmetic (scores are read as the decimals written)."""
    out = {}
    for c in crits:
        rc = [r for r in recs if r[2] == c]
        if not rc:
            continue
        parent = {}

        def find(a):
            while parent.setdefault(a, a) != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            return a
        for r in rc:
            a, b = find(("e", r[0])), find(("j", r[1]))
            if a != b:
                parent[a] = b
        pieces = {}
        for r in rc:
            pieces.setdefault(find(("j", r[1])), []).append(r)
        for piece in pieces.values():
            js = sorted({r[1] for r in piece})
            if len(js) == 1:
                out[(js[0], c)] = 0.0
                continue
            # unknowns: s_j (len J), a_e (len E), lambda (1): KKT of the constrained least squares
            es = sorted({r[0] for r in piece})
            J, E = len(js), len(es)
            ji = {j: k for k, j in enumerate(js)}
            ei = {e: J + k for k, e in enumerate(es)}
            n = J + E + 1
            F = Fraction if exact else float
            A = [[F(0)] * n for _ in range(n)]
            b = [F(0)] * n
            for (e, j, _, x) in piece:
                xv = Fraction(repr(x)) if exact else x
                u, v = ji[j], ei[e]
                # d/ds_j and d/da_e of (x - a_e - s_j)^2 / 2
                A[u][u] += 1
                A[u][v] += 1
                A[v][u] += 1
                A[v][v] += 1
                b[u] += xv
                b[v] += xv
            for k in range(J):  # Lagrange multiplier for sum s_j = 0
                A[k][n - 1] += 1
                A[n - 1][k] += 1
            if exact:
                sol = solve_exact(A, b)
            else:
                import numpy as np
                sol = list(np.linalg.solve(np.array(A, float), np.array(b, float)))
            for j in js:
                out[(j, c)] = float(sol[ji[j]])
    return out


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("entries")
    ap.add_argument("--scores", "-s", nargs="+")
    ap.add_argument("--judges", "-j")
    ap.add_argument("--conflicts")
    ap.add_argument("--rubric", "-r", required=True)
    ap.add_argument("--as-of")
    ap.add_argument("--severity-float", action="store_true",
                    help="solve the severity system in floating point (numpy) instead of rationals")
    ap.add_argument("--format", default="json")
    args = ap.parse_args(argv)
    rep = score(args)
    rep.pop("_counts")
    json.dump(rep, sys.stdout, indent=1, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
