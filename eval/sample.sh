#!/bin/sh
# make eval-sample KIND=events|topics SEED=N [N=40]: prints a fixed-seed
# random sample of events (or of articles with their top three topics)
# produced from the Reuters-21578 and BBC corpora in ../shared/data/news,
# for judging by hand.  Judgments are recorded in eval/judged/ (see
# eval/README.md).  Skips cleanly when the shared folder is absent.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
shared="${DIPLOMAT_SHARED:-$top/../shared}"
kind=${1:-events} seed=${2:-1} n=${3:-40}
if [ ! -f "$shared/data/news/reuters21578.jsonl.gz" ]; then
	echo "skip: the news corpora are not in $shared/data/news"
	exit 0
fi
export DIPLOMAT_CLUSTER=eval DIPLOMAT_PORT=${DIPLOMAT_EVAL_PORT:-5497}
sh "$top/tools/cluster.sh" start >/dev/null
trap 'sh "$top/tools/cluster.sh" stop >/dev/null' EXIT
eval "$(sh "$top/tools/cluster.sh" env | sed 's/^/export /')"
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
psql -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS diplomat_sample" -c "CREATE DATABASE diplomat_sample"
psql -d diplomat_sample -c "SET client_min_messages = warning" -c "CREATE EXTENSION diplomat"
psql -d diplomat_sample -v shared="$shared" -f "$top/eval/load_news.sql"
echo "# sample of $n $kind, seed $seed, $(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo unknown)"
psql -d diplomat_sample -v kind="$kind" -v seed="$seed" -v n="$n" -f "$top/eval/sample.sql"
