#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Plan one session for the first worked case and print it as a therapist
would read it.

Usage: plan_session.py [--minutes N] [--json]

The client (the first worked case of doc/algorithm.md) reports chronic
pain in the left heel at 6/10, and the clinician recorded plantar
fasciitis. The plan screens the precautions, traces the symptom to local
and distant sites, and orders the steps by client position: the opening
assessment, the treatment sites (root causes first), the closing
integration. Then come the warnings and the aftercare to give the client.
--json prints the plan's JSON instead (doc/plan-format.md).

Decision support for a licensed therapist: it never diagnoses, and the
therapist's own assessment comes first.
"""

import argparse
import sys
from pathlib import Path

try:
    import libmfr
except ImportError:  # run from a source tree without PYTHONPATH
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import libmfr

STATUS_WORDS = {
    'ok': 'may be carried out as written',
    'needs_clearance': 'start only once a physician has cleared the client',
    'refer_out': 'do not treat: refer the client to a physician',
}
PHASE_WORDS = {'assessment': 'opening', 'treatment': 'treat',
               'integration': 'closing'}


def words(name):
    """An enum name as words: "side_lying" -> "side-lying"."""
    return name.replace('_', '-') if name == 'side_lying' \
        else name.replace('_', ' ')


def site(region, side):
    """"left heel", or "sacrum" for a midline site."""
    return region.name if side == 'midline' else '%s %s' % (side, region.name)


def duration(seconds):
    return '%d:%02d' % divmod(seconds, 60)


def build_intake(model, minutes):
    """The first worked case: chronic left heel pain, plantar fasciitis;
    the client says no to a clot (until that is asked, the calf is held
    back)."""
    intake = libmfr.Intake(model)
    intake.add_symptom('heel', 'left', intensity=6, onset='chronic')
    intake.add_condition('plantar_fasciitis')
    intake.add_answer('deep_vein_thrombosis', 'no')
    intake.minutes = minutes
    return intake


def print_plan(intake, plan):
    symptoms = ', '.join('%s (%d/10, %s)' % (site(s.region, s.side),
                                             s.intensity, s.onset)
                         for s in intake.symptoms)
    print('Session plan for: %s' % symptoms)
    print('Recorded: %s' % ', '.join(c.name for c in intake.conditions))
    print('Decision support for a licensed therapist; not a diagnosis.\n')
    print('Status: %s (%s)' % (words(plan.status),
                               STATUS_WORDS.get(plan.status, plan.status)))
    print('Time: %s of %s minutes planned, %d position change%s; pressure '
          'no firmer than %s' % (
              duration(plan.total_seconds), plan.session_seconds // 60,
              plan.position_changes,
              '' if plan.position_changes == 1 else 's',
              words(plan.pressure_ceiling)))

    if plan.warnings:
        print('\nBefore you start:')
        for warning in plan.warnings:
            print('  ! [%s] %s' % (words(warning.kind), warning.text))

    position = None
    for number, step in enumerate(plan.steps, 1):
        if step.position != position:
            position = step.position
            print('\nClient %s:' % words(position))
        print('  %2d. %-7s %s: %s, %s, %s pressure, %s' % (
            number, PHASE_WORDS.get(step.phase, step.phase),
            site(step.region, step.side), step.technique.name,
            step.approach, words(step.pressure), duration(step.seconds)))
        print('      why: %s' % step.rationale)

    print('\nAftercare (tell the client):')
    for text in plan.aftercare:
        print('  - %s' % text)


def main(argv):
    parser = argparse.ArgumentParser(
        description=__doc__.strip().splitlines()[0])
    parser.add_argument('--minutes', type=int, default=60,
                        help='session length, 10 to 180 (default 60)')
    parser.add_argument('--json', action='store_true',
                        help='print the plan as JSON')
    args = parser.parse_args(argv[1:])
    try:
        with libmfr.Model.default() as model, \
                build_intake(model, args.minutes) as intake, \
                libmfr.Plan(intake) as plan:
            if args.json:
                sys.stdout.write(plan.to_json())
            else:
                print_plan(intake, plan)
    except libmfr.MfrError as e:
        print('plan_session: %s' % e, file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
