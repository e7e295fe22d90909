#!/usr/bin/env python3
"""Chooses the listener's default warning set, thresholds and debouncing from a calibrate replay table.

Usage: python3 docs/calibration/select_defaults.py <dir>/calibrate-replay.csv [max_false_alarm_rate]

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
    limit = float(sys.argv[2]) if len(sys.argv) > 2 else 0.10
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


def fmt(v):
    return "null" if v is None else "%.3f" % v


if __name__ == "__main__":
    main()
