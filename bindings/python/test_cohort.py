#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""libmfr.cohort on a Dask LocalCluster of two workers gives what one
`mfr batch plan --format csv` run gives, row for row.

10,000 generated intakes (bench/gen-intakes.py, seeded; 1% bad lines, so
error rows are compared too) are planned by the single-process tool and by
the cohort workflow on two worker processes. The test checks that the
parts, in order and without their headers, are the tool's rows byte for
byte; that each part reads in pandas as is; that the dose summary equals
one computed with pandas from the tool's CSV; and the summary's totals.

Needs dask.distributed and pandas (Debian's python3-distributed and
python3-pandas): when this python3 lacks them and /usr/bin/python3 has
them, the test runs there; else it is skipped (exit 77). MFR_CLI names the
built `mfr` tool; MFR_COHORT_COUNT changes the number of intakes.

Run from the repository root:
    LIBMFR_LIBRARY=build/lib/libmfr.so PYTHONPATH=bindings/python \\
    MFR_CLI=build/tools/mfr python3 bindings/python/test_cohort.py -v
"""

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]

try:
    import distributed  # noqa: F401 (the workflow's client, below)
    import pandas
except ImportError:
    other = '/usr/bin/python3'
    if os.path.realpath(sys.executable) != os.path.realpath(other) and \
            os.path.exists(other) and subprocess.run(
                [other, '-c', 'import distributed, pandas'],
                stderr=subprocess.DEVNULL).returncode == 0:
        os.execv(other, [other] + sys.argv)
    print('skipped: no python3 with dask.distributed and pandas '
          '(python3-distributed, python3-pandas)')
    sys.exit(77)

if 'LIBMFR_LIBRARY' not in os.environ and \
        (REPO / 'build' / 'lib' / 'libmfr.so').exists():
    os.environ['LIBMFR_LIBRARY'] = str(REPO / 'build' / 'lib' / 'libmfr.so')
sys.path.insert(0, str(HERE))
# The worker processes import the binding too.
os.environ['PYTHONPATH'] = os.pathsep.join(
    [str(HERE)] + [p for p in os.environ.get('PYTHONPATH', '').split(
        os.pathsep) if p])

from distributed import Client, LocalCluster  # noqa: E402

from libmfr import batch, cohort  # noqa: E402

MFR = os.environ.get('MFR_CLI') or str(REPO / 'build' / 'tools' / 'mfr')
COUNT = int(os.environ.get('MFR_COHORT_COUNT', '10000'))


class CohortTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        tmp = Path(cls.tmp.name)
        cls.intakes = tmp / 'cohort.jsonl'
        subprocess.run([sys.executable, str(REPO / 'bench' /
                                            'gen-intakes.py'),
                        '--model', str(REPO / 'lib' / 'data' /
                                       'default-model.json'),
                        '--count', str(COUNT), '--seed', '2024',
                        '--bad', '0.01', '--ids', '-o', str(cls.intakes)],
                       check=True)
        started = time.monotonic()
        with open(cls.intakes, 'rb') as f:
            tool = subprocess.run([MFR, '--format', 'csv', 'batch', 'plan'],
                                  stdin=f, capture_output=True)
        cls.tool_seconds = time.monotonic() - started
        cls.tool = tool.stdout
        cls.out = tmp / 'out'
        cluster = LocalCluster(n_workers=2, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        try:
            with Client(cluster) as client:
                started = time.monotonic()
                cls.total = cohort.run(client, str(cls.intakes), str(cls.out),
                                       partition_lines=1000)
                cls.cohort_seconds = time.monotonic() - started
        finally:
            cluster.close()
        print('\n%d intakes: mfr batch plan %.2f s (one process, one job); '
              'cohort on 2 workers %.2f s' % (COUNT, cls.tool_seconds,
                                               cls.cohort_seconds),
              file=sys.stderr)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def parts(self):
        return sorted(self.out.glob('part-*.csv'))

    def test_rows_equal_the_tool(self):
        parts = self.parts()
        self.assertEqual(len(parts), (COUNT + 999) // 1000)
        head = batch.header('plan').encode('utf-8')
        joined = [head]
        for part in parts:
            data = part.read_bytes()
            self.assertTrue(data.startswith(head), part)
            joined.append(data[len(head):])
        got = b''.join(joined).split(b'\r\n')
        want = self.tool.split(b'\r\n')
        self.assertEqual(len(got), len(want))
        for i, (g, w) in enumerate(zip(got, want)):
            self.assertEqual(g, w, 'record %d' % i)

    def test_parts_read_in_pandas(self):
        lines = 0
        for part in self.parts():
            frame = pandas.read_csv(part)
            self.assertEqual(tuple(frame.columns), batch.columns('plan'))
            lines += frame['line'].nunique()
        self.assertEqual(lines, COUNT)

    def test_dose_summary_equals_pandas(self):
        """The dose summary, computed again from the tool's CSV."""
        path = Path(self.tmp.name) / 'tool.csv'
        path.write_bytes(self.tool)
        steps = pandas.read_csv(path, keep_default_na=False,
                                dtype={'region': str})
        steps = steps[steps['region'] != '']
        keys = ['technique', 'region', 'pressure']
        steps = steps.assign(seconds=steps['seconds'].astype(int))
        grouped = steps.groupby(keys)
        want = pandas.DataFrame({
            'sessions': grouped['line'].nunique(),
            'steps': grouped.size(),
            'seconds': grouped['seconds'].sum(),
        }).reset_index().sort_values(keys).reset_index(drop=True)
        got = pandas.read_csv(self.out / 'dose-summary.csv',
                              keep_default_na=False)
        self.assertEqual(tuple(got.columns), cohort.DOSE_COLUMNS)
        self.assertEqual(len(got), len(want))
        self.assertEqual(list(got['technique']), list(want['technique']))
        self.assertEqual(list(got['region']), list(want['region']))
        self.assertEqual(list(got['pressure']), list(want['pressure']))
        self.assertEqual(list(got['sessions']), list(want['sessions']))
        self.assertEqual(list(got['steps']), list(want['steps']))
        for minutes, per, seconds, sessions in zip(
                got['minutes'], got['minutes_per_session'], want['seconds'],
                want['sessions']):
            # The summary rounds to two decimals: half a hundredth apart
            # at most (9.875 is written 9.88).
            self.assertAlmostEqual(minutes, seconds / 60.0, delta=0.005 + 1e-9)
            self.assertAlmostEqual(per, seconds / 60.0 / sessions,
                                   delta=0.005 + 1e-9)

    def test_summary(self):
        summary = json.loads((self.out / 'summary.json').read_text())
        records = list(csv.DictReader(io.StringIO(
            self.tool.decode('utf-8'), newline='')))
        errors = {r['line'] for r in records if r['error_status']}
        self.assertGreater(len(errors), 0)
        self.assertEqual(summary['lines'], COUNT)
        self.assertEqual(summary['errors'], len(errors))
        plans = {}
        for r in records:
            if not r['error_status']:
                plans[r['line']] = r['status']
        self.assertEqual(summary['plans'], {
            s: list(plans.values()).count(s) for s in sorted(set(
                plans.values()))})
        self.assertEqual(summary['steps'],
                         sum(1 for r in records if r['region']))
        self.assertEqual(summary['partitions'], len(self.parts()))

    def test_command_line(self):
        """python3 -m libmfr.cohort, on a LocalCluster of one worker, over
        the first 1,500 lines: the tool's first records."""
        tmp = Path(self.tmp.name)
        head = tmp / 'head.jsonl'
        with open(self.intakes, 'rb') as f:
            head.write_bytes(b''.join(f.readlines()[:1500]))
        out = subprocess.run(
            [sys.executable, '-m', 'libmfr.cohort', str(head),
             str(tmp / 'cli'), '--local-workers', '1',
             '--partition-lines', '400'], capture_output=True, text=True)
        self.assertEqual(out.returncode, 0, out.stderr[-3000:])
        self.assertIn('cohort: 1500 lines', out.stderr)
        parts = sorted((tmp / 'cli').glob('part-*.csv'))
        self.assertEqual(len(parts), 4)
        size = len(batch.header('plan'))
        got = b''.join(p.read_bytes()[size:] for p in parts)
        with open(head, 'rb') as f:
            tool = subprocess.run([MFR, '--format', 'csv', 'batch', 'plan'],
                                  stdin=f, capture_output=True)
        self.assertEqual(got, tool.stdout[size:])


if __name__ == '__main__':
    unittest.main()
