#!/usr/bin/env python3
"""Builds the TEI document of one text with lxml, the way `gloss export tei` lays it out, from the
text and its citations (`gloss cites --format jsonl`): the yardstick for issue 23's TEI export.

    python3 lxml_tei.py TEXT CITES.jsonl OUT.xml [TITLE]

What it builds, as Gloss does: a `teiHeader` (title, publication statement, the text's sha256);
`<text xml:space="preserve"><body>` whose string value is the text exactly; the text cut into `<p>`
at blank lines outside citations (the blank lines left between the paragraphs, the paragraph trimmed
of its outer whitespace); every citation as `<ref type="bibr" subtype="KIND" xml:id="cit-S-E">` over
its span (code points); characters XML 1.0 cannot hold as `<g n="U+XXXX"/>`. Then the whole tree is
serialised to UTF-8 in one call. What Gloss writes beside that (footnotes as `<note>`, the records
in `<standOff>`, its state as JSON) has no counterpart here: this script's document is the smaller.
"""
import hashlib
import json
import re
import sys

from lxml import etree

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
BLANK = re.compile(r"[ \t\r\n]*\n[ \t\r]*\n[ \t\r\n]*")
SPACE = " \t\r\n"


def append_text(parent, last, text):
    """Appends `text` after `last` (a child of `parent`, or None): as `last`'s tail or `parent`'s
    text, characters XML cannot hold as <g>."""
    pos = 0
    for match in NOT_XML.finditer(text):
        last = append_plain(parent, last, text[pos:match.start()])
        g = etree.SubElement(parent, "{%s}g" % TEI, n="U+%04X" % ord(match.group()))
        last = g
        pos = match.end()
    append_plain(parent, last, text[pos:])
    return last


def append_plain(parent, last, text):
    if text:
        if last is None:
            parent.text = (parent.text or "") + text
        else:
            last.tail = (last.tail or "") + text
    return last


def main():
    text_path, cites_path, out_path = sys.argv[1:4]
    title = sys.argv[4] if len(sys.argv) > 4 else text_path
    raw = open(text_path, "rb").read()
    text = raw.decode("utf-8")
    citations = []
    last_end = -1
    with open(cites_path, encoding="utf-8") as lines:
        for line in lines:
            c = json.loads(line)
            if c["start"] >= last_end and c["end"] > c["start"]:
                citations.append((c["start"], c["end"], c["kind"]))
                last_end = c["end"]
    citations.sort()

    root = etree.Element("{%s}TEI" % TEI, nsmap={None: TEI})
    header = etree.SubElement(root, "{%s}teiHeader" % TEI)
    file_desc = etree.SubElement(header, "{%s}fileDesc" % TEI)
    etree.SubElement(etree.SubElement(file_desc, "{%s}titleStmt" % TEI), "{%s}title" % TEI).text = title
    etree.SubElement(etree.SubElement(file_desc, "{%s}publicationStmt" % TEI), "{%s}p" % TEI).text = \
        "Exported by lxml; offsets count Unicode code points."
    bibl = etree.SubElement(etree.SubElement(file_desc, "{%s}sourceDesc" % TEI), "{%s}bibl" % TEI)
    etree.SubElement(bibl, "{%s}title" % TEI).text = title
    etree.SubElement(bibl, "{%s}idno" % TEI, type="sha256").text = hashlib.sha256(raw).hexdigest()
    body_text = etree.SubElement(root, "{%s}text" % TEI)
    body_text.set(XML_SPACE, "preserve")
    body = etree.SubElement(body_text, "{%s}body" % TEI)

    # Paragraph cuts: blank-line runs that start and end outside every citation.
    cuts = []
    ci = 0
    for match in BLANK.finditer(text):
        while ci < len(citations) and citations[ci][1] <= match.start():
            ci += 1
        if ci < len(citations) and citations[ci][0] < match.end():
            continue
        cuts.append((match.start(), match.end()))
    last = None
    start = 0
    ci = 0
    for cut_start, cut_end in cuts + [(len(text), len(text))]:
        p_start, p_end = start, cut_start
        while p_start < p_end and text[p_start] in SPACE:
            p_start += 1
        while p_end > p_start and text[p_end - 1] in SPACE:
            p_end -= 1
        last = append_text(body, last, text[start:p_start])
        if p_start < p_end:
            p = etree.SubElement(body, "{%s}p" % TEI)
            inner = None
            pos = p_start
            while ci < len(citations) and citations[ci][1] <= p_end:
                s, e, kind = citations[ci]
                inner = append_text(p, inner, text[pos:s])
                ref = etree.SubElement(p, "{%s}ref" % TEI, type="bibr", subtype=kind)
                ref.set(XML_ID, "cit-%d-%d" % (s, e))
                append_text(ref, None, text[s:e])
                inner = ref
                pos = e
                ci += 1
            append_text(p, inner, text[pos:p_end])
            last = p
        last = append_text(body, last, text[p_end:cut_end])
        start = cut_end

    with open(out_path, "wb") as out:
        out.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


if __name__ == "__main__":
    main()
