#!/usr/bin/env python3
# libmfr - a plain-Python reference of the trace algorithm.
# SPDX-License-Identifier: MIT
"""The libmfr trace, written as a researcher would: dicts and heapq.

This is the algorithm of lib/graph.c and lib/trace.c (doc/algorithm.md),
reimplemented from the model file alone, so that
- bench/bench_reference.py can measure what the C library saves over it, and
- bench/check_reference.py can check that the library ranks exactly as the
  documented algorithm does.

It ranks treatment sites and scores them; it does not build explanations,
distance classes or JSON.  Scores are products of the same doubles in the
same order as in the C library, so they agree to the last bit and ties break
the same way.

    python3 bench/reference_trace.py lib/data/default-model.json \\
        --symptom heel:left:6 --condition plantar_fasciitis
"""
import argparse
import heapq
import json
import sys

LINE, REFERRAL, HIERARCHY, ADJACENCY = 1, 2, 4, 8
RELATIONS = {"line": LINE, "referral": REFERRAL, "hierarchy": HIERARCHY,
             "adjacency": ADJACENCY}
EVIDENCE = {"not_assessed": 0, "none": 1, "limited": 2, "moderate": 3, "strong": 4}
NO_REF = 2**32 - 1
ZONE = {"essential": 1, "spillover": 2}

MIN_SCORE = 0.01
PRIOR_CONDITION_REGION = 1.5
PRIOR_CONDITION_LINE = 0.25
LINE_CHANGE = 0.8
LINE_LEAVE = 0.8
LINE_FROM_SOURCE = 0.7
WITHIN_SYMPTOM = 0.95
SEGMENT = 0.8
SEGMENT_MAX_PARTS = 1024
PRIOR_NEAR_STEPS = 4


HIERARCHY_DOWN, HIERARCHY_UP, ADJACENT = 0.8, 0.5, 0.6
REFERRAL_FACTOR = {1: 0.95, 2: 0.75}  # essential, spillover
FREQUENCY_FACTOR = {"common": 1.0, "occasional": 0.8, "rare": 0.5}
CONVENTION, MAY_CROSS, BILATERAL_ZONE = 0.85, 0.8, 0.8
LINE_FACTOR = {4: 0.95, 3: 0.85, 2: 0.75, 0: 0.7, 1: 0.6}  # by evidence grade


class Model:
    """The model file, plus the site graph a trace walks.

    A site is (region index, side) packed as index * 2 + (1 if right): the
    same ids as the C library, so that ties break the same way.
    """

    def __init__(self, doc):
        self.regions = doc["regions"]
        self.index = {r["key"]: i for i, r in enumerate(self.regions)}
        self.midline = [r["laterality"] == "midline" for r in self.regions]
        self.treatment = [r["kind"] in ("muscle", "connective") and r.get("treatable", True)
                          for r in self.regions]
        self.parent = [self.index.get(r.get("parent")) for r in self.regions]
        self.lines = doc["lines"]
        self.line_index = {l["key"]: i for i, l in enumerate(self.lines)}
        self.line_evidence = [EVIDENCE[l["evidence"]] for l in self.lines]
        self.conditions = {c["key"]: c for c in doc["conditions"]}
        self._segments()
        self.edges = {}  # site -> {(to, relation, ref, zone): factor}
        self._build(doc)
        # Each row in the C order: by target, relation, reference, zone.
        self.rows = {s: [(k[0], k[1], k[2], f) for k, f in sorted(row.items())]
                     for s, row in self.edges.items()}

    @classmethod
    def load(cls, path):
        with open(path, encoding="utf-8") as f:
            return cls(json.load(f))

    def site(self, region, side):
        return region * 2 + (1 if side == "right" and not self.midline[region] else 0)

    def site_name(self, site):
        r = site // 2
        side = "midline" if self.midline[r] else ("right" if site & 1 else "left")
        return self.regions[r]["key"], side

    def root(self, r):
        while self.parent[r] is not None:
            r = self.parent[r]
        return r

    def within(self, r, ancestor):
        while r is not None:
            if r == ancestor:
                return True
            r = self.parent[r]
        return False

    def same_tissue(self, a, b):
        """Sites a and b are one tissue: the same side (or either midline)
        and one region within the other (a group and its member)."""
        ra, rb = a // 2, b // 2
        if not (self.midline[ra] or self.midline[rb]) and (a & 1) != (b & 1):
            return False
        return self.within(ra, rb) or self.within(rb, ra)

    def _segments(self):
        """Body segments (lib/segment.c): each region's deepest enclosing
        part; segments border where their chart regions (areas, parts) do;
        distance = borders crossed, by breadth-first search."""
        parts = [i for i, r in enumerate(self.regions) if r["kind"] == "part"]
        part_no = {r: k for k, r in enumerate(parts)}
        self.segment = []
        for i in range(len(self.regions)):
            r = i
            while r is not None and r not in part_no:
                r = self.parent[r]
            self.segment.append(None if r is None else part_no[r])
        self.segment_distance = None
        n = len(parts)
        if n == 0 or n > SEGMENT_MAX_PARTS:
            return
        chart = {"area", "part"}
        near = [set() for _ in range(n)]
        for i, r in enumerate(self.regions):
            if r["kind"] not in chart:
                continue
            for k in r.get("adjacent", []):
                j = self.index[k]
                x, y = self.segment[i], self.segment[j]
                if self.regions[j]["kind"] in chart and None not in (x, y) and x != y:
                    near[x].add(y)
                    near[y].add(x)
        self.segment_distance = []
        for start in range(n):
            d = {start: 0}
            queue = [start]
            for x in queue:
                for y in sorted(near[x]):
                    if y not in d:
                        d[y] = min(d[x] + 1, 254)
                        queue.append(y)
            self.segment_distance.append(d)
        # SEGMENT^(d - 1) past the first border, multiplied in the C order.
        self.distance_factor = [1.0, 1.0]
        for _ in range(2, 255):
            self.distance_factor.append(self.distance_factor[-1] * SEGMENT)

    def line_step(self, a, b, factor):
        """A line step's factor between regions a and b (lib/graph.c)."""
        if self.segment_distance is None:
            return factor
        x, y = self.segment[a], self.segment[b]
        if x is None or y is None or y not in self.segment_distance[x]:
            return factor
        return factor * self.distance_factor[self.segment_distance[x][y]]

    def within_segment(self, a, b):
        """Whether regions a and b lie in one body segment (a line step
        between them stays local)."""
        if self.segment_distance is None:
            return False
        x = self.segment[a]
        return x is not None and x == self.segment[b]

    def _add(self, a, b, relation, factor, ref=NO_REF, zone=0):
        """One directed edge; of repeats for the same reason, keep the strongest."""
        key = (b, relation, ref, zone)
        row = self.edges.setdefault(a, {})
        if factor > row.get(key, -1.0):
            row[key] = factor

    def _same_side(self, a, b, ab_factor, ba_factor, relation):
        """Both ways between region a and region b on each side (a midline
        region meets both sides of a bilateral one)."""
        for side in ("left", "right"):
            if side == "right" and self.midline[a] and self.midline[b]:
                break
            sa, sb = self.site(a, side), self.site(b, side)
            self._add(sa, sb, relation, ab_factor)
            self._add(sb, sa, relation, ba_factor)

    def _build(self, doc):
        idx = self.index
        for i, r in enumerate(self.regions):
            if "parent" in r:
                self._same_side(i, idx[r["parent"]], HIERARCHY_UP, HIERARCHY_DOWN, HIERARCHY)
        adjacent = set()
        for i, r in enumerate(self.regions):
            for k in r.get("adjacent", []):
                adjacent.add((min(i, idx[k]), max(i, idx[k])))
        for a, b in sorted(adjacent):
            self._same_side(a, b, ADJACENT, ADJACENT, ADJACENCY)
        for li, line in enumerate(self.lines):
            f = LINE_FACTOR[EVIDENCE[line["evidence"]]]
            if line.get("convention"):
                f *= CONVENTION
            for start in ("left", "right"):
                for branch in line["branches"]:
                    self._line_copy(li, branch["nodes"], start, f)
        for ri, ref in enumerate(doc["referrals"]):
            muscle = idx[ref["muscle"]]
            for zone in ref["zones"]:
                area = idx[zone["area"]]
                kind = ZONE[zone["zone"]]
                f = REFERRAL_FACTOR[kind]
                if zone.get("frequency", "common") != "common":
                    f *= FREQUENCY_FACTOR[zone["frequency"]]
                if ref.get("convention"):
                    f *= CONVENTION
                # The zone's area and every chart area within it.
                for src in self._areas_within(area):
                    for side in ("left", "right"):
                        if side == "right" and self.midline[src] and self.midline[muscle]:
                            break
                        a, m = self.site(src, side), self.site(muscle, side)
                        self._add(a, m, REFERRAL, f, ri, kind)
                        if zone.get("bilateral") and not self.midline[src] \
                                and not self.midline[muscle]:
                            other = "left" if side == "right" else "right"
                            self._add(a, self.site(muscle, other), REFERRAL,
                                      f * BILATERAL_ZONE, ri, kind)

    def _areas_within(self, area):
        """area, then every region of kind "area" below it (depth first)."""
        out = [area]
        for c, r in enumerate(self.regions):
            if self.parent[c] == area and r["kind"] == "area":
                out.extend(self._areas_within(c))
        return out

    def _line_copy(self, li, nodes, start, f):
        """One branch of the copy of line li that starts on side `start`."""
        other = {"left": "right", "right": "left"}

        def side_of(node):
            return {"ipsi": start, "contra": other[start], "mid": "midline"}[node["side"]]

        def join(a, sa, b, sb, factor):
            for x in a["regions"]:
                for y in b["regions"]:
                    rx, ry = self.index[x], self.index[y]
                    u, v = self.site(rx, sa), self.site(ry, sb)
                    if not self.same_tissue(u, v):  # a line moves between tissues
                        g = self.line_step(rx, ry, factor)
                        self._add(u, v, LINE, g, li)
                        self._add(v, u, LINE, g, li)

        for i, n in enumerate(nodes):
            s = side_of(n)
            join(n, s, n, s, f)  # structures sharing one node: one line step
            if i + 1 == len(nodes):
                continue
            t = side_of(nodes[i + 1])
            join(n, s, nodes[i + 1], t, f)
            if n.get("may_cross") and t != "midline":
                join(n, s, nodes[i + 1], other[t], f * MAY_CROSS)
            if s != "midline" and t == "midline":
                # Pass through the midline nodes to the next lateral one,
                # worth one line step per node spanned.
                j, factor = i + 1, f
                while j < len(nodes) and nodes[j]["side"] == "mid":
                    factor *= f
                    j += 1
                if j < len(nodes):
                    join(n, s, nodes[j], side_of(nodes[j]), factor)


def search(model, source, weight, max_steps, factor_of):
    """Best-first search from one symptom site: the treatment sites it
    settles, in order, as (site, best path score, changes of line along
    that path)."""
    best, hops, settled = {source: weight}, {source: 0}, set()
    # The path's state (lib/trace.c): only gone down into the symptom's
    # site; only on midline sites; took a line or a referral step; took a
    # line step; took one out of a body segment; took a referral step.
    inside, midline, far = {source: True}, {source: model.midline[source // 2]}, {source: False}
    lined, left, referred = {source: False}, {source: False}, {source: False}
    pred, via = {}, {}  # site -> the site before it, the (relation, ref) to it
    heap = [(-weight, source)]
    found = []

    def line_changes(site):
        changes, line = 0, None
        while site in pred:
            relation, ref = via[site]
            if relation == LINE:
                if line is not None and ref != line:
                    changes += 1
                line = ref
            site = pred[site]
        return changes

    while heap:
        neg, site = heapq.heappop(heap)
        score = -neg
        if site in settled or score < best[site]:
            continue  # a stale entry
        if score < MIN_SCORE:
            break
        settled.add(site)
        if model.treatment[site // 2]:
            found.append((site, score, line_changes(site), hops[site]))
        if hops[site] >= max_steps:
            continue
        from_midline = model.midline[site // 2]
        arrived = via.get(site)
        on_line = arrived[1] if arrived and arrived[0] == LINE else None
        for to, relation, ref, factor in model.rows.get(site, ()):
            # Out of a midline site to a lateral one only on an all-midline path.
            if from_midline and not model.midline[to // 2] and not midline[site]:
                continue
            # No referral or proximity step once a line or referral was taken.
            if far[site] and relation in (REFERRAL, ADJACENCY):
                continue
            f = factor_of(relation, ref, factor)
            down = relation == HIERARCHY and model.parent[to // 2] == site // 2
            if f > 0 and inside[site] and down:
                f = WITHIN_SYMPTOM
            if relation == LINE:
                if on_line is not None and ref != on_line:
                    f *= LINE_CHANGE  # changing lines costs
                local = model.within_segment(site // 2, to // 2)
                if not left[site] and not local:
                    f *= LINE_LEAVE  # leaving the body segment along a line costs
                if not lined[site] and referred[site]:
                    f *= LINE_FROM_SOURCE  # so does leaving a referral's source
            s = score * f
            if s < MIN_SCORE or to in settled or s <= best.get(to, 0.0):
                continue
            best[to] = s
            hops[to] = hops[site] + 1
            pred[to], via[to] = site, (relation, ref)
            inside[to] = inside[site] and down
            midline[to] = midline[site] and model.midline[to // 2]
            far[to] = far[site] or relation in (LINE, REFERRAL)
            lined[to] = lined[site] or relation == LINE
            left[to] = left[site] or (relation == LINE and
                                      not model.within_segment(site // 2, to // 2))
            referred[to] = referred[site] or relation == REFERRAL
            heapq.heappush(heap, (-s, to))
    return found


def trace(model, symptoms, conditions=(), max_results=20, max_steps=6,
          min_evidence="not_assessed", relations=("line", "referral", "hierarchy", "adjacency"),
          lines=()):
    """Rank treatment sites for symptoms [(region key, side, intensity)].

    Returns [(region key, side, score)], best first, at most max_results.
    """
    mask = sum(RELATIONS[r] for r in set(relations))
    min_grade = EVIDENCE[min_evidence]
    allowed = {model.line_index[k] for k in lines} or None
    conds = [model.conditions[c] for c in conditions]
    if conds:  # every condition limits the relations: only those one allows
        mask &= sum(RELATIONS[r] for r in {r for c in conds
                                           for r in c.get("relations", RELATIONS)})
    prior_lines = {model.line_index[k] for c in conds for k in c.get("lines", [])}
    prior_regions = {model.index[k] for c in conds for k in c.get("regions", [])}

    def factor_of(relation, ref, factor):
        if not relation & mask:
            return 0.0
        if relation != LINE:
            return factor
        if model.line_evidence[ref] < min_grade or (allowed and ref not in allowed):
            return 0.0
        if ref in prior_lines:
            return factor + (1.0 - factor) * PRIOR_CONDITION_LINE
        return factor

    findings = {}  # site -> [(score, symptom, line changes)]
    sources = []
    for k, (region, side, intensity) in enumerate(symptoms):
        r = model.index[region]
        source = model.site(r, "midline" if model.midline[r] else side)
        sources.append(source)
        weight = (intensity + 1) / 11.0
        for site, score, changes, steps in search(model, source, weight, max_steps,
                                                  factor_of):
            findings.setdefault(site, []).append((score, k, changes, steps))

    def near(site, found):
        """On a reaching symptom's side (or midline) in its body part, or
        reached from it in a few steps without changing lines, on its side
        or in its body part."""
        for _, k, changes, steps in found:
            s = sources[k]
            same_side = (model.midline[s // 2] or model.midline[site // 2]
                         or (s & 1) == (site & 1))
            same_part = model.root(s // 2) == model.root(site // 2)
            if same_side and same_part:
                return True
            if (changes == 0 and steps <= PRIOR_NEAR_STEPS
                    and (same_side or same_part)):
                return True
        return False

    def listed(r):
        """A condition lists the region or one it lies within (a group
        stands for its members)."""
        while r is not None:
            if r in prior_regions:
                return True
            r = model.parent[r]
        return False

    results = []
    for site, found in findings.items():
        keep = 1.0
        for score, _, _, _ in sorted(found, key=lambda x: (-x[0], x[1])):
            keep *= 1.0 - score  # noisy-OR over the symptoms
        score = 1.0 - keep
        if listed(site // 2) and near(site, found):
            score *= PRIOR_CONDITION_REGION
        results.append((score, site))
    results.sort(key=lambda x: (-x[0], x[1]))
    kept = []  # one tissue, one site: never a group and its member both
    for score, site in results:
        if len(kept) == max_results:
            break
        if not any(model.same_tissue(site, other) for _, other in kept):
            kept.append((score, site))
    return [model.site_name(site) + (score,) for score, site in kept]


def parse_symptom(model, text):
    """REGION[:SIDE[:INTENSITY]] as the mfr CLI takes it; SIDE may be both."""
    parts = text.split(":")
    region = parts[0]
    side = parts[1] if len(parts) > 1 and parts[1] else "midline"
    intensity = int(parts[2]) if len(parts) > 2 else 5
    sides = ["left", "right"] if side == "both" else [side]
    return [(region, s, intensity) for s in sides]


def main(argv=None):
    ap = argparse.ArgumentParser(description="Rank treatment sites (reference trace).")
    ap.add_argument("model", help="a model file (e.g. lib/data/default-model.json)")
    ap.add_argument("--symptom", action="append", default=[], help="REGION[:SIDE[:INTENSITY]]")
    ap.add_argument("--intake", help="an intake JSON file (its symptoms and conditions)")
    ap.add_argument("--condition", action="append", default=[])
    ap.add_argument("--max-results", type=int, default=20)
    ap.add_argument("--max-steps", type=int, default=6)
    args = ap.parse_args(argv)
    model = Model.load(args.model)
    symptoms = [s for text in args.symptom for s in parse_symptom(model, text)]
    conditions = list(args.condition)
    if args.intake:
        symptoms_, conditions_ = read_intake(args.intake)
        symptoms += symptoms_
        conditions += conditions_
    for rank, (region, side, score) in enumerate(
            trace(model, symptoms, conditions, args.max_results, args.max_steps), 1):
        print("%4d. %-8s %-32s %.6f" % (rank, side, region, score))
    return 0


def read_intake(path):
    """The symptoms and conditions of an intake file (doc/intake-format.md)."""
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    symptoms = []
    for s in doc.get("symptoms", []):
        side = s.get("side", "midline")
        for one in (["left", "right"] if side == "both" else [side]):
            symptoms.append((s["region"], one, s.get("intensity", 5)))
    return symptoms, doc.get("conditions", [])


if __name__ == "__main__":
    sys.exit(main())
