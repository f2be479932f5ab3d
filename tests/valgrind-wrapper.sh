#!/usr/bin/env bash
# libmfr tests: the exe_wrapper of the valgrind test setup (tests/meson.build).
# Usage: valgrind-wrapper.sh VALGRIND [OPTIONS...] -- PROGRAM [ARGS...]
#
# A program runs under VALGRIND with OPTIONS, as an exe_wrapper would run it.
# A shell-script test (bash PROGRAM: the CLI test) would only have bash
# checked that way; it runs as is instead, with the valgrind command in
# MFR_TEST_WRAPPER (one word per line), under which it runs every mfr.
set -eu
wrapper=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  wrapper+=("$1")
  shift
done
[ $# -gt 0 ] || { echo "valgrind-wrapper.sh: no '--' before the program" >&2; exit 2; }
shift
case "$(basename "$1")" in
bash | sh)
  MFR_TEST_WRAPPER=$(printf '%s\n' "${wrapper[@]}")
  export MFR_TEST_WRAPPER
  exec "$@"
  ;;
*)
  exec "${wrapper[@]}" "$@"
  ;;
esac
