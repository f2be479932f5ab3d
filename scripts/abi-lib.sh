# Shared by scripts/abi-check.sh and scripts/abi-baseline.sh (sourced, not
# run): abi_library NAME TOOL BUILD checks that TOOL and readelf are
# installed, builds the library afresh in build-abi/ when BUILD is empty
# (a gcc build with debug information, without the tests), and sets `lib`
# (the library's real path) and `soname`. NAME prefixes its messages.
abi_library() {
  local name=$1 tool=$2 build=$3 t
  for t in "$tool" readelf; do
    command -v "$t" >/dev/null || { echo "$name: $t is missing: bash scripts/deps.sh" >&2; exit 1; }
  done
  if [ -z "$build" ]; then
    build=build-abi
    rm -rf "$build"
    CC=gcc meson setup "$build" -Dtests=false >/dev/null
    meson compile -C "$build" lib/mfr >/dev/null
  fi
  lib=$(readlink -f "$build/lib/libmfr.so")
  soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
  [ -n "$soname" ] || { echo "$name: $lib has no SONAME" >&2; exit 1; }
}
