#!/usr/bin/env python3
"""Builds records.json, the CSL-JSON records every style renders.

    python3 make-records.py --translators PATH/TO/zotero/translators

Two kinds of real records:
- items from the test cases of Zotero's site translators (github.com/zotero/translators, AGPL; the
  metadata is what each publisher's or library's site states): picked by translator and title in
  picks.txt and converted from Zotero's item shape to CSL-JSON here;
- works cited in the repository's seed articles (sources/), Turkish and Azerbaijani books,
  chapters, articles and a web page, written out below as their footnotes give them.
The ids are short keys (the order of picks.txt, then the seed works).
"""
import argparse
import json
import os
import re
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))

TYPES = {'journalArticle': 'article-journal', 'book': 'book', 'bookSection': 'chapter', 'thesis': 'thesis',
         'webpage': 'webpage', 'report': 'report', 'conferencePaper': 'paper-conference',
         'newspaperArticle': 'article-newspaper', 'magazineArticle': 'article-magazine'}
CONTAINER = ('publicationTitle', 'bookTitle', 'proceedingsTitle', 'websiteTitle')
MONTHS = {m: i + 1 for i, m in enumerate(['january', 'february', 'march', 'april', 'may', 'june', 'july',
                                          'august', 'september', 'october', 'november', 'december'])}


def date_parts(text):
    """`2011-10-21`, `2021/6/4`, `August 1, 1997`, `2016-01-07T13:20:02+00:00`, `1986` → [y, m, d]."""
    m = re.match(r'(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?', text)
    if m:
        return [int(g) for g in m.groups() if g]
    m = re.match(r'([A-Za-z]+) (\d{1,2}), (\d{4})', text)
    if m and m.group(1).lower() in MONTHS:
        return [int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2))]
    m = re.search(r'\d{4}', text)
    return [int(m.group(0))]


def name(creator):
    if creator.get('fieldMode') or not creator.get('firstName'):
        return {'literal': creator['lastName'].strip()}
    return {'family': creator['lastName'].strip(), 'given': creator['firstName'].strip()}


def convert(item, key):
    record = {'id': key, 'type': TYPES[item['itemType']], 'title': item['title']}
    for role in ('author', 'editor', 'translator'):
        names = [name(c) for c in item['creators'] if c.get('creatorType') == role]
        if names:
            record[role] = names
    for field in CONTAINER:
        if item.get(field):
            record['container-title'] = item[field]
    for zotero, csl in (('volume', 'volume'), ('issue', 'issue'), ('pages', 'page'), ('numPages', 'number-of-pages'),
                        ('publisher', 'publisher'), ('place', 'publisher-place'), ('edition', 'edition'),
                        ('DOI', 'DOI'), ('thesisType', 'genre'), ('reportNumber', 'number')):
        if item.get(zotero):
            record[csl] = item[zotero]
    for field in ('university', 'institution'):
        if item.get(field):
            record['publisher'] = item[field]
    if item.get('url') and not item.get('DOI'):
        record['URL'] = item['url']
    if item.get('date'):
        record['issued'] = {'date-parts': [date_parts(item['date'])]}
    return record


# Works cited in the seed articles (sources/00*.txt), as their footnotes give them.
SEED_WORKS = [
    {'type': 'book', 'author': [{'family': 'Şimşir', 'given': 'Bilal N.'}],
     'title': "Azerbaycan: Azerbaycan’ın Yeniden Doğuş Sürecinde Türkiye-Azerbaycan İlişkileri",
     'publisher': 'Bilgi Yayınevi', 'publisher-place': 'Ankara', 'issued': {'date-parts': [[2011]]}},
    {'type': 'chapter', 'author': [{'family': 'Cafersoy', 'given': 'Nazım'}, {'family': 'Aslanlı', 'given': 'Araz'}],
     'title': 'Azerbaycan-Türkiye Askeri İlişkileri',
     'editor': [{'family': 'Veliyev', 'given': 'Cavid'}, {'family': 'Resullu', 'given': 'Reşad'},
                {'family': 'Aslanlı', 'given': 'Kenan'}],
     'container-title': 'Azerbaycan-Türkiye: Dostluk, Kardeşlik ve Strateji Ortaklık',
     'publisher': 'Berikan Yayınevi', 'publisher-place': 'Ankara', 'issued': {'date-parts': [[2012]]}},
    {'type': 'article-journal', 'author': [{'family': 'Aydın', 'given': 'Ulviyye'}],
     'title': 'Türkiye-Azerbaycan İlişkilerinin Son On Yılı (2006-2016): Kardeşlikten Stratejik İşbirliğine Uzanan Yol',
     'container-title': 'Avrasya Uluslararası Araştırmalar Dergisi', 'volume': '6', 'issue': '13',
     'issued': {'date-parts': [[2018]]}},
    {'type': 'article-journal', 'author': [{'family': 'Taşdemir', 'given': 'Hakan'}],
     'title': 'Azerbaycan’ın Denge Politikası, II. Dağlık Karabağ Savaşı ve Türkiye',
     'container-title': 'Akademik İzdüşüm Dergisi', 'volume': '9', 'issue': '1', 'page': '37-59',
     'issued': {'date-parts': [[2024]]}},
    {'type': 'article-journal', 'author': [{'family': 'Cornell', 'given': 'Svante E.'}],
     'title': 'Turkey and the Conflict in Nagorno Karabakh: A Delicate Balance',
     'container-title': 'Middle Eastern Studies', 'volume': '34', 'issue': '1', 'issued': {'date-parts': [[1998]]}},
    {'type': 'article-journal', 'author': [{'family': 'Postma', 'given': 'Joël'}],
     'title': 'Drones over Nagorno-Karabakh', 'container-title': 'Atlantisch Perspectief', 'volume': '45',
     'issue': '2', 'issued': {'date-parts': [[2021]]}},
    {'type': 'book', 'author': [{'family': 'Məmmədova', 'given': 'A.'}],
     'title': '20 Yanvar - Qan Yaddaşımız: Metodik Tövsiyələr', 'publisher': 'Azərbaycan Milli Kitabxanası',
     'publisher-place': 'Bakı', 'issued': {'date-parts': [[2020]]}},
    {'type': 'webpage', 'author': [{'family': 'Shahbazov', 'given': 'Atamali'}],
     'title': 'Azərbaycanda İlk Milli Hərbi Məktəbin Təşkili və İlk Buraxılışı', 'container-title': 'Ordu.az',
     'URL': 'https://ordu.az/az/news/208865/azerbaycanda-ilk-milli-herbi-mektebinteskili-ve-ilk-buraxilisi-%E2%80%93-polkovnikin-arasdirmasi',
     'accessed': {'date-parts': [[2023, 8, 13]]}},
]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--translators', required=True, help='a git checkout (or bare repository) of zotero/translators')
    ap.add_argument('--commit', default='2814370161d05d799086825fac8d499db3a33aa3')
    a = ap.parse_args()
    picks = [line.split('\t') for line in open(os.path.join(HERE, 'picks.txt'), encoding='utf-8').read().splitlines() if line]
    records = []
    for n, (translator, prefix) in enumerate(picks, 1):
        source = subprocess.run(['git', '-C', a.translators, 'show', f'{a.commit}:{translator}'],
                                capture_output=True, text=True, check=True).stdout
        block = re.search(r'/\*\* BEGIN TEST CASES \*\*/\s*var testCases = (.*?);?\s*/\*\* END TEST CASES \*\*/', source, re.S)
        items = [i for case in json.loads(block.group(1)) for i in case.get('items', []) if isinstance(i, dict)]
        item = next(i for i in items if i.get('title', '').startswith(prefix))
        records.append(convert(item, f'z{n:02d}'))
    for n, work in enumerate(SEED_WORKS, 1):
        records.append({'id': f's{n:02d}', **work})
    with open(os.path.join(HERE, 'records.json'), 'w', encoding='utf-8') as f:
        json.dump(records, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print(f'{len(records)} records')


if __name__ == '__main__':
    main()
