#!/usr/bin/env bash
# The whole test suite, as CI runs it:
#   1. gcc build, every test (unit, cases, examples, CLI, Python binding, exports);
#   2. the same tests under valgrind memcheck (leaks are failures), the
#      slow sweeps and the CLI scripts on samples (the valgrind setup of
#      tests/meson.build says which);
#   3. coverage: a gcc build with -Db_coverage=true (build-cov), every test
#      again (the property and reach tests on smaller samples of their own),
#      then gcovr over lib/ and over tools/; the run fails when lib/
#      is under 95% of lines or 85% of branches, or tools/ under 85% of
#      lines (doc/coverage.md has the figures and the exact command);
#   4. a clang build with AddressSanitizer + UndefinedBehaviorSanitizer
#      (the property and reach tests on samples of their own);
#   5. a clang build with ThreadSanitizer, of only what it runs: the thread
#      tests (the library's, mfr batch --jobs N against one job, and the Python binding's
#      thread pools in Debian's python3 with the TSan runtime preloaded:
#      python-tsan, doc/python.md), and the quick
#      suites (the single-threaded sweeps and property tests add nothing
#      under TSan but minutes);
#   6. the libFuzzer targets (clang, in the ASan build): built, each run
#      once over its corpus;
#   7. the ABI of the gcc build against the committed baseline of its
#      SONAME (scripts/abi-check.sh, doc/abi.md), and the HTML API
#      reference without a Doxygen warning (meson compile -C build-ci doc);
#   8. an aarch64 cross build, its tests and mfr run under qemu-user
#      (scripts/cross-check.sh, doc/cross-build.md);
#   9. install into a temporary prefix, then build and run an example
#      against the installed library through pkg-config, and check the
#      installed man page, documents, examples, exports and Python binding
#      (scripts/check-install.sh).
# Ends with one line "N passed, N failed" over all the runs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jobs=$(nproc 2>/dev/null || echo 2)
passed=0
failed=0

# stage LABEL: print the heading of the next stage and start its clock;
# the time each stage took is printed in a table at the end (CI's budget is
# 30 minutes: the table shows where they go).
stage_name=
stage_start=$SECONDS
stage_times=
stage() {
  end_stage
  stage_name=$1
  stage_start=$SECONDS
  echo "== $1"
}
end_stage() {
  if [ -n "$stage_name" ]; then
    local t=$((SECONDS - stage_start))
    stage_times+=$(printf '%4dm%02ds  %s' $((t / 60)) $((t % 60)) "$stage_name")$'\n'
  fi
  stage_name=
}

# Run one meson test invocation; add its counts to the totals.
run_meson_test() {
  local label=$1 dir=$2
  shift 2
  stage "$label"
  local log rc=0
  log=$(mktemp)
  meson test -C "$dir" --num-processes "$jobs" --print-errorlogs "$@" 2>&1 | tee "$log" || rc=$?
  local ok fail
  ok=$(awk '/^Ok:/ {print $2}' "$log" | tail -n1)
  fail=$(awk '/^(Fail|Timeout|Unexpected Pass):/ {s += $NF} END {print s + 0}' "$log")
  rm -f "$log"
  passed=$((passed + ${ok:-0}))
  failed=$((failed + fail))
  if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
    failed=$((failed + 1))
  fi
}

# run_check LABEL COMMAND...: one pass, or one failure, by COMMAND's status.
run_check() {
  local label=$1
  shift
  stage "$label"
  if "$@"; then
    echo "$label: ok"
    passed=$((passed + 1))
  else
    echo "$label: FAILED ($*)"
    failed=$((failed + 1))
  fi
}

# Every CI build: warnings are errors. The benchmarks (no tests: programs
# to time by hand, doc/performance.md) build in build-ci only, once.
fresh_setup() {
  local dir=$1
  shift
  rm -rf "$dir"
  meson setup "$dir" -Dwerror=true "$@" >/dev/null
  meson compile -C "$dir" >/dev/null
}

# coverage_check DIR MIN_LINES MIN_BRANCHES [gcovr options...]: print the
# line and branch figures of DIR/ in build-cov; count a pass, or a failure
# when under a minimum (then with the per-file tables, to show where).
coverage_check() {
  local dir=$1 min_lines=$2 min_branches=$3
  shift 3
  local args=(-r "$root" "$root/build-cov" --filter "$dir/" --exclude-unreachable-branches "$@")
  local rc=0 summary
  # Never -o /dev/null: gcovr 5.2 checks its output file by creating it and
  # then unlinking it, which as root deletes the device (and the next
  # writer makes a plain file there). The report goes to a scratch file
  # that is thrown away.
  local scratch
  scratch=$(mktemp)
  summary=$(gcovr "${args[@]}" --print-summary -o "$scratch" \
    --fail-under-line "$min_lines" --fail-under-branch "$min_branches" 2>&1) || rc=$?
  rm -f "$scratch"
  echo "$summary" | sed "s#^\(lines\|branches\|functions\): #coverage $dir/ \1: #"
  if [ "$rc" -eq 0 ]; then
    echo "coverage $dir/: ok (minimum $min_lines% of lines, $min_branches% of branches)"
    passed=$((passed + 1))
  else
    gcovr "${args[@]}" || true
    gcovr "${args[@]}" --branches || true
    echo "coverage $dir/: FAILED (minimum $min_lines% of lines, $min_branches% of branches)"
    failed=$((failed + 1))
  fi
}

stage "build (gcc)"
prefix="$root/build-ci/prefix"
# The binding is installed for, and tested with, Debian's python3 when there
# is one (it has the python3-* packages of scripts/deps.sh), whatever
# python3 comes first on PATH; check-install.sh checks where it went.
python3_option=()
[ -x /usr/bin/python3 ] && python3_option=(-Dpython3=/usr/bin/python3)
CC=gcc fresh_setup build-ci --prefix "$prefix" -Dbench=true "${python3_option[@]}"
# Every suite, the Dask cohort test (suite cohort, 10,000 intakes on two
# workers) included: it runs in this pass only.
run_meson_test "tests (gcc)" build-ci

if command -v valgrind >/dev/null; then
  run_meson_test "tests under valgrind" build-ci --setup=valgrind
fi

# Coverage (doc/coverage.md). Its own build: the gcc build above stays
# uninstrumented, for valgrind (which runs a coverage build about a third
# slower), for the no-globals check (instrumentation adds writable data) and
# for the installed library.
stage "build (gcc, coverage)"
if ! command -v gcovr >/dev/null; then
  echo "coverage: FAILED (gcovr is not installed: bash scripts/deps.sh)"
  failed=$((failed + 1))
else
  CC=gcc fresh_setup build-cov -Db_coverage=true
  # Count what the tests run, not the build: the build runs the snapshot
  # tool (lib/data/snapshot-tool.c) over the library's model loader.
  find build-cov -name '*.gcda' -delete
  # Every suite but cohort, as in the gcc pass, with two samples smaller
  # (the counters make these tests 3 to 5 times slower; the gcc pass has
  # just run them whole): the plan properties on 10,000 intakes from seed
  # 100001, past the gcc pass's seeds 1 to 100,000, so this pass checks
  # intakes no other pass does; the reach test on one intake in 3 (the
  # valgrind pass: one in 16). The out-of-memory sweeps stay whole: they
  # are how most MFR_E_NOMEM returns are reached (doc/coverage.md).
  MFR_PROPERTY_COUNT=10000 MFR_PROPERTY_SEED=100001 MFR_REACH_STRIDE=3 \
    run_meson_test "tests (gcc, coverage)" build-cov --no-suite cohort
  # Not the library: the test-only fault hook (never installed) and the
  # build-time snapshot tool. The default model's generated C is in the
  # build directory, outside lib/.
  coverage_check lib 95 85 --exclude "lib/alloc-faults\.c" --exclude "lib/data/"
  coverage_check tools 85 0
fi

stage "build (clang, ASan + UBSan)"
CC=clang fresh_setup build-asan -Db_sanitize=address,undefined -Db_lundef=false
# The Python binding cannot load an ASan library into an uninstrumented
# interpreter; it runs in the gcc and valgrind passes instead. Two samples
# smaller, as in the coverage pass (the gcc pass has run them whole): the
# plan properties on 25,000 intakes from seed 200001, past the gcc and
# coverage passes' seeds, and the reach test on one intake in 2. The
# out-of-memory sweeps stay whole.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  MFR_PROPERTY_COUNT=25000 MFR_PROPERTY_SEED=200001 MFR_REACH_STRIDE=2 \
  run_meson_test "tests (ASan + UBSan)" build-asan --no-suite python

stage "build (clang, ThreadSanitizer)"
# Only what the tests below run is compiled: the other test programs
# (the sweeps) would take a minute of the two cores to build for nothing.
rm -rf build-tsan
CC=clang meson setup build-tsan -Dwerror=true -Db_sanitize=thread -Db_lundef=false >/dev/null
meson compile -C build-tsan lib/mfr:shared_library tools/mfr:executable \
  bindings/python/mfr-tsan-canary test-threads test-model test-names test-default-model \
  test-intake test-trace test-safety test-cases test-vignettes \
  walk-lines trace-case plan-session >/dev/null
# No suppressions: a race in the library fails the run (exit 66).
TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
  run_meson_test "tests (TSan)" build-tsan --no-rebuild \
  threads batch-jobs model names default-model intake trace safety cases vignettes \
  example-trace-case example-walk-lines example-plan-session python-tsan

# The libFuzzer targets (fuzz/, doc/fuzzing.md) build, and each runs its
# corpus once through libFuzzer (-runs=0), where clang has the runtime.
if echo 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }' |
    clang -x c -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then
  stage "fuzz targets (clang, libFuzzer)"
  # In the ASan build, turned on now: the targets link their own copy of
  # the library, built with ASan and UBSan as they always are, so only
  # they compile here, not a third clang tree. A build that fails is
  # counted and reported, not a silent stop of the whole run (set -e does
  # not apply inside the condition).
  if ! { meson configure build-asan -Dfuzzing=true >/dev/null &&
         meson compile -C build-asan >/dev/null; }; then
    echo "fuzz build: FAILED (meson configure build-asan -Dfuzzing=true; meson compile -C build-asan)"
    failed=$((failed + 1))
  fi
  for t in model intake batch cli mutate; do
    if build-asan/fuzz/fuzz-$t -runs=0 -close_fd_mask=3 "fuzz/corpus/$t" >/dev/null 2>&1; then
      echo "fuzz-$t: ok"
      passed=$((passed + 1))
    else
      echo "fuzz-$t: FAILED (build-asan/fuzz/fuzz-$t -runs=0 fuzz/corpus/$t)"
      failed=$((failed + 1))
    fi
  done
fi

run_check "ABI (abidiff against abi/)" bash scripts/abi-check.sh build-ci
run_check "API reference (Doxygen, no warnings)" meson compile -C build-ci doc

run_check "aarch64 cross build, tests under qemu-user" bash scripts/cross-check.sh build-ci/tools/mfr

stage "install and build an example through pkg-config"
meson install -C build-ci >/dev/null
pcdir=$(dirname "$(find "$prefix" -name libmfr.pc | head -n1)")
libdir=$(PKG_CONFIG_PATH=$pcdir pkg-config --variable=libdir libmfr)
tmp=$(mktemp -d)
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Werror examples/walk-lines.c \
  $(PKG_CONFIG_PATH=$pcdir pkg-config --cflags --libs libmfr) -o "$tmp/walk-lines"
if LD_LIBRARY_PATH=$libdir "$tmp/walk-lines" >"$tmp/out" && grep -q "Superficial Back Line" "$tmp/out"; then
  echo "installed example: ok"
  passed=$((passed + 1))
else
  echo "installed example: FAILED"
  failed=$((failed + 1))
fi
rm -rf "$tmp"
run_check "installed files" bash scripts/check-install.sh "$prefix"

end_stage
echo
echo "== time per stage"
printf '%s' "$stage_times"
echo "   total: $((SECONDS / 60))m$(printf '%02d' $((SECONDS % 60)))s"
echo
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
