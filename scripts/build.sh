#!/usr/bin/env bash
# Configure (once) and build libmfr, its CLI and examples into ./build.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/build.ninja ]; then
  meson setup build
fi
meson compile -C build
