-- Text layer: sentences(), tokens(), normalize()
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS diplomat;

-- sentences with abbreviations, quotes and numbers
SELECT sentence, kind, start, len, text
  FROM diplomat.sentences('Mr. Smith met Gen. Jones on Jan. 12 in Washington. They talked. '
                          'It was 3 p.m. in the U.S. The next day he said: "We will go." Was it over? Yes!');

-- headline, dateline, paragraphs and boilerplate
SELECT sentence, paragraph, kind, text
  FROM diplomat.sentences(E'Envoys Meet in Geneva\n\nGENEVA - Diplomats from both countries met on Monday. '
                          'They agreed to meet again.\n\nscroll to top');
SELECT kind, text FROM diplomat.sentences('BEIJING, Jan 12 (Reuters) - China protested on Friday.');
SELECT kind, text FROM diplomat.sentences(E'TALKS IN TOKYO\nTOKYO 2024-01-12\nJapan and South Korea held talks.');

-- headlines in sentence case; datelines with regions, dates and agencies
SELECT sentence, kind, text
  FROM diplomat.sentences(E'Blinken holds talks with senior Chinese party official on eve of Taiwan vote\n\n'
                          'WASHINGTON, Jan 12 - Antony Blinken met Liu Jianchao on Friday.');
SELECT kind, text
  FROM diplomat.sentences(E'Putin hosts Xi at summit\nKAZAN, Russia, Oct 23 (Reuters) - Vladimir Putin met Xi Jinping.');
SELECT kind, text FROM diplomat.sentences('WOODSIDE, California, Nov 15 - Joe Biden met Xi Jinping on Wednesday.');
SELECT kind, text FROM diplomat.sentences('New York, March 25 - Trans World Airlines sold its stake.');
SELECT kind, text FROM diplomat.sentences('ROCHESTER, N.Y., April 8 - Photographic Sciences formed a unit.');
SELECT kind, text FROM diplomat.sentences('WASHINGTON, March 12, Reuter - The dollar fell.');
-- no headlines: a dateline opening a sentence; a line cut short by a hard
-- wrap; a lead sentence; a title-case name without a date is no dateline
SELECT kind, text
  FROM diplomat.sentences(E'BEIJING - U.S. Secretary of State Antony Blinken met Wang Yi on Sunday.\n\nThey talked.');
SELECT kind, text
  FROM diplomat.sentences(E'Showers continued throughout the week in\nthe Bahia cocoa zone, easing the drought.');
SELECT kind, text
  FROM diplomat.sentences(E'US actor Ossie Davis has been found dead at the age of 87.\n\nHe was a star.');
SELECT kind, text FROM diplomat.sentences(E'Talks resume\n\nAlberta - the province said on Monday it would talk.');
-- a title in capitals with a month and a year is a headline, not a dateline
SELECT kind, text
  FROM diplomat.sentences(E'FRENCH INFLATION SLOWS IN FEBRUARY 1987\nPARIS, March 16 - French inflation slowed.');
-- the dateline's place is where the events after it happened; a headline has none
SELECT sentence, code, source, target, location
  FROM diplomat.events(E'Putin hosts Xi at summit in Russia\n\n'
                       'KAZAN, Russia, Oct 23 (Reuters) - Vladimir Putin met Xi Jinping on Wednesday.', '2024-10-23');

-- substr(doc, start, len) is exactly the sentence, also with multibyte text
WITH d(doc) AS (VALUES (E'Erdoğan met Zelenskyy in İstanbul. Côte d’Ivoire’s president “welcomed” it.\n\nПутин промолчал.'))
SELECT s.sentence, substr(d.doc, s.start, s.len) = s.text AS exact, s.text
  FROM d, diplomat.sentences(d.doc) s;

-- tokens: acronyms, hyphenated names, clitics, numbers, symbols
SELECT token, sentence, start, len, kind, token_text, norm
  FROM diplomat.tokens('Iran-backed Houthi rebels'' attacks hit the U.S.-Japan alliance''s ships; AT&T fell 3.5% to $1,000.50 on 2024-01-12.');

WITH d(doc) AS (VALUES ('Erdoğan’s visit to Côte d’Ivoire, 習近平 in 北京.'))
SELECT t.token, t.kind, t.token_text, t.norm, substr(d.doc, t.start, t.len) = t.token_text AS exact
  FROM d, diplomat.tokens(d.doc) t;

-- every token of a longer text maps back exactly
WITH d(doc) AS (VALUES (repeat(E'Dr. Müller (the “U.N.” envoy) arrived — late — in São Paulo. ', 50)))
SELECT count(*) AS tokens, bool_and(substr(d.doc, t.start, t.len) = t.token_text) AS all_exact
  FROM d, diplomat.tokens(d.doc) t;

-- normalize: NFKC, case folding, no combining marks
SELECT diplomat.normalize('Erdoğan ＡＢＣ Straße ÉLYSÉE ﬁnance');

-- NULL in, NULL out; empty and blank text give no rows
SELECT count(*) FROM diplomat.sentences(NULL);
SELECT count(*) FROM diplomat.tokens(NULL);
SELECT diplomat.normalize(NULL) IS NULL AS is_null;
SELECT count(*) FROM diplomat.sentences('');
SELECT count(*) FROM diplomat.sentences(E' \n\t \n ');
SELECT count(*) FROM diplomat.tokens(E'  \n ');

-- a long document is processed and can be interrupted by statement_timeout
CREATE TEMP TABLE big AS SELECT repeat('Officials met in Brussels on Monday and talked. ', 400000) AS doc;
SELECT count(*) FROM big, diplomat.sentences(big.doc);
SET statement_timeout = '300ms';
SELECT count(*) FROM big, diplomat.tokens(big.doc) a, diplomat.tokens(big.doc || 'x') b;
RESET statement_timeout;
DROP TABLE big;
