#!/bin/sh
# Scale-out over several servers: runs the recipe of doc/scale-out.md as
# written on three throwaway clusters of this machine (a coordinator and
# two shards, Unix sockets only, made with tools/cluster.sh), loads the
# example articles and generated ones (test/scale-out/articles.sql) through
# the coordinator, loads the same articles into one server's database (the
# test cluster of make test), and checks:
#   - rows are stored on every partition, and the coordinator extracts
#     only the rows of its local partition (the shards compute the rest);
#   - every stored value, every event and every row deleted through the
#     coordinator is what one server gives;
#   - each operator family runs on the shards (EXPLAIN VERBOSE: the
#     operator in the Remote SQL of both foreign scans, no local filter
#     there), with the results of one server;
#   - the analyses of the doc give one server's results row for row, and
#     their first phase is grouped on the shards;
#   - the dictionaries replicate: same checksum and same rows on every
#     server, a new name recognised on each shard (the delay is measured);
#   - a shard that is down: queries that need it fail naming it, others
#     run, nothing of a failed insert is kept, and a dictionary edit made
#     meanwhile reaches it when it is back (measured).
# The clusters are destroyed at the end.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
pgconfig=${PG_CONFIG:-pg_config}
bindir=$("$pgconfig" --bindir)
work="$top/build/scale-out"
single=diplomat_scaleout_single
n_generated=${SCALEOUT_ARTICLES:-300}
status=0
fail() { echo "FAIL: $*"; status=1; }
die() { echo "FAIL: $*"; exit 1; }
rm -rf "$work"
mkdir -p "$work"

. "$top/tools/scale-out-lib.sh"
servers="coordinator shard1 shard2"
# one: psql on the single-server database (the test cluster's PG* settings)
one() { "$bindir/psql" -X -q -At -v ON_ERROR_STOP=1 -d $single "$@"; }
cleanup() {
	[ -n "$SCALEOUT_KEEP" ] && return 0
	so_destroy $servers
}
trap cleanup EXIT

# ---------------------------------------------------------------------
# Three clusters, and the recipe as the doc writes it: each SQL block on
# the servers its first line names, the placeholders replaced by this
# machine's sockets
# ---------------------------------------------------------------------
t_start=$(now_ms)
so_start $servers || die "the clusters did not start"
so_recipe || die "the recipe of doc/scale-out.md failed"
echo "ok: the recipe ran ($(ls "$work"/[0-9]*.sql | wc -l) blocks of doc/scale-out.md on three servers)"
for a in meetings every-report one-a-day; do
	[ -f "$work/analysis-$a.sql" ] || die "doc/scale-out.md has no analysis block named $a"
done

# The doc's articles 1-3 are deleted through the coordinator: their events
# go with them, on every server
on coordinator -c "DELETE FROM articles WHERE id <= 3"
left=$(on coordinator -c "SELECT count(*) FROM article_events WHERE article_id <= 3")
[ "$left" = 0 ] || fail "deleting articles through the coordinator left $left of their events"

# ---------------------------------------------------------------------
# The same articles through the coordinator and into one server
# ---------------------------------------------------------------------
so_articles $n_generated 1000 > "$work/load.sql"
total=$((n_generated + 6))

psql_single() { "$bindir/psql" -X -q -At -v ON_ERROR_STOP=1 "$@"; }
psql_single -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $single" -c "CREATE DATABASE $single"
one <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION diplomat;
CREATE TABLE articles (
    id        bigint PRIMARY KEY,
    published date,
    body      text,
    ents      diplomat.entities GENERATED ALWAYS AS (diplomat.to_entities(body, published)) STORED,
    tops      diplomat.topics   GENERATED ALWAYS AS (diplomat.to_topics(body)) STORED
);
SQL
psql_single -d postgres -c "ALTER DATABASE $single SET search_path = \"\$user\", public, diplomat" -c "ALTER DATABASE $single SET datestyle = 'ISO, YMD'"
one -f "$work/load.sql"
# the events stored once, as doc/events.md does on one server
one -c "CREATE TABLE article_events AS SELECT a.id AS article_id, e.* FROM articles a, events(a.body, a.published) e"

# through the coordinator, in one transaction that counts the extraction
# calls made on the coordinator
t0=$(now_ms)
calls=$(on coordinator <<SQL
BEGIN;
SET LOCAL track_functions = 'all';
\\i $work/load.sql
SELECT (SELECT coalesce(sum(calls), 0) FROM pg_stat_xact_user_functions WHERE funcname = 'to_entities')
       || ' ' || (SELECT count(*) FROM articles_local);
COMMIT;
SQL
)
t1=$(now_ms)
echo "ok: loaded $total articles through the coordinator in $((t1 - t0)) ms"
placement=$(on coordinator -c "SELECT string_agg(p || '=' || n, ' ' ORDER BY p) FROM (SELECT tableoid::regclass::text AS p, count(*) AS n FROM articles GROUP BY 1) x")
echo "   partitions: $placement"
[ "$(on coordinator -c "SELECT count(DISTINCT tableoid) FROM articles")" = 3 ] || fail "the articles are not on all three partitions: $placement"
set -- $calls
[ "$1" = "$2" ] || fail "the coordinator called to_entities() $1 times for $2 rows of its local partition (the shards compute theirs)"
echo "ok: the coordinator extracted its $2 local rows only ($1 calls of to_entities); the shards computed the rest"
for s in shard1 shard2; do
	bad=$(on $s -c "SELECT count(*) FROM articles WHERE ents IS NULL OR ents <> diplomat.to_entities(body, published) OR tops <> diplomat.to_topics(body)")
	n=$(on $s -c "SELECT count(*) FROM articles")
	[ "$bad" = 0 ] && [ "$n" -gt 0 ] || fail "$s stores $n articles, $bad of them without the values it computes"
done

# every stored value and every event equals one server's
values="SELECT id, published, ents, tops FROM articles ORDER BY id"
on coordinator -c "$values" > "$work/values-coordinator.txt"
one -c "$values" > "$work/values-single.txt"
[ "$(wc -l < "$work/values-single.txt")" = $total ] || fail "one server holds $(wc -l < "$work/values-single.txt") articles, not $total"
cmp -s "$work/values-coordinator.txt" "$work/values-single.txt" ||
	fail "stored values differ from one server's ($(diff "$work/values-coordinator.txt" "$work/values-single.txt" | grep -c '^<') lines)"
cols="source, target, code, source_name, target_name, location, event_date, sentence, start, len, goldstein, quad_class, pattern, date_precision, intent, location_country, text"
on coordinator -c "SELECT article_id, $cols FROM article_events" | LC_ALL=C sort > "$work/events-coordinator.txt"
one -c "SELECT a.id, $cols FROM articles a, events(a.body, a.published) e" | LC_ALL=C sort > "$work/events-single.txt"
nev=$(wc -l < "$work/events-single.txt")
[ "$nev" -gt 100 ] || fail "only $nev events in the data set"
cmp -s "$work/events-coordinator.txt" "$work/events-single.txt" ||
	fail "the events stored on the shards differ from one server's events() ($(diff "$work/events-coordinator.txt" "$work/events-single.txt" | grep -c '^<') lines)"
echo "ok: $total articles and $nev events equal to one server's"

# ---------------------------------------------------------------------
# Pushdown: each operator family in the Remote SQL of both shards
# ---------------------------------------------------------------------
# pushed OPERATOR QUERY: the query's plan has a foreign scan on each shard
# whose Remote SQL names OPERATOR(diplomat.OPERATOR), and no local Filter
# on a foreign scan
pushed() {
	plan=$(on coordinator -c "EXPLAIN (VERBOSE, COSTS OFF) $2")
	echo "$plan" | awk -v op="OPERATOR(diplomat.$1)" '
		/Foreign Scan/ { scans++; infs = 1; next }
		/->/ { infs = 0 }
		infs && /Remote SQL:/ && index($0, op) { remote++ }
		infs && /^ *Filter:/ { local++ }
		END { exit !(scans == 2 && remote == 2 && local == 0) }'
}
# lines: family | operator as written | operator in the Remote SQL | query
checks=0
while IFS='|' read -r family op remote query; do
	[ -n "$query" ] || continue
	checks=$((checks + 1))
	if ! pushed "$remote" "$query"; then
		fail "$family: $op is not run on both shards: $query"
		on coordinator -c "EXPLAIN (VERBOSE, COSTS OFF) $query" | sed 's/^/   /'
	fi
	a=$(on coordinator -c "$query" | tr '\n' ' ')
	b=$(one -c "$query" | tr '\n' ' ')
	[ "$a" = "$b" ] || fail "$family: $query gives [$a] on the coordinator, [$b] on one server"
	[ -n "$b" ] || fail "$family: $query finds nothing (the check would be vacuous)"
	printf '   %-9s %-3s on both shards, %4s rows as on one server: %s\n' "$family" "$op" "$(echo "$b" | wc -w)" "$query"
done <<'EOF'
entities|@@|@@|SELECT id FROM articles WHERE ents @@ 'PER:"Antony Blinken" & GPE:Beijing' ORDER BY id
entities|@@|@@|SELECT id FROM articles WHERE ents @@ '(PER:"Lloyd Austin" | PER:"Dong Jun") & !GPE:Ukraine' ORDER BY id
entities|?|?|SELECT id FROM articles WHERE ents ? entity('PER', 'Hakan Fidan') ORDER BY id
entities|@>|@>|SELECT id FROM articles WHERE ents @> 'GPE:Beijing, GPE:Taiwan' ORDER BY id
entities|&&|&&|SELECT id FROM articles WHERE ents && 'GPE:Kyiv, GPE:Tokyo' ORDER BY id
topics|?|@>|SELECT id FROM articles WHERE tops ? 'counter_narcotics' ORDER BY id
topics|@>|@>|SELECT id FROM articles WHERE tops @> 'cross_strait, south_china_sea' ORDER BY id
topics|&&|&&|SELECT id FROM articles WHERE tops && 'climate, human_rights' ORDER BY id
topics|@@|@@|SELECT id FROM articles WHERE (ents || tops::entities) @@ 'topic:cross_strait & PER:"Xi Jinping"' ORDER BY id
text|@@|@@|SELECT id FROM articles WHERE body @@ 'PER:"Yoko Kamikawa" & GPE:Tokyo'::newsquery ORDER BY id
cameo|<@|<@|SELECT article_id, start FROM article_events WHERE code <@ '04' ORDER BY 1, 2
cameo|@>|@>|SELECT article_id, start FROM article_events WHERE '11' @> code ORDER BY 1, 2
actor|<@|<@|SELECT article_id, start FROM article_events WHERE source <@ 'USAGOV' ORDER BY 1, 2
actor|@>|@>|SELECT article_id, start FROM article_events WHERE 'CHN' @> target ORDER BY 1, 2
EOF
[ $checks -ge 14 ] || fail "only $checks pushdown checks ran"
echo "ok: $checks queries over 5 operator families run on both shards, with one server's results"

# ---------------------------------------------------------------------
# The analyses of the doc: one server's results, first phase on the shards
# ---------------------------------------------------------------------
cat > "$work/single-meetings.sql" <<'SQL'
SELECT a.id, e.event_date, e.source_name, e.target_name, e.location, cameo_name(e.code)
  FROM articles a, events(a.body, a.published) e
 WHERE e.code <@ '04' AND e.source <@ 'USA' AND e.target <@ 'CHN'
 ORDER BY a.id, e.sentence, e.start, e.code, e.target;
SQL
cat > "$work/single-every-report.sql" <<'SQL'
SELECT actor_country(e.source) AS src, actor_country(e.target) AS tgt,
       date_trunc('month', e.event_date)::date AS month, (event_summary(e.code)).*
  FROM articles a, events(a.body, a.published) e
 WHERE e.target IS NOT NULL
 GROUP BY 1, 2, 3
 ORDER BY 3, 1, 2;
SQL
# the README's query, as written
cat > "$work/single-one-a-day.sql" <<'SQL'
WITH ev AS (
    SELECT DISTINCT ON (e.event_date, e.source, e.target, e.code) e.*
      FROM articles a, events(a.body, a.published) e
     WHERE e.target IS NOT NULL)
SELECT actor_country(source) AS src, actor_country(target) AS tgt,
       date_trunc('month', event_date)::date AS month, (event_summary(code)).*
  FROM ev
 GROUP BY 1, 2, 3
 ORDER BY 3, 1, 2;
SQL
for a in meetings every-report one-a-day; do
	# (rows are compared as sets: reports of one sentence may tie in ORDER BY)
	on coordinator -f "$work/analysis-$a.sql" | LC_ALL=C sort > "$work/analysis-$a.coordinator.txt"
	one -f "$work/single-$a.sql" | LC_ALL=C sort > "$work/analysis-$a.single.txt"
	rows=$(wc -l < "$work/analysis-$a.single.txt")
	[ "$rows" -ge 5 ] || fail "analysis $a: only $rows rows on one server (the comparison would be weak)"
	cmp -s "$work/analysis-$a.coordinator.txt" "$work/analysis-$a.single.txt" ||
		{ diff "$work/analysis-$a.coordinator.txt" "$work/analysis-$a.single.txt" | head -10; fail "analysis $a differs from one server's (< coordinator, > one server)"; }
	plan=$(on coordinator -c "EXPLAIN (VERBOSE, COSTS OFF) $(cat "$work/analysis-$a.sql" | grep -v '^--')")
	case $a in
	meetings) want='OPERATOR(diplomat.<@)' ;;
	every-report) want='diplomat.event_summary(' ;;
	one-a-day) want='GROUP BY' ;;
	esac
	on_shards=$(echo "$plan" | grep 'Remote SQL:' | grep -cF "$want" || true)
	[ "$on_shards" = 2 ] || { echo "$plan" | sed 's/^/   /'; fail "analysis $a: '$want' is in the Remote SQL of $on_shards shards, not 2"; }
	echo "ok: analysis $a: $rows rows, equal to one server's; first phase on both shards ($want)"
done
dups=$(one -c "SELECT count(*) - count(DISTINCT (event_date, source, target, code)) FROM articles a, events(a.body, a.published) e WHERE e.target IS NOT NULL")
cross=$(on coordinator -c "SELECT count(*) FROM (SELECT event_date, source, target, code FROM article_events WHERE target IS NOT NULL GROUP BY 1, 2, 3, 4 HAVING count(DISTINCT shard) > 1) x")
[ "$cross" -gt 0 ] || fail "no event is reported on two servers: the one-a-day check would be vacuous"
echo "   one-a-day removed $dups duplicate reports, $cross events reported on several servers"

# ---------------------------------------------------------------------
# One dictionary everywhere
# ---------------------------------------------------------------------
# synced SERVER: the subscription has copied every table
wait_synced() {
	for i in $(seq 1 300); do
		[ "$(on $1 -c "SELECT count(*) FROM pg_subscription_rel WHERE srsubstate <> 'r'")" = 0 ] &&
			[ "$(on $1 -c "SELECT count(*) FROM pg_subscription_rel")" -gt 0 ] && return 0
		sleep 0.1
	done
	return 1
}
for s in shard1 shard2; do wait_synced $s || fail "the subscription of $s did not finish its initial copy in 30 s"; done
# dictionaries SERVER: the checksum and a digest of every dictionary table
dictionaries() {
	on $1 -c "SELECT checksum FROM diplomat.dictionary_info()" \
		-c "SELECT md5(string_agg(r, E'\n' ORDER BY r)) FROM (
		      SELECT 'g' || t::text AS r FROM diplomat.gazetteer t UNION ALL SELECT 'o' || t::text FROM diplomat.offices t
		      UNION ALL SELECT 'r' || t::text FROM diplomat.roles t UNION ALL SELECT 'l' || t::text FROM diplomat.lexicon t
		      UNION ALL SELECT 'v' || t::text FROM diplomat.verbs t UNION ALL SELECT 'p' || t::text FROM diplomat.patterns t
		      UNION ALL SELECT 'd' || t::text FROM diplomat.topic_defs t UNION ALL SELECT 't' || t::text FROM diplomat.topic_terms t
		      UNION ALL SELECT 'x' || t::text FROM diplomat.dictionary_removed t) x" | tr '\n' ' '
}
# same_dictionaries LABEL: every server has the coordinator's dictionaries
same_dictionaries() {
	ref=$(dictionaries coordinator)
	for s in shard1 shard2; do
		got=$(dictionaries $s)
		[ "$got" = "$ref" ] || { fail "$1: $s has other dictionaries than the coordinator ($got / $ref)"; return 1; }
	done
	echo "ok: $1: the same dictionaries on every server (checksum $(echo $ref | cut -d' ' -f1))"
}
same_dictionaries "after the initial copy"

# knows SERVER TEXT NAME: the server's dictionaries resolve NAME in TEXT
# to an entity of Fiji (a name the rules for unknown names find has no
# country)
knows() {
	on $1 -c "SELECT count(*) FROM diplomat.mentions('$2') m WHERE m.name = '$3' AND m.country = 'FJI'"
}
# wait_recognised SERVER TEXT NAME: poll until the server knows NAME;
# prints the milliseconds waited
wait_recognised() {
	w0=$(now_ms)
	for i in $(seq 1 600); do
		[ "$(knows $1 "$2" "$3")" -gt 0 ] && { echo $(($(now_ms) - w0)); return 0; }
		sleep 0.05
	done
	echo "never (30 s)"
	return 1
}
for s in shard1 shard2; do log_images $s; done
probe='Foreign Minister Zorblax Quimby met envoys in Suva.'
for s in $servers; do
	[ "$(knows $s "$probe" 'Zorblax Quimby')" = 0 ] || fail "$s knows Zorblax Quimby before the edit"
done
# an edit of every kind, in one transaction, on the coordinator
on coordinator <<'SQL'
BEGIN;
INSERT INTO diplomat.gazetteer (kind, name, country, actor, aliases)
VALUES ('PER', 'Zorblax Quimby', 'FJI', 'FJIGOV', '{"Z. Quimby"}');
INSERT INTO diplomat.offices (person, office, title, country, actor, start_date)
VALUES ('Zorblax Quimby', 'foreign_minister', 'Foreign Minister', 'FJI', 'FJIGOV', '2023-01-01');
UPDATE diplomat.gazetteer SET aliases = array_remove(aliases, 'Nato') WHERE name = 'North Atlantic Treaty Organization';
DELETE FROM diplomat.gazetteer WHERE kind = 'GPE' AND name = 'Vanuatu';
COMMIT;
SQL
edit_ms=$(committed_ms coordinator diplomat.gazetteer "name = 'Zorblax Quimby'")
# the delay: from the edit's commit on the coordinator to the shard's
# writing the image it recompiled (its commit follows at once)
for s in shard1 shard2; do
	wait_recognised $s "$probe" 'Zorblax Quimby' >/dev/null || fail "$s did not recognise the new name within 30 s"
	eval "delay_$s=$(($(image_ms $s) - edit_ms))"
	eval "echo \"   $s has the edit compiled \$delay_$s ms after it committed on the coordinator\""
done
# the whole edit arrived in one transaction: the checksums and tables agree
# (waiting a little in case a shard is still committing)
for i in $(seq 1 100); do
	[ "$(dictionaries shard1)" = "$(dictionaries coordinator)" ] && [ "$(dictionaries shard2)" = "$(dictionaries coordinator)" ] && break
	sleep 0.1
done
same_dictionaries "after an insert, an update and a delete on the coordinator"
[ "$(on shard1 -c "SELECT count(*) FROM diplomat.gazetteer WHERE name = 'Vanuatu'")" = 0 ] ||
	fail "the builtin row deleted on the coordinator is still in shard1's table"
# new articles naming him, on every partition, carry him
on coordinator -c "INSERT INTO articles (id, published, body) SELECT g, '2024-03-01', 'Foreign Minister Zorblax Quimby met envoys in Suva.' FROM generate_series(900001, 900012) g"
got=$(on coordinator -c "SELECT count(DISTINCT tableoid) || ' ' || count(*) FILTER (WHERE ents::text LIKE '%PER:\"Zorblax Quimby\"@FJI%') || ' ' || count(*) FROM articles WHERE id > 900000")
[ "$got" = "3 12 12" ] || fail "new articles naming the new person on every partition: [partitions, recognised, rows] = [$got]"
echo "ok: articles stored on each server after the edit recognise the new name"

# ---------------------------------------------------------------------
# A shard that is down
# ---------------------------------------------------------------------
so_cl shard2 stop >/dev/null
err=$(on coordinator -c "SELECT count(*) FROM articles" 2>&1) && fail "a query over every partition answered with shard2 down: $err"
case $err in *'server "shard2"'*) echo "ok: a query that needs the stopped shard fails: $(echo "$err" | head -1)" ;;
*) fail "the error for a stopped shard does not name it: $err" ;; esac
on1=$(on coordinator -c "SELECT min(id) FROM articles_shard1")
got=$(on coordinator -c "SELECT count(*) FROM articles WHERE id = $on1" 2>&1) && [ "$got" = 1 ] ||
	fail "a query pruned to a live shard fails with shard2 down: $got"
# a statement with rows for shard1 and shard2: nothing of it is kept
id1=$(on coordinator -c "SELECT g FROM generate_series(910001, 910100) g WHERE satisfies_hash_partition('articles'::regclass, 3, 1, g::bigint) LIMIT 1")
id2=$(on coordinator -c "SELECT g FROM generate_series(910001, 910100) g WHERE satisfies_hash_partition('articles'::regclass, 3, 2, g::bigint) LIMIT 1")
err=$(on coordinator -c "INSERT INTO articles (id, published, body) VALUES ($id1, '2024-03-02', 'Envoys met.'), ($id2, '2024-03-02', 'Envoys met.')" 2>&1) &&
	fail "an insert with a row for the stopped shard succeeded"
case $err in *'server "shard2"'*) ;; *) fail "the insert's error does not name the stopped shard: $err" ;; esac
[ "$(on shard1 -c "SELECT count(*) FROM articles WHERE id = $id1")" = 0 ] || fail "shard1 kept its row of a failed insert"
echo "ok: queries and inserts that avoid the stopped shard run; one that needs it fails whole"
# a dictionary edit made meanwhile
probe2='Envoys from Quarnia met in Suva.'
[ "$(knows shard1 "$probe2" Quarnia)" = 0 ] || fail "shard1 knows Quarnia before the edit"
on coordinator -c "INSERT INTO diplomat.gazetteer (kind, name, country, actor) VALUES ('GPE', 'Quarnia', 'FJI', 'FJI')"
wait_recognised shard1 "$probe2" Quarnia >/dev/null || fail "shard1 did not get the edit made while shard2 was down"
echo "   shard1 has it $(($(image_ms shard1) - $(committed_ms coordinator diplomat.gazetteer "name = 'Quarnia'"))) ms after it committed"
t0=$(now_ms)
so_cl shard2 start >/dev/null || die "shard2 did not restart"
t_up=$(now_ms)
wait_recognised shard2 "$probe2" Quarnia >/dev/null || fail "shard2 did not get the edit made while it was down"
delay_restart=$(($(image_ms shard2) - t_up))
echo "ok: the edit made while shard2 was down reached it ${delay_restart} ms after it had started (the start took $((t_up - t0)) ms)"
for i in $(seq 1 100); do
	[ "$(dictionaries shard2)" = "$(dictionaries coordinator)" ] && break
	sleep 0.1
done
same_dictionaries "after shard2 came back"
[ "$(on coordinator -c "SELECT count(*) FROM articles")" = $((total + 12)) ] || fail "the coordinator does not see every article again"

psql_single -d postgres -c "DROP DATABASE $single"
echo "   replication delay: shard1 ${delay_shard1} ms, shard2 ${delay_shard2} ms; after a restart ${delay_restart} ms; whole suite $(($(now_ms) - t_start)) ms"
exit $status
