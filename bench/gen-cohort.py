#!/usr/bin/env python3
# libmfr - write a synthetic cohort of intakes, one per line, for `mfr batch`.
# SPDX-License-Identifier: MIT
"""Generate a synthetic cohort: JSON-lines intakes that look like a clinic's.

Unlike bench/gen-intakes.py (uniform over every key, to exercise the code),
this draws each intake from stated distributions, so that a cohort's plans
can be summarised (doc/cohort.md). Seeded and deterministic: the same model,
configuration, --count and --seed give the same bytes. Standard library
only (Debian's python3).

Where the distributions come from
---------------------------------
From the model (lib/data/default-model.json, itself sourced: doc/sources.md):
- a symptom of an intake with a condition lies in an area its condition
  lists (the condition's "areas": a body-chart area, or a body part standing
  for every body-chart area under it, e.g. "lower_back" for "low_back");
- the screening questions an intake is asked include those its conditions
  call for (the condition's "screening"), and "unexplained_pain" when it has
  no condition (a plan asks for it then);
- what an answer records (its precautions, whether it asks for a site) is
  the model's own.
From shared/clinical/reference.md section 8: sessions last 30 to 90 minutes
in the MFR trials (Laimi 2018) and about 60 in a Barnes-approach clinic, so
session_minutes takes 30, 60 or 90.
Everything else -- every weight and probability in CONFIG below -- is an
assumption, ILLUSTRATIVE, NOT EPIDEMIOLOGICAL: chosen so that a cohort holds
every plan status in plausible proportions, not measured in any population.
Replace them with a JSON file of the same shape (--config FILE; print the
defaults with --print-config); a key the file leaves out keeps its default.

    python3 bench/gen-cohort.py --count 5000 --seed 1 -o cohort.jsonl
    mfr --format csv batch plan < cohort.jsonl > cohort.csv
"""
import argparse
import copy
import json
import os
import random
import sys

# ---------------------------------------------------------------------------
# The one table of assumptions. ILLUSTRATIVE, NOT EPIDEMIOLOGICAL.
# Weights are relative (normalised when drawn); "p_" values are probabilities.
CONFIG = {
    # Share of intakes with one recorded condition, two, or none.
    "condition_count": {"0": 25, "1": 60, "2": 15},
    # Which condition (model keys), when an intake has one.
    "conditions": {
        "low_back_pain": 22,
        "chronic_neck_pain": 16,
        "tension_type_headache": 9,
        "myofascial_pain_syndrome": 8,
        "limited_range_of_motion": 8,
        "plantar_fasciitis": 6,
        "repetitive_strain": 6,
        "postural_imbalance": 5,
        "fibromyalgia": 4,
        "migraine": 3,
        "tmj_disorder": 3,
        "nerve_impingement": 3,
        "post_surgery_recovery": 2,
        "scar_adhesions": 2,
        "pelvic_pain": 2,
        "chronic_fatigue": 1,
    },
    # Symptom sites per intake.
    "symptom_count": {"1": 50, "2": 35, "3": 15},
    # Body areas of a symptom when its intake has no condition: a model body
    # part (or body-chart area) with a weight; an area under the part is then
    # drawn uniformly.
    "areas_without_condition": {
        "lower_back": 25, "neck": 20, "shoulder": 15, "upper_back": 8,
        "head": 6, "hip_buttock": 5, "knee": 5, "wrist_hand": 4, "elbow": 3,
        "foot": 4, "thigh": 2, "lower_leg": 2, "pelvis": 1,
    },
    # Side of a symptom on a bilateral area ("both": each side).
    "sides": {"left": 40, "right": 40, "both": 20},
    # Symptom intensity, 0-10 (a numeric rating scale).
    "intensity": {"0": 0, "1": 1, "2": 3, "3": 7, "4": 11, "5": 15, "6": 17,
                  "7": 17, "8": 14, "9": 9, "10": 6},
    # Onset of a symptom.
    "onsets": {"chronic": 55, "acute": 25, "unspecified": 20},
    # Screening: the share of intakes asked every question of the model; the
    # others are asked those their conditions call for (from the model), each
    # answered with p_called_for_answered.
    "p_full_screening": 0.4,
    "p_called_for_answered": 0.85,
    # Answers: for each question, the weight of each answer key; a question
    # left out here is answered "no" with p_no_default, else uniformly
    # among its other answers.
    "p_no_default": 0.96,
    "answers": {
        "fever_infection": {"no": 98, "yes": 2},
        "deep_vein_thrombosis": {"no": 995, "yes": 5},
        "cancer": {"no": 98, "yes": 2},
        "aneurysm": {"no": 998, "yes": 2},
        "rheumatoid_flare": {"no": 99, "yes": 1},
        "pregnancy": {"no": 94, "first_trimester": 1.5, "second_trimester": 1.5,
                      "third_trimester": 1.5, "trimester_unknown": 0.5,
                      "high_risk": 1},
        "recent_surgery": {"no": 94, "yes": 6},
        "healing_fracture": {"no": 97, "yes": 3},
        "acute_injury": {"no": 90, "yes": 10},
        "skin": {"no": 95, "wound_or_irritation": 3, "local_infection": 2},
        "bruising": {"no": 96, "yes": 4},
        "swelling": {"no": 97, "yes": 3},
        "blood_thinners": {"no": 94, "yes": 6},
        "osteoporosis": {"no": 95, "yes": 5},
        "connective_tissue": {"no": 98, "yes": 2},
        "diabetes": {"no": 92, "yes": 8},
        "blood_pressure_stroke": {"no": 88, "yes": 12},
        "unexplained_pain": {"no": 95, "yes": 5},
    },
    # A recorded precaution is cleared by a clinician with this probability.
    "p_clearance": 0.5,
    # Session length in minutes (the values: reference.md section 8).
    "session_minutes": {"30": 20, "60": 60, "90": 20},
}
# ---------------------------------------------------------------------------


def merged(base, override):
    out = copy.deepcopy(base)
    for k, v in override.items():
        if k not in out:
            raise SystemExit('gen-cohort: unknown configuration key %r' % k)
        out[k] = v
    return out


def draw(rng, weights):
    """A key of WEIGHTS (a dict), drawn by weight; deterministic order."""
    keys = list(weights)
    return rng.choices(keys, weights=[float(weights[k]) for k in keys])[0]


class Model:
    def __init__(self, doc):
        self.regions = {r["key"]: r for r in doc["regions"]}
        self.areas = [r["key"] for r in doc["regions"] if r["kind"] == "area"]
        self.conditions = {c["key"]: c for c in doc["conditions"]}
        self.questions = {q["key"]: q for q in doc["screening"]}

    def ancestors(self, key):
        seen = []
        while key and key not in seen:
            seen.append(key)
            key = self.regions[key].get("parent")
        return seen

    def areas_under(self, key):
        """Body-chart areas that are KEY or lie under it, in model order."""
        return [a for a in self.areas if key in self.ancestors(a)]

    def side(self, rng, area, cfg, allow_both=True):
        if self.regions[area]["laterality"] == "midline":
            return None
        sides = cfg["sides"] if allow_both else \
            {k: v for k, v in cfg["sides"].items() if k != "both"}
        return draw(rng, sides)


def check_config(model, cfg):
    for key in cfg["conditions"]:
        if key not in model.conditions:
            raise SystemExit('gen-cohort: unknown condition %r' % key)
    for key in cfg["areas_without_condition"]:
        if key not in model.regions or not model.areas_under(key):
            raise SystemExit('gen-cohort: %r holds no body-chart area' % key)
    for q, answers in cfg["answers"].items():
        if q not in model.questions:
            raise SystemExit('gen-cohort: unknown screening question %r' % q)
        known = {a["key"] for a in model.questions[q]["answers"]}
        for a in answers:
            if a not in known:
                raise SystemExit('gen-cohort: question %r has no answer %r' % (q, a))


def intake(rng, model, cfg, ident):
    doc = {"id": ident}
    conditions = []
    for _ in range(int(draw(rng, cfg["condition_count"]))):
        pool = {k: w for k, w in cfg["conditions"].items() if k not in conditions}
        if pool:
            conditions.append(draw(rng, pool))

    # Symptoms: each from a condition's areas (the model's), else from the
    # illustrative table; never the same area twice.
    symptoms, used = [], set()
    for _ in range(int(draw(rng, cfg["symptom_count"]))):
        if conditions:
            cond = model.conditions[rng.choice(conditions)]
            pool = [a for part in cond["areas"] for a in model.areas_under(part)]
        else:
            pool = model.areas_under(draw(rng, cfg["areas_without_condition"]))
        pool = [a for a in dict.fromkeys(pool) if a not in used]
        if not pool:
            continue
        area = rng.choice(pool)
        used.add(area)
        s = {"region": area}
        side = model.side(rng, area, cfg)
        if side:
            s["side"] = side
        s["intensity"] = int(draw(rng, cfg["intensity"]))
        s["onset"] = draw(rng, cfg["onsets"])
        symptoms.append(s)
    doc["symptoms"] = symptoms
    if conditions:
        doc["conditions"] = conditions

    # Screening questions asked, in the model's order.
    if rng.random() < cfg["p_full_screening"]:
        asked = list(model.questions)
    else:
        called = set()
        for c in conditions:
            called.update(model.conditions[c].get("screening", []))
        if not conditions:
            called.add("unexplained_pain")
        asked = [q for q in model.questions
                 if q in called and rng.random() < cfg["p_called_for_answered"]]
    answers, recorded = [], []
    for q in asked:
        question = model.questions[q]
        weights = cfg["answers"].get(q)
        if weights is None:
            others = [a["key"] for a in question["answers"] if a["key"] != "no"]
            weights = {"no": cfg["p_no_default"]}
            weights.update({a: (1 - cfg["p_no_default"]) / len(others) for a in others})
        key = draw(rng, weights)
        answer = {"question": q, "answer": key}
        spec = next(a for a in question["answers"] if a["key"] == key)
        if spec.get("site"):
            # Assumption: the site asked for is one of the intake's symptom
            # sites (a one-sided one for "both").
            s = rng.choice(symptoms)
            answer["region"] = s["region"]
            if "side" in s:
                answer["side"] = s["side"] if s["side"] != "both" else \
                    rng.choice(["left", "right"])
        answers.append(answer)
        for p in spec.get("precautions", []):
            if p not in recorded:
                recorded.append(p)
    if answers:
        doc["answers"] = answers
    cleared = [p for p in recorded if rng.random() < cfg["p_clearance"]]
    if cleared:
        doc["clearances"] = cleared
    doc["session_minutes"] = int(draw(rng, cfg["session_minutes"]))
    return doc


def generate(model_doc, cfg, count, seed):
    model = Model(model_doc)
    check_config(model, cfg)
    rng = random.Random(seed)
    out = []
    for i in range(count):
        doc = intake(rng, model, cfg, "coh-%06d" % (i + 1))
        out.append(json.dumps(doc, separators=(",", ":"), ensure_ascii=False))
    return "".join(line + "\n" for line in out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default=os.path.join(here, "..", "lib", "data",
                                                    "default-model.json"),
                    help="the model file whose keys to use (default: the built-in model's)")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--config", help="a JSON file replacing keys of the assumptions table")
    ap.add_argument("--print-config", action="store_true",
                    help="print the assumptions table in effect, as JSON, and exit")
    ap.add_argument("-o", "--output", help="output file (default: standard output)")
    args = ap.parse_args()

    cfg = CONFIG
    if args.config:
        with open(args.config, encoding="utf-8") as f:
            cfg = merged(CONFIG, json.load(f))
    if args.print_config:
        json.dump(cfg, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    with open(args.model, encoding="utf-8") as f:
        model_doc = json.load(f)
    data = generate(model_doc, cfg, args.count, args.seed).encode("utf-8")
    if args.output:
        with open(args.output, "wb") as f:
            f.write(data)
    else:
        sys.stdout.buffer.write(data)


if __name__ == "__main__":
    main()
