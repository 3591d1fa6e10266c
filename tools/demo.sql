-- What make demo prints for every article in the articles table.
\pset footer off
\pset null '-'
SELECT id, file, published,
       (SELECT count(*) FROM diplomat.sentences(body)) AS sentences,
       (SELECT count(*) FROM diplomat.tokens(body)) AS tokens
  FROM articles ORDER BY id;

\echo
\echo '== Sentences (kind, 1-based character start and length) =='
SELECT a.id, s.sentence AS n, s.kind, s.start, s.len,
       left(s.text, 100) || CASE WHEN length(s.text) > 100 THEN '...' ELSE '' END AS sentence
  FROM articles a, diplomat.sentences(a.body) s
 ORDER BY a.id, s.sentence;

\echo
\echo '== Entities per article (canonical name, country, CAMEO actor at the publication date, mentions) =='
SELECT a.id, m.kind, m.name, m.country, m.actor, count(*) AS mentions
  FROM articles a, diplomat.mentions(a.body, a.published) m
 GROUP BY a.id, m.kind, m.name, m.country, m.actor
 ORDER BY a.id, m.kind, count(*) DESC, m.name;
