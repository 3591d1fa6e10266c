# Throwaway clusters for the scale-out recipe (doc/scale-out.md), sourced by
# test/scale-out.sh and bench/scale-out.sh.  The caller sets top (the
# checkout), bindir (PostgreSQL's programs) and work (a scratch directory).
#
# Servers are named coordinator, shard1, shard2 (and single, for one
# server to compare with); each is a cluster of tools/cluster.sh
# (DIPLOMAT_CLUSTER=scaleout-NAME) with a database news, on a private Unix
# socket.
#
#   so_start SERVER...   destroy what is left of them, start them, create
#                        news; the coordinator gets wal_level = logical
#   on SERVER args...    psql -At on its database news
#   so_recipe            run the recipe's SQL blocks on the servers they name
#   so_block WHERE PATTERN   the file of the recipe block for WHERE
#                        (every-server, each-shard, the-coordinator) that
#                        contains PATTERN
#   so_destroy SERVER... stop them and remove their files
#   committed_ms SERVER TABLE WHERE   when rows were last changed (ms)
#   log_images SERVER, image_ms SERVER   when it last compiled (ms)

so_port() {
	case $1 in
	coordinator) echo 5531 ;;
	shard1) echo 5532 ;;
	shard2) echo 5533 ;;
	single) echo 5534 ;;
	*) echo "scale-out-lib: no server named $1" >&2; return 1 ;;
	esac
}

# so_cl SERVER COMMAND: tools/cluster.sh for the server's cluster
so_cl() { DIPLOMAT_CLUSTER=scaleout-$1 DIPLOMAT_PORT=$(so_port "$1") sh "$top/tools/cluster.sh" "$2"; }

# so_sock SERVER: the directory of its socket (known once it has started)
so_sock() { eval "echo \$so_sock_$1"; }

# on SERVER psql-args...: psql on the database news of a server
on() {
	_on=$1
	shift
	"$bindir/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$(so_sock "$_on")" -p "$(so_port "$_on")" \
		-U "$so_user" -d news "$@"
}

so_start() {
	for _s in "$@"; do
		so_cl "$_s" destroy >/dev/null 2>&1 || true
		so_cl "$_s" start >/dev/null || { echo "scale-out: the cluster of $_s did not start" >&2; return 1; }
		eval "so_sock_$_s=\$(so_cl $_s where)/socket"
		so_user=$(so_cl "$_s" env | sed -n 's/^PGUSER=//p')
		# commits flushed at once, as in production (the throwaway clusters
		# delay them, which would delay what the coordinator publishes);
		# commit times kept, to measure the replication delay
		on "$_s" -d postgres -c "ALTER SYSTEM SET synchronous_commit = on" \
			-c "ALTER SYSTEM SET track_commit_timestamp = on"
		[ "$_s" = coordinator ] && on "$_s" -d postgres -c "ALTER SYSTEM SET wal_level = logical"
		so_cl "$_s" stop >/dev/null
		so_cl "$_s" start >/dev/null || { echo "scale-out: $_s did not restart" >&2; return 1; }
		on "$_s" -d postgres -c "CREATE DATABASE news"
	done
	if [ "$(on coordinator -c 'SHOW wal_level' 2>/dev/null)" != logical ] && echo " $* " | grep -q ' coordinator '; then
		echo "scale-out: wal_level is not logical on the coordinator" >&2
		return 1
	fi
}

so_destroy() {
	for _s in "$@"; do so_cl "$_s" destroy >/dev/null 2>&1 || true; done
}

# so_extract: the recipe's blocks, placeholders replaced by this machine's
# sockets: $work/NNN.WHERE.sql, and $work/analysis-NAME.sql for the
# blocks marked "(on the coordinator) analysis: NAME"
so_extract() {
	sed -e "s|'shard1.example', port '5432'|'$(so_sock shard1)', port '$(so_port shard1)'|g" \
		-e "s|'shard2.example', port '5432'|'$(so_sock shard2)', port '$(so_port shard2)'|g" \
		-e "s|host=coordinator.example port=5432|host=$(so_sock coordinator) port=$(so_port coordinator)|g" \
		-e "s|user 'postgres'|user '$so_user'|g" -e "s|user=postgres|user=$so_user|g" \
		"$top/doc/scale-out.md" > "$work/recipe.md"
	awk -v dir="$work" '
		/^```sql/ { inblock = 1; first = 1; file = ""; next }
		/^```/ && inblock { inblock = 0; if (file != "") close(file); next }
		inblock && first {
			first = 0
			if ($0 ~ /^-- \(on the coordinator\) analysis: /) {
				name = $0; sub(/.*analysis: /, "", name)
				file = dir "/analysis-" name ".sql"
			} else if ($0 ~ /^-- \(on /) {
				where = $0; sub(/^-- \(on /, "", where); sub(/\).*/, "", where); gsub(/ /, "-", where)
				file = sprintf("%s/%03d.%s.sql", dir, ++n, where)
			}
		}
		inblock && file != "" { print > file }
	' "$work/recipe.md"
	ls "$work"/[0-9]*.sql >/dev/null 2>&1 || { echo "scale-out: no recipe blocks in doc/scale-out.md" >&2; return 1; }
}

# so_recipe: every block on the servers it names, in the doc's order
so_recipe() {
	so_extract || return 1
	for _f in "$work"/[0-9]*.sql; do
		_where=$(basename "$_f" .sql | sed 's/^[0-9]*\.//')
		case $_where in
		every-server) _targets="coordinator shard1 shard2" ;;
		each-shard) _targets="shard1 shard2" ;;
		the-coordinator) _targets=coordinator ;;
		*) echo "scale-out: $(basename "$_f"): a block for servers this script does not know: $_where" >&2; return 1 ;;
		esac
		for _t in $_targets; do
			if ! on "$_t" -v shard="$_t" -f "$_f" > "$work/$(basename "$_f" .sql).$_t.out" 2>&1; then
				cat "$work/$(basename "$_f" .sql).$_t.out" >&2
				echo "scale-out: recipe block $(basename "$_f") failed on $_t" >&2
				return 1
			fi
		done
	done
}

# so_block WHERE PATTERN: the recipe block for WHERE that contains PATTERN
so_block() { grep -l -F "$2" "$work"/[0-9]*."$1".sql | head -1; }

# so_articles N FIRST: a psql script that inserts the example articles
# (ids 1 to 6, dated as examples/README.md says) and N generated ones
# (test/scale-out/articles.sql) with ids from FIRST into articles
so_articles() {
	for _f in "$top"/examples/*.txt; do
		_id=$(basename "$_f" | sed 's/^0*\([0-9]*\)-.*/\1/')
		_pub=$(grep -F "$(basename "$_f")" "$top/examples/README.md" | grep -Eo '[0-9]{4}-[0-9]{2}-[0-9]{2}' | head -1)
		echo "\\set path '$_f'"
		echo "\\set body \`cat :'path'\`"
		echo "INSERT INTO articles (id, published, body) VALUES ($_id, '$_pub', :'body');"
	done
	echo "\\set n $1"
	echo "\\set first $2"
	echo "\\i $top/test/scale-out/articles.sql"
}

# now_ms: milliseconds since the epoch
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# committed_ms SERVER TABLE WHERE: when the last change to the rows of
# TABLE that match WHERE committed, in milliseconds since the epoch (the
# servers share this machine's clock).  On a subscriber, a replicated
# change carries the publisher's commit time: use image_ms there.
committed_ms() {
	on "$1" -c "SELECT (extract(epoch FROM max(pg_xact_commit_timestamp(xmin))) * 1000)::bigint FROM $2 WHERE $3"
}

# log_images SERVER: from now on, the server notes when it writes its
# compiled dictionaries (a trigger of the measurement, enabled also for
# the replication apply worker)
log_images() {
	on "$1" <<'SQL'
CREATE TABLE public.image_written (at timestamptz NOT NULL);
CREATE FUNCTION public.image_written() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$ BEGIN INSERT INTO public.image_written VALUES (clock_timestamp()); RETURN NULL; END $$;
CREATE TRIGGER image_written AFTER INSERT OR UPDATE ON diplomat.dictionary_image
    FOR EACH ROW EXECUTE FUNCTION public.image_written();
ALTER TABLE diplomat.dictionary_image ENABLE ALWAYS TRIGGER image_written;
SQL
}

# image_ms SERVER: when the server last wrote its compiled dictionaries,
# in milliseconds since the epoch
image_ms() {
	on "$1" -c "SELECT (extract(epoch FROM max(at)) * 1000)::bigint FROM public.image_written"
}
