# libmfr tests: what the command-line tests share (sourced by test-cli.sh
# and test-batch-jobs.sh, which set mfr to the program and tmp to a scratch
# directory first).
#
# MFR_TEST_WRAPPER, when set, is a command (one word per line) to run every
# mfr under: the valgrind test setup sets it (tests/valgrind-wrapper.sh), so
# that memory errors and leaks in the tool fail the checks (valgrind's exit
# status 3 is never the one a check expects). mfr then names a script that
# runs the program under it.
# shellcheck shell=bash
if [ -n "${MFR_TEST_WRAPPER:-}" ]; then
  mapfile -t wrapper <<<"$MFR_TEST_WRAPPER"
  {
    printf '#!/usr/bin/env bash\nexec'
    printf ' %q' "${wrapper[@]}" "$mfr"
    printf ' "$@"\n'
  } >"$tmp/mfr"
  chmod +x "$tmp/mfr"
  mfr=$tmp/mfr
fi
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
