#!/bin/sh
# make bench: diplomat against PostgreSQL's full-text search on the news
# corpora of ../shared/data/news, on a throwaway cluster (tmp/bench).
# Prints one table of medians and ratios and writes it, with the machine
# described, to bench/results/latest.md and latest.json.  See
# bench/README.md for what is measured and how.
#
# Knobs (environment):
#   BENCH_QUICK=1        smoke run: 1 article in 10, 3 rounds, scale x1 x2 x3;
#                        writes bench/results/quick.{md,json} (not committed)
#   BENCH_SCALE=N        load the corpora N times (default 1)
#   BENCH_ROUNDS=N       rounds of every timed comparison (default 5, quick 3)
#   BENCH_SIZES="1 3 10" corpus multiples of the scale section ("" skips it)
#   BENCH_SESSIONS=N     fresh sessions for the first-call section (default 7)
#   BENCH_QUERY_RUNS=N   runs of every query (default 11)
#   BENCH_DATA=dir       the corpora (default ../shared/data/news)
#   BENCH_KEEP=1         keep the benchmark database (diplomat_bench)
#   DIPLOMAT_CLUSTER, DIPLOMAT_PORT   the cluster (default bench, 5498)
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
data=${BENCH_DATA:-$top/../shared/data/news}
files="bbc:bbc.jsonl.gz agnews:agnews_test.jsonl.gz reuters:reuters21578.jsonl.gz"

for cf in $files; do
	if [ ! -r "$data/${cf#*:}" ]; then
		echo "bench: skipped: the news corpora are not in $data (${cf#*:} missing)."
		echo "bench: they are not part of the repository; put them in ../shared/data/news or set BENCH_DATA."
		exit 0
	fi
done
data=$(cd "$data" && pwd)

if [ "${BENCH_QUICK:-0}" = 1 ]; then
	mode=quick sample=10 rounds=3 sizes="1 2 3" sessions=3 runs=5
else
	mode=full sample=1 rounds=5 sizes="1 3 10" sessions=7 runs=11
fi
copies=${BENCH_SCALE:-1}
rounds=${BENCH_ROUNDS:-$rounds}
sizes=${BENCH_SIZES-$sizes}
sessions=${BENCH_SESSIONS:-$sessions}
runs=${BENCH_QUERY_RUNS:-$runs}
[ "$rounds" -ge 3 ] || { echo "bench: BENCH_ROUNDS must be at least 3" >&2; exit 2; }
[ "$mode" = full ] && out=latest || out=quick
results="$top/bench/results"

export DIPLOMAT_CLUSTER=${DIPLOMAT_CLUSTER:-bench} DIPLOMAT_PORT=${DIPLOMAT_PORT:-5498}
cluster() { sh "$top/tools/cluster.sh" "$@"; }
cleanup() {
	if [ "${BENCH_KEEP:-0}" != 1 ]; then
		psql -d postgres -c "DROP DATABASE IF EXISTS diplomat_bench" >/dev/null 2>&1 || true
	fi
	cluster stop >/dev/null || true
}
cluster start >/dev/null
trap cleanup EXIT
trap 'exit 130' INT TERM
eval "$(cluster env | sed 's/^/export /')"
export PGDATABASE=diplomat_bench
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
say() { echo "bench: $*" >&2; }

so="$(${PG_CONFIG:-pg_config} --pkglibdir 2>/dev/null || echo /nonexistent)/diplomat.so"
so_md5() { (md5sum "$1" 2>/dev/null || echo unknown) | cut -d' ' -f1; }
start=$(date +%s)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
say "$mode run: $copies copies, 1 article in $sample, $rounds rounds, scale x$(echo $sizes | sed 's/ /, x/g')"

psql -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS diplomat_bench" \
	-c "CREATE DATABASE diplomat_bench"
psql -d postgres -c "ALTER DATABASE diplomat_bench SET jit = off"
# Snapshot of the installed library: the database's C functions are pointed
# at a copy taken now, so that every session and parallel worker of this
# run uses the build that CREATE EXTENSION installed, even if diplomat is
# reinstalled while the benchmark runs.
lib="$(cluster where)/lib" # where the server can read it (see tools/cluster.sh)
mkdir -p "$lib"
cp "$so" "$lib/diplomat.so"
chmod 755 "$lib"
chmod 644 "$lib/diplomat.so"
so_start=$(so_md5 "$lib/diplomat.so")
psql -o /dev/null -v lib="$lib/diplomat.so" -f "$top/bench/setup.sql"

say "loading the corpora from $data"
for cf in $files; do
	psql -c "\\copy bench.raw (line) FROM PROGRAM 'gzip -dc \"$data/${cf#*:}\"' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')"
	psql -c "UPDATE bench.raw SET corpus = '${cf%%:*}' WHERE corpus IS NULL"
done
psql -o /dev/null -v copies="$copies" -v sample="$sample" -f "$top/bench/load.sql"
say "$(psql -At -c "SELECT format('news: %s rows, %s MB, %s tokens', (SELECT value FROM bench.facts WHERE key = 'rows'), round((SELECT value::numeric FROM bench.facts WHERE key = 'bytes') / 1e6, 1), (SELECT value FROM bench.facts WHERE key = 'tokens'))")"

say "first call in $sessions fresh sessions of each kind"
i=1
while [ "$i" -le "$sessions" ]; do
	# rotate the order of the kinds from one round to the next
	set -- entities tsv_english dictionary idle
	j=$(( (i - 1) % 4 ))
	while [ "$j" -gt 0 ]; do set -- "$2" "$3" "$4" "$1"; j=$((j - 1)); done
	for kind in "$@"; do
		case $kind in
		entities) psql -v kind=entities -v round="$i" -v call="diplomat.to_entities('x'::text)" -f "$top/bench/firstcall.sql" ;;
		tsv_english) psql -v kind=tsv_english -v round="$i" -v call="to_tsvector('english', 'x'::text)" -f "$top/bench/firstcall.sql" ;;
		dictionary) psql -v kind=dictionary -v round="$i" -v pre="diplomat.normalize('x'::text)" \
			-v call="diplomat.to_entities('x'::text)" -f "$top/bench/firstcall.sql" ;;
		idle) psql -v kind=idle -v round="$i" -v call="NULL::text" -f "$top/bench/firstcall.sql" ;;
		esac
	done
	i=$((i + 1))
done

say "throughput (one core)"
psql -o /dev/null -v rounds="$rounds" -f "$top/bench/throughput.sql"
say "parallel sequential scan"
psql -o /dev/null -v rounds="$rounds" -f "$top/bench/parallel.sql"
say "stored columns and GIN builds"
psql -o /dev/null -v rounds="$rounds" -f "$top/bench/gin.sql"
say "query latency"
psql -o /dev/null -v runs="$runs" -f "$top/bench/query.sql"
if [ -n "$sizes" ]; then
	psql -o /dev/null -v rounds="$rounds" -v runs="$runs" -v sizes="{$(echo $sizes | tr ' ' ',')}" \
		-f "$top/bench/scale.sql"
fi

# the machine
elapsed=$(( $(date +%s) - start ))
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
hv=$(lscpu 2>/dev/null | sed -n 's/^Hypervisor vendor:[[:space:]]*//p')
[ -n "$hv" ] && cpu="$cpu, virtual machine ($hv)"
ram=$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
so_end=$(so_md5 "$so")
so_md5=$so_start
if [ "$so_start" != "$so_end" ]; then
	so_md5="$so_start (reinstalled during the run; this run used the snapshot taken at its start)"
	say "note: diplomat was reinstalled during the run; the run used the library of its start"
fi
git=$(cd "$top" && git describe --always --dirty 2>/dev/null || echo unknown)
vars="-v mode=$mode -v rounds=$rounds -v runs=$runs -v sessions=$sessions"
report() {
	psql -v cpu="$cpu" -v nproc="$(nproc)" -v ram="$ram" -v kernel="$(uname -sr)" \
		-v run_date="$(date -u '+%Y-%m-%d %H:%M UTC')" -v load_start="$load_start" \
		-v load_end="$(cut -d' ' -f1-3 /proc/loadavg)" -v git="$git" -v so_md5="$so_md5" \
		-v elapsed="$elapsed" -v sizes="${sizes:-none}" $vars -f "$top/bench/report.sql" "$@"
}
mkdir -p "$results"
echo
report -v build=1 -v table=1
report -v md=1 -o "$results/$out.md"
report -v json=1 -o "$results/$out.json"
echo
echo "written: bench/results/$out.md, bench/results/$out.json (${elapsed}s)"
