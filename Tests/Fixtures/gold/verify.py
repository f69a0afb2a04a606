#!/usr/bin/env python3
"""Independent verification of the gold files against the seed texts.
Offsets are Unicode code points (Python str indices) into the files exactly as stored."""
import json, re, os, sys, collections
SEED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'sources')
HERE = os.path.dirname(os.path.abspath(__file__))
T = {f: open(os.path.join(SEED, f), encoding='utf-8').read() for f in os.listdir(SEED) if f.endswith('.txt')}
load = lambda n: [json.loads(l) for l in open(os.path.join(HERE, n), encoding='utf-8')]
C, FN, NM = load('citations.jsonl'), load('footnotes.jsonl'), load('near_misses.jsonl')
err = 0
def bad(*a):
    global err; err += 1; print('ERROR', *a)
# citations
prev = {}
for c in C:
    t = T[c['source']]
    if t[c['start']:c['end']] != c['text']: bad('text mismatch', c)
    if c['kind'] not in ('parenthetical', 'narrative', 'numeric', 'footnote-marker'): bad('kind', c)
    if c['kind'] in ('parenthetical',) and not (c['text'].startswith('(') and c['text'].endswith(')')): bad('paren shape', c)
    if c['kind'] == 'numeric' and not (c['text'].startswith('[') and c['text'].endswith(']')): bad('bracket shape', c)
    if c['kind'] == 'narrative' and not c['text'].endswith(')'): bad('narrative shape', c)
    if c['kind'] == 'footnote-marker' and not c['text'].isdigit(): bad('marker shape', c)
    if c['source'] in prev and prev[c['source']] > c['start']: bad('order/overlap', c)
    prev[c['source']] = c['end']
    for it in c['items']:
        if set(it) < {'author', 'year', 'locator', 'ref'}: bad('item keys', c)
markers = [c for c in C if c['kind'] == 'footnote-marker']
if [int(m['text']) for m in markers] != list(range(1, 60)): bad('marker sequence')
# footnotes
f2 = '002_ccf2ee7b6882ff5b.txt'; t2 = T[f2]; regs = []
for fn in FN:
    parts = fn.get('parts', [[fn['start'], fn['end']]])
    if parts[0][0] != fn['start'] or parts[-1][1] != fn['end']: bad('bounds', fn['number'])
    joined = re.sub(r'\s+', ' ', ' '.join(t2[s:e] for s, e in parts)).strip()
    if joined != fn['text']: bad('fn text', fn['number'])
    if not re.match(r'%d\s' % fn['number'], t2[parts[0][0]:]): bad('fn number', fn['number'])
    if parts[0][0] > 0 and t2[parts[0][0]-1] != '\n': bad('fn not at line start', fn['number'])
    for s, e in parts:
        if t2[s:e] != t2[s:e].strip(): bad('fn part whitespace', fn['number'])
        regs.append((s, e, fn['number']))
if [fn['number'] for fn in FN] != list(range(1, 60)): bad('footnote sequence')
regs.sort()
for a, b in zip(regs, regs[1:]):
    if a[1] > b[0]: bad('footnote overlap', a, b)
for m in markers:
    if any(s < m['end'] and m['start'] < e for s, e, _ in regs): bad('marker inside footnote text', m)
# near misses
for n in NM:
    if T[n['source']][n['start']:n['end']] != n['text']: bad('nm text', n)
    if any(c['source'] == n['source'] and c['start'] < n['end'] and n['start'] < c['end'] for c in C): bad('nm overlaps citation', n)
cnt = collections.Counter((c['source'], c['kind']) for c in C)
for k in sorted(cnt): print(*k, cnt[k])
print('citations', len(C), 'items', sum(len(c['items']) for c in C), '| footnotes', len(FN), '| near-misses', len(NM))
print('OK' if err == 0 else f'{err} ERRORS'); sys.exit(1 if err else 0)
