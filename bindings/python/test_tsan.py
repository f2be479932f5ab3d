#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The binding's threads against a ThreadSanitizer build of libmfr.

Run by meson in a -Db_sanitize=thread build only (suite python-tsan; the
TSan stage of scripts/test-all.sh), in Debian's python3 with the shared
TSan runtime preloaded (LD_PRELOAD, set by bindings/python/meson.build;
doc/python.md says why gcc's libtsan.so.2). Each part runs in a fresh
interpreter that inherits that environment:

1. the canary: two threads race on purpose in tsan-canary.c (instrumented
   like the library); the run must stop with TSan's exit code 66 and a
   "data race" report, or this configuration detects nothing and the test
   fails rather than pass for nothing;
2. the work: plan_many() on several threads sharing one model, the batch
   rows of plans and traces on a thread pool, and the Model object closed
   by one thread while others still plan from intakes that hold the model;
   the run must end with status 0 and no report.

TSAN_OPTIONS: halt_on_error=1, exitcode=66 (as the TSan stage). No
suppression file: CPython's own frames report nothing here.
"""

import os
import subprocess
import sys
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
CANARY = os.environ.get('MFR_TSAN_CANARY')

CANARY_SCRIPT = r'''
import ctypes, sys, threading
lib = ctypes.CDLL(sys.argv[1])
lib.mfr_canary_race.argtypes = [ctypes.c_int]
threads = [threading.Thread(target=lib.mfr_canary_race, args=(100000,))
           for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
'''

WORK_SCRIPT = r'''
import sys, threading
import libmfr
from libmfr import batch

lines = [
    b'{"id":"a","symptoms":[{"region":"heel","side":"left","intensity":6}],'
    b'"conditions":["plantar_fasciitis"]}',
    b'{"id":"b","symptoms":[{"region":"jaw","side":"right"}],'
    b'"session_minutes":30}',
    b'{"id":"c","symptoms":[{"region":"coccyx"},'
    b'{"region":"medial_knee","side":"left"}]}',
    b'{"id":"d","symptoms":[{"region":"heal"}]}',
    b'',
] * 12
model = libmfr.Model.default()
intakes = []
for line in lines:
    try:
        intakes.append(libmfr.Intake.from_json(model, line))
    except libmfr.MfrError:
        pass
want = [libmfr.Plan(i).to_json() for i in intakes]
for jobs in (2, 4):
    got = [p.to_json() for p in libmfr.plan_many(intakes, jobs=jobs)]
    assert got == want, jobs
for kind in batch.KINDS:
    one = batch.rows(model, kind, lines, jobs=1)
    assert batch.rows(model, kind, lines, jobs=4) == one, kind

# The Model object closed while other threads plan from its intakes.
start = threading.Barrier(4)
results = []
def plan_all():
    start.wait()
    results.append([p.to_json() for p in libmfr.plan_many(intakes, jobs=1)])
threads = [threading.Thread(target=plan_all) for _ in range(3)]
for t in threads:
    t.start()
start.wait()
model.close()
for t in threads:
    t.join()
assert results == [want] * 3
assert len(intakes) == 36, len(intakes)
print('ok', len(intakes), 'intakes')
'''


def run(script, *args):
    env = dict(os.environ)
    env['PYTHONPATH'] = os.pathsep.join(
        p for p in (str(HERE), env.get('PYTHONPATH', '')) if p)
    return subprocess.run([sys.executable, '-c', script] + list(args),
                          capture_output=True, text=True, env=env,
                          timeout=600)


class TsanTest(unittest.TestCase):
    def setUp(self):
        if 'tsan' not in os.environ.get('LD_PRELOAD', ''):
            self.skipTest('no TSan runtime preloaded (run by meson in a '
                          '-Db_sanitize=thread build)')

    def test_canary_race_is_reported(self):
        self.assertTrue(CANARY, 'MFR_TSAN_CANARY is not set')
        out = run(CANARY_SCRIPT, CANARY)
        self.assertEqual(out.returncode, 66, out.stderr[-2000:])
        self.assertIn('ThreadSanitizer: data race', out.stderr)
        self.assertIn('mfr_canary_race', out.stderr)

    def test_threads_report_nothing(self):
        out = run(WORK_SCRIPT)
        self.assertEqual(out.returncode, 0, out.stdout + out.stderr[-6000:])
        self.assertNotIn('ThreadSanitizer', out.stderr)
        self.assertTrue(out.stdout.startswith('ok '), out.stdout)


if __name__ == '__main__':
    unittest.main()
