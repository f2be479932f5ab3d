#!/usr/bin/env python3
# libmfr - write a file of intakes, one per line, for `mfr batch`.
# SPDX-License-Identifier: MIT
"""Generate JSON-lines intakes (doc/intake-format.md) on a model's keys.

Seeded and deterministic for a given model, --count and --seed.  Each intake
has one to three symptom sites on body-chart areas (every side form the
format takes, intensities 0-10, onsets given or not), and sometimes
conditions, global and local precautions, screening answers, a pregnancy
stage, clearances, a scope, a session length from 10 to 180 minutes and a
subset of positions; so the plans written from them hold every kind of step,
warning and aftercare the model can give.

With --bad F, a share F of the lines are lines `mfr batch` must answer with
an error row: a blank line, malformed JSON, an unknown region, an intensity
out of range, a string with escapes and text that is not UTF-8 (so the error
rows' message escaping is exercised too).

    python3 bench/gen-intakes.py --model lib/data/default-model.json \\
        --count 2000 --seed 1 -o intakes.jsonl
"""
import argparse
import json
import random
import sys

ONSETS = ["acute", "chronic", "unspecified"]
POSITIONS = ["prone", "supine", "side_lying", "seated", "standing"]
MINUTES = [10, 15, 20, 30, 45, 60, 60, 60, 90, 120, 180]
SCOPES = ["intra_oral", "intra_pelvic"]


def side_of(rng, laterality, allow_both=True):
    if laterality == "midline":
        return rng.choice([None, "midline"])
    return rng.choice(["left", "right", "both"] if allow_both else ["left", "right"])


def site(rng, areas, allow_both=True):
    key, laterality = rng.choice(areas)
    s = {"region": key}
    side = side_of(rng, laterality, allow_both)
    if side:
        s["side"] = side
    return s


def intake(rng, model):
    areas = [(r["key"], r["laterality"]) for r in model["regions"] if r["kind"] == "area"]
    # A generated model (gen-model.py) has none of these: its intakes are
    # symptoms only (the draws below are the same either way).
    conditions = [c["key"] for c in model.get("conditions", [])]
    precautions = model.get("precautions", [])
    screening = model.get("screening", [])
    staged = {p["key"]: p["stages"]["count"] for p in precautions if p.get("stages")}

    doc = {"symptoms": []}
    for key, laterality in rng.sample(areas, rng.choice([1, 1, 2, 2, 3, 3, 3])):
        s = {"region": key}
        side = side_of(rng, laterality)
        if side:
            s["side"] = side
        if rng.random() < 0.8:
            s["intensity"] = rng.randint(0, 10)
        if rng.random() < 0.5:
            s["onset"] = rng.choice(ONSETS)
        doc["symptoms"].append(s)
    if rng.random() < 0.5 and conditions:
        doc["conditions"] = rng.sample(conditions, rng.choice([1, 1, 2]))
    recorded = []
    if rng.random() < 0.3 and precautions:
        doc["precautions"] = []
        for p in rng.sample(precautions, rng.choice([1, 1, 2])):
            if p["scope"] == "local" or (p.get("site_scoped") and rng.random() < 0.5):
                entry = {"key": p["key"]}
                entry.update(site(rng, areas, allow_both=False))
                doc["precautions"].append(entry)
            else:
                doc["precautions"].append(p["key"])
            recorded.append(p["key"])
    if rng.random() < 0.15 and screening:
        q = rng.choice(screening)
        a = rng.choice(q["answers"])
        answer = {"question": q["key"], "answer": a["key"]}
        if a.get("site"):
            answer.update(site(rng, areas, allow_both=False))
        doc["answers"] = [answer]
    for key, count in staged.items():
        if key in recorded and rng.random() < 0.5:
            doc["stages"] = {key: rng.randint(1, count)}
    if recorded and rng.random() < 0.4:
        doc["clearances"] = [rng.choice(recorded)]
    if rng.random() < 0.05:
        doc["scopes"] = [rng.choice(SCOPES)]
    if rng.random() < 0.7:
        doc["session_minutes"] = rng.choice(MINUTES)
    if rng.random() < 0.2:
        doc["positions"] = sorted(rng.sample(POSITIONS, rng.randint(1, 4)),
                                  key=POSITIONS.index)
    return json.dumps(doc, separators=(",", ":"))


def bad_line(rng, model):
    kind = rng.randrange(5)
    if kind == 0:
        return ""
    if kind == 1:
        return '{"symptoms": [{"region": "heel", "side": "left"}'
    if kind == 2:
        return json.dumps({"symptoms": [{"region": "heal\t\"x\"\\", "side": "left"}]})
    if kind == 3:
        return json.dumps({"symptoms": [{"region": "heel", "side": "left",
                                         "intensity": 11}]})
    # A lone surrogate: written as the byte 0xFF (surrogateescape).
    return '{"symptoms": [{"region": "he\udcffel", "side": "left"}]}'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", required=True, help="the model file whose keys to use")
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bad", type=float, default=0.0,
                    help="share of lines that must give an error row (0)")
    ap.add_argument("--ids", action="store_true",
                    help='give every good intake an "id" ("gen-000001", its line '
                         'number), to join batch rows back (the other lines stay the same)')
    ap.add_argument("-o", "--output", help="output file (default: standard output)")
    args = ap.parse_args()

    with open(args.model, encoding="utf-8") as f:
        model = json.load(f)
    rng = random.Random(args.seed)
    lines = []
    for _ in range(args.count):
        if args.bad and rng.random() < args.bad:
            lines.append(bad_line(rng, model))
        else:
            line = intake(rng, model)
            if args.ids:
                line = '{"id":"gen-%06d",%s' % (len(lines) + 1, line[1:])
            lines.append(line)
    data = ("\n".join(lines) + "\n").encode("utf-8", "surrogateescape")
    if args.output:
        with open(args.output, "wb") as f:
            f.write(data)
    else:
        sys.stdout.buffer.write(data)


if __name__ == "__main__":
    main()
