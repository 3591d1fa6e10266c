#!/bin/sh
# Regenerates data/cameo/iso3166.tsv (ISO 3166-1 codes and names) from
# Debian's iso-codes package: apt-get install iso-codes
set -e
src=${1:-/usr/share/iso-codes/json/iso_3166-1.json}
out=${2:-$(dirname "$0")/../data/cameo/iso3166.tsv}
python3 - "$src" > "$out" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))["3166-1"]
print("alpha3\talpha2\tname\tofficial_name")
for r in sorted(rows, key=lambda r: r["alpha_3"]):
    print("\t".join([r["alpha_3"], r["alpha_2"], r["name"], r.get("official_name", "")]))
PY
