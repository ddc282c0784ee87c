#!/usr/bin/env bash
# eval-times.sh: figures of the time tagger (docs/times.md).
#   1. the gold dev folder: times F1 and value accuracy (../shared/eval/score.py), all documents and the seed;
#   2. the peer suites: Recognizers-Text French Date/DatePeriod/Duration extractor and parser specs (development),
#      then, TEST ONLY, Recognizers' DateTimeModel.json and Duckling's French corpus (depeche eval times).
# Run from the repository root of a clone placed beside shared/:  scripts/eval-times.sh [--failures]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=../shared
if [ ! -d "$SHARED/eval" ]; then echo "eval-times.sh: $SHARED not found beside the repository" >&2; exit 2; fi
timeout 600 dotnet build src/Depeche.Cli -c Release -v q -nologo >/dev/null
CLI="dotnet src/Depeche.Cli/bin/Release/net10.0/depeche.dll"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
timeout 300 $CLI extract "$SHARED/eval/dev" --out "$OUT" >/dev/null
echo "== gold dev folder ($SHARED/eval/dev)"
echo -n "all documents: "; python3 "$SHARED/eval/score.py" "$SHARED/eval/dev" "$OUT" | grep '^times'
echo -n "seed-0001:     "; python3 "$SHARED/eval/score.py" "$SHARED/eval/dev" "$OUT" --only seed-0001 | grep '^times'
echo
echo "== peer suites"
timeout 600 $CLI eval times --shared "$SHARED" "$@"
