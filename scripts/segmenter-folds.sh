#!/usr/bin/env bash
# Two-fold estimate of the sentence-boundary classifier on the training files only (docs/segmentation.md).
# Sequoia train and GSD dev are cut into blocks of 20 sentences, alternately A and B; each fold trains on one half of
# each (plus Sequoia dev) and scores the other half with 'depeche train segmenter --dev'. No test file is read.
# Usage: scripts/segmenter-folds.sh [extra 'depeche train segmenter' options, e.g. --thresholds 0,off,off,off,off]
# Run from the repository root, beside ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
ud=../shared/peers/ud-french
folds=$(mktemp -d)
trap 'rm -rf "$folds"' EXIT
python3 - "$ud" "$folds" <<'EOF'
import sys
ud, out = sys.argv[1], sys.argv[2]
for name, f in [("seqtrain", "fr_sequoia-ud-train.conllu"), ("gsddev", "fr_gsd-ud-dev.conllu")]:
    blocks = [b for b in open(f"{ud}/{f}", encoding="utf8").read().split("\n\n") if b.strip()]
    for half, parity in (("A", 0), ("B", 1)):
        chosen = [b for i, b in enumerate(blocks) if (i // 20) % 2 == parity]
        open(f"{out}/{name}-{half}.conllu", "w", encoding="utf8").write("\n\n".join(chosen) + "\n\n")
EOF
cp "$ud/fr_sequoia-ud-dev.conllu" "$folds/seqdev.conllu"
dotnet build src/Depeche.Cli -c Release -v quiet -nologo >&2
depeche="dotnet src/Depeche.Cli/bin/Release/net10.0/depeche.dll"
for held in A B; do
  train=$([[ $held == A ]] && echo B || echo A)
  $depeche train segmenter --ud "$folds" --train "seqtrain-$train.conllu" seqdev.conllu "gsddev-$train.conllu" \
    --dev "seqtrain-$held.conllu" "gsddev-$held.conllu" "$@" | grep -v '^epoch'
done
