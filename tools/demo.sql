-- What make demo prints for every article in the articles table.
\pset footer off
\pset null '-'
SET datestyle = 'ISO, YMD';
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

\echo
\echo '== Top topics per article =='
SELECT a.id, t.topic, t.weight, t.label
  FROM articles a, LATERAL diplomat.top_topics(a.body, 5) t
 ORDER BY a.id, t.weight DESC;

\echo
\echo '== CAMEO events per article (who did what to whom, where, when) =='
SELECT a.id, e.sentence AS s, e.source, e.code, diplomat.cameo_name(e.code) AS event,
       e.target, e.source_name, e.target_name, e.location, e.event_date
  FROM articles a, diplomat.events(a.body, a.published) e
 ORDER BY a.id, e.sentence, e.start;
