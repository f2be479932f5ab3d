#!/usr/bin/env bash
# libmfr: build the HTML API reference; fail on any Doxygen warning.
#
# Usage: reference.sh DOXYGEN SOURCE_ROOT OUTPUT_DIR VERSION_H VERSION
#
# The meson target 'doc' runs this (doc/meson.build: meson compile -C build
# doc). Doxygen reads doc/Doxyfile, then these settings: the public headers,
# the generated mfr/version.h (VERSION_H), the project VERSION, and as pages
# doc/guide.md (the main page) with the documents it links to. Those pages
# are copies in OUTPUT_DIR/pages whose links to a section (file.md#limits,
# #limits) point at the page instead: Doxygen 1.9 gives a Markdown heading
# no anchor such a link can name. Writes OUTPUT_DIR/html; the warnings go to
# OUTPUT_DIR/doxygen-warnings.log, which must stay empty.
# SPDX-License-Identifier: MIT
set -euo pipefail

doxygen=${1:?usage: reference.sh DOXYGEN SOURCE_ROOT OUTPUT_DIR VERSION_H VERSION}
src=${2:?}
out=${3:?}
version_h=$(cd "$(dirname "${4:?}")" && pwd)/$(basename "$4")
version=${5:?}

mkdir -p "$out"
out=$(cd "$out" && pwd)
pages=$out/pages
log=$out/doxygen-warnings.log
rm -rf "$out/html" "$pages" "$log"
mkdir -p "$pages"

# guide.md and the documents of doc/ it links to.
docs=(guide.md)
for f in $(grep -oE '\]\([A-Za-z0-9_.-]+\.md' "$src/doc/guide.md" | cut -c3- | sort -u); do
	[ -f "$src/doc/$f" ] && docs+=("$f")
done
inputs=()
for f in "${docs[@]}"; do
	sed -E -e "s/\]\(([A-Za-z0-9_.-]+\.md)#[A-Za-z0-9_-]+\)/](\1)/g" \
		-e "s/\]\(#[A-Za-z0-9_-]+\)/]($f)/g" "$src/doc/$f" >"$pages/$f"
	inputs+=("$pages/$f")
done

{
	cat "$src/doc/Doxyfile"
	echo "PROJECT_NUMBER = $version"
	echo "INPUT = $src/include/mfr $version_h ${inputs[*]}"
	echo "USE_MDFILE_AS_MAINPAGE = $pages/guide.md"
	echo "OUTPUT_DIRECTORY = $out"
	echo "STRIP_FROM_PATH = $src/include $(dirname "$(dirname "$version_h")") $pages"
	echo "WARN_LOGFILE = $log"
} | (cd "$src" && "$doxygen" -)

if [ -s "$log" ]; then
	echo "doxygen warned ($(grep -c 'warning:' "$log") warnings, $log):" >&2
	cat "$log" >&2
	exit 1
fi
echo "API reference: $out/html/index.html (no warnings)"
