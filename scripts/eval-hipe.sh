#!/usr/bin/env bash
# Scores the entity recogniser on HIPE-2022 French (historical newspapers, OCR): strict and fuzzy micro P/R/F1 per file,
# coarse literal types pers/org/loc. dev files: development; test files: measure only, never tune on them.
# Run from the repository root, with ../shared beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
HIPE=../shared/peers/hipe-fr
[ -d "$HIPE" ] || { echo "$HIPE not found: ../shared must sit beside the repository" >&2; exit 2; }
dotnet run --project src/Depeche.Cli -c Release -- eval hipe "$HIPE"/*-dev-*.tsv "$HIPE"/*-test-*.tsv
