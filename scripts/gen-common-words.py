#!/usr/bin/env python3
"""Generates src/Depeche.French/Data/common-words.txt: lower-case French words that are more often common words than proper nouns in
UD French-Sequoia train+dev (LGPL-LR) and French-GSD dev (CC BY-SA 4.0). The entity recogniser uses it to tell a capitalised
sentence-initial word ("Cette", "Depuis", "Plusieurs") from a name. Run from the repository root.
"""
import collections
import os
import sys

SRC = ["../shared/peers/ud-french/fr_sequoia-ud-train.conllu", "../shared/peers/ud-french/fr_sequoia-ud-dev.conllu",
       "../shared/peers/ud-french/fr_gsd-ud-dev.conllu"]
OUT = "src/Depeche.French/Data/common-words.txt"
MIN_COUNT = 1

common, proper = collections.Counter(), collections.Counter()
for path in SRC:
    if not os.path.exists(path):
        sys.exit(f"{path} not found: run from the repository root, beside shared/")
    for line in open(path, encoding="utf-8"):
        if not line or line[0] == "#" or line == "\n":
            continue
        cols = line.rstrip("\n").split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        form, upos = cols[1].lower(), cols[3]
        if upos in ("PROPN", "X", "SYM", "PUNCT"):
            proper[form] += 1
        elif form.isalpha() or ("-" in form and any(ch.isalpha() for ch in form)) or "'" in form:
            common[form] += 1
words = sorted(w for w, n in common.items() if n >= MIN_COUNT and n > proper[w] and len(w) > 1)
with open(OUT, "w", encoding="utf-8") as f:
    f.write("# common-words.txt: lower-case French words more often common than PROPN in UD French-Sequoia train+dev and French-GSD dev.\n")
    f.write("# Source: derived from UD_French-Sequoia (LGPL-LR) and UD_French-GSD dev (CC BY-SA 4.0) by scripts/gen-common-words.py; see docs/entities.md.\n")
    for w in words:
        f.write(w + "\n")
print(f"{len(words)} words -> {OUT}")
