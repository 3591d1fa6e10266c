-- bench/load.sql: builds news(id, corpus, title, body, published) from the
-- JSON lines in bench.raw.
--
-- Variables: copies (the corpora are loaded that many times; copy k > 1 has
-- '#k' appended to its ids) and sample (keep one article in sample, chosen
-- by a hash of its id; 1 keeps all, BENCH_QUICK uses 10).
SET client_min_messages = warning;

CREATE TABLE news (
    id        text NOT NULL,
    corpus    text NOT NULL,
    title     text,
    body      text NOT NULL,
    published date
);

INSERT INTO news (id, corpus, title, body, published)
SELECT CASE WHEN g = 1 THEN j->>'id' ELSE (j->>'id') || '#' || g END,
       r.corpus,
       j->>'title',
       coalesce(j->>'body', ''),
       left(j->>'date', 10)::date
  FROM (SELECT corpus, line::jsonb AS j FROM bench.raw) r,
       generate_series(1, :copies) g
 WHERE abs(hashtext(j->>'id')) % :sample = 0
 ORDER BY g, r.corpus, j->>'id';

DROP TABLE bench.raw;
VACUUM ANALYZE news;

-- Size of the input: bytes of body text and the number of word and number
-- tokens as diplomat.tokens() segments them (punctuation not counted).
SELECT bench.fact('rows', count(*)::text),
       bench.fact('bytes', sum(octet_length(body))::text),
       bench.fact('chars', sum(length(body))::text)
  FROM news;
SELECT bench.fact('rows.' || corpus, count(*)::text),
       bench.fact('bytes.' || corpus, sum(octet_length(body))::text)
  FROM news GROUP BY corpus;
SET max_parallel_workers_per_gather = 2;
SELECT bench.fact('tokens', count(*)::text)
  FROM news n, diplomat.tokens(n.body) t
 WHERE t.kind IN ('word', 'number');
SELECT bench.fact('copies', :'copies'), bench.fact('sample', :'sample');
