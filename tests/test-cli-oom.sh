#!/usr/bin/env bash
# libmfr tests: the out-of-memory sweep of the mfr tool, command by command.
# Usage: test-cli-oom.sh MFR_FAULTS SOURCE_DIR
#
# MFR_FAULTS is the tool built over the tests' library (tests/cli-faults.c):
# MFR_FAIL_AFTER=N fails the library's allocation after N successes, once,
# or every one from there with MFR_FAIL_PERSISTENT. For every command below
# and every N until the command no longer notices (its persistent run
# succeeds), both ways, the tool must:
#   - exit 0 with exactly the output of a run without failures, or exit 1
#     saying "out of memory" on standard error;
#   - never crash, never exit 2 (a usage error it did not make), never leak
#     (run under valgrind or ASan, a leak changes the exit status);
#   - write no partial document on a failure (batch: every row is the row
#     of a run without failures, or an MFR_E_NOMEM error row in its place).
#
# MFR_TEST_WRAPPER, when set (the valgrind setup), runs every mfr under it
# and sweeps every 20th N, to keep the run short (the plain, coverage and
# ASan runs sweep every N; valgrind adds uninitialised reads to what ASan
# sees, on a sample).
set -u
mfr=$1
src=$2
data=$src/tests/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
stride=1
. "$src/tests/cli-wrapper.sh"
if wrap_mfr; then
  stride=20
fi
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

printf '%s\n' \
  '{"symptoms": [{"region": "heel", "side": "left", "intensity": 6}], "conditions": ["plantar_fasciitis"]}' \
  '{"symptoms": [{"region": "heal", "side": "left"}]}' \
  '{"id": "c-3", "symptoms": [{"region": "jaw", "side": "right", "intensity": 5}], "conditions": ["tmj_disorder"]}' \
  >"$tmp/batch.jsonl"
printf '%s\n' '{"id": "client-7", "extensions": {"clinic": {"room": 2}},' \
  ' "symptoms": [{"region": "low_back", "side": "left", "intensity": 5}],' \
  ' "conditions": ["low_back_pain", "scar_adhesions"], "session_minutes": 45}' >"$tmp/intake.json"

# Whether the last run ran out of memory: it says so, or (batch) a row does.
noticed() {
  grep -q "out of memory" "$tmp/err" || grep -q '"MFR_E_NOMEM"' "$tmp/out"
}

# Whether every batch row in $tmp/out is the row of the run without
# failures ($tmp/want, line for line: the writer is deterministic, so the
# bytes are the same) or an MFR_E_NOMEM error row in its place, and no row
# is added. In the shell, not a python3 per run: the sweep makes hundreds.
batch_rows_ok() {
  local got want
  exec 3<"$tmp/want"
  while IFS= read -r got; do
    if ! IFS= read -r want <&3; then
      exec 3<&-
      return 1
    fi
    case $got in
      "$want" | '{"line":'*',"error":{"status":"MFR_E_NOMEM",'*) ;;
      *) exec 3<&-; return 1 ;;
    esac
  done <"$tmp/out"
  exec 3<&-
}

# check WHAT RC WANT_RC: one run under an injected failure ($tmp/out, err).
check() {
  local what=$1 rc=$2 want_rc=$3
  if ! noticed; then
    # Not reached: the command must have done just what it does.
    if [ "$rc" -eq "$want_rc" ] && cmp -s "$tmp/out" "$tmp/want"; then
      ok
    else
      bad "$what: exit $rc, output differs: $(head -c 300 "$tmp/err")"
    fi
  elif [ "$rc" -ne 1 ]; then
    bad "$what: out of memory with exit $rc, wanted 1: $(head -c 200 "$tmp/err")"
  elif [ "${what%% *}" = batch ]; then
    if batch_rows_ok; then ok; else bad "$what: rows"; fi
  elif [ -s "$tmp/out" ]; then
    bad "$what: a partial document on a failure: $(head -c 200 "$tmp/out")"
  else
    ok
  fi
}

# sweep NAME STDIN -- ARGS...: the sweep of one command, its input from STDIN.
sweep() {
  local name=$1 input=$2
  shift 3
  "$mfr" "$@" <"$input" >"$tmp/want" 2>"$tmp/want-err"
  local want_rc=$?
  if [ "$want_rc" -gt 1 ]; then
    bad "$name: the run without failures exits $want_rc: $(head -c 300 "$tmp/want-err")"
    return
  fi
  local mode n rc count=-1
  # Persistent first: the first N that succeeds is how many allocations the
  # command makes; then every single failure below it.
  for mode in persistent transient; do
    n=0
    while [ "$count" -lt 0 ] || [ "$n" -lt "$count" ]; do
      if [ "$mode" = persistent ]; then
        MFR_FAIL_AFTER=$n MFR_FAIL_PERSISTENT=1 "$mfr" "$@" <"$input" >"$tmp/out" 2>"$tmp/err"
      else
        MFR_FAIL_AFTER=$n "$mfr" "$@" <"$input" >"$tmp/out" 2>"$tmp/err"
      fi
      rc=$?
      check "$name ($mode, fail after $n)" "$rc" "$want_rc"
      if [ "$mode" = persistent ] && ! noticed; then
        count=$n
        break
      fi
      if [ "$n" -gt 100000 ]; then
        bad "$name: still failing after 100000 allocations"
        return
      fi
      n=$((n + stride))
    done
  done
  echo "$name: $count allocations"
}

sweep plan /dev/null -- plan --symptom heel:left:6 --condition plantar_fasciitis
sweep plan-questions /dev/null -- --format json plan --symptom jaw:right:5 --condition tmj_disorder
sweep plan-file "$tmp/intake.json" -- plan -
sweep soap /dev/null -- --format soap plan --symptom low_back:left:5 --condition low_back_pain --answer unexplained_pain=no
sweep program /dev/null -- program --symptom posterior_neck:right:5 --sessions 4 --weeks 2
sweep trace /dev/null -- --format json trace --symptom heel:left:6 --symptom posterior_neck:right:4
sweep trace-text /dev/null -- trace --symptom temple:both:5 --line superficial_back_line
sweep model-show /dev/null -- model show region heel
sweep model-find /dev/null -- --format json model find heel pain
sweep model-export /dev/null -- --model "$data/models/minimal.json" model export
sweep model-validate /dev/null -- model validate "$data/models/safety.json"
sweep batch "$tmp/batch.jsonl" -- batch plan

echo "cli-oom: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
