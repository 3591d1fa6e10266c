#!/bin/sh
# Turns the dictionary data files (data/*/*.tsv) into the INSERT statements
# that fill the extension's dictionary tables at CREATE EXTENSION.
#   tools/gen-data-sql.sh data > data.sql
set -e
dir=${1:-data}
echo "-- default dictionaries, generated from $dir/*.tsv by tools/gen-data-sql.sh"
