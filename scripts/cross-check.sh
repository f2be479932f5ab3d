#!/usr/bin/env bash
# The aarch64 cross build (doc/cross-build.md), a stage of scripts/test-all.sh:
#   1. a cross build configures with no exe_wrapper at all: nothing built for
#      aarch64 runs while building (the default model is C source written by
#      a native tool, lib/snapshot.h);
#   2. build-cross (cross/aarch64-linux-gnu.ini, qemu-user as exe_wrapper):
#      the library, the mfr tool, the examples and the test programs below;
#   3. those tests under qemu-user: every generated model against the model
#      loaded from its file (model), the default model, names, trace, worked
#      cases, safety, vignettes, the examples, and the header, export and
#      no-globals checks of the aarch64 library;
#   4. the cross-built mfr under qemu-user writes, byte for byte, what the
#      native mfr writes: plans, traces, a program, batches of 150 intakes and
#      the model export.
# The slow sweeps (out-of-memory, invalid models, properties, JSON identity)
# stay with the native stages: under qemu they take over 20 minutes.
#
# Usage: scripts/cross-check.sh [NATIVE-MFR]
#   NATIVE-MFR: a native build's tools/mfr (test-all.sh passes build-ci's);
#   without it one is built in build-cross-native.
# Needs the packages of scripts/deps.sh. Ends with "cross: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
cross_file=cross/aarch64-linux-gnu.ini
jobs=$(nproc 2>/dev/null || echo 2)
passed=0
failed=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

pass() {
  echo "cross $1: ok"
  passed=$((passed + 1))
}
fail() {
  echo "cross $1: FAILED"
  failed=$((failed + 1))
}

native=${1:-}
if [ -z "$native" ]; then
  echo "== native mfr (build-cross-native)"
  [ -f build-cross-native/build.ninja ] || meson setup build-cross-native -Dtests=false >/dev/null
  meson compile -C build-cross-native tools/mfr:executable >/dev/null
  native=build-cross-native/tools/mfr
fi

echo "== cross build (aarch64): configure without an exe_wrapper"
grep -v '^exe_wrapper' "$cross_file" >"$scratch/no-wrapper.ini"
if meson setup "$scratch/build" --cross-file "$scratch/no-wrapper.ini" >"$scratch/log" 2>&1; then
  pass "configure without an exe_wrapper"
else
  tail -n 5 "$scratch/log"
  fail "configure without an exe_wrapper"
fi

echo "== cross build (aarch64): build-cross"
rm -rf build-cross
meson setup build-cross --cross-file "$cross_file" >/dev/null
tests=(model default-model names trace cases safety vignettes
  example-walk-lines example-trace-case example-plan-session header-c99 exports no-globals)
targets=(lib/mfr:shared_library tools/mfr:executable walk-lines trace-case plan-session
  test-model test-default-model test-names test-trace test-cases test-safety test-vignettes
  test-header-c99)
if ! meson compile -C build-cross "${targets[@]}" >"$scratch/log" 2>&1; then
  grep -E -A5 'FAILED|error' "$scratch/log" | head -n 40
  fail "build"
  echo "cross: $passed passed, $failed failed"
  exit 1
fi
if readelf -h build-cross/lib/libmfr.so | grep -q 'Machine: *AArch64'; then
  pass "the library is aarch64"
else
  fail "the library is aarch64"
fi

echo "== cross build (aarch64): tests under qemu-user"
# Check's own time limits (seconds per test) are for native speed.
rc=0
CK_TIMEOUT_MULTIPLIER=10 meson test -C build-cross --no-rebuild --num-processes "$jobs" \
  --timeout-multiplier 3 --print-errorlogs "${tests[@]}" 2>&1 | tee "$scratch/log" || rc=$?
ok=$(awk '/^Ok:/ {print $2}' "$scratch/log" | tail -n1)
bad=$(awk '/^(Fail|Timeout|Unexpected Pass):/ {s += $NF} END {print s + 0}' "$scratch/log")
passed=$((passed + ${ok:-0}))
failed=$((failed + bad))
if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
  failed=$((failed + 1))
fi

echo "== cross build (aarch64): mfr under qemu-user against the native mfr"
commands=(
  "plan --symptom heel:left:6 --condition plantar_fasciitis --minutes 30"
  "--format json trace --symptom heel:left:6 --condition plantar_fasciitis"
  "--format json plan --symptom low_back:right:7 --precaution severe_osteoporosis"
  "--format json program --symptom heel:left:6 --sessions 6 --weeks 3"
  "model export"
  "batch plan"
  "batch trace"
)
# Standard output byte for byte; standard error too, but for the time a
# batch took (its summary line says it).
mask_time() { sed -E 's/, [0-9]+\.[0-9]+ s, /, T s, /' "$1"; }
for c in "${commands[@]}"; do
  # shellcheck disable=SC2086 # each command is its words
  "$native" $c <tests/data/intakes.jsonl >"$scratch/native" 2>"$scratch/native-err" || true
  # shellcheck disable=SC2086
  qemu-aarch64 build-cross/tools/mfr $c <tests/data/intakes.jsonl >"$scratch/cross" \
    2>"$scratch/cross-err" || true
  if [ -s "$scratch/native" ] && cmp -s "$scratch/native" "$scratch/cross" &&
     cmp -s <(mask_time "$scratch/native-err") <(mask_time "$scratch/cross-err"); then
    pass "mfr $c: same bytes"
  else
    diff "$scratch/native" "$scratch/cross" | head -n 10 || true
    fail "mfr $c: same bytes"
  fi
done

echo "cross: the stage took $SECONDS s"
echo "cross: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
