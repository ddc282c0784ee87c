#!/usr/bin/env bash
# Scores cross-document event linking (story events) with ../shared/eval/score_links.py on the labelled linking set
# (examples/linking) and on ../shared/eval/dev (few cross-document stories there: it shows false links).
# Each folder is first ingested into a fresh SQLite store (`depeche ingest` + `depeche events --format jsonl`: the
# product's own path), then linked by the harness `depeche eval links` with whole documents in publication order (as
# a store fed by news feeds), in file-name order, and with all events in 10 shuffled orders (the linker is
# incremental: order matters).
# usage: scripts/eval-links.sh [--docs] [DIR...]     (--docs lists every missed and every false link of the publication-order run)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${DEPECHE_SHARED:-$root/../shared}
if [ ! -f "$shared/eval/score_links.py" ]; then
  echo "eval-links: $shared/eval/score_links.py not found; the shared reference data must sit beside the repository (or set DEPECHE_SHARED)." >&2
  exit 2
fi
docs=""
dirs=()
for a in "$@"; do
  if [ "$a" = "--docs" ]; then docs="--docs"; else dirs+=("$a"); fi
done
[ ${#dirs[@]} -gt 0 ] || dirs=("$root/examples/linking" "$shared/eval/dev")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build "$root/src/Depeche.Cli" -c Release -nologo -v quiet >/dev/null
depeche() { dotnet "$root/src/Depeche.Cli/bin/Release/net10.0/depeche.dll" "$@"; }

# link_events DIR OUT.jsonl ORDER: one JSON line per document-level event with its "document" and "story".
# ORDER: "published" (documents in publication order), 0 (file-name order) or a seed (events shuffled).
link_events() {
  if [ "$3" = published ]; then depeche eval links "$1" --out "$2" --by-published >/dev/null
  else depeche eval links "$1" --out "$2" --seed "$3" >/dev/null; fi
}

for dir in "${dirs[@]}"; do
  echo "== $dir"
  rm -f "$out"/store.db*
  depeche ingest "$dir" --db "$out/store.db" 2>/dev/null >/dev/null
  depeche events --db "$out/store.db" --format jsonl > "$out/links.jsonl"
  echo "store (depeche ingest, then depeche events --format jsonl):"
  python3 "$shared/eval/score_links.py" "$dir" "$out/links.jsonl" $docs | sed 's/^/  /'
  link_events "$dir" "$out/links.jsonl" published
  echo "documents in publication order:"
  python3 "$shared/eval/score_links.py" "$dir" "$out/links.jsonl" $docs | sed 's/^/  /'
  link_events "$dir" "$out/links.jsonl" 0
  echo "documents in file-name order:"
  python3 "$shared/eval/score_links.py" "$dir" "$out/links.jsonl" | sed 's/^/  /'
  f1s=()
  for seed in 1 2 3 4 5 6 7 8 9 10; do
    link_events "$dir" "$out/links.jsonl" "$seed"
    f1s+=("$(python3 "$shared/eval/score_links.py" "$dir" "$out/links.jsonl" | awk '/^linking/ {print $7}')")
  done
  printf '%s\n' "${f1s[@]}" | awk '{ s += $1; if (NR == 1 || $1 < min) min = $1; if ($1 > max) max = $1 }
    END { printf "10 shuffled orders: F1 mean %.3f  min %.3f  max %.3f\n", s / NR, min, max }'
done
