#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Check the synthetic cohort generator (bench/gen-cohort.py; doc/cohort.md).

Usage: check-cohort-gen.py MFR SOURCE_ROOT

- determinism: the same seed gives the same bytes, another seed others;
- every line plans: `mfr --format csv batch plan` over the cohort exits 0,
  writes no error record, and gives each intake's id on its line's records;
- the model's facts hold exactly: every symptom of an intake with conditions
  lies in a body-chart area one of its conditions lists (or under one);
- the documented marginals hold roughly on MFR_COHORT_GEN_COUNT intakes
  (default 4000): the first condition's share, the number of conditions,
  the sides of the bilateral symptoms, the onsets and the session minutes
  are each within 4 standard errors (and 0.01) of the table's weight;
- --config replaces the keys it names, and refuses an unknown key.

Standard library only. Exits 0 when every check passes, 1 when one fails.
"""
import csv
import io
import json
import math
import os
import subprocess
import sys
import tempfile

failures = []


def fail(what):
    failures.append(what)
    print('FAIL: ' + what)


def gen(root, *args):
    run = subprocess.run([sys.executable, os.path.join(root, 'bench', 'gen-cohort.py')]
                         + list(args), capture_output=True)
    if run.returncode != 0:
        fail('gen-cohort.py %s: exit %d: %s' % (' '.join(args), run.returncode,
                                                run.stderr.decode('utf-8', 'replace')))
    return run.stdout


def check_shares(what, counts, weights):
    """COUNTS ({key: n}) against WEIGHTS ({key: relative weight})."""
    n = sum(counts.values())
    total = float(sum(float(w) for w in weights.values()))
    for key, w in weights.items():
        p = float(w) / total
        got = counts.get(key, 0) / n if n else 0.0
        tol = max(0.01, 4 * math.sqrt(p * (1 - p) / n)) if n else 0
        print('%s %-26s want %.3f got %.3f (tolerance %.3f, n %d)' % (what, key, p, got, tol, n))
        if abs(got - p) > tol:
            fail('%s %s: share %.3f, the table gives %.3f (tolerance %.3f, n %d)'
                 % (what, key, got, p, tol, n))
    for key in counts:
        if key not in weights:
            fail('%s: %r drawn but not in the table' % (what, key))


def main():
    mfr, root = sys.argv[1:]
    count = os.environ.get('MFR_COHORT_GEN_COUNT', '4000')
    a = gen(root, '--count', count, '--seed', '7')
    b = gen(root, '--count', count, '--seed', '7')
    c = gen(root, '--count', count, '--seed', '8')
    if a != b:
        fail('the same seed gave different bytes')
    if a == c:
        fail('two seeds gave the same bytes')
    cfg = json.loads(gen(root, '--print-config'))
    with open(os.path.join(root, 'lib', 'data', 'default-model.json'), encoding='utf-8') as f:
        model = json.load(f)
    parent = {r['key']: r.get('parent') for r in model['regions']}
    cond_areas = {c['key']: set(c['areas']) for c in model['conditions']}

    def ancestors(key):
        out = []
        while key and key not in out:
            out.append(key)
            key = parent[key]
        return out

    intakes = [json.loads(line) for line in a.decode('utf-8').splitlines()]
    if len(intakes) != int(count):
        fail('%d lines for --count %s' % (len(intakes), count))

    # Every line plans, without an error record.
    run = subprocess.run([mfr, '--format', 'csv', 'batch', 'plan'], input=a,
                         capture_output=True)
    print(run.stderr.decode('utf-8', 'replace').strip())
    if run.returncode != 0:
        fail('mfr batch plan: exit %d' % run.returncode)
    rows = list(csv.DictReader(io.StringIO(run.stdout.decode('utf-8'), newline='')))
    errors = [r for r in rows if r['error_status']]
    if errors:
        fail('%d error records, the first: %s' % (len(errors), errors[0]))
    ids = {}
    for r in rows:
        ids.setdefault(int(r['line']), r['id'])
    for i, doc in enumerate(intakes, 1):
        if ids.get(i) != doc['id']:
            fail('line %d: id %r in the CSV, %r in the intake' % (i, ids.get(i), doc['id']))
            break
    statuses = {}
    for r in rows:
        if r['order'] in ('', '1'):
            statuses[r['status']] = statuses.get(r['status'], 0) + 1
    print('plans by status: %s' % statuses)

    # The model's facts: a symptom lies in its conditions' areas.
    for doc in intakes:
        conds = doc.get('conditions', [])
        if not conds:
            continue
        allowed = set().union(*(cond_areas[c] for c in conds))
        for s in doc['symptoms']:
            if not allowed.intersection(ancestors(s['region'])):
                fail('%s: %s lies in no area of %s' % (doc['id'], s['region'], conds))

    # The documented marginals.
    first, ncond, sides, onsets, minutes = {}, {}, {}, {}, {}
    for doc in intakes:
        conds = doc.get('conditions', [])
        ncond[str(len(conds))] = ncond.get(str(len(conds)), 0) + 1
        if conds:
            first[conds[0]] = first.get(conds[0], 0) + 1
        for s in doc['symptoms']:
            if 'side' in s:
                sides[s['side']] = sides.get(s['side'], 0) + 1
            onsets[s['onset']] = onsets.get(s['onset'], 0) + 1
        m = str(doc['session_minutes'])
        minutes[m] = minutes.get(m, 0) + 1
    check_shares('condition', first, cfg['conditions'])
    check_shares('conditions per intake', ncond, cfg['condition_count'])
    check_shares('side', sides, cfg['sides'])
    check_shares('onset', onsets, cfg['onsets'])
    check_shares('session minutes', minutes, cfg['session_minutes'])

    # A configuration file replaces the table's keys it names.
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'config.json')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump({'conditions': {'migraine': 1}, 'condition_count': {'1': 1}}, f)
        for doc in (json.loads(line) for line in
                    gen(root, '--count', '200', '--config', path).decode().splitlines()):
            if doc.get('conditions') != ['migraine'] or any(
                    not {'head', 'neck'}.intersection(ancestors(s['region']))
                    for s in doc['symptoms']):
                fail('--config: %s is not a migraine intake on the head or neck' % doc)
                break
        with open(path, 'w', encoding='utf-8') as f:
            json.dump({'condition': {'migraine': 1}}, f)
        run = subprocess.run([sys.executable, os.path.join(root, 'bench', 'gen-cohort.py'),
                              '--config', path], capture_output=True)
        if run.returncode == 0 or b'unknown configuration key' not in run.stderr:
            fail('--config with an unknown key: exit %d, %r' % (run.returncode, run.stderr))

    print('%d failure(s)' % len(failures) if failures else
          'ok: %s intakes, deterministic, every line planned, marginals as documented' % count)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
