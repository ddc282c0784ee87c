#!/usr/bin/env bash
# Scores the quotation stage on ../shared/eval/dev: quotes P/R/F1 and speaker accuracy, with every miss.
# Usage: scripts/eval-quotes.sh [GOLD_DIR]   (run from the repository root, with ../shared beside it)
set -euo pipefail
cd "$(dirname "$0")/.."
gold="${1:-../shared/eval/dev}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
dotnet build src/Depeche.Cli -c Release -v quiet -nologo >/dev/null
dotnet run --no-build --project src/Depeche.Cli -c Release -- extract "$gold" --out "$out"
python3 ../shared/eval/score.py "$gold" "$out" --docs | awk '/^quotes/ || /^miss_quote/ || /^bad_speaker/ {p=1} /^(miss|extra)_(ent|time|ev)/ {p=0} /^(entities|times|events|documents|summary)/ {p=0} p'
