#!/bin/sh
# make test: every suite.  Engine unit tests (AddressSanitizer), pg_regress
# on a throwaway cluster, then the shell suites under test/.  Exits non-zero
# if any failed.
#
#   tools/run-tests.sh                 every suite
#   tools/run-tests.sh regress docs    some of them (make test TESTS="regress docs"):
#                                      engine, regress, and the names of test/*.sh;
#                                      REGRESS="cameo topics" for some sql/ files
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
status=0
MAKE=${MAKE:-make}
only=" $* "

# wanted SUITE: the suite is selected (all are when none is named)
wanted() { [ "$only" = "  " ] || case "$only" in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

for s in $only; do
	case "$s" in engine | regress) ;; *)
		[ -f "test/$s.sh" ] || {
			echo "run-tests.sh: no suite named '$s' (engine, regress, or one of: $(cd test && ls *.sh | sed 's/\.sh$//' | tr '\n' ' '))" >&2
			exit 2
		} ;;
	esac
done

if wanted engine; then
	echo "== engine unit tests (ASan/UBSan)"
	$MAKE -s engine-test || status=1
fi

if ! sh tools/cluster.sh start >/dev/null; then
	echo "make test: the throwaway cluster did not start (the cause is above); no database test ran" >&2
	exit 1
fi
trap 'sh tools/cluster.sh stop >/dev/null' EXIT
eval "$(sh tools/cluster.sh env | sed 's/^/export /')"

if wanted regress; then
	echo "== pg_regress"
	mkdir -p build/regress
	# REGRESS="cameo topics" (or make test REGRESS=...) runs some files only
	if ! $MAKE -s installcheck ${REGRESS:+REGRESS="$REGRESS"}; then
		status=1
		[ -f build/regress/regression.diffs ] && head -200 build/regress/regression.diffs
	fi
fi

for t in test/*.sh; do
	[ -f "$t" ] || continue
	wanted "$(basename "$t" .sh)" || continue
	echo "== $t"
	if sh "$t"; then echo "ok: $t"; else echo "FAILED: $t"; status=1; fi
done

[ "$only" = "  " ] || echo "(only these suites:$only)"
if [ $status -eq 0 ]; then echo "ALL TESTS PASSED"; else echo "SOME TESTS FAILED"; fi
exit $status
