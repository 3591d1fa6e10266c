#!/bin/sh
# make demo: loads the example articles (or the file DOC, published on the
# date PUBLISHED) into the table "articles" of the database diplomat_demo on
# the throwaway cluster, prints what the extension extracts from them, and
# stops the cluster.
#
# make demo-shell (--shell): opens psql on diplomat_demo, making it from the
# example articles first when it does not exist, and leaves the cluster
# running.  The table is the README's (generated columns ents and tops, GIN
# indexes) and the database's search_path includes diplomat, so the README's
# "Getting started" queries run there as written.
#
#   DOC=story.txt PUBLISHED=2024-01-13 sh tools/demo.sh
#   sh tools/demo.sh --shell
#
# Documents are read here and sent through psql: the server never reads
# the checkout (which its user may not be allowed to enter).
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
mode=demo
[ "$1" = --shell ] && mode=shell
doc=${DOC:-}
published=${PUBLISHED:-}

# die CAUSE [FIX...]: print the cause and the fixes, exit 1
die() {
	echo "make $([ $mode = shell ] && echo demo-shell || echo demo): $1" >&2
	shift
	for fix in "$@"; do echo "  to fix: $fix" >&2; done
	exit 1
}

# quote VALUE: VALUE as a psql single-quoted literal
quote() { printf "'%s'" "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e "s/'/''/g")"; }

# check what the user gave before anything starts
if [ -n "$doc" ]; then
	[ -f "$doc" ] && [ -r "$doc" ] ||
		die "cannot read DOC=$doc (a relative path starts at $top)" "give the path of a readable text file"
	doc="$(cd "$(dirname "$doc")" && pwd)/$(basename "$doc")"
	if command -v iconv >/dev/null 2>&1 && ! iconv -f UTF-8 -t UTF-8 "$doc" >/dev/null 2>&1; then
		die "DOC=$doc is not UTF-8 text" "convert it first, for example: iconv -f latin1 -t utf-8 $doc > story-utf8.txt"
	fi
fi
if [ -n "$published" ]; then
	[ -n "$doc" ] ||
		die "PUBLISHED=$published without DOC: the example articles carry their own dates" \
			"make demo DOC=story.txt PUBLISHED=$published"
	if ! echo "$published" | grep -Eqx '[0-9]{4}-[0-9]{2}-[0-9]{2}' ||
		! date -d "$published" >/dev/null 2>&1; then
		die "PUBLISHED=$published is not a date" "write it as YYYY-MM-DD, for example PUBLISHED=2024-01-13"
	fi
fi

sh "$top/tools/cluster.sh" start >/dev/null || exit 1
[ $mode = shell ] || trap 'sh "$top/tools/cluster.sh" stop >/dev/null' EXIT
eval "$(sh "$top/tools/cluster.sh" env | sed 's/^/export /')"
# psql measures column widths right only when it knows the text is UTF-8
export PGCLIENTENCODING=UTF8
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# load FILE DATE...: make diplomat_demo afresh with these files (a date or "")
load() {
	psql -d postgres -c "SET client_min_messages = warning" \
		-c "DROP DATABASE IF EXISTS diplomat_demo WITH (FORCE)" -c "CREATE DATABASE diplomat_demo"
	{
		cat <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION diplomat;
ALTER DATABASE diplomat_demo SET search_path = "$user", public, diplomat;
ALTER DATABASE diplomat_demo SET datestyle = 'ISO, YMD';
CREATE TABLE articles (
    id        serial PRIMARY KEY,
    file      text,
    published date,
    body      text,
    ents      diplomat.entities GENERATED ALWAYS AS (diplomat.to_entities(body, published)) STORED,
    tops      diplomat.topics   GENERATED ALWAYS AS (diplomat.to_topics(body)) STORED
);
CREATE INDEX ON articles USING gin (ents);
CREATE INDEX ON articles USING gin (tops);
SQL
		while [ $# -gt 0 ]; do
			echo "\\set file $(quote "$(basename "$1")")"
			echo "\\set path $(quote "$1")"
			echo "\\set published $(quote "$2")"
			echo "\\set body \`cat :'path'\`"
			echo "INSERT INTO articles (file, published, body) VALUES (:'file', nullif(:'published', '')::date, :'body');"
			shift 2
		done
	} | psql -d diplomat_demo
}

# load_examples: the example articles, dated as examples/README.md says
load_examples() {
	set --
	for f in "$top"/examples/*.txt; do
		pub=$(grep -F "$(basename "$f")" "$top/examples/README.md" | grep -Eo '[0-9]{4}-[0-9]{2}-[0-9]{2}' | head -1)
		set -- "$@" "$f" "$pub"
	done
	load "$@"
}

# date_from_text: date the undated article by the latest full date its text
# names (one that reads the same whatever the publication date), not after
# today; print it, or nothing
date_from_text() {
	psql -d diplomat_demo -At <<'SQL'
UPDATE articles a SET published = d.day
  FROM (SELECT r.id, max(x.name::date) AS day
          FROM articles r
          CROSS JOIN LATERAL diplomat.mentions(r.body, date '1901-07-01') x
          JOIN LATERAL diplomat.mentions(r.body, date '2099-07-01') y
            ON y.start = x.start AND y.name = x.name
         WHERE x.kind = 'DATE' AND x.name ~ '^\d{4}-\d{2}-\d{2}$'
           AND x.name::date <= current_date
         GROUP BY r.id) d
 WHERE a.id = d.id AND a.published IS NULL
RETURNING a.published;
SQL
}

if [ $mode = shell ]; then
	if [ "$(psql -d postgres -At -c "SELECT count(*) FROM pg_database WHERE datname = 'diplomat_demo'")" = 0 ]; then
		echo "making the demo database from the example articles"
		load_examples
	fi
	n=$(psql -d diplomat_demo -At -c "SELECT count(*) FROM articles" 2>/dev/null) ||
		die "the database diplomat_demo has no table articles" "run make demo, then make demo-shell"
	cat <<EOF
diplomat_demo: table articles ($n rows: id, file, published, body, and the generated
columns ents and tops); search_path includes diplomat, so the README's "Getting
started" queries run as written, for example:
  SELECT id, file FROM articles WHERE ents @@ 'PER:"Antony Blinken" & GPE:Taiwan';
\q leaves psql; make cluster-stop stops the server.
EOF
	exec sh "$top/tools/cluster.sh" psql -d diplomat_demo
fi

if [ -n "$doc" ]; then
	load "$doc" "$published"
	if [ -z "$published" ]; then
		guess=$(date_from_text)
		if [ -n "$guess" ]; then
			echo "PUBLISHED not given: dated $guess, the latest full date the text names; relative dates"
			echo "(\"on Wednesday\", \"last week\") are resolved against it.  Set PUBLISHED=YYYY-MM-DD to choose."
		else
			echo "PUBLISHED not given, and the text names no full date: the article stays undated, so relative"
			echo "dates (\"on Wednesday\") stay unresolved and events have no date.  Set PUBLISHED=YYYY-MM-DD."
		fi
		echo
	fi
else
	load_examples
fi

{
	echo "\\ir $(quote "$top/tools/demo.sql")"
	for id in $(psql -d diplomat_demo -At -c "SELECT id FROM articles ORDER BY id"); do
		echo "\\set id $id"
		echo "\\ir $(quote "$top/tools/demo-article.sql")"
	done
} | psql -d diplomat_demo
echo
echo "Explore the same table in psql with: make demo-shell (the README's \"Getting started\" queries run there)"
