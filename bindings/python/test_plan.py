#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Tests of the intake, trace, plan and program parts of the libmfr Python
binding, against the built shared library.

Run from the repository root:
    LIBMFR_LIBRARY=build/lib/libmfr.so PYTHONPATH=bindings/python \\
        python3 bindings/python/test_plan.py -v
MFR_TEST_DATA names tests/data (default: found beside this file). MFR_CLI,
when set, is the path of the built `mfr` tool: the trace JSON is then
compared byte for byte with its output (skipped when unset).

The worked case is the first of doc/algorithm.md: a left heel at intensity
6 with plantar fasciitis recorded. libmfr is decision support for licensed
therapists; it never diagnoses.
"""

import gc
import json
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path
from unittest import mock

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DATA = Path(os.environ.get('MFR_TEST_DATA', REPO / 'tests' / 'data'))
MINIMAL = DATA / 'models' / 'minimal.json'
EXTRA = DATA / 'models' / 'extra.json'

# Convenience for a plain run from a source tree built in ./build.
if 'LIBMFR_LIBRARY' not in os.environ and \
        (REPO / 'build' / 'lib' / 'libmfr.so').exists():
    os.environ['LIBMFR_LIBRARY'] = str(REPO / 'build' / 'lib' / 'libmfr.so')
sys.path.insert(0, str(HERE))

import libmfr  # noqa: E402
from libmfr import Intake, MfrError, Model, Plan, Program, Status, \
    Trace  # noqa: E402
from libmfr import STEP_DANGER_ZONE, STEP_INTERNAL  # noqa: E402

# mfr_pressure_t is ordered: a later name is firmer (common.h).
PRESSURES = ['very_light', 'light', 'moderate', 'firm']


def worked_case(model, **extra):
    """The first worked case: left heel 6/10, plantar fasciitis; no clot
    (the calf is held back until that question is answered)."""
    intake = Intake(model)
    intake.add_symptom('heel', 'left', 6)
    intake.add_condition('plantar_fasciitis')
    intake.add_answer('deep_vein_thrombosis', 'no')
    for key, value in extra.items():
        setattr(intake, key, value)
    return intake


def ancestors(region):
    """@p region and every region that contains it (its parent chain)."""
    chain = []
    while region is not None:
        chain.append(region)
        region = region.parent
    return chain


class DefaultModelCase(unittest.TestCase):
    """Shares one default model across a class's tests."""

    @classmethod
    def setUpClass(cls):
        cls.model = Model.default()

    @classmethod
    def tearDownClass(cls):
        cls.model.close()

    def raises(self, status, fn, *args, **kwargs):
        """Assert fn(...) raises MfrError with @p status; return it."""
        with self.assertRaises(MfrError) as cm:
            fn(*args, **kwargs)
        self.assertEqual(cm.exception.status, status, cm.exception.message)
        self.assertEqual(cm.exception.status_name, status.name)
        self.assertTrue(cm.exception.message)
        return cm.exception

    def check_invariants(self, plan, intake, block_seconds=120):
        """What every plan keeps (plan.h): time within the session (which
        a dose may shorten), holds within their technique's range, pressure
        within the ceiling and the step's danger zone's, internal work only
        under a declared scope, the aftercare for this intake."""
        self.assertLessEqual(plan.total_seconds, plan.session_seconds)
        self.assertLessEqual(plan.session_seconds, intake.minutes * 60)
        if not any(w.code == 'session_shortened' for w in plan.warnings):
            self.assertEqual(plan.session_seconds, intake.minutes * 60)
        self.assertIn(plan.pressure_ceiling, PRESSURES)
        ceiling = PRESSURES.index(plan.pressure_ceiling)
        for step in plan.steps:
            with self.subTest(step=step):
                if step.position == 'side_lying':
                    self.assertIn(step.lying_side, ('left', 'right'))
                    self.assertNotEqual(step.lying_side, step.side)
                else:
                    self.assertIsNone(step.lying_side)
                hold = step.technique.hold
                if hold is not None:
                    self.assertGreaterEqual(step.seconds, hold[0])
                    self.assertLessEqual(step.seconds, hold[1])
                else:  # an opening or closing block without a duration
                    self.assertNotEqual(step.phase, 'treatment')
                    self.assertEqual(step.seconds, block_seconds)
                self.assertLessEqual(PRESSURES.index(step.pressure), ceiling)
                zone = self.model.danger_zone_covering(step.region)
                self.assertEqual(step.danger_zone, zone)
                self.assertEqual(bool(step.flags & STEP_DANGER_ZONE),
                                 zone is not None)
                if zone is not None:
                    self.assertLessEqual(
                        PRESSURES.index(step.pressure),
                        PRESSURES.index(zone.pressure_ceiling))
                    self.assertNotIn(step.technique, zone.excluded_techniques)
                self.assertEqual(step.internal, bool(step.flags
                                                     & STEP_INTERNAL))
                self.assertEqual(step.internal,
                                 step.region.access != 'external')
                if step.internal:
                    self.assertIn(step.region.access, intake.scopes)
                self.assertIn(step.approach, ('direct', 'indirect'))
                self.assertEqual(step.side == 'midline',
                                 step.region.laterality == 'midline')
                self.assertIn(step.position, intake.positions)
                self.assertIn(step.position, step.region.positions)
                self.assertIn(step.position, step.technique.positions)
                self.assertEqual(step.trace_rank is None,
                                 step.phase != 'treatment')
                self.assertTrue(step.rationale)
        self.assertEqual(plan.aftercare_keys,
                         self.aftercare_for(intake, not plan.steps))
        self.assertEqual(plan.aftercare_items,
                         tuple(zip(plan.aftercare_keys, plan.aftercare_kinds,
                                   plan.aftercare)))

    def aftercare_for(self, intake, no_session=False):
        """The keys of the aftercare items a plan for @p intake gives: those
        for every client, and those for a precaution it records; with
        @p no_session (nothing planned), the red flags only."""
        recorded = {p.precaution for p in intake.precautions}
        return tuple(a.key for a in self.model.aftercare()
                     if (not a.when or recorded & set(a.when))
                     and (not no_session or a.kind == 'red_flag'))


# ---- intake ----------------------------------------------------------------

class IntakeTests(DefaultModelCase):

    def setUp(self):
        self.intake = Intake(self.model)

    def tearDown(self):
        self.intake.close()

    def test_new_intake(self):
        i = self.intake
        self.assertIs(i.model, self.model)
        self.assertEqual(i.minutes, 60)
        self.assertEqual(i.positions, ('prone', 'supine', 'side_lying',
                                       'seated', 'standing'))
        self.assertEqual((i.symptoms, i.conditions, i.precautions,
                          i.clearances, i.scopes), ((), (), (), (), ()))
        self.assertFalse(i.closed)
        with self.assertRaises(TypeError):
            Intake('not a model')

    def test_audit_id_and_extensions(self):
        i = self.intake
        self.assertIsNone(i.id)
        self.assertIsNone(i.extensions)
        i.id = 'rec-42/\u00e9'
        i.extensions = '{"ehr": {"score": 1.50},\n "tags": []}'
        self.assertEqual(i.id, 'rec-42/\u00e9')
        self.assertEqual(i.extensions, '{"ehr":{"score":1.50},"tags":[]}')
        for bad in ('', 'a\nb'):
            err = self.raises(Status.MFR_E_RANGE, setattr, i, 'id', bad)
            self.assertIn('id', err.message)
        self.raises(Status.MFR_E_TYPE, setattr, i, 'extensions', '[1]')
        self.raises(Status.MFR_E_SYNTAX, setattr, i, 'extensions', '{"a": }')
        self.assertEqual(i.id, 'rec-42/\u00e9')  # a failure changes nothing
        self.assertEqual(i.extensions, '{"ehr":{"score":1.50},"tags":[]}')
        i.add_symptom('heel', 'left', 6)
        again = Intake.from_json(self.model, i.to_json())
        self.assertEqual((again.id, again.extensions), (i.id, i.extensions))
        plan = Plan(i)
        i.extensions = {'changed': True}
        doc = json.loads(plan.to_json())
        self.assertEqual(doc['audit']['intake_id'], 'rec-42/\u00e9')
        self.assertEqual(doc['audit']['libmfr_version'], libmfr.version())
        self.assertEqual(doc['audit']['model'],
                         {'name': self.model.name, 'version': self.model.version,
                          'content_hash': self.model.content_hash})
        self.assertEqual(doc['extensions'], {'ehr': {'score': 1.5}, 'tags': []})
        self.assertRegex(self.model.content_hash, r'^fnv1a64:[0-9a-f]{16}$')
        i.id = i.extensions = None
        self.assertEqual((i.id, i.extensions), (None, None))
        plan.close()
        again.close()

    def test_write_formats(self):
        i = self.intake
        i.add_symptom('heel', 'left', 6)
        i.id = 'rec-7'
        self.assertEqual(libmfr.formats()[:3], ('json', 'text', 'soap'))
        self.assertIn('handout', libmfr.formats())
        trace, plan = Trace(i), Plan(i)
        program = Program(i, 2, 1)
        for obj in (trace, plan, program):
            self.assertEqual(obj.write('json'), obj.to_json())
            self.assertEqual(obj.write('json', compact=True),
                             obj.to_json(compact=True))
            self.assertEqual(obj.write(), obj.to_text())
            self.raises(Status.MFR_E_INVALID, obj.write, 'text', compact=True)
            err = self.raises(Status.MFR_E_UNKNOWN, obj.write, 'pdf')
            self.assertIn("'pdf'", err.message)
            with self.assertRaises(TypeError):
                obj.write(1)
        self.assertTrue(plan.to_text().startswith('Session plan. '))
        self.assertIn('csv', libmfr.formats())
        csv = plan.write('csv')
        self.assertTrue(csv.startswith('id,session,status,order,'))
        self.assertIn('\r\nrec-7,1,', csv)
        self.assertTrue(trace.write('csv').startswith('id,rank,region,'))
        self.assertIn('\r\nrec-7,2,', program.write('csv'))
        self.assertIn('svg', libmfr.formats())
        self.assertTrue(plan.write('svg').startswith('<?xml version="1.0"'))
        self.assertIn('<g class="site">', trace.write('svg'))
        soap = plan.write('soap')
        self.assertTrue(soap.startswith('P (plan): myofascial release'))
        self.assertIn('CPT 97140', soap)
        self.assertIn('intake id "rec-7"', soap)
        self.assertTrue(program.write('soap').startswith(
            'P (plan): myofascial release, 2 sessions over 1 week.'))
        err = self.raises(Status.MFR_E_CONSTRAINT, trace.write, 'soap')
        self.assertIn('json, text, csv or svg', err.message)
        self.assertEqual(libmfr.formats()[3], 'fhir')
        bundle = json.loads(plan.write('fhir'))
        self.assertEqual((bundle['resourceType'], bundle['type']), ('Bundle', 'collection'))
        self.assertEqual(bundle['identifier']['value'], 'rec-7')
        requests = [e['resource'] for e in bundle['entry']
                    if e['resource']['resourceType'] == 'ServiceRequest']
        self.assertEqual(len(requests), len(json.loads(plan.to_json())['steps']))
        self.assertEqual(json.loads(plan.write('fhir', compact=True)), bundle)
        self.assertEqual(json.loads(program.write('fhir'))['type'], 'collection')
        try:
            import jsonschema
        except ImportError:
            jsonschema = None
        if jsonschema and os.environ.get('MFR_TEST_DATA'):
            schema = Path(os.environ['MFR_TEST_DATA'], 'fhir', 'fhir.schema.json')
            validator = jsonschema.Draft6Validator(json.loads(schema.read_text()))
            for doc in (bundle, json.loads(program.write('fhir'))):
                self.assertEqual(list(validator.iter_errors(doc)), [])
        err = self.raises(Status.MFR_E_CONSTRAINT, trace.write, 'fhir')
        self.assertIn('a trace is not written as fhir', err.message)
        # The client handout: one HTML page, for plans and programs only.
        handout = plan.write('handout')
        self.assertTrue(handout.startswith('<!DOCTYPE html>\n<html lang="en">'))
        self.assertIn('<p class="why">Where you feel it</p>', handout)
        self.assertIn('intake id &quot;rec-7&quot;', handout)
        self.assertIn('<title>Your myofascial release sessions</title>',
                      program.write('handout'))
        err = self.raises(Status.MFR_E_CONSTRAINT, trace.write, 'handout')
        self.assertIn('is written as json, text, csv or svg', err.message)
        err = self.raises(Status.MFR_E_UNKNOWN, plan.write, 'html')
        self.assertIn('handout', err.message)
        self.raises(Status.MFR_E_INVALID, plan.write, 'handout', compact=True)
        self.assertTrue(program.to_text().startswith('Program: 2 sessions'))
        self.assertTrue(trace.to_text().startswith('Trace for: left heel (6/10)'))
        if os.environ.get('MFR_CLI'):
            cli = subprocess.run([os.environ['MFR_CLI'], 'plan', '--symptom',
                                  'heel:left:6', '--id', 'rec-7'],
                                 capture_output=True, check=True)
            self.assertEqual(cli.stdout.decode('utf-8'), plan.to_text())
        for obj in (trace, plan, program):
            obj.close()

    def test_symptoms(self):
        i = self.intake
        i.add_symptom('heel', 'left', 6)
        i.add_symptom(self.model.region('heel'), 'right')
        i.add_symptom('forehead', None, 3, 'acute')
        i.add_symptom('chin', 'midline', intensity=0, onset='chronic')
        self.assertEqual(
            [(s.region.key, s.side, s.intensity, s.onset) for s in i.symptoms],
            [('heel', 'left', 6, 'unspecified'),
             ('heel', 'right', 5, 'unspecified'),
             ('forehead', 'midline', 3, 'acute'),
             ('chin', 'midline', 0, 'chronic')])
        self.assertIsInstance(i.symptoms[0].region, libmfr.Region)

    def test_symptoms_by_body_map_segment(self):
        i = self.intake
        i.add_symptom_segment(118, 6)
        i.add_symptom_segment(103, intensity=4, onset='acute')
        self.assertEqual(
            [(s.region.key, s.side, s.intensity) for s in i.symptoms],
            [('forearm', 'left', 6), ('around_the_eye', 'right', 4),
             ('cheek', 'right', 4), ('jaw', 'right', 4)])
        err = self.raises(Status.MFR_E_REFERENCE, i.add_symptom_segment, 140)
        self.assertIn('segment 140 is not in the body map', err.message)

    def test_conditions_precautions_clearances(self):
        i = self.intake
        i.add_condition('plantar_fasciitis')
        i.add_precaution('open_wound', 'calf', 'left')
        i.add_precaution(self.model.precaution('pregnancy'))
        i.add_clearance('recent_surgery')
        self.assertEqual([c.key for c in i.conditions], ['plantar_fasciitis'])
        (wound, pregnancy) = i.precautions
        self.assertEqual((wound.precaution.key, wound.region.key, wound.side),
                         ('open_wound', 'calf', 'left'))
        self.assertEqual((pregnancy.precaution.key, pregnancy.region,
                          pregnancy.side), ('pregnancy', None, None))
        self.assertEqual([p.key for p in i.clearances], ['recent_surgery'])
        self.assertTrue(i.is_cleared('recent_surgery'))
        self.assertTrue(i.is_cleared(self.model.precaution('recent_surgery')))
        self.assertFalse(i.is_cleared('malignancy'))
        with self.assertRaises(ValueError):
            i.is_cleared('no_such_precaution')

    def test_minutes_and_positions(self):
        i = self.intake
        i.minutes = 45
        self.assertEqual(i.minutes, 45)
        i.positions = ['supine', 'prone']
        self.assertEqual(i.positions, ('prone', 'supine'))
        i.positions = 'seated'
        self.assertEqual(i.positions, ('seated',))
        i.positions = (p for p in ('side_lying',))
        self.assertEqual(i.positions, ('side_lying',))

    def test_unknown_region_suggests_heel(self):
        e = self.raises(Status.MFR_E_REFERENCE, self.intake.add_symptom,
                        'heal', 'left', 6)
        self.assertIn('did you mean "heel"', e.message)
        self.assertEqual(str(e), e.message)
        self.assertEqual(self.intake.symptoms, ())  # unchanged

    def test_unknown_keys(self):
        e = self.raises(Status.MFR_E_REFERENCE, self.intake.add_condition,
                        'plantar_fasciitus')
        self.assertIn('did you mean "plantar_fasciitis"', e.message)
        self.raises(Status.MFR_E_REFERENCE, self.intake.add_precaution,
                    'open_wond', 'calf', 'left')
        self.raises(Status.MFR_E_REFERENCE, self.intake.add_precaution,
                    'open_wound', 'calv', 'left')
        self.raises(Status.MFR_E_REFERENCE, self.intake.add_clearance, 'nope')

    def test_rejected_additions_change_nothing(self):
        i = self.intake
        i.add_symptom('heel', 'left', 6)
        before = i.to_json()
        self.raises(Status.MFR_E_DUPLICATE, i.add_symptom, 'heel', 'left')
        self.raises(Status.MFR_E_RANGE, i.add_symptom, 'sole', 'left', 11)
        self.raises(Status.MFR_E_RANGE, i.add_symptom, 'sole', 'left', -1)
        # Saturated, never truncated: 2**32 + 5 is not 5.
        self.raises(Status.MFR_E_RANGE, i.add_symptom, 'sole', 'left',
                    2 ** 32 + 5)
        e = self.raises(Status.MFR_E_CONSTRAINT, i.add_symptom, 'sole')
        self.assertIn('left', e.message)
        self.raises(Status.MFR_E_CONSTRAINT, i.add_symptom, 'forehead',
                    'left')
        # A local precaution needs a site; a global one takes none.
        self.raises(Status.MFR_E_CONSTRAINT, i.add_precaution, 'open_wound')
        self.raises(Status.MFR_E_CONSTRAINT, i.add_precaution, 'fever',
                    'calf', 'left')
        i.add_condition('plantar_fasciitis')
        self.raises(Status.MFR_E_DUPLICATE, i.add_condition,
                    'plantar_fasciitis')
        i.add_clearance('recent_surgery')
        self.raises(Status.MFR_E_DUPLICATE, i.add_clearance,
                    'recent_surgery')
        self.raises(Status.MFR_E_RANGE, setattr, i, 'minutes', 9)
        self.raises(Status.MFR_E_RANGE, setattr, i, 'minutes', 181)
        self.raises(Status.MFR_E_RANGE, setattr, i, 'minutes', -1)
        self.raises(Status.MFR_E_RANGE, setattr, i, 'minutes', 2 ** 32 + 60)
        self.raises(Status.MFR_E_RANGE, setattr, i, 'positions', [])
        self.assertEqual(i.minutes, 60)
        self.assertEqual(len(i.positions), 5)
        self.assertEqual(len(i.symptoms), 1)
        self.assertNotEqual(i.to_json(), before)  # the condition was added

    def test_bad_names_and_types(self):
        i = self.intake
        with self.assertRaises(ValueError):
            i.add_symptom('heel', 'up')
        with self.assertRaises(ValueError):
            i.add_symptom('heel', 'left', 5, 'sudden')
        with self.assertRaises(ValueError):
            i.positions = ['flying']
        with self.assertRaises(TypeError):
            i.add_symptom('heel', 'left', 5.5)
        with self.assertRaises(TypeError):
            i.add_symptom(42, 'left')
        with self.assertRaises(TypeError):
            i.minutes = '60'
        self.assertEqual(i.symptoms, ())

    def test_json_round_trip(self):
        i = self.intake
        i.add_symptom('heel', 'left', 7, 'chronic')
        i.add_symptom('forehead', None, 2, 'acute')
        i.add_symptom('sole', 'right')
        i.add_condition('plantar_fasciitis')
        i.add_precaution('open_wound', 'calf', 'right')
        i.add_precaution('severe_osteoporosis')
        i.add_clearance('recent_surgery')
        i.minutes = 45
        i.positions = ['prone', 'supine']
        text = i.to_json()
        doc = json.loads(text)
        self.assertEqual(doc['symptoms'][0], {'region': 'heel',
                                              'side': 'left', 'intensity': 7,
                                              'onset': 'chronic'})
        self.assertEqual(doc['session_minutes'], 45)
        self.assertEqual(doc['positions'], ['prone', 'supine'])
        with Intake.from_json(self.model, text, 'intake.json') as again:
            self.assertEqual(again.to_json(), text)
            self.assertEqual(again.symptoms, i.symptoms)
            self.assertEqual(again.precautions, i.precautions)
        compact = i.to_json(compact=True)
        self.assertNotIn('\n', compact)
        self.assertEqual(json.loads(compact), doc)
        with Intake.from_json(self.model, compact.encode('utf-8')) as again:
            self.assertEqual(again.to_json(compact=True), compact)

    def test_empty_intake_round_trip(self):
        text = self.intake.to_json()
        with Intake.from_json(self.model, text) as again:
            self.assertEqual(again.to_json(), text)

    def test_from_json_both_sides(self):
        doc = {'symptoms': [{'region': 'heel', 'side': 'both'}]}
        with Intake.from_json(self.model, json.dumps(doc)) as i:
            self.assertEqual([(s.side, s.intensity) for s in i.symptoms],
                             [('left', 5), ('right', 5)])

    def test_from_json_errors(self):
        doc = {'symptoms': [{'region': 'heal', 'side': 'left'}]}
        e = self.raises(Status.MFR_E_REFERENCE, Intake.from_json, self.model,
                        json.dumps(doc), 'client.json')
        self.assertEqual(e.path, 'symptoms[0].region')
        self.assertEqual(e.source, 'client.json')
        self.assertIn('did you mean "heel"', e.message)
        e = self.raises(Status.MFR_E_SYNTAX, Intake.from_json, self.model,
                        '{\n  "symptoms": ,\n}')
        self.assertEqual((e.line, e.source), (2, '<buffer>'))
        e = self.raises(Status.MFR_E_UNKNOWN, Intake.from_json, self.model,
                        '{"symptom": []}')
        self.raises(Status.MFR_E_RANGE, Intake.from_json, self.model,
                    '{"session_minutes": 500}')
        with self.assertRaises(TypeError):
            Intake.from_json('not a model', '{}')

    def test_long_member_name_message_decodes(self):
        # The message quoting 400 two-byte characters is cut at a
        # character: it decodes (it once raised UnicodeDecodeError).
        doc = {'symptoms': [{'region': 'heel', 'side': 'left'}],
               '\u00e9' * 400: 1}
        e = self.raises(Status.MFR_E_UNKNOWN, Intake.from_json, self.model,
                        json.dumps(doc, ensure_ascii=False))
        self.assertIsNone(e.path)
        self.assertIn('unknown member "\u00e9\u00e9', e.message)
        self.assertTrue(e.message.endswith('...'))

    def test_load_file(self):
        self.intake.add_symptom('heel', 'left', 6)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / 'intake.json'
            path.write_text(self.intake.to_json(), encoding='utf-8')
            with Intake.load_file(self.model, path) as again:
                self.assertEqual(again.to_json(), self.intake.to_json())
            missing = os.path.join(tmp, 'missing.json')
            e = self.raises(Status.MFR_E_IO, Intake.load_file, self.model,
                            missing)
            self.assertEqual(e.source, missing)

    def test_site_scoped_precautions(self):
        i = self.intake
        # A site-scoped global precaution, once per affected site.
        i.add_precaution('deep_vein_thrombosis', 'calf', 'left')
        i.add_precaution('deep_vein_thrombosis', self.model.region('forearm'),
                         'right')
        self.assertEqual(
            [(p.precaution.key, p.region.key, p.side) for p in i.precautions],
            [('deep_vein_thrombosis', 'calf', 'left'),
             ('deep_vein_thrombosis', 'forearm', 'right')])
        self.raises(Status.MFR_E_DUPLICATE, i.add_precaution,
                    'deep_vein_thrombosis', 'calf', 'left')
        # A side needs a region; a plain global precaution takes no site.
        self.raises(Status.MFR_E_CONSTRAINT, i.add_precaution, 'malignancy',
                    None, 'left')
        self.raises(Status.MFR_E_CONSTRAINT, i.add_precaution, 'pregnancy',
                    'calf', 'left')
        self.assertEqual(len(i.precautions), 2)

    def test_stages(self):
        i = self.intake
        e = self.raises(Status.MFR_E_CONSTRAINT, i.set_stage, 'pregnancy', 2)
        self.assertIn('not recorded', e.message)
        i.add_precaution('pregnancy')
        self.assertIsNone(i.stage('pregnancy'))
        e = self.raises(Status.MFR_E_RANGE, i.set_stage, 'pregnancy', 4)
        self.assertIn('trimester 4 is out of range; use 1 to 3', e.message)
        self.raises(Status.MFR_E_RANGE, i.set_stage, 'pregnancy', 0)
        # Saturated, never truncated: 2**32 + 2 is not 2.
        self.raises(Status.MFR_E_RANGE, i.set_stage, 'pregnancy', 2 ** 32 + 2)
        self.raises(Status.MFR_E_RANGE, i.set_stage, 'pregnancy', -1)
        i.set_stage(self.model.precaution('pregnancy'), 2)
        self.assertEqual(i.stage('pregnancy'), 2)
        self.assertEqual(i.stage(self.model.precaution('pregnancy')), 2)
        self.raises(Status.MFR_E_DUPLICATE, i.set_stage, 'pregnancy', 3)
        i.add_precaution('fever')
        e = self.raises(Status.MFR_E_CONSTRAINT, i.set_stage, 'fever', 1)
        self.assertIn('has no stages', e.message)
        self.assertIsNone(i.stage('fever'))
        e = self.raises(Status.MFR_E_REFERENCE, i.set_stage, 'pregnacy', 1)
        self.assertIn('did you mean "pregnancy"', e.message)
        with self.assertRaises(TypeError):
            i.set_stage('pregnancy', 2.0)
        with self.assertRaises(TypeError):
            i.set_stage(None, 2)
        with self.assertRaises(ValueError):
            i.stage('no_such_precaution')
        with self.assertRaises(TypeError):
            i.stage(3)
        with Model.default() as other:
            with self.assertRaises(ValueError):
                i.stage(other.precaution('pregnancy'))
        self.assertEqual(i.stage('pregnancy'), 2)

    def test_scopes(self):
        i = self.intake
        i.add_scope('intra_oral')
        self.assertEqual(i.scopes, ('intra_oral',))
        i.add_scope(4)  # the mfr_access_t value of "intra_pelvic"
        self.assertEqual(i.scopes, ('intra_oral', 'intra_pelvic'))
        e = self.raises(Status.MFR_E_DUPLICATE, i.add_scope, 'intra_oral')
        self.assertIn('already declared', e.message)
        e = self.raises(Status.MFR_E_RANGE, i.add_scope, 'external')
        self.assertIn('not an internal access', e.message)
        for bad in (0, 3, -1, 2 ** 32 + 2):
            self.raises(Status.MFR_E_RANGE, i.add_scope, bad)
        with self.assertRaises(ValueError):
            i.add_scope('intra_nasal')
        with self.assertRaises(TypeError):
            i.add_scope(2.0)
        with self.assertRaises(TypeError):
            i.add_scope(None)
        self.assertEqual(i.scopes, ('intra_oral', 'intra_pelvic'))

    def test_screening_answers(self):
        i = self.intake
        self.assertFalse(i.is_answered('fever_infection'))
        i.add_answer('fever_infection', 'no')
        self.assertTrue(i.is_answered('fever_infection'))
        self.assertTrue(i.is_answered(self.model.screening('fever_infection')))
        self.assertFalse(i.is_answered('pregnancy'))
        with self.assertRaises(ValueError):
            i.is_answered('no_such_question')
        with self.assertRaises(TypeError):
            i.is_answered(None)
        self.assertEqual(i.precautions, ())
        i.add_answer(self.model.screening('pregnancy'), 'second_trimester')
        (pregnancy,) = i.precautions
        self.assertEqual((pregnancy.precaution.key, pregnancy.region,
                          pregnancy.side), ('pregnancy', None, None))
        self.assertEqual(i.stage('pregnancy'), 2)
        question = self.model.screening('deep_vein_thrombosis')
        i.add_answer(question, question.answers[1], 'calf', 'left')
        dvt = i.precautions[1]
        self.assertEqual((dvt.precaution.key, dvt.region.key, dvt.side),
                         ('deep_vein_thrombosis', 'calf', 'left'))
        self.assertEqual(len(i.precautions), 2)

    def test_rejected_answers_change_nothing(self):
        i = self.intake
        i.add_answer('pregnancy', 'first_trimester')
        before = i.to_json()
        e = self.raises(Status.MFR_E_REFERENCE, i.add_answer, 'pregnancy',
                        'fourth_trimester')
        self.assertIn('has no answer "fourth_trimester"', e.message)
        self.assertIn('"second_trimester"', e.message)
        e = self.raises(Status.MFR_E_REFERENCE, i.add_answer, 'pregnacy',
                        'no')
        self.assertIn('did you mean "pregnancy"', e.message)
        e = self.raises(Status.MFR_E_CONSTRAINT, i.add_answer,
                        'deep_vein_thrombosis', 'yes')
        self.assertIn('needs a site', e.message)
        e = self.raises(Status.MFR_E_CONSTRAINT, i.add_answer,
                        'fever_infection', 'yes', 'calf', 'left')
        self.assertIn('takes no site', e.message)
        self.raises(Status.MFR_E_REFERENCE, i.add_answer,
                    'deep_vein_thrombosis', 'yes', 'calv', 'left')
        self.raises(Status.MFR_E_CONSTRAINT, i.add_answer,
                    'deep_vein_thrombosis', 'yes', 'calf')
        with self.assertRaises(TypeError):
            i.add_answer('pregnancy', None)
        with self.assertRaises(TypeError):
            i.add_answer(42, 'no')
        with self.assertRaises(ValueError):
            i.add_answer('deep_vein_thrombosis', 'yes', 'calf', 'up')
        self.assertEqual(i.to_json(), before)
        self.assertEqual(i.stage('pregnancy'), 1)

    def test_safety_json_round_trip(self):
        i = self.intake
        i.add_symptom('jaw', 'right', 6)
        i.add_answer('pregnancy', 'third_trimester')
        i.add_precaution('malignancy', 'upper_back', 'right')
        i.add_clearance('malignancy')
        i.add_scope('intra_oral')
        text = i.to_json()
        doc = json.loads(text)
        self.assertEqual(doc['stages'], {'pregnancy': 3})
        self.assertEqual(doc['scopes'], ['intra_oral'])
        with Intake.from_json(self.model, text) as again:
            self.assertEqual(again.to_json(), text)
            self.assertEqual(again.precautions, i.precautions)
            self.assertEqual(again.stage('pregnancy'), 3)
            self.assertEqual(again.scopes, ('intra_oral',))
        doc = {'answers': [{'question': 'deep_vein_thrombosis',
                            'answer': 'yes', 'region': 'calf',
                            'side': 'left'}]}
        with Intake.from_json(self.model, json.dumps(doc)) as again:
            self.assertEqual([(p.precaution.key, p.region.key, p.side)
                              for p in again.precautions],
                             [('deep_vein_thrombosis', 'calf', 'left')])
        doc = {'answers': [{'question': 'pregnancy', 'answer': 'maybe'}]}
        e = self.raises(Status.MFR_E_REFERENCE, Intake.from_json, self.model,
                        json.dumps(doc))
        self.assertEqual(e.path, 'answers[0].answer')

    def test_repr(self):
        self.assertIn('0 symptom', repr(self.intake))
        self.intake.close()
        self.assertIn('closed', repr(self.intake))


# ---- trace -----------------------------------------------------------------

class TraceTests(DefaultModelCase):

    def setUp(self):
        self.intake = worked_case(self.model)

    def tearDown(self):
        self.intake.close()

    def test_worked_case_top_ten(self):
        with self.model.trace(self.intake) as trace:
            top = [(r.region.key, r.side) for r in trace[:10]]
        for key in ('soleus', 'gastrocnemius', 'plantar_fascia',
                    'hamstrings'):
            self.assertIn((key, 'left'), top)
        self.assertEqual(top[0], ('soleus', 'left'))

    def test_results_and_paths(self):
        trace = Trace(self.intake)
        self.assertIs(trace.intake, self.intake)
        self.assertEqual(len(trace), 20)
        self.assertEqual([r.rank for r in trace], list(range(1, 21)))
        scores = [r.score for r in trace]
        self.assertEqual(scores, sorted(scores, reverse=True))
        for result in trace:
            with self.subTest(rank=result.rank):
                self.assertGreater(result.score, 0)
                self.assertIn(result.region.kind, ('muscle', 'connective'))
                self.assertIn(result.distance, ('local', 'adjacent',
                                                'distant', 'contralateral'))
                self.assertTrue(result.explain.startswith(
                    'left %s:' % result.region.name))
                self.assertTrue(result.paths)
                for path in result.paths:
                    self.assertEqual(path.symptom, 0)
                    self.assertGreater(path.score, 0)
                    self.check_steps(result, path.steps)

    def check_steps(self, result, steps):
        self.assertEqual((steps[0].from_region.key, steps[0].from_side),
                         ('heel', 'left'))
        self.assertEqual((steps[-1].to_region, steps[-1].to_side),
                         (result.region, result.side))
        for a, b in zip(steps, steps[1:]):
            self.assertEqual((a.to_region, a.to_side),
                             (b.from_region, b.from_side))
        for step in steps:
            self.assertIn(step.relation, ('line', 'referral', 'hierarchy',
                                          'adjacency'))
            self.assertTrue(0 < step.factor <= 1)
            self.assertEqual(step.line is not None, step.relation == 'line')
            self.assertEqual(step.referral is not None,
                             step.relation == 'referral')
            self.assertEqual(step.zone is not None,
                             step.relation == 'referral')
            if step.referral is not None:
                self.assertIn(step.zone, ('essential', 'spillover'))
                self.assertEqual(step.referral.muscle, step.to_region)
            if step.relation != 'line':
                self.assertFalse(step.crosses)

    def test_json_matches_the_results(self):
        trace = Trace(self.intake)
        doc = json.loads(trace.to_json())
        self.assertEqual(doc['format'], 'libmfr-trace')
        self.assertEqual(doc['symptoms'], [{'region': 'heel', 'side': 'left',
                                            'intensity': 6}])
        self.assertEqual(len(doc['results']), len(trace))
        for result, item in zip(trace, doc['results']):
            self.assertEqual(item['rank'], result.rank)
            self.assertEqual((item['region'], item['side']),
                             (result.region.key, result.side))
            self.assertEqual(item['distance'], result.distance)
            self.assertEqual(item['explanation'], result.explain)
            self.assertAlmostEqual(item['score'], result.score, places=5)
            for path, jpath in zip(result.paths, item['paths']):
                self.assertEqual(len(path.steps), len(jpath['steps']))
                for step, jstep in zip(path.steps, jpath['steps']):
                    self.assertEqual(jstep['relation'], step.relation)
                    self.assertAlmostEqual(jstep['factor'], step.factor,
                                           places=5)
        compact = trace.to_json(compact=True)
        self.assertNotIn('\n', compact)
        self.assertEqual(json.loads(compact), doc)

    @unittest.skipUnless(os.environ.get('MFR_CLI'),
                         'MFR_CLI (the built mfr tool) is not set')
    def test_json_equals_cli(self):
        out = subprocess.run(
            [os.environ['MFR_CLI'], '--format', 'json', 'trace',
             '--symptom', 'heel:left:6', '--condition', 'plantar_fasciitis'],
            capture_output=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        with Trace(self.intake) as trace:
            self.assertEqual(trace.to_json(), out.stdout.decode('utf-8'))

    def test_deterministic(self):
        with Trace(self.intake) as a, Trace(self.intake) as b:
            self.assertEqual(a.to_json(), b.to_json())

    def test_options(self):
        with self.model.trace(self.intake, max_results=5) as trace:
            self.assertEqual(len(trace), 5)
        with Trace(self.intake, relations=['referral']) as trace:
            self.assertTrue(len(trace))
            for r in trace:
                for p in r.paths:
                    self.assertEqual({s.relation for s in p.steps},
                                     {'referral'})
        with Trace(self.intake, min_evidence='strong') as trace:
            for r in trace:
                for s in r.paths[0].steps:
                    if s.line is not None:
                        self.assertEqual(s.line.evidence, 'strong')
        with Trace(self.intake, lines='superficial_back_line',
                   relations=('line', 'referral')) as trace:
            lines = {s.line.key for r in trace for p in r.paths
                     for s in p.steps if s.line is not None}
            self.assertEqual(lines, {'superficial_back_line'})
        sbl = self.model.line('superficial_back_line')
        with Trace(self.intake, lines=[sbl], max_steps=1) as trace:
            for r in trace:
                self.assertLessEqual(len(r.paths[0].steps), 1)

    def test_option_errors(self):
        for kwargs in ({'max_results': 0}, {'max_results': 10001},
                       {'max_results': -1}, {'max_results': 2 ** 32 + 5},
                       {'max_steps': 0}, {'max_steps': 65},
                       {'relations': []}):
            with self.subTest(**kwargs):
                e = self.raises(Status.MFR_E_RANGE, Trace, self.intake,
                                **kwargs)
                self.assertIn(next(iter(kwargs)), e.message)
        e = self.raises(Status.MFR_E_REFERENCE, Trace, self.intake,
                        lines=['superficial_bak_line'])
        self.assertIn('did you mean "superficial_back_line"', e.message)
        with self.assertRaises(ValueError):
            Trace(self.intake, min_evidence='great')
        with self.assertRaises(ValueError):
            Trace(self.intake, relations=['gravity'])
        with self.assertRaises(TypeError):
            Trace('not an intake')

    def test_options_are_freed(self):
        calls = []
        real = libmfr._C.mfr_trace_options_free

        def free(ptr):
            calls.append(ptr)
            real(ptr)
        with mock.patch.object(libmfr._C, 'mfr_trace_options_free', free):
            Trace(self.intake, max_results=3).close()
            with self.assertRaises(MfrError):
                Trace(self.intake, max_results=3, max_steps=0)
            with self.assertRaises(MfrError):
                Trace(self.intake, lines=['nope'])
        self.assertEqual(len(calls), 3)
        self.assertTrue(all(calls))

    def test_other_models_intake(self):
        with Model.default() as other, self.assertRaises(ValueError):
            other.trace(self.intake)

    def test_empty_intake(self):
        with Intake(self.model) as empty, Trace(empty) as trace:
            self.assertEqual((len(trace), trace.results), (0, ()))
            self.assertEqual(json.loads(trace.to_json())['results'], [])


class MinimalTraceTests(unittest.TestCase):
    """The worked example by hand of doc/algorithm.md §6."""

    def test_worked_example(self):
        with Model.load_file(MINIMAL) as model:
            intake = Intake(model)
            intake.add_symptom('heel', 'left', 7)
            trace = model.trace(intake)
            got = [(r.region.key, r.side, r.distance) for r in trace[:3]]
            self.assertEqual(got, [('calf_muscle', 'left', 'distant'),
                                   ('back_muscle', 'right', 'contralateral'),
                                   ('back_muscle', 'left', 'distant')])
            for result, score in zip(trace, (0.6909, 0.3492, 0.2708)):
                self.assertAlmostEqual(result.score, score, places=4)
            (first,) = trace[0].paths[0].steps
            self.assertEqual((first.relation, first.referral.key, first.zone),
                             ('referral', 'calf_muscle_trp1', 'essential'))
            self.assertAlmostEqual(first.factor, 0.95, places=6)
            crossing = trace[1].paths[0].steps[1]
            self.assertEqual((crossing.line.key, crossing.crosses),
                             ('test_line', True))
            self.assertAlmostEqual(crossing.factor, 0.95 ** 2 * 0.8 * 0.7, places=6)

            # A condition whose commonly treated regions include the calf
            # muscle multiplies its score by 1.5.
            intake.add_condition('heel_pain')
            with Trace(intake) as again:
                self.assertAlmostEqual(again[0].score, 1.5 * 0.6909, places=4)
            trace.close()
            intake.close()


# ---- plans -----------------------------------------------------------------

class PlanTests(DefaultModelCase):

    def test_worked_case(self):
        intake = worked_case(self.model)
        with Plan(intake) as plan:
            self.assertEqual(plan.status, 'ok')
            self.check_invariants(plan, intake)
            steps = plan.steps
            self.assertEqual(steps[0].phase, 'assessment')
            self.assertEqual((steps[0].region.key, steps[0].side),
                             ('heel', 'left'))
            # The closing comes where the last step leaves the client, or
            # not at all (the hour ends side-lying, where the leg is not
            # jostled).
            self.assertFalse(steps[-1].phase == 'integration'
                             and steps[-1].position != steps[-2].position)
            self.assertEqual(
                plan.total_seconds,
                sum(s.seconds for s in steps) + 60 * plan.position_changes)
            changes = sum(a.position != b.position
                          for a, b in zip(steps, steps[1:]))
            self.assertEqual(plan.position_changes, changes)
            # Every treatment step is the trace result of its rank.
            with Trace(intake) as trace:
                ranks = [s.trace_rank for s in steps
                         if s.phase == 'treatment']
                self.assertEqual(len(ranks), len(set(ranks)))
                self.assertIn(1, ranks)
                for step in steps:
                    if step.trace_rank:
                        result = trace[step.trace_rank - 1]
                        self.assertEqual((step.region, step.side),
                                         (result.region, result.side))
                        self.assertIn(result.explain, step.rationale)
            self.assertTrue(plan.aftercare)
            self.assertIn('ok', repr(plan))
        intake.close()

    def test_json_matches(self):
        intake = worked_case(self.model)
        with Plan(intake) as plan:
            doc = json.loads(plan.to_json())
            self.assertEqual(doc['format'], 'libmfr-plan')
            for key in ('status', 'session_seconds', 'total_seconds',
                        'position_changes', 'pressure_ceiling'):
                self.assertEqual(doc[key], getattr(plan, key))
            self.assertEqual(
                [(s['phase'], s['region'], s['side'], s['technique'],
                  s['approach'], s['pressure'], s['position'], s['seconds'],
                  s.get('trace_rank'), s['rationale']) for s in doc['steps']],
                [(s.phase, s.region.key, s.side, s.technique.key, s.approach,
                  s.pressure, s.position, s.seconds, s.trace_rank,
                  s.rationale) for s in plan.steps])
            self.assertEqual([(w['kind'], w['text']) for w in doc['warnings']],
                             [w[:2] for w in plan.warnings])
            self.assertEqual([a['text'] for a in doc['aftercare']],
                             list(plan.aftercare))
            self.assertEqual(json.loads(plan.to_json(compact=True)), doc)
            self.assert_json_matches(plan)
        intake.close()

    def assert_json_matches(self, plan):
        """The safety members of the plan's JSON match the binding's."""
        doc = json.loads(plan.to_json())
        self.assertEqual(
            [(s.get('danger_zone'), s.get('internal', False), s.get('lying_on'))
             for s in doc['steps']],
            [(s.danger_zone and s.danger_zone.key, s.internal, s.lying_side)
             for s in plan.steps])
        about = [w.get('about', {}) for w in doc['warnings']]
        self.assertEqual(
            [(w['code'], a.get('kind'), a.get('key'), w.get('region'),
              w.get('side')) for w, a in zip(doc['warnings'], about)],
            [(w.code, w.subject_kind or (w.subject_key and 'access'),
              w.subject_key, w.region and w.region.key, w.side)
             for w in plan.warnings])
        self.assertEqual([(a['key'], a['kind'], a['text'])
                          for a in doc['aftercare']],
                         list(plan.aftercare_items))

    def test_condition_asks_its_questions(self):
        intake = Intake(self.model)
        self.addCleanup(intake.close)
        intake.add_symptom('medial_knee', 'right', 5)
        intake.add_condition('post_surgery_recovery')
        with Plan(intake) as plan:
            asked = [(w.kind, w.subject_kind, w.subject_key)
                     for w in plan.warnings if w.code == 'unscreened']
        self.assertEqual(asked, [('unscreened', 'screening', k) for k in
                                 ('recent_surgery', 'healing_fracture',
                                  'acute_injury', 'deep_vein_thrombosis',
                                  'blood_thinners')])
        intake.add_answer('recent_surgery', 'no')
        # The answer survives a round trip through the intake document.
        again = Intake.from_json(self.model, intake.to_json())
        self.addCleanup(again.close)
        self.assertTrue(again.is_answered('recent_surgery'))
        self.assertIn({'question': 'recent_surgery', 'answer': 'no'},
                      json.loads(intake.to_json())['answers'])
        with Plan(intake) as plan:
            self.assertEqual([w.subject_key for w in plan.warnings
                              if w.code == 'unscreened'],
                             ['healing_fracture', 'acute_injury',
                              'deep_vein_thrombosis', 'blood_thinners'])
            self.assert_json_matches(plan)

    def test_json_matches_safety_members(self):
        intake = Intake(self.model)
        intake.add_symptom('jaw', 'right', 6)
        intake.add_condition('tmj_disorder')
        intake.add_precaution('anticoagulant_therapy')
        intake.add_precaution('pregnancy')
        with Plan(intake) as plan:
            self.assert_json_matches(plan)
        intake.add_scope('intra_oral')
        with Plan(intake) as plan:
            self.assertTrue(any(s.internal for s in plan.steps))
            self.assert_json_matches(plan)
        intake.close()

    def test_fever_refers_out(self):
        intake = worked_case(self.model)
        intake.add_precaution('fever')
        with Plan(intake) as plan:
            self.assertEqual(plan.status, 'refer_out')
            self.assertEqual(plan.steps, ())
            self.assertEqual((plan.total_seconds, plan.position_changes),
                             (0, 0))
            self.assertIn('refer_out', [w.kind for w in plan.warnings])
            self.assertTrue(plan.aftercare)
        intake.close()

    def test_open_wound_on_the_left_calf(self):
        intake = worked_case(self.model)
        intake.add_precaution('open_wound', 'calf', 'left')
        calf = self.model.region('calf')
        with Plan(intake) as plan:
            self.assertEqual(plan.status, 'ok')
            self.check_invariants(plan, intake)
            self.assertTrue(plan.steps)
            # open_wound avoids the site and what borders it.
            near = [calf] + list(calf.adjacent)
            for step in plan.steps:
                if step.side == 'right':
                    continue
                with self.subTest(step=step.region.key):
                    chain = ancestors(step.region)
                    for region in near:
                        self.assertNotIn(region, chain)
                    self.assertNotIn(step.region, ancestors(calf))
                    self.assertNotIn('skin_rolling', step.technique.key)
            kinds = [w.kind for w in plan.warnings]
            self.assertIn('site_excluded', kinds)
            self.assertIn('modified', kinds)
            excluded = [w.text for w in plan.warnings
                        if w.kind == 'site_excluded']
            self.assertTrue(any(t.startswith('left soleus') for t in excluded))
        intake.close()

    def test_pressure_ceiling_and_excluded_techniques(self):
        intake = worked_case(self.model)
        intake.add_precaution('severe_osteoporosis')
        excluded = self.model.precaution('severe_osteoporosis') \
            .excluded_techniques
        with Plan(intake) as plan:
            self.assertEqual(plan.pressure_ceiling, 'light')
            self.check_invariants(plan, intake)
            for step in plan.steps:
                self.assertNotIn(step.technique, excluded)
        intake.close()

    def test_clearance(self):
        intake = worked_case(self.model)
        intake.add_precaution('hypertension_stroke_risk')
        with Plan(intake) as plan:
            self.assertEqual(plan.status, 'needs_clearance')
            self.assertTrue(plan.steps)
            self.assertIn('needs_clearance', [w.kind for w in plan.warnings])
        intake.add_clearance('hypertension_stroke_risk')
        with Plan(intake) as plan:
            self.assertEqual(plan.status, 'ok')
        # An absolute contraindication that provides for a clearance is
        # lifted by one, and then only modifies the work. A site-scoped one
        # (malignancy) also needs its sites named.
        intake.add_precaution('malignancy')
        with Plan(intake) as plan:
            self.assertEqual(plan.status, 'refer_out')
        intake.add_clearance('malignancy')
        with Plan(intake) as plan:
            self.assertEqual(plan.status, 'needs_clearance')
            (needed,) = [w for w in plan.warnings if w.code == 'site_needed']
            self.assertEqual((needed.kind, needed.subject_kind,
                              needed.subject_key),
                             ('needs_clearance', 'precaution', 'malignancy'))
        intake.add_precaution('malignancy', 'upper_back', 'right')
        with Plan(intake) as plan:
            self.assertEqual(plan.status, 'ok')
            self.assertEqual(plan.pressure_ceiling, 'light')
            self.check_invariants(plan, intake)
        intake.close()

    def test_longer_session_keeps_every_site(self):
        intake = worked_case(self.model)
        kept = []
        for minutes in (20, 30, 60, 90):
            intake.minutes = minutes
            with Plan(intake) as plan:
                self.check_invariants(plan, intake)
                kept.append({s.trace_rank for s in plan.steps} - {None})
        for shorter, longer in zip(kept, kept[1:]):
            self.assertLessEqual(shorter, longer)
        intake.close()

    def test_options(self):
        intake = worked_case(self.model)
        with Plan(intake, max_sites=1) as plan:
            self.assertLessEqual(len([s for s in plan.steps
                                      if s.phase == 'treatment']), 1)
        with Plan(intake, reposition_seconds=0, block_seconds=300) as plan:
            self.check_invariants(plan, intake, block_seconds=300)
            self.assertEqual(plan.total_seconds,
                             sum(s.seconds for s in plan.steps))
        for kwargs in ({'max_sites': 0}, {'max_sites': 201},
                       {'reposition_seconds': 601}, {'block_seconds': 29},
                       {'block_seconds': 2 ** 32 + 120}):
            with self.subTest(**kwargs):
                e = self.raises(Status.MFR_E_RANGE, Plan, intake, **kwargs)
                self.assertIn(next(iter(kwargs)), e.message)
        with self.assertRaises(TypeError):
            Plan('not an intake')
        intake.close()

    def test_plan_from_trace(self):
        intake = worked_case(self.model)
        with Trace(intake, max_results=100) as trace, \
                Plan(intake, trace=trace) as given, Plan(intake) as own:
            self.assertEqual(given.to_json(), own.to_json())
        other = Intake(self.model)
        other.add_symptom('jaw', 'right', 5)
        with Trace(other) as trace:
            self.raises(Status.MFR_E_INVALID, Plan, intake, trace=trace)
        with self.assertRaises(TypeError):
            Plan(intake, trace='heel')
        other.close()
        intake.close()

    def test_preferred_techniques(self):
        intake = worked_case(self.model)
        # Screened: while the diabetes question is open the plan keeps
        # advanced diabetes's light pressure, which rules this technique out.
        intake.add_answer('diabetes', 'no')
        fm = self.model.technique('fascial_manipulation')
        with Plan(intake, techniques=fm, block_seconds=150) as plan:
            used = [s for s in plan.steps if s.technique == fm]
            self.assertTrue(used)
            for s in used:
                self.assertEqual(s.phase, 'treatment')
                self.assertEqual(s.seconds, 150)  # no sourced hold: block timing
        e = self.raises(Status.MFR_E_REFERENCE, Plan, intake,
                        techniques=['fascial_manipulaton'])
        self.assertIn('did you mean "fascial_manipulation"', e.message)
        self.raises(Status.MFR_E_RANGE, Plan, intake,
                    techniques=['skin_rolling'] * 17)
        with self.assertRaises(TypeError):
            Plan(intake, techniques=[3])
        intake.close()

    def test_options_are_freed(self):
        calls = []
        real = libmfr._C.mfr_plan_options_free

        def free(ptr):
            calls.append(ptr)
            real(ptr)
        intake = worked_case(self.model)
        with mock.patch.object(libmfr._C, 'mfr_plan_options_free', free):
            Plan(intake, max_sites=3).close()
            with self.assertRaises(MfrError):
                Plan(intake, max_sites=3, block_seconds=1)
            Program(intake, 2, 1, reposition_seconds=30).close()
        self.assertEqual(len(calls), 3)
        self.assertTrue(all(calls))
        intake.close()

    def test_midline_symptom_gives_sided_closing(self):
        # A midline first symptom (the forehead) must not put the closing
        # block on a "midline" copy of a bilateral region.
        intake = Intake(self.model)
        intake.add_symptom('forehead', None, 6)
        intake.add_condition('tension_type_headache')
        with Plan(intake) as plan:
            self.assertTrue(plan.steps)
            for step in plan.steps:
                self.assertEqual(step.side == 'midline',
                                 step.region.laterality == 'midline',
                                 '%s %s' % (step.side, step.region.key))
        intake.close()

    def test_no_symptoms(self):
        # Nothing to plan: a clear error, not an "ok" plan of no steps.
        with Intake(self.model) as intake:
            e = self.raises(Status.MFR_E_MISSING, Plan, intake)
            self.assertIn('the intake records no symptoms', e.message)
            self.raises(Status.MFR_E_MISSING, Program, intake, 2, 1)


class SafetyPlanTests(DefaultModelCase):
    """Plans obey site-scoped precautions, danger zones, the internal
    scope, position limits and doses, and say so in structured warnings
    (mfr/safety.h, plan.h)."""

    def jaw(self, *scopes):
        """Right jaw pain at 6/10 with a TMJ disorder recorded, blood
        pressure asked (the front of the neck is worked only then)."""
        intake = Intake(self.model)
        intake.add_symptom('jaw', 'right', 6)
        intake.add_condition('tmj_disorder')
        intake.add_answer('blood_pressure_stroke', 'no')
        for scope in scopes:
            intake.add_scope(scope)
        self.addCleanup(intake.close)
        return intake

    def test_internal_work_needs_a_scope(self):
        intake = self.jaw()
        pterygoid = self.model.region('lateral_pterygoid')
        with Plan(intake) as plan:
            self.check_invariants(plan, intake)
            self.assertEqual(plan.status, 'ok')
            self.assertFalse(any(s.internal for s in plan.steps))
            self.assertNotIn(pterygoid, [s.region for s in plan.steps])
            (skipped,) = [w for w in plan.warnings
                          if w.code == 'out_of_scope'
                          and w.region == pterygoid]
            self.assertEqual((skipped.kind, skipped.subject_kind,
                              skipped.subject_key, skipped.side),
                             ('scope', None, 'intra_oral', 'right'))
            self.assertIn('inside the mouth', skipped.text)
        intake = self.jaw('intra_oral')
        with Plan(intake) as plan:
            self.check_invariants(plan, intake)
            self.assertNotIn('out_of_scope', [w.code for w in plan.warnings])
            (step,) = [s for s in plan.steps if s.region == pterygoid]
            self.assertEqual((step.side, step.internal, step.flags),
                             ('right', True, STEP_INTERNAL))
            self.assertIsNone(step.danger_zone)
            done = [w for w in plan.warnings if w.code == 'internal_work']
            self.assertIn((pterygoid, 'right', 'scope', 'intra_oral'),
                          [(w.region, w.side, w.kind, w.subject_key)
                           for w in done])

    def test_danger_zone_steps(self):
        intake = self.jaw()
        with Plan(intake) as plan:
            self.check_invariants(plan, intake)
            zoned = [s for s in plan.steps if s.danger_zone is not None]
            self.assertTrue(zoned)
            warned = {(w.region, w.side): w for w in plan.warnings
                      if w.code == 'danger_zone'}
            for step in zoned:
                with self.subTest(step=step.region.key):
                    self.assertEqual(step.flags, STEP_DANGER_ZONE)
                    self.assertFalse(step.internal)
                    self.assertIsInstance(step.danger_zone, libmfr.DangerZone)
                    w = warned[(step.region, step.side)]
                    self.assertEqual((w.kind, w.subject_kind, w.subject_key),
                                     ('danger_zone', 'danger_zone',
                                      step.danger_zone.key))
                    self.assertIn(step.danger_zone.name, w.text)
            scm = [s for s in zoned if s.region.key == 'sternocleidomastoid']
            self.assertEqual([s.danger_zone.key for s in scm],
                             ['anterior_triangle_neck'])

    def test_dvt_site_after_clearance(self):
        intake = worked_case(self.model)
        self.addCleanup(intake.close)
        intake.add_precaution('deep_vein_thrombosis', 'calf', 'left')
        with Plan(intake) as plan:
            self.assertEqual((plan.status, plan.steps), ('refer_out', ()))
            refer = [w for w in plan.warnings if w.code == 'refer_out']
            self.assertEqual([(w.subject_kind, w.subject_key) for w in refer],
                             [('precaution', 'deep_vein_thrombosis')])
        intake.add_clearance('deep_vein_thrombosis')
        # With the limb out, nothing near enough to the heel is left (the
        # cranial base scores under half the best site): no steps, and the
        # open questions come first.
        with Plan(intake) as plan:
            self.assertEqual((plan.status, plan.steps), ('needs_answers', ()))
        for question in ('blood_pressure_stroke', 'blood_thinners', 'diabetes'):
            intake.add_answer(question, 'no')
        limb = self.model.region('lower_limb')
        with Plan(intake) as plan:
            self.assertEqual(plan.status, 'ok')
            self.check_invariants(plan, intake)
            self.assertIn('no_sites', [w.code for w in plan.warnings])
            for step in plan.steps:
                self.assertFalse(step.side == 'left'
                                 and step.region.is_within(limb),
                                 step.region.key)
                self.assertNotEqual(step.technique.key, 'rebounding_jostling')
            excluded = [w for w in plan.warnings
                        if w.code == 'site_excluded']
            self.assertTrue(excluded)
            for w in excluded:
                self.assertEqual((w.kind, w.subject_kind, w.subject_key,
                                  w.side),
                                 ('site_excluded', 'precaution',
                                  'deep_vein_thrombosis', 'left'))
                self.assertIn('(trace rank %d)' % w.trace_rank, w.text)
                # The limb and its neighbourhood (what borders anything in it).
            self.assertIn(('left', 'soleus'),
                          [(w.side, w.region.key) for w in excluded])

    def test_site_scoped_without_a_site(self):
        intake = worked_case(self.model)
        self.addCleanup(intake.close)
        intake.add_precaution('deep_vein_thrombosis')
        intake.add_clearance('deep_vein_thrombosis')
        with Plan(intake) as plan:
            self.assertEqual(plan.status, 'needs_clearance')
            (w,) = [w for w in plan.warnings if w.code == 'site_needed']
            self.assertEqual((w.kind, w.subject_key, w.region),
                             ('needs_clearance', 'deep_vein_thrombosis', None))

    def test_optional_sites(self):
        # Diabetic neuropathy: a plan before the insensate areas are named
        # says to find them; once one is named, it is never worked.
        intake = worked_case(self.model)
        self.addCleanup(intake.close)
        intake.add_precaution('advanced_diabetes')
        with Plan(intake) as plan:
            self.assertNotEqual(plan.status, 'needs_clearance')
            self.assertTrue(plan.steps)
            (w,) = [w for w in plan.warnings if w.code == 'check_sites']
            self.assertEqual((w.kind, w.subject_key), ('modified', 'advanced_diabetes'))
        intake.add_precaution('advanced_diabetes', 'heel', 'left')
        with Plan(intake) as plan:
            self.assertTrue(plan.steps)
            self.assertFalse([w for w in plan.warnings if w.code == 'check_sites'])
            self.assertNotIn(('left', 'plantar_fascia'),
                             [(s.side, s.region.key) for s in plan.steps])

    def pregnant(self, stage=None):
        intake = Intake(self.model)
        self.addCleanup(intake.close)
        intake.add_symptom('low_back', 'left', 6)
        intake.add_precaution('pregnancy')
        # Not high-risk: otherwise its limits hold until it is asked.
        intake.add_answer('pregnancy_risk', 'no')
        if stage is not None:
            intake.set_stage('pregnancy', stage)
        return intake

    def test_pregnancy_positions(self):
        for stage in (2, 3, None):  # none recorded: the most cautious
            with self.subTest(stage=stage):
                intake = self.pregnant(stage)
                with Plan(intake) as plan:
                    self.check_invariants(plan, intake)
                    self.assertTrue(plan.steps)
                    positions = {s.position for s in plan.steps}
                    self.assertFalse(positions & {'prone', 'supine'})
                    (limited,) = [w for w in plan.warnings
                                  if w.code == 'position_limited']
                    self.assertEqual(
                        (limited.kind, limited.subject_kind,
                         limited.subject_key, limited.region),
                        ('position', 'precaution', 'pregnancy', None))
                    self.assertIn('no prone position; no supine position',
                                  limited.text)
                    self.assertEqual(plan.pressure_ceiling, 'moderate')
                    self.assertNotIn('abdomen', [s.region.key
                                                 for s in plan.steps])
        intake = self.pregnant(1)
        with Plan(intake) as plan:
            self.check_invariants(plan, intake)
            self.assertNotIn('position_limited',
                             [w.code for w in plan.warnings])
            self.assertIn('prone', {s.position for s in plan.steps})

    def test_screening_answer_plans_as_recorded(self):
        answered = Intake(self.model)
        self.addCleanup(answered.close)
        answered.add_symptom('low_back', 'left', 6)
        answered.add_answer('pregnancy', 'second_trimester')
        answered.add_answer('pregnancy_risk', 'no')
        self.assertEqual(answered.stage('pregnancy'), 2)
        with Plan(answered) as a, Plan(self.pregnant(2)) as b:
            self.assertEqual(a.to_json(), b.to_json())
            self.assertFalse({s.position for s in a.steps}
                             & {'prone', 'supine'})

    def test_fibromyalgia_dose(self):
        intake = Intake(self.model)
        self.addCleanup(intake.close)
        intake.add_symptom('upper_back', 'left', 6)
        intake.add_condition('fibromyalgia')
        with Plan(intake) as plan:
            self.check_invariants(plan, intake)
            self.assertTrue(plan.steps)
            self.assertEqual({s.approach for s in plan.steps}, {'indirect'})
            self.assertEqual(plan.pressure_ceiling, 'light')
            for step in plan.steps:
                self.assertIn(step.pressure, ('very_light', 'light'))
            (dose,) = [w for w in plan.warnings if w.code == 'dose']
            self.assertEqual((dose.kind, dose.subject_kind, dose.subject_key),
                             ('dose', 'condition', 'fibromyalgia'))
        # The dose sets no progression: every session stays indirect.
        with Program(intake, 3, 2) as program:
            for session in program.sessions:
                self.assertEqual({s.approach for s in session.plan.steps},
                                 {'indirect'})

    def test_dose_shortens_the_session(self):
        intake = Intake(self.model)
        self.addCleanup(intake.close)
        intake.add_symptom('upper_back', 'left', 6)
        intake.add_condition('chronic_fatigue')
        with Plan(intake) as plan:
            self.check_invariants(plan, intake)
            self.assertEqual(plan.session_seconds, 30 * 60)
            (short,) = [w for w in plan.warnings
                        if w.code == 'session_shortened']
            self.assertEqual((short.kind, short.subject_kind,
                              short.subject_key), ('dose', None, None))

    @unittest.skipUnless(os.environ.get('MFR_CLI'),
                         'MFR_CLI (the built mfr tool) is not set')
    def test_json_equals_cli(self):
        out = subprocess.run(
            [os.environ['MFR_CLI'], '--format', 'json', 'plan',
             '--symptom', 'jaw:right:6', '--condition', 'tmj_disorder',
             '--answer', 'blood_pressure_stroke=no',
             '--answer', 'pregnancy=second_trimester',
             '--answer', 'deep_vein_thrombosis=yes:calf:left',
             '--clearance', 'deep_vein_thrombosis', '--scope', 'intra_oral'],
            capture_output=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        intake = self.jaw('intra_oral')
        intake.add_answer('pregnancy', 'second_trimester')
        intake.add_answer('deep_vein_thrombosis', 'yes', 'calf', 'left')
        intake.add_clearance('deep_vein_thrombosis')
        with Plan(intake) as plan:
            self.assertEqual(plan.to_json(), out.stdout.decode('utf-8'))

    def test_aftercare_for_the_intake(self):
        intake = worked_case(self.model)
        self.addCleanup(intake.close)
        with Plan(intake) as plan:
            self.assertNotIn('bruising', plan.aftercare_keys)
            kinds = dict(zip(plan.aftercare_keys, plan.aftercare_kinds))
            self.assertEqual(kinds['red_flags'], 'red_flag')
            self.assertEqual(kinds['soreness'], 'general')
        intake.add_precaution('anticoagulant_therapy')
        with Plan(intake) as plan:
            self.check_invariants(plan, intake)
            (bruising,) = [a for a in plan.aftercare_items
                           if a.key == 'bruising']
            self.assertIsInstance(bruising, libmfr.PlanAftercare)
            self.assertEqual(bruising.kind, 'general')
            self.assertEqual(bruising.text,
                             self.model.get('aftercare', 'bruising').text)


class ProgramTests(DefaultModelCase):

    def test_six_sessions_in_three_weeks(self):
        intake = worked_case(self.model)
        with Program(intake, 6, 3) as program:
            self.assertEqual((len(program), program.weeks), (6, 3))
            sessions = program.sessions
            days = [s.day for s in sessions]
            self.assertEqual(days[0], 0)
            self.assertLess(days[-1], 21)
            for a, b in zip(days, days[1:]):
                self.assertGreaterEqual(b - a, 2)
            # Reassess at the first session, every fourth after it, the last.
            self.assertEqual([s.reassess for s in sessions],
                             [True, False, False, False, True, True])
            # Gentle first, full work last; the JSON says the same.
            self.assertTrue(program.focus(0).startswith('gentle'))
            self.assertTrue(program.focus(5).startswith('full'))
            self.assertIsNone(program.focus(6))
            doc = json.loads(program.to_json())
            self.assertEqual([x['focus'] for x in doc['sessions']],
                             [program.focus(i) for i in range(6)])
            self.assertEqual(sessions[0].plan.aftercare_keys,
                             self.aftercare_for(intake))
            for s in sessions:
                self.assertIsInstance(s.plan, Plan)
                self.assertEqual(s.plan.status, 'ok')
                self.check_invariants(s.plan, intake)
            # The gentle first third: indirect techniques only.
            for s in sessions[:2]:
                self.assertTrue(s.plan.steps)
                self.assertEqual({st.approach for st in s.plan.steps},
                                 {'indirect'})
            doc = json.loads(program.to_json())
            self.assertEqual((doc['format'], doc['session_count'],
                              doc['weeks']), ('libmfr-program', 6, 3))
            self.assertEqual([s['day'] for s in doc['sessions']], days)
            for s, js in zip(sessions, doc['sessions']):
                self.assertEqual(js['plan']['total_seconds'],
                                 s.plan.total_seconds)
            self.assertIn('6 session', repr(program))
        intake.close()

    def test_too_many_sessions(self):
        intake = worked_case(self.model)
        e = self.raises(Status.MFR_E_RANGE, Program, intake, 7, 1)
        self.assertIn('48 hours', e.message)
        Program(intake, 4, 1).close()  # days 0, 2, 4, 6
        for sessions, weeks in ((0, 1), (53, 52), (1, 0), (1, 53),
                                (-1, 3), (2 ** 32 + 2, 3)):
            with self.subTest(sessions=sessions, weeks=weeks):
                self.raises(Status.MFR_E_RANGE, Program, intake, sessions,
                            weeks)
        with self.assertRaises(TypeError):
            Program(intake, 2.0, 1)
        intake.close()

    def test_one_session(self):
        intake = worked_case(self.model)
        with Program(intake, 1, 1) as program, Plan(intake) as plan:
            (only,) = program.sessions
            self.assertEqual((only.day, only.reassess), (0, True))
            # A lone session is a full plan.
            self.assertEqual(json.loads(only.plan.to_json())['steps'],
                             json.loads(plan.to_json())['steps'])
        intake.close()


# ---- aftercare -------------------------------------------------------------

class AftercareTests(unittest.TestCase):

    def test_default_model(self):
        with Model.default() as model:
            items = list(model.aftercare())
            self.assertEqual(len(items), model.count('aftercare'))
            self.assertTrue(items)
            self.assertIn('aftercare', libmfr.kinds())
            for item in items:
                self.assertIsInstance(item, libmfr.Aftercare)
                self.assertTrue(item.key and item.text)
                self.assertEqual(model.get('aftercare', item.key), item)
                self.assertTrue(model.has('aftercare', item.key))
                self.assertIsInstance(item.provenance, libmfr.Provenance)
                self.assertEqual(json.loads(model.to_json('aftercare',
                                                          item.key))['text'],
                                 item.text)
            self.assertIsNone(model.get('aftercare', 'no_such_item'))

    def test_extra_model(self):
        with Model.load_file(EXTRA) as model:
            water, soreness = model.aftercare()
            self.assertEqual((water.key, water.text),
                             ('water', 'Drink some water.'))
            self.assertEqual([s.key for s in water.provenance.sources],
                             ['s1'])
            self.assertFalse(water.provenance.is_convention)
            self.assertEqual(soreness.text,
                             'Mild soreness for a day is common.')
            self.assertTrue(soreness.provenance.is_convention)
            self.assertEqual(soreness.provenance.note, 'practice convention')
            self.assertEqual(model.suggest('aftercare', 'watr'), ['water'])


# ---- lifetime --------------------------------------------------------------

class LifetimeTests(unittest.TestCase):
    """Every object is freed exactly once; every model reference the
    binding takes is dropped exactly once; an intake, a trace, a plan and a
    program hold their model through the library's count (mfr_model_ref),
    so closing the model (from any thread) leaves them working; a session
    plan keeps its program; a closed object refuses use."""

    def setUp(self):
        self.calls = {name: [] for name in ('intake', 'trace', 'plan',
                                            'program', 'model_ref',
                                            'model_unref')}
        for name, calls in self.calls.items():
            real = getattr(libmfr, '_' + name if name.startswith('model')
                           else '_free_' + name)

            def hook(ptr, real=real, calls=calls):
                calls.append(ptr)
                return real(ptr)
            patch = mock.patch.object(
                libmfr, '_' + name if name.startswith('model')
                else '_free_' + name, hook)
            patch.start()
            self.addCleanup(patch.stop)

    def counts(self):
        gc.collect()
        return {name: len(calls) for name, calls in self.calls.items()
                if not name.startswith('model')}

    def models_alive(self, built=1):
        """How many references of the @p built models are still held:
        each model's first reference, plus those taken, minus those
        dropped."""
        gc.collect()
        return (built + len(self.calls['model_ref'])
                - len(self.calls['model_unref']))

    def test_close_twice_then_gc_frees_once(self):
        model = Model.default()
        intake = worked_case(model)
        trace = Trace(intake)
        plan = Plan(intake)
        program = Program(intake, 3, 2)
        for obj in (program, plan, trace, intake, model):
            obj.close()
            self.assertTrue(obj.closed)
            obj.close()
        del model, intake, trace, plan, program
        self.assertEqual(self.counts(), {'intake': 1, 'trace': 1, 'plan': 1,
                                         'program': 1})
        self.assertEqual(self.models_alive(), 0)

    def test_gc_frees_once(self):
        model = Model.default()
        intake = worked_case(model)
        trace, plan = Trace(intake), Plan(intake)
        del model
        self.assertGreater(self.models_alive(), 0)
        del intake
        # The trace keeps its intake (trace.intake); the plan needs none.
        self.assertEqual(self.counts()['intake'], 0)
        self.assertTrue(trace[0].explain)
        self.assertTrue(plan.aftercare)
        del trace
        self.assertEqual(self.counts(), {'intake': 1, 'trace': 1, 'plan': 0,
                                         'program': 0})
        self.assertGreater(self.models_alive(), 0)
        self.assertTrue(plan.steps[0].region.key)
        del plan
        self.assertEqual(self.counts(), {'intake': 1, 'trace': 1, 'plan': 1,
                                         'program': 0})
        self.assertEqual(self.models_alive(), 0)

    def test_context_managers(self):
        with Model.default() as model:
            with worked_case(model) as intake, Trace(intake) as trace, \
                    Plan(intake) as plan, Program(intake, 2, 1) as program:
                self.assertTrue(len(trace) and plan.steps and len(program))
            for obj in (intake, trace, plan, program):
                self.assertTrue(obj.closed)
        self.assertEqual(self.counts(), {'intake': 1, 'trace': 1, 'plan': 1,
                                         'program': 1})
        del model, intake, trace, plan, program, obj
        self.assertEqual(self.models_alive(), 0)

    def test_session_plans_are_borrowed(self):
        model = Model.default()
        intake = worked_case(model)
        program = Program(intake, 3, 2)
        plan = program.sessions[1].plan
        del program, intake, model
        # The session plan keeps the program alive.
        self.assertEqual(self.counts()['program'], 0)
        self.assertTrue(plan.steps)
        plan.close()  # detaches only: the program owns the plan
        plan.close()
        with self.assertRaises(ValueError):
            plan.steps
        del plan
        self.assertEqual(self.counts(), {'intake': 1, 'trace': 0, 'plan': 0,
                                         'program': 1})
        self.assertEqual(self.models_alive(), 0)

    def test_closed_model_leaves_intakes_working(self):
        # Closing the model while an intake exists is safe: the intake
        # holds the model in C, and so does all that is made from it.
        model = Model.default()
        intake = worked_case(model)
        region = model.region('heel')
        model.close()
        with self.assertRaises(ValueError):
            Intake(model)
        with self.assertRaises(ValueError):
            model.precaution('open_wound')
        intake.add_symptom('sole', 'left', intensity=4)
        intake.add_precaution('open_wound', 'calf', 'left')
        self.assertTrue(intake.is_cleared('open_wound') in (True, False))
        trace, plan = Trace(intake), Plan(intake)
        program = Program(intake, 2, 1)
        self.assertTrue(trace[0].region.key)
        self.assertTrue(plan.steps[0].technique.name)
        self.assertEqual(len(program), 2)
        self.assertEqual([s.region for s in intake.symptoms][0], region)
        self.assertIs(intake.model, model)
        del intake, trace, plan, program, region, model
        self.assertEqual(self.models_alive(), 0)

    def test_closed_objects_refuse_use(self):
        model = Model.default()
        intake = worked_case(model)
        trace, plan = Trace(intake), Plan(intake)
        program = Program(intake, 2, 1)
        result, session_plan = trace[0], program.sessions[0].plan
        program.close()
        with self.assertRaises(ValueError):
            session_plan.steps
        with self.assertRaises(ValueError):
            program.sessions
        self.assertIn('closed', repr(program))
        intake.close()  # a trace and a plan do not need it once made
        self.assertTrue(trace.to_json() and len(trace) and result.score)
        self.assertTrue(plan.aftercare and plan.status)
        for use in (lambda: intake.symptoms, lambda: Trace(intake),
                    lambda: Plan(intake), lambda: Program(intake, 2, 1)):
            with self.assertRaises(ValueError):
                use()
        self.assertIn('closed', repr(intake))
        trace.close()
        self.assertIn('closed', repr(trace))
        for use in (lambda: trace.to_json(), lambda: len(trace),
                    lambda: result.score, lambda: result.paths):
            with self.assertRaises(ValueError):
                use()
        del trace, plan, program, intake, result, session_plan, model
        self.assertEqual(self.counts(), {'intake': 1, 'trace': 1, 'plan': 1,
                                         'program': 1})
        self.assertEqual(self.models_alive(), 0)

    def test_failed_builds_free_nothing(self):
        model = Model.default()
        with self.assertRaises(MfrError):
            Intake.from_json(model, '{"symptoms": [{"region": "heal"}]}')
        intake = worked_case(model)
        with self.assertRaises(MfrError):
            Trace(intake, lines=['no_such_line'])
        with self.assertRaises(MfrError):
            Plan(intake, max_sites=0)
        with self.assertRaises(MfrError):
            Program(intake, 7, 1)
        self.assertEqual(self.counts(), {'intake': 0, 'trace': 0, 'plan': 0,
                                         'program': 0})
        del intake, model
        self.assertEqual(self.counts(), {'intake': 1, 'trace': 0, 'plan': 0,
                                         'program': 0})
        self.assertEqual(self.models_alive(), 0)


if __name__ == '__main__':
    unittest.main()
