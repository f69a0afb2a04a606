#!/usr/bin/env python3
"""Writes gold.jsonl (the shape of ../shared/gold/citations.jsonl) from annotations.py."""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from annotations import SPANS

rows = []
for source in sorted(SPANS):
    with open(os.path.join(HERE, "texts", source + ".txt"), encoding="utf-8", newline="") as f:
        text = f.read()
    at = 0
    for exact, kind, items in SPANS[source]:
        start = text.find(exact, at)
        assert start >= 0, (source, exact, "not found after", at)
        end = start + len(exact)
        for author, year, locator, ref in items:
            for part in (author, year, locator):
                if part is not None:
                    # An author named earlier in the sentence stands before the span (issue 25).
                    scope = exact if part is not author else text[max(0, start - 300):end]
                    flat = " ".join(scope.replace("-\n", "-").split())
                    assert part.split()[0] in flat, (source, exact, part)
        rows.append({"source": source, "start": start, "end": end, "text": exact, "kind": kind,
                     "items": [{"author": au, "year": y, "locator": l, "ref": rf} for au, y, l, rf in items],
                     "note": None})
        at = end
with open(os.path.join(HERE, "gold.jsonl"), "w", encoding="utf-8") as f:
    for row in rows:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
print(f"{len(rows)} citations, {sum(len(r['items']) for r in rows)} items")
