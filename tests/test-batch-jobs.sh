#!/usr/bin/env bash
# libmfr tests: `mfr batch --jobs N` writes the same bytes as one job, in
# input order (issue 13, point 3), for traces and plans, JSON (plain and
# --compact) and CSV, on tests/data/intakes.jsonl and on generated intakes
# (some bad, with ids) large enough for several chunks of lines.
# Usage: test-batch-jobs.sh MFR SOURCE_DIR [COUNT]
# Apart from test-cli.sh so that the ThreadSanitizer stage of
# scripts/test-all.sh can run it alone: under TSan a race makes mfr fail.
# MFR_TEST_WRAPPER as in test-cli.sh (valgrind).
set -u
mfr=$1
src=$2
count=${3:-1500}
data=$src/tests/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/cli-wrapper.sh"
if wrap_mfr; then
  count=60 # valgrind: a sample (the 150 lines of intakes.jsonl still make two chunks for two jobs)
fi
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

python3 "$src/bench/gen-intakes.py" --model "$src/lib/data/default-model.json" --count "$count" \
  --seed 13 --bad 0.05 --ids -o "$tmp/gen.jsonl" || bad "gen-intakes.py failed"
for input in "$data/intakes.jsonl" "$tmp/gen.jsonl"; do
  for run in "batch plan" "batch trace" "--format csv batch plan" "--format csv batch trace" \
             "batch plan --compact"; do
    # shellcheck disable=SC2086
    "$mfr" $run <"$input" >"$tmp/j1" 2>"$tmp/err1"
    rc1=$?
    for jobs in 2 5; do
      # shellcheck disable=SC2086
      "$mfr" $run --jobs $jobs <"$input" >"$tmp/jn" 2>"$tmp/err"
      rc=$?
      if [ "$rc" -eq "$rc1" ] && [ "$rc" -le 1 ]; then ok; else bad "mfr $run --jobs $jobs: exit $rc, one job $rc1: $(head -c 600 "$tmp/err")"; fi
      if [ -s "$tmp/j1" ] && cmp -s "$tmp/j1" "$tmp/jn"; then ok; else bad "mfr $run --jobs $jobs on $(basename "$input") differs from one job"; fi
      if grep -q ", $jobs jobs; " "$tmp/err"; then ok; else bad "the summary names the jobs: $(tail -n 1 "$tmp/err")"; fi
    done
  done
done
# More jobs than lines; a chunk of one line.
printf '%s\n' '{"symptoms": [{"region": "heel", "side": "left"}]}' '' >"$tmp/two.jsonl"
"$mfr" batch --jobs 256 trace <"$tmp/two.jsonl" >"$tmp/jn" 2>"$tmp/err"
if [ $? -eq 1 ] && [ "$(wc -l <"$tmp/jn")" -eq 2 ]; then ok; else bad "more jobs than lines: $(head -c 300 "$tmp/err")"; fi
head -n 1 "$tmp/two.jsonl" | "$mfr" batch --jobs 3 plan >"$tmp/jn" 2>"$tmp/err"
if [ $? -eq 0 ] && [ "$(wc -l <"$tmp/jn")" -eq 1 ]; then ok; else bad "one line, three jobs"; fi

echo "batch-jobs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
