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
#     per-thread fault-injection state lives only in the tests' library);
#   - the Python binding (doc/python.md): every file of
#     bindings/python/libmfr, identical, in the directory meson's python3
#     installs into (get_install_dir(), lib/python3/dist-packages for
#     Debian's); that directory, under /usr, is one Debian's python3 searches
#     (sys.path), so that a package built with --prefix=/usr is found
#     without PYTHONPATH; and the installed package imports from there,
#     loads the library installed with it by itself (the path meson
#     recorded in libmfr/_install.py: no LIBMFR_LIBRARY, no
#     LD_LIBRARY_PATH), and plans.
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

# The English message table, for a translator to copy (doc/messages.md),
# and the start of a Spanish one.
cmp -s lib/data/messages-en.json "$datadir/libmfr/messages-en.json" ||
  fail "$datadir/libmfr/messages-en.json is missing or differs from lib/data/messages-en.json"
cmp -s examples/messages-es.json "$docdir/examples/messages-es.json" ||
  fail "$docdir/examples/messages-es.json is missing or differs from examples/messages-es.json"

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

# The Python binding.
py_init=$(find "$prefix" -path '*/libmfr/__init__.py' | head -n1)
if [ -z "$py_init" ]; then
  fail "the Python binding is not installed: no libmfr/__init__.py under $prefix"
else
  pydir=$(dirname "$(dirname "$py_init")")
  rel=${pydir#"$prefix"/}
  for f in bindings/python/libmfr/*.py bindings/python/libmfr/py.typed; do
    cmp -s "$f" "$pydir/libmfr/$(basename "$f")" ||
      fail "$pydir/libmfr/$(basename "$f") is missing or differs from $f (bindings/python/meson.build)"
  done
  # Debian's python3 when there is one (scripts/deps.sh), else python3.
  debian_python=/usr/bin/python3
  [ -x "$debian_python" ] || debian_python=python3
  if ! "$debian_python" -c 'import sys; sys.exit(sys.argv[1] not in sys.path)' "/usr/$rel"; then
    fail "the binding went to $rel, which $debian_python does not search under /usr" \
      "(configure with -Dpython3=/usr/bin/python3: doc/python.md)"
  fi
  soname=$(readelf -d "$libdir/libmfr.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
  if ! out=$(cd "$prefix" && env -u LIBMFR_LIBRARY -u LD_LIBRARY_PATH PYTHONPATH="$pydir" \
      "$debian_python" -c 'import libmfr, sys
with libmfr.Model.default() as m:
    i = libmfr.Intake(m)
    i.add_symptom("heel", "left", 6)
    i.add_answer("unexplained_pain", "no")
    i.add_answer("deep_vein_thrombosis", "no")
    print(libmfr.__file__, libmfr.library_path(), libmfr.version(),
          libmfr.plan_many([i])[0].status)' 2>&1); then
    fail "the installed binding does not run: $out"
  elif [ "$out" != "$pydir/libmfr/__init__.py $libdir/$soname $version ok" ]; then
    fail "the installed binding: $out (wanted $pydir/libmfr/__init__.py $libdir/$soname $version ok)"
  else
    echo "installed Python binding: $rel/libmfr, found by $debian_python under /usr"
  fi
fi

[ "$status" -eq 0 ] && echo "check-install: man page, docs, examples, no rpath, exports, Python binding: ok"
exit "$status"
