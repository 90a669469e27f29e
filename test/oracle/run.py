#!/usr/bin/env python3
"""Differential run: generate cases, score each with kipp and with the oracle, compare.

usage: python3 run.py --seed S --n N [--kipp bin/kipp.js] [--work /tmp/kipp-oracle]
                      [--jobs 8] [--keep-all]
Disagreeing cases stay in WORK/seed-K/ (with kipp.json, oracle.json, diff.txt); agreeing ones are
deleted unless --keep-all. Prints a summary by feature.
"""
import argparse
import collections
import concurrent.futures as cf
import json
import os
import shlex
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import compare  # noqa: E402
import gen  # noqa: E402
import score as oracle  # noqa: E402


def run_case(seed, work, kipp, keep_all):
    d = os.path.join(work, f"seed-{seed}")
    shutil.rmtree(d, ignore_errors=True)
    feats = gen.gen(seed, d)
    args = shlex.split(open(os.path.join(d, "command.txt")).read())[1:]
    p = subprocess.run(["node", kipp] + args, cwd=d, capture_output=True, text=True)
    try:
        kj = json.loads(p.stdout)
    except Exception:
        open(os.path.join(d, "diff.txt"), "w").write(f"kipp failed rc={p.returncode}\n{p.stderr}")
        return seed, feats, ["kipp-failed"], p.returncode
    json.dump(kj, open(os.path.join(d, "kipp.json"), "w"), indent=1)
    cwd = os.getcwd()
    os.chdir(d)
    try:
        rep = oracle.score(oracle_args(args[1:]))
    finally:
        os.chdir(cwd)
    rep.pop("_counts")
    json.dump(rep, open(os.path.join(d, "oracle.json"), "w"), indent=1)
    diffs = compare.compare(kj, rep)
    ents = rep["entries"]
    stats = {"entries": len(ents), "tied": sum(e["tied"] for e in ents),
             "incomplete": sum("incomplete" in e["flags"] for e in ents),
             "ineligible": sum("ineligible" in e["flags"] for e in ents),
             "failed-threshold": sum(e["rank"] is not None and not e["passed"] for e in ents),
             "cutoff_tie": sum(s["cutoff_tie"] for s in rep["shortlists"])}
    feats = feats + [f"out:{k}" for k, v in stats.items() if v and k != "entries"]
    if diffs:
        open(os.path.join(d, "diff.txt"), "w").write("\n".join(map(repr, diffs)) + "\n")
    elif not keep_all:
        shutil.rmtree(d)
    return seed, feats, diffs, p.returncode


def oracle_args(args):
    ap = argparse.ArgumentParser()
    ap.add_argument("entries")
    ap.add_argument("--scores", "-s", nargs="+")
    ap.add_argument("--judges", "-j")
    ap.add_argument("--conflicts")
    ap.add_argument("--rubric", "-r")
    ap.add_argument("--as-of")
    ap.add_argument("--format")
    ns = ap.parse_args(args)
    ns.severity_float = False
    return ns


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--kipp", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bin", "kipp.js"))
    ap.add_argument("--work", default="/tmp/kipp-oracle")
    ap.add_argument("--jobs", type=int, default=8)
    ap.add_argument("--keep-all", action="store_true")
    a = ap.parse_args()
    a.kipp = os.path.abspath(a.kipp)
    os.makedirs(a.work, exist_ok=True)
    by_feat = collections.Counter()
    bad_feat = collections.Counter()
    bad = []
    n = 0
    with cf.ProcessPoolExecutor(a.jobs) as ex:
        futs = [ex.submit(run_case, s, a.work, a.kipp, a.keep_all) for s in range(a.seed, a.seed + a.n)]
        for f in cf.as_completed(futs):
            seed, feats, diffs, rc = f.result()
            n += 1
            for x in feats:
                by_feat[x] += 1
                if diffs:
                    bad_feat[x] += 1
            if diffs:
                bad.append((seed, diffs[0]))
    print(f"cases {n}, agree {n - len(bad)}, disagree {len(bad)}")
    for k, v in sorted(by_feat.items()):
        print(f"  {k:20s} {v:5d} cases, {bad_feat[k]:4d} disagreeing")
    for s, d in sorted(bad)[:40]:
        print("  seed", s, d)


if __name__ == "__main__":
    main()
