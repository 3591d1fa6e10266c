#!/bin/sh
# Checks the reference article ../shared/seed/blinken-liu-kamikawa.txt (read
# from the shared folder, never copied here): sentence split, entities,
# events and topics.  Skips cleanly where the shared folder is absent.
top=$(cd "$(dirname "$0")/.." && pwd)
seed="${DIPLOMAT_SEED:-$top/../shared/seed/blinken-liu-kamikawa.txt}"
if [ ! -r "$seed" ]; then
	echo "skip: reference article not found ($seed)"
	exit 0
fi
out=$(psql -X -q -At -v ON_ERROR_STOP=1 -d postgres -v doc="$(cat "$seed")" -f "$top/test/seed.sql" 2>&1)
rc=$?
echo "$out" | grep -v '^$'
[ $rc -eq 0 ] || exit 1
echo "$out" | grep -q '^FAIL' && exit 1
echo "$out" | grep -q '^checks passed' || exit 1
exit 0
