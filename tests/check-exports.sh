#!/bin/bash
# libmfr: check that the shared library exports exactly the public API.
#
# Usage: check-exports.sh LIBMFR.so SOURCE_ROOT
#
# The dynamic symbol table must define only mfr_* symbols, each carrying a
# version node (MFR_<major>.<minor>), plus the version nodes themselves; the
# exported set must equal the symbols listed in lib/libmfr.map, which must
# equal the MFR_EXPORT declarations in include/mfr/*.h. Each node of the map
# must be in alphabetical order and list no symbol twice.
# SPDX-License-Identifier: MIT
set -euo pipefail

lib=${1:?usage: check-exports.sh LIBMFR.so SOURCE_ROOT}
src=${2:?usage: check-exports.sh LIBMFR.so SOURCE_ROOT}
map=$src/lib/libmfr.map
NM=${NM:-nm}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

fail() {
	echo "$1" >&2
	if [ -n "${2:-}" ] && [ -s "$2" ]; then
		sed 's/^/  /' "$2" >&2
	fi
	status=1
}

# Defined dynamic symbols with their versions ("mfr_x@@MFR_0.1").
"$NM" -D --defined-only "$lib" | awk '{ print $NF }' | sort -u >"$tmp/raw"
sed 's/@.*//' "$tmp/raw" | sort -u >"$tmp/all"
grep -Ev '^(mfr_[a-z0-9_]+|MFR_[0-9]+\.[0-9]+)$' "$tmp/all" >"$tmp/stray" || true
[ -s "$tmp/stray" ] && fail "exported symbols outside the mfr_ namespace:" "$tmp/stray"
grep -Eq '^MFR_[0-9]+\.[0-9]+$' "$tmp/all" || fail "no version node (MFR_x.y) in $lib"
grep -E '^mfr_' "$tmp/raw" | grep -Ev '@@?MFR_[0-9]+\.[0-9]+$' >"$tmp/unversioned" || true
[ -s "$tmp/unversioned" ] && fail "exports without a version node:" "$tmp/unversioned"
grep '^mfr_' "$tmp/all" >"$tmp/lib" || true
[ -s "$tmp/lib" ] || fail "no mfr_ symbols exported at all"

# The map: every symbol of every node; each node sorted.
sed 's|/\*.*\*/||; s|^[[:space:]]*\*.*||' "$map" |
	awk '/\{/ { node++ } match($0, /^[[:space:]]*mfr_[a-z0-9_]*;/) {
		s = substr($0, RSTART, RLENGTH); gsub(/[[:space:];]/, "", s); print node, s }' \
	>"$tmp/map.nodes"
awk '$1 == prev && $2 < last { print $2 " (after " last ")" } { prev = $1; last = $2 }' \
	"$tmp/map.nodes" >"$tmp/unsorted"
[ -s "$tmp/unsorted" ] && fail "lib/libmfr.map is not in alphabetical order:" "$tmp/unsorted"
awk '{ print $2 }' "$tmp/map.nodes" | sort >"$tmp/map.all"
uniq -d "$tmp/map.all" >"$tmp/twice"
[ -s "$tmp/twice" ] && fail "lib/libmfr.map lists a symbol twice:" "$tmp/twice"
sort -u "$tmp/map.all" >"$tmp/map"

# The headers: the function name declared after each MFR_EXPORT (a
# declaration may span lines; the name is the identifier before '(').
cat "$src"/include/mfr/*.h | grep -v '^[[:space:]]*#' | tr '\n' ' ' |
	grep -o 'MFR_EXPORT[^;(]*(' | grep -o 'mfr_[a-z0-9_]*[[:space:]]*($' |
	tr -d ' \t(' | sort -u >"$tmp/headers"

compare() {
	if ! diff -u "$tmp/$1" "$tmp/$2" >"$tmp/diff"; then
		grep '^[-+]mfr_' "$tmp/diff" >"$tmp/diff.lines" || true
		fail "$3 differ ('-' only in $1, '+' only in $2):" "$tmp/diff.lines"
	fi
}
compare lib map "the library's exports and lib/libmfr.map"
compare map headers "lib/libmfr.map and the MFR_EXPORT declarations in include/mfr"

[ $status -eq 0 ] && echo "ok: $(wc -l <"$tmp/lib") symbols exported; map and headers agree"
exit $status
