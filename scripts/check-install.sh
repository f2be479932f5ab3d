#!/usr/bin/env bash
# Check what 'meson install' put under PREFIX (doc/install.md):
#   - the mfr(1) man page, with the project version filled in, formatting
#     without a warning;
#   - every document of doc/ and README.md, NEWS, COPYING under
#     share/doc/libmfr, and every C example under share/doc/libmfr/examples,
#     each identical to the tree's; the installed examples build through
#     pkg-config against the installed library and run;
#   - no RPATH or RUNPATH in the installed library or mfr;
#   - the installed library exports only mfr_* functions and its version
#     nodes (nm -D): no fault-injection hook, no data; and it holds no
#     writable globals of its own and no thread-local storage (the
#     per-thread fault-injection state lives only in the tests' library).
# Usage: scripts/check-install.sh PREFIX   (from scripts/test-all.sh)
# Exit 0 when all hold; otherwise each failure is printed and exit 1.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:?usage: scripts/check-install.sh PREFIX}
status=0
fail() {
  echo "check-install: $*" >&2
  status=1
}

pc=$(find "$prefix" -name libmfr.pc | head -n1)
[ -n "$pc" ] || { echo "check-install: no libmfr.pc under $prefix" >&2; exit 1; }
PKG_CONFIG_PATH=$(dirname "$pc")
export PKG_CONFIG_PATH
# The library beside its libmfr.pc (LIBDIR/pkgconfig/libmfr.pc).
libdir=$(dirname "$(dirname "$pc")")
version=$(pkg-config --modversion libmfr)
datadir=$prefix/share
docdir=$datadir/doc/libmfr

# The man page.
man=$datadir/man/man1/mfr.1
if [ ! -f "$man" ]; then
  fail "no man page: $man"
else
  grep -q "^\.TH MFR 1 .*\"libmfr $version\"" "$man" || fail "$man: its .TH line does not name libmfr $version"
  ! grep -q '@[A-Z_]*@' "$man" || fail "$man: a placeholder is left: $(grep -o '@[A-Z_]*@' "$man" | head -n1)"
  if command -v groff >/dev/null; then
    warnings=$(groff -man -ww -z "$man" 2>&1) || true
    [ -z "$warnings" ] || fail "$man: groff warns: $warnings"
  fi
fi

# The documents and the examples, as in the tree.
for f in doc/*.md README.md NEWS COPYING; do
  cmp -s "$f" "$docdir/$(basename "$f")" ||
    fail "$docdir/$(basename "$f") is missing or differs from $f (list it in doc/meson.build)"
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in examples/*.c; do
  name=$(basename "$f" .c)
  installed=$docdir/examples/$name.c
  if ! cmp -s "$f" "$installed"; then
    fail "$installed is missing or differs from $f (list it in doc/meson.build)"
    continue
  fi
  # shellcheck disable=SC2046
  if ! cc -std=c11 -Wall -Wextra -Werror "$installed" $(pkg-config --cflags --libs libmfr) \
      -o "$tmp/$name" 2>"$tmp/cc.log"; then
    fail "the installed example $name.c does not build: $(cat "$tmp/cc.log")"
  elif ! LD_LIBRARY_PATH=$libdir "$tmp/$name" >/dev/null 2>"$tmp/run.log"; then
    fail "the installed example $name.c fails: $(cat "$tmp/run.log")"
  fi
done

# No rpath: the installed files find libmfr through the loader's paths.
lib=$libdir/libmfr.so
for f in "$lib" "$prefix/bin/mfr"; do
  if [ ! -e "$f" ]; then
    fail "$f is not installed"
  elif readelf -d "$f" | grep -Eq '\((RPATH|RUNPATH)\)'; then
    fail "$f has an rpath: $(readelf -d "$f" | grep -E '\((RPATH|RUNPATH)\)')"
  fi
done

# The exports: mfr_* functions (T) and the version nodes (A), nothing else.
if [ -e "$lib" ]; then
  # "name@@MFR_0.1" → "name".
  exports=$(nm -D --defined-only "$lib" | sed 's/@.*//')
  others=$(echo "$exports" |
    awk '!(($2 == "T" && $3 ~ /^mfr_[a-z0-9][a-z0-9_]*$/) || ($2 == "A" && $3 ~ /^MFR_[0-9]+\.[0-9]+$/))' |
    head -n 20)
  [ -z "$others" ] || fail "$lib exports more than mfr_* functions and version nodes: $others"
  hooks=$(nm -D "$lib" | grep -E 'alloc_(fail|should)|alloc_faults|mfr__' || true)
  [ -z "$hooks" ] || fail "$lib exports a fault-injection symbol: $hooks"
  tls=$(size -A "$lib" | awk '$1 ~ /^\.(tdata|tbss)$/ { print $1 " " $2 }')
  [ -z "$tls" ] || fail "$lib has thread-local storage: $tls"
  NM=nm bash tests/check-data.sh "$lib" >/dev/null || fail "$lib holds writable globals (tests/check-data.sh)"
  echo "installed library: $(nm -D --defined-only "$lib" | grep -c ' T ') functions exported;" \
    "$(size -A "$lib" | awk '$1 ~ /^\.(data|bss)$/ { printf "%s %s bytes; ", $1, $2 }')no TLS"
fi

[ "$status" -eq 0 ] && echo "check-install: man page, docs, examples, no rpath, exports: ok"
exit "$status"
