#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Tests of plan_many() and libmfr.batch: many plans on a thread pool, and
the rows of `mfr batch --format csv` written through the binding.

Run from the repository root:
    LIBMFR_LIBRARY=build/lib/libmfr.so PYTHONPATH=bindings/python \\
    MFR_CLI=build/tools/mfr python3 bindings/python/test_batch.py -v

The intakes are generated (bench/gen-intakes.py, seeded), some of them bad
lines, so that error rows are compared too. MFR_CLI is the built `mfr`
tool (the comparisons with it are skipped when unset). The pandas check
runs tests/check-batch-csv.py with the binding as the CSV writer, in the
first of this python3 and /usr/bin/python3 that has pandas (Debian's
python3-pandas), and is skipped when neither has.
"""

import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
if 'LIBMFR_LIBRARY' not in os.environ and \
        (REPO / 'build' / 'lib' / 'libmfr.so').exists():
    os.environ['LIBMFR_LIBRARY'] = str(REPO / 'build' / 'lib' / 'libmfr.so')
sys.path.insert(0, str(HERE))

import libmfr  # noqa: E402
from libmfr import Intake, MfrError, Model, Plan, batch  # noqa: E402

MFR = os.environ.get('MFR_CLI')
# Under valgrind (its preload library in the environment) every call is
# some 50 times slower: fewer intakes.
SLOW = 'valgrind' in os.environ.get('LD_PRELOAD', '')
COUNT = 40 if SLOW else 400


def generate(path, count, seed, bad=0.05):
    subprocess.run([sys.executable, str(REPO / 'bench' / 'gen-intakes.py'),
                    '--model', str(REPO / 'lib' / 'data' /
                                   'default-model.json'),
                    '--count', str(count), '--seed', str(seed),
                    '--bad', str(bad), '--ids', '-o', str(path)],
                   check=True)


def python_with(module):
    """This python3, or /usr/bin/python3, whichever imports @p module
    first; None when neither does."""
    for python in (sys.executable, '/usr/bin/python3'):
        if os.path.exists(python) and subprocess.run(
                [python, '-c', 'import ' + module],
                stderr=subprocess.DEVNULL).returncode == 0:
            return python
    return None


class Base(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.path = Path(cls.tmp.name) / 'intakes.jsonl'
        generate(cls.path, COUNT, 21)
        cls.data = cls.path.read_bytes()
        cls.model = Model.default()

    @classmethod
    def tearDownClass(cls):
        cls.model.close()
        cls.tmp.cleanup()

    def good_intakes(self):
        intakes = []
        for line in batch.split_lines(self.data):
            try:
                intake = Intake.from_json(self.model, line)
            except MfrError:
                continue
            if intake.symptoms:
                intakes.append(intake)
        return intakes


class PlanManyTest(Base):
    def test_equals_planning_one_by_one(self):
        intakes = self.good_intakes()
        self.assertGreater(len(intakes), COUNT // 2)
        want = [Plan(i).to_json() for i in intakes]
        for jobs in (1, 2, 4, None):
            with self.subTest(jobs=jobs):
                got = libmfr.plan_many(intakes, jobs=jobs)
                self.assertEqual([p.to_json() for p in got], want)

    def test_options(self):
        intakes = self.good_intakes()[:50]
        want = [Plan(i, max_sites=3, block_seconds=60,
                     techniques=['indirect_release']).to_json()
                for i in intakes]
        got = libmfr.plan_many(iter(intakes), jobs=3, max_sites=3,
                               block_seconds=60,
                               techniques=['indirect_release'])
        self.assertEqual([p.to_json() for p in got], want)

    def test_empty_and_one(self):
        self.assertEqual(libmfr.plan_many([], jobs=4), [])
        intake = self.good_intakes()[0]
        (plan,) = libmfr.plan_many([intake], jobs=4)
        self.assertEqual(plan.to_json(), Plan(intake).to_json())

    def test_plans_outlive_intakes_and_model(self):
        model = Model.default()
        intakes = [Intake.from_json(model, line)
                   for line in batch.split_lines(self.data)[:30]
                   if b'"symptoms":[{' in line]
        plans = libmfr.plan_many(intakes, jobs=2)
        want = [p.to_json() for p in plans]
        del intakes
        model.close()
        self.assertEqual([p.to_json() for p in plans], want)

    def test_first_error_in_input_order(self):
        good = self.good_intakes()[:20]
        empty = Intake(self.model)  # no symptoms: MFR_E_MISSING
        with self.assertRaises(MfrError) as cm:
            libmfr.plan_many(good[:10] + [empty] + good[10:], jobs=4)
        self.assertEqual(cm.exception.status, libmfr.Status.MFR_E_MISSING)
        with self.assertRaises(MfrError) as cm:
            libmfr.plan_many(good, jobs=2, max_sites=0)
        self.assertEqual(cm.exception.status, libmfr.Status.MFR_E_RANGE)

    def test_wrong_types(self):
        intake = self.good_intakes()[0]
        for bad in ([intake, 'intake'], [None], [self.model]):
            with self.assertRaises(TypeError):
                libmfr.plan_many(bad)
        with self.assertRaises(TypeError):
            libmfr.plan_many(intake)  # not an iterable of intakes
        for jobs in ('2', 2.0, True):
            with self.assertRaises(TypeError):
                libmfr.plan_many([intake], jobs=jobs)
        for jobs in (0, -1, libmfr.MAX_JOBS + 1):
            with self.assertRaises(ValueError):
                libmfr.plan_many([intake], jobs=jobs)


class BatchRowsTest(Base):
    def run_mfr(self, kind, data):
        return subprocess.run([MFR, '--format', 'csv', 'batch', kind],
                              input=data, capture_output=True)

    @unittest.skipUnless(MFR, 'MFR_CLI is not set')
    def test_rows_equal_mfr_batch(self):
        # Lines the generator does not write: CR LF, a blank line of
        # blanks, no final LF.
        data = self.data + b'{"id":"crlf","symptoms":[{"region":"heel",' \
            b'"side":"left"}]}\r\n \t\r\n{"id":"z","symptoms":['
        lines = batch.split_lines(data)
        for kind in batch.KINDS:
            for jobs in (1, 3):
                with self.subTest(kind=kind, jobs=jobs):
                    mfr = self.run_mfr(kind, data)
                    rows = batch.rows(self.model, kind, lines, jobs=jobs)
                    text = batch.header(kind) + ''.join(t for t, _ in rows)
                    self.assertEqual(text.encode('utf-8'), mfr.stdout)
                    self.assertEqual(mfr.returncode,
                                     1 if any(f for _, f in rows) else 0)

    @unittest.skipUnless(MFR, 'MFR_CLI is not set')
    def test_options_and_first_line(self):
        lines = batch.split_lines(self.data)
        mfr = subprocess.run([MFR, '--format', 'csv', '--max-sites', '2',
                              'batch', 'plan'], input=self.data,
                             capture_output=True)
        want = mfr.stdout.decode('utf-8').split('\r\n')
        # The second half alone, numbered as in the whole file.
        half = len(lines) // 2
        rows = batch.rows(self.model, 'plan', lines[half:], half + 1,
                          options={'max_sites': 2})
        got = ''.join(t for t, _ in rows).split('\r\n')
        self.assertEqual(got, want[-len(got):])

    def test_columns_and_fields(self):
        self.assertEqual(batch.header('plan').split(',')[:2], ['id', 'line'])
        self.assertTrue(batch.header('trace').endswith(
            'error_status,error_message\r\n'))
        self.assertEqual(batch.csv_field(None), '')
        self.assertEqual(batch.csv_field('a "b", c'), '"a ""b"", c"')
        self.assertEqual(batch.split_lines(b''), [])
        self.assertEqual(batch.split_lines(b'a\n\nb'), [b'a', b'', b'b'])
        self.assertEqual(batch.split_lines(b'a\r\n'), [b'a\r'])
        with self.assertRaises(TypeError):
            batch.row(self.model, 'plan', 'not bytes', 1)
        with self.assertRaises(TypeError):
            batch.header(None)
        with self.assertRaises(ValueError):
            batch.header('program')

    def test_pandas_reads_the_bindings_csv(self):
        """tests/check-batch-csv.py, with the binding writing the CSV."""
        python = python_with('pandas')
        if python is None or not MFR:
            self.skipTest('no python3 with pandas (python3-pandas), or '
                          'MFR_CLI unset')
        command = '%s -m libmfr.batch --jobs 2' % python
        env = dict(os.environ, PYTHONPATH=str(HERE))
        out = subprocess.run(
            [python, str(REPO / 'tests' / 'check-batch-csv.py'),
             '--csv-by=' + command, MFR, str(REPO / 'tests' / 'data' /
                                              'intakes.jsonl'),
             str(self.path)], capture_output=True, text=True, env=env)
        self.assertEqual(out.returncode, 0, out.stdout + out.stderr)
        self.assertEqual(out.stdout.split(), ['ok'] * 4)


if __name__ == '__main__':
    unittest.main()
