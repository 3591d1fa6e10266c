#!/bin/sh
# pg_cancel_backend() stops a long extraction and a long training promptly,
# and the backend stays usable (no crash, no leak of the error state).
top=$(cd "$(dirname "$0")/.." && pwd)
db=diplomat_cancel
psql -X -q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null || exit 1
psql -X -q -d $db -c "SET client_min_messages = warning; CREATE EXTENSION diplomat" >/dev/null || exit 1
# a long document: ~20 MB of prose, processed in one call
psql -X -q -d $db -At >"$top/build/cancel.out" 2>&1 <<'SQL' &
SET application_name = 'diplomat_cancel_test';
SELECT diplomat.length(diplomat.to_entities(repeat('Foreign Minister Yoko Kamikawa met Antony Blinken in Washington on Friday. ', 1000000), '2024-01-13'));
SQL
pid=$!
# wait until the extraction runs, then cancel it
i=0
until psql -X -At -d postgres -c "SELECT 1 FROM pg_stat_activity WHERE application_name = 'diplomat_cancel_test' AND state = 'active' AND query LIKE '%entities%'" | grep -q 1; do
	sleep 0.1; i=$((i + 1)); [ $i -lt 100 ] || break
done
sleep 0.5
n=$(psql -X -At -d postgres -c "SELECT count(pg_cancel_backend(pid)) FROM pg_stat_activity WHERE application_name = 'diplomat_cancel_test'")
wait $pid
out=$(cat "$top/build/cancel.out")
if [ "$n" != 1 ]; then echo "query not found to cancel (finished too early?): $out"; exit 1; fi
case "$out" in
*"canceling statement due to user request"*) echo "cancelled as expected" ;;
*) echo "unexpected result: $out"; exit 1 ;;
esac

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
psql -X -q -d postgres -c "DROP DATABASE $db" >/dev/null
if [ "$n" != 1 ]; then echo "training not found to cancel (finished too early?): $out"; exit 1; fi
case "$out" in
*"canceling statement due to user request"*"
0
10
t") echo "training cancelled as expected, the session trains again" ;;
*) echo "unexpected result of the cancelled training: $out"; exit 1 ;;
esac
