#!/bin/sh
# Dictionary changes across sessions and through pg_dump:
#  1. session A uses the dictionaries; session B changes them; A sees an
#     uncommitted change not at all, and the committed change at its next
#     statement (relcache invalidation of the stored image);
#  2. a dump and restore keeps user rows and removals of builtin rows.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
db=diplomat_dict_test
fail() { echo "FAIL: $*"; exit 1; }
q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "DROP DATABASE IF EXISTS ${db}_restored" -c "CREATE DATABASE $db"
q -d $db -c "SET client_min_messages = warning" -c "CREATE EXTENSION diplomat"

# session A: a long-lived psql fed through a fifo
fifo="$top/build/dict_fifo"; out="$top/build/dict_a.out"
rm -f "$fifo" "$out"; mkfifo "$fifo"
psql -X -q -At -d $db < "$fifo" > "$out" 2>&1 &
apid=$!
exec 3>"$fifo"
ask() { # statement for session A, then wait for its marker line
	n=$((n + 1))
	echo "$1" >&3
	echo "SELECT 'marker-$n';" >&3
	i=0
	while ! grep -q "^marker-$n\$" "$out"; do
		sleep 0.1; i=$((i + 1)); [ $i -lt 100 ] || fail "session A did not answer"
	done
	sed -n "/^marker-$((n - 1))\$/,/^marker-$n\$/p" "$out" | grep -v '^marker-' | tail -1 > "$out.answer"
}
n=0
echo "SELECT 'marker-0';" >&3
sleep 0.5
doc="'The delegation of Quarnia met envoys from Wexford.'::text"
ask "SELECT diplomat.to_entities($doc)::text;"; before=$(cat "$out.answer")
case "$before" in *GPE:\"Quarnia\"*) fail "Quarnia known before it was added";; esac

# session B: an open transaction, not yet committed
psql -X -q -d $db >/dev/null 2>&1 <<SQL &
BEGIN;
INSERT INTO diplomat.gazetteer (kind, name, country, actor) VALUES ('GPE', 'Quarnia', 'NZL', 'NZL');
SELECT pg_sleep(3);
ROLLBACK;
SQL
bpid=$!
sleep 1.5
ask "SELECT diplomat.to_entities($doc)::text;"; during=$(cat "$out.answer")
case "$during" in *GPE:\"Quarnia\"*) fail "session A sees an uncommitted dictionary change: $during";; esac
wait $bpid

# session B commits
q -d $db -c "INSERT INTO diplomat.gazetteer (kind, name, country, actor) VALUES ('GPE', 'Quarnia', 'NZL', 'NZL')"
ask "SELECT diplomat.to_entities($doc)::text;"; after=$(cat "$out.answer")
case "$after" in *GPE:\"Quarnia\"@NZL*) echo "ok: session A sees the committed change: $after";; *) fail "session A does not see the committed change: $after";; esac
ask "SELECT source FROM diplomat.dictionary_info();"; src=$(cat "$out.answer")
[ "$src" = image ] || fail "session A compiled from the tables instead of loading the image ($src)"
echo "\\q" >&3; exec 3>&-; wait $apid || true; rm -f "$fifo"

# pg_dump keeps user rows and removals; builtin rows come from CREATE EXTENSION
q -d $db -c "DELETE FROM diplomat.gazetteer WHERE kind = 'GPE' AND name = 'Fiji' AND builtin" \
         -c "UPDATE diplomat.gazetteer SET country = 'TON', actor = 'TON' WHERE kind = 'GPE' AND name = 'Samoa' AND builtin"
pg_dump -d $db -Fc -f "$top/build/dict.dump"
q -d postgres -c "CREATE DATABASE ${db}_restored"
pg_restore -d ${db}_restored "$top/build/dict.dump" 2>"$top/build/restore.err" || { cat "$top/build/restore.err"; fail "pg_restore failed"; }
a=$(q -d $db -c "SELECT diplomat.to_entities('Quarnia, Fiji and Samoa signed a pact.'::text)::text")
b=$(q -d ${db}_restored -c "SELECT diplomat.to_entities('Quarnia, Fiji and Samoa signed a pact.'::text)::text")
[ "$a" = "$b" ] || fail "restored dictionaries differ: '$a' vs '$b'"
case "$b" in *GPE:\"Quarnia\"@NZL*GPE:\"Samoa\"@TON*) ;; *) fail "user rows lost in the restore: $b";; esac
case "$b" in *GPE:\"Fiji\"*) fail "a removed builtin row came back: $b";; esac
echo "ok: dump and restore keep dictionary changes: $b"
q -d postgres -c "DROP DATABASE $db" -c "DROP DATABASE ${db}_restored"
