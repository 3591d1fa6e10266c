-- Topics of the team's own paragraphs (test/data/topics.tsv, each with the
-- one to three topics it is mainly about, most important first): a
-- regression check, not a measure of quality on news.  Run by eval/run.sh
-- with -v datafile=...; prints one line per measure.
\set QUIET on
SET client_min_messages = warning;
DROP TABLE IF EXISTS tp_gold;
CREATE TABLE tp_gold (id text, topics text, body text);
\set copycmd '\\copy tp_gold FROM PROGRAM ''grep -v "^#" ' :datafile ' | tail -n +2'' WITH (FORMAT text, NULL '''')'
:copycmd
DROP TABLE IF EXISTS tp_pred;
CREATE TABLE tp_pred AS
SELECT g.id, string_to_array(g.topics, '|') AS gold,
       ARRAY(SELECT t.topic FROM diplomat.top_topics(g.body, 3) t) AS top3,
       ARRAY(SELECT t.topic FROM diplomat.top_topics(g.body, 12) t) AS top12
  FROM tp_gold g;
WITH m AS (
  SELECT count(*) AS n,
         count(*) FILTER (WHERE gold[1] = ANY (top3)) AS first_in_top3,
         sum(cardinality(gold)) AS n_labels,
         sum((SELECT count(*) FROM unnest(gold) x WHERE x = ANY (top3))) AS labels_in_top3,
         sum((SELECT count(*) FROM unnest(gold) x WHERE x = ANY (top12))) AS labels_in_top12,
         count(*) FILTER (WHERE cardinality(top3) = 0) AS no_topic
    FROM tp_pred)
SELECT format('topics: %s paragraphs, %s labels', n, n_labels) FROM m
UNION ALL SELECT format('topics: main label among the top three  %s %%', round(100.0 * first_in_top3 / nullif(n, 0), 1)) FROM m
UNION ALL SELECT format('topics: labels among the top three      %s %%', round(100.0 * labels_in_top3 / nullif(n_labels, 0), 1)) FROM m
UNION ALL SELECT format('topics: labels among the top twelve     %s %%', round(100.0 * labels_in_top12 / nullif(n_labels, 0), 1)) FROM m
UNION ALL SELECT format('topics: paragraphs without a topic      %s', no_topic) FROM m;
