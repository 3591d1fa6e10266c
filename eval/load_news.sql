-- Loads the Reuters-21578 and BBC corpora from the shared folder into the
-- table news_articles (id, corpus, title, body, published, topics, label).
-- Run with -v shared=...; the text stays in the throwaway database.
\set QUIET on
SET client_min_messages = warning;
DROP TABLE IF EXISTS news_raw, news_articles;
CREATE TABLE news_raw (doc jsonb);
\set cmd '\\copy news_raw FROM PROGRAM ''gzip -dc ' :shared '/data/news/reuters21578.jsonl.gz ' :shared '/data/news/bbc.jsonl.gz'' WITH (FORMAT csv, QUOTE E''\\x01'', DELIMITER E''\\x02'')'
:cmd
CREATE TABLE news_articles AS
SELECT doc ->> 'id' AS id,
       split_part(doc ->> 'id', '-', 1) AS corpus,
       doc ->> 'title' AS title,
       CASE WHEN coalesce(doc ->> 'title', '') = '' THEN doc ->> 'body'
            ELSE (doc ->> 'title') || E'\n\n' || (doc ->> 'body') END AS body,
       (doc ->> 'date')::date AS published,
       doc -> 'topics' AS topics,
       doc ->> 'label' AS label
  FROM news_raw
 WHERE coalesce(doc ->> 'body', '') <> '';
DROP TABLE news_raw;
ALTER TABLE news_articles ADD PRIMARY KEY (id);
