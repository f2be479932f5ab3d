#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Check that the message codes the library's sources name and the English
table (lib/data/messages-en.json) agree.

Usage: check-messages.py SOURCE_DIR

Every string literal of lib/*.c that has the shape of a message code of
one of the table's families ("warning.refer_out.absolute", "soap.time",
"empty", ...) must be a code of the table, or the library would write ""
where the sentence belongs (the lookup of a code the table lacks gives
""); and every code of the table must be named by some source, or it is
a sentence nothing writes, which a translator would translate for
nothing. Each template's braces must be well formed, and a code's
parameter names lower-case words. Prints what disagrees; exits 1 if
anything does.
"""
import json
import re
import sys
from pathlib import Path

src = Path(sys.argv[1])
table = json.loads((src / 'lib' / 'data' / 'messages-en.json').read_text(encoding='utf-8'))
codes = set(table['messages'])
families = {c.split('.')[0] for c in codes}
literal = re.compile(r'"((?:[a-z_]+)(?:\.[a-z_0-9]+)*)"')
problems = []

used = set()
for path in sorted((src / 'lib').glob('*.c')):
    text = path.read_text(encoding='utf-8')
    for n, line in enumerate(text.split('\n'), 1):
        for m in literal.finditer(line):
            s = m.group(1)
            if s in codes:
                used.add(s)
            elif '.' in s and s.split('.')[0] in families and not line.lstrip().startswith('#include') \
                    and not re.search(r'\.(json|md|h|c)$', s):
                problems.append('%s:%d: "%s" has the shape of a message code, but the '
                                'English table has no such code' % (path.relative_to(src), n, s))

for code in sorted(codes - used):
    problems.append('lib/data/messages-en.json: "%s" is named by no source of lib/: '
                    'remove it, or write it' % code)

param = re.compile(r'\{\{|\{([a-z][a-z0-9_]*)\}|\{')
for code, tmpl in table['messages'].items():
    for m in param.finditer(tmpl):
        if m.group(0) == '{':
            problems.append('lib/data/messages-en.json: "%s": a "{" that is neither '
                            '"{name}" nor "{{"' % code)

for p in problems:
    print(p)
print('%d codes, %d named by the sources, %d problems' % (len(codes), len(used), len(problems)))
sys.exit(1 if problems else 0)
