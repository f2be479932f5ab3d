#!/usr/bin/env bash
# libmfr tests: the mfr command-line tool, end to end.
# Usage: test-cli.sh MFR SOURCE_DIR
# Checks exit codes (0 ok, 1 failure, 2 usage), messages that say what and
# where, JSON output (parsed with python3), determinism and the safety
# outcomes of plans. Exits non-zero if any check fails.
#
# MFR_TEST_WRAPPER, when set, is a command (one word per line) to run every
# mfr under: the valgrind test setup sets it (tests/valgrind-wrapper.sh), so
# that memory errors and leaks in the tool fail the checks (valgrind's exit
# status 3 is never the one a check expects). MFR_CLI_STRIDE=N runs one mfr
# in N under it (the valgrind setup: 2) and the rest plainly; every run's
# result is checked.
set -u
mfr=$1
mfr_bin=$1 # the program itself, not a wrapper around it
src=$2
data=$src/tests/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/cli-wrapper.sh"
wrap_mfr "${MFR_CLI_STRIDE:-1}" || true
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect CODE DESCRIPTION -- command...: run, keep stdout/stderr in $tmp.
expect() {
  local code=$1 what=$2
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  local rc=$?
  if [ "$rc" -eq "$code" ]; then ok; else bad "$what: exit $rc, wanted $code ($(head -c 300 "$tmp/err"))"; fi
}
# contains FILE TEXT DESCRIPTION
contains() {
  if grep -qF -- "$2" "$tmp/$1"; then ok; else bad "$3: '$2' not in $1: $(head -c 300 "$tmp/$1")"; fi
}
# pycheck DESCRIPTION PYTHON-EXPR over d = the JSON on stdout
pycheck() {
  if python3 -c "import json,sys; d=json.load(open('$tmp/out')); sys.exit(0 if ($2) else 1)"; then ok; else bad "$1"; fi
}

expect 0 "version" -- "$mfr" --version
contains out "mfr (libmfr) " "version text"
expect 0 "help" -- "$mfr" --help
contains out "trace" "help lists trace"
contains out "not diagnose" "help says it does not diagnose"
expect 2 "no command" -- "$mfr"
expect 2 "unknown command" -- "$mfr" frobnicate
contains err "unknown command 'frobnicate'" "unknown command named"
expect 2 "unknown format" -- "$mfr" --format yaml model

# model
expect 0 "model summary" -- "$mfr" model
contains out "region" "summary counts regions"
expect 0 "model list" -- "$mfr" model list regions
contains out "heel" "heel is listed"
expect 2 "unknown kind" -- "$mfr" model list widgets
expect 0 "model show json" -- "$mfr" --format json model show region heel
pycheck "region JSON" "d['key'] == 'heel' and d['laterality'] == 'bilateral'"
expect 1 "unknown region" -- "$mfr" model show region heal
contains err 'did you mean "heel"' "suggests heel"
expect 0 "validate minimal" -- "$mfr" model validate "$data/models/minimal.json"
contains out "valid libmfr model" "validate says valid"
printf '{"format": "libmfr-model", "format_version": 1,\n "name": [}' >"$tmp/bad.json"
expect 1 "validate syntax error" -- "$mfr" model validate "$tmp/bad.json"
contains err "bad.json:2:" "syntax error names file and line"
expect 1 "validate missing file" -- "$mfr" model validate "$tmp/none.json"
contains err "cannot open" "missing file explained"
expect 0 "export" -- "$mfr" model export
if cmp -s "$tmp/out" "$src/lib/data/default-model.json"; then ok; else bad "export differs from lib/data/default-model.json"; fi
cp "$tmp/out" "$tmp/default.json"
expect 0 "custom model equals default" -- "$mfr" --model "$tmp/default.json" --format json model
cp "$tmp/out" "$tmp/summary-file.json"
expect 0 "default summary" -- "$mfr" --format json model
if cmp -s "$tmp/out" "$tmp/summary-file.json"; then ok; else bad "the default model loaded from its file differs"; fi

# every kind shown as text, as a person reads it
expect 0 "show line" -- "$mfr" model show line spiral_line
contains out "~ crosses the midline ~" "the spiral line shows its crossings"
contains out "branch anterior" "branches shown"
expect 0 "show referral" -- "$mfr" model show referral upper_trapezius_trp1
contains out "essential          temple" "zones shown"
contains out "the sources disagree" "disputes shown"
expect 0 "show technique" -- "$mfr" model show technique sustained_pressure_hold
contains out "90 to 480 s" "hold range shown"
expect 0 "show technique without hold" -- "$mfr" model show technique rebounding_jostling
contains out "no sourced duration" "missing duration said"
expect 0 "show condition" -- "$mfr" model show condition plantar_fasciitis
contains out "M72.2" "ICD-10-CM shown"
expect 0 "show precaution" -- "$mfr" model show precaution open_wound
contains out "no work on the site or beside it" "site rule shown"
expect 0 "show source" -- "$mfr" model show source myers2014
contains out "Anatomy Trains" "citation shown"
expect 0 "show aftercare" -- "$mfr" model show aftercare contact
contains out "practice convention" "convention label shown"
expect 0 "show region text" -- "$mfr" model show region heel
contains out "parent             foot" "parent shown"
expect 0 "show region synonyms" -- "$mfr" model show region occiput
contains out "synonyms           back of the head, base of the skull" "region synonyms shown"
expect 0 "show condition synonyms" -- "$mfr" model show condition plantar_fasciitis
contains out "synonyms           heel pain, plantar heel pain, foot pain" "condition synonyms shown"

# model find: a client's words, ranked (mfr/find.h)
expect 0 "find heel pain" -- "$mfr" model find heel pain
if head -1 "$tmp/out" | grep -qE '^1\.000  condition  plantar_fasciitis +Plantar fasciitis or foot pain  \("heel pain"\)$'; then ok; else bad "find: plantar fasciitis first, by its synonym: $(head -2 "$tmp/out")"; fi
if sed -n 2p "$tmp/out" | grep -qE '^0\.500  region     heel '; then ok; else bad "find: the heel second: $(sed -n 2p "$tmp/out")"; fi
expect 0 "find as one argument" -- "$mfr" model find "Heel-pain!"
cp "$tmp/out" "$tmp/find1"
expect 0 "find again" -- "$mfr" model find heel pain
if cmp -s "$tmp/out" "$tmp/find1"; then ok; else bad "find: case, punctuation and argument splitting changed the answer"; fi
expect 0 "find json" -- "$mfr" --format json model find back of the head
pycheck "find JSON" "d['words'] == 'back of the head' and d['matches'][0] == {'kind': 'region', 'key': 'occiput', 'name': 'occiput (back of the head)', 'term': 'back of the head', 'synonym': True, 'score': 1.0} and d['matches'][1]['score'] == 0.5 and all(a['score'] >= b['score'] for a, b in zip(d['matches'], d['matches'][1:]))"
expect 0 "find thumb" -- "$mfr" --format json model find pins and needles in the thumb
pycheck "find thumb JSON" "d['matches'][0]['key'] == 'thumb' and abs(d['matches'][0]['score'] - 1/3) < 1e-6"
expect 0 "find nothing" -- "$mfr" model find xyzzy
contains out 'no region or condition matches "xyzzy"' "finding nothing said"
expect 0 "find nothing json" -- "$mfr" --format json model find the of
pycheck "find nothing JSON" "d['matches'] == []"
expect 2 "find without words" -- "$mfr" model find
contains err "usage: mfr model find WORDS..." "find usage"
expect 1 "find too many words" -- "$mfr" model find a1 b1 c1 d1 e1 f1 g1 h1 i1 j1 k1 l1 m1 n1 o1 p1 q1 r1 s1 t1 u1 v1 w1 x1 y1 z1 a2 b2 c2 d2 e2 f2 g2
contains err "more than 32 different words" "find limit said"
expect 0 "find on a custom model" -- "$mfr" --model "$data/models/safety.json" model find calves
contains out "region     calf" "custom model's synonym found"
# the newer members, on the safety test model (the default model changes)
safety=$data/models/safety.json
expect 0 "show region reached from inside" -- "$mfr" --model "$safety" model show region mouth_muscle
contains out "access             intra_oral" "internal access shown"
expect 0 "show referral, convention" -- "$mfr" --model "$safety" model show referral calf_muscle_trp1
contains out "essential/spillover split is practice convention" "split convention shown"
expect 0 "show condition dose" -- "$mfr" --model "$safety" model show condition heel_pain
contains out "dose: pressure     light" "dose ceiling shown"
contains out "dose: approach     indirect only" "dose approach shown"
contains out "dose: session      at most 30 minutes" "dose session shown"
contains out "dose: hold         120 to 240 s" "dose hold shown"
contains out "dose: program      no progression to firmer, direct work" "dose progression shown"
contains out "dose: status       practice convention" "dose convention shown"
expect 0 "show precaution, stages" -- "$mfr" --model "$safety" model show precaution expecting
contains out "stages             3 (trimester)" "stages shown"
contains out "position limit     no prone from trimester 2" "staged position limit shown"
contains out "position limit     no seated for back_muscle" "position limit regions shown"
expect 0 "show precaution, sites" -- "$mfr" --model "$safety" model show precaution clot
contains out "clearance          needed before work" "clearance shown"
contains out "sites              may name affected sites" "site-scoped shown"
contains out "widens to          leg, with back_muscle" "widening shown"
expect 0 "show screening" -- "$mfr" --model "$safety" model show screening clot_q
contains out "Yes -> clot; asks where" "answer needing a site shown"
expect 0 "show aftercare given with" -- "$mfr" --model "$safety" model show aftercare bruise
contains out "given with         fragile" "aftercare precautions shown"
# members only the default model has
expect 0 "show precaution, symptom clearance" -- "$mfr" model show precaution pregnancy
contains out "symptom clearance  abdomen" "symptom clearance areas shown"
expect 0 "show danger zone by kind" -- "$mfr" model show danger_zone bony_prominences
contains out "region kinds       bone" "zone region kinds shown"
# every kind listed with its name (a referral by its muscle, a source by its
# citation, aftercare by its text)
for kl in "lines:superficial_back_line                Superficial Back Line" \
          "referrals:upper_trapezius_trp1                 upper trapezius" \
          "conditions:plantar_fasciitis" \
          "precautions:deep_vein_thrombosis" \
          "sources:myers2014" \
          "aftercare:hydrate                              Drink water"; do
  expect 0 "list ${kl%%:*}" -- "$mfr" model list "${kl%%:*}"
  contains out "${kl#*:}" "list ${kl%%:*} names each item"
done
expect 0 "list as JSON" -- "$mfr" --format json model list techniques
pycheck "technique list" "d['kind'] == 'technique' and len(d['items']) >= 5"
expect 0 "validate as JSON" -- "$mfr" --format json model validate "$data/models/minimal.json"
pycheck "validation as JSON" "d['valid'] is True and d['regions'] > 0"
expect 1 "validate as JSON, invalid" -- "$mfr" --format json model validate "$tmp/bad.json"
pycheck "validation error as JSON" "d['valid'] is False and d['error']['status'] == 'MFR_E_SYNTAX' and d['error']['line'] == 2"
expect 2 "model export with arguments" -- "$mfr" model export extra
expect 2 "model option" -- "$mfr" model list regions --all

# global options as --name=VALUE, and "--" ends them
expect 0 "--format=json" -- "$mfr" --format=json model show region heel
pycheck "--format=json gives JSON" "d['key'] == 'heel'"
expect 0 "-- ends the options" -- "$mfr" --format json -- model show region heel
pycheck "after --, the command" "d['key'] == 'heel'"
expect 2 "-- ends the options, --help too" -- "$mfr" -- --help
contains err "unknown command '--help'" "--help after -- is a command"
# output that cannot be written is a failure, not a silent success
"$mfr" model list regions >/dev/full 2>"$tmp/err" </dev/null
rc=$?
if [ "$rc" -eq 1 ]; then ok; else bad "output to a full disk: exit $rc, wanted 1"; fi
contains err "cannot write the output" "a lost output is reported"
# an intake from a standard input that cannot be read
"$mfr" trace --intake - >"$tmp/out" 2>"$tmp/err" <&-
rc=$?
if [ "$rc" -eq 1 ]; then ok; else bad "closed standard input: exit $rc, wanted 1"; fi
contains err "cannot read the intake from standard input" "unreadable standard input explained"
# a long intake on standard input is read whole (past the first 4 KiB): it
# traces as the same intake from flags
python3 -c "import json; print(json.dumps({'symptoms': [{'region': 'heel', 'side': 'left', 'intensity': 6}], 'conditions': ['plantar_fasciitis']}, indent=1) + ' ' * 20000)" >"$tmp/long-intake.json"
"$mfr" --format json trace --symptom heel:left:6 --condition plantar_fasciitis >"$tmp/short.json" 2>"$tmp/err"
"$mfr" --format json trace --intake - <"$tmp/long-intake.json" >"$tmp/out" 2>"$tmp/err"
if [ -s "$tmp/out" ] && cmp -s "$tmp/out" "$tmp/short.json"; then ok; else bad "a 20 KB intake from standard input traces differently"; fi
# an argument longer than the tool takes is refused, not cut
long=$(printf 'x%.0s' {1..300})
for o in "--precaution $long" "--stage $long:2" "--answer pregnancy=$long"; do
  expect 2 "${o%% *} too long" -- "$mfr" plan --symptom heel:left $o
  contains err "${o%% *} '" "${o%% *} too long named"
  contains err "' is too long" "${o%% *} too long said"
done
"$mfr" batch trace >"$tmp/out" 2>"$tmp/err" <&-
rc=$?
if [ "$rc" -eq 1 ]; then ok; else bad "batch from a closed standard input: exit $rc, wanted 1"; fi
contains err "cannot read line 1 of standard input" "a batch that cannot read says so"

# trace
expect 0 "trace" -- "$mfr" --format json trace --symptom heel:left:6 --condition plantar_fasciitis
pycheck "trace finds the soleus first" "d['results'][0]['region'] == 'soleus' and d['results'][0]['side'] == 'left'"
pycheck "trace ranks the superficial back line" "{'gastrocnemius','hamstrings','plantar_fascia'} <= {r['region'] for r in d['results'][:10]}"
pycheck "trace explains" "all(r['explanation'] and r['paths'] for r in d['results'])"
cp "$tmp/out" "$tmp/trace1.json"
expect 0 "trace again" -- "$mfr" --format json trace --symptom heel:left:6 --condition plantar_fasciitis
if cmp -s "$tmp/out" "$tmp/trace1.json"; then ok; else bad "the same trace twice differs"; fi
cat >"$tmp/intake.json" <<'EOF'
{"symptoms": [{"region": "heel", "side": "left", "intensity": 6}], "conditions": ["plantar_fasciitis"]}
EOF
"$mfr" --format json trace --intake - <"$tmp/intake.json" >"$tmp/out" 2>"$tmp/err"
if cmp -s "$tmp/out" "$tmp/trace1.json"; then ok; else bad "trace from stdin differs from flags"; fi
expect 0 "trace from file" -- "$mfr" --format json trace --intake "$tmp/intake.json"
if cmp -s "$tmp/out" "$tmp/trace1.json"; then ok; else bad "trace from a file differs from flags"; fi
# the help shows `trace [INTAKE]`: the file may be given without --intake
expect 0 "trace INTAKE" -- "$mfr" --format json trace "$tmp/intake.json"
if cmp -s "$tmp/out" "$tmp/trace1.json"; then ok; else bad "trace INTAKE differs from --intake"; fi
"$mfr" --format json trace - <"$tmp/intake.json" >"$tmp/out" 2>"$tmp/err"
if cmp -s "$tmp/out" "$tmp/trace1.json"; then ok; else bad "trace - differs from --intake -"; fi
expect 0 "plan INTAKE" -- "$mfr" plan "$tmp/intake.json" --minutes 30
expect 0 "program INTAKE" -- "$mfr" program "$tmp/intake.json" --sessions 2 --weeks 1
expect 2 "two intake files" -- "$mfr" trace "$tmp/intake.json" --intake "$tmp/intake.json"
contains err "two intake files" "two intake files explained"
expect 2 "two positional arguments" -- "$mfr" trace "$tmp/intake.json" extra.json
contains err "unexpected argument 'extra.json': the intake file is already" "second argument explained"
{ printf '\357\273\277'; cat "$tmp/intake.json"; } >"$tmp/intake-bom.json"
expect 0 "intake with a byte-order mark" -- "$mfr" --format json trace --intake "$tmp/intake-bom.json"
if cmp -s "$tmp/out" "$tmp/trace1.json"; then ok; else bad "a byte-order mark changes the trace"; fi
expect 0 "trace text" -- "$mfr" trace --symptom temple:both:5 --max-results 5
contains out "not a diagnosis" "trace text carries the disclaimer"
contains out "right temple" "both sides expanded"
expect 0 "both sides of a midline area" -- "$mfr" --format json trace --symptom forehead:both:5
pycheck "both on a midline area is the area, once, as in JSON" "[s['side'] for s in d['symptoms']] == ['midline']"
expect 2 "unknown symptom region" -- "$mfr" trace --symptom heal:left
contains err 'did you mean "heel"' "symptom suggests heel"
expect 2 "missing side" -- "$mfr" trace --symptom heel
contains err "left" "missing side explained"
expect 2 "intensity out of range" -- "$mfr" trace --symptom heel:left:11
expect 2 "unknown trace option" -- "$mfr" trace --symptom heel:left --frobnicate 1
expect 2 "unknown line option" -- "$mfr" trace --symptom heel:left --line superficial_back_lin
contains err "superficial_back_line" "line option suggests the line"
expect 0 "line filter" -- "$mfr" --format json trace --symptom heel:left:6 --line superficial_back_line --relations line,hierarchy
pycheck "only that line" "all(s['line'] == 'superficial_back_line' for r in d['results'] for p in r['paths'] for s in p['steps'] if s['relation'] == 'line')"
echo '{"symptoms": [{"region": "heal", "side": "left"}]}' >"$tmp/bad-intake.json"
expect 1 "bad intake file" -- "$mfr" trace --intake "$tmp/bad-intake.json"
contains err "symptoms[0].region" "intake error names the JSON path"

# the audit trail (issue 12): the library's version, the model's name, version
# and content hash, the intake's id and its extensions, in every output
expect 0 "plan with --id" -- "$mfr" --format json plan --symptom heel:left:6 --id "rec 42/é"
pycheck "--id in the audit trail" "d['audit']['intake_id'] == 'rec 42/\u00e9' and d['audit']['model']['content_hash'].startswith('fnv1a64:') and d['audit']['model']['name'] and 'extensions' not in d"
cat >"$tmp/audit-intake.json" <<'EOF'
{"id": "file-id", "symptoms": [{"region": "heel", "side": "left", "intensity": 6}],
 "extensions": {"ehr": {"encounter": "E-9", "score": 1.50}}}
EOF
expect 0 "--id replaces the file's id" -- "$mfr" --format json program "$tmp/audit-intake.json" --id flag-id --sessions 2 --weeks 1
pycheck "program audit and extensions" "d['audit']['intake_id'] == 'flag-id' and d['extensions'] == {'ehr': {'encounter': 'E-9', 'score': 1.5}}"
expect 0 "trace keeps the file's id" -- "$mfr" --format json trace "$tmp/audit-intake.json"
pycheck "trace audit" "d['audit']['intake_id'] == 'file-id' and d['audit']['libmfr_version'] and d['extensions']['ehr']['encounter'] == 'E-9'"
tr -d '\n' <"$tmp/audit-intake.json" >"$tmp/audit-intake.jsonl"
echo >>"$tmp/audit-intake.jsonl"
"$mfr" batch plan <"$tmp/audit-intake.jsonl" >"$tmp/out" 2>"$tmp/err"
if grep -qF '"intake_id":"file-id"},"extensions":{"ehr":{"encounter":"E-9","score":1.50}},"status"' "$tmp/out"; then ok; else bad "batch line without its audit trail: $(head -c 300 "$tmp/out")"; fi
expect 0 "text plan with --id" -- "$mfr" plan --symptom heel:left:6 --id rec-42
if tail -n 1 "$tmp/out" | grep -qE '^Audit: libmfr [0-9.]+; model ".+" .+ \(fnv1a64:[0-9a-f]{16}\); intake id "rec-42"$'; then ok; else bad "text plan does not end with its audit trail: $(tail -n 2 "$tmp/out")"; fi
expect 0 "text trace" -- "$mfr" trace --symptom heel:left:6
if tail -n 1 "$tmp/out" | grep -qE '^Audit: .*; intake without an id$'; then ok; else bad "text trace does not end with its audit trail"; fi
# the SOAP plan note (doc/soap-format.md): its examples are what mfr prints
if python3 "$src/tests/check-doc-examples.py" "$mfr" "$src/doc/soap-format.md" >"$tmp/doc" 2>&1; then ok; else bad "doc/soap-format.md: $(grep -v '^ok' "$tmp/doc" | head -c 2000)"; fi
# the CSV tables (doc/batch-format.md): its examples are what mfr prints
if python3 "$src/tests/check-doc-examples.py" "$mfr" "$src/doc/batch-format.md" >"$tmp/doc" 2>&1; then ok; else bad "doc/batch-format.md: $(grep -v '^ok' "$tmp/doc" | head -c 2000)"; fi
expect 0 "soap plan" -- "$mfr" --format soap plan --symptom heel:left:6 --id rec-42
contains out "CPT 97140" "soap names the code"
if tail -n 1 "$tmp/out" | grep -q '^Audit: .*intake id "rec-42"$'; then ok; else bad "soap without its audit trail"; fi
expect 2 "soap trace" -- "$mfr" --format soap trace --symptom heel:left:6
contains err "a trace is not written as soap; it is written as json, text, csv or svg" "soap trace refused with the formats a trace takes"
expect 2 "soap model" -- "$mfr" --format soap model
contains err "'mfr model' writes text or json, not soap" "soap model refused"
expect 2 "soap batch" -- "$mfr" --format soap batch plan
contains err "leave out '--format soap'" "soap batch refused"
# the FHIR R4 Bundle (doc/fhir-format.md; tests/check-fhir.py validates it)
if python3 "$src/tests/check-doc-examples.py" "$mfr" "$src/doc/fhir-format.md" >"$tmp/doc" 2>&1; then ok; else bad "doc/fhir-format.md: $(grep -v '^ok' "$tmp/doc" | head -c 2000)"; fi
expect 0 "fhir plan" -- "$mfr" --format fhir plan --symptom heel:left:6 --condition plantar_fasciitis --id rec-42
pycheck "fhir plan is a collection Bundle with its intake id" "d['resourceType'] == 'Bundle' and d['type'] == 'collection' and d['identifier']['value'] == 'rec-42'"
pycheck "fhir plan: a CarePlan and CPT 97140 requests" "[e['resource']['resourceType'] for e in d['entry']][:3] == ['Patient', 'Condition', 'CarePlan'] and d['entry'][3]['resource']['code']['coding'][0]['code'] == '97140'"
expect 0 "fhir program" -- "$mfr" --format fhir program --symptom heel:left:6 --sessions 2 --weeks 1
pycheck "fhir program: one CarePlan for both sessions" "sum(e['resource']['resourceType'] == 'CarePlan' for e in d['entry']) == 1 and 'Session 2, day ' in d['entry'][-1]['resource']['note'][0]['text']"
expect 2 "fhir trace" -- "$mfr" --format fhir trace --symptom heel:left:6
contains err "a trace is not written as fhir; it is written as json, text, csv or svg" "fhir trace refused with the formats a trace takes"
expect 2 "fhir model" -- "$mfr" --format fhir model
contains err "'mfr model' writes text or json, not fhir" "fhir model refused"
expect 2 "an unknown format" -- "$mfr" --format xml plan --symptom heel:left:6
contains err "use 'text', 'json', 'soap', 'fhir', 'handout', 'csv' or 'svg'" "an unknown format names every format"
# the client handout (doc/handout-format.md): its examples are what mfr
# prints, and its HTML is well formed, self-contained and escaped
# (tests/check-handout.py; the meson test handout-render renders it)
if python3 "$src/tests/check-doc-examples.py" "$mfr" "$src/doc/handout-format.md" >"$tmp/doc" 2>&1; then ok; else bad "doc/handout-format.md: $(grep -v '^ok' "$tmp/doc" | head -c 2000)"; fi
if python3 "$src/tests/check-handout.py" --no-render "$mfr" "$data" >"$tmp/doc" 2>&1; then ok; else bad "handout HTML: $(head -c 2000 "$tmp/doc")"; fi
expect 0 "handout program" -- "$mfr" --format handout program --symptom heel:left:6 --sessions 2 --weeks 1
contains out "<title>Your myofascial release sessions</title>" "handout of a program"
expect 2 "handout trace" -- "$mfr" --format handout trace --symptom heel:left:6
contains err "a trace is not written as handout; it is written as json, text, csv or svg" "handout trace refused with the formats a trace takes"
expect 2 "handout model" -- "$mfr" --format handout model
contains err "'mfr model' writes text or json, not handout" "handout model refused"
# the body chart (doc/svg-format.md): its examples are what mfr prints, and
# its SVG is well formed, escaped and drawn with the client's sides
# (tests/check-svg.py; the meson test svg-render renders it)
if python3 "$src/tests/check-doc-examples.py" "$mfr" "$src/doc/svg-format.md" >"$tmp/doc" 2>&1; then ok; else bad "doc/svg-format.md: $(grep -v '^ok' "$tmp/doc" | head -c 2000)"; fi
if python3 "$src/tests/check-svg.py" --no-render "$mfr" "$data" >"$tmp/doc" 2>&1; then ok; else bad "svg: $(head -c 2000 "$tmp/doc")"; fi
expect 0 "svg trace" -- "$mfr" --format svg trace --symptom heel:left:6
contains out "<svg xmlns=\"http://www.w3.org/2000/svg\"" "svg of a trace"
# body-map segments (doc/intake-format.md): the sites they stand for
expect 0 "trace by segments" -- "$mfr" --format json trace --symptom low_back:right:3 --segment 118:6 --segment 219:7 --max-results 1
pycheck "segments give their sites, the higher intensity kept" "d['symptoms'] == [{'region': 'low_back', 'side': 'right', 'intensity': 7}, {'region': 'forearm', 'side': 'left', 'intensity': 6}]"
expect 0 "plan by segment" -- "$mfr" plan --segment 237
contains out "left sole" "a plan for the left sole (CHOIR 237, Foot (bottom-left))"
expect 2 "an empty --id" -- "$mfr" plan --symptom heel:left --id ""
contains err "the id is empty" "an empty --id explained"

# plan and program
expect 0 "plan" -- "$mfr" --format json plan --symptom heel:left:6 --minutes 30 --answer unexplained_pain=no --answer deep_vein_thrombosis=no
pycheck "plan fits the session" "d['status'] == 'ok' and d['total_seconds'] <= d['session_seconds'] == 1800 and len(d['steps']) > 2"
pycheck "plan has aftercare" "any('48 hours' in a['text'] for a in d['aftercare'])"
pycheck "plan steps are timed" "all(s['seconds'] > 0 for s in d['steps']) and d['steps'][0]['phase'] == 'assessment'"
expect 0 "plan with fever" -- "$mfr" --format json plan --symptom heel:left:6 --precaution fever
pycheck "fever refers out" "d['status'] == 'refer_out' and d['steps'] == [] and d['warnings'][0]['kind'] == 'refer_out'"
expect 0 "plan with an open wound" -- "$mfr" --format json plan --symptom heel:left:6 --precaution open_wound:calf:left
pycheck "no step on the left calf muscles" "not any(s['region'] in ('soleus','gastrocnemius','calf') and s['side'] == 'left' for s in d['steps'])"
pycheck "the skip is explained" "any(w['kind'] == 'site_excluded' and 'soleus' in w['text'] for w in d['warnings'])"
expect 0 "plan with osteoporosis" -- "$mfr" --format json plan --symptom low_back:right:7 --precaution severe_osteoporosis
pycheck "no firm pressure, no rebounding" "d['pressure_ceiling'] == 'light' and all(s['pressure'] in ('very_light','light') and s['technique'] != 'rebounding_jostling' for s in d['steps'])"
expect 0 "plan needing clearance" -- "$mfr" --format json plan --symptom low_back:right:7 --precaution recent_surgery:low_back:right
pycheck "needs clearance" "d['status'] == 'needs_clearance'"
expect 0 "plan cleared" -- "$mfr" --format json plan --symptom low_back:right:7 --precaution recent_surgery:low_back:right --clearance recent_surgery --answer unexplained_pain=no
pycheck "cleared" "d['status'] == 'ok'"
# No condition recorded: nothing says the pain is explained, so the question
# whose yes refers for diagnosis first is asked, and the plan waits for it.
expect 0 "undiagnosed back pain" -- "$mfr" --format json plan --symptom low_back:right:8 --minutes 30
pycheck "undiagnosed pain asks first" "d['status'] == 'needs_answers' and d['steps'] and any(w['code'] == 'unscreened' and w['about']['key'] == 'unexplained_pain' for w in d['warnings'])"
expect 0 "undiagnosed back pain, answered yes" -- "$mfr" --format json plan --symptom low_back:right:8 --answer unexplained_pain=yes
pycheck "a yes refers out" "d['status'] == 'refer_out' and d['steps'] == []"
expect 2 "local precaution without a site" -- "$mfr" plan --symptom heel:left --precaution open_wound
expect 1 "plan without symptoms" -- "$mfr" plan --precaution fever
contains err "the intake records no symptoms" "no symptoms explained"
echo '{}' | "$mfr" batch plan >"$tmp/out" 2>"$tmp/err"
pycheck "batch plan of {} is an error row" "d['line'] == 1 and d['error']['status'] == 'MFR_E_MISSING'"
# empty items in a list are refused, not skipped
expect 2 "empty position" -- "$mfr" plan --symptom heel:left --positions prone,,supine
contains err "--positions 'prone,,supine': item 2 is empty" "empty position named"
expect 2 "trailing comma" -- "$mfr" plan --symptom heel:left --positions prone,
expect 2 "empty position list" -- "$mfr" plan --symptom heel:left --positions ''
expect 2 "empty relation" -- "$mfr" trace --symptom heel:left --relations line,,referral
contains err "--relations 'line,,referral': item 2 is empty" "empty relation named"
expect 0 "positions" -- "$mfr" --format json plan --symptom heel:left --positions prone,supine
pycheck "positions kept" "all(s['position'] in ('prone', 'supine') for s in d['steps'])"
expect 0 "program" -- "$mfr" --format json program --symptom heel:left:6 --sessions 6 --weeks 3
pycheck "program spacing" "len(d['sessions']) == 6 and all(b['day'] - a['day'] >= 2 for a, b in zip(d['sessions'], d['sessions'][1:]))"
pycheck "program reassesses" "d['sessions'][0]['reassess'] and d['sessions'][4]['reassess'] and d['sessions'][-1]['reassess']"
expect 2 "program too dense" -- "$mfr" program --symptom heel:left --sessions 7 --weeks 1
contains err "48 hours" "density explained"
expect 0 "plan text" -- "$mfr" plan --symptom heel:left:6 --minutes 30 --reposition-seconds 30 --block-seconds 60 --max-sites 10
contains out "Aftercare:" "plan text has aftercare"
contains out "trace rank 1" "plan text points back to the trace"
expect 0 "program text" -- "$mfr" program --symptom heel:left:6 --sessions 2 --weeks 1
contains out "Session 2, day" "program text lists sessions"
expect 2 "bad plan option value" -- "$mfr" plan --symptom heel:left --max-sites 0
# range errors state the range; the ranges are the library setters' (each
# bound accepted, one past it refused), so the CLI's copy cannot drift
range_check() { # range_check COMMAND OPTION LO HI
  local cmd=$1 opt=$2 lo=$3 hi=$4 v
  for v in "$lo" "$hi"; do
    expect 0 "$cmd $opt $v" -- "$mfr" "$cmd" --symptom heel:left:6 --minutes 180 "$opt" "$v"
  done
  for v in $((lo - 1)) $((hi + 1)); do
    expect 2 "$cmd $opt $v" -- "$mfr" "$cmd" --symptom heel:left:6 "$opt" "$v"
    contains err "mfr: $opt $v is out of range; use $lo to $hi" "$opt $v states the range"
  done
}
range_check trace --max-results 1 10000
range_check trace --max-steps 1 64
range_check plan --max-sites 1 200
range_check plan --reposition-seconds 0 600
range_check plan --block-seconds 30 900
expect 2 "not a number" -- "$mfr" trace --symptom heel:left --max-steps many
contains err "--max-steps takes a whole number from 1 to 64, not 'many'" "not a number explained"
expect 2 "unknown plan option" -- "$mfr" plan --symptom heel:left --sessions 3

# safety beyond plain precautions (doc/safety.md)
expect 0 "model list danger zones" -- "$mfr" model list danger_zones
contains out "anterior_triangle_neck" "anterior triangle listed"
expect 0 "model list screening" -- "$mfr" --format json model list screening
pycheck "screening listed" "d['kind'] == 'screening' and any(i['key'] == 'pregnancy' for i in d['items'])"
expect 0 "show screening" -- "$mfr" model show screening pregnancy
contains out "second_trimester" "answers shown"
expect 0 "show danger zone" -- "$mfr" model show danger_zone femoral_triangle
contains out "pressure ceiling" "zone ceiling shown"
expect 0 "program, gentle first sessions" -- "$mfr" program --symptom ear:left:5 --minutes 90 --sessions 6 --weeks 3
contains out "its gentle stage" "a thin early session says why (no precaution blamed)"
expect 0 "DVT limb, cleared" -- "$mfr" --format json plan --symptom heel:left:6 --precaution deep_vein_thrombosis:calf:left --clearance deep_vein_thrombosis --answer blood_pressure_stroke=no --answer unexplained_pain=no --answer blood_thinners=no --minutes 30
pycheck "no step on the DVT limb" "d['status'] == 'ok' and (d['steps'] or any(w['code'] == 'no_sites' for w in d['warnings'])) and not any(s['side'] == 'left' and s['region'] in ('heel', 'soleus', 'gastrocnemius', 'plantar_fascia', 'hamstrings', 'quadratus_plantae', 'abductor_hallucis', 'tibialis_posterior', 'lower_limb') for s in d['steps'])"
pycheck "the skip names the precaution" "any(w['code'] == 'site_excluded' and w['about'] == {'kind': 'precaution', 'key': 'deep_vein_thrombosis'} and w['side'] == 'left' for w in d['warnings'])"
expect 2 "a plain global precaution takes no site" -- "$mfr" plan --symptom heel:left --precaution fever:calf:left
contains err "whole client" "global site refused with the reason"
expect 0 "pregnancy, trimester unknown" -- "$mfr" --format json plan --symptom low_back:both:5 --condition low_back_pain --precaution pregnancy
pycheck "no prone or supine step" "d['steps'] and all(s['position'] not in ('prone', 'supine') for s in d['steps'])"
expect 0 "pregnancy, first trimester" -- "$mfr" --format json plan --symptom low_back:both:5 --precaution pregnancy --stage pregnancy:1 --answer pregnancy_risk=no
pycheck "prone again in the first trimester" "any(s['position'] == 'prone' for s in d['steps'])"
expect 2 "stage before its precaution" -- "$mfr" plan --symptom low_back:left --stage pregnancy:2
contains err "not recorded" "stage order explained"
expect 2 "stage out of range" -- "$mfr" plan --symptom low_back:left --precaution pregnancy --stage pregnancy:4
expect 2 "stage malformed" -- "$mfr" plan --symptom low_back:left --precaution pregnancy --stage pregnancy
expect 0 "screening answer" -- "$mfr" --format json plan --symptom low_back:left --answer pregnancy=third_trimester
pycheck "answer sets the precaution" "any(w['code'] == 'position_limited' for w in d['warnings'])"
expect 2 "unknown answer" -- "$mfr" plan --symptom low_back:left --answer pregnancy=fourth_trimester
contains err "third_trimester" "answers suggested"
expect 2 "answer needs a site" -- "$mfr" plan --symptom low_back:left --answer deep_vein_thrombosis=yes
expect 0 "nothing planned, questions open" -- "$mfr" plan --symptom heel:left:6 --precaution deep_vein_thrombosis:calf:left --clearance deep_vein_thrombosis
contains out "status: needs_answers; nothing planned for the 60 minutes (see the warnings)" "an empty plan says so, and why"
contains out "[unscreened] no condition is recorded: ask" "the open question is asked"
expect 0 "SOAP note, questions open" -- "$mfr" --format soap plan --symptom heel:left:6 --precaution deep_vein_thrombosis:calf:left --clearance deep_vein_thrombosis
contains out "Status: NEEDS ANSWERS: answer the open screening questions first" "the note says what the status asks"
expect 0 "SOAP note, ok with the absolute questions open" -- "$mfr" --format soap plan --symptom heel:left:6 --condition plantar_fasciitis --answer diabetes=no --answer deep_vein_thrombosis=no
contains out "Status: ok once the client answers no to the screening questions that rule out the absolute contraindications" "an ok note waits on the absolute questions"
expect 0 "SOAP note, ok with them answered" -- "$mfr" --format soap plan --symptom heel:left:6 --condition plantar_fasciitis --answer diabetes=no --answer fever_infection=no --answer deep_vein_thrombosis=no --answer cancer=no --answer aneurysm=no --answer rheumatoid_flare=no
contains out "Status: ok: may be carried out as written." "an ok note with every absolute question answered no"
contains out "Screening answers on record at intake:" "the note records the screening answers"
contains out "- Do you have a fever, or feel unwell with an infection, today? No" "each with its question"
expect 0 "text status, ok with the absolute questions open" -- "$mfr" plan --symptom heel:left:6 --condition plantar_fasciitis --answer diabetes=no --answer deep_vein_thrombosis=no
contains out "status: ok once the absolute-contraindication questions are answered no; " "the text status says what the SOAP note says"
expect 0 "text status, referred out" -- "$mfr" plan --symptom heel:left:6 --answer fever_infection=yes
if sed -n 2p "$tmp/out" | grep -qx "status: refer_out; nothing planned for the 60 minutes (see the warnings)"; then ok; else bad "no pressure ceiling for a plan with no steps: $(sed -n 2p "$tmp/out")"; fi
expect 0 "TMJ without scope" -- "$mfr" --format json plan --symptom jaw:right:5 --condition tmj_disorder --answer blood_pressure_stroke=no
pycheck "pterygoids out of scope" "not any('pterygoid' in s['region'] for s in d['steps']) and any(w['code'] == 'out_of_scope' for w in d['warnings'])"
pycheck "anterior neck light, in its zone" "all(s['pressure'] in ('very_light', 'light') for s in d['steps'] if s.get('danger_zone') == 'anterior_triangle_neck') and any(s.get('danger_zone') for s in d['steps'])"
expect 0 "TMJ with intra-oral scope" -- "$mfr" --format json plan --symptom jaw:right:5 --condition tmj_disorder --scope intra_oral
pycheck "pterygoid worked and flagged" "any('pterygoid' in s['region'] and s['internal'] for s in d['steps'])"
expect 2 "unknown scope" -- "$mfr" plan --symptom jaw:right --scope intra_nasal
expect 2 "scope twice" -- "$mfr" plan --symptom jaw:right --scope intra_oral --scope intra_oral
expect 0 "fibromyalgia dose" -- "$mfr" --format json plan --symptom upper_back:left:5 --condition fibromyalgia
pycheck "gentle and indirect" "d['steps'] and all(s['approach'] == 'indirect' and s['pressure'] in ('very_light', 'light') for s in d['steps'])"
expect 0 "anticoagulant aftercare" -- "$mfr" --format json plan --symptom heel:left --precaution anticoagulant_therapy
pycheck "bruising and red flags" "any(a['key'] == 'bruising' for a in d['aftercare']) and any(a['kind'] == 'red_flag' for a in d['aftercare'])"
expect 0 "plan text codes" -- "$mfr" plan --symptom jaw:right:5 --condition tmj_disorder
contains out "[out_of_scope]" "text warnings carry their code"
contains out "RED FLAG:" "text aftercare marks red flags"

# batch: JSON lines in, one line out per intake, errors in place
printf '%s\n' '{"symptoms": [{"region": "heel", "side": "left", "intensity": 6}], "answers": [{"question": "unexplained_pain", "answer": "no"}, {"question": "deep_vein_thrombosis", "answer": "no"}]}' '' \
  '{"symptoms": [{"region": "heal", "side": "left"}]}' \
  '{"symptoms": [{"region": "jaw", "side": "right"}], "precautions": ["fever"]}' >"$tmp/batch.jsonl"
"$mfr" batch plan <"$tmp/batch.jsonl" >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 1 ]; then ok; else bad "batch with a bad line should exit 1"; fi
if [ "$(wc -l <"$tmp/out")" -eq 4 ]; then ok; else bad "batch wrote $(wc -l <"$tmp/out") lines, wanted 4"; fi
if python3 -c "
import json, sys
rows = [json.loads(l) for l in open('$tmp/out')]
assert rows[0]['status'] == 'ok' and rows[0]['steps']
assert rows[1]['line'] == 2 and rows[1]['error']['message'] == '<stdin>:2: blank line; every line must hold one intake (a JSON object)'
assert rows[2]['line'] == 3 and rows[2]['error']['path'] == 'symptoms[0].region'
assert rows[2]['error']['message'].startswith('<stdin>:3:26: symptoms[0].region: unknown region')
assert rows[3]['status'] == 'refer_out'
"; then ok; else bad "batch plan lines"; fi
# every input line gives one row: blank lines (CRLF too) are error rows, with
# the batch line number; the buffer is NUL-terminated (strspn once read past it)
printf '  {}\n \n' | "$mfr" batch trace >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 1 ]; then ok; else bad "batch with a blank line should exit 1"; fi
if python3 -c "
import json
rows = [json.loads(l) for l in open('$tmp/out')]
assert len(rows) == 2 and rows[0]['results'] == [] and rows[1]['line'] == 2
assert rows[1]['error']['status'] == 'MFR_E_SYNTAX'
"; then ok; else bad "batch blank line row: $(cat "$tmp/out")"; fi
contains err "1 of 2 lines failed" "batch counts the blank line"
printf '{"symptoms": [{"region": "heel", "side": "left"}]}\r\n\r\n{"symptoms": [\n\n' | "$mfr" batch trace >"$tmp/out" 2>"$tmp/err"
if python3 -c "
import json
rows = [json.loads(l) for l in open('$tmp/out')]
assert [r.get('line') for r in rows] == [1, 2, 3, 4], rows
assert rows[0]['results'][0]['region'] == 'soleus'
assert rows[2]['error']['message'].startswith('<stdin>:3:14: malformed JSON'), rows[2]
"; then ok; else bad "batch CRLF lines and line numbers: $(cat "$tmp/out")"; fi
printf 'x' | "$mfr" batch trace >"$tmp/out" 2>"$tmp/err"
if python3 -c "
import json
rows = [json.loads(l) for l in open('$tmp/out')]
assert len(rows) == 1 and rows[0]['line'] == 1 and rows[0]['error']['message'].startswith('<stdin>:1:1: malformed JSON')
"; then ok; else bad "batch last line without a newline: $(cat "$tmp/out")"; fi
: | "$mfr" batch trace >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 0 ] && [ ! -s "$tmp/out" ]; then ok; else bad "empty batch input should give no output and exit 0"; fi
# A line past the intake's 1 MiB is refused as such, its row in place, and
# costs no more memory than the limit: 64 MiB of it read with 48 MiB of
# address space (plain builds only: valgrind and ASan need more).
python3 -c "
import sys
sys.stdout.write('{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\", \"x\": \"' + 'x' * (64 << 20) + '\"}]}\n')
sys.stdout.write('{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\"}]}\n')" >"$tmp/long.jsonl"
if [ -z "${MFR_TEST_WRAPPER:-}" ] && ! nm -D "$mfr_bin" 2>/dev/null | grep -q __asan_init; then
  (ulimit -v 49152; "$mfr" batch trace <"$tmp/long.jsonl" >"$tmp/out" 2>"$tmp/err")
else
  "$mfr" batch trace <"$tmp/long.jsonl" >"$tmp/out" 2>"$tmp/err"
fi
if python3 -c "
import json
rows = [json.loads(l) for l in open('$tmp/out')]
assert len(rows) == 2 and rows[0]['line'] == 1 and rows[0]['error']['status'] == 'MFR_E_RANGE', rows
assert 'past the limit for an intake' in rows[0]['error']['message'], rows[0]
assert rows[1]['results'][0]['region'] == 'soleus'
"; then ok; else bad "batch line past 1 MiB: $(head -c 300 "$tmp/out") $(cat "$tmp/err")"; fi
rm -f "$tmp/long.jsonl"
head -n 1 "$tmp/batch.jsonl" | "$mfr" batch trace >"$tmp/out" 2>"$tmp/err"
if python3 -c "import json; d = json.load(open('$tmp/out')); assert d['results'][0]['region'] == 'soleus'"; then ok; else bad "batch trace"; fi
expect 2 "batch without a command" -- "$mfr" batch
expect 2 "batch as text" -- "$mfr" --format text batch plan
contains err "'mfr batch' writes JSON lines or CSV; leave out '--format text'" "batch refuses text"
echo '{"symptoms": [{"region": "heel", "side": "left"}]}' | "$mfr" --format json batch trace >"$tmp/out" 2>"$tmp/err"
pycheck "batch with --format json" "d['results'][0]['region'] == 'soleus'"

# batch rows join back (issue 13): every row, good or not, carries the input
# line and the intake's id, first; the summary goes to standard error
printf '%s\n' '{"id": "rec-1", "symptoms": [{"region": "heel", "side": "left", "intensity": 6}]}' \
  '{"id": "rec-2", "symptoms": [{"region": "heal", "side": "left"}]}' \
  '{"id": "rec-3"}' '' '{"symptoms": [{"region": "jaw", "side": "right"}], "precautions": ["fever"]}' \
  '{"id": "rec,\"6\"", "symptoms": [{"region": "jaw", "side": "left"}]}' >"$tmp/ids.jsonl"
"$mfr" batch plan <"$tmp/ids.jsonl" >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 1 ]; then ok; else bad "batch with bad lines should exit 1"; fi
if python3 -c "
import json
rows = [json.loads(l) for l in open('$tmp/out')]
assert [r['line'] for r in rows] == [1, 2, 3, 4, 5, 6], rows
assert [r['id'] for r in rows] == ['rec-1', 'rec-2', 'rec-3', None, None, 'rec,\"6\"'], [r['id'] for r in rows]
assert list(rows[0])[:3] == ['line', 'id', 'format'] and rows[0]['audit']['intake_id'] == 'rec-1'
assert rows[1]['error']['status'] == 'MFR_E_REFERENCE' and rows[2]['error']['status'] == 'MFR_E_MISSING'
assert list(rows[1]) == ['line', 'id', 'error'] and rows[4]['status'] == 'refer_out'
"; then ok; else bad "batch rows with line and id: $(head -c 600 "$tmp/out")"; fi
contains err "mfr: 3 of 6 lines failed" "batch counts its errors"
contains err "mfr: batch plan: 6 lines, 6 rows, 3 errors, " "batch summary on stderr"
# no progress line when standard error is not a terminal
if grep -q $'\r' "$tmp/err"; then bad "batch progress on a file: $(cat -v "$tmp/err")"; else ok; fi

# the trace and plan options apply to every line, before or after the command;
# each row is what the single command writes for the line's intake
expect 0 "plan options before the command" -- "$mfr" --format json --max-sites 2 plan --block-seconds 300 --symptom heel:left:6 --id rec-1
mv "$tmp/out" "$tmp/one.json"
"$mfr" --max-sites 2 batch plan --block-seconds 300 <"$tmp/ids.jsonl" >"$tmp/out" 2>"$tmp/err"
if python3 -c "
import json
rows = [json.loads(l) for l in open('$tmp/out')]
one = json.load(open('$tmp/one.json'))
row = {k: v for k, v in rows[0].items() if k not in ('line', 'id')}
assert row == one, (row, one)
"; then ok; else bad "batch plan options: the row differs from mfr plan's"; fi
"$mfr" batch trace --max-results 3 --relations=referral <"$tmp/ids.jsonl" >"$tmp/out" 2>"$tmp/err"
mv "$tmp/out" "$tmp/rows.jsonl"
expect 0 "trace options" -- "$mfr" --format json trace --max-results 3 --relations referral --symptom heel:left:6 --id rec-1
if python3 -c "
import json
rows = [json.loads(l) for l in open('$tmp/rows.jsonl')]
one = json.load(open('$tmp/out'))
assert len(rows[0]['results']) == 3
assert {k: v for k, v in rows[0].items() if k not in ('line', 'id')} == one
"; then ok; else bad "batch trace options: the row differs from mfr trace's"; fi

# --compact: no disclaimer, the aftercare as keys, the rest as written
"$mfr" batch plan <"$tmp/ids.jsonl" >"$tmp/full.jsonl" 2>/dev/null
"$mfr" batch --compact plan <"$tmp/ids.jsonl" >"$tmp/out" 2>/dev/null
if python3 -c "
import json
full = [json.loads(l) for l in open('$tmp/full.jsonl')]
comp = [json.loads(l) for l in open('$tmp/out')]
assert len(full) == len(comp) == 6
for f, c in zip(full, comp):
    if 'error' not in f:
        assert 'disclaimer' in f and 'disclaimer' not in c
        assert c['aftercare'] == [a['key'] for a in f['aftercare']] and c['aftercare']
        del f['disclaimer']
        f['aftercare'] = c['aftercare']
    assert list(f) == list(c) and f == c, (f, c)
"; then ok; else bad "batch --compact rows: $(head -c 400 "$tmp/out")"; fi
"$mfr" batch trace --compact <"$tmp/ids.jsonl" >"$tmp/out" 2>/dev/null
if grep -q disclaimer "$tmp/out"; then bad "batch trace --compact keeps the disclaimer"; else ok; fi

# CSV through the output layer, for the single commands too
expect 0 "csv plan" -- "$mfr" --format csv plan --symptom heel:left:6 --id 'a,b' --answer unexplained_pain=no --answer deep_vein_thrombosis=no
if [ "$(head -n 1 "$tmp/out")" = $'id,session,status,order,phase,region,side,technique,approach,position,lying_on,seconds,pressure,trace_rank,score,danger_zone\r' ]; then ok; else bad "csv plan header: $(head -n 1 "$tmp/out" | cat -v)"; fi
contains out '"a,b",1,ok,1,assessment,heel,left,' "csv plan rows quote the id"
expect 0 "csv program" -- "$mfr" --format csv program --symptom heel:left:6 --sessions 2 --weeks 1
contains out $'\r\n,2,ok,1,' "csv program numbers its sessions"
expect 0 "csv trace" -- "$mfr" --format csv trace --symptom heel:left:6
contains out $'id,rank,region,side,distance,score,explanation\r' "csv trace header"
contains out ',1,soleus,left,distant,' "csv trace first result"

# batch CSV: one header, then each line's records with its line number, and
# an error record (the error's columns filled) for a bad or blank line
"$mfr" --format csv batch plan <"$tmp/ids.jsonl" >"$tmp/out" 2>"$tmp/err"
if python3 -c "
import csv
rows = list(csv.reader(open('$tmp/out', newline='')))
head = rows[0]
assert head[:3] == ['id', 'line', 'session'] and head[-2:] == ['error_status', 'error_message'], head
assert all(len(r) == len(head) for r in rows)
assert [r[1] for r in rows[1:]] == sorted(r[1] for r in rows[1:])
by_line = {}
for r in rows[1:]:
    by_line.setdefault(int(r[1]), []).append(r)
assert sorted(by_line) == [1, 2, 3, 4, 5, 6]
assert by_line[2] == [['rec-2', '2'] + [''] * (len(head) - 4) + ['MFR_E_REFERENCE', by_line[2][0][-1]]]
assert by_line[2][0][-1].startswith('<stdin>:2:')
assert by_line[4][0][0] == '' and by_line[4][0][-2] == 'MFR_E_SYNTAX'
assert by_line[5] == [['', '5', '1', 'refer_out'] + [''] * (len(head) - 4)]
assert by_line[6][0][0] == 'rec,\"6\"' and all(r[-2:] == ['', ''] for r in by_line[6])
"; then ok; else bad "batch csv rows: $(head -c 600 "$tmp/out")"; fi
contains err "mfr: batch plan: 6 lines, " "csv batch summary"
: | "$mfr" --format csv batch trace >"$tmp/out" 2>"$tmp/err"
if [ "$(cat "$tmp/out")" = $'id,line,rank,region,side,distance,score,explanation,error_status,error_message\r' ]; then ok; else bad "csv batch of nothing: the header alone: $(cat -v "$tmp/out")"; fi

# generated intakes (some bad, with ids) for the pandas and progress checks
# below; --jobs N against one job: tests/test-batch-jobs.sh
n_gen=400
[ -n "${MFR_TEST_WRAPPER:-}" ] && n_gen=100
python3 "$src/bench/gen-intakes.py" --model "$src/lib/data/default-model.json" --count $n_gen \
  --seed 13 --bad 0.05 --ids -o "$tmp/gen.jsonl"

# the batch CSV loads in pandas as is (read_csv without options), and its
# rows say what the JSON rows say (tests/check-batch-csv.py); pandas is
# Debian's python3-pandas (scripts/deps.sh), perhaps only in the system python.
# R's read.csv reads the same cells (Rscript: Debian's r-base-core).
pandas_python=
for p in python3 /usr/bin/python3; do
  if "$p" -c 'import pandas' 2>/dev/null; then pandas_python=$p; break; fi
done
if [ -z "$pandas_python" ]; then
  bad "no python3 with pandas: install python3-pandas (bash scripts/deps.sh)"
elif ! command -v Rscript >/dev/null; then
  bad "no Rscript: install r-base-core (bash scripts/deps.sh)"
else
  "$pandas_python" "$src/tests/check-batch-csv.py" --r=Rscript "$mfr" "$data/intakes.jsonl" "$tmp/gen.jsonl" \
    "$tmp/ids.jsonl" >"$tmp/pandas" 2>&1
  if [ $? -eq 0 ] && [ "$(grep -c '^ok$' "$tmp/pandas")" -eq 6 ]; then ok; else bad "batch CSV in pandas: $(head -c 800 "$tmp/pandas")"; fi
fi

# progress on standard error only when it is a terminal
if python3 - "$mfr" "$tmp/gen.jsonl" <<'PYEOF'
import os, pty, subprocess, sys
master, slave = pty.openpty()
with open(sys.argv[2], 'rb') as fin:
    p = subprocess.Popen([sys.argv[1], 'batch', 'trace'], stdin=fin,
                         stdout=subprocess.DEVNULL, stderr=slave)
os.close(slave)
out = b''
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
p.wait()
text = out.decode()
assert '\rmfr: batch: ' in text and '\x1b[K' in text, repr(text[:300])
assert 'mfr: batch trace: ' in text, repr(text[-300:])
PYEOF
then ok; else bad "batch progress on a terminal"; fi

# long names: texts are cut at a character, never inside one (a cut inside
# one made the batch row "MFR_E_NOMEM" without a place, and JSON output fail)
python3 -c "import json; print(json.dumps({'symptoms': [{'region': 'heel', 'side': 'left'}], '\u00e9' * 400: 1}, ensure_ascii=False))" >"$tmp/long.jsonl"
"$mfr" batch trace <"$tmp/long.jsonl" >"$tmp/out" 2>"$tmp/err"
pycheck "batch row for a long member name" "d['line'] == 1 and d['error']['status'] == 'MFR_E_UNKNOWN' and d['error']['message'].startswith('<stdin>') and '\u00e9\u00e9...' in d['error']['message']"
python3 -c "
import json
m = json.load(open('$src/lib/data/default-model.json'))
for r in m['regions']:
    if r['key'] == 'soleus':
        r['name'] = '\u00e9' * 600
json.dump(m, open('$tmp/long-model.json', 'w'), ensure_ascii=False)"
expect 0 "JSON trace with a long region name" -- "$mfr" --model "$tmp/long-model.json" --format json trace --symptom heel:left:6
pycheck "long name cut at a character" "any(r['explanation'].endswith('\u00e9...') for r in d['results'])"
expect 0 "text trace with a long region name" -- "$mfr" --model "$tmp/long-model.json" trace --symptom heel:left:6
if python3 -c "open('$tmp/out', encoding='utf-8').read()"; then ok; else bad "text trace output is not UTF-8"; fi
expect 0 "text plan with a long region name" -- "$mfr" --model "$tmp/long-model.json" plan --symptom heel:left:6
if python3 -c "open('$tmp/out', encoding='utf-8').read()"; then ok; else bad "text plan output is not UTF-8"; fi

# lost output: a write that fails (a full disk) is an error with a message
if [ -w /dev/full ]; then
  full() { # full DESCRIPTION ARGS...: run mfr ARGS with stdout on /dev/full
    local what=$1
    shift
    "$mfr" "$@" >/dev/full 2>"$tmp/err" <"$tmp/batch.jsonl"
    local rc=$?
    if [ "$rc" -eq 1 ]; then ok; else bad "$what > /dev/full: exit $rc, wanted 1"; fi
    contains err "cannot write the output: No space left on device" "$what > /dev/full says so"
  }
  full "plan" plan --symptom heel:left
  full "trace" --format json trace --symptom heel:left
  full "batch plan" batch plan
  full "batch plan as CSV" --format csv batch plan
  full "batch plan, 3 jobs" batch --jobs 3 plan
  full "model export" model export
  full "model export of a file" --model "$data/models/minimal.json" model export
  full "model summary as JSON" --format json model
  full "help" --help
fi

# bad command lines (tests/data/bad/cli.cases): exit status and message
run_cli_case() {
  [ -n "$cname" ] || return 0
  local -a args
  read -ra args <<<"${cargs//@data@/$data}"
  if [ -n "$cstdin_set" ]; then
    printf '%s\n' "$cstdin" | "$mfr" "${args[@]}" >"$tmp/out" 2>"$tmp/err"
  else
    "$mfr" "${args[@]}" >"$tmp/out" 2>"$tmp/err" </dev/null
  fi
  local rc=$?
  if [ "$rc" -eq "$cexit" ]; then ok; else bad "cli case $cname: exit $rc, wanted $cexit ($(head -c 300 "$tmp/err"))"; fi
  local f
  for f in "${cstderr[@]}"; do contains err "$f" "cli case $cname"; done
  # a failure writes nothing on standard output
  if [ ! -s "$tmp/out" ]; then ok; else bad "cli case $cname wrote output"; fi
}
ncli=0
cname=
while IFS= read -r l || [ -n "$l" ]; do
  l=${l%$'\r'}
  t=${l#"${l%%[! ]*}"}
  case $t in
    '' | '#'*) continue ;;
    'case '*)
      run_cli_case
      cname=${t#case } cargs= cstdin= cstdin_set= cexit=
      cstderr=()
      ncli=$((ncli + 1))
      ;;
    'run '*) cargs=${t#run } ;;
    'stdin '*) cstdin=${t#stdin } cstdin_set=1 ;;
    'exit '*) cexit=${t#exit } ;;
    'stderr '*) cstderr+=("${t#stderr }") ;;
    *) bad "cli.cases: cannot read '$t'" ;;
  esac
done <"$data/bad/cli.cases"
run_cli_case
if [ "$ncli" -ge 25 ]; then ok; else bad "only $ncli cases in cli.cases"; fi

# bad batch lines (tests/data/bad/batch.cases): all in one run, each gives its
# own error row at its own line number
python3 - "$data/bad/batch.cases" "$mfr" >"$tmp/batch-cases" <<'PYEOF'
import json, re, subprocess, sys
cases, cur = [], None
for raw in open(sys.argv[1], encoding='utf-8'):
    t = raw.rstrip('\n').rstrip('\r')
    s = t.lstrip(' ')
    if not s or s.startswith('#'):
        continue
    word, _, arg = s.partition(' ')
    if word == 'case':
        cur = {'name': arg, 'messages': []}
        cases.append(cur)
    elif word == 'line':
        cur['line'] = re.sub(rb'\\x([0-9a-fA-F]{2})', lambda m: bytes([int(m.group(1), 16)]),
                             arg.encode('utf-8'))
    elif word == 'status':
        cur['status'] = arg
    elif word == 'message':
        cur['messages'].append(arg)
    else:
        print('FAIL: batch.cases: cannot read %r' % s)
data = b''.join(c['line'] + b'\n' for c in cases)
run = subprocess.run([sys.argv[2], 'batch', 'trace'], input=data, capture_output=True)
rows = run.stdout.decode('utf-8').splitlines()
print('ok' if run.returncode == 1 else 'FAIL: batch exit %d' % run.returncode)
print('ok' if len(rows) == len(cases) else 'FAIL: %d rows for %d lines' % (len(rows), len(cases)))
print('ok' if len(cases) >= 14 else 'FAIL: only %d batch cases' % len(cases))
for i, c in enumerate(cases):
    try:
        row = json.loads(rows[i])
        err = row['error']
        assert row['line'] == i + 1, 'line %r' % row['line']
        assert err['status'] == c['status'], err['status']
        assert err['message'].startswith('<stdin>:%d:' % (i + 1)), err['message']
        for m in c['messages']:
            assert m in err['message'], 'no %r in %r' % (m, err['message'])
        print('ok')
    except Exception as e:
        print('FAIL: batch case %s: %s' % (c['name'], e))
PYEOF
while IFS= read -r l; do
  if [ "$l" = ok ]; then ok; else bad "${l#FAIL: }"; fi
done <"$tmp/batch-cases"

# --messages (doc/messages.md): the sentences from a table, English for the
# codes it lacks (noted), a bad table refused with its place, and no table
# for the commands that write no sentences.
cat >"$tmp/es.json" <<'JSON'
{"format": "libmfr-messages", "format_version": 1, "language": "es",
 "messages": {"disclaimer": "Apoyo a la decisión para terapeutas; no es un diagnóstico.",
              "text.aftercare": "Cuidados posteriores:"}}
JSON
expect 0 "plan with messages" -- "$mfr" --messages "$tmp/es.json" plan --symptom heel:left:6
contains out "Session plan. Apoyo a la decisión para terapeutas; no es un diagnóstico." "translated disclaimer"
contains out "Cuidados posteriores:" "translated heading"
contains err "has no template for" "missing codes noted"
"$mfr" plan --symptom heel:left:6 >"$tmp/en-plain" 2>/dev/null
"$mfr" --messages "$src/lib/data/messages-en.json" plan --symptom heel:left:6 >"$tmp/en-table" 2>"$tmp/err"
# (Under valgrind, its own "==PID==" lines are on standard error.)
if cmp -s "$tmp/en-plain" "$tmp/en-table" && ! grep -qv '^==[0-9]*==' "$tmp/err"; then ok; else bad "the English table file writes the plan as without one: $(head -c 300 "$tmp/err")"; fi
expect 0 "trace with messages" -- "$mfr" --messages "$tmp/es.json" trace --symptom heel:left:6
contains out "Apoyo a la decisión" "trace disclaimer translated"
cat >"$tmp/bad-msg.json" <<'JSON'
{"format": "libmfr-messages", "format_version": 1, "language": "es",
 "messages": {"warning.acute": "el {sitio} es agudo"}}
JSON
expect 1 "bad messages" -- "$mfr" --messages "$tmp/bad-msg.json" plan --symptom heel:left:6
contains err "bad-msg.json:2:32: messages.warning.acute: the template names {sitio}" "bad table placed"
expect 1 "messages file missing" -- "$mfr" --messages "$tmp/none.json" plan --symptom heel:left:6
expect 2 "messages for batch" -- "$mfr" --messages "$tmp/es.json" batch plan
contains err "--messages is for plan, program and trace" "batch refuses messages"
expect 2 "messages needs a value" -- "$mfr" plan --symptom heel:left:6 --messages
# doc/messages.md: its example (a table under examples/, named from the
# source tree) is what mfr prints
mfr_abs=$mfr
case $mfr_abs in /*) ;; *) mfr_abs=$PWD/$mfr_abs ;; esac
if (cd "$src" && python3 tests/check-doc-examples.py "$mfr_abs" doc/messages.md) >"$tmp/doc" 2>&1; then ok; else bad "doc/messages.md: $(grep -v '^ok' "$tmp/doc" | head -c 2000)"; fi

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
