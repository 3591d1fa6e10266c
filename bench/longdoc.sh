#!/bin/sh
# bench/longdoc.sh: is the cost of one long document linear in its size?
#
# One document of dense news (the team's example articles in examples/,
# repeated) at 2 MB and at 16 MB; events(), mentions(), to_entities() and
# PostgreSQL's to_tsvector('english') are timed on each, one call per
# session-free query, rounds rotated, medians taken.  The 16 MB call should
# cost 8 times the 2 MB call (linear); the deployment target is at most 12
# times for events().  No shared data needed.
#
#   sh bench/longdoc.sh                   (make bench-longdoc)
#   BENCH_ROUNDS=5 BENCH_LONGDOC_MB="2 16" sh bench/longdoc.sh
#
# Writes bench/results/longdoc.md.
top=$(cd "$(dirname "$0")/.." && pwd)
rounds=${BENCH_ROUNDS:-3}
sizes=${BENCH_LONGDOC_MB:-2 16}
results="$top/bench/results"
db=diplomat_longdoc
cluster() { sh "$top/tools/cluster.sh" "$@"; }

cluster start >/dev/null || exit 1
eval "$(cluster env | sed 's/^/export /')"
q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" || exit 1
q -d $db -c "SET client_min_messages = warning" -c "CREATE EXTENSION diplomat" || exit 1
q -d $db -v news="$(cat "$top"/examples/*.txt)" -v sizes="{$(echo $sizes | tr ' ' ',')}" <<'SQL' || exit 1
CREATE TABLE docs (mb int PRIMARY KEY, doc text);
ALTER TABLE docs ALTER doc SET STORAGE EXTERNAL;
INSERT INTO docs
SELECT mb, left(repeat(:'news' || E'\n\n', mb * 1048576 / octet_length(:'news') + 1), mb * 1048576)
  FROM unnest(:'sizes'::int[]) mb;
CREATE TABLE timings (fn text, mb int, round int, ms double precision);
SQL

echo "bench: one document of $(echo $sizes | sed 's/ / and /') MB, $rounds rounds" >&2
r=1
while [ "$r" -le "$rounds" ]; do
	for mb in $sizes; do
		for fn in events mentions to_entities tsvector; do
			case $fn in
			events) call="(SELECT count(*) FROM diplomat.events(doc, '2024-01-13'))" ;;
			mentions) call="(SELECT count(*) FROM diplomat.mentions(doc, '2024-01-13'))" ;;
			to_entities) call="length(diplomat.to_entities(doc, '2024-01-13')::text)" ;;
			tsvector) call="length(to_tsvector('english', doc))" ;;
			esac
			q -d $db <<SQL || exit 1
\\o /dev/null
SELECT clock_timestamp() AS t0 \\gset
SELECT $call FROM docs WHERE mb = $mb;
\\o
INSERT INTO timings SELECT '$fn', $mb, $r,
       extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000;
SQL
		done
	done
	r=$((r + 1))
done

mkdir -p "$results"
lo=$(echo $sizes | awk '{print $1}')
hi=$(echo $sizes | awk '{print $NF}')
q -d $db -v lo="$lo" -v hi="$hi" -v git="$(cd "$top" && git describe --always --dirty 2>/dev/null)" \
	-v load="$(cut -d' ' -f1-3 /proc/loadavg)" -v rounds="$rounds" <<'SQL' > "$results/longdoc.md" || exit 1
WITH med AS (
  SELECT fn, mb, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms
    FROM timings GROUP BY fn, mb)
SELECT format(E'# One long document: time against size\n\n'
              'Commit %s, %s rounds (median), load average at the end %s; '
              'dense news from examples/, one document of each size.\n\n'
              '| function | %s MB | %s MB | ratio (%s = linear) | target |\n|---|---:|---:|---:|---:|',
              :'git', :'rounds', :'load', :'lo', :'hi', :hi / :lo)
UNION ALL
SELECT * FROM (
SELECT format('| %s | %s ms | %s ms | %s | %s |',
              CASE a.fn WHEN 'tsvector' THEN 'to_tsvector(''english'')' ELSE a.fn || '()' END,
              round(a.ms::numeric), round(b.ms::numeric), round((b.ms / a.ms)::numeric, 2),
              CASE a.fn WHEN 'events' THEN '<= 12' ELSE '' END)
  FROM med a JOIN med b ON a.fn = b.fn AND a.mb = :lo AND b.mb = :hi
 ORDER BY array_position(ARRAY['events', 'mentions', 'to_entities', 'tsvector'], a.fn)) t;
SQL
cat "$results/longdoc.md"
q -d postgres -c "DROP DATABASE $db"
