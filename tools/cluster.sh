#!/bin/sh
# Throwaway PostgreSQL cluster for the demo, the tests and the benchmarks,
# on a private Unix socket.  No system service is touched.
#
#   tools/cluster.sh start      initdb if needed, start the server
#   tools/cluster.sh stop       stop it
#   tools/cluster.sh env        print PGHOST/PGPORT/PGUSER/PGDATABASE lines
#   tools/cluster.sh psql ...   run psql against it
#   tools/cluster.sh where      print the cluster's directory
#   tools/cluster.sh destroy    stop it and remove its files
#
# Run by a normal user, the server runs as that user and the cluster lives
# in the checkout (tmp/cluster).  Run by root, the server runs as the
# "postgres" system user (initdb refuses to run as root), who may not be
# allowed into the checkout (a clone under /root, or in a mktemp -d
# directory, is mode 0700): the cluster then lives in a private directory
# of that user under /var/tmp (or $DIPLOMAT_TMPDIR), made by mktemp, and
# tmp/cluster in the checkout is a symbolic link to it.  The server itself
# never reads the checkout: documents and test files reach it through psql.
#
# Every failure says what went wrong and how to fix it, on stderr.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
name=${DIPLOMAT_CLUSTER:-cluster}
link="$top/tmp/$name"
port=${DIPLOMAT_PORT:-5499}
pgconfig=${PG_CONFIG:-pg_config}

# die CAUSE [FIX...]: print the cause and the fixes, exit 1
die() {
	echo "cluster.sh: $1" >&2
	shift
	for fix in "$@"; do echo "  to fix: $fix" >&2; done
	exit 1
}

bindir=$("$pgconfig" --bindir 2>/dev/null) ||
	die "pg_config not found (PG_CONFIG=$pgconfig)" \
		"run 'make demo' or 'sh tools/deps.sh' to install PostgreSQL, or set PG_CONFIG to its pg_config"
[ -x "$bindir/initdb" ] && [ -x "$bindir/pg_ctl" ] ||
	die "no server programs (initdb, pg_ctl) in $bindir" \
		"install the server package (apt-get install postgresql-15), or set PG_CONFIG to a full installation"

if [ "$(id -u)" = 0 ]; then
	runas=postgres
	superuser=postgres
	run() { (cd / && runuser -u postgres -- "$@"); }
else
	runas=
	superuser=$(id -un)
	run() { "$@"; }
fi

# locate: set dir to the cluster's directory, without creating anything
locate() {
	if [ -n "$runas" ] && [ -L "$link" ]; then
		dir=$(readlink "$link")
	else
		dir=$link
	fi
}

# ours DIR: DIR looks like a directory this script made for the server user
ours() {
	case "$(basename "$1")" in diplomat-"$name".*) ;; *) return 1 ;; esac
	[ -d "$1" ] && [ ! -L "$1" ] && [ "$(stat -c %U "$1")" = "$runas" ]
}

# server_user_checks: the server user exists and can run the server
server_user_checks() {
	command -v runuser >/dev/null 2>&1 ||
		die "runuser not found: as root the server must run as the postgres user" \
			"install util-linux, or run make as a normal user"
	if ! id postgres >/dev/null 2>&1; then
		useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres ||
			die "cannot create the postgres system user (the server cannot run as root)" \
				"create it (useradd --system postgres), or run make as a normal user"
	fi
	run test -x "$bindir/postgres" ||
		die "the postgres user cannot run $bindir/postgres: PG_CONFIG points into a directory it cannot enter" \
			"install PostgreSQL system-wide (apt-get install postgresql-15), or let every user enter that directory (chmod o+x on it and its parents)"
	lib=$("$pgconfig" --pkglibdir)
	if [ -e "$lib/diplomat.so" ] && ! run test -r "$lib/diplomat.so"; then
		die "the postgres user cannot read $lib/diplomat.so" \
			"reinstall the extension with a umask of 022 (umask 022; make install)"
	fi
}

# prepare_root_dir: as root, make (or reuse) the cluster's directory outside
# the checkout, owned by the server user, and link it from tmp/
prepare_root_dir() {
	mkdir -p "$top/tmp"
	if [ -L "$link" ]; then
		dir=$(readlink "$link")
		if ours "$dir"; then return 0; fi
		[ -e "$dir" ] &&
			die "$link points to $dir, which this script did not make" \
				"remove the link (rm $link) and try again"
		rm -f "$link" # the directory went away
	elif [ -d "$link" ]; then
		# a cluster made inside the checkout by an older version of this script
		if [ -f "$link/data/postmaster.pid" ]; then
			run "$bindir/pg_ctl" -D "$link/data" -m fast -w stop >/dev/null 2>&1 || true
		fi
		echo "cluster.sh: moving the throwaway cluster out of the checkout (a new, empty one)" >&2
		rm -rf "$link"
	fi
	base=${DIPLOMAT_TMPDIR:-/var/tmp}
	dir=$(mktemp -d "$base/diplomat-$name.XXXXXX") ||
		die "cannot make a directory in $base for the cluster" \
			"set DIPLOMAT_TMPDIR to a writable directory that the postgres user can enter"
	chown "$runas:" "$dir"
	chmod 700 "$dir"
	if ! run test -w "$dir"; then
		rm -rf "$dir"
		die "the postgres user cannot enter $base, where the cluster would live" \
			"set DIPLOMAT_TMPDIR to a directory the postgres user can enter (the default, /var/tmp, is one)"
	fi
	ln -s "$dir" "$link"
}

# check_socket_path: the socket's path fits in a sockaddr_un
check_socket_path() {
	sock="$dir/socket/.s.PGSQL.$port"
	[ ${#sock} -le 107 ] ||
		die "the path of the server's socket is too long (${#sock} bytes, at most 107): $sock" \
			"move the checkout to a shorter path"
}

# start_server: initdb if needed, then start the server
start_server() {
	major=$("$pgconfig" --version | sed -n 's/^PostgreSQL \([0-9][0-9]*\).*/\1/p')
	if [ -f "$dir/data/PG_VERSION" ] && [ "$(cat "$dir/data/PG_VERSION")" != "$major" ]; then
		die "the throwaway cluster was made by PostgreSQL $(cat "$dir/data/PG_VERSION"), the server is $major" \
			"remove it with 'sh tools/cluster.sh destroy' (or make cluster-destroy) and try again"
	fi
	if [ ! -f "$dir/data/PG_VERSION" ]; then
		rm -rf "$dir/data" "$dir/socket"
		mkdir -p "$dir/data" "$dir/socket"
		chmod 700 "$dir/data" "$dir/socket"
		[ -z "$runas" ] || chown -R "$runas:" "$dir"
		if ! run "$bindir/initdb" -D "$dir/data" -U "$superuser" --auth=trust \
			--encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
			cat "$dir/initdb.log" >&2
			rm -rf "$dir/data"
			die "initdb failed (its output is above)" \
				"if the locale C.UTF-8 is missing, install the locales package; then try again"
		fi
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
		if ! run "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null 2>&1; then
			echo "--- last lines of $dir/server.log:" >&2
			tail -20 "$dir/server.log" >&2 2>/dev/null || true
			die "the server did not start (the log above says why)" \
				"if another server uses this data directory, stop it: sh tools/cluster.sh stop" \
				"to start afresh: sh tools/cluster.sh destroy (or make cluster-destroy), then try again"
		fi
	fi
}

locate
export PGHOST="$dir/socket" PGPORT="$port" PGUSER="$superuser" PGDATABASE=postgres

case "$1" in
start)
	if [ -n "$runas" ]; then
		server_user_checks
		prepare_root_dir
	else
		mkdir -p "$dir"
	fi
	check_socket_path
	start_server
	export PGHOST="$dir/socket"
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
where)
	echo "$dir"
	;;
psql)
	shift
	exec "$bindir/psql" -X "$@"
	;;
destroy)
	sh "$0" stop || true
	if [ -n "$runas" ] && [ -L "$link" ]; then
		if ours "$dir"; then rm -rf "$dir"; fi
		rm -f "$link"
	else
		rm -rf "$link"
	fi
	;;
*)
	echo "usage: $0 start|stop|env|psql|where|destroy" >&2
	exit 2
	;;
esac
