#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Check the client handout (mfr --format handout; doc/handout-format.md).

Usage: check-handout.py [--no-render] MFR DATA_DIR

Writes the handout of a plan and of a program on the built-in model, and of
a plan on DATA_DIR/models/handout.json (names, aftercare, model name and
intake id holding <, >, & and quotes), then checks:

- the HTML: one doctype, then html with lang, a head with charset, viewport,
  title and one style element, every element closed in order (void ones
  excepted), only the elements the writer uses, no script, nothing fetched
  (no src, href, url() or @import), an @media print block; and the page's
  text holds each hostile name as text, unchanged;
- unless --no-render, the rendering in headless Chromium: a 1240x1754
  screenshot (A4 at 150 dpi) that is not blank (decoded with zlib: enough
  text-dark pixels, the teal top bar and the red help box are there), and a
  PDF printed on one page whose text (pdftotext, when poppler-utils is
  installed) holds the title, the sites, the aftercare, the disclaimer and
  the audit trail.

Exits 0 when every check passes, 1 when one fails, 77 (skipped) when the
rendering is asked for and no Chromium is installed (CHROMIUM names one).
"""
import html.parser
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

SKIP = 77
VOID = {'meta'}
ELEMENTS = {'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'h1', 'h2',
            'p', 'section', 'ul', 'li', 'footer'}
HOSTILE = ['heel <b>bold</b> & "quoted" \'single\'',
           'calf muscle </li><script>alert(1)</script>',
           'Rest & drink <water>, "now" and \'later\'.',
           'Call <help> & say "now" if it\'s <worse>.',
           'Clinic <A&B> "model" \'v\'',
           'rec<1>&"2"']
failures = []


def fail(what):
    failures.append(what)
    print('FAIL: ' + what)


class Page(html.parser.HTMLParser):
    """The structure of one page: its elements in order, its text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.doctype, self.stack, self.seen, self.text = None, [], [], []
        self.problems = []

    def handle_decl(self, decl):
        if self.doctype is not None or self.seen:
            self.problems.append('a doctype after the start: ' + decl)
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        self.seen.append(tag)
        if tag not in ELEMENTS:
            self.problems.append('an element the writer does not write: <%s>' % tag)
        for name, value in attrs:
            if name in ('src', 'href', 'srcset', 'action') or name.startswith('on'):
                self.problems.append('<%s %s="%s">' % (tag, name, value))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.problems.append('a self-closing <%s/>' % tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append('</%s> closes <%s>' % (tag, self.stack[-1] if self.stack
                                                         else 'nothing'))
        else:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] != 'style':
            self.text.append(data)


def check_html(name, page):
    p = Page()
    p.feed(page)
    p.close()
    for problem in p.problems:
        fail('%s: %s' % (name, problem))
    if p.stack:
        fail('%s: unclosed %s' % (name, ', '.join(p.stack)))
    if p.doctype != 'DOCTYPE html':
        fail('%s: doctype %r, not "DOCTYPE html"' % (name, p.doctype))
    if p.seen[:5] != ['html', 'head', 'meta', 'meta', 'title'] or \
            p.seen.count('style') != 1 or p.seen.count('body') != 1:
        fail('%s: head is %s' % (name, p.seen[:6]))
    if not re.match(r'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
                    page):
        fail('%s: does not open with the doctype, lang and charset' % name)
    for bad in ('url(', '@import', 'http:', 'https:', '<script'):
        if bad in page:
            fail('%s: holds %r: a handout fetches and runs nothing' % (name, bad))
    if '@media print {' not in page or '@page {' not in page:
        fail('%s: no print styles' % name)
    return ' '.join(''.join(p.text).split())


def mfr(cmd, args):
    run = subprocess.run([cmd] + args, capture_output=True)
    if run.returncode != 0:
        fail('mfr %s: exit %d: %s' % (' '.join(args), run.returncode,
                                      run.stderr.decode('utf-8', 'replace')))
    return run.stdout.decode('utf-8')


def png_pixels(path):
    """(width, height, rows of RGB tuples) of an 8-bit RGB or RGBA PNG."""
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError('not a PNG')
    pos, idat, width = 8, b'', None
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            width, height, depth, color, _, _, interlace = struct.unpack('>IIBBBBB', body)
            if depth != 8 or color not in (2, 6) or interlace:
                raise ValueError('PNG depth %d colour %d interlace %d' % (depth, color,
                                                                          interlace))
            bpp = 3 if color == 2 else 4
        elif kind == b'IDAT':
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, bpp, rows


def check_png(name, path):
    try:
        width, height, bpp, rows = png_pixels(path)
    except (OSError, ValueError, zlib.error, struct.error) as e:
        fail('%s: %s: %s' % (name, path, e))
        return
    if (width, height) != (1240, 1754):
        fail('%s: screenshot is %dx%d, not 1240x1754' % (name, width, height))
    dark = teal = red = 0
    for line in rows[::2]:
        for x in range(0, width * bpp, 2 * bpp):
            r, g, b = line[x], line[x + 1], line[x + 2]
            if r + g + b < 240:
                dark += 1
            if abs(r - 0x2e) < 12 and abs(g - 0x7d) < 12 and abs(b - 0x6e) < 12:
                teal += 1
            if abs(r - 0xb3) < 16 and abs(g - 0x26) < 16 and abs(b - 0x1e) < 16:
                red += 1
    sampled = (height // 2) * (width // 2)
    print('%s: %d of %d sampled pixels text-dark, %d teal, %d red'
          % (name, dark, sampled, teal, red))
    if dark < sampled // 400:
        fail('%s: the screenshot is blank (%d text-dark pixels of %d)' % (name, dark, sampled))
    if teal < 500:
        fail('%s: no teal top bar (%d pixels)' % (name, teal))
    if red < 300:
        fail('%s: no red help box (%d pixels)' % (name, red))


def chromium(browser, tmp, page_path, *flags):
    run = subprocess.run([browser, '--headless', '--no-sandbox', '--disable-gpu',
                          '--hide-scrollbars', '--user-data-dir=' + os.path.join(tmp, 'profile'),
                          *flags, 'file://' + page_path],
                         capture_output=True, timeout=180)
    if run.returncode != 0:
        fail('%s %s: exit %d: %s' % (browser, ' '.join(flags), run.returncode,
                                     run.stderr.decode('utf-8', 'replace')[-2000:]))


def check_pdf(name, path, want, hostile):
    data = open(path, 'rb').read() if os.path.exists(path) else b''
    if not data.startswith(b'%PDF-'):
        fail('%s: no PDF written' % name)
        return
    if not shutil.which('pdftotext'):
        print('%s: PDF written; no pdftotext (poppler-utils) to read it' % name)
        return
    run = subprocess.run(['pdftotext', '-raw', path, '-'], capture_output=True)
    # Compared without white space: the PDF's lines break where the page's do.
    text = ''.join(run.stdout.decode('utf-8', 'replace').split())
    pages = run.stdout.count(b'\f')  # pdftotext ends each page with a form feed
    if pages != 1:
        fail('%s: printed on %d pages, not one' % (name, pages))
    for w in want + (HOSTILE if hostile else []):
        if ''.join(w.split()) not in text:
            fail('%s: the PDF lacks %r: %s' % (name, w, text[:3000]))


def main():
    args = sys.argv[1:]
    render = True
    if args and args[0] == '--no-render':
        render, args = False, args[1:]
    cmd, data = args
    hostile_model = os.path.join(data, 'models', 'handout.json')
    pages = {
        'plan': (mfr(cmd, ['--format', 'handout', 'plan', '--symptom', 'heel:left:6',
                           '--condition', 'plantar_fasciitis', '--minutes', '30',
                           '--answer', 'deep_vein_thrombosis=no', '--id', 'rec-42']), False),
        'program': (mfr(cmd, ['--format', 'handout', 'program', '--symptom', 'low_back:right:7',
                              '--precaution', 'anticoagulant_therapy', '--answer',
                              'unexplained_pain=no', '--answer', 'pregnancy=no', '--answer',
                              'blood_pressure_stroke=no', '--sessions', '4',
                              '--weeks', '2', '--id', 'rec-42']), False),
        'hostile': (mfr(cmd, ['--model', hostile_model, '--format', 'handout', 'plan',
                              '--symptom', 'heel:left:6', '--id', 'rec<1>&"2"']), True),
    }
    want = {
        'plan': ['Your myofascial release session', 'left heel', 'left soleus',
                 'usually resolves within 24 to 48 hours', 'When to get help at once',
                 'Seek medical care at once', 'your therapist decides on your treatment',
                 'intake id "rec-42"', 'Audit: libmfr'],
        'program': ['Your myofascial release sessions', '4 sessions of 60 minutes over 2 weeks',
                    'right low back', 'After each session', 'You may bruise more easily',
                    'When to get help at once', 'intake id "rec-42"'],
        'hostile': ['Your myofascial release session'],
    }
    for name, (page, hostile) in pages.items():
        text = check_html(name, page)
        for w in want[name] + (HOSTILE if hostile else []):
            if w not in text:
                fail('%s: the page\'s text lacks %r' % (name, w))
    if failures or not render:
        print('%d failure(s)' % len(failures) if failures else 'ok: the handout HTML')
        return 1 if failures else 0

    browser = os.environ.get('CHROMIUM') or shutil.which('chromium') or \
        shutil.which('chromium-browser')
    if not browser:
        print('SKIP: no chromium (Debian: apt-get install chromium) to render the handout')
        return SKIP
    with tempfile.TemporaryDirectory() as tmp:
        for name, (page, hostile) in pages.items():
            page_path = os.path.join(tmp, name + '.html')
            open(page_path, 'w', encoding='utf-8').write(page)
            png, pdf = os.path.join(tmp, name + '.png'), os.path.join(tmp, name + '.pdf')
            chromium(browser, tmp, page_path, '--screenshot=' + png, '--window-size=1240,1754')
            check_png(name, png)
            chromium(browser, tmp, page_path, '--print-to-pdf=' + pdf, '--no-pdf-header-footer')
            check_pdf(name, pdf, want[name], hostile)
            if os.environ.get('MFR_HANDOUT_KEEP'):
                for f in (png, pdf, page_path):
                    shutil.copy(f, os.environ['MFR_HANDOUT_KEEP'])
    print('%d failure(s)' % len(failures) if failures else 'ok: the handout HTML and its '
          'rendering')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
