#!/usr/bin/env python3
"""Scores gloss's reference fields on AnyStyle's labelled training references (`core.xml`).

    python3 score.py --gloss PATH/TO/gloss [--details] [--compare PATH/TO/other-gloss]

The entries: the sequences of `core.xml` that open with an author and have a date and a title
(AnyStyle's own labels; 1,198 of 1,514), each the labelled parts joined by one space, entries
shorter than 30 characters or holding a line break aside. They are given to gloss as numbered
lists of 300 (`1. …`, one a paragraph) under a `References` heading, one text a list, in a fresh
temporary workspace (`init`, `add`, `refs --format json`); an entry's record is the one whose raw
text is the entry.

  found   entries with a record of their own (segmentation).
  year    the record's year equals the first year (1500-2099) of the entry's first `date` part;
          an entry whose date has no year (`n.d.`, `in press`) must have a record without a year.
  title   the record's title equals the `title` part (case, diacritics, whitespace, surrounding
          quotes and trailing `.,;:` aside; a `?` or `!` ending the title counts).
  author  the record's first author's family name (else literal name) occurs, folded, in the
          entry's `author` part: a check that the names were read, not the order of family and given.

Every figure is over all the entries (an entry without a record counts as wrong). With
--details the failures are printed, and the figures by kind of entry (how its year is written,
a quoted title, a chapter led by `In`, an edition, a translator, …). With --compare a second
gloss is scored too and the entries whose result differs are printed (BETTER / WORSE / DIFF).
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
YEAR = re.compile(r'(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)')
# Entries a list: real lists are numbered up to a few hundred, and `1000.` opening a line reads as a year.
LIST_SIZE = 300
APOSTROPHES = str.maketrans({'’': "'", '‘': "'", 'ʼ': "'", '´': "'"})


def fold(s):
    s = unicodedata.normalize('NFKD', str(s or '').translate(APOSTROPHES))
    s = ''.join(c for c in s if not unicodedata.combining(c))
    return ' '.join(s.casefold().split())


def norm_title(s):
    s = fold(s).strip(' .,;:"“”„«»\'`')
    return s.replace('—', '-').replace('–', '-')


def entries():
    root = ET.parse(os.path.join(HERE, 'core.xml')).getroot()
    items = []
    for seq in root.findall('sequence'):
        parts = [(child.tag, (child.text or '').strip()) for child in seq]
        tags = [tag for tag, _ in parts]
        if not parts or tags[0] != 'author' or 'title' not in tags or 'date' not in tags:
            continue
        text = ' '.join(value for _, value in parts)
        if '\n' in text or len(text) < 30:
            continue
        first = {}
        for tag, value in parts:
            first.setdefault(tag, value)
        m = YEAR.search(first['date'])
        items.append({'text': text, 'parts': parts, 'tags': tags, 'year': m.group(1) if m else None,
                      'title': first['title'], 'author': first['author']})
    return items


def run(gloss, items):
    ws = tempfile.mkdtemp(prefix='gloss-anystyle-')
    try:
        subprocess.run([gloss, 'init', ws], check=True, capture_output=True)
        for start in range(0, len(items), LIST_SIZE):
            chunk = items[start:start + LIST_SIZE]
            body = 'Body.\n\nReferences\n\n' + '\n\n'.join(f'{i + 1}. {it["text"]}' for i, it in enumerate(chunk)) + '\n'
            path = os.path.join(ws, f'anystyle-{start // LIST_SIZE + 1}.txt')
            with open(path, 'w', encoding='utf-8') as f:
                f.write(body)
            subprocess.run([gloss, 'add', '--workspace', ws, path, '--id', f'anystyle-{start // LIST_SIZE + 1}'], check=True,
                           capture_output=True)
        out = subprocess.run([gloss, 'refs', '--workspace', ws, '--format', 'json'], check=True, capture_output=True,
                             text=True).stdout
    finally:
        shutil.rmtree(ws)
    records = {}
    for source in json.loads(out):
        for r in source['records']:
            raw = (r['record'].get('custom') or {}).get('gloss-raw-text') or ''
            records[key(raw)] = r['record']
    return records


def key(text):
    # gloss stores texts in NFC; core.xml writes some accents decomposed.
    return unicodedata.normalize('NFC', ' '.join(text.split()))


def year_of(record):
    issued = record.get('issued') or {}
    parts = issued.get('date-parts') or []
    if parts and parts[0] and parts[0][0] is not None:
        return str(parts[0][0])
    m = YEAR.search(str(issued.get('literal') or ''))
    return m.group(1) if m else None


def first_name(record):
    for role in ('author', 'editor'):
        for name in record.get(role) or []:
            return name.get('family') or name.get('literal')
    return None


def judge(item, record):
    if record is None:
        return {'found': False, 'year': False, 'title': False, 'author': False, 'got': (None, None)}
    year = year_of(record)
    name = first_name(record)
    return {'found': True,
            'year': year == item['year'],
            'title': norm_title(record.get('title')) == norm_title(item['title']),
            'author': bool(name) and fold(name) in fold(item['author']),
            'got': (year, record.get('title'))}


def kinds(item):
    """The kinds of entry an item belongs to, for the figures by kind."""
    first = {}
    for tag, value in item['parts']:
        first.setdefault(tag, value)
    date, title, tags = first['date'], first['title'], item['tags']
    found = []
    if item['year'] is None:
        found.append('date without a year (n.d., in press)')
    elif re.search(r'\d{4}[a-z]\b', date):
        found.append('year with a suffix (1999a)')
    elif date.startswith('('):
        found.append('year in brackets (1999)')
    elif re.fullmatch(r'\d{4}[.,]?', date):
        found.append('bare year (1999. / 1999,)')
    else:
        found.append('year within a date (May 1999, 12.05.1999)')
    if tags.index('date') > tags.index('title'):
        found.append('date after the title (footnote, Vancouver, publisher then year)')
    else:
        found.append('date before the title (author-date)')
    if title[:1] in '"“„«‘`\'':
        found.append('title in quotes')
    if re.search(r'[?!]["”’\']?[.,]?$', title):
        found.append('title ending with ? or !')
    if 'journal' in tags:
        found.append('journal article')
    if 'editor' in tags or 'container-title' in tags:
        found.append('chapter or paper in a book (editor / container)')
    if any(v.startswith(('In:', 'In ', 'in:', 'in ')) for t, v in item['parts'] if t in ('editor', 'container-title')):
        found.append('container led by In / In:')
    if 'edition' in tags:
        found.append('edition')
    if 'translator' in tags:
        found.append('translator')
    if 'publisher' in tags:
        found.append('publisher')
    if 'url' in tags or 'doi' in tags:
        found.append('URL or DOI')
    if any(ord(c) > 0x2ff for c in item['text']):
        found.append('non-Latin script')
    return found


def score(gloss, items):
    records = run(gloss, items)
    return [judge(item, records.get(key(item['text']))) for item in items]


def figures(results):
    n = len(results)
    return {key: sum(r[key] for r in results) / n if n else 0.0 for key in ('found', 'year', 'title', 'author')}


def line(label, results):
    f = figures(results)
    return (f'{label:<66} {len(results):>5}  {f["found"]:.3f}  {f["year"]:.3f}  {f["title"]:.3f}  {f["author"]:.3f}')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--gloss', required=True)
    parser.add_argument('--details', action='store_true')
    parser.add_argument('--compare', metavar='OTHER_GLOSS')
    args = parser.parse_args()
    items = entries()
    results = score(args.gloss, items)
    header = f'{"":<66} {"n":>5}  found   year  title author'
    print(header)
    print(line('ALL', results))
    if args.details:
        by_kind = collections.defaultdict(list)
        for item, result in zip(items, results):
            for kind in kinds(item):
                by_kind[kind].append(result)
        for kind in sorted(by_kind):
            print(line(kind, by_kind[kind]))
        for item, result in zip(items, results):
            wrong = [key for key in ('year', 'title') if not result[key]]
            if wrong:
                print(f'{"/".join(wrong):<10} | {item["text"]}\n           | want: {item["year"]} | {item["title"]}'
                      f'\n           | got:  {result["got"][0]} | {result["got"][1]}')
    if args.compare:
        other = score(args.compare, items)
        print(line(f'compare: {args.compare}', other))
        for item, a, b in zip(items, other, results):
            sa, sb = a['year'] + a['title'], b['year'] + b['title']
            if (a['year'], a['title']) != (b['year'], b['title']) or a['got'] != b['got'] and sa != 2:
                verdict = 'BETTER' if sb > sa else 'WORSE' if sb < sa else 'DIFF'
                print(f'{verdict:<6} | {item["text"]}\n       | want: {item["year"]} | {item["title"]}'
                      f'\n       | was:  {a["got"][0]} | {a["got"][1]}\n       | now:  {b["got"][0]} | {b["got"][1]}')
    f = figures(results)
    print(f'anystyle-core: n={len(results)} found={f["found"]:.3f} year={f["year"]:.3f} title={f["title"]:.3f} '
          f'author={f["author"]:.3f}')


if __name__ == '__main__':
    sys.exit(main())
