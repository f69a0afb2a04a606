#!/usr/bin/env python3
"""Renders records.json in every style of styles/ with pandoc's citeproc, one text a style.

    python3 generate.py [STYLE ...]   # texts/STYLE.txt and gold/STYLE.json for every styles/STYLE.csl
    PANDOC=/path/to/pandoc python3 generate.py

Needs pandoc 3 (the texts here were made with pandoc 3.9, the binary of the PyPI package
pypandoc_binary 1.17). Debian 12's pandoc 2.17 ignores name options set on a style's root element
(NLM/Vancouver then prints `Ambuj Upadhyay` for `Upadhyay A`), so its texts would not be the style's.

Each text is what a reader of a real article meets: a body whose paragraphs cite every record
(alone, in groups of two or three, and narratively: `As Smith (2020) shows`), then a heading and the
list the style renders, one entry a paragraph. With a note style the citations are footnotes, each
printed after its paragraph (`--reference-location=block`), the way a PDF puts them at a page's foot.

gold/STYLE.json holds the offsets (code points, end exclusive) of the heading, of every entry with
the id of its record, and of every in-text citation with the ids of the records it cites (numbers,
author-date parentheses, narrative forms; for a note style the note's marker). The records
themselves (records.json) are the truth for the fields.
"""
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
PANDOC = os.environ.get('PANDOC', 'pandoc')
HEADINGS = {'ru-RU': 'Список литературы', 'tr-TR': 'Kaynakça'}

LEADS = ['Earlier work reports a related result', 'The same question was examined closely',
         'A comparable method is described', 'This claim has been disputed', 'Further evidence appears',
         'The data used here follow the account given']


def body_plan(ids):
    """Paragraphs as (lead, [ids], narrative): most records alone, some in groups, some narrative."""
    plan = []
    i = 0
    n = 0
    while i < len(ids):
        if n % 7 == 3 and i + 3 <= len(ids):
            plan.append(('Several studies agree on this point', ids[i:i + 3], False)); i += 3
        elif n % 7 == 5 and i + 2 <= len(ids):
            plan.append(('Two accounts differ on the details', ids[i:i + 2], False)); i += 2
        elif n % 5 == 1:
            plan.append(('As', ids[i:i + 1], True)); i += 1
        else:
            plan.append((LEADS[n % len(LEADS)], ids[i:i + 1], False)); i += 1
        n += 1
    return plan


def markdown(plan, heading):
    paragraphs = []
    for lead, ids, narrative in plan:
        if narrative:
            paragraphs.append(f'As @{ids[0]} shows, the effect is smaller than first thought.')
        else:
            paragraphs.append(f'{lead} [{"; ".join("@" + i for i in ids)}].')
    return '\n\n'.join(paragraphs) + f'\n\n# {heading}\n\n::: {{#refs}}\n:::\n'


def pandoc(style, md, records, note):
    args = [PANDOC, '--citeproc', '--csl', style, '--bibliography', records, '-f', 'markdown', '--wrap=none']
    if note:
        args += ['--reference-location=block']
    plain = subprocess.run(args + ['-t', 'plain'], input=md, capture_output=True, text=True, check=True).stdout
    ast = json.loads(subprocess.run(args + ['-t', 'json'], input=md, capture_output=True, text=True, check=True).stdout)
    return unicodedata.normalize('NFC', plain), ast


def entry_ids(ast):
    """The record ids of the rendered list, in order (the `ref-ID` divs inside `refs`)."""
    ids = []

    def walk(node):
        if isinstance(node, dict):
            if node.get('t') == 'Div':
                ident = node['c'][0][0]
                if ident.startswith('ref-'):
                    ids.append(ident[4:])
                    return
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(ast['blocks'])
    return ids


def paragraphs(text):
    """(start, end) of every paragraph (runs of non-blank lines)."""
    spans = []
    for m in re.finditer(r'[^\n]+(?:\n[^\n]+)*', text):
        spans.append((m.start(), m.end()))
    return spans


def render(style_path, records_path, records):
    style = os.path.basename(style_path)[:-4]
    csl = open(style_path, encoding='utf-8').read()
    note = 'citation-format="note"' in csl
    locale = re.search(r'default-locale="([^"]+)"', csl)
    heading = HEADINGS.get(locale.group(1) if locale else '', 'References')
    if style.startswith('modern-language-association'):
        heading = 'Works Cited'
    elif note:
        heading = 'Bibliography'
    ids = [r['id'] for r in records]
    plan = body_plan(ids)
    if note:
        # A narrative citation in a note style drops the author from its note: cite plainly instead.
        plan = [(LEADS[0] if narrative else lead, cited, False) for lead, cited, narrative in plan]
    text, ast = pandoc(style_path, markdown(plan, heading), records_path, note)
    paras = paragraphs(text)
    head = next(k for k, (a, b) in enumerate(paras) if text[a:b] == heading)
    order = entry_ids(ast)
    # The body: the paragraphs before the heading; with notes, each paragraph is followed by its notes.
    body = [p for p in paras[:head] if not re.match(r'\[\d+\] ', text[p[0]:p[1]])]
    notes = [p for p in paras[:head] if re.match(r'\[\d+\] ', text[p[0]:p[1]])]
    assert len(body) == len(plan), (style, len(body), len(plan))
    citations = []
    for (a, b), (lead, cited, narrative) in zip(body, plan):
        para = text[a:b]
        if narrative:
            m = re.fullmatch(r'As (.+) shows, the effect is smaller than first thought\.', para)
            start, end = a + m.start(1), a + m.end(1)
        else:
            assert para.startswith(lead + ' ') or para.startswith(lead), (style, para)
            start = a + len(lead) + (1 if para[len(lead):len(lead) + 1] == ' ' else 0)
            end = b - 1 if para.endswith('.') and not note else b
            if note:
                end = b
        citations.append({'start': start, 'end': end, 'text': text[start:end], 'ids': cited,
                          'narrative': narrative})
    entries = [p for p in paras[head + 1:]]
    assert len(entries) == len(order) == len(records), (style, len(entries), len(order))
    gold = {'style': style, 'note': note, 'heading': {'start': paras[head][0], 'end': paras[head][1], 'text': heading},
            'entries': [{'id': i, 'start': a, 'end': b, 'text': text[a:b]} for i, (a, b) in zip(order, entries)],
            'citations': citations,
            'notes': [{'start': a, 'end': b, 'text': text[a:b]} for a, b in notes]}
    return style, text, gold


def main():
    records_path = os.path.join(HERE, 'records.json')
    records = json.load(open(records_path, encoding='utf-8'))
    os.makedirs(os.path.join(HERE, 'texts'), exist_ok=True)
    os.makedirs(os.path.join(HERE, 'gold'), exist_ok=True)
    styles = sorted(f for f in os.listdir(os.path.join(HERE, 'styles')) if f.endswith('.csl'))
    only = set(sys.argv[1:])
    for f in styles:
        if only and f[:-4] not in only:
            continue
        style, text, gold = render(os.path.join(HERE, 'styles', f), records_path, records)
        with open(os.path.join(HERE, 'texts', style + '.txt'), 'w', encoding='utf-8', newline='\n') as out:
            out.write(text)
        with open(os.path.join(HERE, 'gold', style + '.json'), 'w', encoding='utf-8') as out:
            json.dump(gold, out, ensure_ascii=False, indent=1)
            out.write('\n')
        print(f'{style}: {len(gold["entries"])} entries, {len(gold["citations"])} citations')


if __name__ == '__main__':
    main()
