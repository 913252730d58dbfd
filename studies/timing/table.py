#!/usr/bin/env python3
"""Tabulates the timing study from the lab's own summary.json files (statistics computed by the
lab: per-variant means and the paired C − B comparisons). Usage: table.py RUNS_DIR > table.md"""
import json, pathlib, sys

ORDER = ["epoch1", "epoch2", "epoch3", "epoch4", "epoch5", "threshold", "plateau"]


def stat(variants, name, metric):
    for v in variants:
        if v["variant"] == name:
            for m in v["metrics"]:
                if m["metric"] == metric and m["mean"] is not None:
                    return m["mean"], m["sd"]
    return None, None


def comparison(stats, metric):
    for c in stats["comparisons"]:
        if c["metric"] == metric and c["treatment"] == "continuous" and c["reference"] == "net2net":
            return c
    return None


def fmt(mean, sd, digits=3):
    if mean is None:
        return "—"
    return f"{mean:.{digits}f} ± {sd:.{digits}f}" if sd is not None else f"{mean:.{digits}f}"


root = pathlib.Path(sys.argv[1])
rows = []
for summary in sorted(root.glob("*/summary.json")):
    s = json.loads(summary.read_text())
    kind = summary.parent.name.split("timing-")[-1]
    runs = s["runs"]
    steps = sorted({r["widening_step"] for r in runs})
    triggers = sorted({r["trigger"].split(":")[0].split(" (")[0] for r in runs})
    st = s["statistics"]
    cells = [kind, ", ".join(str(x) for x in steps), ", ".join(triggers)]
    for metric, digits in [("shock", 3), ("recovery_steps", 1), ("final_test_accuracy", 2)]:
        b = stat(st["variants"], "net2net", metric)
        c = stat(st["variants"], "continuous", metric)
        comp = comparison(st, metric)
        p = "—" if comp is None or comp["p"] is None else f"{comp['p']:.3g}"
        cells += [fmt(*b, digits), fmt(*c, digits), p]
    rows.append((ORDER.index(kind) if kind in ORDER else 99, cells))
head = ["trigger", "N (per seed)", "fired", "shock B", "shock C", "p", "recovery B", "recovery C",
        "p", "test acc B %", "test acc C %", "p"]
print("| " + " | ".join(head) + " |")
print("|" + "---|" * len(head))
for _, cells in sorted(rows):
    print("| " + " | ".join(cells) + " |")
