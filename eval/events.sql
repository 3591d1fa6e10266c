-- Event coding on the team's test sentences (test/data/events.tsv), with
-- the measures of the Events issue.  Run by eval/run.sh with
-- -v datafile=...; prints one line per measure.
\set QUIET on
SET client_min_messages = warning;
DROP TABLE IF EXISTS ev_gold;
CREATE TABLE ev_gold (id text, published date, sentence text, code text, source text, target text, note text);
\set copycmd '\\copy ev_gold FROM PROGRAM ''grep -v "^#" ' :datafile ' | tail -n +2'' WITH (FORMAT text, NULL '''')'
:copycmd
DROP TABLE IF EXISTS ev_pred;
CREATE TABLE ev_pred AS
SELECT g.id, e.code::text AS code, e.source::text AS source, e.target::text AS target, e.event_date
  FROM ev_gold g, diplomat.events(g.sentence, g.published) e;

WITH gold AS (SELECT * FROM ev_gold WHERE code IS NOT NULL AND code <> ''),
none AS (SELECT * FROM ev_gold WHERE code IS NULL OR code = ''),
m AS (
  SELECT
    (SELECT count(*) FROM gold) AS n_gold,
    (SELECT count(*) FROM gold g WHERE EXISTS (SELECT 1 FROM ev_pred p WHERE p.id = g.id AND left(p.code, 2) = left(g.code, 2))) AS root_hit,
    (SELECT count(*) FROM gold g WHERE EXISTS (SELECT 1 FROM ev_pred p WHERE p.id = g.id AND left(p.code, 3) = left(g.code, 3))) AS code3_hit,
    (SELECT count(*) FROM ev_pred p JOIN gold g USING (id)) AS n_pred,
    (SELECT count(*) FROM ev_pred p JOIN gold g USING (id) WHERE left(p.code, 2) = left(g.code, 2)) AS pred_root_ok,
    (SELECT count(*) FROM gold g WHERE EXISTS (SELECT 1 FROM ev_pred p WHERE p.id = g.id AND left(p.code, 2) = left(g.code, 2)
        AND left(coalesce(p.source, ''), 3) = left(coalesce(g.source, ''), 3)
        AND left(coalesce(p.target, ''), 3) = left(coalesce(g.target, ''), 3))) AS dyad_hit,
    (SELECT count(*) FROM none) AS n_none,
    (SELECT count(*) FROM none n WHERE EXISTS (SELECT 1 FROM ev_pred p WHERE p.id = n.id)) AS none_fired)
SELECT format('events: %s sentences with a gold event, %s without', n_gold, n_none) FROM m
UNION ALL SELECT format('events: gold root produced            %s %% (target >= 60)', round(100.0 * root_hit / nullif(n_gold, 0), 1)) FROM m
UNION ALL SELECT format('events: exact 3-digit code produced   %s %% (target >= 40)', round(100.0 * code3_hit / nullif(n_gold, 0), 1)) FROM m
UNION ALL SELECT format('events: produced events, root right   %s %% (target >= 60)', round(100.0 * pred_root_ok / nullif(n_pred, 0), 1)) FROM m
UNION ALL SELECT format('events: root + source/target country  %s %% (target >= 40)', round(100.0 * dyad_hit / nullif(n_gold, 0), 1)) FROM m
UNION ALL SELECT format('events: no-event sentences with one   %s %% (target <= 30)', round(100.0 * none_fired / nullif(n_none, 0), 1)) FROM m
UNION ALL SELECT format('events: date of the gold event right     %s %% of %s sentences whose note dates it',
              round(100.0 * count(*) FILTER (WHERE ok) / nullif(count(*), 0), 1), count(*))
  FROM (SELECT EXISTS (SELECT 1 FROM ev_pred p WHERE p.id = g.id AND left(p.code, 2) = left(g.code, 2)
                          AND p.event_date = substring(g.note FROM 'event ([0-9]{4}-[0-9]{2}-[0-9]{2})')::date) AS ok
          FROM ev_gold g
         WHERE g.code <> '' AND g.note ~ 'event [0-9]{4}-[0-9]{2}-[0-9]{2}'
           AND EXISTS (SELECT 1 FROM ev_pred p WHERE p.id = g.id AND left(p.code, 2) = left(g.code, 2))) d;
