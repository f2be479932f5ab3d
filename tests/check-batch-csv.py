#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The CSV of `mfr batch` loads in pandas as is, and says what the JSON says.

Usage: check-batch-csv.py [--csv-by=COMMAND] [--r=RSCRIPT] MFR INTAKES...

For each file of intakes and for trace and plan, runs `mfr batch KIND` (JSON
lines) and `mfr --format csv batch KIND` over the same lines (or, with
--csv-by, COMMAND KIND: another writer of the same CSV, such as the Python
binding's `python3 -m libmfr.batch`, split into words), reads the CSV
with a plain pandas.read_csv(path) (no options: what a researcher would type),
and checks its columns (doc/batch-format.md) and every row against the JSON
row of the same input line: one record per plan step or trace result (one for
an empty plan or trace), one error record per bad or blank line. With --r,
R reads the same CSV with a plain read.csv(path) too (RSCRIPT is Rscript,
from Debian's r-base-core), writes what it read back out, and every cell it
read must be the cell pandas read. Prints one line per check and exits 1 if
any fails.
"""
import json
import math
import os
import shlex
import subprocess
import sys
import tempfile

import pandas

PLAN_COLUMNS = ['id', 'line', 'session', 'status', 'order', 'phase', 'region', 'side',
                'technique', 'approach', 'position', 'lying_on', 'seconds', 'pressure',
                'trace_rank', 'score', 'danger_zone', 'error_status', 'error_message']
TRACE_COLUMNS = ['id', 'line', 'rank', 'region', 'side', 'distance', 'score',
                 'explanation', 'error_status', 'error_message']


def norm(v):
    """A pandas cell as plain Python: None for an empty one."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if hasattr(v, 'item'):
        v = v.item()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def expected_rows(kind, row):
    """The CSV records (dicts) the JSON row of one input line stands for."""
    base = {'id': row.get('id'), 'line': row['line']}
    if 'error' in row:
        rec = dict(base, error_status=row['error']['status'],
                   error_message=row['error']['message'])
        return [rec]
    if kind == 'trace':
        if not row['results']:
            return [base]
        return [dict(base, rank=r['rank'], region=r['region'], side=r['side'],
                     distance=r['distance'], score=r['score'],
                     explanation=r['explanation']) for r in row['results']]
    plan = dict(base, session=1, status=row['status'])
    if not row['steps']:
        return [plan]
    out = []
    for s in row['steps']:
        rec = dict(plan)
        for k in ('order', 'phase', 'region', 'side', 'technique', 'approach', 'position',
                  'lying_on', 'seconds', 'pressure', 'trace_rank'):
            rec[k] = s.get(k)
        rec['danger_zone'] = s.get('danger_zone')
        out.append(rec)
    return out


R_READ = """
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
write.csv(d, args[2], row.names = FALSE, na = "")
"""


def same_cell(a, b):
    """Two cells read by different readers: numbers equal to 1e-9 relative."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return a == b


def check_r(rscript, csv_path, frame, columns):
    """What R's read.csv(path) reads of @p csv_path, against pandas' @p frame."""
    back = csv_path + '.r.csv'
    env = dict(os.environ, LC_ALL='C.UTF-8')
    run = subprocess.run([rscript, '--vanilla', '-e', R_READ, csv_path, back],
                         capture_output=True, env=env)
    if run.returncode != 0:
        return ['R read.csv failed: %s' % run.stderr.decode('utf-8', 'replace')[:400]]
    r = pandas.read_csv(back)
    if list(r.columns) != columns or len(r) != len(frame):
        return ['R read %d rows of %r, pandas %d rows of %r'
                % (len(r), list(r.columns), len(frame), columns)]
    for i, (a, b) in enumerate(zip(r.itertuples(index=False),
                                   frame.itertuples(index=False))):
        for c, x, y in zip(columns, a, b):
            if not same_cell(norm(x), norm(y)):
                return ['row %d column %s: R read %r, pandas %r' % (i + 1, c, norm(x),
                                                                    norm(y))]
    return []


def check(mfr, kind, intakes, tmp, csv_by=None, rscript=None):
    failures = []
    with open(intakes, 'rb') as f:
        data = f.read()
    js = subprocess.run([mfr, 'batch', kind], input=data, capture_output=True)
    csv_path = tmp + '.csv'
    with open(csv_path, 'wb') as out:
        command = csv_by + [kind] if csv_by else [mfr, '--format', 'csv', 'batch', kind]
        cs = subprocess.run(command, input=data, stdout=out, stderr=subprocess.PIPE)
    if js.returncode != cs.returncode:
        failures.append('exit %d for JSON, %d for CSV' % (js.returncode, cs.returncode))
    rows = [json.loads(l) for l in js.stdout.decode('utf-8').splitlines()]
    frame = pandas.read_csv(csv_path)
    columns = PLAN_COLUMNS if kind == 'plan' else TRACE_COLUMNS
    if list(frame.columns) != columns:
        failures.append('columns %r, wanted %r' % (list(frame.columns), columns))
        return failures
    want = [rec for row in rows for rec in expected_rows(kind, row)]
    if len(frame) != len(want):
        failures.append('%d CSV rows for %d expected' % (len(frame), len(want)))
        return failures
    if [r['line'] for r in rows] != list(range(1, data.count(b'\n') + 1)):
        failures.append('the JSON rows are not one per input line')
    for i, (got, exp) in enumerate(zip(frame.itertuples(index=False), want)):
        got = {c: norm(v) for c, v in zip(columns, got)}
        for c in columns:
            if c == 'score' and kind == 'plan':
                # The plan's own trace score: there exactly when a trace rank.
                ok = (got['score'] is None) == (got['trace_rank'] is None)
            else:
                ok = got[c] == exp.get(c)
            if not ok:
                failures.append('row %d (line %s) column %s: CSV %r, JSON %r'
                                % (i + 1, got['line'], c, got[c], exp.get(c)))
                break
        if len(failures) > 5:
            break
    if rscript and not failures:
        failures += check_r(rscript, csv_path, frame, columns)
    return failures


def main():
    args = sys.argv[1:]
    csv_by = rscript = None
    while args and args[0].startswith('--'):
        opt = args.pop(0)
        if opt.startswith('--csv-by='):
            csv_by = shlex.split(opt[len('--csv-by='):])
        elif opt.startswith('--r='):
            rscript = opt[len('--r='):]
        else:
            print('check-batch-csv.py: unknown option %s' % opt, file=sys.stderr)
            return 2
    mfr, files = args[0], args[1:]
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, path in enumerate(files):
            for kind in ('plan', 'trace'):
                failures = check(mfr, kind, path, os.path.join(tmp, '%d-%s' % (n, kind)),
                                 csv_by, rscript)
                failed += report(kind, path, failures)
    return 1 if failed else 0


def report(kind, path, failures):
    for f in failures:
        print('FAIL: batch %s --format csv on %s: %s' % (kind, path, f))
    if not failures:
        print('ok')
    return int(bool(failures))


if __name__ == '__main__':
    sys.exit(main())
