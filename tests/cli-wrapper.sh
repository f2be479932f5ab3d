# libmfr tests: sourced by the CLI test scripts (test-cli.sh, test-cli-oom.sh).
# With MFR_TEST_WRAPPER set (one word per line: the valgrind test setup sets
# it, tests/valgrind-wrapper.sh), $mfr becomes a script in $tmp that runs the
# tool under that command, and wrap_mfr returns 0; otherwise it returns 1.
# Needs $mfr and $tmp set.
wrap_mfr() {
  [ -n "${MFR_TEST_WRAPPER:-}" ] || return 1
  local wrapper prog=$mfr
  mapfile -t wrapper <<<"$MFR_TEST_WRAPPER"
  # The tool by its absolute path: a check may run the wrapper from
  # another directory (the doc examples run from the source tree).
  case $prog in /*) ;; *) prog=$PWD/$prog ;; esac
  {
    printf '#!/usr/bin/env bash\nexec'
    printf ' %q' "${wrapper[@]}" "$prog"
    printf ' "$@"\n'
  } >"$tmp/mfr"
  chmod +x "$tmp/mfr"
  mfr=$tmp/mfr
}
