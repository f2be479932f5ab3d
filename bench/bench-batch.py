#!/usr/bin/env python3
# libmfr - time `mfr batch plan` and `mfr batch trace` over generated intakes.
# SPDX-License-Identifier: MIT
"""Lines per second of `mfr batch` on one core, for one or more builds.

bench/gen-intakes.py writes --count intakes (seed --seed) on the model's keys
into a temporary directory; each `mfr` given with --mfr then runs
`mfr batch KIND < intakes > output` once per round, the builds in turn (A B A
B ..., the order rotated each round so that neither always runs first), for
--rounds rounds.  A run's time is the child's user + system CPU seconds (its
lines per second on one core) and its wall time; the table gives the median
over the rounds, and with two or more builds each one's median ratio to the
first (its speed-up: the first's CPU time over its own), taken round by round
(the machine's speed drifts less within a round than across rounds).

Every build must write the same bytes: the outputs of the first round are
compared, and a difference is reported (and makes the exit status 1).

    python3 bench/bench-batch.py --model lib/data/default-model.json \\
        --gen bench/gen-intakes.py --mfr build-bench/tools/mfr
    python3 bench/bench-batch.py ... --mfr before=old/tools/mfr --mfr after=build/tools/mfr
"""
import argparse
import hashlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time


def run_once(mfr, kind, intakes, output, jobs=1):
    """(cpu seconds, wall seconds, exit status) of one batch run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(intakes, "rb") as fin, open(output, "wb") as fout:
        t0 = time.perf_counter()
        rc = subprocess.call([mfr, "batch", kind] + (["--jobs", str(jobs)] if jobs > 1 else []),
                             stdin=fin, stdout=fout,
                             stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, rc


def digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mfr", action="append", required=True,
                    help="an mfr program, or LABEL=PATH; repeat to compare builds")
    ap.add_argument("--model", required=True, help="the model file (for its keys)")
    ap.add_argument("--gen", required=True, help="bench/gen-intakes.py")
    ap.add_argument("--kinds", default="plan,trace", help="plan,trace (both)")
    ap.add_argument("--count", type=int, default=2000, help="intakes (2000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=1,
                    help="mfr batch --jobs N (1): the wall time then shows the threads' gain")
    args = ap.parse_args()

    builds = []
    for i, spec in enumerate(args.mfr):
        label, _, path = spec.rpartition("=")
        builds.append((label or ("build %d" % (i + 1) if len(args.mfr) > 1 else "mfr"),
                       os.path.abspath(path)))
    status = 0
    with tempfile.TemporaryDirectory(prefix="mfr-bench-batch-") as tmp:
        intakes = os.path.join(tmp, "intakes.jsonl")
        subprocess.check_call([sys.executable, args.gen, "--model", args.model,
                               "--count", str(args.count), "--seed", str(args.seed),
                               "-o", intakes])
        print("%d intakes (bench/gen-intakes.py, seed %d); %d rounds; median of the rounds"
              % (args.count, args.seed, args.rounds))
        print("%-7s %-12s %14s %14s %10s %12s %9s"
              % ("batch", "build", "lines/s (cpu)", "lines/s (wall)", "us/line",
                 "output MB", "speed-up"))
        for kind in args.kinds.split(","):
            cpu = {b: [] for b, _ in builds}
            wall = {b: [] for b, _ in builds}
            sizes, digests = {}, {}
            for r in range(args.rounds):
                order = builds[r % len(builds):] + builds[:r % len(builds)]
                for label, path in order:
                    out = os.path.join(tmp, "out-%s" % hashlib.md5(label.encode()).hexdigest())
                    c, w, rc = run_once(path, kind, intakes, out, args.jobs)
                    if rc not in (0, 1):
                        sys.exit("bench-batch: %s batch %s exited %d" % (path, kind, rc))
                    cpu[label].append(c)
                    wall[label].append(w)
                    if r == 0:
                        sizes[label] = os.path.getsize(out)
                        digests[label] = digest(out)
            first = builds[0][0]
            for label, _ in builds:
                ratios = [cpu[first][i] / cpu[label][i] for i in range(args.rounds)]
                c = statistics.median(cpu[label])
                w = statistics.median(wall[label])
                print("%-7s %-12s %14.0f %14.0f %10.1f %12.2f %9s"
                      % (kind, label, args.count / c, args.count / w, c / args.count * 1e6,
                         sizes[label] / 1e6,
                         "" if label == first else "%.2fx" % statistics.median(ratios)))
            if len(set(digests.values())) > 1:
                print("bench-batch: the builds wrote different %s output" % kind)
                status = 1
            elif len(builds) > 1:
                print("        the %d builds wrote identical output (sha256 %s...)"
                      % (len(builds), digests[first][:16]))
    return status


if __name__ == "__main__":
    sys.exit(main())
