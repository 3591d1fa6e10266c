#!/bin/sh
# Throwaway PostgreSQL cluster inside the checkout (tmp/cluster), for the
# demo, the tests and the benchmarks.  No system service is touched.
#
#   tools/cluster.sh start      initdb if needed, start on a private socket
#   tools/cluster.sh stop       stop it
#   tools/cluster.sh env        print PGHOST/PGPORT/PGUSER/PGDATABASE lines
#   tools/cluster.sh psql ...   run psql against it
#   tools/cluster.sh destroy    stop and remove it
#
# As root, the server runs as the "postgres" system user (initdb refuses to
# run as root); otherwise as the calling user.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
name=${DIPLOMAT_CLUSTER:-cluster}
dir="$top/tmp/$name"
port=${DIPLOMAT_PORT:-5499}
bindir=$(${PG_CONFIG:-pg_config} --bindir)

if [ "$(id -u)" = 0 ]; then
	runas="postgres"
	id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
	run() { runuser -u postgres -- "$@"; }
	superuser=postgres
else
	run() { "$@"; }
	superuser=$(id -un)
fi

export PGHOST="$dir/socket" PGPORT="$port" PGUSER="$superuser" PGDATABASE=postgres

case "$1" in
start)
	mkdir -p "$top/tmp"
	if [ ! -f "$dir/data/PG_VERSION" ]; then
		rm -rf "$dir"
		mkdir -p "$dir/data" "$dir/socket"
		[ -n "$runas" ] && chown -R "$runas" "$dir"
		[ -n "$runas" ] && chmod 755 "$top/tmp" "$top" 2>/dev/null || true
		run "$bindir/initdb" -D "$dir/data" -U "$superuser" --auth=trust \
			--encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
			{ cat "$dir/initdb.log"; exit 1; }
		cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir/socket'
port = $port
fsync = off
full_page_writes = off
synchronous_commit = off
max_parallel_workers_per_gather = 2
shared_buffers = 256MB
work_mem = 16MB
log_min_messages = warning
CONF
	fi
	if ! run "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
		run "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
			{ tail -20 "$dir/server.log"; exit 1; }
	fi
	echo "cluster running: PGHOST=$PGHOST PGPORT=$PGPORT PGUSER=$PGUSER"
	;;
stop)
	if [ -f "$dir/data/PG_VERSION" ] && run "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
		run "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
		echo "cluster stopped"
	fi
	;;
env)
	echo "PGHOST=$PGHOST"
	echo "PGPORT=$PGPORT"
	echo "PGUSER=$PGUSER"
	echo "PGDATABASE=$PGDATABASE"
	;;
psql)
	shift
	exec "$bindir/psql" -X "$@"
	;;
destroy)
	"$0" stop || true
	rm -rf "$dir"
	;;
*)
	echo "usage: $0 start|stop|env|psql|destroy" >&2
	exit 2
	;;
esac
