#!/bin/bash
# libmfr: passing an mfr_onset_t where an mfr_side_t is expected (and the
# reverse) fails to compile with the project's warning flags and -Werror,
# while the same call with the arguments in order compiles.
#
# Usage: check-enum-swap.sh SOURCE_ROOT BUILD_ROOT CC [CC ARGS...]
# SPDX-License-Identifier: MIT
set -euo pipefail

src=${1:?usage: check-enum-swap.sh SOURCE_ROOT BUILD_ROOT CC...}
build=${2:?usage: check-enum-swap.sh SOURCE_ROOT BUILD_ROOT CC...}
shift 2
[ $# -gt 0 ] || { echo "no compiler given" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
flags=(-std=c11 -Wall -Wextra -Wpedantic -Werror -I"$src/include" -I"$build/include"
	-c "$src/tests/enum-swap.c")

if ! "$@" "${flags[@]}" -o "$tmp/good.o" 2>"$tmp/good.err"; then
	echo "FAIL: the call with its arguments in order does not compile:" >&2
	cat "$tmp/good.err" >&2
	exit 1
fi
if "$@" "${flags[@]}" -DMFR_TEST_SWAPPED -o "$tmp/bad.o" 2>"$tmp/bad.err"; then
	echo "FAIL: a side and an onset swapped compile without a diagnostic" >&2
	exit 1
fi
if ! grep -q 'enum-conversion' "$tmp/bad.err"; then
	echo "FAIL: the swapped call fails, but not for the enumeration types:" >&2
	cat "$tmp/bad.err" >&2
	exit 1
fi
echo "ok: swapped side and onset arguments are rejected ($(grep -c 'enum-conversion' "$tmp/bad.err") diagnostics)"
