#!/usr/bin/env python3
"""Reliability table of event confidences on the dev gold: for each confidence bin, how many predicted events
match a gold event (type and parties, as score.py matches them). A calibrated confidence has precision close to the
bin's confidence. usage: scripts/events-reliability.py PRED_DIR [GOLD_DIR]  (scripts/eval-dev.sh writes PRED_DIR)."""
import importlib.util
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
gold_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "..", "shared", "eval", "dev")
spec = importlib.util.spec_from_file_location("score", os.path.join(gold_dir, "..", "score.py"))
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)

bins = {}
for fn in sorted(os.listdir(gold_dir)):
    if not fn.endswith(".gold.json"):
        continue
    name = fn[: -len(".gold.json")]
    gold = json.load(open(os.path.join(gold_dir, fn), encoding="utf-8"))
    path = os.path.join(sys.argv[1], name + ".json")
    pred = json.load(open(path, encoding="utf-8")) if os.path.exists(path) else {}
    events = [e for e in score.as_list(pred.get("events")) if isinstance(e, dict)]
    used = set()
    # the scorer's matching: gold events (required first) take the first compatible prediction
    for g in sorted(score.as_list(gold.get("events")), key=lambda g: bool(g.get("optional"))):
        for i, e in enumerate(events):
            if i not in used and str(e.get("type", "")).upper() == g["type"] and score.actors_overlap(g, e):
                used.add(i)
                break
    for i, e in enumerate(events):
        b = min(9, int(float(e.get("confidence", 0)) * 10))
        n, ok = bins.get(b, (0, 0))
        bins[b] = (n + 1, ok + (i in used))

print("confidence   events  matched  precision")
for b in sorted(bins):
    n, ok = bins[b]
    print(f"[{b / 10:.1f}, {(b + 1) / 10:.1f})  {n:7d}  {ok:7d}  {ok / n:9.3f}")
