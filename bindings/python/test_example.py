#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs examples/walk_model.py and checks what a reader would see: it exits
0 and names every fascial line of the model by its abbreviation.

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
DATA = Path(os.environ.get('MFR_TEST_DATA', HERE.parents[1] / 'tests' / 'data'))
MINIMAL = DATA / 'models' / 'minimal.json'

if 'LIBMFR_LIBRARY' not in os.environ and \
        (HERE.parents[1] / 'build' / 'lib' / 'libmfr.so').exists():
    os.environ['LIBMFR_LIBRARY'] = str(HERE.parents[1] / 'build' / 'lib'
                                       / 'libmfr.so')
sys.path.insert(0, str(HERE))

import libmfr  # noqa: E402


def run_example(*args):
    return subprocess.run([sys.executable, str(EXAMPLE), *args],
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


if __name__ == '__main__':
    unittest.main()
