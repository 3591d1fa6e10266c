#!/bin/sh
# make test: every suite.  Engine unit tests (AddressSanitizer), pg_regress
# on a throwaway cluster, then the shell suites under test/.  Exits non-zero
# if any failed.
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
status=0
MAKE=${MAKE:-make}

echo "== engine unit tests (ASan/UBSan)"
$MAKE -s engine-test || status=1

sh tools/cluster.sh start >/dev/null || exit 1
trap 'sh tools/cluster.sh stop >/dev/null' EXIT
eval "$(sh tools/cluster.sh env | sed 's/^/export /')"

echo "== pg_regress"
mkdir -p build/regress
if ! $MAKE -s installcheck; then
	status=1
	[ -f build/regress/regression.diffs ] && head -200 build/regress/regression.diffs
fi

for t in test/*.sh; do
	[ -f "$t" ] || continue
	echo "== $t"
	if sh "$t"; then echo "ok: $t"; else echo "FAILED: $t"; status=1; fi
done

if [ $status -eq 0 ]; then echo "ALL TESTS PASSED"; else echo "SOME TESTS FAILED"; fi
exit $status
