#!/usr/bin/env python3
"""Writes endnote_citations.docx: a Word document whose citations are EndNote fields.

No Word file with EndNote fields under a licence that allows committing it was found in public
repositories (see README.md), so this one is built here, with the field structure EndNote's Cite
While You Write writes (as shown in jgm/pandoc#7875 and LibreOffice's fdo81492.docx test):

* `ADDIN EN.CITE <EndNote><Cite>…<record>…</record></Cite></EndNote>` in the field instruction
  itself, XML-escaped, cut over several `w:instrText` runs as Word cuts it;
* `ADDIN EN.CITE` whose payload is in a nested field `ADDIN EN.CITE.DATA`, base64 in the
  `w:fldData` of that field's `begin` (EndNote does so for long payloads);
* the field result, the rendered citation, between `separate` and `end`.

The records describe real publications. Run: python3 make_endnote_citations.py (writes beside it).
"""
import base64, html, os, zipfile

STYLE = '<style face="normal" font="default" size="100%">{}</style>'

def record(num, ref_type, type_name, authors, title, year, **fields):
    out = [f'<record><rec-number>{num}</rec-number><foreign-keys><key app="EN" db-id="v52s5axvrte9t2edsv5vwfxixve0v2e9szrr" timestamp="16435926{num:02d}">{num}</key></foreign-keys>',
           f'<ref-type name="{type_name}">{ref_type}</ref-type><contributors><authors>']
    out += [f'<author>{STYLE.format(html.escape(a))}</author>' for a in authors]
    out.append('</authors>')
    if "editors" in fields:
        out.append('<secondary-authors>' + "".join(f'<author>{STYLE.format(html.escape(e))}</author>' for e in fields.pop("editors")) + '</secondary-authors>')
    out.append(f'</contributors><titles><title>{STYLE.format(html.escape(title))}</title>')
    if "container" in fields:
        out.append(f'<secondary-title>{STYLE.format(html.escape(fields.pop("container")))}</secondary-title>')
    out.append('</titles>')
    if "journal" in fields:
        out.append(f'<periodical><full-title>{STYLE.format(html.escape(fields.pop("journal")))}</full-title></periodical>')
    for key in ("pages", "volume", "number"):
        if key in fields:
            out.append(f'<{key}>{STYLE.format(fields.pop(key))}</{key}>')
    out.append(f'<dates><year>{STYLE.format(year)}</year></dates>')
    for key in ("pub-location", "publisher", "isbn", "electronic-resource-num"):
        if key in fields:
            out.append(f'<{key}>{STYLE.format(html.escape(fields.pop(key)))}</{key}>')
    out.append('<urls></urls></record>')
    assert not fields, fields
    return "".join(out)

KNUTH = dict(num=1, ref_type=17, type_name="Journal Article", authors=["Knuth, Donald E."], title="Literate Programming",
             year="1984", journal="The Computer Journal", pages="97-111", volume="27", number="2",
             **{"electronic-resource-num": "10.1093/comjnl/27.2.97"})
MACFARLANE = dict(num=3, ref_type=6, type_name="Book", authors=["MacFarlane, John"],
                  title="Assessment Sensitivity: Relative Truth and its Applications", year="2014",
                  **{"pub-location": "Oxford", "publisher": "Oxford University Press", "isbn": "9780199682751"})
LAMPORT = dict(num=4, ref_type=6, type_name="Book", authors=["Lamport, Leslie"],
               title="LaTeX: A Document Preparation System", year="1994",
               **{"pub-location": "Reading, MA", "publisher": "Addison-Wesley"})
DIJKSTRA = dict(num=5, ref_type=17, type_name="Journal Article", authors=["Dijkstra, Edsger W."],
                title="Go To Statement Considered Harmful", year="1968", journal="Communications of the ACM",
                pages="147-148", volume="11", number="3")

def cite(rec, author, display=None):
    d = f'<DisplayText>{html.escape(display)}</DisplayText>' if display else ""
    return f'<Cite><Author>{author}</Author><Year>{rec["year"]}</Year><RecNum>{rec["num"]}</RecNum>{d}{record(**rec)}</Cite>'

def run(text):
    return f'<w:r><w:t xml:space="preserve">{html.escape(text)}</w:t></w:r>'

def inline_field(payload, shown):
    """ADDIN EN.CITE with the EndNote XML in the instruction, cut into runs of 120 characters."""
    instruction = html.escape(" ADDIN EN.CITE " + payload, quote=False)
    pieces = [instruction[i:i + 120] for i in range(0, len(instruction), 120)]
    # An escape must not be cut: move a cut that falls inside one.
    fixed, carry = [], ""
    for p in pieces:
        p = carry + p
        amp = p.rfind("&")
        if amp != -1 and ";" not in p[amp:]:
            p, carry = p[:amp], p[amp:]
        else:
            carry = ""
        fixed.append(p)
    if carry:
        fixed.append(carry)
    runs = "".join(f'<w:r><w:instrText xml:space="preserve">{p}</w:instrText></w:r>' for p in fixed)
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>' + runs +
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run(shown) + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')

def data_field(payload, shown):
    """ADDIN EN.CITE whose payload is base64 in a nested ADDIN EN.CITE.DATA field."""
    data = base64.b64encode(payload.encode("utf-8")).decode("ascii")
    lines = "\n".join(data[i:i + 76] for i in range(0, len(data), 76))
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> ADDIN EN.CITE </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="begin"><w:fldData xml:space="preserve">{lines}</w:fldData></w:fldChar></w:r>'
            '<w:r><w:instrText xml:space="preserve"> ADDIN EN.CITE.DATA </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run(shown) + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')

body = [
    '<w:p>' + run("Programs can be written to be read by people first ") +
    inline_field(f'<EndNote>{cite(KNUTH, "Knuth", "(Knuth, 1984)")}</EndNote>', "(Knuth, 1984)") + run(".") + '</w:p>',
    '<w:p>' + run("Whether a claim is true may depend on who assesses it, and typesetting tools have long been written about ") +
    inline_field(f'<EndNote>{cite(MACFARLANE, "MacFarlane", "(MacFarlane, 2014; Lamport, 1994)")}{cite(LAMPORT, "Lamport")}</EndNote>',
                 "(MacFarlane, 2014; Lamport, 1994)") + run(".") + '</w:p>',
    '<w:p>' + run("Structured programming began with a letter ") +
    data_field(f'<EndNote>{cite(DIJKSTRA, "Dijkstra", "(Dijkstra, 1968)")}</EndNote>', "(Dijkstra, 1968)") +
    run(", and literate programming followed it ") +
    inline_field(f'<EndNote>{cite(KNUTH, "Knuth", "(Knuth, 1984, p. 97)")}</EndNote>', "(Knuth, 1984, p. 97)") + run(".") + '</w:p>',
    '<w:p>' + run("The bibliography EndNote writes follows as ordinary text.") + '</w:p>',
]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>{"".join(body)}<w:sectPr/></w:body></w:document>'
content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '</Types>')
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "endnote_citations.docx")
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in (("[Content_Types].xml", content_types), ("_rels/.rels", rels), ("word/document.xml", document)):
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
print(path)
