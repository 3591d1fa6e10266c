#!/bin/sh
# Regenerates data/cameo/iso3166.tsv (ISO 3166-1 codes and names) and
# data/cameo/iso3166-3.tsv (ISO 3166-3: codes of former countries, such as
# SUN for the USSR) from Debian's iso-codes package: apt-get install iso-codes
set -e
dir=${1:-/usr/share/iso-codes/json}
out=${2:-$(dirname "$0")/../data/cameo}
python3 - "$dir/iso_3166-1.json" > "$out/iso3166.tsv" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))["3166-1"]
print("alpha3\talpha2\tname\tofficial_name")
for r in sorted(rows, key=lambda r: r["alpha_3"]):
    print("\t".join([r["alpha_3"], r["alpha_2"], r["name"], r.get("official_name", "")]))
PY
python3 - "$dir/iso_3166-3.json" > "$out/iso3166-3.tsv" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))["3166-3"]
print("alpha3\talpha4\tname\twithdrawn\tcomment")
for r in sorted(rows, key=lambda r: r["alpha_3"]):
    print("\t".join([r["alpha_3"], r["alpha_4"], r["name"], r.get("withdrawal_date", ""),
                     r.get("comment", "")]))
PY
