#!/bin/sh
# ALTER EXTENSION diplomat UPDATE from 0.1.  Installs 0.1 from the kept
# install script (test/upgrade/diplomat--0.1.sql, with a control file
# naming the schema diplomat as 0.1's did) next to the current version, and
# fills a database as a user would (test/upgrade/setup.sql: dictionary
# edits of every kind, generated and plain typed columns, GIN, btree and
# expression indexes, a trained model), with exact-type overloads planted
# in public.  Then ALTER EXTENSION diplomat UPDATE and the documented step
# after it (SELECT diplomat.recompute()), and compares with a fresh install
# that got the same setup:
#   - the catalog: pg_dump --binary-upgrade --schema-only (every object of
#     the extension, its definition, attributes, comments and privileges,
#     and the user's tables and indexes), OIDs and the stored defaults of
#     columns added by ALTER TABLE (attmissingval, a storage detail) left out;
#   - test/upgrade/compare.sql: extension row, members, initial
#     privileges, dictionary tables, image, models, every stored value,
#     index queries and extraction results.
# A change to src/sql/*.sql missing from the upgrade script makes it fail.
# Last, an update of 0.1 installed into a schema created beforehand by
# another role must fail.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
bindir=$(${PG_CONFIG:-pg_config} --bindir)
ext="$(${PG_CONFIG:-pg_config} --sharedir)/extension"
work="$top/build/upgrade"
up=diplomat_upgrade_from_01
fresh=diplomat_upgrade_fresh
fail() { echo "FAIL: $*"; exit 1; }
q() { "$bindir/psql" -X -q -At -v ON_ERROR_STOP=1 "$@"; }
mkdir -p "$work"

[ -w "$ext" ] || fail "cannot write to $ext to install version 0.1 for the test (run as the user who ran make install)"
cleanup() { rm -f "$ext/diplomat--0.1.sql" "$ext/diplomat--0.1.control"; }
trap cleanup EXIT
cp "$top/test/upgrade/diplomat--0.1.sql" "$ext/diplomat--0.1.sql"
printf '# version 0.1 (test only): CREATE EXTENSION created the schema\nschema = diplomat\n' > "$ext/diplomat--0.1.control"

q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $up" -c "DROP DATABASE IF EXISTS $fresh" \
	-c "CREATE DATABASE $up" -c "CREATE DATABASE $fresh"

# 0.1, filled as a user would, then updated
q -d $up -c "SET client_min_messages = warning" -c "CREATE EXTENSION diplomat VERSION '0.1'"
[ "$(q -d $up -c "SELECT extversion FROM pg_extension WHERE extname = 'diplomat'")" = 0.1 ] || fail "0.1 was not installed"
q -d $up -v to_entities=entities -v to_topics=topics -f "$top/test/upgrade/setup.sql" > "$work/setup-0.1.out"
lit="id, lit_entity, lit_entities, lit_query, lit_topics, lit_codes, lit_actors"
q -d $up -c "SELECT $lit FROM public.articles ORDER BY id" > "$work/literals-0.1.txt"
# exact-type overloads of what an update script might call, planted in public
q -d $up <<'SQL'
CREATE TABLE public.hijack_log (what text);
CREATE FUNCTION public.array_to_string(text[], text) RETURNS text LANGUAGE sql
    AS $$ INSERT INTO public.hijack_log VALUES ('array_to_string') RETURNING '' $$;
CREATE FUNCTION public.to_jsonb(anyelement) RETURNS jsonb LANGUAGE sql
    AS $$ INSERT INTO public.hijack_log VALUES ('to_jsonb') RETURNING '{}'::jsonb $$;
CREATE FUNCTION public.format(text, text) RETURNS text LANGUAGE sql
    AS $$ INSERT INTO public.hijack_log VALUES ('format') RETURNING '' $$;
SQL
q -d $up -c "SET search_path = public, pg_catalog" -c "SET client_min_messages = warning" \
	-c "ALTER EXTENSION diplomat UPDATE" || fail "ALTER EXTENSION diplomat UPDATE failed"
[ "$(q -d $up -c "SELECT extversion FROM pg_extension WHERE extname = 'diplomat'")" = \
  "$(sed -n "s/^default_version = '\(.*\)'/\1/p" "$top/diplomat.control")" ] || fail "not updated to the default version"
[ "$(q -d $up -c "SELECT count(*) FROM public.hijack_log")" = 0 ] || fail "the update called a planted function"
q -d $up -c "DROP TABLE public.hijack_log" -c "DROP FUNCTION public.array_to_string(text[], text), public.to_jsonb(anyelement), public.format(text, text)"
# the documented steps after an update: recompute stored values (generated
# columns, expression indexes), and what the user derived into plain columns
q -d $up -c "SELECT diplomat.recompute()" > /dev/null
q -d $up -f "$top/test/upgrade/derive.sql" > /dev/null

# a fresh install with the same setup
q -d $fresh -c "SET client_min_messages = warning" -c "CREATE EXTENSION diplomat"
q -d $fresh -v to_entities=to_entities -v to_topics=to_topics -f "$top/test/upgrade/setup.sql" > "$work/setup-fresh.out"

# the catalog
for db in $up $fresh; do
	"$bindir/pg_dump" --binary-upgrade --schema-only -d $db |
		grep -v -e 'binary_upgrade_set_next_' -e 'relfrozenxid' -e 'relminmxid' -e "^WHERE oid = '" \
			-e '^\\restrict ' -e '^\\unrestrict ' \
			-e 'binary_upgrade_set_missing_value' -e '^-- set missing value' -e '^$' |
		sed -E "s/'\\{[0-9,]+\\}'/'{OIDS}'/" | sort > "$work/catalog-$db.sql"
done
if ! cmp -s "$work/catalog-$up.sql" "$work/catalog-$fresh.sql"; then
	diff "$work/catalog-$up.sql" "$work/catalog-$fresh.sql" | head -40
	fail "the catalog after ALTER EXTENSION UPDATE differs from a fresh install (< updated, > fresh)"
fi
echo "ok: catalog equal ($(wc -l < "$work/catalog-$fresh.sql") lines of pg_dump --binary-upgrade)"

# values, dictionaries, queries
# values written as literals survive the update unchanged
q -d $up -c "SELECT $lit FROM public.articles ORDER BY id" > "$work/literals-$up.txt"
cmp -s "$work/literals-0.1.txt" "$work/literals-$up.txt" || fail "values written as literals changed in the update"
for db in $up $fresh; do
	q -d $db -f "$top/test/upgrade/compare.sql" > "$work/values-$db.txt"
done
if ! cmp -s "$work/values-$up.txt" "$work/values-$fresh.txt"; then
	diff "$work/values-$up.txt" "$work/values-$fresh.txt" | head -40
	fail "values after ALTER EXTENSION UPDATE differ from a fresh install (< updated, > fresh)"
fi
echo "ok: values equal ($(wc -l < "$work/values-$fresh.txt") lines: dictionaries, image, models, stored values, queries)"
# the builtin row only 0.1 had is gone, the user's removals hold
[ "$(q -d $up -c "SELECT count(*) FROM diplomat.gazetteer WHERE name IN ('Oldlandia', 'Fiji', 'Vanuatu')")" = 0 ] ||
	fail "removed or obsolete builtin rows are in the tables after the update"

# 0.1 installed into a schema that the database owner had created: the
# update refuses it (its owner could have changed the extension's objects)
owned=diplomat_upgrade_owned_schema
q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $owned" \
	-c "DROP ROLE IF EXISTS regress_diplomat_dbowner" -c "CREATE ROLE regress_diplomat_dbowner" \
	-c "CREATE DATABASE $owned OWNER regress_diplomat_dbowner"
q -d $owned -c "SET client_min_messages = warning" -c "SET ROLE regress_diplomat_dbowner" -c "CREATE SCHEMA diplomat" \
	-c "RESET ROLE" -c "CREATE EXTENSION diplomat VERSION '0.1'"
if q -d $owned -c "SET client_min_messages = warning" -c "ALTER EXTENSION diplomat UPDATE" 2> "$work/owned.err"; then
	fail "ALTER EXTENSION UPDATE accepted a schema diplomat owned by another role"
fi
grep -q "schema diplomat is not owned by the owner of extension diplomat" "$work/owned.err" ||
	{ cat "$work/owned.err"; fail "unexpected error for a schema owned by another role"; }
echo "ok: the update refuses a schema diplomat owned by another role"
q -d postgres -c "DROP DATABASE $owned" -c "DROP ROLE regress_diplomat_dbowner"

q -d postgres -c "DROP DATABASE $up" -c "DROP DATABASE $fresh"
