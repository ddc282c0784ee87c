#!/usr/bin/env bash
# Entity F1 on ../shared/eval/dev with every gold name and alias REMOVED from the gazetteers: how the rules do on names
# the data files do not know (the held-out set will have many). Works on a copy in a temporary folder; the working tree
# is not touched. Run from the repository root, with ../shared beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DEV=../shared/eval/dev
[ -d "$DEV" ] || { echo "$DEV not found" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/repo"
git ls-files -z | xargs -0 -I{} cp --parents {} "$TMP/repo/"
ln -s "$(cd .. && pwd)/shared" "$TMP/shared"
python3 - "$DEV" "$TMP/repo/src/Depeche.French/Data" <<'PY'
import json, os, sys, unicodedata
dev, data = sys.argv[1], sys.argv[2]
def fold(s):
    s = unicodedata.normalize("NFD", s.replace("\u2019", "'")).casefold()
    return "".join(c for c in s if unicodedata.category(c) != "Mn").strip()
names = set()
for f in os.listdir(dev):
    if f.endswith(".gold.json"):
        for e in json.load(open(os.path.join(dev, f), encoding="utf-8")).get("entities", []):
            for n in [e["name"]] + e.get("aliases", []):
                names.add(fold(n))
removed = 0
for f in ("organisations.tsv", "cities.tsv", "regions.tsv", "seats-of-power.tsv", "office-holders.tsv", "agencies.txt"):
    path = os.path.join(data, f)
    out = []
    for line in open(path, encoding="utf-8").read().splitlines():
        cols = line.split("\t")
        forms = [cols[0]] + (cols[1].split("|") if len(cols) > 1 and f != "agencies.txt" else cols[1:2])
        if not line.startswith("#") and any(fold(x) in names for x in forms if x):
            removed += 1
            continue
        out.append(line)
    open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")
print(f"removed {removed} gazetteer entries naming a dev gold entity (countries kept)", file=sys.stderr)
PY
cd "$TMP/repo"
dotnet build src/Depeche.Cli -c Release -v q -nologo >/dev/null
dotnet run --project src/Depeche.Cli -c Release --no-build -- extract "$DEV" --out "$TMP/out" >/dev/null
python3 "$ROOT/../shared/eval/score.py" "$DEV" "$TMP/out" ${DOCS:+--docs} | grep -E "^entities|^  [a-z0-9-]+: (PER|ORG|LOC):" | grep -vE "^  .*(miss_time|=)"
