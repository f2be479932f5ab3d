#!/usr/bin/env bash
# Compare the ABI of the library this tree builds with the committed
# baseline of its SONAME, abi/<SONAME>.abi (doc/abi.md), with abidiff
# (Debian abigail-tools). Fails when:
#   - no baseline exists for the library's SONAME (a new ABI generation:
#     create it with scripts/abi-baseline.sh and commit it);
#   - abidiff finds an incompatible change (exit status bit 8: a function
#     or variable removed, or a symbol's version changed);
#   - abidiff finds any other change to what the baseline holds (bit 4 with
#     added symbols left out): a changed parameter, return or public type.
# Added functions (a new version node) and enumerators added at the end are
# compatible, and pass.
#
# Usage: scripts/abi-check.sh [BUILD_DIR]
#   BUILD_DIR  take BUILD_DIR/lib/libmfr.so (a gcc build with debug
#              information; scripts/test-all.sh passes build-ci) instead of
#              building the library afresh in build-abi/
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/abi-lib.sh
abi_library abi-check abidiff "${1:-}"
baseline=abi/$soname.abi

if [ ! -f "$baseline" ]; then
  cat >&2 <<EOF
abi-check: no ABI baseline for $soname ($baseline).
  A new SONAME starts a new ABI generation (doc/abi.md). Record its ABI and
  commit it with the change that bumped the SONAME:
    bash scripts/abi-baseline.sh && git add $baseline
EOF
  exit 1
fi

report=$(mktemp)
trap 'rm -f "$report"' EXIT
rc=0
# As scripts/abi-baseline.sh: the types of the public headers and of the
# system headers they use (a uint32_t parameter that becomes uint64_t is a
# change); the structures behind the opaque handles are private.
abidiff --no-added-syms --headers-dir2 include/mfr --headers-dir2 /usr/include \
  --drop-private-types "$baseline" "$lib" >"$report" 2>&1 || rc=$?

if [ "$rc" -eq 0 ]; then
  echo "abi-check: $(basename "$lib") keeps the ABI of $baseline" \
    "($(grep -c '<elf-symbol ' "$baseline") symbols; additions are compatible)"
  exit 0
fi
cat "$report"
if [ $((rc & 3)) -ne 0 ]; then
  echo "abi-check: abidiff could not compare $baseline with $lib (exit status $rc)" >&2
elif [ $((rc & 8)) -ne 0 ]; then
  echo "abi-check: an incompatible ABI change without a new SONAME (abidiff exit status $rc)." >&2
else
  echo "abi-check: the ABI of $baseline changed (abidiff exit status $rc): a changed" \
    "function or public type is incompatible for libmfr (doc/abi.md)." >&2
fi
cat >&2 <<EOF
  Keep the old interface (add a new function instead), or make the break an ABI
  generation of its own: bump abi_soversion in lib/meson.build, note it in NEWS,
  and run scripts/abi-baseline.sh for the new SONAME (doc/abi.md).
EOF
exit 1
