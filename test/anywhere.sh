#!/bin/sh
# The README's commands work from a clone anywhere.  As root, copies the
# checkout (the files git would clone, uncommitted changes included, and
# the build products so that nothing is compiled twice) into a fresh
# mktemp -d directory, mode 0700, which the server's user "postgres" cannot
# enter, and there runs:
#   make demo                                the examples, in 120 columns
#   make demo-shell < the README's "Getting started" queries
#   make demo DOC=... PUBLISHED=...          a story in that private directory
#   make demo DOC=...                        undated, dated from its text
#   make test TESTS=regress                  pg_regress reading sql/ there
#   broken set-ups, each of which must say its cause and its fix;
# then, as an unprivileged user (nobody) in a directory of its own, the
# demo and pg_regress, whose server runs as that user with the cluster in
# the checkout.
# Skips when not run as root (the first half needs it, the second half is
# what a normal user runs anyway).
top=$(cd "$(dirname "$0")/.." && pwd)
if [ "$(id -u)" != 0 ]; then
	echo "skip: needs root (it checks that a root checkout in a 0700 directory works; as $(id -un), the server runs as you)"
	exit 0
fi
if [ -n "$DIPLOMAT_ANYWHERE_NESTED" ]; then
	echo "skip: already inside this suite"
	exit 0
fi
export DIPLOMAT_ANYWHERE_NESTED=1

fail() { echo "FAIL: $*"; status=1; }
status=0
work=$(mktemp -d) || exit 1
clone="$work/diplomat"
user_dir=
cleanup() {
	[ -d "$clone" ] && (cd "$clone" && sh tools/cluster.sh destroy >/dev/null 2>&1)
	[ -n "$user_dir" ] && [ -d "$user_dir/diplomat" ] &&
		(cd / && runuser -u nobody -- sh "$user_dir/diplomat/tools/cluster.sh" destroy >/dev/null 2>&1)
	rm -rf "$work" ${user_dir:+"$user_dir"}
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# copy TO: the checkout's files as a clone has them, plus the build products
copy() {
	mkdir -p "$1"
	(
		cd "$top" || exit 1
		if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
			git ls-files -z --cached --others --exclude-standard
		else
			find . -path ./tmp -prune -o -path ./build -prune -o -type f -print0
		fi
		find src -name '*.o' -print0
		printf '%s\0' diplomat.so diplomat--*.sql src/engine/dip_tables.c
	) | (cd "$top" && tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -C "$1" -xf -
}

# in_clone CMD...: run CMD in the clone, with nothing of the outer make or cluster
in_clone() {
	(cd "$clone" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u PGHOST -u PGPORT -u PGUSER \
		-u PGDATABASE -u DIPLOMAT_CLUSTER -u DIPLOMAT_PORT -u DIPLOMAT_TMPDIR "$@")
}

# width FILE: the widest line of FILE, in terminal columns
width() { LC_ALL=C.UTF-8 wc -L < "$1"; }

copy "$clone"
mode=$(stat -c %a "$work")
[ "$mode" = 700 ] || fail "mktemp -d made a directory of mode $mode, not 700"
if runuser -u postgres -- test -x "$clone" 2>/dev/null; then
	fail "the postgres user can enter $clone: this test would prove nothing"
fi

# 1. make demo on the examples
t0=$(date +%s)
if in_clone make -s demo > "$work/demo.out" 2>&1; then
	grep -q 'Antony Blinken (USAGOV)' "$work/demo.out" || fail "make demo: no Antony Blinken (USAGOV) among the entities"
	grep -Eq '^ +date +\| +who +\| +did +\| +to whom +\| +where' "$work/demo.out" || fail "make demo: no events table"
	n=$(grep -c '^== [0-9]' "$work/demo.out")
	[ "$n" = "$(ls "$clone"/examples/*.txt | wc -l)" ] || fail "make demo: $n article sections, one per example expected"
	w=$(width "$work/demo.out")
	[ "$w" -le 120 ] || fail "make demo: a line is $w columns wide (at most 120): $(LC_ALL=C.UTF-8 awk 'length > 120' "$work/demo.out" | head -1)"
	echo "ok: make demo from a 0700 directory ($(($(date +%s) - t0)) s, $(wc -l < "$work/demo.out") lines, at most $w columns)"
else
	fail "make demo from a 0700 directory:"; tail -20 "$work/demo.out"
fi
where=$(readlink "$clone/tmp/cluster")
case "$where" in
"$clone"/* | "") fail "the cluster is inside the checkout, where postgres cannot go ($where)" ;;
*) echo "ok: the cluster lives in $where, linked from tmp/cluster" ;;
esac
[ "$(stat -c %a "$work")" = 700 ] || fail "the private directory's mode was changed to $(stat -c %a "$work")"

# 2. make demo-shell (on the examples the demo left): the README's "Getting started" queries as written
# (the blocks after the first, which creates the table the demo has)
{
	echo '\set ON_ERROR_STOP on'
	awk '/^## / { section = $0 } section == "## Getting started" && /^```sql/ { n++; inblock = 1; next }
	     /^```/ { inblock = 0; next } inblock && n > 1 { print }' "$clone/README.md"
	echo "SELECT 'found: ' || string_agg(id::text, ',') FROM articles WHERE ents @@ 'PER:\"Antony Blinken\" & GPE:Taiwan';"
} > "$work/getting-started.sql"
grep -q 'ents @@' "$work/getting-started.sql" || fail "no Getting started queries found in the README"
if in_clone make -s demo-shell < "$work/getting-started.sql" > "$work/shell.out" 2>&1 &&
	grep -q 'found: 1' "$work/shell.out"; then
	echo "ok: make demo-shell runs the README's Getting started queries as written"
else
	fail "make demo-shell and the README's Getting started queries:"; grep -B2 -A3 'ERROR' "$work/shell.out" | head -20; tail -5 "$work/shell.out"
fi
in_clone make -s cluster-stop > /dev/null

# 3. a story of the user's, in the private directory, dated or not
cat > "$work/story.txt" <<'EOF'
Kamikawa meets Blinken

Japanese Foreign Minister Yoko Kamikawa met U.S. Secretary of State Antony Blinken in Washington on Wednesday.
EOF
if in_clone make -s demo DOC="$work/story.txt" PUBLISHED=2024-01-13 > "$work/story.out" 2>&1; then
	# the Wednesday before Saturday 13 January 2024
	grep -Eq '^ 2024-01-10 \| Yoko Kamikawa \(JPNGOV\)' "$work/story.out" ||
		fail "make demo DOC PUBLISHED: the meeting is not dated 2024-01-10:$(grep -A3 'to whom' "$work/story.out")"
	grep -q 'published 2024-01-13' "$work/story.out" || fail "make demo DOC PUBLISHED: the publication date is not shown"
	echo "ok: make demo DOC=story.txt PUBLISHED=2024-01-13 dates \"on Wednesday\" 2024-01-10"
else
	fail "make demo DOC PUBLISHED:"; tail -20 "$work/story.out"
fi
if in_clone make -s demo DOC="$work/story.txt" > "$work/undated.out" 2>&1; then
	grep -q 'PUBLISHED not given, and the text names no full date' "$work/undated.out" ||
		fail "make demo DOC without PUBLISHED does not say the story stays undated"
	grep -q 'no publication date' "$work/undated.out" || fail "the undated story is shown with a date"
	echo "ok: make demo DOC=story.txt without PUBLISHED says the story stays undated"
else
	fail "make demo DOC without PUBLISHED:"; tail -20 "$work/undated.out"
fi
printf '%s\n' "Blinken in Tokyo" "" "On January 12, 2024, Antony Blinken met Liu Jianchao. On Wednesday, Blinken met Foreign Minister Yoko Kamikawa in Tokyo." > "$work/dated.txt"
if in_clone make -s demo DOC="$work/dated.txt" > "$work/dated.out" 2>&1; then
	grep -q 'PUBLISHED not given: dated 2024-01-12' "$work/dated.out" ||
		fail "make demo DOC without PUBLISHED does not take the full date from the text: $(head -3 "$work/dated.out")"
	grep -Eq '^ 2024-01-10 \| Antony Blinken' "$work/dated.out" ||
		fail "with the date taken from the text, \"on Wednesday\" is not 2024-01-10"
	echo "ok: make demo DOC=story.txt without PUBLISHED takes the latest full date of the text, and says so"
else
	fail "make demo DOC (a full date in the text):"; tail -20 "$work/dated.out"
fi

# 4. the test set-up: pg_regress reads its files in the private directory
# (the files whose binary COPY goes through files of the checkout)
if in_clone make -s test TESTS=regress REGRESS="cameo topics" > "$work/test.out" 2>&1 &&
	grep -q 'All 2 tests passed' "$work/test.out"; then
	echo "ok: make test TESTS=regress from a 0700 directory"
else
	fail "make test TESTS=regress from a 0700 directory:"; tail -30 "$work/test.out"
fi

# 5. broken set-ups say their cause and their fix
mkdir "$work/private"
if in_clone env DIPLOMAT_CLUSTER=unreachable DIPLOMAT_TMPDIR="$work/private" sh tools/run-tests.sh regress > "$work/broken.out" 2>&1; then
	fail "make test passed with a cluster directory postgres cannot enter"
elif grep -q 'cannot enter' "$work/broken.out" && grep -q 'to fix: set DIPLOMAT_TMPDIR' "$work/broken.out" &&
	grep -q 'cluster did not start' "$work/broken.out"; then
	echo "ok: a cluster postgres cannot reach fails make test with its cause and fix"
else
	fail "an unreachable cluster directory fails without saying why: $(cat "$work/broken.out")"
fi
if in_clone make -s demo DOC="$work/missing.txt" > "$work/missing.out" 2>&1; then
	fail "make demo passed with a missing DOC"
elif grep -q 'cannot read DOC=' "$work/missing.out" && grep -q 'to fix:' "$work/missing.out"; then
	echo "ok: a missing DOC says so and how to fix it"
else
	fail "a missing DOC fails without saying why: $(cat "$work/missing.out")"
fi
in_clone sh tools/cluster.sh destroy > /dev/null 2>&1

# 6. a normal user in a directory of its own: the server runs as that user
if id nobody >/dev/null 2>&1; then
	user_dir=$(mktemp -d)
	copy "$user_dir/diplomat"
	chown -R nobody "$user_dir"
	as_nobody() {
		(cd "$user_dir/diplomat" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u PGHOST -u PGPORT -u PGUSER \
			-u PGDATABASE -u DIPLOMAT_CLUSTER -u DIPLOMAT_PORT -u DIPLOMAT_TMPDIR HOME="$user_dir" \
			runuser -u nobody -- "$@")
	}
	# make demo needs to install the extension: it says it cannot, and how to fix it
	if as_nobody make -s demo > "$work/nobody-make.out" 2>&1; then
		fail "make demo as nobody installed into $(${PG_CONFIG:-pg_config} --pkglibdir)?"
	elif ! grep -q 'cannot install the extension' "$work/nobody-make.out" || ! grep -q 'to fix:' "$work/nobody-make.out"; then
		fail "make demo as nobody fails without saying why: $(cat "$work/nobody-make.out")"
	fi
	# the extension is installed (by root, above): the demo itself runs as nobody
	if as_nobody sh tools/demo.sh > "$work/nobody.out" 2>&1 &&
		grep -q 'Antony Blinken (USAGOV)' "$work/nobody.out" &&
		[ -d "$user_dir/diplomat/tmp/cluster/data" ] && [ ! -L "$user_dir/diplomat/tmp/cluster" ] &&
		[ "$(stat -c %U "$user_dir/diplomat/tmp/cluster/data")" = nobody ]; then
		echo "ok: as a normal user the demo runs, the server as that user, the cluster in the checkout"
	else
		fail "the demo as a normal user:"; tail -20 "$work/nobody.out"
	fi
	# and the tests, whose files root's runs must not have made unwritable
	if as_nobody env REGRESS="cameo topics" sh tools/run-tests.sh regress > "$work/nobody-test.out" 2>&1 &&
		grep -q 'All 2 tests passed' "$work/nobody-test.out"; then
		echo "ok: as a normal user pg_regress passes, after root's runs"
	else
		fail "pg_regress as a normal user:"; tail -30 "$work/nobody-test.out"
	fi
else
	echo "skip: no user nobody to run the demo as a normal user"
fi

exit $status
