#!/usr/bin/env bash
# Print the symbols the public headers export (MFR_EXPORT declarations),
# sorted: the list lib/libmfr.map must hold. tests/check-exports.sh checks
# that the map, the headers and the built library agree.
set -euo pipefail
cd "$(dirname "$0")/.."
grep -h -A1 'MFR_EXPORT' include/mfr/*.h | tr '\n' ' ' | grep -o 'mfr_[a-z0-9_]*(' | tr -d '(' | sort -u
