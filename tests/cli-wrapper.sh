# libmfr tests: sourced by the CLI test scripts (test-cli.sh, test-cli-oom.sh,
# test-batch-jobs.sh), for $mfr under a wrapper and python3 without a shim.
# With MFR_TEST_WRAPPER set (one word per line: the valgrind test setup sets
# it, tests/valgrind-wrapper.sh), $mfr becomes a script in $tmp that runs the
# tool under that command, and wrap_mfr returns 0; otherwise it returns 1.
# wrap_mfr STRIDE runs one run in STRIDE under it (the first, then every
# STRIDE-th, counted in $tmp/mfr-runs) and the others as they are, so that a
# long script checks a fixed sample under valgrind and every run's result.
# Needs $mfr and $tmp set.
wrap_mfr() {
  [ -n "${MFR_TEST_WRAPPER:-}" ] || return 1
  local wrapper prog=$mfr stride=${1:-1}
  mapfile -t wrapper <<<"$MFR_TEST_WRAPPER"
  # The tool by its absolute path: a check may run the wrapper from
  # another directory (the doc examples run from the source tree).
  case $prog in /*) ;; *) prog=$PWD/$prog ;; esac
  {
    printf '#!/usr/bin/env bash\n'
    if [ "$stride" -gt 1 ]; then
      printf 'n=$(( $(cat %q 2>/dev/null || echo 0) + 1 ))\n' "$tmp/mfr-runs"
      printf 'echo "$n" >%q\n' "$tmp/mfr-runs"
      printf '[ $(( (n - 1) %% %d )) -eq 0 ] || exec %q "$@"\n' "$stride" "$prog"
    fi
    printf 'exec'
    printf ' %q' "${wrapper[@]}" "$prog"
    printf ' "$@"\n'
  } >"$tmp/mfr"
  chmod +x "$tmp/mfr"
  mfr=$tmp/mfr
}

# python3 as a function over the interpreter itself, resolved once: the
# scripts run python3 dozens of times, and a version manager's shim on PATH
# (pyenv's is a shell script) costs a quarter of a second a run.
if _py=$(command -v python3) && _py=$("$_py" -c 'import sys; print(sys.executable)' 2>/dev/null) && [ -x "$_py" ]; then
  python3() { "$_py" "$@"; }
fi
