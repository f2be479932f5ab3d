#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Walk the fascial lines of a libmfr model, as a therapist would read them.

Usage: walk_model.py [MODEL.json]

Prints each line with its evidence grade, then each branch from its lower
(distal) end upwards: the stations (bony attachments) and tracks
(myofascial structures), the side each lies on relative to where the line
starts, and where the line crosses the midline. Without MODEL.json it uses
the default model built into libmfr. Decision support only: it describes
the model and never diagnoses.
"""

import sys
from pathlib import Path

try:
    import libmfr
except ImportError:  # run from a source tree without PYTHONPATH
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import libmfr

# How the line-relative sides read in a session plan.
SIDE_WORDS = {'ipsi': 'starting side', 'contra': 'opposite side',
              'mid': 'midline'}


def describe_node(node):
    """One node as "station  sacrum  (midline)", with its notes."""
    regions = ', '.join(r.name for r in node.regions)
    text = '%-7s  %s  (%s)' % (node.kind, regions,
                               SIDE_WORDS.get(node.side, node.side))
    if node.may_cross:
        text += '; may continue on the other side'
    if node.note and node.note.lower() != regions.lower():
        text += '; source: "%s"' % node.note
    return text


def walk(model):
    """Print every line of @p model, branch by branch."""
    print('%s, version %s (libmfr %s)' % (model.name, model.version,
                                          libmfr.version()))
    print('%d fascial lines; each exists as a left and a right copy.'
          % model.count('line'))
    for line in model.lines():
        sources = ', '.join(s.key for s in line.evidence_sources)
        print('\n%s (%s): evidence %s%s' % (
            line.name, line.abbrev, line.evidence.replace('_', ' '),
            ' [%s]' % sources if sources else ''))
        for branch in line.branches:
            print('  %s:' % (branch.name or branch.key))
            for step, node in enumerate(branch.nodes, 1):
                if node.crosses:
                    print('        ~ crosses the midline ~')
                print('    %2d. %s' % (step, describe_node(node)))
        if line.provenance.is_convention:
            print('  (practice convention: the sources mark it unverified)')


def main(argv):
    if len(argv) > 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        model = (libmfr.Model.load_file(argv[1]) if len(argv) == 2
                 else libmfr.Model.default())
    except libmfr.MfrError as e:
        print('walk_model: %s' % e, file=sys.stderr)
        return 1
    with model:
        walk(model)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
