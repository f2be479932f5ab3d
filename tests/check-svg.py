#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Check the body chart (mfr --format svg; doc/svg-format.md).

Usage: check-svg.py [--no-render] MFR DATA_DIR

Writes the chart of a plan and of a trace on the built-in model, and of a
plan on DATA_DIR/models/chart.json (the model's name, region names, line
names, its body map's names and the intake id holding <, >, &, quotes and a
control character), then checks:

- the SVG: well-formed XML (a parser reads it), only the elements the writer
  uses, nothing that runs or fetches (no script, foreignObject, href or on*
  attribute), the conventions stated (the client faces the viewer on the
  front view), one numbered circle per plan step or trace result, the same
  bytes from a second run, and each hostile name as text, unchanged;
- the sides, as the client is drawn: the right forearm (CHOIR segment 115)
  is shaded left of the front view's midline, the left heel left of the
  back view's midline;
- unless --no-render, the rendering in headless Chromium, to a PNG decoded
  with zlib: not blank, dark pixels at every numbered site, red where the
  symptoms are and none at their mirror image.

Exits 0 when every check passes, 1 when one fails, 77 (skipped) when the
rendering is asked for and no Chromium is installed (CHROMIUM names one).
"""
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import json
import xml.etree.ElementTree as ET
import zlib

SKIP = 77
NS = '{http://www.w3.org/2000/svg}'
ELEMENTS = {'svg', 'title', 'desc', 'rect', 'text', 'g', 'path', 'ellipse', 'polyline',
            'circle', 'line'}
HOSTILE = ['Chart <A&B> "model" \'v\' \ufffd',           # the model's name
           'heel <b>bold</b> & "quoted" \'single\'',      # a region
           'calf muscle </li><script>alert(1)</script>',  # a region
           'T<L>& Test <Line> & "co" \'x\'',              # a line
           'intake id "rec<1>&"2""']                       # the audit trail
failures = []


def fail(what):
    failures.append(what)
    print('FAIL: ' + what)


def mfr(cmd, args):
    run = subprocess.run([cmd] + args, capture_output=True)
    if run.returncode != 0:
        fail('mfr %s: exit %d: %s' % (' '.join(args), run.returncode,
                                      run.stderr.decode('utf-8', 'replace')))
    return run.stdout.decode('utf-8')


def check_svg(name, text, sites):
    """The parsed image, after the checks every chart passes."""
    try:
        root = ET.fromstring(text.encode('utf-8'))
    except ET.ParseError as e:
        fail('%s: not well-formed XML: %s' % (name, e))
        return None
    if not text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg '):
        fail('%s: does not open with the XML declaration and <svg>' % name)
    for el in root.iter():
        tag = el.tag.replace(NS, '')
        if tag not in ELEMENTS:
            fail('%s: an element the writer does not write: <%s>' % (name, tag))
        for attr in el.attrib:
            if attr.startswith('on') or 'href' in attr:
                fail('%s: <%s %s=...>' % (name, tag, attr))
    for bad in ('<script', 'url(', 'http:', 'https:', '<foreignObject'):
        if bad in text.replace('http://www.w3.org/2000/svg', ''):
            fail('%s: holds %r: a chart fetches and runs nothing' % (name, bad))
    desc = root.find(NS + 'desc')
    if desc is None or 'faces the viewer on the front view' not in desc.text or \
            'not a clinical fact' not in desc.text:
        fail('%s: the desc does not state the conventions' % name)
    circles = [c for c in root.iter(NS + 'circle')]
    if len(circles) != sites:
        fail('%s: %d numbered sites, expected %d' % (name, len(circles), sites))
    return root


def check_markers(name, root, side=None):
    """No two numbered circles of a view overlap, each stays inside its
    view, and with @p side (the client's 'left' or 'right') every circle
    of a one-sided plan lies on that side of the client as drawn: the
    viewer's left of the back view, the viewer's right of the front view,
    for the client's left (a marker moved off its site is tied to it by a
    leader line: it must not spill onto the other limb)."""
    for view in ('front', 'back'):
        g = view_of(root, view)[0]
        if g is None:
            continue
        marks = [(float(c.get('cx')), float(c.get('cy')), float(c.get('r')))
                 for c in g.iter(NS + 'circle')]
        for i, (x, y, r) in enumerate(marks):
            if not r <= x <= 200 - r:
                fail('%s: the %s view\'s marker at (%g, %g) leaves the view' % (name, view, x, y))
            viewer_left = (side == 'left') == (view == 'back')
            if side and x != 100 and (x < 100) != viewer_left:
                fail('%s: a marker of the %s view at (%g, %g) lies on the client\'s %s'
                     % (name, view, x, y, 'right' if side == 'left' else 'left'))
            for (x2, y2, r2) in marks[:i]:
                if (x - x2) ** 2 + (y - y2) ** 2 < (r + r2) ** 2:
                    fail('%s: markers at (%g, %g) and (%g, %g) of the %s view overlap'
                         % (name, x, y, x2, y2, view))


def texts(root):
    return [''.join(el.itertext()) for el in root.iter() if el.tag in (NS + 'text',
                                                                       NS + 'title')]


def view_of(root, view):
    for g in root.iter(NS + 'g'):
        if g.get('id') == view:
            m = re.match(r'translate\((\d+) (\d+)\)', g.get('transform'))
            return g, int(m.group(1)), int(m.group(2))
    fail('no %s view' % view)
    return None, 0, 0


def symptom_places(root):
    """(view, cx, cy, rx, ry, title) of every shaded symptom."""
    out = []
    for view in ('front', 'back'):
        g, _, _ = view_of(root, view)
        for e in (g.iter(NS + 'ellipse') if g is not None else []):
            out.append((view, int(e.get('cx')), int(e.get('cy')), int(e.get('rx')),
                        int(e.get('ry')), ''.join(e.itertext())))
    return out


# One PNG reader for the render tests: check-handout.py's.
_spec = importlib.util.spec_from_file_location(
    'check_handout', os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                  'check-handout.py'))
_handout = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_handout)
png_pixels = _handout.png_pixels


def pixel(img, x, y):
    width, height, bpp, rows = img
    if not (0 <= x < width and 0 <= y < height):
        return (255, 255, 255)
    return tuple(rows[y][x * bpp:x * bpp + 3])


def around(img, x, y, r, test):
    """How many pixels within @r of (x, y) pass @test."""
    return sum(1 for dx in range(-r, r + 1) for dy in range(-r, r + 1)
               if test(pixel(img, x + dx, y + dy)))


def dark(p):
    return sum(p) < 200


def red(p):
    """The symptom shade, at any intensity, over the figure or the page."""
    return p[0] > 150 and p[0] - p[1] > 30 and p[0] - p[2] > 30


def check_png(name, path, root):
    try:
        img = png_pixels(path)
    except (OSError, ValueError, zlib.error, struct.error) as e:
        fail('%s: %s: %s' % (name, path, e))
        return
    width, height = img[0], img[1]
    if (width, height) != (int(root.get('width')), int(root.get('height'))):
        fail('%s: screenshot is %dx%d, not the image\'s %sx%s' % (
            name, width, height, root.get('width'), root.get('height')))
    total = sum(1 for y in range(0, height, 3) for x in range(0, width, 3)
                if dark(pixel(img, x, y)))
    if total < 50:
        fail('%s: the screenshot is blank (%d dark pixels sampled)' % (name, total))
    # Every numbered site: its ring and number are drawn where the SVG says.
    for view in ('front', 'back'):
        g, tx, ty = view_of(root, view)
        for c in (g.iter(NS + 'circle') if g is not None else []):
            x, y = tx + int(c.get('cx')), ty + int(c.get('cy'))
            n = around(img, x, y, 8, dark)
            if n < 12:
                fail('%s: the site at %s (%d, %d) is not drawn (%d dark pixels)' % (
                    name, view, x, y, n))
    # Every symptom: red at its place (at the edge of its shade, which a
    # site's circle on it leaves free: the writer draws it at least 11
    # across), and not at its mirror image unless another symptom is there.
    shades = symptom_places(root)
    for view, cx, cy, rx, ry, title in shades:
        _, tx, ty = view_of(root, view)
        edge = [(cx - rx + 3, cy), (cx + rx - 3, cy), (cx, cy - ry + 3), (cx, cy + ry - 3)]
        if not any(around(img, tx + x, ty + y, 1, red) >= 3 for x, y in edge):
            fail('%s: the symptom %r is not shaded at %s (%d, %d): %s' % (
                name, title, view, cx, cy, [pixel(img, tx + x, ty + y) for x, y in edge]))
        covered = any(v == view and ((200 - cx - ox) / (orx + 3)) ** 2 +
                      ((cy - oy) / (ory + 3)) ** 2 <= 1
                      for v, ox, oy, orx, ory, t in shades if t != title)
        if cx != 100 and not covered and any(around(img, tx + 200 - x, ty + y, 1, red)
                                             for x, y in edge):
            fail('%s: the symptom %r is shaded at its mirror image too' % (name, title))
    print('%s: %d dark pixels sampled; sites and symptoms drawn' % (name, total))


def chromium(browser, tmp, page, width, height):
    png = page[:-4] + '.png'
    run = subprocess.run([browser, '--headless', '--no-sandbox', '--disable-gpu',
                          '--hide-scrollbars', '--force-device-scale-factor=1',
                          '--user-data-dir=' + os.path.join(tmp, 'profile'),
                          '--screenshot=' + png, '--window-size=%d,%d' % (width, height),
                          'file://' + page], capture_output=True, timeout=180)
    if run.returncode != 0:
        fail('%s: exit %d: %s' % (browser, run.returncode,
                                  run.stderr.decode('utf-8', 'replace')[-2000:]))
    return png


def main():
    args = sys.argv[1:]
    render = True
    if args and args[0] == '--no-render':
        render, args = False, args[1:]
    cmd, data = args
    runs = {
        'plan': ['--format', 'svg', 'plan', '--symptom', 'heel:left:6', '--segment', '218:7',
                 '--condition', 'plantar_fasciitis', '--id', 'rec-42'],
        'trace': ['--format', 'svg', 'trace', '--segment', '115:5', '--max-results', '5'],
        'hostile': ['--model', os.path.join(data, 'models', 'chart.json'), '--format', 'svg',
                    'plan', '--segment', '1:6', '--segment', '2:3', '--id', 'rec<1>&"2"'],
        # Many sites at a few places on one leg: the markers fan out, on
        # the client's left (the viewer's left of the back view).
        'crowded': ['--format', 'svg', 'plan', '--symptom', 'calf:left:6', '--symptom',
                    'posterior_knee:left:5', '--answer', 'deep_vein_thrombosis=no',
                    '--minutes', '60'],
    }
    charts, roots = {}, {}
    for name, run_args in runs.items():
        charts[name] = mfr(cmd, run_args)
        if mfr(cmd, run_args) != charts[name]:
            fail('%s: a second run writes other bytes' % name)
    steps = {
        'plan': len(json.loads(mfr(cmd, ['--format', 'json'] + runs['plan'][2:]))
                    ['steps']),
        'trace': 5,
        'hostile': len(json.loads(mfr(cmd, ['--format', 'json'] +
                                                   runs['hostile'][:2] +
                                                   runs['hostile'][4:]))['steps']),
        'crowded': len(json.loads(mfr(cmd, ['--format', 'json'] + runs['crowded'][2:]))
                       ['steps']),
    }
    for name, text in charts.items():
        root = check_svg(name, text, steps[name])
        if root is None:
            continue
        roots[name] = root
        check_markers(name, root)
        words = ' '.join(texts(root))
        for w in (HOSTILE if name == 'hostile' else ['Audit: libmfr']):
            if w not in words:
                fail('%s: the image\'s text lacks %r' % (name, w))
    # The sides, as the client is drawn: the right forearm on the viewer's
    # left of the front view; the left heel on the viewer's left of the back.
    if 'trace' in roots:
        places = symptom_places(roots['trace'])
        if not places or any(v != 'front' or cx >= 100 for v, cx, _, _, _, _ in places):
            fail('trace: the right forearm is not left of the front view\'s midline: %s'
                 % places)
    if 'crowded' in roots:
        back = view_of(roots['crowded'], 'back')[0]
        if back is None or len(list(back.iter(NS + 'circle'))) < 8:
            fail('crowded: fewer than 8 sites on the back view, nothing to fan out')
        check_markers('crowded', roots['crowded'], side='left')
    if 'plan' in roots:
        heel = [p for p in symptom_places(roots['plan']) if p[5].startswith('left heel')]
        if not heel or any(v != 'back' or cx >= 100 for v, cx, _, _, _, _ in heel):
            fail('plan: the left heel is not left of the back view\'s midline: %s' % heel)
    if failures or not render:
        print('%d failure(s)' % len(failures) if failures else 'ok: the body charts')
        return 1 if failures else 0

    browser = os.environ.get('CHROMIUM') or shutil.which('chromium') or \
        shutil.which('chromium-browser')
    if not browser:
        print('SKIP: no chromium (Debian: apt-get install chromium) to render the chart')
        return SKIP
    with tempfile.TemporaryDirectory() as tmp:
        for name, root in roots.items():
            page = os.path.join(tmp, name + '.svg')
            open(page, 'w', encoding='utf-8').write(charts[name])
            png = chromium(browser, tmp, page, int(root.get('width')),
                           int(root.get('height')))
            check_png(name, png, root)
            if os.environ.get('MFR_SVG_KEEP'):
                for f in (png, page):
                    shutil.copy(f, os.environ['MFR_SVG_KEEP'])
    print('%d failure(s)' % len(failures) if failures else 'ok: the body charts and their '
          'rendering')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
