#!/usr/bin/env python3
# libmfr - single-source shortest paths with networkx on libmfr's site graph.
# SPDX-License-Identifier: MIT
"""Time networkx's Dijkstra on the edge list bench-sssp --dump writes.

    python3 bench/sssp_networkx.py [--samples N] [--label L] EDGES.txt

One operation is every source in turn (doc/performance.md, "Side by side"):
- networkx: nx.single_source_dijkstra_path_length() from each source, edge
  lengths -ln(factor), every reachable site;
- networkx-cut: the same with cutoff ln(weight / 0.01), the floor of the
  library's search.
Prints "RESULT LABEL IMPL MEDIAN_US MIN_US SETTLED CHECK" lines, as
bench-sssp does; exits 0 with a message on standard error, printing no
RESULT, when networkx is not installed (Debian: python3-networkx).
"""
import argparse
import math
import statistics
import sys
import time


def measure(fn, samples, min_time, max_op_time):
    reps = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(reps):
            out = fn()
        t = time.perf_counter() - t0
        if t >= min_time:
            break
        reps = reps * 8 if t < min_time / 16 else int(reps * min_time * 1.1 / t) + 1
    n = max(3, min(samples, int(max_op_time / t)))
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        for _ in range(reps):
            out = fn()
        times.append((time.perf_counter() - t0) / reps * 1e6)
    return statistics.median(times), min(times), out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("edges")
    ap.add_argument("--label", default="default")
    ap.add_argument("--samples", type=int, default=15)
    ap.add_argument("--min-time", type=float, default=0.2)
    ap.add_argument("--max-op-time", type=float, default=20.0,
                    help="fewer samples (at least 3) when they would take longer")
    args = ap.parse_args(argv)
    try:
        import networkx as nx
    except ImportError:
        print("sssp_networkx: networkx is not installed (Debian: python3-networkx): skipped",
              file=sys.stderr)
        return 0

    g = nx.DiGraph()
    sources = []
    with open(args.edges, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            w = line.split()
            if w[0] == "sites":
                g.add_nodes_from(range(int(w[1])))
            elif w[0] == "source":
                sources.append((int(w[1]), math.log(float(w[2]) / 0.01)))
            else:
                # Parallel edges (two relations between the same sites):
                # a DiGraph keeps one, the shortest.
                a, b, x = int(w[0]), int(w[1]), -math.log(float(w[2]))
                if not g.has_edge(a, b) or g[a][b]["weight"] > x:
                    g.add_edge(a, b, weight=x)
    print(f"sssp_networkx: {args.label}: networkx {nx.__version__}, {g.number_of_nodes()} "
          f"sites, {g.number_of_edges()} edges, {len(sources)} sources", file=sys.stderr)

    def run(cut):
        settled, check = 0, 0.0
        for s, c in sources:
            d = nx.single_source_dijkstra_path_length(g, s, cutoff=c if cut else None)
            settled += len(d)
            check += sum(math.exp(-x) for x in d.values())
        return settled, check

    for impl, cut in (("networkx", False), ("networkx-cut", True)):
        med, mn, (settled, check) = measure(lambda: run(cut), args.samples, args.min_time,
                                            args.max_op_time)
        print(f"RESULT {args.label} {impl} {med:.3f} {mn:.3f} {settled} {check:.9g}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
