#!/usr/bin/env bash
# Write the ABI baseline of the library this tree builds: abi/<SONAME>.abi
# (abi/libmfr.so.0.abi, ...), the description of its ABI that abidw
# (Debian abigail-tools) reads from the library's debug information,
# limited to the types of the public headers. scripts/abi-check.sh compares
# a build against the baseline of its SONAME (doc/abi.md).
#
# Usage: scripts/abi-baseline.sh [--build DIR] [--force]
#   --build DIR  take DIR/lib/libmfr.so (a gcc build with debug information,
#                such as meson's default debugoptimized) instead of building
#                the library afresh in build-abi/
#   --force      replace a baseline that exists already: only at a release,
#                to record what it added (doc/abi.md); never to make
#                scripts/abi-check.sh pass
#
# Run it once after a change that bumps the SONAME (lib/meson.build's
# abi_soversion), and commit the new abi/libmfr.so.N.abi with that change.
set -euo pipefail
cd "$(dirname "$0")/.."

build=""
force=0
while [ $# -gt 0 ]; do
  case $1 in
  --build) build=${2:?--build needs a directory}; shift 2 ;;
  --force) force=1; shift ;;
  *) echo "usage: scripts/abi-baseline.sh [--build DIR] [--force]" >&2; exit 2 ;;
  esac
done

. scripts/abi-lib.sh
abi_library abi-baseline abidw "$build"
out=abi/$soname.abi

if [ -e "$out" ] && [ "$force" -eq 0 ]; then
  echo "abi-baseline: $out exists; it is replaced only at a release (--force, doc/abi.md)" >&2
  exit 1
fi
mkdir -p abi
# Only the types of the public headers and of the system headers they use
# (uint32_t): the library's own structures behind the opaque handles are
# private, free to change. No build paths in the file.
abidw --headers-dir include/mfr --headers-dir /usr/include --drop-private-types \
  --no-corpus-path --no-comp-dir-path --short-locs --out-file "$out" "$lib"
echo "abi-baseline: wrote $out from $(basename "$lib") ($(grep -c '<elf-symbol ' "$out") symbols): commit it"
