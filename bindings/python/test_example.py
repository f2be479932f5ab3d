#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs the examples and checks what a reader would see: walk_model.py
exits 0 and names every fascial line of the model by its abbreviation;
plan_session.py exits 0 and prints the first worked case's session plan,
its steps and the aftercare.

Needs LIBMFR_LIBRARY (and PYTHONPATH) as test_libmfr.py does; the example
inherits them.
"""

import os
import re
import subprocess
import sys
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE / 'examples' / 'walk_model.py'
PLAN_SESSION = HERE / 'examples' / 'plan_session.py'
DATA = Path(os.environ.get('MFR_TEST_DATA', HERE.parents[1] / 'tests' / 'data'))
MINIMAL = DATA / 'models' / 'minimal.json'

if 'LIBMFR_LIBRARY' not in os.environ and \
        (HERE.parents[1] / 'build' / 'lib' / 'libmfr.so').exists():
    os.environ['LIBMFR_LIBRARY'] = str(HERE.parents[1] / 'build' / 'lib'
                                       / 'libmfr.so')
sys.path.insert(0, str(HERE))

import libmfr  # noqa: E402


def run_example(*args, example=EXAMPLE):
    return subprocess.run([sys.executable, str(example), *args],
                          capture_output=True, text=True, timeout=60)


class WalkModelExample(unittest.TestCase):

    def check_lines(self, model, out):
        for line in model.lines():
            with self.subTest(line=line.key):
                self.assertRegex(out, r'\(%s\)' % re.escape(line.abbrev))
                self.assertIn(line.name, out)

    def test_default_model(self):
        result = run_example()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, '')
        with libmfr.Model.default() as model:
            self.assertIn(model.name, result.stdout)
            self.check_lines(model, result.stdout)

    def test_minimal_model(self):
        result = run_example(str(MINIMAL))
        self.assertEqual(result.returncode, 0, result.stderr)
        with libmfr.Model.load_file(MINIMAL) as model:
            self.check_lines(model, result.stdout)
        out = result.stdout
        self.assertIn('Test Line (TL): evidence strong [src_b]', out)
        # The crossing is shown between the midline station and the track
        # on the opposite side.
        self.assertRegex(out, r'sacrum .*\n\s+~ crosses the midline ~\n'
                              r'\s+3\. track\s+back muscle\s+\(opposite side\)')

    def test_bad_model_fails(self):
        result = run_example(str(DATA / 'no-such-model.json'))
        self.assertEqual(result.returncode, 1)
        self.assertIn('cannot open', result.stderr)


class PlanSessionExample(unittest.TestCase):

    def test_prints_the_plan(self):
        result = run_example(example=PLAN_SESSION)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, '')
        out = result.stdout
        self.assertIn('Aftercare', out)
        self.assertIn('left heel (6/10, chronic)', out)
        self.assertIn('not a diagnosis', out)
        self.assertIn('Status: ok', out)
        self.assertRegex(out, r'\n\s+\d+\. treat\s+left soleus: ')
        with libmfr.Model.default() as model:
            # The items for every client; none given only for a precaution
            # (the worked case records none).
            for item in model.aftercare():
                if item.when:
                    self.assertNotIn(item.text, out)
                else:
                    self.assertIn('- ' + item.text, out)

    def test_json_is_the_plan(self):
        result = run_example('--json', '--minutes', '45',
                             example=PLAN_SESSION)
        self.assertEqual(result.returncode, 0, result.stderr)
        with libmfr.Model.default() as model, libmfr.Intake(model) as intake:
            intake.add_symptom('heel', 'left', 6, 'chronic')
            intake.add_condition('plantar_fasciitis')
            intake.add_answer('deep_vein_thrombosis', 'no')
            intake.minutes = 45
            with libmfr.Plan(intake) as plan:
                self.assertEqual(result.stdout, plan.to_json())

    def test_bad_minutes_fail(self):
        result = run_example('--minutes', '5', example=PLAN_SESSION)
        self.assertEqual(result.returncode, 1)
        self.assertIn('out of range', result.stderr)


if __name__ == '__main__':
    unittest.main()
