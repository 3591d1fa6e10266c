#!/bin/sh
# The engine's structure (see doc/architecture.md), checked by make test:
#  - every engine function is at most 150 lines long (header line to
#    closing brace, pgindent layout);
#  - the modules of the engine include each other without a cycle.  A
#    module is a header (dip_x.h); a .c file belongs to the module of the
#    header it includes first, and depends on every header it includes.
#    The umbrella dip.h is for the glue, the tests and tools only.
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top/src/engine" || exit 1
status=0
max=150

long=$(awk -v max=$max '
	FNR == 1 { name = ""; inbody = 0 }
	/^[A-Za-z_][A-Za-z0-9_]*\(/ { name = $0; sub(/\(.*/, "", name); start = FNR - 1 }
	/^\{/ && name != "" { inbody = 1 }
	/^\}/ && inbody {
		len = FNR - start + 1
		if (len > longest) { longest = len; where = FILENAME ":" start " " name }
		if (len > max)
			print FILENAME ":" start ": " name " has " len " lines (at most " max ")"
		inbody = 0; name = ""
	}
	END { print "longest function: " where " (" longest " lines)" > "/dev/stderr" }
' *.c)
if [ -n "$long" ]; then
	echo "$long"
	status=1
fi

cycles=$(awk '
	function module(f) { sub(/\.[ch]$/, "", f); return f }
	FNR == 1 { file = FILENAME; first = 1 }
	/^#include "/ {
		h = $2; gsub(/"/, "", h)
		if (h == "dip.h") { print "error: " file " includes the umbrella dip.h" ; bad = 1 }
		if (file ~ /\.c$/ && first) { owner[file] = module(h) }
		first = 0
		inc[file] = inc[file] " " module(h)
	}
	function visit(m,    k, n, parts, i) {
		color[m] = 1; stack[++depth] = m
		n = split(deps[m], parts, " ")
		for (i = 1; i <= n; i++) {
			k = parts[i]
			if (k == m || k == "") continue
			if (color[k] == 1) {
				path = k
				for (j = depth; j >= 1 && stack[j] != k; j--) path = stack[j] " -> " path
				print "include cycle: " k " -> " path
				found = 1
			} else if (color[k] == 0) visit(k)
		}
		color[m] = 2; depth--
	}
	END {
		for (f in inc) {
			m = (f ~ /\.c$/) ? owner[f] : module(f)
			if (m == "") { print "error: " f " includes no engine header first"; bad = 1; continue }
			deps[m] = deps[m] " " inc[f]; mods[m] = 1
		}
		for (m in mods) if (!color[m]) visit(m)
		if (found || bad) exit 1
	}
' $(ls *.c *.h | grep -v '^dip\.h$'))
if [ -n "$cycles" ]; then
	echo "$cycles"
	status=1
fi
[ $status -eq 0 ] && echo "engine modules include each other without a cycle"
exit $status
