#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Check that each example of a document is what mfr prints.

Usage: check-doc-examples.py [--update] MFR DOC...

Every fenced block of DOC whose first line is "$ mfr ARGS" must hold, after
that line, exactly what `mfr ARGS` writes on standard output. The libmfr
version and the model's content hash are masked on both sides (they name
the build and the model's data, which change without changing the format);
everything else is compared byte for byte. Prints one line per example and
exits 1 if any differs (or a document has none). With --update, writes
what mfr prints into each example instead (after a change of the planner or
of the default model's data: review the diff).
"""
import re
import shlex
import subprocess
import sys

MASKS = [(re.compile(r'fnv1a64:[0-9a-f]{16}'), 'fnv1a64:<hash>'),
         (re.compile(r'(libmfr[ _"a-z:]*?)\d+\.\d+\.\d+'), r'\1<version>')]


def mask(text):
    for pattern, repl in MASKS:
        text = pattern.sub(repl, text)
    return text


def examples(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    i = 0
    while i < len(lines):
        if lines[i].startswith('```') and i + 1 < len(lines) and \
                lines[i + 1].startswith('$ mfr '):
            j = i + 2
            while not lines[j].startswith('```'):
                j += 1
            yield i + 2, lines[i + 1][len('$ mfr '):], '\n'.join(lines[i + 2:j]) + '\n'
            i = j
        i += 1


def update(mfr, doc):
    lines = open(doc, encoding='utf-8').read().split('\n')
    out, i = [], 0
    while i < len(lines):
        out.append(lines[i])
        if lines[i].startswith('```') and i + 1 < len(lines) and \
                lines[i + 1].startswith('$ mfr '):
            j = i + 2
            while not lines[j].startswith('```'):
                j += 1
            args = lines[i + 1][len('$ mfr '):]
            run = subprocess.run([mfr] + shlex.split(args), capture_output=True,
                                 check=True)
            out.append(lines[i + 1])
            out.extend(run.stdout.decode('utf-8').replace('\r\n', '\n').rstrip('\n').split('\n'))
            i = j
            continue
        i += 1
    open(doc, 'w', encoding='utf-8').write('\n'.join(out))


def main():
    if sys.argv[1] == '--update':
        for doc in sys.argv[3:]:
            update(sys.argv[2], doc)
        return 0
    mfr, docs = sys.argv[1], sys.argv[2:]
    failed = 0
    for doc in docs:
        found = 0
        for line, args, want in examples(doc):
            found += 1
            run = subprocess.run([mfr] + shlex.split(args), capture_output=True)
            # CSV records end in CRLF (RFC 4180), a document's lines in LF.
            got = run.stdout.decode('utf-8').replace('\r\n', '\n')
            if run.returncode != 0 or mask(got) != mask(want):
                failed += 1
                print('FAIL: %s:%d: `mfr %s` (exit %d) prints otherwise:\n%s'
                      % (doc, line, args, run.returncode, got))
            else:
                print('ok: %s:%d' % (doc, line))
        if not found:
            failed += 1
            print('FAIL: %s: no example' % doc)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
