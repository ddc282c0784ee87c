#!/usr/bin/env bash
# Sentence-boundary and surface-token F1 of the segmentation layer against UD French (see docs/segmentation.md).
# Usage: scripts/eval-ud.sh [--errors N] [FILE.conllu...]   (default: Sequoia test, GSD test, and PUD for information)
# Run from the repository root, beside ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
ud=../shared/peers/ud-french
args=()
files=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --errors) args+=("$1" "$2"); shift 2 ;;
    *) files+=("$1"); shift ;;
  esac
done
if [[ ${#files[@]} -eq 0 ]]; then
  files=("$ud/fr_sequoia-ud-test.conllu" "$ud/fr_gsd-ud-test.conllu" "$ud/fr_pud-ud-test.conllu")
fi
dotnet build src/Depeche.Cli -c Release -v quiet -nologo >&2
dotnet src/Depeche.Cli/bin/Release/net10.0/depeche.dll eval ud "${args[@]}" "${files[@]}"
