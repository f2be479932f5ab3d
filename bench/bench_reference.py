#!/usr/bin/env python3
# libmfr - time the plain-Python reference trace on the benchmark's inputs.
# SPDX-License-Identifier: MIT
"""Time bench/reference_trace.py as bench-trace times the C library.

The same inputs: the default model with the typical intake (left heel 6,
right low back 7, right posterior neck 5) and each generated model with the
intake bench/gen-model.py writes for it (--generate: seed 1, in a temporary
directory, for each size in --sites; or --gen with files made beforehand);
the same operations: load (parse
the JSON and build the site graph), top-20 trace (default options) and full
trace (max_results 10000, max_steps 64).  Each operation is repeated until a
sample takes at least --min-time seconds; --samples samples, fewer (at least
3) when one sample would take over --max-op-time / --samples seconds.

    python3 bench/bench_reference.py --model lib/data/default-model.json \\
        --generate bench/gen-model.py
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_trace as ref  # noqa: E402

TYPICAL = [("heel", "left", 6), ("low_back", "right", 7), ("posterior_neck", "right", 5)]


def measure(fn, samples, min_time, max_op_time):
    """(median us, min us, repetitions, samples) per call of fn()."""
    reps = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(reps):
            fn()
        t = time.perf_counter() - t0
        if t >= min_time:
            break
        reps = reps * 8 if t < min_time / 16 else int(reps * min_time * 1.1 / t) + 1
    n = max(3, min(samples, int(max_op_time / t)))
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        for _ in range(reps):
            fn()
        times.append((time.perf_counter() - t0) / reps * 1e6)
    return statistics.median(times), min(times), reps, n


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", required=True, help="the default model's data file")
    ap.add_argument("--gen", nargs=3, action="append", default=[],
                    metavar=("LABEL", "MODEL", "INTAKE"), help="a generated model")
    ap.add_argument("--generate", metavar="GEN_MODEL_PY",
                    help="generate models with bench/gen-model.py (seed 1)")
    ap.add_argument("--sites", default="1000,10000,100000",
                    help="sizes to generate (comma-separated site counts)")
    ap.add_argument("--samples", type=int, default=15)
    ap.add_argument("--min-time", type=float, default=0.2)
    ap.add_argument("--max-op-time", type=float, default=30.0)
    args = ap.parse_args(argv)

    tmp = tempfile.TemporaryDirectory(prefix="mfr-bench-reference-")
    if args.generate:
        for n in args.sites.split(","):
            label = "%dk" % (int(n) // 1000) if int(n) % 1000 == 0 else n
            path = os.path.join(tmp.name, "gen-%s.json" % label)
            intake = os.path.join(tmp.name, "gen-%s-intake.json" % label)
            print("bench_reference: generating a model of %s sites ..." % n,
                  file=sys.stderr, flush=True)
            subprocess.run([sys.executable, args.generate, "--sites", n, "--seed", "1",
                            "-o", path, "--intake", intake], check=True)
            args.gen.append((label, path, intake))

    subjects = [("default", args.model, TYPICAL)]
    for label, path, intake in args.gen:
        subjects.append((label, path, ref.read_intake(intake)[0]))

    rows = []
    for label, path, symptoms in subjects:
        print("bench_reference: %s ..." % label, file=sys.stderr, flush=True)
        model = ref.Model.load(path)
        sites = 2 * len(model.regions)
        edges = sum(len(r) for r in model.rows.values())
        results = {}

        def top():
            results["top"] = len(ref.trace(model, symptoms))

        def full():
            results["full"] = len(ref.trace(model, symptoms, max_results=10000,
                                            max_steps=64))

        for what, fn in (("load", lambda: ref.Model.load(path)), ("top-20", top),
                         ("full", full)):
            med, mn, reps, n = measure(fn, args.samples, args.min_time, args.max_op_time)
            count = {"top-20": results.get("top"), "full": results.get("full")}.get(what)
            rows.append((label, sites, edges, what, med, mn, reps, n,
                         "" if count is None else str(count)))

    print("Python %s reference trace (bench/reference_trace.py): median and min per "
          "operation" % sys.version.split()[0])
    print("%-9s %7s %8s  %-9s %13s %13s %6s %7s  %s" % (
        "model", "sites", "edges", "operation", "median us", "min us", "reps", "samples",
        "results"))
    for r in rows:
        print("%-9s %7d %8d  %-9s %13.1f %13.1f %6d %7d  %s" % r)
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
