#!/usr/bin/env python3
"""Lists gazetteer aliases that are likely to match the wrong thing.

    python3 tools/audit-aliases.py [data] > aliases.tsv

Reads data/gazetteer/*.entities.tsv and the word lists in data/lexicon, and
prints one TSV row per alias that has at least one risk flag:

  caps      ALL-CAPS alias word: matches any all-caps headline word
  short     three letters or fewer
  word      a common English word (data/lexicon/words.tsv)
  dictword  an all-caps alias that is a lower-case English word in the
            system word list (/usr/share/dict/words, Debian's wamerican;
            skipped when absent): "PLAN", "CAR", "SEAT" in all-caps headlines
  legal     a company legal form or organisation suffix (ner_cues ORG_SUFFIX)
  notname   an abbreviation listed as not a name (ner_cues NOT_NAME)
  given     a single given name (data/lexicon/given_names.tsv)
  surname   a single surname (data/lexicon/surnames.tsv)
  shared    the same alias (case and accents folded) belongs to another entity
  unit      a unit, month or market abbreviation common in business news

Only single-word aliases are flagged for word/given/surname; multi-word
aliases are specific enough.  The canonical name counts as an alias.
Nothing here reads corpora: firing counts on news are measured separately.
"""
import csv
import glob
import re
import os
import sys
import unicodedata

top = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', 'data')

# abbreviations frequent in business and market news (all caps in headlines)
UNITS = set('''pct pc cts ct dlr dlrs dlrs. mln bln billion mln. bpd bbl bbls tonnes tonne
lbs lb oz kg km mph ft yr yrs qtr qtly 1st 2nd 3rd 4th shr shrs net rev revs avg vs
jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
inc corp co ltd plc llc lp llp ag sa nv bv se ab asa oyj spa srl kk bhd tbk pjsc jsc pty pte
cos bros intl int'l natl nat'l assn assoc dept govt mgmt svcs sys tech fin fed
ny nj la sf dc uk us eu un'''.split())


def fold(s):
    """Case- and accent-insensitive key."""
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c))
    return s.casefold().strip()


def rows(path):
    with open(path, encoding='utf-8') as f:
        lines = [l for l in f if not l.startswith('#') and l.strip()]
    return csv.DictReader(lines, delimiter='\t', quoting=csv.QUOTE_NONE)


def wordlist(path, col):
    out = set()
    if os.path.exists(path):
        for r in rows(path):
            out.add(fold(r[col]))
    return out


words = wordlist(os.path.join(top, 'lexicon', 'words.tsv'), 'word')
given = wordlist(os.path.join(top, 'lexicon', 'given_names.tsv'), 'name')
surnames = wordlist(os.path.join(top, 'lexicon', 'surnames.tsv'), 'name')
dictwords = set()
if os.path.exists('/usr/share/dict/words'):
    with open('/usr/share/dict/words', encoding='utf-8', errors='replace') as f:
        # lower-case entries only: "Inc" and "Nato" are listed capitalised
        dictwords = {l.strip() for l in f if l.strip().islower() and "'" not in l}
suffix, notname = set(), set()
for r in rows(os.path.join(top, 'lexicon', 'ner_cues.tsv')):
    if r['cue'] == 'ORG_SUFFIX':
        suffix.add(fold(r['word']).rstrip('.'))
    elif r['cue'] == 'NOT_NAME':
        notname.add(fold(r['word']).rstrip('.'))

aliases = []            # (alias, kind, name, file)
owners = {}             # folded alias -> set of (kind, name)
for path in sorted(glob.glob(os.path.join(top, 'gazetteer', '*.entities.tsv'))):
    for r in rows(path):
        # an alias's rules in brackets ("CAR [nocaseless]") are not part of it
        forms = [r['name']] + [re.sub(r'\s*\[[^]]*\]$', '', a)
                               for a in (r['aliases'] or '').split('|') if a]
        for a in dict.fromkeys(forms):
            aliases.append((a, r['kind'], r['name'], os.path.basename(path)))
            key = fold(a)
            if key.startswith('the '):
                key = key[4:]
            owners.setdefault(key, set()).add((r['kind'], r['name']))

print('alias\tkind\tname\tfile\tflags')
for a, kind, name, path in aliases:
    toks = a.split()
    single = len(toks) == 1
    letters = [c for c in a if c.isalpha()]
    key = fold(a)
    bare = key.rstrip('.').replace('.', '')
    flags = []
    if any(len(t) >= 2 and t.isupper() and sum(c.isalpha() for c in t) >= 2 for t in toks):
        flags.append('caps')
    if single and len(letters) <= 3:
        flags.append('short')
    if single and (key in words or bare in words):
        flags.append('word')
    elif single and a.isupper() and (key in dictwords or bare in dictwords):
        flags.append('dictword')
    if single and (bare in suffix or key in suffix):
        flags.append('legal')
    if single and (bare in notname or key in notname):
        flags.append('notname')
    if single and key in given:
        flags.append('given')
    if single and key in surnames:
        flags.append('surname')
    if single and (bare in UNITS or key in UNITS):
        flags.append('unit')
    k2 = key[4:] if key.startswith('the ') else key
    if len(owners.get(k2, ())) > 1:
        flags.append('shared')
    if flags:
        print('\t'.join([a, kind, name, path, ','.join(flags)]))
