#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The binding as a package: pip installs it offline, and mypy --strict
passes over it.

- `pip install --no-build-isolation --no-index` of a copy of bindings/python
  into a temporary venv (with the system's site packages, for setuptools:
  Debian's python3-setuptools, python3-wheel, python3-pip, python3-venv)
  installs every file of the package, py.typed included; the installed
  package imports, loads the library and plans, in a fresh interpreter;
- pyproject.toml's version is the library's;
- mypy --strict over libmfr/ (Debian's python3-mypy) reports nothing.

Each part runs in /usr/bin/python3 when this python3 lacks what it needs
(pip and setuptools, or mypy), and is skipped when neither has it.

Run from the repository root:
    LIBMFR_LIBRARY=build/lib/libmfr.so PYTHONPATH=bindings/python \\
    python3 bindings/python/test_package.py -v
"""

import os
import re
import shutil
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

PACKAGE_FILES = sorted(p.name for p in (HERE / 'libmfr').iterdir()
                       if p.suffix in ('.py', '.typed'))


def python_with(*modules):
    """The first of this python3 and /usr/bin/python3 that imports every
    one of @p modules, or None."""
    for python in (sys.executable, '/usr/bin/python3'):
        if os.path.exists(python) and subprocess.run(
                [python, '-c', 'import ' + ', '.join(modules)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL).returncode == 0:
            return python
    return None


class PackageTest(unittest.TestCase):
    def test_version_is_the_librarys(self):
        text = (HERE / 'pyproject.toml').read_text()
        version = re.search(r'^version = "([^"]+)"', text, re.M).group(1)
        self.assertEqual(version, libmfr.version())

    def test_pip_install_offline_into_a_venv(self):
        python = python_with('setuptools', 'wheel', 'pip', 'venv')
        if python is None:
            self.skipTest('no python3 with pip, setuptools, wheel and venv')
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            # A copy: pip builds in the source tree (build/, egg-info).
            src = tmp / 'src'
            shutil.copytree(HERE, src, ignore=shutil.ignore_patterns(
                '__pycache__', '*.egg-info', 'build'))
            venv = tmp / 'venv'
            subprocess.run([python, '-m', 'venv', '--without-pip',
                            '--system-site-packages', str(venv)], check=True)
            vpython = str(venv / 'bin' / 'python')
            env = {k: v for k, v in os.environ.items() if k != 'PYTHONPATH'}
            env['PIP_DISABLE_PIP_VERSION_CHECK'] = '1'
            pip = subprocess.run(
                [vpython, '-m', 'pip', 'install', '--no-build-isolation',
                 '--no-index', '--no-cache-dir', str(src)],
                capture_output=True, text=True, env=env)
            self.assertEqual(pip.returncode, 0, pip.stdout + pip.stderr)
            where = subprocess.run(
                [vpython, '-c', 'import libmfr, os, sys; '
                 'sys.stdout.write(os.path.dirname(libmfr.__file__))'],
                capture_output=True, text=True, env=env, cwd=str(tmp))
            self.assertEqual(where.returncode, 0, where.stderr)
            installed = Path(where.stdout)
            self.assertTrue(str(installed).startswith(str(venv)), installed)
            for name in PACKAGE_FILES:
                self.assertEqual((installed / name).read_bytes(),
                                 (HERE / 'libmfr' / name).read_bytes(), name)
            run = subprocess.run(
                [vpython, '-c', 'import libmfr\n'
                 'with libmfr.Model.default() as m:\n'
                 '    i = libmfr.Intake(m)\n'
                 '    i.add_symptom("heel", "left", 6)\n'
                 '    i.add_answer("unexplained_pain", "no")\n'
                 '    i.add_answer("deep_vein_thrombosis", "no")\n'
                 '    (p,) = libmfr.plan_many([i], jobs=2)\n'
                 '    print(p.status, libmfr.library_path())\n'],
                capture_output=True, text=True, env=env, cwd=str(tmp))
            self.assertEqual(run.returncode, 0, run.stderr)
            self.assertEqual(run.stdout.split()[0], 'ok')

    def test_mypy_strict(self):
        python = python_with('mypy')
        if python is None:
            self.skipTest('no python3 with mypy (python3-mypy)')
        with tempfile.TemporaryDirectory() as cache:
            out = subprocess.run(
                [python, '-m', 'mypy', '--strict', '--no-error-summary',
                 '--cache-dir', cache, '--config-file',
                 str(HERE / 'pyproject.toml'), '-p', 'libmfr'],
                capture_output=True, text=True, cwd=str(HERE))
        self.assertEqual(out.returncode, 0, out.stdout + out.stderr)


if __name__ == '__main__':
    unittest.main()
