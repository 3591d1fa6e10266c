-- A fixed-seed random sample for judging by hand (see eval/README.md).
-- Run by eval/sample.sh with -v kind=events|topics -v seed=N -v n=N after
-- eval/load_news.sql.  Prints one block per item; the news text is shown,
-- never stored in the repository.
\set QUIET on
SET client_min_messages = warning;
\pset format unaligned
\pset tuples_only on
\pset fieldsep '\t'
SELECT setseed(:seed / 1000.0);
\if :{?kind}
\else
\set kind events
\endif
SELECT :'kind' = 'events' AS is_events \gset
\if :is_events
DROP TABLE IF EXISTS sample_ev;
CREATE TABLE sample_ev AS
SELECT a.id, a.published, e.*, s.text AS sentence_text
  FROM news_articles a
 CROSS JOIN LATERAL diplomat.events(a.body, a.published) e
 JOIN LATERAL diplomat.sentences(a.body) s ON s.sentence = e.sentence;
SELECT format(E'#%s  %s  published %s  sentence %s\n  text:    %s\n  event:   %s (%s) --%s %s [%s]--> %s (%s)\n  date:    %s (%s)   location: %s   pattern: %s\n',
              row_number() OVER (), id, coalesce(published::text, '-'), sentence,
              regexp_replace(sentence_text, '\s+', ' ', 'g'),
              coalesce(source::text, '-'), coalesce(source_name, '-'),
              code, diplomat.cameo_name(code), CASE WHEN intent THEN 'intent' ELSE 'factual' END,
              coalesce(target::text, '-'), coalesce(target_name, '-'),
              coalesce(event_date::text, '-'), coalesce(date_precision, '-'),
              coalesce(location, '-'), pattern)
  FROM (SELECT * FROM sample_ev ORDER BY random() LIMIT :n) x;
\else
SELECT format(E'#%s  %s  (%s label %s)\n  title:   %s\n  lead:    %s\n  topics:  %s\n',
              row_number() OVER (), id, corpus, coalesce(label, '-'),
              coalesce(title, '-'),
              left(regexp_replace(body, '\s+', ' ', 'g'), 400),
              (SELECT string_agg(format('%s %s', t.topic, round(t.weight::numeric, 2)), ', ' ORDER BY t.weight DESC)
                 FROM (SELECT * FROM diplomat.topic_weights(diplomat.to_topics(body)) ORDER BY weight DESC LIMIT 3) t))
  FROM (SELECT * FROM news_articles ORDER BY random() LIMIT :n) x;
\endif
