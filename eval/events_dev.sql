-- Event coding on real news sentences with gold classes and actor spans
-- (../shared/data/events/conflibert_dev.tsv, development only: the text is
-- read from the shared folder at run time and never stored here).  Run by
-- eval/run.sh with -v datafile=...; prints one line per measure and keeps
-- the per-sentence results in the table dev_result for inspection.
--
-- Classes (the file's README): 0 statement or appeal (CAMEO roots 01-02),
-- 1 verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal
-- conflict (09-13, 16), 4 material conflict (14, 15, 17-20).  A sentence
-- is hit when one of its events has a root in the gold class.  An actor
-- agrees when the coded name shares a word of three or more letters with
-- the gold span (case-insensitive), as the sealed measure counts it.
\set QUIET on
SET client_min_messages = warning;
DROP TABLE IF EXISTS dev_gold, dev_pred, dev_result;
CREATE TABLE dev_gold (id text, sentence text, class int, label text,
                       source_spans text, target_spans text, reciprocal text, flags text);
\set copycmd '\\copy dev_gold FROM PROGRAM ''tail -n +2 ' :datafile ''' WITH (FORMAT csv, DELIMITER E''\\t'', QUOTE E''\\x01'')'
:copycmd

CREATE FUNCTION pg_temp.root_class(root int) RETURNS int LANGUAGE sql IMMUTABLE AS $$
SELECT CASE WHEN root BETWEEN 1 AND 2 THEN 0
            WHEN root BETWEEN 3 AND 5 THEN 1
            WHEN root BETWEEN 6 AND 8 THEN 2
            WHEN root BETWEEN 9 AND 13 OR root = 16 THEN 3
            ELSE 4 END $$;

-- words of three or more letters, lower case
CREATE FUNCTION pg_temp.words(s text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
SELECT coalesce(array_agg(DISTINCT w), '{}')
  FROM regexp_split_to_table(lower(coalesce(s, '')), '[^[:alnum:]]+') w
 WHERE length(w) >= 3 AND w NOT IN ('the', 'and', 'for', 'with', 'from', 'its', 'his', 'her', 'their') $$;

CREATE TABLE dev_pred AS
SELECT g.id, e.code::text AS code, pg_temp.root_class(left(e.code::text, 2)::int) AS class,
       e.source::text AS source, e.target::text AS target, e.source_name, e.target_name, e.pattern
  FROM dev_gold g, diplomat.events(g.sentence, NULL) e;

CREATE TABLE dev_result AS
SELECT g.id, g.class,
       (SELECT count(*) FROM dev_pred p WHERE p.id = g.id) AS n_events,
       EXISTS (SELECT 1 FROM dev_pred p WHERE p.id = g.id AND p.class = g.class) AS hit,
       (SELECT p.class FROM dev_pred p WHERE p.id = g.id ORDER BY p.code <> '010', p.class = 0 LIMIT 1) AS first_class,
       g.source_spans <> '' AS has_src,
       g.target_spans <> '' AS has_tgt,
       EXISTS (SELECT 1 FROM dev_pred p WHERE p.id = g.id
                  AND pg_temp.words(p.source_name) && pg_temp.words(g.source_spans)) AS src_ok,
       EXISTS (SELECT 1 FROM dev_pred p WHERE p.id = g.id
                  AND pg_temp.words(p.target_name) && pg_temp.words(g.target_spans)) AS tgt_ok,
       EXISTS (SELECT 1 FROM dev_pred p WHERE p.id = g.id AND p.class = g.class
                  AND pg_temp.words(p.source_name) && pg_temp.words(g.source_spans)) AS hit_src_ok,
       EXISTS (SELECT 1 FROM dev_pred p WHERE p.id = g.id AND p.class = g.class
                  AND pg_temp.words(p.target_name) && pg_temp.words(g.target_spans)) AS hit_tgt_ok
  FROM dev_gold g;

WITH r AS (SELECT * FROM dev_result)
SELECT format('events-dev: %s real sentences (%s with source spans, %s with target spans)',
              count(*), count(*) FILTER (WHERE has_src), count(*) FILTER (WHERE has_tgt)) FROM r
UNION ALL SELECT format('events-dev: class hit (an event in the gold class)   %s %% (target >= 72)',
              round(100.0 * count(*) FILTER (WHERE hit) / count(*), 1)) FROM r
UNION ALL SELECT format('events-dev: class of the main event right           %s %%',
              round(100.0 * count(*) FILTER (WHERE first_class = class) / count(*), 1)) FROM r
UNION ALL SELECT format('events-dev: sentences with no event at all          %s %%',
              round(100.0 * count(*) FILTER (WHERE n_events = 0) / count(*), 1)) FROM r
UNION ALL SELECT format('events-dev: coded source shares a word with gold    %s %% of annotated (target >= 65)',
              round(100.0 * count(*) FILTER (WHERE src_ok) / nullif(count(*) FILTER (WHERE has_src), 0), 1)) FROM r WHERE has_src
UNION ALL SELECT format('events-dev: coded target shares a word with gold    %s %% of annotated',
              round(100.0 * count(*) FILTER (WHERE tgt_ok) / nullif(count(*) FILTER (WHERE has_tgt), 0), 1)) FROM r WHERE has_tgt
UNION ALL SELECT format('events-dev: hit with source right / target right    %s %% / %s %% of annotated',
              round(100.0 * count(*) FILTER (WHERE hit_src_ok) / nullif(count(*) FILTER (WHERE has_src), 0), 1),
              round(100.0 * count(*) FILTER (WHERE hit_tgt_ok) / nullif(count(*) FILTER (WHERE has_tgt), 0), 1)) FROM r WHERE has_src OR has_tgt
UNION ALL SELECT format('events-dev: class hit per class 0..4                %s',
              string_agg(format('%s:%s%%', class, pct), ' ' ORDER BY class))
  FROM (SELECT class, round(100.0 * count(*) FILTER (WHERE hit) / count(*)) AS pct FROM r GROUP BY class) c;
