#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Check the cohort report (tools/cohort-report.py; doc/cohort.md).

Usage: check-cohort-report.py MFR SOURCE_ROOT

Plans 1,000 generated intakes (bench/gen-cohort.py) and two bad lines with
`mfr --format csv batch plan`, writes the report twice, and checks:

- the same CSV gives the same bytes;
- the HTML: the title and the six section headings, the cohort's size, the
  two error rows, the libmfr version and model hash read from the batch
  summary, one inline SVG per plot, and nothing fetched (no script, no src,
  no link outside the page);
- the rendering in headless Chromium: a 1240x1754 screenshot (decoded with
  zlib, as tests/check-handout.py does) that is not blank, with the teal
  header and bars and the status colours; and a PDF whose text (pdftotext,
  when poppler-utils is installed) holds the headings.

Needs pandas and matplotlib: when this python3 lacks them and
/usr/bin/python3 has them, the check runs there; else it is skipped (77),
as it is when no Chromium is installed (CHROMIUM names one).
MFR_COHORT_REPORT_KEEP names a directory to keep the page, PNG and PDF in.
"""
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
try:
    import matplotlib  # noqa: F401
    import pandas  # noqa: F401
except ImportError:
    other = '/usr/bin/python3'
    if os.path.realpath(sys.executable) != os.path.realpath(other) and \
            os.path.exists(other) and subprocess.run(
                [other, '-c', 'import matplotlib, pandas'],
                stderr=subprocess.DEVNULL).returncode == 0:
        os.execv(other, [other] + sys.argv)
    print('SKIP: no python3 with pandas and matplotlib (python3-pandas, python3-matplotlib)')
    sys.exit(SKIP)

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('check_handout',
                                               os.path.join(HERE, 'check-handout.py'))
handout = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(handout)

HEADINGS = ['Plan status', 'Most planned sites', 'Minutes by technique',
            'Minutes by phase', 'Minutes by region', 'Steps per plan']
failures = []


def fail(what):
    failures.append(what)
    print('FAIL: ' + what)


def check_png(path):
    width, height, bpp, rows = handout.png_pixels(path)
    if (width, height) != (1240, 1754):
        fail('screenshot is %dx%d, not 1240x1754' % (width, height))
    colours = {'teal': (0x2e, 0x7d, 0x6e), 'orange': (0xd0, 0x8c, 0x1f),
               'blue': (0x4f, 0x7c, 0xac), 'red': (0xb3, 0x26, 0x1e)}
    seen = dict.fromkeys(colours, 0)
    dark = 0
    for line in rows[::2]:
        for x in range(0, width * bpp, 2 * bpp):
            r, g, b = line[x], line[x + 1], line[x + 2]
            if r + g + b < 240:
                dark += 1
            for name, (cr, cg, cb) in colours.items():
                if abs(r - cr) < 12 and abs(g - cg) < 12 and abs(b - cb) < 12:
                    seen[name] += 1
    sampled = (height // 2) * (width // 2)
    print('screenshot: %d of %d sampled pixels text-dark; %s' % (dark, sampled, seen))
    if dark < sampled // 400:
        fail('the screenshot is blank (%d text-dark pixels of %d)' % (dark, sampled))
    if seen['teal'] < sampled // 20:
        fail('too little teal (header bar and bars): %d pixels' % seen['teal'])
    for name in ('orange', 'blue', 'red'):
        if seen[name] < 50:
            fail('no %s status bar (%d pixels)' % (name, seen[name]))


def main():
    mfr, root = sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        cohort = subprocess.run([sys.executable, os.path.join(root, 'bench', 'gen-cohort.py'),
                                 '--count', '1000', '--seed', '3'],
                                capture_output=True, check=True).stdout
        cohort += b'\n{"id":"bad-2","symptoms":[{"region":"heal","side":"left"}]}\n'
        run = subprocess.run([mfr, '--format', 'csv', 'batch', 'plan'], input=cohort,
                             capture_output=True)
        if run.returncode != 1:  # the two bad lines: exit 1, the batch goes on
            fail('mfr batch plan: exit %d, not 1' % run.returncode)
        csv_path, log_path = os.path.join(tmp, 'cohort.csv'), os.path.join(tmp, 'cohort.log')
        open(csv_path, 'wb').write(run.stdout)
        open(log_path, 'wb').write(run.stderr)
        version = re.search(rb'libmfr (\S+), model .*\((fnv1a64:[0-9a-f]+)\)', run.stderr)
        pages = []
        for name in ('a.html', 'b.html'):
            page_path = os.path.join(tmp, name)
            subprocess.run([sys.executable, os.path.join(root, 'tools', 'cohort-report.py'),
                            csv_path, '--summary', log_path, '-o', page_path], check=True)
            pages.append(open(page_path, 'rb').read())
        if pages[0] != pages[1]:
            fail('the same CSV gave two different pages')
        page = pages[0].decode('utf-8')
        text = re.sub(r'<[^>]+>', ' ', page)
        want = ['Cohort report', '1,002 intakes'] + HEADINGS
        if version:
            want += ['libmfr ' + version.group(1).decode(), version.group(2).decode()]
        else:
            fail('no libmfr version in the batch summary: %r' % run.stderr)
        for w in want:
            if w not in text:
                fail('the page lacks %r' % w)
        for h in HEADINGS:
            if '<h2>%s</h2>' % h not in page:
                fail('no heading <h2>%s</h2>' % h)
        if not re.search(r'<b>2</b>error rows', page):
            fail('the page does not count the 2 error rows')
        if page.count('<svg') != len(HEADINGS):
            fail('%d inline SVGs, not %d' % (page.count('<svg'), len(HEADINGS)))
        for bad in (r'<script', r'\ssrc=', r'href="(?!#)', r'url\((?!#)', r'@import'):
            if re.search(bad, page):
                fail('the page may fetch something or run a script: %s' % bad)
        ids = re.findall(r'\sid="([^"]+)"', page)
        if len(ids) != len(set(ids)):
            fail('ids are not unique within the page')
        if failures:
            print('%d failure(s)' % len(failures))
            return 1

        browser = os.environ.get('CHROMIUM') or shutil.which('chromium') or \
            shutil.which('chromium-browser')
        if not browser:
            print('SKIP: no chromium (Debian: apt-get install chromium) to render the report')
            return SKIP
        page_path = os.path.join(tmp, 'a.html')
        png, pdf = os.path.join(tmp, 'report.png'), os.path.join(tmp, 'report.pdf')
        handout.chromium(browser, tmp, page_path, '--screenshot=' + png,
                         '--window-size=1240,1754')
        handout.chromium(browser, tmp, page_path, '--print-to-pdf=' + pdf,
                         '--no-pdf-header-footer')
        failures.extend(handout.failures)
        try:
            check_png(png)
        except (OSError, ValueError) as e:
            fail('%s: %s' % (png, e))
        if not open(pdf, 'rb').read(5) == b'%PDF-':
            fail('no PDF written')
        elif shutil.which('pdftotext'):
            out = subprocess.run(['pdftotext', '-raw', pdf, '-'], capture_output=True).stdout
            pdf_text = ''.join(out.decode('utf-8', 'replace').split())
            for w in ['Cohortreport'] + [''.join(h.split()) for h in HEADINGS]:
                if w not in pdf_text:
                    fail('the PDF lacks %r' % w)
        keep = os.environ.get('MFR_COHORT_REPORT_KEEP')
        if keep:
            for f in (png, pdf, page_path):
                shutil.copy(f, keep)
    print('%d failure(s)' % len(failures) if failures else
          'ok: the cohort report, its HTML and its rendering')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
