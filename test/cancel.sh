#!/bin/sh
# pg_cancel_backend() and statement_timeout stop a long extraction
# promptly, on every kind of text, and the backend stays usable; so does
# a long logistic regression training.
#
# For 32 MB of each kind (punctuation without spaces, news, news without
# line breaks, news in capitals, Thai without spaces, one huge token) and
# the slow functions, a query is cancelled once it runs; the latency from
# pg_cancel_backend() to the backend leaving the query is measured by the
# server (pg_stat_activity polled every 2 ms) and must be at most 100 ms
# (DIPLOMAT_CANCEL_MS).  Then statement_timeout must stop a query within
# that margin of its timeout.
#
#   DIPLOMAT_CANCEL_MB=8 DIPLOMAT_CANCEL_KINDS="thai news" sh test/cancel.sh
top=$(cd "$(dirname "$0")/.." && pwd)
mb=${DIPLOMAT_CANCEL_MB:-32}
limit=${DIPLOMAT_CANCEL_MS:-100}
kinds=${DIPLOMAT_CANCEL_KINDS:-punctuation news oneline capitals thai token}
db=diplomat_cancel
q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
out="$top/build/cancel.out"
mkdir -p "$top/build"
q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" || exit 1
q -d $db -c "SET client_min_messages = warning" -c "CREATE EXTENSION diplomat" || exit 1

# the pieces the documents repeat (the team's example articles, a Thai
# phrase, punctuation), and the server-side stopwatch.  Each test builds its
# document into a variable of a DO block and only then renames its session,
# which starts the stopwatch: building or reading 32 MB takes PostgreSQL
# itself a few hundred milliseconds without checks for interrupts.
q -d $db -v news="$(cat "$top"/examples/*.txt)" -v mb="$mb" <<'SQL' || exit 1
CREATE TABLE pieces (kind text PRIMARY KEY, piece text, times int, chars int);
INSERT INTO pieces
SELECT k, piece, (:mb * 1048576 / octet_length(piece)) + 1, :mb * 1048576 / (octet_length(piece) / length(piece))
  FROM (VALUES ('punctuation', ',.;:!?()-"/'),
               ('news', :'news' || E'\n\n'),
               ('oneline', replace(:'news', E'\n', ' ') || ' '),
               ('capitals', upper(:'news') || E'\n\n'),
               ('thai', 'การประชุมระหว่างรัฐมนตรีต่างประเทศของไทยและญี่ปุ่นที่กรุงเทพ'),
               ('token', 'a')) AS p(k, piece);
-- Waits until the session named app runs a query, lets it run for wait,
-- cancels it and returns the milliseconds until it no longer runs.
CREATE FUNCTION cancel_latency(app text, wait float8) RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE
    p int;
    t0 timestamptz := clock_timestamp();
BEGIN
    LOOP
        PERFORM pg_stat_clear_snapshot();
        SELECT pid INTO p FROM pg_stat_activity
         WHERE application_name = app AND state = 'active';
        EXIT WHEN p IS NOT NULL;
        IF clock_timestamp() - t0 > interval '60 s' THEN RETURN -1; END IF;
        PERFORM pg_sleep(0.01);
    END LOOP;
    PERFORM pg_sleep(wait);
    t0 := clock_timestamp();
    PERFORM pg_cancel_backend(p);
    LOOP
        PERFORM pg_stat_clear_snapshot();
        EXIT WHEN NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = p AND state = 'active');
        IF clock_timestamp() - t0 > interval '60 s' THEN RETURN -2; END IF;
        PERFORM pg_sleep(0.002);
    END LOOP;
    RETURN round(extract(epoch FROM clock_timestamp() - t0) * 1000);
END $$;
SQL

status=0
fail() { echo "FAIL: $*"; status=1; }
# run KIND APP STATEMENT: builds the document of KIND, names the session APP
# and runs the plpgsql STATEMENT on the document d
run() {
	q -d $db <<SQL
DO \$\$
DECLARE
    d text := (SELECT left(repeat(piece, times), chars) FROM pieces WHERE kind = '$1');
BEGIN
    PERFORM set_config('application_name', '$2', false);
    $3;
END \$\$;
SQL
}
for kind in $kinds; do
	for f in to_entities events tokens normalize; do
		case $f in
		to_entities) call="PERFORM diplomat.length(diplomat.to_entities(d, '2024-01-13'))" ;;
		events) call="PERFORM count(*) FROM diplomat.events(d, '2024-01-13')" ;;
		tokens) call="PERFORM count(*) FROM diplomat.tokens(d)" ;;
		normalize) call="PERFORM octet_length(diplomat.normalize(d))" ;;
		esac
		app="diplomat_cancel_$$"
		run "$kind" "$app" "$call" >"$out" 2>&1 &
		bg=$!
		ms=$(q -d $db -c "SELECT cancel_latency('$app', 0.15)")
		wait $bg
		if ! grep -q "canceling statement due to user request" "$out"; then
			# finished before the cancel: too short to measure, not a failure
			echo "ok: $mb MB of $kind, $f: finished within 150 ms, nothing to cancel"
		elif [ "$ms" -lt 0 ] || [ "$ms" -gt "$limit" ]; then
			fail "$mb MB of $kind, $f: cancelled after $ms ms (at most $limit)"
		else
			echo "ok: $mb MB of $kind, $f: cancelled in $ms ms"
		fi
	done
	# statement_timeout stops it within the same margin (the timeout leaves
	# time to build the document)
	r=$(q -d $db 2>&1 <<SQL
SET statement_timeout = '1000ms';
SELECT clock_timestamp() AS t0 \gset
\set ON_ERROR_STOP off
DO \$\$
DECLARE
    d text := (SELECT left(repeat(piece, times), chars) FROM pieces WHERE kind = '$kind');
BEGIN
    PERFORM count(*) FROM diplomat.events(d, '2024-01-13');
END \$\$;
RESET statement_timeout;
SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000) - 1000;
SQL
)
	over=$(echo "$r" | tail -1)
	case "$r" in
	*"canceling statement due to statement timeout"*)
		if [ "$over" -gt "$limit" ]; then
			fail "$mb MB of $kind: statement_timeout of 1 s overshot by $over ms (at most $limit)"
		else
			echo "ok: $mb MB of $kind: statement_timeout of 1 s overshot by $over ms"
		fi ;;
	*) echo "ok: $mb MB of $kind: events() finished within statement_timeout, nothing to stop" ;;
	esac
done

# the backend that was cancelled is still usable
r=$(q -d $db 2>&1 <<SQL
\set ON_ERROR_STOP off
SET statement_timeout = '500ms';
SELECT diplomat.length(diplomat.to_entities(left(repeat(piece, times), chars))) FROM pieces WHERE kind = 'thai';
RESET statement_timeout;
SELECT diplomat.length(diplomat.to_entities('Foreign Minister Yoko Kamikawa met Antony Blinken in Washington.'));
SQL
)
[ "$(echo "$r" | tail -1)" = 3 ] || fail "the backend is not usable after a cancel: $r"
# a long logistic regression training (400,000 rows, several passes over
# its spool) is cancelled too, and the session then trains and classifies
psql -X -q -d $db -At >"$top/build/cancel-train.out" 2>&1 <<'SQL' &
SET application_name = 'diplomat_cancel_train';
SELECT rows FROM diplomat.train_topics('cancelled',
  'SELECT format(''word%s word%s and word%s'', g % 1000, g % 777, g % 3), (g % 3)::text FROM generate_series(1, 400000) g',
  'logistic regression');
SET application_name = 'diplomat_cancel_after';
SELECT count(*) FROM diplomat.topic_models WHERE model = 'cancelled';
SELECT rows FROM diplomat.train_topics('after', 'SELECT ''word'' || g, (g % 2)::text FROM generate_series(1, 10) g', 'logistic regression');
SELECT diplomat.classify_label('word3', 'after') IS NOT NULL;
SQL
pid=$!
i=0
until psql -X -At -d postgres -c "SELECT 1 FROM pg_stat_activity WHERE application_name = 'diplomat_cancel_train' AND state = 'active' AND query LIKE '%train_topics%'" | grep -q 1; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 100 ] || break
done
sleep 2
n=$(psql -X -At -d postgres -c "SELECT count(pg_cancel_backend(pid)) FROM pg_stat_activity WHERE application_name = 'diplomat_cancel_train'")
wait $pid
out=$(cat "$top/build/cancel-train.out")
if [ "$n" != 1 ]; then echo "not ok: training not found to cancel (finished too early?): $out"; status=1; fi
case "$out" in
*"canceling statement due to user request"*"
0
10
t") echo "training cancelled as expected, the session trains again" ;;
*) echo "unexpected result of the cancelled training: $out"; exit 1 ;;
esac
q -d postgres -c "DROP DATABASE $db"
[ $status -eq 0 ] && echo "cancelled within $limit ms on every kind of text"
exit $status
