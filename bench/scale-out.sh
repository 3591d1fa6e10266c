#!/bin/sh
# The coordinator's overhead: the scale-out recipe of doc/scale-out.md (a
# coordinator and two shards) against one server doing the same work (the
# shards' schema: generated columns, GIN indexes, events stored by a
# trigger), all four throwaway clusters on this machine.  Measures, in
# rounds that alternate which goes first, medians of:
#   - loading N articles (example articles and test/scale-out/articles.sql)
#     with one INSERT;
#   - selective @@ queries, with pgbench: in an open session, and in a new
#     session per query (the coordinator then also connects to the shards);
#   - the two-phase "every report" summary of doc/scale-out.md against the
#     same summary on one server.
# Prints a table and writes it, with the machine, to
# bench/results/scale-out.md.  Needs no shared data.
#
#   SCALEOUT_BENCH_ARTICLES=N   generated articles (default 6000)
#   SCALEOUT_BENCH_ROUNDS=N     rounds (default 5, at least 3)
#   SCALEOUT_BENCH_SECONDS=N    seconds of each pgbench run (default 3)
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
pgconfig=${PG_CONFIG:-pg_config}
bindir=$("$pgconfig" --bindir)
work="$top/build/scale-out-bench"
n=${SCALEOUT_BENCH_ARTICLES:-6000}
rounds=${SCALEOUT_BENCH_ROUNDS:-5}
seconds=${SCALEOUT_BENCH_SECONDS:-3}
[ "$rounds" -ge 3 ] || { echo "bench/scale-out.sh: SCALEOUT_BENCH_ROUNDS must be at least 3" >&2; exit 2; }
rm -rf "$work"
mkdir -p "$work"
. "$top/tools/scale-out-lib.sh"
servers="coordinator shard1 shard2 single"
trap 'so_destroy $servers' EXIT
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
t_start=$(now_ms)

echo "bench: four clusters (coordinator, shard1, shard2, single), the recipe of doc/scale-out.md"
so_start $servers
so_recipe
# one server with the shards' schema and work per article
on single -f "$(so_block every-server 'CREATE EXTENSION diplomat')" >/dev/null
on single -v shard=single -f "$(so_block each-shard 'CREATE TABLE articles')" >/dev/null
so_articles "$n" 1000 > "$work/load.sql"
total=$((n + 6))

# median: the median of the numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# empty: both systems without articles
empty() {
	on coordinator -c "TRUNCATE articles_local, article_events_local"
	for s in shard1 shard2 single; do on $s -c "TRUNCATE articles, article_events"; done
}
# load SYSTEM: milliseconds to insert the articles through it
load() {
	t0=$(now_ms)
	on "$1" -f "$work/load.sql" >/dev/null
	echo $(($(now_ms) - t0))
}
# pgb SYSTEM FILE [-C]: average latency in ms of FILE under pgbench
pgb() {
	"$bindir/pgbench" -n -T "$seconds" $3 -h "$(so_sock "$1")" -p "$(so_port "$1")" -U "$so_user" \
		-f "$2" news 2>&1 | sed -n 's/^latency average = \([0-9.]*\) ms$/\1/p'
}

echo "bench: loading $total articles, $rounds rounds"
: > "$work/load-coordinator.txt"
: > "$work/load-single.txt"
for r in $(seq 1 "$rounds"); do
	empty
	if [ $((r % 2)) = 1 ]; then order="coordinator single"; else order="single coordinator"; fi
	for sys in $order; do load $sys >> "$work/load-$sys.txt"; done
done
for s in coordinator shard1 shard2 single; do on $s -c "VACUUM ANALYZE" >/dev/null; done
[ "$(on coordinator -c 'SELECT count(*) FROM articles')" = $total ] || { echo "bench: the coordinator does not hold $total articles" >&2; exit 1; }
placement=$(on coordinator -c "SELECT string_agg(n::text, '/' ORDER BY p) FROM (SELECT tableoid::regclass::text AS p, count(*) AS n FROM articles GROUP BY 1) x")

# the queries, each in a file for pgbench
q_rare="SELECT id FROM articles WHERE ents @@ 'PER:\"Liu Jianchao\"';"
q_one="SELECT id FROM articles WHERE ents @@ 'PER:\"Penny Wong\" & GPE:Ukraine';"
q_summary=$(grep -v '^--' "$work/analysis-every-report.sql")
q_summary_single="SELECT actor_country(source) AS src, actor_country(target) AS tgt, date_trunc('month', event_date)::date AS month, (event_summary(code)).* FROM article_events WHERE target IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 3, 1, 2;"
printf '%s\n' "$q_rare" > "$work/q-rare.sql"
printf '%s\n' "$q_one" > "$work/q-one.sql"
printf '%s\n' "$q_summary" | tr '\n' ' ' > "$work/q-summary-coordinator.sql"
printf '%s\n' "$q_summary_single" > "$work/q-summary-single.sql"
cp "$work/q-rare.sql" "$work/q-rare-coordinator.sql"; cp "$work/q-rare.sql" "$work/q-rare-single.sql"
cp "$work/q-one.sql" "$work/q-one-coordinator.sql"; cp "$work/q-one.sql" "$work/q-one-single.sql"
rows_rare=$(on single -f "$work/q-rare.sql" | wc -l)
rows_one=$(on single -f "$work/q-one.sql" | wc -l)
rows_summary=$(on single -f "$work/q-summary-single.sql" | wc -l)
[ "$(on coordinator -f "$work/q-one.sql" | sort)" = "$(on single -f "$work/q-one.sql" | sort)" ] ||
	{ echo "bench: the coordinator and one server disagree on $q_one" >&2; exit 1; }
[ "$(on coordinator -f "$work/q-summary-coordinator.sql")" = "$(on single -f "$work/q-summary-single.sql")" ] ||
	{ echo "bench: the coordinator and one server disagree on the summary" >&2; exit 1; }

echo "bench: queries, $rounds rounds of ${seconds} s of pgbench each"
for q in rare one summary rare-new one-new; do
	: > "$work/lat-$q-coordinator.txt"
	: > "$work/lat-$q-single.txt"
done
for r in $(seq 1 "$rounds"); do
	if [ $((r % 2)) = 1 ]; then order="coordinator single"; else order="single coordinator"; fi
	for q in rare one summary; do
		for sys in $order; do pgb $sys "$work/q-$q-$sys.sql" >> "$work/lat-$q-$sys.txt"; done
	done
	for q in rare one; do
		for sys in $order; do pgb $sys "$work/q-$q-$sys.sql" -C >> "$work/lat-$q-new-$sys.txt"; done
	done
done

# the delay of a dictionary edit: from its commit on the coordinator to
# each shard's writing the image it recompiled, and the compile in it
for s in shard1 shard2; do log_images $s; done
on coordinator -c "INSERT INTO diplomat.gazetteer (kind, name, country, actor) VALUES ('GPE', 'Quarnia', 'FJI', 'FJI')"
edit_ms=$(committed_ms coordinator diplomat.gazetteer "name = 'Quarnia'")
for s in shard1 shard2; do
	for i in $(seq 1 600); do
		[ "$(on $s -c "SELECT count(*) FROM diplomat.mentions('Envoys met in Quarnia.') m WHERE m.country = 'FJI'")" -gt 0 ] && break
		sleep 0.02
	done
	eval "repl_$s=$(($(image_ms $s) - edit_ms))"
done
compile=$(on single -c "\\timing on" -c "SELECT rejected FROM diplomat.dictionary_rebuild()" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')

# the table
med() { median < "$work/$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
diff_() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.3g", a - b }'; }
row() { # label file-stem unit
	c=$(med "$2-coordinator.txt")
	s=$(med "$2-single.txt")
	printf '| %s | %s | %s | %s %s | %s |\n' "$1" "$c $3" "$s $3" "$(diff_ "$c" "$s")" "$3" "$(ratio "$c" "$s")"
}
lc=$(med load-coordinator.txt)
ls_=$(med load-single.txt)
{
	echo "# Scale-out benchmark: coordinator and two shards against one server"
	echo
	echo "Written by \`bench/scale-out.sh\`: the recipe of [doc/scale-out.md](../../doc/scale-out.md)"
	echo "(a coordinator with a local partition and two shards, \`postgres_fdw\` with"
	echo "\`batch_size 100\` and \`async_capable\`) against one server with the shards'"
	echo "schema (generated \`ents\` and \`tops\`, GIN indexes, events stored by a"
	echo "trigger), four throwaway clusters on one machine. Medians of $rounds rounds"
	echo "that alternate which system goes first; query latencies are pgbench's"
	echo "averages over ${seconds} s runs, client side."
	echo
	echo "## Machine"
	echo
	echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
	echo "- CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(nproc) cores (\`nproc\`)"
	echo "- RAM: $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)"
	echo "- PostgreSQL: $(on single -c 'SELECT version()')"
	echo "- extension: diplomat $(on single -c "SELECT extversion FROM pg_extension WHERE extname = 'diplomat'"), checkout $(cd "$top" && git describe --always --dirty 2>/dev/null || echo unknown)"
	echo "- load average at start / end: $load_start / $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "- run time: $((($(now_ms) - t_start) / 1000)) s"
	echo
	echo "The four servers share the machine's $(nproc) cores (and other work on it):"
	echo "the shards cannot run beside each other on cores of their own as they"
	echo "would on their own machines, so this measures the coordinator's"
	echo "overhead (routing, round trips, a second transaction per shard), not the"
	echo "speed-up of more hardware."
	echo
	echo "## Results"
	echo
	echo "$total articles ($(awk "BEGIN { printf \"%.1f\", $(on single -c 'SELECT sum(octet_length(body)) FROM articles') / 1048576 }") MB of text), placed local/shard1/shard2 = $placement."
	echo
	echo "| measure | coordinator + 2 shards | one server | overhead | ratio |"
	echo "|---|---:|---:|---:|---:|"
	printf '| load %s articles, one INSERT | %s ms (%s articles/s) | %s ms (%s articles/s) | %s ms | %s |\n' "$total" \
		"$lc" "$(awk "BEGIN { printf \"%.0f\", $total * 1000 / $lc }")" \
		"$ls_" "$(awk "BEGIN { printf \"%.0f\", $total * 1000 / $ls_ }")" "$(diff_ "$lc" "$ls_")" "$(ratio "$lc" "$ls_")"
	row "selective \`@@\`, $rows_rare row, open session" lat-rare ms
	row "selective \`@@\`, $rows_one rows, open session" lat-one ms
	row "selective \`@@\`, $rows_rare row, new session per query" lat-rare-new ms
	row "selective \`@@\`, $rows_one rows, new session per query" lat-one-new ms
	row "summary per dyad and month, every report ($rows_summary rows)" lat-summary ms
	echo
	echo "Queries: \`$q_rare\` and \`$q_one\`; the summary is the"
	echo "two-phase query of doc/scale-out.md (per shard, then"
	echo "\`event_summary_combine\`) against \`event_summary\` over the stored events"
	echo "on one server."
	echo
	echo "A dictionary edit on the coordinator (a new gazetteer row) is applied and"
	echo "compiled on shard1 $repl_shard1 ms and on shard2 $repl_shard2 ms after it committed (from its"
	echo "commit timestamp to the shard's writing the image); recompiling the"
	echo "dictionaries (\`dictionary_rebuild()\`) takes"
	echo "$compile ms of that on one server."
} > "$work/scale-out.md"
cat "$work/scale-out.md"
mkdir -p "$top/bench/results"
cp "$work/scale-out.md" "$top/bench/results/scale-out.md"
echo "bench: written to bench/results/scale-out.md"
