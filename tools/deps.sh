#!/bin/sh
# Checks the build and test dependencies and installs the missing ones with
# apt-get when run as root on Debian/Ubuntu.  Without root it prints the one
# command to run and fails.
set -e
PGV=${PG_MAJOR:-15}
need=""
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for p in build-essential "postgresql-$PGV" "postgresql-server-dev-$PGV" libicu-dev pkg-config; do
	have_pkg "$p" || need="$need $p"
done
if [ -n "$need" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "installing:$need"
		export DEBIAN_FRONTEND=noninteractive
		apt-get install -y -q $need >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q $need >/dev/null; }
	else
		echo "missing build dependencies:$need" >&2
		echo "install them with:  sudo apt-get install -y$need" >&2
		exit 1
	fi
fi
