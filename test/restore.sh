#!/bin/sh
# Dump and restore.  A database filled as a user would (test/upgrade/setup.sql:
# dictionary edits of every kind, including a user topic with terms and a
# user verb with a pattern; generated and plain typed columns; GIN, btree
# and expression indexes; a trained model) is dumped with pg_dump and
# restored three ways: a plain SQL script through psql, pg_restore, and
# pg_restore -j 4 (which loads tables in any order, topic_terms possibly
# before topic_defs and the articles before the dictionary rows).  After
# the documented step (SELECT diplomat.recompute()), test/upgrade/compare.sql
# must give the same output as on the source: dictionary tables (deleted
# builtin rows stay out of them), compiled image, models, every stored
# value, index queries and extraction results.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
bindir=$(${PG_CONFIG:-pg_config} --bindir)
work="$top/build/restore"
src=diplomat_restore_src
fail() { echo "FAIL: $*"; exit 1; }
q() { "$bindir/psql" -X -q -At -v ON_ERROR_STOP=1 "$@"; }
mkdir -p "$work"

q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $src" -c "CREATE DATABASE $src"
q -d $src -c "SET client_min_messages = warning" -c "CREATE EXTENSION diplomat"
q -d $src -v to_entities=to_entities -v to_topics=to_topics -f "$top/test/upgrade/setup.sql" > "$work/setup.out"
q -d $src -f "$top/test/upgrade/compare.sql" > "$work/values-source.txt"
"$bindir/pg_dump" -Fc -d $src -f "$work/dump.custom"
"$bindir/pg_dump" -Fp -d $src -f "$work/dump.sql"

for how in script single parallel; do
	db=diplomat_restore_$how
	q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
	case $how in
	script) q -d $db -f "$work/dump.sql" > /dev/null 2> "$work/restore-$how.err" ||
		{ cat "$work/restore-$how.err"; fail "restoring the plain dump failed"; } ;;
	single) "$bindir/pg_restore" -d $db "$work/dump.custom" 2> "$work/restore-$how.err" ||
		{ cat "$work/restore-$how.err"; fail "pg_restore failed"; } ;;
	parallel) "$bindir/pg_restore" -j 4 -d $db "$work/dump.custom" 2> "$work/restore-$how.err" ||
		{ cat "$work/restore-$how.err"; fail "pg_restore -j 4 failed"; } ;;
	esac
	grep -q ERROR "$work/restore-$how.err" && { cat "$work/restore-$how.err"; fail "errors restoring ($how)"; }
	q -d $db -f "$top/test/upgrade/compare.sql" > "$work/values-$how-as-restored.txt"
	if cmp -s "$work/values-source.txt" "$work/values-$how-as-restored.txt"; then
		before="equal as restored"
	else
		before="$(diff "$work/values-source.txt" "$work/values-$how-as-restored.txt" | grep -c '^<') lines differed as restored"
	fi
	# the documented step after a restore
	q -d $db -c "SELECT diplomat.recompute()" > /dev/null
	q -d $db -f "$top/test/upgrade/compare.sql" > "$work/values-$how.txt"
	if ! cmp -s "$work/values-source.txt" "$work/values-$how.txt"; then
		diff "$work/values-source.txt" "$work/values-$how.txt" | head -30
		fail "after restoring ($how) and diplomat.recompute(), values differ from the source (< source, > restored)"
	fi
	[ "$(q -d $db -c "SELECT count(*) FROM diplomat.gazetteer WHERE name IN ('Fiji', 'Vanuatu')")" = 0 ] ||
		fail "deleted builtin rows are back in the tables ($how)"
	echo "ok: $how restore equal to the source after recompute() ($(wc -l < "$work/values-source.txt") lines; $before; $(grep -c WARNING "$work/restore-$how.err" || true) warnings)"
	q -d postgres -c "DROP DATABASE $db"
done
q -d postgres -c "DROP DATABASE $src"
