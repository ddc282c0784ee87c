#!/usr/bin/env bash
# Runs the extractor over ../shared/eval/dev and prints the scorer's summary.
# usage: scripts/eval-dev.sh [--docs]   (--docs lists every miss and extra; other score.py flags pass through)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${DEPECHE_SHARED:-$root/../shared}
if [ ! -f "$shared/eval/score.py" ]; then
  echo "eval-dev: $shared/eval/score.py not found; the shared reference data must sit beside the repository (or set DEPECHE_SHARED)." >&2
  exit 2
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build "$root/src/Depeche.Cli" -c Release -nologo -v quiet >/dev/null
# each NAME.txt takes its publication date from NAME.gold.json beside it
dotnet "$root/src/Depeche.Cli/bin/Release/net10.0/depeche.dll" extract "$shared/eval/dev" --out "$out"
python3 "$shared/eval/score.py" "$shared/eval/dev" "$out" "$@"
