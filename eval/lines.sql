-- Headlines and datelines as news writes them: recall and precision of
-- sentences() kinds 'headline' and 'dateline' on the BBC and Reuters-21578
-- corpora of the shared folder, whose records keep the title (BBC,
-- Reuters) and the dateline (Reuters) apart from the body: the truth.
--
-- Documents are built as a newsroom writes them:
--   bbc           title, blank line, body
--   bbc-nl        title, line break, body
--   reuters       title, line break, dateline and body on one line
--                 (as in the SGML source: <DATELINE> then <BODY>)
--   reuters-para  title, blank line, dateline and body
-- and without a title, to count false headlines:
--   bbc-body      body only (no headline, no dateline)
--   reuters-body  dateline and body, no title
-- Recall: documents whose first sentence is the headline (its text the
-- title, white space folded) or whose dateline sentence is the dateline;
-- precision: share of the sentences so classed that are the title or the
-- dateline.  Per corpus, the documents without a title or dateline count
-- against precision only.
-- Run with -v shared=...; the text stays in the throwaway database.
\set QUIET on
SET client_min_messages = warning;
DROP TABLE IF EXISTS lines_raw, lines_docs, lines_sents;
CREATE TABLE lines_raw (doc jsonb);
\set cmd '\\copy lines_raw FROM PROGRAM ''gzip -dc ' :shared '/data/news/reuters21578.jsonl.gz ' :shared '/data/news/bbc.jsonl.gz'' WITH (FORMAT csv, QUOTE E''\\x01'', DELIMITER E''\\x02'')'
:cmd
CREATE TABLE lines_docs AS
WITH r AS (
    SELECT doc ->> 'id' AS id, split_part(doc ->> 'id', '-', 1) AS corpus,
           btrim(doc ->> 'title') AS title, doc ->> 'body' AS body,
           nullif(btrim(doc ->> 'dateline'), '') AS dateline
      FROM lines_raw
     WHERE coalesce(doc ->> 'body', '') <> '' AND coalesce(btrim(doc ->> 'title'), '') <> '')
SELECT id, 'bbc' AS variant, title, NULL::text AS dateline, title || E'\n\n' || body AS doc
  FROM r WHERE corpus = 'bbc'
UNION ALL
SELECT id, 'bbc-nl', title, NULL, title || E'\n' || body FROM r WHERE corpus = 'bbc'
UNION ALL
SELECT id, 'bbc-body', NULL, NULL, body FROM r WHERE corpus = 'bbc'
UNION ALL
SELECT id, 'reuters', title, dateline, title || E'\n' || coalesce(dateline || ' ', '') || body
  FROM r WHERE corpus = 'reuters'
UNION ALL
SELECT id, 'reuters-para', title, dateline, title || E'\n\n' || coalesce(dateline || ' ', '') || body
  FROM r WHERE corpus = 'reuters'
UNION ALL
SELECT id, 'reuters-body', NULL, dateline, coalesce(dateline || ' ', '') || body
  FROM r WHERE corpus = 'reuters';
DROP TABLE lines_raw;
CREATE TABLE lines_sents AS
SELECT d.id, d.variant, s.sentence, s.kind, s.text
  FROM lines_docs d, diplomat.sentences(d.doc) s
 WHERE s.kind IN ('headline', 'dateline') OR s.sentence <= 2;

\pset format unaligned
\pset tuples_only on
-- one row per variant, then per corpus over its variants (the documents
-- without a title count against precision only)
CREATE TEMP TABLE lines_found AS
SELECT d.variant, split_part(d.variant, '-', 1) AS corpus, w.what, d.id,
       CASE w.what WHEN 'headline' THEN d.title ELSE d.dateline END AS truth,
       count(x.kind) AS n,
       count(x.kind) FILTER (WHERE regexp_replace(x.text, '\s+', ' ', 'g') =
                             regexp_replace(CASE w.what WHEN 'headline' THEN d.title ELSE d.dateline END, '\s+', ' ', 'g')
                             AND (w.what = 'dateline' OR x.sentence = 1)) AS ok
  FROM lines_docs d
 CROSS JOIN (VALUES ('headline'), ('dateline')) w(what)
  LEFT JOIN lines_sents x ON x.id = d.id AND x.variant = d.variant AND x.kind = w.what
 GROUP BY d.variant, w.what, d.id, d.title, d.dateline;
SELECT format('lines: %s %-18s %5s of %5s found (recall %5s %%), %5s so classed (precision %5s %%)',
              what, coalesce(variant, corpus || ' (all)'),
              count(*) FILTER (WHERE ok > 0), count(truth),
              coalesce(round(100.0 * count(*) FILTER (WHERE ok > 0) / nullif(count(truth), 0), 1)::text, '-'),
              sum(n), coalesce(round(100.0 * sum(ok) / nullif(sum(n), 0), 1)::text, '-'))
  FROM lines_found
 GROUP BY GROUPING SETS ((what, corpus), (what, corpus, variant))
HAVING count(truth) > 0 OR sum(n) > 0
 ORDER BY what DESC, corpus, variant NULLS LAST;
DROP TABLE lines_found, lines_docs, lines_sents;
