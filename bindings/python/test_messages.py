#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Tests of the message tables in the libmfr Python binding (libmfr.Messages,
libmfr.Message; doc/messages.md), against the built shared library.

Run from the repository root:
    LIBMFR_LIBRARY=build/lib/libmfr.so PYTHONPATH=bindings/python \\
        python3 bindings/python/test_messages.py -v
"""

import json
import os
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ENGLISH = REPO / 'lib' / 'data' / 'messages-en.json'

if 'LIBMFR_LIBRARY' not in os.environ and \
        (REPO / 'build' / 'lib' / 'libmfr.so').exists():
    os.environ['LIBMFR_LIBRARY'] = str(REPO / 'build' / 'lib' / 'libmfr.so')
sys.path.insert(0, str(HERE))

import libmfr  # noqa: E402
from libmfr import Intake, Message, Messages, MfrError, Model, Plan  # noqa: E402


def pseudo() -> str:
    """The English table with every template wrapped in ⟦ ⟧."""
    doc = json.loads(ENGLISH.read_text(encoding='utf-8'))
    doc['language'] = 'x-pseudo'
    doc['messages'] = {k: '⟦' + v + '⟧' if v else v
                       for k, v in doc['messages'].items()}
    return json.dumps(doc, ensure_ascii=False)


class MessagesTests(unittest.TestCase):
    def setUp(self):
        self.model = Model.default()
        intake = Intake(self.model)
        intake.add_symptom('low_back', 'right', 7)
        intake.add_precaution('severe_osteoporosis')
        self.plan = Plan(intake)

    def tearDown(self):
        self.plan.close()
        self.model.close()

    def test_default_is_english_and_complete(self):
        en = Messages.default()
        self.assertEqual(en.language, 'en')
        self.assertEqual(en.missing, ())
        self.assertEqual(en.get('disclaimer'),
                         'Decision support for licensed therapists; not a diagnosis.')
        self.assertIsNone(en.get('no.such.code'))
        doc = json.loads(ENGLISH.read_text(encoding='utf-8'))
        self.assertEqual(en.codes, tuple(sorted(doc['messages'])))
        en.close()  # the static table: nothing freed, and safe
        self.assertTrue(en.closed)

    def test_every_warning_and_rationale_renders_as_its_text(self):
        en = Messages.default()
        self.assertTrue(self.plan.warnings)
        for w in self.plan.warnings:
            self.assertIsInstance(w.message, Message)
            self.assertTrue(w.message.code.startswith('warning.'), w.message.code)
            self.assertEqual(en.render(w.message), w.text)
        for s in self.plan.steps:
            self.assertTrue(s.rationale_message.code.startswith('rationale.'))
            self.assertEqual(en.render(s.rationale_message), s.rationale)

    def test_a_loaded_table_writes_the_plan(self):
        with Messages.load_buffer(pseudo(), 'pseudo.json') as t:
            self.assertEqual(t.language, 'x-pseudo')
            self.assertEqual(t.missing, ())
            text = self.plan.write('text', messages=t)
            self.assertTrue(text.startswith('⟦Session plan. ⟦Decision support'), text)
            for w in self.plan.warnings:
                self.assertIn(t.render(w.message), text)
            self.assertEqual(self.plan.write('text', messages=Messages.default()),
                             self.plan.write('text'))
            # JSON is data: the same in every language
            self.assertEqual(self.plan.write('json', messages=t),
                             self.plan.write('json'))

    def test_missing_codes_fall_back_to_english(self):
        doc = {'format': 'libmfr-messages', 'format_version': 1, 'language': 'es',
               'messages': {'disclaimer': 'Apoyo a la decisión; no es un diagnóstico.'}}
        with Messages.load_buffer(json.dumps(doc)) as t:
            # every other code but "empty" (nothing to translate)
            self.assertEqual(len(t.missing), len(Messages.default().codes) - 2)
            self.assertNotIn('disclaimer', t.missing)
            self.assertNotIn('empty', t.missing)
            text = self.plan.write('text', messages=t)
            self.assertIn('Session plan. Apoyo a la decisión; no es un diagnóstico.', text)

    def test_load_file_and_errors(self):
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / 'bad.json'
            path.write_text('{"format": "libmfr-messages", "format_version": 1,\n'
                            ' "language": "es",\n'
                            ' "messages": {"warning.acutee": "x"}}\n')
            with self.assertRaises(MfrError) as cm:
                Messages.load_file(path)
            e = cm.exception
            self.assertEqual(e.status_name, 'MFR_E_UNKNOWN')
            self.assertEqual((e.line, e.column), (3, 33))  # the template
            self.assertIn('did you mean "warning.acute"', str(e))
            path.write_text(ENGLISH.read_text(encoding='utf-8'))
            with Messages.load_file(path) as t:
                self.assertEqual(t.missing, ())

    def test_format(self):
        en = Messages.default()
        self.assertEqual(en.format('site.left', region='heel'), 'left heel')
        with self.assertRaises(MfrError) as cm:
            en.format('site.left')
        self.assertEqual(cm.exception.status_name, 'MFR_E_MISSING')
        with self.assertRaises(MfrError) as cm:
            en.format('no.such.code')
        self.assertEqual(cm.exception.status_name, 'MFR_E_UNKNOWN')

    def test_write_takes_only_a_table(self):
        with self.assertRaises(TypeError):
            self.plan.write('text', messages='es.json')  # type: ignore


if __name__ == '__main__':
    unittest.main()
