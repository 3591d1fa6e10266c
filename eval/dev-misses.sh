#!/bin/sh
# make eval-misses: the development sentences the coder misses (class or
# source), listed from the tables make eval left in the evaluation
# database (eval/dev_misses.sql).  Needs a make eval run first with the
# shared development data (../shared/data/events); says so and stops
# when there is none.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
export DIPLOMAT_CLUSTER=eval DIPLOMAT_PORT=${DIPLOMAT_EVAL_PORT:-5497}
sh "$top/tools/cluster.sh" start >/dev/null
trap 'sh "$top/tools/cluster.sh" stop >/dev/null' EXIT
eval "$(sh "$top/tools/cluster.sh" env | sed 's/^/export /')"
if ! psql -X -At -d diplomat_eval -c "SELECT 1 FROM dev_result LIMIT 1" >/dev/null 2>&1; then
	echo "eval-misses: no development results (run make eval with ../shared/data/events first)"
	exit 0
fi
psql -X -q -v ON_ERROR_STOP=1 -d diplomat_eval -f "$top/eval/dev_misses.sql"
