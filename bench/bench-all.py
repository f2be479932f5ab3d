#!/usr/bin/env python3
# libmfr - run every benchmark once and print the tables doc/performance.md has.
# SPDX-License-Identifier: MIT
"""Run the whole benchmark set and print the targets table of issue 11.

    meson setup build-bench -Dbuildtype=release -Dtests=false -Dbench=true
    meson compile -C build-bench
    python3 bench/bench-all.py --build build-bench          # ~10 minutes
    meson test -C build-bench --benchmark --verbose all     # the same

One command, one run: it generates the 100k-site model (bench/gen-model.py,
seed 1) into a temporary directory, then runs, for --rounds rounds, the C
programs in turn (bench-trace on the default and the 100k model, bench-sssp
and bench-sssp-igraph on both; each with --samples samples of at least
--min-time seconds), so that the machine's drift falls on all of them alike;
then once each: the Python reference (bench/bench_reference.py), networkx
(bench/sssp_networkx.py), `mfr batch plan` (bench/bench-batch.py, its own
--rounds rounds) and the peak memory of a process that loads the 100k model
(`mfr model validate`). For the C programs a figure is the median of the
rounds' medians and the least sample of all rounds.

igraph and networkx are optional: a missing one is reported and skipped.
Nothing is asserted: the exit status is 0 unless a program fails.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(HERE)


def log(msg):
    print("bench-all: " + msg, file=sys.stderr, flush=True)


def run(cmd, **kw):
    log(" ".join(os.path.basename(c) if i < 2 else c for i, c in enumerate(cmd)))
    p = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=False, **kw)
    if p.returncode != 0:
        sys.exit("bench-all: %s exited %d" % (cmd[0], p.returncode))
    return p.stdout


TRACE_ROW = re.compile(r"^(\S+)\s+(\d+)\s+(top-20 1st|full 1st|load|top-20|top-80|full|plan)\s+"
                       r"([\d.]+)\s+([\d.]*)\s+(\d+)\s*(.*)$")


def parse_trace(out, acc):
    for line in out.splitlines():
        m = TRACE_ROW.match(line)
        if m:
            key = (m.group(1), m.group(3))
            acc.setdefault(key, []).append(
                (float(m.group(4)), float(m.group(5) or m.group(4)), m.group(7).strip()))


def parse_results(out, acc):
    for line in out.splitlines():
        w = line.split()
        if len(w) == 7 and w[0] == "RESULT":
            acc.setdefault((w[1], w[2]), []).append(
                (float(w[3]), float(w[4]), "%s %s" % (w[5], w[6])))


def summary(samples):
    """(median of the runs' medians, least minimum, runs, note of the last run)."""
    if not samples:
        return None
    return (statistics.median(s[0] for s in samples), min(s[1] for s in samples),
            len(samples), samples[-1][2])


def peak_rss_kib(cmd):
    """The peak resident set of one child process, in KiB (Linux ru_maxrss)."""
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen(cmd, stdout=null, stderr=null)
        _, status, ru = os.wait4(p.pid, 0)
    if status != 0:
        sys.exit("bench-all: %s failed" % " ".join(cmd))
    return ru.ru_maxrss


def fmt(us):
    if us is None:
        return "–"
    if us >= 1e5:
        return "{:,.1f} ms".format(us / 1e3)
    if us >= 1e3:
        return "{:,.0f} µs".format(us)
    return "{:,.2f} µs".format(us) if us < 10 else "{:,.1f} µs".format(us)


def ratio(a, b):
    if not (a and b):
        return "–"
    r = a / b
    return "{:,.0f}×".format(r) if r >= 100 else ("%.1f×" % r if r >= 1 else "%.2g×" % r)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", help="a build directory with -Dbench=true (else give each)")
    ap.add_argument("--bench-trace")
    ap.add_argument("--bench-plan")
    ap.add_argument("--bench-sssp")
    ap.add_argument("--bench-sssp-igraph")
    ap.add_argument("--mfr")
    ap.add_argument("--sites", type=int, default=100000, help="the generated model (100000)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--samples", type=int, default=5)
    ap.add_argument("--min-time", type=float, default=0.2)
    ap.add_argument("--python-samples", type=int, default=5)
    ap.add_argument("--skip-python", action="store_true",
                    help="leave out the Python reference and networkx (minutes on 100k)")
    args = ap.parse_args(argv)

    def prog(given, rel):
        path = given or (os.path.join(args.build, rel) if args.build else None)
        return path if path and os.path.exists(path) else None

    bench_trace = prog(args.bench_trace, "bench/bench-trace")
    bench_plan = prog(args.bench_plan, "bench/bench-plan")
    bench_sssp = prog(args.bench_sssp, "bench/bench-sssp")
    bench_igraph = prog(args.bench_sssp_igraph, "bench/bench-sssp-igraph")
    mfr = prog(args.mfr, "tools/mfr")
    if not (bench_trace and bench_sssp and mfr):
        sys.exit("bench-all: bench-trace, bench-sssp and mfr are needed: give --build "
                 "(configured with -Dbench=true) or each program")
    if not bench_igraph:
        log("bench-sssp-igraph not built (igraph not found; Debian: libigraph-dev): skipped")
    default_json = os.path.join(SRC, "lib", "data", "default-model.json")
    py = sys.executable
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    label = "%dk" % (args.sites // 1000) if args.sites % 1000 == 0 else str(args.sites)
    common = ["--samples", str(args.samples), "--min-time", str(args.min_time)]
    t_start = time.time()

    with tempfile.TemporaryDirectory(prefix="mfr-bench-all-") as tmp:
        model = os.path.join(tmp, "gen-%s.json" % label)
        intake = os.path.join(tmp, "gen-%s-intake.json" % label)
        run([py, os.path.join(HERE, "gen-model.py"), "--sites", str(args.sites), "--seed",
             "1", "-o", model, "--intake", intake], env=env)
        edges = {"default": os.path.join(tmp, "default-edges.txt"),
                 label: os.path.join(tmp, "%s-edges.txt" % label)}
        trace, side, plan_rows = {}, {}, []

        for r in range(args.rounds):
            log("round %d of %d" % (r + 1, args.rounds))
            parse_trace(run([bench_trace] + common + ["--gen", label, model, intake]), trace)
            parse_results(run([bench_sssp] + common + ["--label", "default", "--dump",
                                                       edges["default"]]), side)
            parse_results(run([bench_sssp] + common + ["--label", label, "--model", model,
                                                       "--intake", intake, "--dump",
                                                       edges[label]]), side)
            if bench_igraph:
                for lb in ("default", label):
                    parse_results(run([bench_igraph] + common + ["--label", lb, edges[lb]]),
                                  side)
            if bench_plan:
                plan_rows.append(run([bench_plan] + common))

        ref = {}
        if not args.skip_python:
            out = run([py, os.path.join(HERE, "bench_reference.py"), "--model", default_json,
                       "--gen", label, model, intake, "--samples", str(args.python_samples),
                       "--min-time", str(args.min_time)], env=env)
            for line in out.splitlines():
                m = re.match(r"^(\S+)\s+\d+\s+\d+\s+(load|top-20|full)\s+([\d.]+)\s+([\d.]+)",
                             line)
                if m:
                    ref[(m.group(1), m.group(2))] = (float(m.group(3)), float(m.group(4)))
            for lb in ("default", label):
                parse_results(run([py, os.path.join(HERE, "sssp_networkx.py"), "--label", lb,
                                   "--samples", str(args.python_samples), "--min-time",
                                   str(args.min_time), edges[lb]], env=env), side)

        batch = run([py, os.path.join(HERE, "bench-batch.py"), "--mfr", mfr, "--model",
                     default_json, "--gen", os.path.join(HERE, "gen-intakes.py"), "--kinds",
                     "plan", "--rounds", str(max(args.rounds, 3))], env=env)
        m = re.search(r"^plan\s+\S+\s+([\d.]+)\s+([\d.]+)", batch, re.M)
        batch_cpu = float(m.group(1)) if m else None
        rss_big = peak_rss_kib([mfr, "model", "validate", model])
        rss_default = peak_rss_kib([mfr, "model"])
        model_mb = os.path.getsize(model) / 1e6

    # ---- the tables ----
    def T(model_label, op):
        return summary(trace.get((model_label, op), []))

    def S(model_label, impl):
        return summary(side.get((model_label, impl), []))

    load_avg = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else []
    print("libmfr benchmarks (bench/bench-all.py): %d rounds of the C programs, %d samples "
          "of >= %.2f s each; median of the rounds' medians / least sample; %.0f s in all; "
          "load average at the end %s; %d cores"
          % (args.rounds, args.samples, args.min_time, time.time() - t_start,
             " ".join(load_avg), os.cpu_count() or 0))
    print()
    print("## Trace (bench-trace)\n")
    print("| model | operation | median | min | results |")
    print("|---|---|---:|---:|---:|")
    for lb in ("default", label):
        for op in ("load", "top-20 1st", "full 1st", "top-20", "top-80", "full", "plan"):
            s = T(lb, op)
            if s:
                print("| %s | %s | %s | %s | %s |" % (lb, op, fmt(s[0]),
                                                      "" if "1st" in op else fmt(s[1]), s[3]))
    if plan_rows:
        print("\n## Plan and batch line (bench-plan, last round)\n")
        print("```")
        print(plan_rows[-1].rstrip())
        print("```")

    print("\n## Side by side: single-source shortest paths from the intake's 3 symptom "
          "sites (bench-sssp, bench-sssp-igraph, sssp_networkx.py)\n")
    print("| model | implementation | median | min | settled (sum over sources) or results "
          "| check | ÷ plain |")
    print("|---|---|---:|---:|---:|---:|---:|")
    impls = ("plain", "plain-cut", "plain-20", "igraph", "igraph-cut", "networkx",
             "networkx-cut", "mfr-live", "mfr-lists", "mfr-top20")
    for lb in ("default", label):
        base = S(lb, "plain")
        for impl in impls:
            s = S(lb, impl)
            if not s:
                print("| %s | %s | skipped | | | | |" % (lb, impl))
                continue
            settled, check = s[3].split()
            print("| %s | %s | %s | %s | %s | %s | %s |"
                  % (lb, impl, fmt(s[0]), fmt(s[1]), settled, check,
                     ratio(s[0], base[0]) if base else "–"))

    print("\n## Targets (issue 11)\n")
    print("| target | median | min | ÷ tight loop | Python reference ÷ libmfr | met? |")
    print("|---|---:|---:|---|---|---|")

    def target(name, s, limit_us, tight, tight_name, py_ref, py_name):
        if not s:
            print("| %s | – | – | | | not measured |" % name)
            return
        t = ("%s (%s %s)" % (ratio(s[0], tight[0]), tight_name, fmt(tight[0]))
             if tight else "–")
        p = ("%s (%s %s)" % (ratio(py_ref[0], s[0]), py_name, fmt(py_ref[0]))
             if py_ref else "–")
        met = "met" if s[0] <= limit_us else "missed, %s" % ratio(s[0], limit_us)
        print("| %s | %s | %s | %s | %s | %s |" % (name, fmt(s[0]), fmt(s[1]), t, p, met))

    target("trace + plan, typical intake, default model ≤ 5 µs", T("default", "plan"), 5,
           S("default", "plain-20"), "plain-20", ref.get(("default", "top-20")),
           "top-20 trace only:")
    target("top-20 trace, %s model ≤ 50 µs" % label, T(label, "top-20"), 50,
           S(label, "plain-20"), "plain-20", ref.get((label, "top-20")), "top-20")
    target("full trace, every reachable site, %s ≤ 100 ms" % label, T(label, "full"), 1e5,
           S(label, "plain-cut"), "plain-cut", ref.get((label, "full")), "full")
    target("loading the %s model ≤ 0.5 s" % label, T(label, "load"), 5e5, None, "",
           ref.get((label, "load")), "load")
    target("default model ready ≤ 1 ms", T("default", "load"), 1e3, None, "",
           ref.get(("default", "load")), "load (JSON)")
    if batch_cpu:
        met = "met" if batch_cpu >= 1e5 else "missed, %.1f×" % (1e5 / batch_cpu)
        print("| `mfr batch plan` ≥ 100,000 plans/s per core | %s plans/s (CPU) | | – | – "
              "| %s |" % ("{:,.0f}".format(batch_cpu), met))
    met = "met" if rss_big <= 100 * 1024 else "missed, %.1f×" % (rss_big / (100 * 1024))
    print("| loading the %s model ≤ 100 MB | %s MB peak RSS (`mfr model validate`, "
          "%.0f MB file; `mfr model` %s MB) | | – | – | %s |"
          % (label, "{:,.1f}".format(rss_big / 1024), model_mb,
             "{:,.1f}".format(rss_default / 1024), met))
    print("\n## mfr batch plan (bench-batch.py)\n")
    print("```")
    print(batch.rstrip())
    print("```")
    return 0


if __name__ == "__main__":
    sys.exit(main())
