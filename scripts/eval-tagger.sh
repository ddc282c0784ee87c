#!/usr/bin/env bash
# Scores the tagger on the UD French test files (never trained on): one line per file with UPOS, Tense, VerbForm,
# Mood, all six features and lemma accuracy on gold surface tokens, then the same on unknown words.
# Usage (from the repository root, with ../shared beside it): scripts/eval-tagger.sh [--model FILE] [--confusions N]
set -euo pipefail
cd "$(dirname "$0")/.."
ud=../shared/peers/ud-french
dotnet run -c Release --project src/Depeche.Cli -- train evaluate-tagger \
  "$ud/fr_sequoia-ud-test.conllu" "$ud/fr_gsd-ud-test.conllu" "$ud/fr_pud-ud-test.conllu" "$@"
