#!/usr/bin/env bash
# libmfr: check that the mfr(1) man page and 'mfr --help' agree.
#
# Usage: check-man.sh MFR MAN_PAGE
#
# Every command of 'mfr --help' (its leading words: "model list", "batch
# trace|plan") and every option (--symptom, -h) must appear in MAN_PAGE,
# and every option MAN_PAGE names must be one 'mfr --help' lists: the page
# is written by hand (doc/mfr.1), so this is what keeps the two from
# drifting apart. When groff is installed, the page must also format
# without a warning (groff -ww). Beside the page rather than in tests/: it
# is the page's test (doc/meson.build registers it).
# SPDX-License-Identifier: MIT
set -euo pipefail

mfr=${1:?usage: check-man.sh MFR MAN_PAGE}
page=${2:?usage: check-man.sh MFR MAN_PAGE}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

"$mfr" --help >"$tmp/help"

# The page as plain words: no comment lines, no macro names, no font
# escapes or quotes, "\-" as "-", one space between words.
sed -e '/^\.\\"/d' -e 's/^\.[A-Za-z]*//' "$page" |
	sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/\\[%c&]//g' -e 's/"//g' |
	tr -s ' \t\n' ' ' >"$tmp/page"

# Options: --long, and -x standing alone.
options() {
	grep -oE -- '--[A-Za-z][A-Za-z0-9-]*' "$1" || true
	grep -oE -- '(^|[^A-Za-z0-9_-])-[A-Za-z]($|[^A-Za-z0-9_-])' "$1" |
		grep -oE -- '-[A-Za-z]' || true
}
options "$tmp/help" | sort -u >"$tmp/help-options"
options "$tmp/page" | sort -u >"$tmp/page-options"

# Commands: under "Commands:", the leading lower-case words of each entry
# (its first column, which ends at two spaces).
awk '/^Commands:/ { on = 1; next }
	on && /^$/ { exit }
	on && /^  [a-z]/ {
		sub(/^  /, ""); sub(/  .*/, "")
		n = split($0, w, " "); cmd = ""
		for (i = 1; i <= n && w[i] ~ /^[a-z|]+$/; i++)
			cmd = cmd (cmd == "" ? "" : " ") w[i]
		print cmd
	}' "$tmp/help" | sort -u >"$tmp/help-commands"

if [ ! -s "$tmp/help-commands" ] || [ ! -s "$tmp/help-options" ]; then
	echo "check-man.sh: found no commands or no options in '$mfr --help'" >&2
	exit 1
fi

while IFS= read -r cmd; do
	if ! grep -qF -- " $cmd " "$tmp/page"; then
		echo "$page: the command '$cmd' of 'mfr --help' is not described" >&2
		status=1
	fi
done <"$tmp/help-commands"

missing=$(comm -23 "$tmp/help-options" "$tmp/page-options")
if [ -n "$missing" ]; then
	echo "$page: options of 'mfr --help' the page does not describe:" $missing >&2
	status=1
fi
unknown=$(comm -13 "$tmp/help-options" "$tmp/page-options")
if [ -n "$unknown" ]; then
	echo "$page: options the page names that 'mfr --help' does not list:" $unknown >&2
	status=1
fi

if command -v groff >/dev/null; then
	if ! groff -man -ww -z "$page" 2>"$tmp/groff" || [ -s "$tmp/groff" ]; then
		echo "$page: groff -man -ww warns:" >&2
		sed 's/^/  /' "$tmp/groff" >&2
		status=1
	fi
fi

if [ "$status" -eq 0 ]; then
	echo "ok: $(wc -l <"$tmp/help-commands") commands and" \
		"$(wc -l <"$tmp/help-options") options of 'mfr --help' in $(basename "$page")"
fi
exit "$status"
