#!/usr/bin/env python3
"""Compare a kipp JSON report with an expected/oracle report, as fixtures/conformance/README.md
says: same entry order; rank, category_rank, tied, passed equal; shortlists equal as sets; total and
criteria within 1.5e-6; per shortlist taken and cutoff_tie equal.
usage: compare.py ACTUAL.json EXPECTED.json   (exit 0 when they agree; differences on stdout)"""
import json
import sys

TOL = 1.5e-6


def num_diff(a, b):
    if a is None or b is None:
        return a is not b
    return abs(a - b) > TOL


def compare(act, exp, limit=20):
    diffs = []
    ae, ee = act["entries"], exp["entries"]
    if [e["id"] for e in ae] != [e["id"] for e in ee]:
        diffs.append(("order", [e["id"] for e in ae], [e["id"] for e in ee]))
    amap = {e["id"]: e for e in ae}
    for e in ee:
        a = amap.get(e["id"])
        if a is None:
            diffs.append(("missing", e["id"]))
            continue
        for f in ("rank", "category_rank", "tied", "passed"):
            if a.get(f) != e.get(f):
                diffs.append((f, e["id"], a.get(f), e.get(f)))
        if set(a.get("shortlists") or []) != set(e.get("shortlists") or []):
            diffs.append(("shortlists", e["id"], a.get("shortlists"), e.get("shortlists")))
        if num_diff(a.get("total"), e.get("total")):
            diffs.append(("total", e["id"], a.get("total"), e.get("total")))
        ac, ec = a.get("criteria") or {}, e.get("criteria") or {}
        if set(ac) != set(ec):
            diffs.append(("criteria-keys", e["id"], sorted(ac), sorted(ec)))
        for c in ec:
            if c in ac and num_diff(ac[c], ec[c]):
                diffs.append(("criterion", e["id"], c, ac[c], ec[c]))
    asl = {s["name"]: s for s in act.get("shortlists", [])}
    for s in exp.get("shortlists", []):
        a = asl.get(s["name"])
        if a is None or a["taken"] != s["taken"] or a["cutoff_tie"] != s["cutoff_tie"]:
            diffs.append(("shortlist", s["name"], a and (a["taken"], a["cutoff_tie"]),
                          (s["taken"], s["cutoff_tie"])))
    return diffs


if __name__ == "__main__":
    a = json.load(open(sys.argv[1]))
    e = json.load(open(sys.argv[2]))
    d = compare(a, e)
    for x in d[:50]:
        print(x)
    sys.exit(1 if d else 0)
