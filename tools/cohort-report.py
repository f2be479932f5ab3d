#!/usr/bin/env python3
# libmfr - one HTML page summarising a cohort's batch plan CSV.
# SPDX-License-Identifier: MIT
"""Write a cohort report: one self-contained HTML page from a batch plan CSV.

    mfr --format csv batch plan < cohort.jsonl > cohort.csv 2> cohort.log
    python3 tools/cohort-report.py cohort.csv --summary cohort.log -o report.html

The CSV is what `mfr --format csv batch plan` (or libmfr.cohort's parts,
joined) writes (doc/batch-format.md). The page holds the cohort's size, the
plans by status (error rows too), the most planned sites (region and side,
treatment steps), the minutes by technique, the minutes by phase and by
region, and the steps per plan, as inline SVG plots (matplotlib) with the
figures beside them. Nothing is fetched: no script, no link, no font.
The batch CSV names no fascial line, so minutes are given by phase and
region, not by line.

--summary reads the batch summary `mfr batch` writes on standard error (the
libmfr version and the model's name, version and hash); --libmfr and
--model give them directly. The same CSV and options give the same bytes.

Needs pandas and matplotlib (Debian: python3-pandas, python3-matplotlib).
libmfr is decision support for licensed therapists; it never diagnoses.
"""
import argparse
import html
import io
import os
import re
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

STATUSES = ["ok", "needs_clearance", "needs_answers", "refer_out", "error"]
STATUS_COLOURS = {"ok": "#2e7d6e", "needs_clearance": "#d08c1f",
                  "needs_answers": "#4f7cac", "refer_out": "#b3261e",
                  "error": "#555555"}
BAR = "#2e7d6e"
TEXT_COLUMNS = ("id", "status", "phase", "region", "side", "technique", "approach",
                "position", "lying_on", "pressure", "danger_zone", "error_status",
                "error_message")
TOP = 20

CSS = """
body{font-family:sans-serif;margin:0;color:#1d1d1d;background:#fff}
header{background:#2e7d6e;color:#fff;padding:18px 32px}
header h1{margin:0 0 6px 0;font-size:26px}
header p{margin:2px 0;font-size:14px}
main{padding:8px 32px 24px 32px}
.figures{display:flex;flex-wrap:wrap;gap:12px;margin:14px 0}
.figure{border:1px solid #ccd;border-radius:6px;padding:8px 16px;min-width:120px}
.figure b{display:block;font-size:24px}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(540px,1fr));gap:8px 28px}
section h2{font-size:18px;margin:16px 0 4px 0;border-bottom:2px solid #2e7d6e}
section p{font-size:13px;margin:4px 0;color:#444}
svg{max-width:100%;height:auto}
footer{font-size:12px;color:#555;padding:8px 32px 24px 32px}
@media print{.grid{grid-template-columns:1fr 1fr}section{break-inside:avoid}}
"""


def read_summary(path):
    """(libmfr version, model text) from a batch summary on standard error."""
    text = open(path, encoding="utf-8", errors="replace").read()
    m = re.search(r'libmfr (\S+), model (".*?" \S+ \(\S+\))', text)
    return (m.group(1), m.group(2)) if m else (None, None)


_figures = [0]


def svg_of(fig):
    """FIG as inline SVG, its ids made unique within the page."""
    _figures[0] += 1
    prefix = "f%d-" % _figures[0]
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None},
                bbox_inches="tight")
    plt.close(fig)
    text = buf.getvalue()
    text = text[text.index("<svg"):]  # drop the XML declaration and doctype
    return text.replace('id="', 'id="' + prefix).replace('href="#', 'href="#' + prefix) \
        .replace("url(#", "url(#" + prefix)


def barh(labels, values, xlabel, colours=None, fmt="{:,.0f}"):
    labels, values = list(labels)[::-1], list(values)[::-1]
    colours = list(colours)[::-1] if colours else BAR
    fig, ax = plt.subplots(figsize=(6.4, 0.3 * len(labels) + 0.9))
    ax.barh(range(len(labels)), values, color=colours)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlabel(xlabel)
    top = max(values) if values else 1
    for i, v in enumerate(values):
        ax.text(v + top * 0.01, i, fmt.format(v), va="center", fontsize=8)
    ax.set_xlim(0, top * 1.15 or 1)
    ax.spines[["top", "right"]].set_visible(False)
    return svg_of(fig)


def report(df, source, libmfr_version, model):
    if "line" in df.columns:
        key = "line"
    else:  # a single plan's CSV: one intake per id
        key = "id"
    errors = df["error_status"].notna() if "error_status" in df.columns else \
        pd.Series(False, index=df.index)
    good = df[~errors]
    plans = df.groupby(key, sort=False).first()
    status = plans["status"].where(plans["status"].notna(), "error")
    counts = status.value_counts()
    steps = good[good["order"].notna()]
    steps_per_plan = steps.groupby(key).size().reindex(
        good[key].unique(), fill_value=0)
    treatment = steps[steps["phase"] == "treatment"]
    sites = (treatment["side"].fillna("") + " " + treatment["region"]).str.strip()
    site_plans = treatment.assign(site=sites).drop_duplicates([key, "site"])["site"] \
        .value_counts().sort_index().sort_values(ascending=False, kind="stable")
    minutes = steps.assign(minutes=steps["seconds"] / 60.0)
    by_technique = minutes.groupby("technique")["minutes"].sum() \
        .sort_index().sort_values(ascending=False, kind="stable")
    by_phase = minutes.groupby("phase")["minutes"].sum().reindex(
        ["assessment", "treatment", "integration"]).dropna()
    by_region = minutes.groupby("region")["minutes"].sum() \
        .sort_index().sort_values(ascending=False, kind="stable")

    n = len(plans)
    ok = int(counts.get("ok", 0))
    total_minutes = float(minutes["minutes"].sum())
    figures = [
        ("intakes", "{:,}".format(n)),
        ("plans ok", "{:.1%}".format(ok / n) if n else "-"),
        ("error rows", "{:,}".format(int(counts.get("error", 0)))),
        ("steps", "{:,}".format(len(steps))),
        ("median steps per plan", "{:g}".format(steps_per_plan.median())
         if len(steps_per_plan) else "-"),
        ("hours planned", "{:,.1f}".format(total_minutes / 60.0)),
    ]

    sections = []

    def section(title, note, svg):
        sections.append("<section><h2>%s</h2><p>%s</p>%s</section>"
                        % (html.escape(title), html.escape(note), svg))

    shown = STATUSES + sorted(s for s in counts.index if s not in STATUSES)
    section("Plan status", "Plans by status; an input line the batch could not "
            "read or plan is an error row.",
            barh(shown, [int(counts.get(s, 0)) for s in shown], "plans",
                 [STATUS_COLOURS.get(s, BAR) for s in shown]))
    section("Most planned sites", "The %d sites (side and region) most often worked "
            "in a treatment step: the plans that work each." % min(TOP, len(site_plans)),
            barh(site_plans.index[:TOP], site_plans.values[:TOP], "plans"))
    section("Minutes by technique", "Minutes planned with each technique, over "
            "every step of every plan.",
            barh(by_technique.index, by_technique.values, "minutes"))
    section("Minutes by phase", "The batch CSV names no fascial line, so the "
            "minutes are given by phase and by region instead.",
            barh(by_phase.index, by_phase.values, "minutes"))
    section("Minutes by region", "The %d regions with the most minutes planned "
            "(both sides together)." % min(TOP, len(by_region)),
            barh(by_region.index[:TOP], by_region.values[:TOP], "minutes"))
    hist = steps_per_plan.value_counts().sort_index()
    fig, ax = plt.subplots(figsize=(6.4, 2.8))
    ax.bar(hist.index, hist.values, color=BAR)
    ax.set_xlabel("steps in the plan")
    ax.set_ylabel("plans")
    ax.spines[["top", "right"]].set_visible(False)
    section("Steps per plan", "How many steps each plan holds (a plan that refers "
            "out or cannot start holds none).", svg_of(fig))

    audit = []
    if libmfr_version:
        audit.append("libmfr " + libmfr_version)
    if model:
        audit.append("model " + model)
    head = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>Cohort report: %s</title><style>%s</style></head><body>\n"
            % (html.escape(source), CSS))
    out = [head, "<header><h1>Cohort report</h1>",
           "<p>%s intake%s, %s records from %s</p>" % ("{:,}".format(n),
                                                        "" if n == 1 else "s",
                                                        "{:,}".format(len(df)),
                                                        html.escape(source)),
           "<p>%s</p></header>\n<main>" % html.escape(
               "; ".join(audit) if audit else "libmfr and model versions not given"),
           "<div class=\"figures\">"]
    for label, value in figures:
        out.append("<div class=\"figure\"><b>%s</b>%s</div>"
                   % (html.escape(value), html.escape(label)))
    out.append("</div>\n<div class=\"grid\">")
    out.extend(s + "\n" for s in sections)
    out.append("</div></main>\n<footer>Written by tools/cohort-report.py from the rows "
               "of mfr batch plan (doc/cohort.md). libmfr is decision support for "
               "licensed therapists; it never diagnoses. These figures are for research "
               "over many intakes, not a substitute for reading one client's plan."
               "</footer>\n</body></html>\n")
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("csv", help="the batch plan CSV (mfr --format csv batch plan)")
    ap.add_argument("-o", "--output", help="the HTML page (default: standard output)")
    ap.add_argument("--summary", help="the batch summary mfr wrote on standard error")
    ap.add_argument("--libmfr", help="the libmfr version of the run")
    ap.add_argument("--model", help='the model of the run ("name" version (hash))')
    ap.add_argument("--title", help="the source named in the header (default: the "
                    "CSV's file name)")
    args = ap.parse_args()

    version, model = (read_summary(args.summary) if args.summary else (None, None))
    version, model = args.libmfr or version, args.model or model
    plt.rcParams.update({"svg.hashsalt": "libmfr-cohort-report", "font.size": 9,
                         "svg.fonttype": "path"})
    # Keys and names as text, even in a column that is empty throughout.
    df = pd.read_csv(args.csv, dtype={c: str for c in TEXT_COLUMNS})
    page = report(df, args.title or os.path.basename(args.csv), version, model)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(page)
    else:
        sys.stdout.write(page)


if __name__ == "__main__":
    main()
