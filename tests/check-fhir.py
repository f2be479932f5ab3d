#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Check the FHIR R4 Bundles mfr writes (doc/fhir-format.md).

Usage: check-fhir.py MFR SRCDIR

Runs `mfr --format fhir plan|program ...` over several intakes and checks
each Bundle: against the official FHIR R4 JSON schema vendored in
tests/data/fhir (Draft 6, as the schema declares), that every reference
resolves to the fullUrl of an entry of the Bundle, and what libmfr puts in
it (doc/fhir-format.md). Exits 77 (skip) without python3-jsonschema.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print('skip: python3-jsonschema is not installed')
    sys.exit(77)

MFR, SRC = sys.argv[1], sys.argv[2]
SCHEMA = json.load(open(os.path.join(SRC, 'tests/data/fhir/fhir.schema.json'),
                        encoding='utf-8'))
VALIDATOR = jsonschema.Draft6Validator(SCHEMA)
URN = re.compile(r'^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-'
                 r'[0-9a-f]{12}$')
CPT = 'http://www.ama-assn.org/go/cpt'
SNOMED = 'http://snomed.info/sct'
ICD = 'http://hl7.org/fhir/sid/icd-10-cm'
# The required bindings of the codes libmfr writes, which the schema leaves
# as any code: from valuesets.json of the same package (R4 4.0.1).
REQUIRED = {
    'bundle-type': ['document', 'message', 'transaction', 'transaction-response', 'batch',
                    'batch-response', 'history', 'searchset', 'collection'],
    'request-status': ['draft', 'active', 'on-hold', 'revoked', 'completed',
                       'entered-in-error', 'unknown'],
    'request-intent': ['proposal', 'plan', 'directive', 'order', 'original-order',
                       'reflex-order', 'filler-order', 'instance-order', 'option'],
    'care-plan-intent': ['proposal', 'plan', 'order', 'option'],
    'condition-clinical': ['active', 'recurrence', 'relapse', 'inactive', 'remission',
                           'resolved'],
    'condition-ver-status': ['unconfirmed', 'provisional', 'differential', 'confirmed',
                             'refuted', 'entered-in-error'],
}
failed = 0


def fail(what, msg):
    global failed
    failed += 1
    print('FAIL: %s: %s' % (what, msg))


def mfr(*args, check=True):
    run = subprocess.run([MFR] + list(args), capture_output=True)
    if check and run.returncode != 0:
        raise SystemExit('FAIL: mfr %s: exit %d: %s' % (' '.join(args), run.returncode,
                                                      run.stderr.decode()))
    return run


def references(node):
    """Every Reference.reference string under @p node."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == 'reference' and isinstance(value, str):
                yield value
            else:
                yield from references(value)
    elif isinstance(node, list):
        for item in node:
            yield from references(item)


def check_bundle(what, text):
    """Check the Bundle @p text in every way that does not depend on the
    intake; returns it parsed, with its resources by type."""
    bundle = json.loads(text)
    errors = list(VALIDATOR.iter_errors(bundle))
    for e in errors[:3]:
        deepest = sorted(e.context or [e], key=lambda c: -len(c.absolute_path))[0]
        fail(what, 'not valid FHIR R4: at %s: %s' % (list(deepest.absolute_path),
                                                     deepest.message[:300]))
    if bundle.get('type') != 'collection':
        fail(what, 'type %r' % bundle.get('type'))
    urls = [e['fullUrl'] for e in bundle['entry']]
    if len(set(urls)) != len(urls) or not all(URN.match(u) for u in urls):
        fail(what, 'fullUrls not unique urn:uuid (version 8) values: %s' % urls)
    for ref in references(bundle):
        if ref not in urls:
            fail(what, 'the reference %s resolves to no entry' % ref)
    by_type = {}
    for e in bundle['entry']:
        by_type.setdefault(e['resource']['resourceType'], []).append(e)
    if set(by_type) - {'Patient', 'Condition', 'CarePlan', 'ServiceRequest'}:
        fail(what, 'unexpected resources %s' % sorted(by_type))
    if len(by_type.get('Patient', [])) != 1 or len(by_type.get('CarePlan', [])) != 1:
        fail(what, 'not one Patient and one CarePlan')
    tags = {t['system']: t for t in bundle['meta']['tag']}
    if tags['urn:libmfr:library']['code'] != 'libmfr' or \
            not tags['urn:libmfr:model']['code'].startswith('fnv1a64:'):
        fail(what, 'no audit trail in meta.tag: %s' % tags)
    care = by_type['CarePlan'][0]['resource']
    if (care['status'], care['intent']) != ('draft', 'proposal'):
        fail(what, 'CarePlan %s/%s' % (care['status'], care['intent']))
    activities = [a['reference']['reference'] for a in care.get('activity', [])]
    requests = [e['fullUrl'] for e in by_type.get('ServiceRequest', [])]
    if activities != requests:
        fail(what, 'the CarePlan activities are not the ServiceRequests in order')
    conditions = [e['fullUrl'] for e in by_type.get('Condition', [])]
    if [a['reference'] for a in care.get('addresses', [])] != conditions:
        fail(what, 'the CarePlan does not address each Condition')
    for e in by_type.get('ServiceRequest', []):
        r = e['resource']
        if (r['status'], r['intent']) != ('draft', 'proposal') or \
                r['code'] != {'coding': [{'system': CPT, 'code': '97140'}],
                              'text': 'Myofascial release'}:
            fail(what, 'ServiceRequest %s: status, intent or code' % e['fullUrl'])
        if not any('unverified' in n['text'] for n in r['note']):
            fail(what, 'ServiceRequest %s does not say CPT 97140 is unverified'
                 % e['fullUrl'])
        if [x['reference'] for x in r.get('reasonReference', [])] != conditions:
            fail(what, 'ServiceRequest %s: reasonReference' % e['fullUrl'])
        repeat = r['occurrenceTiming']['repeat']
        if repeat['durationUnit'] != 's' or repeat['duration'] <= 0:
            fail(what, 'ServiceRequest %s: timing %s' % (e['fullUrl'], repeat))
        for site in r['bodySite']:
            if any(c['system'] != SNOMED for c in site.get('coding', [])):
                fail(what, 'bodySite not coded in SNOMED CT: %s' % site)
    for e in by_type.get('Condition', []):
        r = e['resource']
        if r['verificationStatus']['coding'][0]['code'] != 'unconfirmed' or \
                r['clinicalStatus']['coding'][0]['code'] != 'active':
            fail(what, 'Condition %s: statuses' % e['fullUrl'])
        if r['code']['coding'][0]['system'] != ICD:
            fail(what, 'Condition %s: no ICD-10-CM code first' % e['fullUrl'])
    bound = [('bundle-type', bundle['type']), ('request-status', care['status']),
             ('care-plan-intent', care['intent'])]
    for e in by_type.get('ServiceRequest', []):
        bound += [('request-status', e['resource']['status']),
                  ('request-intent', e['resource']['intent'])]
    for e in by_type.get('Condition', []):
        bound += [('condition-clinical', e['resource']['clinicalStatus']['coding'][0]['code']),
                  ('condition-ver-status',
                   e['resource']['verificationStatus']['coding'][0]['code'])]
    for value_set, code in bound:
        if code not in REQUIRED[value_set]:
            fail(what, '%r is not in the value set %s' % (code, value_set))
    bundle['by_type'] = by_type
    return bundle


def case(what, args, plan_json_args=None):
    """Run mfr --format fhir ARGS; check the Bundle, its compact form and
    that a second run writes the same bytes. Returns the Bundle."""
    text = mfr('--format', 'fhir', *args).stdout.decode('utf-8')
    bundle = check_bundle(what, text)
    if mfr('--format', 'fhir', *args).stdout.decode('utf-8') != text:
        fail(what, 'two runs differ')
    # The same plan in the JSON format: a ServiceRequest per step.
    doc = json.loads(mfr('--format', 'json', *args).stdout)
    steps = [s for sess in doc.get('sessions', [doc]) for s in
             (sess.get('plan', sess)['steps'])]
    requests = bundle['by_type'].get('ServiceRequest', [])
    if len(steps) != len(requests):
        fail(what, '%d steps, %d ServiceRequests' % (len(steps), len(requests)))
    for step, e in zip(steps, requests):
        site = e['resource']['bodySite'][0]['text']
        if step.get('side') in ('left', 'right'):
            if not site.startswith(step['side'] + ' '):
                fail(what, 'bodySite %r lacks the side %s' % (site, step['side']))
    print('ok: %s (%d entries)' % (what, len(bundle['entry'])))
    return bundle


def main():
    # Several conditions, sites on either side.
    b = case('plan, two conditions, left and right',
             ['plan', '--symptom', 'heel:left:6', '--symptom', 'neck:right:4',
              '--condition', 'plantar_fasciitis', '--condition', 'chronic_neck_pain',
              '--answer', 'diabetes=no', '--answer', 'deep_vein_thrombosis=no',
              '--minutes', '30', '--id', 'rec-42'])
    conds = b['by_type']['Condition']
    if len(conds) != 2 or conds[0]['resource']['code']['text'] == \
            conds[1]['resource']['code']['text']:
        fail('two conditions', 'not two distinct Conditions')
    if b['identifier'] != {'system': 'urn:libmfr:intake-id', 'value': 'rec-42'}:
        fail('two conditions', 'identifier %s' % b.get('identifier'))
    if not any(c['system'] == SNOMED for e in conds
               for c in e['resource']['code']['coding']):
        fail('two conditions', 'no SNOMED CT code on the Conditions')
    if not any('coding' in e['resource']['bodySite'][0]
               for e in b['by_type']['ServiceRequest']):
        fail('two conditions', 'no step with a SNOMED CT body site')
    # A midline site, no condition, no id: no laterality, no Condition.
    b = case('plan, midline, no condition',
             ['plan', '--symptom', 'sacrum:midline:5'])
    if 'Condition' in b['by_type'] or 'identifier' in b:
        fail('midline', 'a Condition or an identifier without one in the intake')
    # A plan that refers out: no ServiceRequest, the status in the notes.
    b = case('plan, refer out', ['plan', '--symptom', 'heel:left:5', '--precaution',
                                 'fever', '--condition', 'plantar_fasciitis'])
    care = b['by_type']['CarePlan'][0]['resource']
    if 'ServiceRequest' in b['by_type'] or 'activity' in care or \
            not care['note'][0]['text'].startswith('Status: REFER OUT'):
        fail('refer out', 'requests, or no REFER OUT note: %s' % care)
    # A program: the ServiceRequests of every session in one CarePlan.
    b = case('program', ['program', '--symptom', 'heel:left:6', '--condition',
                         'plantar_fasciitis', '--answer', 'diabetes=no',
                         '--sessions', '4', '--weeks', '2', '--id', 'rec-42'])
    notes = [e['resource']['note'][0]['text'] for e in b['by_type']['ServiceRequest']]
    if not notes[0].startswith('Session 1, day 1: ') or \
            not notes[-1].startswith('Session 4, day '):
        fail('program', 'sessions not named in the notes: %s, %s' % (notes[0], notes[-1]))
    # A custom model without codes: text only.
    model = json.load(open(os.path.join(SRC, 'tests/data/models/minimal.json')))
    for r in model['regions']:
        r.pop('codes', None)
    for c in model['conditions']:
        c.pop('snomed', None)
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as f:
        json.dump(model, f)
    try:
        b = case('custom model without codes',
                 ['--model', f.name, 'plan', '--symptom', 'heel:left:6',
                  '--condition', 'heel_pain'])
    finally:
        os.unlink(f.name)
    if any('coding' in s for e in b['by_type'].get('ServiceRequest', [])
           for s in e['resource']['bodySite']):
        fail('no codes', 'a coded bodySite from a model without codes')
    if [c['system'] for c in b['by_type']['Condition'][0]['resource']['code']['coding']] \
            != [ICD] * len(model['conditions'][0]['icd10cm']):
        fail('no codes', 'codes other than the model\'s ICD-10-CM')
    # Compact: the same document on one line.
    args = ['plan', '--symptom', 'heel:left:6', '--id', 'rec-42']
    one = mfr('--format', 'fhir', *args).stdout
    other = mfr('--format', 'fhir', *args[:-1] + ['rec-43']).stdout
    if json.loads(one)['entry'][0]['fullUrl'] == json.loads(other)['entry'][0]['fullUrl']:
        fail('fullUrls', 'two intake ids, the same fullUrls')
    # A trace is not written in FHIR.
    run = mfr('--format', 'fhir', 'trace', '--symptom', 'heel:left:6', check=False)
    if run.returncode != 2 or b'a trace is not written as fhir' not in run.stderr:
        fail('trace', 'exit %d: %s' % (run.returncode, run.stderr.decode()))
    # The schema rejects what FHIR does not allow (the validator is live).
    bad = json.loads(one)
    bad['entry'][-1]['resource']['duration'] = 120
    if VALIDATOR.is_valid(bad):
        fail('schema', 'a ServiceRequest with an element R4 lacks passed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
