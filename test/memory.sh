#!/bin/sh
# Peak backend memory does not grow with the document: for 8 MB of each
# kind of text (punctuation without spaces, news, news without line
# breaks, news in capitals, Thai without spaces, one huge token),
# to_entities(), mentions(), events(), tokens() and normalize() raise the
# backend's peak resident memory by at most 128 MB, the input and its
# copies included (about 17 MB of it; to_topics() and sentences() run the
# same code as to_entities() and tokens(): DIPLOMAT_MEMORY_FUNCS adds them).
#
# The peak is VmHWM of /proc/<backend pid>/status, reset through
# /proc/<pid>/clear_refs just before each call, one fresh session per
# call (so that memory kept by an earlier call cannot hide a later one).
# Linux only: skips where /proc or clear_refs is missing.
#
#   DIPLOMAT_MEMORY_MB=32 sh test/memory.sh      another size
#   DIPLOMAT_MEMORY_LIMIT_MB=...                 another bound
#   DIPLOMAT_MEMORY_KINDS="news thai"            some kinds
#   DIPLOMAT_MEMORY_FUNCS="mentions events"      some functions
top=$(cd "$(dirname "$0")/.." && pwd)
mb=${DIPLOMAT_MEMORY_MB:-8}
limit=${DIPLOMAT_MEMORY_LIMIT_MB:-128}
kinds=${DIPLOMAT_MEMORY_KINDS:-punctuation news oneline capitals thai token}
funcs=${DIPLOMAT_MEMORY_FUNCS:-to_entities mentions events tokens normalize}
db=diplomat_memory
q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

if [ ! -r /proc/self/status ] || ! grep -q '^VmHWM:' /proc/self/status || [ ! -w /proc/self/clear_refs ]; then
	echo "skip: no /proc/<pid>/status with VmHWM, or no writable clear_refs (Linux only)"
	exit 0
fi
q -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" || exit 1
q -d $db -c "SET client_min_messages = warning" -c "CREATE EXTENSION diplomat" || exit 1
can=$(q -d $db <<'SQL'
SELECT pg_backend_pid() AS pid \gset
\setenv DIPLOMAT_PID :pid
\! (echo 5 > /proc/$DIPLOMAT_PID/clear_refs) 2>/dev/null && echo yes || echo no
SQL
)
if [ "$can" != yes ]; then
	q -d postgres -c "DROP DATABASE $db"
	echo "skip: cannot reset the peak memory of the server's processes (/proc/<pid>/clear_refs)"
	exit 0
fi

# the documents: the team's example articles, a Thai phrase, punctuation;
# stored uncompressed so that reading one costs its size once
q -d $db -v news="$(cat "$top"/examples/*.txt)" -v mb="$mb" <<'SQL' || exit 1
CREATE TABLE docs (kind text PRIMARY KEY, doc text);
ALTER TABLE docs ALTER doc SET STORAGE EXTERNAL;
INSERT INTO docs
SELECT k, left(repeat(piece, (:mb * 1048576 / octet_length(piece)) + 1), :mb * 1048576 / (octet_length(piece) / length(piece)))
  FROM (VALUES ('punctuation', ',.;:!?()-"/'),
               ('news', :'news' || E'\n\n'),
               ('oneline', replace(:'news', E'\n', ' ') || ' '),
               ('capitals', upper(:'news') || E'\n\n'),
               ('thai', 'การประชุมระหว่างรัฐมนตรีต่างประเทศของไทยและญี่ปุ่นที่กรุงเทพ'),
               ('token', 'a')) AS p(k, piece);
SQL

status=0
for kind in $kinds; do
	for f in $funcs; do
		case $f in
		to_entities) call="SELECT diplomat.length(diplomat.to_entities(doc, '2024-01-13')) FROM docs d WHERE d.kind = '$kind'" ;;
		to_topics) call="SELECT diplomat.to_topics(doc) IS NULL FROM docs d WHERE d.kind = '$kind'" ;;
		mentions | events) call="SELECT count(*) FROM docs d, diplomat.$f(d.doc, '2024-01-13') WHERE d.kind = '$kind'" ;;
		sentences | tokens) call="SELECT count(*) FROM docs d, diplomat.$f(d.doc) WHERE d.kind = '$kind'" ;;
		normalize) call="SELECT length(diplomat.normalize(doc)) FROM docs d WHERE d.kind = '$kind'" ;;
		*) echo "memory.sh: unknown function $f"; exit 2 ;;
		esac
		out=$(q -d $db 2>&1 <<SQL
SELECT pg_backend_pid() AS pid \gset
\setenv DIPLOMAT_PID :pid
SELECT diplomat.length(diplomat.to_entities('Antony Blinken met Wang Yi.')) \g /dev/null
\! echo 5 > /proc/\$DIPLOMAT_PID/clear_refs
SELECT (regexp_match(pg_read_file('/proc/self/status'), 'VmHWM:\s+(\d+)'))[1]::bigint AS base, clock_timestamp() AS t0 \gset
$call \g /dev/null
SELECT ((regexp_match(pg_read_file('/proc/self/status'), 'VmHWM:\s+(\d+)'))[1]::bigint - :base) / 1024,
       round(extract(epoch FROM clock_timestamp() - :'t0')::numeric, 2);
SQL
)
		set -- $(echo "$out" | tail -1 | tr '|' ' ')
		if [ $# -ne 2 ]; then
			echo "FAIL: $mb MB of $kind, $f: $out"
			status=1
		elif [ "$1" -gt "$limit" ]; then
			echo "FAIL: $mb MB of $kind, $f: peak memory grew by $1 MB (at most $limit) in $2 s"
			status=1
		else
			echo "ok: $mb MB of $kind, $f: peak memory grew by $1 MB in $2 s"
		fi
	done
done
q -d postgres -c "DROP DATABASE $db"
exit $status
