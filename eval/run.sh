#!/bin/sh
# make eval: accuracy of the installed extension.
#  - entities: exact-span F1 (PER, ORG, LOC = GPE+LOC) on the NER development
#    sets in ../shared/data/ner, scored by ../shared/tools/score_ner.py
#    (skipped when the shared folder is absent: users do not have it);
#  - events and topics: the team's own test sentences in test/data
#    (see eval/events.sql and eval/topics.sql), kept as regression checks;
#  - events on real news: the development sentences with gold classes and
#    actor spans in ../shared/data/events (eval/events_dev.sql) and the
#    events coded on business news that has none (eval/business.sql);
#  - headlines and datelines of the BBC and Reuters news, against the
#    records' title and dateline fields (eval/lines.sql).
# Runs on a throwaway cluster (tmp/eval, see tools/cluster.sh).  Needs python3
# for the NER scorer.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
shared="${DIPLOMAT_SHARED:-$top/../shared}"
export DIPLOMAT_CLUSTER=eval DIPLOMAT_PORT=${DIPLOMAT_EVAL_PORT:-5497}
sh "$top/tools/cluster.sh" start >/dev/null
trap 'sh "$top/tools/cluster.sh" stop >/dev/null' EXIT
eval "$(sh "$top/tools/cluster.sh" env | sed 's/^/export /')"
work="$top/tmp/eval-work"
mkdir -p "$work"
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
psql -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS diplomat_eval" -c "CREATE DATABASE diplomat_eval"
psql -d diplomat_eval -c "SET client_min_messages = warning" -c "CREATE EXTENSION diplomat"

summary="$work/summary.txt"
: > "$summary"

if [ -d "$shared/data/ner" ] && command -v python3 >/dev/null; then
	scorer="$shared/tools/score_ner.py"
	total=0; n=0
	for set in ${EVAL_SETS:-conll2003 gmb re3d wikigold}; do
		gold="$shared/data/ner/$set.dev.conll"
		[ -f "$gold" ] || continue
		python3 "$scorer" export-text "$gold" > "$work/$set.jsonl"
		python3 - "$work/$set.jsonl" > "$work/$set.docs.tsv" <<'PY'
import json, sys
def esc(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')
for line in open(sys.argv[1], encoding='utf-8'):
    d = json.loads(line)
    print(esc(d['doc']) + '\t' + esc(d['text']))
PY
		psql -d diplomat_eval <<SQL
DROP TABLE IF EXISTS ner_docs;
CREATE TABLE ner_docs (doc text, body text);
\copy ner_docs FROM '$work/$set.docs.tsv'
\copy (SELECT d.doc, m.start - 1, m.start - 1 + m.len, CASE m.kind WHEN 'GPE' THEN 'LOC' ELSE m.kind END FROM ner_docs d, diplomat.mentions(d.body) m WHERE m.kind IN ('PER', 'ORG', 'GPE', 'LOC')) TO '$work/$set.char.tsv'
SQL
		python3 "$scorer" align "$work/$set.jsonl" "$work/$set.char.tsv" > "$work/$set.pred.tsv"
		python3 "$scorer" score "$gold" "$work/$set.pred.tsv" --types PER,ORG,LOC \
			--json "$work/$set.score.json" > "$work/$set.score.txt"
		f1=$(python3 -c "import json;d=json.load(open('$work/$set.score.json'));print('%.2f'%(100*d['ALL']['exact']['f1']))" 2>/dev/null ||
			grep '^ALL' "$work/$set.score.txt" | head -1 | awk '{print $7}')
		printf 'entities %-10s exact F1 %6s  (PER/ORG/LOC; details %s)\n' "$set" "$f1" "tmp/eval-work/$set.score.txt" >> "$summary"
		total=$(python3 -c "print($total + $f1)"); n=$((n + 1))
	done
	if [ $n -gt 0 ]; then
		printf 'entities mean F1 over %d sets: %s\n' $n "$(python3 -c "print('%.2f' % ($total / $n))")" >> "$summary"
	fi
else
	echo "entities: skipped (no $shared/data/ner, or no python3)" >> "$summary"
fi

for part in events topics; do
	if [ -f "$top/eval/$part.sql" ] && [ -f "$top/test/data/$part.tsv" ]; then
		psql -d diplomat_eval -At -v datafile="$top/test/data/$part.tsv" -f "$top/eval/$part.sql" >> "$summary"
	fi
done

# real news sentences with gold classes and actor spans (development data)
if [ -f "$shared/data/events/conflibert_dev.tsv" ]; then
	psql -d diplomat_eval -At -v datafile="$shared/data/events/conflibert_dev.tsv" -f "$top/eval/events_dev.sql" >> "$summary"
else
	echo "events-dev: skipped (no $shared/data/events/conflibert_dev.tsv)" >> "$summary"
fi

# events coded on business news, which has none (false positives)
if [ -f "$shared/data/news/reuters21578.jsonl.gz" ]; then
	psql -d diplomat_eval -v shared="$shared" -f "$top/eval/load_news.sql"
	psql -d diplomat_eval -At -f "$top/eval/business.sql" >> "$summary"
else
	echo "events-business: skipped (no $shared/data/news)" >> "$summary"
fi

# headlines and datelines of the news corpora, against their title and
# dateline fields (eval/lines.sql)
if [ -f "$shared/data/news/reuters21578.jsonl.gz" ] && [ -f "$shared/data/news/bbc.jsonl.gz" ]; then
	psql -d diplomat_eval -At -v shared="$shared" -f "$top/eval/lines.sql" >> "$summary"
else
	echo "lines: skipped (no $shared/data/news)" >> "$summary"
fi
echo
cat "$summary"
