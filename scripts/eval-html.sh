#!/usr/bin/env bash
# Main-text extraction benchmark on trafilatura's evaluation set (../shared/peers/trafilatura-eval).
# Prints score_html.py's figures, pages/s per core and peak memory for Dépêche, then the same for Debian's
# python3-readability (readability-lxml) on the same pages. Run from anywhere; paths are relative to the repo root.
# usage: scripts/eval-html.sh [--no-readability]
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL=../shared/peers/trafilatura-eval
if [ ! -d "$EVAL/pages" ]; then echo "eval-html: $EVAL/pages is absent (it lives beside the repository in shared/)." >&2; exit 2; fi
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

timeout 600 dotnet build src/Depeche.Cli -c Release -v quiet -nologo >/dev/null
echo "== Dépêche (HtmlArticleExtractor, 1 thread)"
/usr/bin/time -f "peak RSS %M KB (whole process)" \
  timeout 600 dotnet src/Depeche.Cli/bin/Release/net10.0/depeche.dll eval html "$EVAL/pages" "$OUT/depeche" --threads 1
python3 "$EVAL/score_html.py" "$OUT/depeche"

[ "${1:-}" = "--no-readability" ] && exit 0
PY=/usr/bin/python3
if ! $PY -c "import readability" 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (apt-get install -y -qq python3-readability >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq python3-readability)) >/dev/null 2>&1 || true
  fi
fi
if ! $PY -c "import readability" 2>/dev/null; then
  echo "== readability-lxml: skipped (python3-readability is not installed; apt-get install python3-readability)"
  exit 0
fi
echo "== readability-lxml (Debian python3-readability, 1 process)"
mkdir -p "$OUT/readability"
/usr/bin/time -f "peak RSS %M KB (whole process)" timeout 900 $PY - "$EVAL/pages" "$OUT/readability" <<'PYEOF'
import os, sys, time, logging
import lxml.html
from readability import Document
logging.disable(logging.CRITICAL)
pages, out = sys.argv[1], sys.argv[2]
files = sorted(f for f in os.listdir(pages) if f.endswith(".html"))
cpu = time.process_time(); wall = time.perf_counter(); failed = 0
for f in files:
    raw = open(os.path.join(pages, f), "rb").read()
    try:
        summary = Document(raw).summary(html_partial=True)
        text = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
    except Exception:
        text = ""; failed += 1
    open(os.path.join(out, f + ".txt"), "w", encoding="utf-8").write(text)
cpu = time.process_time() - cpu; wall = time.perf_counter() - wall
print(f"pages {len(files)}, failed {failed}")
print(f"wall {wall:.2f} s: {len(files)/wall:.0f} pages/s; cpu {cpu:.2f} s: {len(files)/cpu:.0f} pages/s per core")
PYEOF
python3 "$EVAL/score_html.py" "$OUT/readability"
