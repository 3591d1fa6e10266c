#!/bin/sh
# make demo: runs the extension on the example articles (or on DOC) in a
# throwaway cluster and prints what it extracts, then stops the cluster.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
doc=$1
sh "$top/tools/cluster.sh" start >/dev/null
trap 'sh "$top/tools/cluster.sh" stop >/dev/null' EXIT
eval "$(sh "$top/tools/cluster.sh" env | sed 's/^/export /')"
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
psql -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS diplomat_demo" -c "CREATE DATABASE diplomat_demo"
psql -d diplomat_demo -c "CREATE EXTENSION diplomat" -c "CREATE TABLE articles (id serial PRIMARY KEY, file text, published date, body text)"

load() { # file, published date or empty
	pub=${2:-NULL}
	[ "$pub" != NULL ] && pub="'$pub'"
	echo "INSERT INTO articles (file, published, body) VALUES (:'file', $pub, :'body');" |
		psql -d diplomat_demo -v body="$(cat "$1")" -v file="$(basename "$1")"
}
if [ -n "$doc" ]; then
	[ -r "$doc" ] || { echo "cannot read $doc" >&2; exit 1; }
	load "$doc" ""
else
	for f in "$top"/examples/*.txt; do
		pub=$(grep -F "$(basename "$f")" "$top/examples/README.md" | grep -Eo '[0-9]{4}-[0-9]{2}-[0-9]{2}' | head -1)
		load "$f" "$pub"
	done
fi
psql -d diplomat_demo -f "$top/tools/demo.sql"
echo
echo "(explore with: make demo-shell)"
