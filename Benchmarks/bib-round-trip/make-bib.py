#!/usr/bin/env python3
"""Writes a .bib file of N entries to stdout: the entries of the real .bib fixtures
(Tests/GlossFormatsTests/Fixtures/bib), repeated under fresh keys, with @string and crossref
entries left out so that every copy stands alone. Each copy is made a work of its own (its
number before the title, in its DOI and URL), as a library of N distinct works would be; Gloss
exports a work once, so identical copies would be written once. usage: make-bib.py N"""
import os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
fixtures = os.path.join(here, "..", "..", "Tests", "GlossFormatsTests", "Fixtures", "bib")

def entries(text):
    """The top-level @type{...} blocks of a .bib text, by brace matching."""
    i = 0
    while True:
        at = text.find("@", i)
        if at < 0: return
        m = re.match(r"@(\w+)\s*([{(])", text[at:])
        if not m: i = at + 1; continue
        kind = m.group(1).lower()
        depth, j = 0, at + m.end() - 1
        open_, close = m.group(2), "}" if m.group(2) == "{" else ")"
        while j < len(text):
            c = text[j]
            if c == open_: depth += 1
            elif c == close:
                depth -= 1
                if depth == 0: break
            j += 1
        yield kind, text[at:j + 1]
        i = j + 1

pool = []
for name in sorted(os.listdir(fixtures)):
    if not name.endswith(".bib"): continue
    with open(os.path.join(fixtures, name), encoding="utf-8") as f:
        text = f.read()
    for kind, block in entries(text):
        if kind in ("string", "preamble", "comment", "set"): continue
        if re.search(r"\bcrossref\s*=|\bxref\s*=|\bxdata\s*=|@\w+\s*\{\s*,", block, re.I): continue
        if re.search(r"=\s*[A-Za-z][\w:.+/-]*\s*[,#}]|#\s*[A-Za-z]", block): continue   # uses an @string macro
        pool.append(block)

n = int(sys.argv[1])
out = sys.stdout
for k in range(n):
    block = pool[k % len(pool)]
    block = re.sub(r"^(@\w+\s*[{(]\s*)[^,\s]+", lambda m: f"{m.group(1)}e{k}", block, count=1)
    block = re.sub(r"(\n\s*title\s*=\s*[{\"])", lambda m: f"{m.group(1)}{k} ", block, count=1, flags=re.I)
    block = re.sub(r"(\n\s*doi\s*=\s*[{\"])", lambda m: f"{m.group(1)}10.99999/{k}/", block, count=1, flags=re.I)
    block = re.sub(r"(\n\s*url\s*=\s*[{\"])", lambda m: f"{m.group(1)}https://example.org/{k}/", block, count=1, flags=re.I)
    out.write(block)
    out.write("\n\n")
