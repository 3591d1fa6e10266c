-- False events on business news: Reuters-21578 articles whose only topic
-- is "earn" (company results) describe no political event, so every event
-- coded there is a false positive.  Prints events per 100 sentences and the
-- share of sentences with one.  Needs eval/load_news.sql first.
\set QUIET on
SET client_min_messages = warning;
DROP TABLE IF EXISTS biz_docs, biz_ev;
CREATE TABLE biz_docs AS
SELECT id, body, published FROM news_articles
 WHERE corpus = 'reuters' AND topics = '["earn"]'::jsonb;
CREATE TABLE biz_ev AS
SELECT d.id, e.sentence, e.code::text AS code FROM biz_docs d, diplomat.events(d.body, d.published) e;
WITH s AS (SELECT count(*) AS n FROM biz_docs d, diplomat.sentences(d.body) x WHERE x.kind <> 'boilerplate')
SELECT format('events-business: %s earnings articles, %s sentences: %s events per 100 sentences, %s %% of sentences coded (lower is better)',
              (SELECT count(*) FROM biz_docs), s.n,
              round(100.0 * (SELECT count(*) FROM biz_ev) / s.n, 1),
              round(100.0 * (SELECT count(DISTINCT (id, sentence)) FROM biz_ev) / s.n, 1))
  FROM s;
