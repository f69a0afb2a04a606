#!/usr/bin/env python3
"""Scores gloss on the texts of generate.py, style by style.

    python3 score.py --gloss PATH/TO/gloss [STYLE ...] [--details]

Runs gloss in a fresh temporary workspace (`init`; `add texts/STYLE.txt --id STYLE` for every style;
`cites --format jsonl`; `refs --format json`) and measures, for each style:

  segmentation  gold entries with a gloss reference-list record whose provenance span is the entry's
                (intersection over union >= 0.9), over the gold entries; `extra` counts reference-list
                records on no entry.
  author        over the found entries: the record's first author (family name, else literal name;
                the first editor when there is no author) equals the first author of the rendered
                record (case, diacritics and apostrophe forms folded).
  year          the record's year (its first date part or a year in its literal date) equals the
                rendered record's year, over entries whose text shows that year.
  title         the record's title equals the rendered record's title (case-insensitive, quotes,
                whitespace and trailing punctuation aside), over entries whose text shows the title
                (the physics and astronomy styles print no article titles).
  links         per (in-text citation, record cited): a gloss citation overlapping the gold citation
                has an item linked to exactly one record, and that record's span is the entry of the
                cited record. R = correct / gold pairs; P = correct / body items linked to a record.
                Note styles: not scored (the citations are note markers; the notes are not entries).

Prints one row a style, the failures with --details, and last one line a style:
    STYLE: seg=... author=... year=... title=... link P=... R=...
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

HERE = os.path.dirname(os.path.abspath(__file__))
SPAN_MATCH = 0.9
APOSTROPHES = str.maketrans({'’': "'", '‘': "'", 'ʼ': "'", '`': "'", '´': "'"})


def fold(s):
    if s is None:
        return ''
    s = unicodedata.normalize('NFKD', str(s).translate(APOSTROPHES))
    s = ''.join(c for c in s if not unicodedata.combining(c))
    return ' '.join(s.casefold().split())


def norm_title(s):
    s = fold(re.sub(r'<[^>]+>', '', s or ''))
    s = s.strip(' .,;:!?"“”«»‘’\'')
    return s.replace('—', '-').replace('–', '-')


def iou(a, b):
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


def fmt(n, d):
    return f'{n / d:.3f}' if d else ' n/a '


def first_name(record):
    for role in ('author', 'editor'):
        for name in record.get(role) or []:
            return name.get('family') or name.get('literal')
    return None


def year_of(record):
    issued = record.get('issued') or {}
    parts = issued.get('date-parts') or []
    if parts and parts[0]:
        return str(parts[0][0])
    m = re.search(r'\d{4}', str(issued.get('literal') or ''))
    return m.group(0) if m else None


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True, encoding='utf-8')
    if p.returncode != 0:
        sys.exit(f'failed ({p.returncode}): {" ".join(cmd)}\n{p.stderr}')
    return p.stdout


def run_gloss(gloss, styles):
    ws = tempfile.mkdtemp(prefix='gloss-styles-')
    try:
        run([gloss, 'init', ws])
        for style in styles:
            run([gloss, 'add', '--workspace', ws, os.path.join(HERE, 'texts', style + '.txt'), '--id', style])
        cites = [json.loads(l) for l in run([gloss, 'cites', '--workspace', ws, '--format', 'jsonl']).splitlines() if l.strip()]
        refs = json.loads(run([gloss, 'refs', '--workspace', ws, '--format', 'json']))
    finally:
        shutil.rmtree(ws, ignore_errors=True)
    return cites, refs


def score(style, records, cites, report, details):
    gold = json.load(open(os.path.join(HERE, 'gold', style + '.json'), encoding='utf-8'))
    by_id = {r['id']: r for r in records}
    out = []
    # Gloss's reference-list records of this text, with their spans.
    listed = {}
    resolution = {}
    for entry in (report or {}).get('records', []):
        rec = entry['record']
        spans = [(p['span']['start'], p['span']['end']) for p in (rec.get('custom') or {}).get('gloss-provenance', [])
                 if p.get('source') == style and p.get('span')]
        if entry['origin'] == 'reference-list':
            listed[rec['id']] = (rec, spans)
        for r in entry.get('citations', []):
            resolution.setdefault((r['citation'], r['item']), r)
    for key in ('unresolved', 'ambiguous'):
        for r in (report or {}).get(key, []):
            resolution.setdefault((r['citation'], r['item']), r)

    found = {}
    used = set()
    for e in gold['entries']:
        best = (None, 0.0)
        for key, (rec, spans) in listed.items():
            for s in spans:
                v = iou(s, (e['start'], e['end']))
                if v > best[1]:
                    best = (key, v)
        if best[0] and best[1] >= SPAN_MATCH:
            found[e['id']] = best[0]
            used.add(best[0])
        elif details:
            out.append(f'  SEG    {e["id"]}: "{e["text"][:110]}" ' + (f'best IoU {best[1]:.2f}' if best[0] else 'no record'))
    extra = [k for k in listed if k not in used]
    if details:
        for k in extra:
            spans = listed[k][1]
            out.append(f'  EXTRA  {k} {spans[:1]}')

    fields = collections.Counter()
    for e in gold['entries']:
        if e['id'] not in found:
            continue
        want, got = by_id[e['id']], listed[found[e['id']]][0]
        text = fold(e['text'])
        checks = []
        name = first_name(want)
        if name and fold(name) in text:
            checks.append(('author', name, first_name(got), fold(name) == fold(first_name(got))))
        year = year_of(want)
        if year and year in e['text']:
            checks.append(('year', year, year_of(got), year == year_of(got)))
        title = want.get('title')
        if title and norm_title(title) in norm_title(e['text']):
            checks.append(('title', title, got.get('title'), norm_title(title) == norm_title(got.get('title'))))
        for field, w, g, ok in checks:
            fields[field + '_n'] += 1
            fields[field + '_ok'] += ok
            if not ok and details:
                out.append(f'  FIELD  {e["id"]} {field}: want "{w}" got "{g}"   | {e["text"][:90]}')

    links_ok = links_n = linked = 0
    if not gold['note']:
        entry_span = {e['id']: (e['start'], e['end']) for e in gold['entries']}
        body = [c for c in cites if c['source'] == style and c['start'] < gold['heading']['start']]
        for c in body:
            for i, _ in enumerate(c['items']):
                r = resolution.get((c['id'], i))
                if r and r.get('status') == 'linked':
                    linked += 1
        for g in gold['citations']:
            over = [c for c in body if min(c['end'], g['end']) > max(c['start'], g['start'])]
            for rid in g['ids']:
                links_n += 1
                ok = False
                for c in over:
                    for i, _ in enumerate(c['items']):
                        r = resolution.get((c['id'], i))
                        if not r or r.get('status') != 'linked' or len(r.get('records') or []) != 1:
                            continue
                        key = r['records'][0]
                        if key in listed and any(iou(s, entry_span[rid]) >= SPAN_MATCH for s in listed[key][1]):
                            ok = True
                links_ok += ok
                if not ok and details:
                    states = [(resolution.get((c['id'], i)) or {}).get('status') for c in over for i, _ in enumerate(c['items'])]
                    out.append(f'  LINK   "{g["text"]}" -> {rid}: gloss {"; ".join(c["text"] for c in over) or "no citation"} {states}')
    return {'style': style, 'n': len(gold['entries']), 'found': len(found), 'extra': len(extra), 'fields': fields,
            'links_ok': links_ok, 'links_n': links_n, 'linked': linked, 'note': gold['note'], 'details': out}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('styles', nargs='*')
    ap.add_argument('--gloss', default=os.environ.get('GLOSS') or shutil.which('gloss'))
    ap.add_argument('--details', action='store_true', help='print every failure')
    a = ap.parse_args()
    styles = a.styles or sorted(f[:-5] for f in os.listdir(os.path.join(HERE, 'gold')) if f.endswith('.json'))
    if not a.gloss or not os.access(a.gloss, os.X_OK):
        sys.exit(f'no gloss binary at {a.gloss} (use --gloss PATH or set $GLOSS)')
    records = json.load(open(os.path.join(HERE, 'records.json'), encoding='utf-8'))
    cites, refs = run_gloss(a.gloss, styles)
    reports = {r['source']: r for r in refs}
    results = [score(s, records, cites, reports.get(s), a.details) for s in styles]
    print(f'{"style":36s} {"seg":>5s} {"found":>7s} {"extra":>5s} {"author":>6s} {"year":>6s} {"title":>6s} {"linkP":>6s} {"linkR":>6s}')
    total = collections.Counter()
    for r in results:
        f = r['fields']
        link_p = fmt(r['links_ok'], r['linked']) if not r['note'] else ' n/a '
        link_r = fmt(r['links_ok'], r['links_n']) if not r['note'] else ' n/a '
        print(f'{r["style"]:36s} {fmt(r["found"], r["n"]):>5s} {r["found"]:3d}/{r["n"]:<3d} {r["extra"]:5d} '
              f'{fmt(f["author_ok"], f["author_n"]):>6s} {fmt(f["year_ok"], f["year_n"]):>6s} {fmt(f["title_ok"], f["title_n"]):>6s} '
              f'{link_p:>6s} {link_r:>6s}')
        for k in ('found', 'n', 'extra', 'links_ok', 'links_n', 'linked'):
            total[k] += r[k]
        total.update({k: v for k, v in f.items()})
    print(f'{"ALL":36s} {fmt(total["found"], total["n"]):>5s} {total["found"]:3d}/{total["n"]:<3d} {total["extra"]:5d} '
          f'{fmt(total["author_ok"], total["author_n"]):>6s} {fmt(total["year_ok"], total["year_n"]):>6s} '
          f'{fmt(total["title_ok"], total["title_n"]):>6s} {fmt(total["links_ok"], total["linked"]):>6s} {fmt(total["links_ok"], total["links_n"]):>6s}')
    if a.details:
        for r in results:
            if r['details']:
                print(f'\n==== {r["style"]}')
                print('\n'.join(r['details']))


if __name__ == '__main__':
    main()
