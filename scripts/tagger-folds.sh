#!/usr/bin/env bash
# Held-out folds of the tagger's TRAINING data (never the test files), for error analysis and tuning:
#   seq→gsd    train Sequoia train+dev,               score GSD dev (GSD-like conventions, like PUD)
#   mix→gsd-b  train Sequoia train+dev + GSD dev 1st half, score GSD dev 2nd half (closest to the shipped setup)
#   mix→gsd-a  train Sequoia train+dev + GSD dev 2nd half, score GSD dev 1st half
#   gsd→seq    train Sequoia train + GSD dev,         score Sequoia dev
# Usage (from the repository root, with ../shared beside it): scripts/tagger-folds.sh [OUT_DIR]
# OUT_DIR (default: a temporary folder) receives the split files, the fold models and lemma-errors-FOLD.tsv
# (form, gold/predicted label, gold/predicted lemma, known/unknown) for each fold.
set -euo pipefail
cd "$(dirname "$0")/.."
ud=$(cd ../shared/peers/ud-french && pwd)
out=${1:-$(mktemp -d)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
for f in fr_sequoia-ud-train fr_sequoia-ud-dev fr_gsd-ud-dev; do ln -sf "$ud/$f.conllu" "$out/$f.conllu"; done
# GSD dev split in two halves by sentence (blank-line separated blocks)
awk -v RS= -v ORS='\n\n' -v a="$out/gsd-a.conllu" -v b="$out/gsd-b.conllu" \
  'NR==FNR { n++; next } { print > (FNR <= int(n / 2) ? a : b) }' "$ud/fr_gsd-ud-dev.conllu" "$ud/fr_gsd-ud-dev.conllu"
dotnet build src/Depeche.Cli -c Release -nologo -v quiet >/dev/null
cli=(dotnet src/Depeche.Cli/bin/Release/net10.0/depeche.dll)
rm -f "$out"/lemma-errors-*.tsv
fold() { # name, eval file, train files...
  local name=$1 eval=$2; shift 2
  "${cli[@]}" train tagger --ud "$out" --train "$@" --out "$out/$name.bin" >/dev/null
  echo "== $name (train: $*)"
  "${cli[@]}" train evaluate-tagger --model "$out/$name.bin" "$out/$eval" --lemma-errors "$out/lemma-errors-$name.tsv" | tail -n 1
}
fold seq-gsd fr_gsd-ud-dev.conllu fr_sequoia-ud-train.conllu fr_sequoia-ud-dev.conllu
fold mix-gsd-b gsd-b.conllu fr_sequoia-ud-train.conllu fr_sequoia-ud-dev.conllu gsd-a.conllu
fold mix-gsd-a gsd-a.conllu fr_sequoia-ud-train.conllu fr_sequoia-ud-dev.conllu gsd-b.conllu
fold gsd-seq fr_sequoia-ud-dev.conllu fr_sequoia-ud-train.conllu fr_gsd-ud-dev.conllu
echo "fold files and lemma errors in $out"
