#!/usr/bin/env bash
# Install what building and testing libmfr needs on Debian 12 (idempotent);
# --bench adds the optional benchmark comparisons (below).
# Run as root, or as a user with sudo.
set -euo pipefail

packages=(
  gcc clang libclang-rt-14-dev   # compilers; clang's runtime for ASan, UBSan and TSan
  meson ninja-build pkgconf      # build
  libjansson-dev                 # the library's one dependency (JSON)
  check                          # unit tests
  valgrind python3 binutils      # memcheck runs, the ctypes binding, nm
  python3-pandas                 # the batch CSV read as a researcher would (tests/check-batch-csv.py)
  r-base-core                    # ... and read by R's read.csv too
  python3-matplotlib             # the cohort report's plots (tools/cohort-report.py, tests/check-cohort-report.py)
  python3-setuptools python3-wheel python3-pip python3-venv  # the binding's pip install into a venv, offline (bindings/python/test_package.py)
  python3-mypy                   # mypy --strict over the binding (test_package.py)
  python3-dask python3-distributed  # the Dask cohort workflow and its LocalCluster test (bindings/python/libmfr/cohort.py, test_cohort.py)
  python3-jsonschema             # the FHIR Bundles checked against the R4 schema
  gcovr                          # the coverage figures of scripts/test-all.sh
  doxygen abigail-tools groff-base  # API reference, ABI check (abidiff), man-page check
  chromium poppler-utils         # the client handout rendered to PNG and PDF, and read back
)
# The aarch64 cross build of scripts/cross-check.sh (doc/cross-build.md): the
# cross compiler, qemu-user to run its programs, and the library's and the
# tests' dependencies for arm64, from Debian's multiarch archive.
cross_arch=arm64
packages+=(
  gcc-aarch64-linux-gnu libc6-dev-arm64-cross binutils-aarch64-linux-gnu qemu-user
  "libjansson-dev:$cross_arch" "check:$cross_arch"
)

# Optional, not for CI: `bash scripts/deps.sh --bench` also installs what the
# side-by-side benchmark compares libmfr with (bench/bench-all.py,
# doc/performance.md "Side by side"): igraph's C library and networkx. The
# benchmarks build and run without them (they are skipped), so CI, which
# runs this script without --bench, does not install them.
if [ "${1:-}" = "--bench" ]; then
  packages+=(libigraph-dev python3-networkx)
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Before the update, so that it fetches arm64's package lists too.
if ! dpkg --print-foreign-architectures | grep -qx "$cross_arch"; then
  $sudo dpkg --add-architecture "$cross_arch"
fi
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "deps: done"
