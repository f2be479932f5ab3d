#!/usr/bin/env python3
# libmfr - check that the library ranks exactly as the reference algorithm.
# SPDX-License-Identifier: MIT
"""Compare `mfr --format json trace` with bench/reference_trace.py.

For the default model (the worked cases of shared/clinical/cases.md and the
benchmark intake) and a small generated model, the ranked (region, side)
lists must be identical and the scores equal to the precision the JSON
prints (6 significant digits, so a relative difference of at most 5e-6).
Each intake is checked with the default options (top 20) and as a full
trace (--max-results 10000 --max-steps 64).

    python3 bench/check_reference.py --mfr build/tools/mfr \\
        --model lib/data/default-model.json --gen bench/gen-model.py
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_trace as ref  # noqa: E402

# (name, CLI symptom arguments, conditions): cases 1-4 of cases.md, then the
# benchmark's typical intake.
CASES = [
    ("case 1: heel, plantar fasciitis", ["heel:left:6"], ["plantar_fasciitis"]),
    ("case 2: temples and forehead, tension-type headache",
     ["temple:both:5", "forehead:midline:5"], ["tension_type_headache"]),
    ("case 3: right low back, low back pain", ["low_back:right:7"], ["low_back_pain"]),
    ("case 4: right jaw, TMJ disorder", ["jaw:right:5"], ["tmj_disorder"]),
    ("benchmark intake", ["heel:left:6", "low_back:right:7", "posterior_neck:right:5"], []),
]
FULL = (10000, 64)
TOP = (20, 6)
REL_TOL = 5e-6


def run_cli(mfr, model_file, symptoms, conditions, limits):
    argv = [mfr, "--format", "json"]
    if model_file:
        argv += ["--model", model_file]
    argv += ["trace", "--max-results", str(limits[0]), "--max-steps", str(limits[1])]
    for s in symptoms:
        argv += ["--symptom", s]
    for c in conditions:
        argv += ["--condition", c]
    out = subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    return [(r["region"], r["side"], r["score"]) for r in json.loads(out)["results"]]


def compare(name, got, want):
    """got: the library's results; want: the reference's. Returns problems."""
    problems = []
    if len(got) != len(want):
        problems.append("%s: the library gives %d results, the reference %d"
                        % (name, len(got), len(want)))
    worst = 0.0
    for rank, (g, w) in enumerate(zip(got, want), 1):
        if g[:2] != w[:2]:
            problems.append("%s: rank %d is %s %s (%.6g) in the library, %s %s (%.6g) in "
                            "the reference" % (name, rank, g[1], g[0], g[2], w[1], w[0], w[2]))
            break
        diff = abs(g[2] - w[2]) / max(abs(w[2]), 1e-300)
        worst = max(worst, diff)
        if diff > REL_TOL:
            problems.append("%s: rank %d (%s %s): score %.9g in the library, %.9g in the "
                            "reference" % (name, rank, g[1], g[0], g[2], w[2]))
    return problems, worst


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mfr", required=True, help="the mfr tool")
    ap.add_argument("--model", required=True, help="the default model's data file")
    ap.add_argument("--gen", help="bench/gen-model.py: also check a generated model")
    ap.add_argument("--sites", type=int, default=1000, help="size of the generated model")
    args = ap.parse_args(argv)

    checks = []  # (name, model file for the CLI or None, model, symptoms, conditions)
    default = ref.Model.load(args.model)
    for name, symptoms, conditions in CASES:
        checks.append((name, None, default, symptoms, conditions))

    tmp = tempfile.TemporaryDirectory(prefix="mfr-check-reference-")
    if args.gen:
        path = os.path.join(tmp.name, "gen.json")
        intake = os.path.join(tmp.name, "gen-intake.json")
        subprocess.run([sys.executable, args.gen, "--sites", str(args.sites), "--seed", "1",
                        "-o", path, "--intake", intake], check=True)
        with open(intake, encoding="utf-8") as f:
            doc = json.load(f)
        symptoms = ["%s:%s:%d" % (s["region"], s["side"], s["intensity"])
                    for s in doc["symptoms"]]
        checks.append(("generated model (%d sites)" % args.sites, path, ref.Model.load(path),
                       symptoms, []))

    failures = 0
    for name, model_file, model, symptoms, conditions in checks:
        parsed = [s for text in symptoms for s in ref.parse_symptom(model, text)]
        for limits in (TOP, FULL):
            label = "%s, max_results %d, max_steps %d" % ((name,) + limits)
            got = run_cli(args.mfr, model_file, symptoms, conditions, limits)
            want = ref.trace(model, parsed, conditions, limits[0], limits[1])
            problems, worst = compare(label, got, want)
            status = "FAIL" if problems else "ok"
            print("%-4s %s: %d results, largest relative score difference %.2g"
                  % (status, label, len(got), worst))
            for p in problems:
                print("     " + p)
            failures += bool(problems)
    tmp.cleanup()
    print("%d of %d checks failed" % (failures, 2 * len(checks)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
