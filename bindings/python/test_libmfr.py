#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Tests of the libmfr Python binding against the built shared library.

Run from the repository root:
    LIBMFR_LIBRARY=build/lib/libmfr.so PYTHONPATH=bindings/python \\
        python3 bindings/python/test_libmfr.py -v
MFR_TEST_DATA names tests/data (default: found beside this file). The
default-model tests hold for any valid default model; the minimal-model
tests check exact values from tests/data/models/minimal.json.
"""

import ctypes
import gc
import json
import os
import re
import sys
import tempfile
import unittest
from pathlib import Path
from unittest import mock

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DATA = Path(os.environ.get('MFR_TEST_DATA', REPO / 'tests' / 'data'))
MINIMAL = DATA / 'models' / 'minimal.json'

# Convenience for a plain run from a source tree built in ./build.
if 'LIBMFR_LIBRARY' not in os.environ and \
        (REPO / 'build' / 'lib' / 'libmfr.so').exists():
    os.environ['LIBMFR_LIBRARY'] = str(REPO / 'build' / 'lib' / 'libmfr.so')
sys.path.insert(0, str(HERE))

import libmfr  # noqa: E402
from libmfr import MfrError, Model, Status  # noqa: E402

# The section of a model file that lists each kind ("aftercare" and
# "screening" are mass nouns: their sections are not pluralised).
SECTIONS = {kind: kind if kind in ('aftercare', 'screening') else kind + 's'
            for kind in libmfr.kinds()}
# The kinds whose entities have no index getter.
UNINDEXED = ('source', 'aftercare')

# Inline invalid documents. The line break in SYNTAX puts the bad token at
# line 2, column 13 (byte 15).
SYNTAX = '{\n  "format": ,\n}'
UNKNOWN_PARENT = '''{
  "format": "libmfr-model", "format_version": 1,
  "name": "bad", "model_version": "1",
  "sources": [{"key": "s", "citation": "S"}],
  "regions": [
    {"key": "leg", "name": "leg", "kind": "part", "laterality": "bilateral",
     "positions": ["prone"], "depth": "superficial", "sources": ["s"]},
    {"key": "calf", "name": "calf", "kind": "area", "parent": "lge",
     "laterality": "bilateral", "positions": ["prone"],
     "depth": "superficial", "sources": ["s"]}
  ],
  "lines": [], "referrals": [], "techniques": [], "conditions": [],
  "precautions": []
}'''
BAD_VERSION = '{"format": "libmfr-model", "format_version": 99}'
NOT_A_MODEL = '[1, 2, 3]'


def project_version():
    """The version in the project() call of the top-level meson.build."""
    text = (REPO / 'meson.build').read_text(encoding='utf-8')
    m = re.search(r"project\((.*?)\)", text, re.S)
    return re.search(r"version\s*:\s*'([^']+)'", m.group(1)).group(1)


class LibraryTests(unittest.TestCase):
    """Module-level functions: version, status names, kinds."""

    def test_version_matches_meson_project(self):
        self.assertEqual(libmfr.version(), project_version())

    def test_version_number(self):
        major, minor, patch = map(int, libmfr.version().split('.'))
        self.assertEqual(libmfr.version_number(),
                         major * 10000 + minor * 100 + patch)

    def test_status_names_come_from_the_library(self):
        self.assertEqual(Status.MFR_OK, 0)
        self.assertEqual(Status.MFR_E_SYNTAX, -4)
        self.assertEqual(libmfr.status_name(-11), 'MFR_E_REFERENCE')
        for status in Status:
            self.assertTrue(status.name.startswith('MFR_'))
            self.assertEqual(libmfr.status_name(status), status.name)
            self.assertTrue(libmfr.strerror(status))

    def test_strerror(self):
        self.assertEqual(libmfr.strerror(-12345), 'unknown status')
        self.assertNotEqual(libmfr.strerror(Status.MFR_E_IO),
                            libmfr.strerror(Status.MFR_E_SYNTAX))

    def test_every_exported_function_is_declared(self):
        # The binding declares argtypes/restype for every function the
        # library exports (lib/libmfr.map), so none is called with ctypes'
        # int defaults and the binding cannot silently fall behind the ABI.
        mapfile = REPO / 'lib' / 'libmfr.map'
        if not mapfile.exists():
            self.skipTest('lib/libmfr.map not found')
        text = re.sub(r'/\*.*?\*/', '', mapfile.read_text(encoding='utf-8'),
                      flags=re.S)
        exported = set(re.findall(r'\b(mfr_\w+)\s*;', text))
        self.assertGreater(len(exported), 100)
        declared = {name for _, _, names in libmfr._PROTOTYPES
                    for name in names.split()}
        self.assertEqual(sorted(exported - declared), [])
        self.assertEqual(sorted(declared - exported), [])
        for name in declared:
            self.assertIsNotNone(getattr(libmfr._C, name).argtypes, name)

    def test_prototypes_match_the_headers(self):
        # Every prototype is the C declaration's, type for type: an
        # enumeration is 32 bits (c_int32), a boolean int, a handle or an
        # out pointer c_void_p, a string c_char_p.
        headers = sorted((REPO / 'include' / 'mfr').glob('*.h'))
        if not headers:
            self.skipTest('include/mfr not found')
        text = ''.join(h.read_text(encoding='utf-8') for h in headers)
        text = re.sub(r'/\*.*?\*/', '', text, flags=re.S)
        text = re.sub(r'^\s*#.*$', '', text, flags=re.M)
        decls = re.findall(r'MFR_EXPORT\s+([^;(]*?)\b(mfr_\w+)\s*\(([^)]*)\)\s*;',
                           text)
        self.assertGreater(len(decls), 100)
        C = ctypes
        plain = {'void': None, 'int': C.c_int, 'uint32_t': C.c_uint32,
                 'int32_t': C.c_int32, 'int64_t': C.c_int64,
                 'size_t': C.c_size_t, 'double': C.c_double}

        def ctype(decl, name):
            tokens = re.findall(r'\w+|\*', decl)
            stars = tokens.count('*')
            base = [t for t in tokens if t not in ('*', 'const')][0]
            enum = base.startswith('mfr_') and base.endswith('_t')
            if stars == 0:
                if enum:
                    return (C.c_int32,)
                if base in plain:
                    return (plain[base],)
                self.fail('%s: unknown type %r' % (name, decl))
            if stars == 1:
                if base == 'char':
                    return (C.c_char_p, C.c_void_p)
                if enum:
                    return (C.POINTER(C.c_int32),)
                if base == 'size_t':
                    return (C.POINTER(C.c_size_t),)
                return (C.c_void_p,)
            if base == 'char':  # a string out: const char ** or char **
                return (C.POINTER(C.c_char_p), C.POINTER(C.c_void_p))
            return (C.POINTER(C.c_void_p),)

        for ret, name, params in decls:
            with self.subTest(function=name):
                fn = getattr(libmfr._C, name)
                self.assertIn(fn.restype, ctype(ret, name))
                params = [p.strip() for p in params.split(',')]
                if params == ['void']:
                    params = []
                self.assertEqual(len(fn.argtypes), len(params))
                for have, param in zip(fn.argtypes, params):
                    self.assertIn(have, ctype(param, name), param)

    def test_kinds(self):
        self.assertEqual(libmfr.kinds(),
                         ('region', 'line', 'referral', 'technique',
                          'condition', 'precaution', 'source', 'aftercare',
                          'danger_zone', 'screening'))

    def test_every_kind_has_a_class(self):
        with Model.default() as model:
            for kind in libmfr.kinds():
                with self.subTest(kind=kind):
                    entity = next(model.all(kind))
                    self.assertEqual(type(entity)._kind, kind)
                    self.assertIn(type(entity).__name__, libmfr.__all__)


class DefaultModelTests(unittest.TestCase):
    """Properties every valid default model has."""

    def setUp(self):
        self.model = Model.default()

    def tearDown(self):
        self.model.close()

    def test_loads(self):
        self.assertTrue(self.model.name)
        self.assertTrue(self.model.version)
        self.assertIsInstance(self.model.description, str)
        self.assertFalse(self.model.closed)

    def test_counts(self):
        m = self.model
        typed = {'region': m.regions, 'line': m.lines,
                 'referral': m.referrals, 'technique': m.techniques,
                 'condition': m.conditions, 'precaution': m.precautions,
                 'source': m.sources, 'aftercare': m.aftercare,
                 'danger_zone': m.danger_zones, 'screening': m.screenings}
        for kind in libmfr.kinds():
            with self.subTest(kind=kind):
                n = m.count(kind)
                self.assertGreater(n, 0)
                self.assertEqual(n, len(list(m.all(kind))))
                self.assertEqual(n, len(list(typed[kind]())))
                self.assertEqual(n, len(m.keys(kind)))

    def test_unknown_kind(self):
        for bad in ('regions', 'nerve', ''):
            with self.assertRaises(ValueError):
                self.model.count(bad)
        for bad in (3, None, b'region'):  # not a name at all: the wrong type
            with self.assertRaises(TypeError):
                self.model.count(bad)

    def test_wrong_types_raise_type_error(self):
        # Every entry point that takes a key, a name or a document raises
        # TypeError for the wrong type (model.region(None) once raised
        # AttributeError from deep inside the binding).
        m = self.model
        intake = libmfr.Intake(m)
        calls = [
            lambda: m.region(None), lambda: m.line(7), lambda: m.referral(b'x'),
            lambda: m.technique(None), lambda: m.condition(None),
            lambda: m.precaution(None), lambda: m.source(None),
            lambda: m.get('region', None), lambda: m.has('region', None),
            lambda: m.suggest('region', None), lambda: m.suggest('region', 'heel', 'x'),
            lambda: m.to_json('region', 3), lambda: m.count(None),
            lambda: m.keys(None), lambda: m.all(None),
            lambda: libmfr.Model.load_buffer(None),
            lambda: libmfr.Model.load_buffer(3),
            lambda: libmfr.Intake.from_json(m, None),
            lambda: intake.add_symptom(None, 'left'),
            lambda: intake.add_symptom('heel', 3),
            lambda: intake.add_symptom('heel', 'left', onset=1),
            lambda: intake.add_condition(None),
            lambda: intake.add_precaution(None),
            lambda: intake.add_precaution('open_wound', 5, 'left'),
            lambda: intake.add_clearance(None),
            lambda: intake.is_cleared(None),
            lambda: setattr(intake, 'positions', None),
            lambda: setattr(intake, 'positions', [1]),
            lambda: setattr(intake, 'minutes', 'ten'),
            lambda: libmfr.Trace(intake, lines=[None]),
            lambda: libmfr.Trace(intake, relations=3),
            lambda: libmfr.Trace(intake, min_evidence=2),
        ]
        for i, call in enumerate(calls):
            with self.subTest(call=i):
                with self.assertRaises(TypeError):
                    call()
        with self.assertRaises(ValueError):
            m.region('he\0el')
        intake.close()

    def test_lookup_round_trips(self):
        for kind in libmfr.kinds():
            for i, entity in enumerate(self.model.all(kind)):
                with self.subTest(kind=kind, key=entity.key):
                    self.assertEqual(self.model.get(kind, entity.key), entity)
                    self.assertTrue(self.model.has(kind, entity.key))
                    self.assertEqual(self.model.keys(kind)[i], entity.key)
                    if kind not in UNINDEXED:
                        self.assertEqual(entity.index, i)
            self.assertIsNone(self.model.get(kind, 'no_such_key'))
            self.assertFalse(self.model.has(kind, 'no_such_key'))
        self.assertIsNone(self.model.region('no_such_region'))

    def test_every_parent_lists_its_children(self):
        for region in self.model.regions():
            parent = region.parent
            if parent is not None:
                self.assertIn(region, parent.children)
                self.assertTrue(region.is_within(parent))
            for child in region.children:
                self.assertEqual(child.parent, region)

    def test_adjacency_is_symmetric(self):
        for region in self.model.regions():
            for other in region.adjacent:
                self.assertIn(region, other.adjacent,
                              '%s -> %s' % (region.key, other.key))
            indices = [r.index for r in region.adjacent]
            self.assertEqual(indices, sorted(indices))

    def test_enum_values_have_names(self):
        for r in self.model.regions():
            self.assertIsNotNone(r.kind)
            self.assertIn(r.laterality, ('bilateral', 'midline'))
            self.assertTrue(r.positions)
            self.assertNotIn(None, r.positions)
            self.assertIsNotNone(r.depth)
        for line in self.model.lines():
            self.assertTrue(line.abbrev)
            self.assertIsNotNone(line.evidence)
            self.assertTrue(line.branches)
            for branch in line.branches:
                self.assertEqual(branch.line, line)
                self.assertGreaterEqual(len(branch.nodes), 2)
                self.assertFalse(branch.nodes[0].crosses)
                for node in branch.nodes:
                    self.assertIn(node.kind, ('station', 'track'))
                    self.assertIn(node.side, ('ipsi', 'contra', 'mid'))
                    self.assertTrue(node.regions)
            self.assertEqual(line.crosses,
                             any(n.crosses for b in line.branches
                                 for n in b.nodes))
        for referral in self.model.referrals():
            self.assertIsNotNone(referral.muscle)
            for zone in referral.zones:
                self.assertIsInstance(zone.area, libmfr.Region)
                self.assertIn(zone.kind, ('essential', 'spillover'))
        for t in self.model.techniques():
            self.assertIsNotNone(t.family)
            self.assertIsNotNone(t.approach)
            self.assertEqual(t.hold is None, not t.has_hold)
            if t.hold:
                self.assertLessEqual(t.hold_min, t.hold_max)
        for p in self.model.precautions():
            self.assertIn(p.scope, ('global', 'local'))
            self.assertIn(p.severity, ('absolute', 'relative'))
        for c in self.model.conditions():
            self.assertTrue(c.icd10cm)

    def test_trigger_point_techniques(self):
        mps = self.model.condition('myofascial_pain_syndrome')
        self.assertEqual(tuple(t.key for t in mps.trigger_point_techniques),
                         ('trigger_point_pressure_release',))
        self.assertEqual(self.model.condition('low_back_pain')
                         .trigger_point_techniques, ())

    def test_refer_first(self):
        self.assertTrue(self.model.precaution('unexplained_pain').refer_first)
        self.assertFalse(self.model.precaution('recent_surgery').refer_first)

    def test_safety_values_are_well_formed(self):
        accesses = ('external', 'intra_oral', 'intra_pelvic')
        for r in self.model.regions():
            self.assertIn(r.access, accesses)
            # An internal access is inherited from the nearest ancestor.
            if r.parent is not None and r.parent.access != 'external':
                self.assertEqual(r.access, r.parent.access)
        for p in self.model.precautions():
            with self.subTest(precaution=p.key):
                self.assertIsInstance(p.site_scoped, bool)
                if p.site_scoped:
                    self.assertEqual(p.scope, 'global')
                self.assertIsInstance(p.refer_first, bool)
                if p.refer_first:
                    self.assertTrue(p.needs_clearance)
                if p.widen_to:
                    self.assertTrue(p.site_scoped)
                for region in p.widen_to:
                    self.assertIsInstance(region, libmfr.Region)
                self.assertEqual(len(p.widen_with), len(p.widen_to))
                for group in p.widen_with:
                    for region in group:
                        self.assertIsInstance(region, libmfr.Region)
                self.assertEqual(p.stage_name is None, p.stage_count == 0)
                for limit in p.position_limits:
                    self.assertIsInstance(limit, libmfr.PositionLimit)
                    self.assertIn(limit.position, libmfr._POSITIONS)
                    self.assertGreaterEqual(limit.from_stage, 1)
                    self.assertLessEqual(limit.from_stage,
                                         max(p.stage_count, 1))
                    for region in limit.regions:
                        self.assertIsInstance(region, libmfr.Region)
                self.check_dose(p.dose)
        for c in self.model.conditions():
            self.check_dose(c.dose)
        for a in self.model.aftercare():
            self.assertIn(a.kind, ('general', 'red_flag'))
            for p in a.when:
                self.assertEqual(self.model.precaution(p.key), p)
        for zone in self.model.danger_zones():
            with self.subTest(zone=zone.key):
                self.assertTrue(zone.name and zone.effect)
                self.assertTrue(zone.regions or zone.region_kinds)
                for kind in zone.region_kinds:
                    self.assertIn(kind, ('part', 'area', 'muscle', 'connective',
                                         'bone', 'joint'))
                self.assertIsNotNone(zone.pressure_ceiling)
                for region in zone.regions:
                    self.assertEqual(self.model.danger_zone_covering(region),
                                     zone)
                for t in zone.excluded_techniques:
                    self.assertIsInstance(t, libmfr.Technique)
        for q in self.model.screenings():
            with self.subTest(question=q.key):
                self.assertTrue(q.text)
                self.assertGreaterEqual(len(q.answers), 2)
                for answer in q.answers:
                    self.assertIsInstance(answer, libmfr.ScreeningAnswer)
                    self.assertTrue(answer.key and answer.text)
                    self.assertIsInstance(answer.needs_site, bool)
                    for p in answer.precautions:
                        self.assertIsInstance(p, libmfr.Precaution)
                    if answer.stage is not None:
                        self.assertTrue(any(
                            1 <= answer.stage <= p.stage_count
                            for p in answer.precautions))

    def check_dose(self, dose):
        if dose is None:
            return
        self.assertIsInstance(dose, libmfr.Dose)
        self.assertIsInstance(dose.indirect_only, bool)
        self.assertIsInstance(dose.progresses, bool)
        self.assertIsInstance(dose.provenance, libmfr.Provenance)
        if dose.pressure_ceiling is not None:
            self.assertIn(dose.pressure_ceiling, ('very_light', 'light',
                                                  'moderate', 'firm'))
        if dose.max_minutes is not None:
            self.assertGreater(dose.max_minutes, 0)
        self.assertEqual(dose.hold is None, dose.hold_min is None)
        if dose.hold is not None:
            self.assertLessEqual(dose.hold_min, dose.hold_max)

    def test_every_entity_has_provenance(self):
        for kind in libmfr.kinds():
            if kind == 'source':
                continue
            for entity in self.model.all(kind):
                prov = entity.provenance
                self.assertIsInstance(prov, libmfr.Provenance)
                self.assertIsInstance(prov.note, (str, type(None)))
                self.assertNotEqual(prov.note, '')  # absent is None
                for source in prov.sources:
                    self.assertEqual(self.model.source(source.key), source)

    def test_json_round_trip(self):
        text = self.model.to_json()
        doc = json.loads(text)
        with Model.load_buffer(text, 'round-trip.json') as again:
            self.assertEqual(again.to_json(), text)
            self.assertEqual(again.to_json(compact=True),
                             self.model.to_json(compact=True))
        compact = self.model.to_json(compact=True)
        self.assertNotIn('\n', compact)
        self.assertEqual(json.loads(compact), doc)
        with Model.load_buffer(compact.encode('utf-8')) as again:
            self.assertEqual(again.to_json(), text)

    def test_entity_json_matches_model_json(self):
        doc = json.loads(self.model.to_json())
        for kind in libmfr.kinds():
            for i, key in enumerate(self.model.keys(kind)):
                self.assertEqual(json.loads(self.model.to_json(kind, key)),
                                 doc[SECTIONS[kind]][i])

    def test_to_json_errors(self):
        with self.assertRaises(MfrError) as cm:
            self.model.to_json('region', 'no_such_region')
        self.assertEqual(cm.exception.status, Status.MFR_E_NOTFOUND)
        with self.assertRaises(MfrError) as cm:
            self.model.to_json('region')
        self.assertEqual(cm.exception.status, Status.MFR_E_INVALID)

    def test_default_text_is_the_default_model(self):
        with Model.load_buffer(Model.default_text()) as m:
            self.assertEqual(m.to_json(), self.model.to_json())

    def test_synonyms(self):
        self.assertEqual(self.model.region('occiput').synonyms,
                         ('back of the head', 'base of the skull'))
        self.assertEqual(self.model.region('heel').synonyms, ())
        self.assertIn('heel pain',
                      self.model.condition('plantar_fasciitis').synonyms)

    def test_find(self):
        found = self.model.find('heel pain')
        first, second = found[0], found[1]
        self.assertEqual(first.kind, 'condition')
        self.assertEqual(first.entity, self.model.condition('plantar_fasciitis'))
        self.assertEqual((first.term, first.synonym, first.score),
                         ('heel pain', True, 1.0))
        self.assertEqual((second.kind, second.entity.key, second.term,
                          second.synonym, second.score),
                         ('region', 'heel', 'heel', False, 0.5))
        scores = [m.score for m in found]
        self.assertEqual(scores, sorted(scores, reverse=True))
        # Case, punctuation and stop words do not count.
        self.assertEqual(self.model.find('The HEEL-pain!'), found)
        top = self.model.find('pins and needles in the thumb')[0]
        self.assertEqual((top.entity.key, top.term), ('thumb', 'thumb'))
        self.assertEqual(self.model.find('back of the head')[0].entity,
                         self.model.region('occiput'))
        self.assertEqual(self.model.find(''), [])
        self.assertEqual(self.model.find('the of'), [])

    def test_find_errors(self):
        with self.assertRaises(MfrError) as cm:
            self.model.find(' '.join('w%d' % i for i in range(33)))
        self.assertEqual(cm.exception.status, Status.MFR_E_RANGE)
        self.assertIn('32 different words', str(cm.exception))
        with self.assertRaises(MfrError) as cm:
            self.model.find('x' * 1001)
        self.assertEqual(cm.exception.status, Status.MFR_E_RANGE)
        with self.assertRaises(TypeError):
            self.model.find(None)
        with self.assertRaises(ValueError):
            self.model.find('heel\0pain')

    def test_find_outlives_the_model(self):
        model = Model.default()
        found = model.find('heel pain')
        model.close()
        self.assertEqual(found[0].entity.key, 'plantar_fasciitis')
        self.assertIn('heel pain', found[0].entity.synonyms)

    def test_suggest(self):
        key = self.model.keys('region')[0]
        # One typo away: suggested; the exact key itself never is.
        self.assertIn(key, self.model.suggest('region', key + 'x'))
        self.assertNotIn(key, self.model.suggest('region', key))
        self.assertLessEqual(len(self.model.suggest('region', 'x', max=2)), 2)
        self.assertEqual(self.model.suggest('region', key, max=0), [])


class _ModelCase(unittest.TestCase):
    """Shares one model, made by the class's `load`, across its tests."""

    load = None

    @classmethod
    def setUpClass(cls):
        cls.model = cls.load()

    @classmethod
    def tearDownClass(cls):
        cls.model.close()

    def keys(self, entities):
        return [e.key for e in entities]


class SafetyModelTests(_ModelCase):
    """The safety content of the default model (mfr/safety.h): exact
    values from lib/data/default-model.json."""

    load = staticmethod(Model.default)

    def test_region_access(self):
        m = self.model
        self.assertEqual(m.region('lateral_pterygoid').access, 'intra_oral')
        self.assertEqual(m.region('pelvic_floor').access, 'intra_pelvic')
        # Inherited from the nearest ancestor with an internal access.
        self.assertEqual(m.region('levator_ani_coccygeus').access,
                         'intra_pelvic')
        self.assertEqual(m.region('masseter').access, 'external')
        self.assertEqual(m.region('heel').access, 'external')

    def test_danger_zones(self):
        m = self.model
        zone = m.danger_zone('anterior_triangle_neck')
        self.assertIsInstance(zone, libmfr.DangerZone)
        self.assertEqual(zone.index, 0)
        self.assertEqual(zone.name, 'anterior triangle of the neck')
        self.assertEqual(self.keys(zone.regions), ['anterior_neck', 'throat'])
        self.assertEqual(zone.pressure_ceiling, 'light')
        self.assertEqual(self.keys(zone.excluded_techniques),
                         ['direct_release', 'fascial_manipulation',
                          'sustained_pressure_hold',
                          'trigger_point_pressure_release'])
        self.assertEqual(zone.effect, 'avoid deep pressure (carotid sinus)')
        self.assertEqual(self.keys(zone.provenance.sources),
                         ['manual_therapy_safety'])
        self.assertFalse(zone.provenance.is_convention)
        self.assertTrue(
            m.danger_zone('posterior_triangle_neck').provenance.is_convention)
        self.assertIn('femoral_triangle', m.keys('danger_zone'))
        self.assertIsNone(m.danger_zone('no_such_zone'))
        self.assertEqual(repr(zone), "<DangerZone 'anterior_triangle_neck'>")
        self.assertEqual(json.loads(m.to_json('danger_zone', zone.key))['key'],
                         zone.key)

    def test_danger_zone_covering(self):
        m = self.model
        # A muscle within the front of the neck; the groin; nothing.
        self.assertEqual(m.danger_zone_covering('sternocleidomastoid').key,
                         'anterior_triangle_neck')
        self.assertEqual(m.danger_zone_covering(m.region('groin')).key,
                         'femoral_triangle')
        self.assertIsNone(m.danger_zone_covering('heel'))
        with self.assertRaises(ValueError):
            m.danger_zone_covering('no_such_region')
        with self.assertRaises(TypeError):
            m.danger_zone_covering(42)
        with Model.default() as other:
            with self.assertRaises(ValueError):
                m.danger_zone_covering(other.region('groin'))

    def test_condition_relations(self):
        m = self.model
        self.assertEqual(m.condition('scar_adhesions').relations,
                         ('line', 'hierarchy', 'adjacency'))
        self.assertEqual(m.condition('low_back_pain').relations,
                         ('line', 'referral', 'hierarchy', 'adjacency'))

    def test_screening(self):
        m = self.model
        q = m.screening('pregnancy')
        self.assertIsInstance(q, libmfr.Screening)
        self.assertEqual(q.text, 'Are you pregnant? In which trimester?')
        self.assertEqual(q.index, m.keys('screening').index('pregnancy'))
        self.assertEqual([a.key for a in q.answers],
                         ['no', 'first_trimester', 'second_trimester',
                          'third_trimester', 'trimester_unknown',
                          'high_risk'])
        no, _, second = q.answers[:3]
        self.assertEqual(no, ('no', 'No', (), None, False))
        self.assertEqual(second.text, 'Yes, second trimester')
        self.assertEqual(self.keys(second.precautions), ['pregnancy'])
        self.assertEqual((second.stage, second.needs_site), (2, False))
        self.assertEqual(self.keys(q.answers[-1].precautions),
                         ['pregnancy', 'high_risk_pregnancy'])
        self.assertIsNone(q.answers[-1].stage)
        dvt = m.screening('deep_vein_thrombosis').answers[1]
        self.assertEqual((dvt.key, dvt.needs_site), ('yes', True))
        self.assertEqual(
            self.keys(m.screening('deep_vein_thrombosis').symptom_areas),
            ['calf', 'posterior_knee'])
        self.assertEqual(q.symptom_areas, ())
        self.assertTrue(q.provenance.is_convention)
        self.assertIsNone(m.screening('no_such_question'))
        self.assertEqual(m.suggest('screening', 'pregnacy'), ['pregnancy'])

    def test_precaution_sites_stages_and_limits(self):
        m = self.model
        self.assertEqual([z.frequency for z in m.referral('soleus_trp3').zones],
                         ['rare', 'rare'])
        self.assertFalse(m.region('mediastinum').treatable)
        self.assertTrue(m.region('soleus').treatable)
        self.assertFalse(m.region('heel').treatable)
        dvt = m.precaution('deep_vein_thrombosis')
        self.assertTrue(dvt.site_scoped)
        self.assertFalse(dvt.site_optional)
        self.assertTrue(m.precaution('advanced_diabetes').site_optional)
        self.assertEqual(self.keys(dvt.widen_to), ['lower_limb', 'upper_limb'])
        self.assertTrue(m.precaution('malignancy').site_scoped)
        self.assertEqual(m.precaution('malignancy').widen_to, ())
        fever = m.precaution('fever')
        self.assertFalse(fever.site_scoped)
        self.assertEqual((fever.stage_count, fever.stage_name,
                          fever.position_limits, fever.dose),
                         (0, None, (), None))

        pregnancy = m.precaution('pregnancy')
        self.assertEqual((pregnancy.stage_count, pregnancy.stage_name),
                         (3, 'trimester'))
        self.assertEqual(pregnancy.position_limits,
                         (('prone', 2, ()), ('supine', 2, ())))
        self.assertIsInstance(pregnancy.position_limits[0],
                              libmfr.PositionLimit)
        self.assertEqual([z.frequency for z in m.referral('soleus_trp3').zones],
                         ['rare', 'rare'])
        self.assertFalse(m.region('mediastinum').treatable)
        self.assertTrue(m.region('soleus').treatable)
        self.assertFalse(m.region('heel').treatable)
        dvt = m.precaution('deep_vein_thrombosis')
        self.assertEqual(self.keys(dvt.widen_to), ['lower_limb', 'upper_limb'])
        self.assertIn('groin', self.keys(dvt.widen_with[0]))
        self.assertEqual(self.keys(pregnancy.clearance_for_symptoms),
                         ['abdomen', 'pelvic_floor', 'groin', 'pubic_symphysis'])
        self.assertEqual(m.danger_zone('bony_prominences').region_kinds, ('bone',))
        (limit,) = m.precaution('severe_osteoporosis').position_limits
        self.assertEqual((limit.position, limit.from_stage,
                          self.keys(limit.regions)),
                         ('prone', 1, []))

    def test_doses(self):
        m = self.model
        fibro = m.condition('fibromyalgia').dose
        self.assertIsInstance(fibro, libmfr.Dose)
        self.assertEqual(fibro.pressure_ceiling, 'light')
        self.assertTrue(fibro.indirect_only)
        self.assertFalse(fibro.progresses)
        self.assertIsNone(fibro.max_minutes)
        self.assertEqual((fibro.hold, fibro.hold_min, fibro.hold_max),
                         (None, None, None))
        self.assertEqual(self.keys(fibro.provenance.sources),
                         ['myers2014', 'mfr_overview'])
        self.assertIn('light', repr(fibro))
        cfs = m.condition('chronic_fatigue').dose
        self.assertEqual(cfs.max_minutes, 30)
        self.assertTrue(cfs.provenance.is_convention)
        self.assertTrue(m.condition('post_surgery_recovery').dose.progresses)
        self.assertIsNone(m.condition('plantar_fasciitis').dose)
        acute = m.precaution('acute_injury').dose
        self.assertTrue(acute.indirect_only)
        self.assertIsNone(acute.pressure_ceiling)
        self.assertIsNone(m.precaution('open_wound').dose)

    def test_site_techniques(self):
        m = self.model
        self.assertEqual(self.keys(m.condition('scar_adhesions').site_techniques),
                         ['skin_rolling', 'cross_hand_release'])
        self.assertEqual(m.condition('low_back_pain').site_techniques, ())

    def test_technique_max_sites(self):
        m = self.model
        self.assertEqual(m.technique('fascial_manipulation').max_sites, 6)
        self.assertIsNone(m.technique('skin_rolling').max_sites)

    def test_condition_screening(self):
        m = self.model
        self.assertEqual(self.keys(m.condition('post_surgery_recovery').screening),
                         ['recent_surgery', 'healing_fracture', 'acute_injury',
                          'deep_vein_thrombosis', 'blood_thinners'])
        self.assertEqual(m.condition('fibromyalgia').screening, ())

    def test_aftercare_kind_and_when(self):
        m = self.model
        red = m.get('aftercare', 'red_flags')
        self.assertEqual((red.kind, red.when), ('red_flag', ()))
        bruising = m.get('aftercare', 'bruising')
        self.assertEqual(bruising.kind, 'general')
        self.assertEqual(self.keys(bruising.when), ['anticoagulant_therapy'])
        self.assertEqual(m.get('aftercare', 'soreness').when, ())

    def test_safety_entities_outlive_a_closed_model(self):
        # Each entity holds the model (the library's count): after
        # close() it reads on; the closed Model object itself refuses.
        model = Model.default()
        zone = model.danger_zone('axilla')
        dose = model.condition('fibromyalgia').dose
        question = model.screening('pregnancy')
        regions, answers = zone.regions, question.answers
        model.close()
        self.assertEqual(zone.regions, regions)
        self.assertTrue(dose.indirect_only in (True, False))
        self.assertEqual(question.answers, answers)
        with self.assertRaises(ValueError):
            model.danger_zone_covering('groin')


class ErrorTests(unittest.TestCase):
    """Failures raise MfrError with the fields of the mfr_error object."""

    def load(self, text, name=None):
        with self.assertRaises(MfrError) as cm:
            Model.load_buffer(text, name)
        return cm.exception

    def test_syntax_error(self):
        e = self.load(SYNTAX, 'bad.json')
        self.assertEqual(e.status, Status.MFR_E_SYNTAX)
        self.assertEqual(e.status_name, 'MFR_E_SYNTAX')
        self.assertEqual((e.line, e.column, e.offset), (2, 13, 15))
        self.assertEqual(e.source, 'bad.json')
        self.assertIsNone(e.path)
        self.assertIn('bad.json:2:13', e.message)
        self.assertEqual(str(e), e.message)

    def test_unknown_parent(self):
        e = self.load(UNKNOWN_PARENT)
        self.assertEqual(e.status, Status.MFR_E_REFERENCE)
        self.assertEqual(e.status_name, 'MFR_E_REFERENCE')
        self.assertEqual(e.path, 'regions[1].parent')
        self.assertIn('did you mean "leg"', e.message)
        self.assertEqual(e.source, '<buffer>')
        # Found after the parse, the error still has the place of the
        # value: "lge" on line 8, column 63.
        self.assertEqual((e.line, e.column, e.offset), (8, 63, 362))
        self.assertIn('<buffer>:8:63: regions[1].parent: unknown region', e.message)

    def test_unsupported_version(self):
        e = self.load(BAD_VERSION)
        self.assertEqual(e.status, Status.MFR_E_VERSION)
        self.assertEqual(e.path, 'format_version')

    def test_not_a_model(self):
        self.assertLess(self.load(NOT_A_MODEL).status, 0)
        self.assertEqual(self.load(b'').status, Status.MFR_E_SYNTAX)
        self.assertEqual(self.load(b'\xff').status, Status.MFR_E_SYNTAX)

    def test_missing_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, 'missing.json')
            with self.assertRaises(MfrError) as cm:
                Model.load_file(path)
        e = cm.exception
        self.assertEqual(e.status, Status.MFR_E_IO)
        self.assertEqual(e.status_name, 'MFR_E_IO')
        self.assertEqual(e.source, path)
        self.assertIn(path, e.message)

    def test_bad_file_names_its_path(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / 'bad.json'
            path.write_text(SYNTAX, encoding='utf-8')
            with self.assertRaises(MfrError) as cm:
                Model.load_file(path)
        self.assertEqual(cm.exception.source, str(path))
        self.assertEqual(cm.exception.line, 2)


def read_cases(name):
    """The cases of tests/data/bad/NAME (format: tests/data/bad/README.md)."""
    cases, cur = [], None
    for raw in (DATA / 'bad' / name).read_text(encoding='utf-8').split('\n'):
        s = raw.rstrip('\r').lstrip(' ')
        if not s or s.startswith('#'):
            continue
        word, _, arg = s.partition(' ')
        if word == 'case':
            cur = {'name': arg, 'ops': [], 'messages': [], 'text': None,
                   'path': None}
            cases.append(cur)
        elif word in ('set', 'append'):
            path, _, value = arg.partition(' ')
            cur['ops'].append((word, path, json.loads(value)))
        elif word == 'remove':
            cur['ops'].append((word, arg, None))
        elif word == 'text':
            line = re.sub(rb'\\x([0-9a-fA-F]{2})',
                          lambda m: bytes([int(m.group(1), 16)]), arg.encode())
            cur['text'] = (cur['text'] or b'') + line + b'\n'
        elif word == 'text-empty':
            cur['text'] = b''
        elif word in ('over', 'status', 'path'):
            cur[word] = arg
        elif word == 'message':
            cur['messages'].append(arg)
        elif word != 'at':
            raise ValueError('%s: cannot read %r' % (name, s))
    return cases


def path_steps(path):
    """'regions[heel].adjacent[1]' -> [('m', 'regions'), ('s', 'heel'), ...]"""
    return [('s', sel) if sel else ('m', name)
            for sel, name in re.findall(r'\[([^\]]*)\]|\.?([^.\[]+)', path)]


def select(items, sel):
    if sel.isdigit():
        return int(sel)
    return next(i for i, x in enumerate(items)
                if isinstance(x, dict) and x.get('key') == sel)


def case_input(case):
    """The bytes of a case: its text, or its base with its edits applied."""
    if case['text'] is not None:
        return case['text']
    if case['over'] == 'default':
        doc = json.loads(Model.default_text())
    else:
        doc = json.loads((DATA / 'models' / case['over']).read_text('utf-8'))
    for op, path, value in case['ops']:
        steps = path_steps(path)
        parent = doc
        for kind, step in steps[:-1]:
            parent = parent[select(parent, step) if kind == 's' else step]
        kind, last = steps[-1]
        key = select(parent, last) if kind == 's' else last
        if op == 'append':
            parent[key].append(value)
        elif op == 'set':
            parent[key] = value
        else:
            del parent[key]
    return json.dumps(doc, indent=2, ensure_ascii=False).encode('utf-8')


def case_path(case, data):
    """The expected path with key selectors resolved against the input."""
    try:
        node = json.loads(data.decode('utf-8-sig'))
    except ValueError:
        return case['path']
    out = ''
    for kind, step in path_steps(case['path']):
        if kind == 's':
            i = select(node, step) if isinstance(node, list) else step
            out += '[%s]' % i
            node = node[i] if isinstance(i, int) else None
        else:
            out += ('.' if out else '') + step
            node = node.get(step) if isinstance(node, dict) else None
    return out


class BadInputTests(unittest.TestCase):
    """Every bad model and intake of tests/data/bad fails through the
    binding as it does in C: an MfrError with the case's status, path and
    message, nothing returned; and the binding's own bad arguments."""

    def check(self, case, data, load):
        with self.assertRaises(MfrError) as cm:
            load(data)
        e = cm.exception
        self.assertEqual(e.status_name, case['status'])
        if case['path'] is not None:
            self.assertEqual(e.path, case_path(case, data) or None)
        for fragment in case['messages']:
            self.assertIn(fragment, e.message)
        if case['path'] is not None and e.status_name != 'MFR_E_SYNTAX':
            self.assertGreater(e.line, 0)   # placed, after the parse too
            self.assertGreaterEqual(e.offset, 0)

    def test_bad_models(self):
        cases = read_cases('model.cases')
        self.assertGreaterEqual(len(cases), 90)
        for case in cases:
            with self.subTest(case=case['name']):
                self.check(case, case_input(case),
                           lambda d: Model.load_buffer(d, 'case.json'))

    def test_bad_intakes(self):
        cases = read_cases('intake.cases')
        self.assertGreaterEqual(len(cases), 40)
        with Model.default() as model:
            for case in cases:
                with self.subTest(case=case['name']):
                    self.check(case, case_input(case),
                               lambda d: libmfr.Intake.from_json(model, d, 'case.json'))

    def test_bad_arguments(self):
        """What only a binding can get wrong: each fails with a Python
        exception that says so, and leaves the model usable."""
        with Model.default() as model:
            for bad, error in [
                    (lambda: Model.load_buffer(None), TypeError),
                    (lambda: Model.load_buffer(12), TypeError),
                    (lambda: Model.load_buffer('{}', name=3), TypeError),
                    (lambda: libmfr.Intake.from_json(model, None), TypeError),
                    (lambda: libmfr.Intake.from_json(None, '{}'), TypeError),
                    (lambda: model.region(7), TypeError),
                    (lambda: libmfr.Intake(model).add_symptom('heel', 'sideways'),
                     ValueError),
                    (lambda: libmfr.Intake(model).add_symptom(None, 'left'), TypeError)]:
                with self.subTest(bad=bad):
                    with self.assertRaises(error):
                        bad()
            self.assertIsNotNone(model.region('heel'))

    def test_limits(self):
        """The documented limits hold through the binding."""
        big = b' ' * (64 * 1024 * 1024 + 1)
        with self.assertRaises(MfrError) as cm:
            Model.load_buffer(big, 'big.json')
        self.assertEqual(cm.exception.status_name, 'MFR_E_RANGE')
        self.assertIn('past the limit for a model', cm.exception.message)
        with Model.default() as model:
            with self.assertRaises(MfrError) as cm:
                libmfr.Intake.from_json(model, b' ' * (1024 * 1024 + 1))
            self.assertIn('past the limit for an intake', cm.exception.message)
            deep = '{"symptoms": ' + '[' * 40 + ']' * 40 + '}'
            with self.assertRaises(MfrError) as cm:
                libmfr.Intake.from_json(model, deep)
            self.assertEqual((cm.exception.line, cm.exception.column), (1, 45))


class LifetimeTests(unittest.TestCase):
    """The library counts a model's references (mfr_model_ref/unref): every
    one the binding takes it drops exactly once, and an entity keeps the
    model alive."""

    def counting(self):
        """Count the references taken (the first one of a model, which the
        binding adopts, is not taken) and dropped."""
        taken, dropped = [], []
        real_ref, real_unref = libmfr._model_ref, libmfr._model_unref

        def ref(ptr):
            taken.append(ptr)
            return real_ref(ptr)

        def unref(ptr):
            dropped.append(ptr)
            real_unref(ptr)
        for name, fn in (('_model_ref', ref), ('_model_unref', unref)):
            patch = mock.patch.object(libmfr, name, fn)
            patch.start()
            self.addCleanup(patch.stop)
        return taken, dropped

    def test_close_twice_then_gc_drops_once(self):
        taken, dropped = self.counting()
        model = Model.default()
        model.close()
        self.assertTrue(model.closed)
        model.close()
        del model
        gc.collect()
        self.assertEqual((len(taken), len(dropped)), (0, 1))

    def test_gc_drops_once(self):
        taken, dropped = self.counting()
        model = Model.default()
        del model
        gc.collect()
        self.assertEqual((len(taken), len(dropped)), (0, 1))

    def test_context_manager(self):
        taken, dropped = self.counting()
        with Model.default() as model:
            self.assertTrue(model.name)
        self.assertTrue(model.closed)
        gc.collect()
        self.assertEqual(len(dropped), 1)
        del model
        gc.collect()
        self.assertEqual((len(taken), len(dropped)), (0, 1))

    def test_closed_model_refuses_use_its_entities_do_not(self):
        model = Model.default()
        region = next(model.regions())
        key = region.key
        model.close()
        with self.assertRaises(ValueError):
            model.name
        with self.assertRaises(ValueError):
            model.count('region')
        self.assertIn('closed', repr(model))
        # The entity holds the model: it reads on.
        self.assertEqual(region.key, key)
        self.assertTrue(region.parent is None or region.parent.key)

    def test_entity_keeps_model_alive(self):
        taken, dropped = self.counting()
        region = next(Model.default().regions())
        gc.collect()
        self.assertEqual(dropped, [])
        self.assertTrue(region.key)
        self.assertTrue(region.name)
        del region
        gc.collect()
        self.assertEqual(len(dropped), 1)

    def test_failed_load_drops_nothing(self):
        taken, dropped = self.counting()
        with self.assertRaises(MfrError):
            Model.load_buffer(SYNTAX)
        gc.collect()
        self.assertEqual((taken, dropped), ([], []))

    def test_close_from_another_thread(self):
        # Closing a model while other threads read it, and read and plan
        # through what was made from it, is safe: each of them holds the
        # model through the library's count. Only the closed Model object
        # itself refuses use (ValueError).
        import threading
        model = Model.default()
        regions = list(model.regions())[:50]
        intakes = [libmfr.Intake(model) for _ in range(4)]
        for intake in intakes:
            intake.add_symptom('heel', 'left', intensity=6)
        start = threading.Barrier(len(intakes) + 1)
        seen, errors = [], []

        def work(intake):
            try:
                start.wait()
                for _ in range(20):
                    keys = [r.key for r in regions]
                    plan = libmfr.Plan(intake)
                    seen.append((tuple(keys), plan.to_json()))
                    try:
                        model.name
                    except ValueError:
                        pass  # closed meanwhile: the Model object refuses
            except Exception as e:  # noqa: BLE001 (reported below)
                errors.append(e)
        threads = [threading.Thread(target=work, args=(i,)) for i in intakes]
        for t in threads:
            t.start()
        start.wait()
        model.close()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(len(set(seen)), 1)

    def test_no_public_constructor(self):
        with self.assertRaises(TypeError):
            Model()


class MinimalModelTests(_ModelCase):
    """Exact values from tests/data/models/minimal.json."""

    load = staticmethod(lambda: Model.load_file(MINIMAL))

    def test_model(self):
        m = self.model
        self.assertEqual(m.name, 'minimal test model')
        self.assertEqual(m.version, '1')
        self.assertEqual(m.description,
                         'A small model that uses every member of the format.')
        self.assertEqual({k: m.count(k) for k in libmfr.kinds()},
                         {'region': 6, 'line': 2, 'referral': 1,
                          'technique': 2, 'condition': 1, 'precaution': 3,
                          'source': 2, 'aftercare': 0, 'danger_zone': 0,
                          'screening': 0})
        self.assertEqual(m.keys('region'), ['leg', 'calf', 'heel',
                                            'calf_muscle', 'sacrum',
                                            'back_muscle'])

    def test_load_buffer_equals_load_file(self):
        data = MINIMAL.read_bytes()
        with Model.load_buffer(data, str(MINIMAL)) as m:
            self.assertEqual(m.to_json(), self.model.to_json())
        with Model.load_buffer(self.model.to_json()) as m:
            self.assertEqual(m.to_json(), self.model.to_json())

    def test_regions(self):
        m = self.model
        leg = m.region('leg')
        self.assertEqual((leg.key, leg.name, leg.kind, leg.index),
                         ('leg', 'leg', 'part', 0))
        self.assertIsNone(leg.parent)
        self.assertEqual(self.keys(leg.children), ['calf', 'heel'])
        self.assertEqual(leg.laterality, 'bilateral')
        self.assertEqual(leg.positions, ('prone', 'supine'))
        self.assertEqual(leg.depth, 'superficial')
        self.assertEqual((leg.snomed, leg.fma, leg.uberon),
                         ('30021000', 'FMA:24979', None))
        self.assertEqual(self.keys(leg.provenance.sources), ['src_a'])
        self.assertFalse(leg.provenance.is_convention)
        self.assertIsNone(leg.provenance.note)

        calf = m.region('calf')
        self.assertEqual(calf.parent, leg)
        self.assertEqual(self.keys(calf.adjacent), ['heel', 'calf_muscle'])
        self.assertEqual(self.keys(m.region('heel').adjacent), ['calf'])
        self.assertIsNone(calf.snomed)

        muscle = m.region('calf_muscle')
        self.assertEqual((muscle.kind, muscle.depth), ('muscle', 'intermediate'))
        self.assertTrue(muscle.is_within(leg))
        self.assertTrue(muscle.is_within(muscle))
        self.assertFalse(leg.is_within(muscle))
        self.assertEqual(self.keys(muscle.provenance.sources),
                         ['src_a', 'src_b'])
        self.assertEqual(muscle.access, 'external')
        self.assertTrue(muscle.provenance.is_convention)
        self.assertEqual(muscle.provenance.note, 'placement is a convention')

        sacrum = m.region('sacrum')
        self.assertEqual((sacrum.kind, sacrum.laterality), ('bone', 'midline'))
        back = m.region('back_muscle')
        self.assertEqual(back.positions, ('prone', 'seated'))
        self.assertEqual(back.depth, 'deep')
        self.assertEqual(self.keys(back.adjacent), ['sacrum'])

    def test_lines(self):
        line = self.model.line('test_line')
        self.assertEqual((line.key, line.abbrev, line.name, line.index),
                         ('test_line', 'TL', 'Test Line', 0))
        self.assertEqual(line.evidence, 'strong')
        self.assertEqual(self.keys(line.evidence_sources), ['src_b'])
        self.assertTrue(line.crosses)
        (branch,) = line.branches
        self.assertEqual((branch.key, branch.name), ('main', 'main branch'))
        self.assertEqual(branch.line, line)
        first, second, third = branch.nodes
        self.assertEqual((first.kind, first.side, self.keys(first.regions)),
                         ('track', 'ipsi', ['calf_muscle']))
        self.assertEqual((second.kind, second.side, self.keys(second.regions)),
                         ('station', 'mid', ['sacrum']))
        self.assertEqual((third.kind, third.side, self.keys(third.regions)),
                         ('track', 'contra', ['back_muscle']))
        self.assertEqual([n.crosses for n in branch.nodes],
                         [False, False, True])
        self.assertEqual([n.may_cross for n in branch.nodes],
                         [False, True, False])
        self.assertEqual([n.note for n in branch.nodes], [None, None, 'crosses'])

        plain = self.model.line('plain_line')
        self.assertEqual((plain.abbrev, plain.evidence, plain.crosses),
                         ('PL', 'not_assessed', False))
        self.assertEqual(plain.evidence_sources, ())
        self.assertIsNone(plain.branches[0].name)
        self.assertEqual(self.keys(plain.branches[0].nodes[0].regions),
                         ['calf_muscle', 'back_muscle'])

    def test_referral(self):
        ref = self.model.referral('calf_muscle_trp1')
        self.assertEqual(ref.muscle, self.model.region('calf_muscle'))
        self.assertEqual(ref.trigger_point, 'mid belly')
        self.assertEqual(
            [(z.area.key, z.kind, z.bilateral) for z in ref.zones],
            [('heel', 'essential', False), ('calf', 'spillover', True)])
        area, kind, bilateral, frequency = ref.zones[0]
        self.assertEqual((area.key, kind, bilateral, frequency),
                         ('heel', 'essential', False, 'common'))
        self.assertTrue(ref.split_convention)
        self.assertTrue(ref.disputed)
        self.assertEqual(ref.provenance.note, 'sources disagree')

    def test_techniques(self):
        hold = self.model.technique('hold')
        self.assertEqual((hold.name, hold.family, hold.approach),
                         ('Sustained hold', 'sustained_pressure', 'either'))
        self.assertEqual((hold.pressure_min, hold.pressure_max, hold.depth),
                         ('light', 'moderate', 'intermediate'))
        self.assertTrue(hold.has_hold)
        self.assertEqual(hold.hold, (90, 300))
        self.assertEqual((hold.hold_min, hold.hold_max), (90, 300))
        self.assertFalse(hold.hold_convention)
        self.assertEqual(hold.positions, ('prone', 'supine', 'seated'))
        self.assertEqual(hold.suits, ('broad_plane', 'focal_point'))
        self.assertEqual(self.keys(hold.regions), ['calf', 'back_muscle'])

        rock = self.model.technique('rock')
        self.assertEqual((rock.family, rock.approach),
                         ('rebounding', 'indirect'))
        self.assertEqual((rock.pressure_min, rock.pressure_max),
                         ('very_light', 'light'))
        self.assertFalse(rock.has_hold)
        self.assertIsNone(rock.hold)
        self.assertIsNone(rock.hold_min)
        self.assertIsNone(rock.hold_max)
        self.assertEqual(rock.positions, ('supine',))
        self.assertEqual((rock.suits, rock.regions), ((), ()))
        self.assertNotIn('hold_seconds',
                         json.loads(self.model.to_json('technique', 'rock')))

    def test_condition(self):
        c = self.model.condition('heel_pain')
        self.assertEqual(c.name, 'Heel pain')
        self.assertEqual(c.icd10cm, ('M72.2', 'M79.67-'))
        self.assertEqual(c.snomed, ('202882003',))
        self.assertEqual(self.keys(c.areas), ['heel'])
        self.assertEqual(self.keys(c.lines), ['test_line'])
        self.assertEqual(self.keys(c.regions), ['calf_muscle'])
        self.assertEqual(c.evidence, 'one trial')
        self.assertIsNone(c.dose)

    def test_precautions(self):
        wound = self.model.precaution('wound')
        self.assertEqual((wound.scope, wound.severity), ('local', 'relative'))
        self.assertTrue(wound.avoid_site)
        self.assertTrue(wound.avoid_adjacent)
        self.assertFalse(wound.needs_clearance)
        self.assertIsNone(wound.pressure_ceiling)
        self.assertEqual(self.keys(wound.excluded_techniques), ['rock'])
        self.assertEqual(wound.effect, 'avoid the region')

        fragile = self.model.precaution('fragile')
        self.assertEqual((fragile.scope, fragile.severity),
                         ('global', 'relative'))
        self.assertTrue(fragile.needs_clearance)
        self.assertEqual(self.keys(fragile.avoid_regions), ['sacrum'])
        self.assertEqual(fragile.pressure_ceiling, 'light')
        self.assertEqual(fragile.excluded_techniques, ())

        fever = self.model.precaution('fever')
        self.assertEqual((fever.severity, fever.effect),
                         ('absolute', 'postpone'))

        # Without the members of the safety format: the defaults.
        for p in (wound, fragile, fever):
            self.assertFalse(p.site_scoped)
            self.assertEqual((p.widen_to, p.stage_count, p.stage_name,
                              p.position_limits, p.dose),
                             ((), 0, None, (), None))

    def test_sources(self):
        a, b = self.model.sources()
        self.assertEqual((a.key, a.citation, a.note),
                         ('src_a', 'Source A, 2001', 'the main source'))
        self.assertEqual((b.key, b.citation, b.note),
                         ('src_b', 'Source B, 2002', None))

    def test_suggest(self):
        self.assertEqual(self.model.suggest('region', 'cal')[0], 'calf')
        self.assertEqual(self.model.suggest('line', 'test_lin', max=1),
                         ['test_line'])


class EnumTests(unittest.TestCase):
    """The IntEnums of the C enumerations: built from the library's own
    names, their C widths stated, and taken wherever a name is."""

    ENUMS = {
        'Side': ('left', 'mfr_side_name'), 'Onset': ('acute', 'mfr_onset_name'),
        'Position': ('prone', 'mfr_position_name'),
        'Relation': ('line', 'mfr_relation_name'),
        'Evidence': ('limited', 'mfr_evidence_name'),
        'Access': ('intra_oral', 'mfr_access_name'),
        'Pressure': ('firm', 'mfr_pressure_name'),
        'PlanStatus': ('refer_out', 'mfr_plan_status_name'),
        'Status': ('MFR_E_RANGE', 'mfr_status_name'),
    }

    def test_members_are_the_librarys_names(self):
        import ctypes
        import enum
        lib = ctypes.CDLL(libmfr.library_path())
        for name, (member, fn) in self.ENUMS.items():
            cls = getattr(libmfr, name)
            self.assertTrue(issubclass(cls, enum.IntEnum), name)
            self.assertIn(name, libmfr.__all__)
            self.assertIn('32-bit', cls.__doc__, name)
            self.assertIn(member, cls.__members__, name)
            name_fn = getattr(lib, fn)
            name_fn.restype, name_fn.argtypes = ctypes.c_char_p, [ctypes.c_int32]
            for m in cls:
                self.assertEqual(name_fn(m.value).decode(), m.name)
        self.assertEqual(libmfr.Pressure.firm > libmfr.Pressure.light, True)
        self.assertEqual(libmfr.Side.left, 1)

    def test_members_as_arguments(self):
        with Model.default() as model:
            a, b = libmfr.Intake(model), libmfr.Intake(model)
            a.add_symptom('heel', 'left', 6, 'chronic')
            b.add_symptom('heel', libmfr.Side.left, 6, libmfr.Onset.chronic)
            a.positions = ['prone', 'seated']
            b.positions = [libmfr.Position.prone, libmfr.Position.seated]
            self.assertEqual(a.to_json(), b.to_json())
            t = model.trace(b, min_evidence=libmfr.Evidence.limited,
                            relations=libmfr.Relation.line)
            self.assertEqual(t.to_json(), model.trace(
                a, min_evidence='limited', relations='line').to_json())
            # A member of another enumeration is not a side.
            with self.assertRaises(TypeError):
                b.add_symptom('calf', libmfr.Pressure.firm)
            with self.assertRaises(TypeError):
                b.add_symptom('calf', 1)
            a.add_answer('unexplained_pain', 'no')
            a.add_answer('deep_vein_thrombosis', 'no')
            self.assertEqual(libmfr.PlanStatus[libmfr.Plan(a).status],
                             libmfr.PlanStatus.ok)


if __name__ == '__main__':
    unittest.main()
