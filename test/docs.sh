#!/bin/sh
# Every SQL example of the README and of doc/*.md runs: the ```sql blocks of
# each file are run in order, in one session, in a fresh database, after
# the set-up the documents assume (extension, search_path, ISO dates).
# A statement may fail only where the example says so with a trailing
# "-- ERROR" (or "-- DETAIL") comment; a block starting with "-- (not run)"
# is skipped, and so is one starting with "-- (on ...)", which names the
# servers of a multi-server recipe (doc/scale-out.md) that
# test/scale-out.sh runs.
top=$(cd "$(dirname "$0")/.." && pwd)
status=0
work="$top/build/docs"
mkdir -p "$work"
for f in "$top/README.md" "$top"/doc/*.md; do
	name=$(basename "$f" .md)
	db="diplomat_doc_$(echo "$name" | tr -c 'a-z0-9_\n' '_')"
	blocks=$(grep -c '^```sql' "$f")
	[ "$blocks" -gt 0 ] || continue
	script="$work/$name.sql"
	{
		echo "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS diplomat;"
		echo "SET search_path = public, diplomat; SET datestyle = 'ISO, YMD';"
		awk '
			/^```sql/ { inblock = 1; first = 1; skip = 0; next }
			/^```/ && inblock { inblock = 0; next }
			inblock && first { first = 0; if ($0 ~ /^-- \((not run|on )/) skip = 1 }
			inblock && !skip { print }
		' "$f"
	} > "$script"
	expected=$(grep -c -E '^[A-Za-z(].*-- (ERROR|DETAIL)' "$script")
	psql -X -q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" || exit 1
	psql -X -q -d $db -f "$script" > "$work/$name.out" 2>&1
	got=$(grep -c 'ERROR:' "$work/$name.out")
	if [ "$got" -ne "$expected" ]; then
		echo "FAIL: $(basename "$f"): $got errors, $expected expected"
		grep -A2 'ERROR:' "$work/$name.out" | head -20
		status=1
	else
		echo "ok: $(basename "$f") ($blocks examples, $expected expected errors)"
	fi
	psql -X -q -d postgres -c "DROP DATABASE $db"
done
exit $status
