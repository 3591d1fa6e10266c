#!/bin/sh
# Turns the dictionary data files (data/*/*.tsv) into the INSERT statements
# that fill the extension's dictionary tables at CREATE EXTENSION, as
# builtin rows.  Run by the Makefile:  tools/gen-data-sql.sh data
set -e
dir=${1:-data}

# emit TABLE COLUMNS FILE AWK-ROW-EXPRESSION [builtin]
# The awk program reads a TSV file with a header line, skips comments, and
# prints one VALUES tuple per row; rows are grouped 500 to a statement.
# Dictionary rows get builtin = true; reference tables, which have no
# builtin column, pass "" as the fifth argument.
emit() {
	table=$1 cols=$2 file=$3 row=$4 builtin=${5-, true}
	[ -f "$file" ] || return 0
	LC_ALL=C awk -F'\t' -v table="$table" -v cols="$cols" -v builtin="$builtin" '
	function q(s) { gsub(/\047/, "\047\047", s); return "\047" s "\047" }
	function qn(s) { return s == "" ? "NULL" : q(s) }
	function qd(s) { return s ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/ ? q(s) "::date" : "NULL" }
	function qa(s) { return s == "" ? "\047{}\047" : "pg_catalog.string_to_array(" q(s) ", \047|\047)" }
	function c(name) { return (name in ix) ? $ix[name] : "" }
	function out(tuple) {
		if (n % 500 == 0) {
			if (n > 0) print ";"
			printf "INSERT INTO diplomat.%s (%s%s) VALUES\n", table, cols, builtin == "" ? "" : ", builtin"
		} else print ","
		printf "  (%s%s)", tuple, builtin
		n++
	}
	/^#/ || /^[ \t]*$/ { next }
	!hdr { for (i = 1; i <= NF; i++) ix[$i] = i; hdr = 1; next }
	{ sub(/\r$/, "") }
	'"$row"'
	END { if (n > 0) print ";" }
	' "$file"
}

echo "-- default dictionaries, generated from $dir by tools/gen-data-sql.sh"
for f in "$dir"/gazetteer/*.entities.tsv; do
	emit gazetteer "kind, name, country, actor, aliases, valid_from, valid_to, note" "$f" \
		'{ out(q(c("kind")) ", " q(c("name")) ", " qn(c("country")) ", " qn(c("actor")) ", " qa(c("aliases")) ", " qd(c("valid_from")) ", " qd(c("valid_to")) ", " qn(c("note"))) }'
done
for f in "$dir"/gazetteer/*.offices.tsv; do
	emit offices "person, office, title, country, actor, start_date, end_date, note" "$f" \
		'{ out(q(c("person")) ", " q(c("office")) ", " qn(c("title")) ", " qn(c("country")) ", " qn(c("actor")) ", " qd(c("start")) ", " qd(c("end")) ", " qn(c("note"))) }'
done
emit roles "term, role, use, office, country, note" "$dir/lexicon/roles.tsv" \
	'{ out(q(c("term")) ", " qn(c("role")) ", " q(c("use")) ", " qn(c("office")) ", " qn(c("country")) ", " qn(c("note"))) }'
emit lexicon "word, class" "$dir/lexicon/words.tsv" \
	'{ k = split(c("classes"), cl, "|"); for (i = 1; i <= k; i++) if (cl[i] != "") out(q(c("word")) ", " q(cl[i])) }'
emit lexicon "word, class" "$dir/lexicon/given_names.tsv" \
	'{ if (!(c("name") in seen)) { seen[c("name")] = 1; out(q(c("name")) ", \047GIVEN\047") } }'
emit lexicon "word, class" "$dir/lexicon/surnames.tsv" \
	'{ if (!(c("name") in seen)) { seen[c("name")] = 1; out(q(c("name")) ", \047SURNAME\047"); if (c("origin") ~ /ambiguous/) out(q(c("name")) ", \047AMBIGUOUS\047") } }'
emit lexicon "word, class" "$dir/lexicon/ner_cues.tsv" \
	'{ if (!((c("word") SUBSEP c("cue")) in seen)) { seen[c("word"), c("cue")] = 1; out(q(c("word")) ", " q(c("cue"))) } }'
emit verbs "lemma, third_person, past, past_participle, gerund" "$dir/events/verbs.tsv" \
	'{ out(q(c("lemma")) ", " q(c("third_person")) ", " q(c("past")) ", " q(c("past_participle")) ", " q(c("gerund"))) }'
emit patterns "code, pattern, note" "$dir/events/patterns.tsv" \
	'{ out(q(c("code")) ", " q(c("pattern")) ", " qn(c("note"))) }'
emit topic_defs "key, label, parent, iptc, description" "$dir/topics/topics.tsv" \
	'{ out(q(c("key")) ", " q(c("label")) ", " qn(c("parent")) ", " qn(c("iptc")) ", " qn(c("description"))) }'
emit topic_terms "topic, term, weight" "$dir/topics/terms.tsv" \
	'{ out(q(c("topic")) ", " q(c("term")) ", " c("weight") + 0) }'

# reference tables (not dictionaries: no builtin column, not dumped)
emit country_regions "code, m49, name, region, subregion, intermediate_region, status, note" "$dir/cameo/regions.tsv" \
	'{ out(q(c("code")) ", " qn(c("m49")) ", " q(c("name")) ", " qn(c("region")) ", " qn(c("subregion")) ", " qn(c("intermediate_region")) ", " q(c("status")) ", " qn(c("note"))) }' ""
# the CAMEO to PLOVER map lists a few codes twice (08 as CONCEDE and as
# RETREAT): the first row of a code is kept
emit cameo_plover "code, event, mode, context" "$dir/cameo/plover.tsv" \
	'{ if (!(c("cameo_code") in seen)) { seen[c("cameo_code")] = 1; out(q(c("cameo_code")) ", " q(c("plover_event")) ", " qn(c("plover_mode")) ", " qn(c("plover_context"))) } }' ""
