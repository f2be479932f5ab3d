#!/bin/bash
# libmfr: check that the shared library holds no writable globals of its own.
#
# Usage: check-data.sh LIBMFR.so
#
# The library promises no global mutable state (include/mfr/common.h): any
# number of threads may use it, and no test hook ships in it (the fault
# injection lives only in the tests' internal library, lib/meson.build).
# So no object of ours may live in a writable data section (.data, .bss,
# thread-local .tdata/.tbss); tables of pointers belong in .data.rel.ro,
# which is read-only once relocated, so they must be declared const. Only
# the C runtime's own objects are allowed: crtstuff's, and on aarch64
# libgcc's __aarch64_have_lse_atomics (set once at load, it picks the atomic
# instructions of jansson's inline reference counting).
# Skipped (77) for sanitizer and coverage builds, whose instrumentation adds
# writable objects of its own.
# SPDX-License-Identifier: MIT
set -euo pipefail

lib=${1:?usage: check-data.sh LIBMFR.so}
NM=${NM:-nm}

# "name|value|class|type|size|line|section", one symbol a line (SysV format).
found=$("$NM" -f sysv --defined-only "$lib" | tr -d ' ' |
	awk -F'|' '($4 == "OBJECT" || $4 == "TLS") &&
		$7 ~ /^\.(data|bss|tdata|tbss)(\..*)?$/ && $7 !~ /^\.data\.rel\.ro/ {
			print $1 " (" $7 ")" }' |
	grep -Ev '^(completed\.[0-9]+|__dso_handle|__TMC_END__|__aarch64_have_lse_atomics) ' ||
	true)
if [ -n "$found" ]; then
	echo "writable globals in $lib (make them const, or keep them out of the release library):" >&2
	echo "$found" | sed 's/^/  /' >&2
	exit 1
fi
echo "ok: no writable globals in $(basename "$lib")"
