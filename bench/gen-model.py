#!/usr/bin/env python3
# libmfr - write a synthetic, valid model file for the trace benchmarks.
# SPDX-License-Identifier: MIT
"""Generate a synthetic libmfr model (doc/model-format.md) of a given size.

Every region is bilateral, so a model of R regions has 2R sites.  About 5% of
the regions are body-chart areas (the symptom sites); the rest are muscles
(the treatment sites).  The site graph gets about ten edges per site from:

- adjacency: each region lists two random others (4 same-side neighbours on
  average, as the relation is symmetric);
- lines: random chains of muscles, several branches each (later branches
  start from a node of the first), one region per node or sometimes two,
  mostly on the starting side with occasional crossings, graded evidence;
- referrals: a quarter as many trigger-point patterns as regions, each from a
  muscle to one to three areas (essential or spillover, sometimes bilateral).

One source is cited by everything.  The output is deterministic for a given
--sites and --seed (compact JSON, keys in a fixed order).  With --intake, a
typical intake is written too: three random area sites (seeded), 60 minutes.

    python3 bench/gen-model.py --sites 100000 --seed 1 -o gen-100k.json \\
        --intake gen-100k-intake.json
"""
import argparse
import json
import random
import sys

EVIDENCE = ["strong", "moderate", "limited", "none", "not_assessed"]
POSITIONS = [["prone"], ["supine"], ["prone", "side_lying"], ["supine", "seated"],
             ["prone", "supine", "side_lying"]]
DEPTHS = ["superficial", "intermediate", "deep"]


def generate(sites, seed):
    rng = random.Random(seed)
    n = sites // 2
    keys = ["r%d" % i for i in range(n)]
    n_areas = max(3, n // 20)
    areas = sorted(rng.sample(range(n), n_areas))
    area_set = set(areas)
    muscles = [i for i in range(n) if i not in area_set]

    # Adjacency: two random partners per region, each pair listed once.
    pairs = set()
    adjacent = [[] for _ in range(n)]
    for i in range(n):
        for _ in range(2):
            j = rng.randrange(n)
            if j == i or (min(i, j), max(i, j)) in pairs:
                continue
            pairs.add((min(i, j), max(i, j)))
            adjacent[i].append(j)

    regions = []
    for i in range(n):
        r = {
            "key": keys[i],
            "name": ("area %d" if i in area_set else "muscle %d") % i,
            "kind": "area" if i in area_set else "muscle",
            "laterality": "bilateral",
            "positions": POSITIONS[i % len(POSITIONS)],
            "depth": DEPTHS[i % len(DEPTHS)],
        }
        if adjacent[i]:
            r["adjacent"] = [keys[j] for j in adjacent[i]]
        r["sources"] = ["s"]
        regions.append(r)

    # Lines: about 2.5 node entries per muscle over all lines.
    def node(side):
        count = 2 if rng.random() < 0.2 else 1
        regs = rng.sample(muscles, count)
        nd = {"kind": "track", "regions": [keys[k] for k in regs], "side": side}
        if rng.random() < 0.05:
            nd["may_cross"] = True
        return nd

    def chain(first, length):
        side = first["side"] if first else "ipsi"
        nodes = [first] if first else []
        while len(nodes) < length:
            if rng.random() < 0.05:  # the line crosses to the other side here
                side = "contra" if side == "ipsi" else "ipsi"
            nodes.append(node(side))
        return nodes

    lines = []
    entries = 0
    target = int(2.5 * len(muscles))
    while entries < target:
        li = len(lines)
        main = chain(None, rng.randint(6, 12))
        branches = [{"key": "main", "nodes": main}]
        for b in range(rng.randint(1, 3)):
            start = dict(main[rng.randrange(len(main) - 1)])
            start.pop("may_cross", None)
            branches.append({"key": "b%d" % b, "nodes": chain(start, rng.randint(5, 10))})
        entries += sum(len(nd["regions"]) for br in branches for nd in br["nodes"])
        evidence = rng.choice(EVIDENCE)
        line = {"key": "l%d" % li, "abbrev": "L%d" % li, "name": "line %d" % li,
                "evidence": evidence}
        if evidence != "not_assessed":
            line["evidence_sources"] = ["s"]
        line["branches"] = branches
        line["sources"] = ["s"]
        if rng.random() < 0.1:
            line["convention"] = True
        lines.append(line)

    referrals = []
    for t in range(n // 4):
        zones = []
        for a in rng.sample(areas, min(len(areas), rng.randint(1, 3))):
            z = {"area": keys[a],
                 "zone": "essential" if rng.random() < 0.5 else "spillover"}
            if rng.random() < 0.2:
                z["bilateral"] = True
            zones.append(z)
        ref = {"key": "t%d" % t, "muscle": keys[rng.choice(muscles)],
               "trigger_point": "tp %d" % t, "zones": zones, "sources": ["s"]}
        if rng.random() < 0.1:
            ref["convention"] = True
        referrals.append(ref)

    model = {
        "format": "libmfr-model",
        "format_version": 1,
        "name": "synthetic benchmark model (%d sites, seed %d)" % (2 * n, seed),
        "model_version": "bench-1",
        "description": "Generated by bench/gen-model.py; not anatomy.",
        "sources": [{"key": "s", "citation": "Synthetic data (bench/gen-model.py)."}],
        "regions": regions,
        "lines": lines,
        "referrals": referrals,
        "techniques": [],
        "conditions": [],
        "precautions": [],
    }
    symptoms = []
    for a in rng.sample(areas, 3):
        symptoms.append({"region": keys[a], "side": rng.choice(["left", "right"]),
                         "intensity": rng.randint(4, 8)})
    intake = {"symptoms": symptoms, "session_minutes": 60}
    return model, intake


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sites", type=int, required=True,
                    help="number of sites (2 per region; rounded down to even)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", required=True, help="model file to write")
    ap.add_argument("--intake", help="also write a typical intake to this file")
    args = ap.parse_args(argv)
    if args.sites < 60:
        ap.error("--sites must be at least 60")
    model, intake = generate(args.sites, args.seed)
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(json.dumps(model, separators=(",", ":")))
        f.write("\n")
    if args.intake:
        with open(args.intake, "w", encoding="utf-8") as f:
            f.write(json.dumps(intake, separators=(",", ":")))
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
