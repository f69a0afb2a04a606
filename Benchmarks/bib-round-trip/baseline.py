#!/usr/bin/env python3
"""Reads a .bib file and writes it back with bibtexparser v2 or pybtex, as the Gloss round trip
does (`gloss bib import` then `gloss export biblatex`). usage: baseline.py bibtexparser|pybtex IN OUT"""
import sys

tool, source, target = sys.argv[1:4]
if tool == "bibtexparser":
    import bibtexparser
    library = bibtexparser.parse_file(source)
    bibtexparser.write_file(target, library)
elif tool == "pybtex":
    from pybtex.database import parse_file
    parse_file(source, bib_format="bibtex").to_file(target, bib_format="bibtex")
else:
    sys.exit(f"unknown tool {tool}")
