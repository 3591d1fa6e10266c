-- make demo, one article (psql variable :id): its first line, entities by
-- kind, heaviest topics, then its CAMEO events; at most 120 columns wide.
\pset format unaligned
\pset tuples_only on
\echo
SELECT format('== %s  %s, %s', a.id, pg_temp.clip(a.file, 80),
              coalesce('published ' || a.published, 'no publication date'))
       || E'\n   "' || pg_temp.clip(split_part(btrim(a.body, E' \n\r\t'), E'\n', 1), 110) || '"'
  FROM articles a WHERE a.id = :id;
\echo

-- entities: one line per kind, "name (CAMEO actor or country) ×mentions"
SELECT rpad('   ' || kind, 10) || pg_temp.wrap(array_agg(item ORDER BY n DESC, name), 108, repeat(' ', 10), 4)
  FROM (SELECT m.kind, m.name, count(*) AS n,
               m.name || coalesce(' (' || coalesce(m.actor, m.country) || ')', '')
                      || CASE WHEN count(*) > 1 THEN ' ×' || count(*) ELSE '' END AS item
          FROM articles a, diplomat.mentions(a.body, a.published) m
         WHERE a.id = :id
         GROUP BY m.kind, m.name, m.actor, m.country) e
 GROUP BY kind
 ORDER BY array_position('{PER,ORG,GPE,LOC,NORP,DATE}'::text[], kind), kind;

-- topics: the five heaviest of the stored topics column
SELECT rpad('   topics', 10) || pg_temp.wrap(array_agg(t.topic || ' ' || to_char(t.weight, 'FM0.00') ORDER BY t.weight DESC), 108, repeat(' ', 10), 2)
  FROM articles a, LATERAL (SELECT * FROM diplomat.topic_weights(a.tops) ORDER BY weight DESC LIMIT 5) t
 WHERE a.id = :id
HAVING count(*) > 0;
\echo

-- events: who did what to whom, where and when (CAMEO), 40 at most, the
-- columns clipped only as much as 120 columns need
\pset format aligned
\pset tuples_only off
WITH ev AS (
    SELECT e.sentence, pg_temp.day(e.event_date, e.date_precision) AS date,
           e.source_name, e.source::text AS source, e.target_name, e.target::text AS target,
           e.code || ' ' || regexp_replace(diplomat.cameo_name(e.code), ', not specified below$', '') AS did,
           e.location, e.start
      FROM articles a, diplomat.events(a.body, a.published) e
     WHERE a.id = :id
     ORDER BY e.sentence, e.start
     LIMIT 40),
w AS (
    SELECT pg_temp.fit(ARRAY[greatest(3, max(length(pg_temp.who(source_name, source, 1000)))),
                             greatest(3, max(length(did))),
                             greatest(7, max(length(pg_temp.who(target_name, target, 1000)))),
                             greatest(5, max(length(location)))],
                       120 - 2 - 4 * 3 - greatest(4, max(length(date))),
                       ARRAY[20, 32, 20, 10]) AS w
      FROM ev)
SELECT date, pg_temp.who(source_name, source, w[1]) AS who, pg_temp.clip(did, w[2]) AS did,
       pg_temp.who(target_name, target, w[3]) AS "to whom", pg_temp.clip(location, w[4]) AS "where"
  FROM ev, w
 ORDER BY sentence, start;
\pset format unaligned
\pset tuples_only on
SELECT format('   ... and %s more: SELECT * FROM articles, events(body, published) WHERE id = %s;', count(*) - 40, :id)
  FROM articles a, diplomat.events(a.body, a.published) e
 WHERE a.id = :id
HAVING count(*) > 40;
