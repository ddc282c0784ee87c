#!/usr/bin/env bash
# Trains the part-of-speech, morphology and lemma tagger on UD French (Sequoia train + dev, GSD dev; never the
# test files) and writes the shipped model. Deterministic: same data and seed, same model.
# Usage (from the repository root, with ../shared beside it): scripts/train-tagger.sh [extra options]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project src/Depeche.Cli -- train tagger --ud ../shared/peers/ud-french \
  --out src/Depeche.French/Data/tagger.bin "$@"
