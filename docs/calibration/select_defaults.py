#!/usr/bin/env python3
"""Chooses the listener's default warning set, thresholds and debouncing from a calibrate replay table.

Usage: python3 docs/calibration/select_defaults.py <dir>/calibrate-replay.csv [max_false_alarm_rate] [--per-kind]
       python3 docs/calibration/select_defaults.py <dir>/calibrate-replay.csv --evaluate F17 SEEM K INFO_KINDS

The procedure (written before the tuning results were read; docs/results.md#calibration):
1. for every grid point (min_fraction17, seem_tolerance, consecutive) take each kind's false-alarm rate over the
   healthy runs; the kinds with rate <= max_false_alarm_rate (default 0.10) stay WARNING, the others become INFO;
   NON_FINITE is always in the warning set (CRITICAL);
2. the warning set's first warning of a run is the smallest first-warning update of its kinds; recall, false-alarm
   rate and median lead as docs/math.md#calibration defines them;
3. among grid points whose set false-alarm rate is <= max_false_alarm_rate, take the one with the highest recall,
   then the longest median lead, then the fewest changes from the current defaults (0.5, 1e-9, 3).
Prints one line per grid point and the choice.
"""
import csv
import statistics
import sys
from collections import defaultdict

KINDS = ["over_generalization", "step_too_large", "step_too_small", "no_contraction", "self_exciting",
         "soft_divergence", "non_finite", "rank_collapse"]
DEFAULT = (0.5, 1e-9, 3)


def first(row, kind):
    v = row["first_%s_update" % kind]
    return int(v) if v else None


def metrics(rows, kinds):
    diverged = healthy = recalled = alarms = 0
    leads = []
    for r in rows:
        ws = [first(r, k) for k in kinds]
        ws = [w for w in ws if w is not None]
        w = min(ws) if ws else None
        if r["outcome"] == "healthy":
            healthy += 1
            alarms += w is not None
        else:
            diverged += 1
            t = int(r["divergence_update"])
            if w is not None and w < t:
                recalled += 1
                leads.append(t - w)
    recall = recalled / diverged if diverged else None
    fa = alarms / healthy if healthy else None
    lead = statistics.median(leads) if leads else None
    return recall, fa, lead, (recalled, diverged, alarms, healthy)


def main():
    path = sys.argv[1]
    limit = float(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2][0].isdigit() else 0.10
    grid = defaultdict(list)
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            grid[(float(r["min_fraction17"]), float(r["seem_tolerance"]), int(r["consecutive"]))].append(r)
    best = None
    for key in sorted(grid):
        rows = grid[key]
        per_kind = {k: metrics(rows, [k]) for k in KINDS}
        warning = [k for k in KINDS if k == "non_finite" or (per_kind[k][1] is not None and per_kind[k][1] <= limit)]
        recall, fa, lead, counts = metrics(rows, warning)
        info = [k for k in KINDS if k not in warning]
        print("f17=%-5s seem=%-6g k=%d  set recall=%s fa=%s lead=%s %s  info=%s" % (
            key[0], key[1], key[2], fmt(recall), fmt(fa), lead, counts, ",".join(info)))
        if fa is not None and fa <= limit and recall is not None:
            changes = sum(a != b for a, b in zip(key, DEFAULT))
            score = (recall, lead or 0, -changes)
            if best is None or score > best[0]:
                best = (score, key, warning, info, recall, fa, lead, counts)
    print()
    if best is None:
        print("no grid point keeps the warning set's false-alarm rate <= %g" % limit)
    else:
        _, key, warning, info, recall, fa, lead, counts = best
        print("choice: min_fraction17=%s seem_tolerance=%g consecutive=%d warning=%s info=%s -> recall %s, "
              "false alarms %s, median lead %s, counts (recalled, diverged, alarms, healthy) %s" % (
                  key[0], key[1], key[2], ",".join(warning), ",".join(info), fmt(recall), fmt(fa), lead, counts))


def per_kind_search(path, limit):
    """Debouncing per kind (a kind's own consecutive count): the best warning set over every combination."""
    import itertools
    rows_by = defaultdict(lambda: defaultdict(dict))  # (f, e) -> run -> k -> row
    for r in csv.DictReader(open(path, newline="")):
        rows_by[(float(r["min_fraction17"]), float(r["seem_tolerance"]))][r["run_id"]][int(r["consecutive"])] = r
    best = None
    for fe, runs in sorted(rows_by.items()):
        ks = sorted(next(iter(runs.values())).keys())
        cand = {}
        for kind in KINDS:
            ok = [k for k in ks if (metrics([runs[run][k] for run in runs], [kind])[1] or 0) <= limit]
            if ok or kind == "non_finite":
                cand[kind] = ok or [1]
        kinds = list(cand)
        for combo in itertools.product(*(cand[k] for k in kinds)):
            rows = []
            for run in runs:
                r = dict(runs[run][ks[0]])
                for kind, k in zip(kinds, combo):
                    r["first_%s_update" % kind] = runs[run][k]["first_%s_update" % kind]
                rows.append(r)
            recall, fa, lead, counts = metrics(rows, kinds)
            if fa is not None and fa <= limit and recall is not None:
                changes = (fe[0] != DEFAULT[0]) + (fe[1] != DEFAULT[1]) + sum(k != DEFAULT[2] for k in combo)
                score = (recall, lead or 0, -changes)
                if best is None or score > best[0]:
                    best = (score, fe, dict(zip(kinds, combo)), recall, fa, lead, counts)
    if best:
        _, fe, combo, recall, fa, lead, counts = best
        print("per-kind debouncing: min_fraction17=%s seem_tolerance=%g consecutive per kind %s -> recall %s, "
              "false alarms %s, median lead %s, counts %s" % (fe[0], fe[1], combo, fmt(recall), fmt(fa), lead, counts))


def fmt(v):
    return "null" if v is None else "%.3f" % v


def evaluate(path, f17, seem, k, info):
    """The table of one fixed choice (held-out seeds): the warning set and every kind."""
    rows = [r for r in csv.DictReader(open(path, newline=""))
            if float(r["min_fraction17"]) == f17 and float(r["seem_tolerance"]) == seem and int(r["consecutive"]) == k]
    warning = [x for x in KINDS if x not in info]
    print("| warning | recall | false-alarm rate | median lead (updates) | recalled / diverged | alarms / healthy |")
    print("|---|---|---|---|---|---|")
    for name, kinds in [("WARNING set (" + ", ".join(x.upper() for x in warning) + ")", warning)] + [
            (x.upper() + (" (INFO)" if x in info else ""), [x]) for x in KINDS]:
        recall, fa, lead, c = metrics(rows, kinds)
        print("| %s | %s | %s | %s | %d / %d | %d / %d |" % (name, fmt(recall), fmt(fa),
              "null" if lead is None else "%g" % lead, c[0], c[1], c[2], c[3]))


if __name__ == "__main__":
    if "--evaluate" in sys.argv:
        # --evaluate MIN_FRACTION17 SEEM_TOLERANCE CONSECUTIVE INFO_KINDS(comma-separated, or -)
        i = sys.argv.index("--evaluate")
        a = sys.argv[i + 1:i + 5]
        evaluate(sys.argv[1], float(a[0]), float(a[1]), int(a[2]), [] if a[3] == "-" else a[3].lower().split(","))
        sys.exit(0)
    main()
    if "--per-kind" in sys.argv:
        per_kind_search(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2][0].isdigit() else 0.10)
