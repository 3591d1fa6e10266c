-- The analyst's tools: highlight() marks the mentions a query matches, in
-- context; news_rank() orders matches; entities, topics and events cast
-- to jsonb.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS diplomat;
SET search_path = public, diplomat;

CREATE TEMP TABLE a (id int, published date, body text);
INSERT INTO a VALUES
 (1, '2023-06-20', E'Blinken Holds Talks in Beijing\n\nBEIJING - U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang in Beijing on Sunday. The two sides discussed trade and the situation in the Taiwan Strait at length during a meeting that lasted more than five hours. Blinken later met President Xi Jinping. A State Department spokesperson said the talks were candid.'),
 (2, '2023-06-21', E'Trade figures were published on Monday. Analysts in London and Paris expected little change. Late in the day, officials said Antony Blinken would travel to Beijing.');

-- highlight: defaults (the sentence with most matches), options, all, none
SELECT highlight(body, 'PER:blinken & GPE:beijing') FROM a WHERE id = 1;
SELECT highlight(body, 'PER:"xi jinping" | PER:"qin gang"',
                 'StartSel=<<, StopSel=>>, MaxWords=8, MaxFragments=2') FROM a WHERE id = 1;
SELECT highlight(body, 'ORG:* & !PER:blinken', 'HighlightAll=true, StartSel=[, StopSel=]') FROM a WHERE id = 1;
SELECT highlight(body, 'GPE:"united states"', 'MaxWords=5, StartSel="*", StopSel="*"') FROM a WHERE id = 1;
-- negated operands are not marked; no match gives the start of the text
SELECT highlight(body, '!PER:blinken & GPE:london') FROM a WHERE id = 2;
SELECT highlight(body, 'NORP:*', 'MaxWords=4') FROM a WHERE id = 2;
\set VERBOSITY terse
SELECT highlight(body, 'PER:blinken', 'Colour=red') FROM a WHERE id = 1;
SELECT highlight(body, 'PER:blinken', 'MaxWords=0') FROM a WHERE id = 1;
\set VERBOSITY default

-- news_rank: 0 without the entity, more mentions rank higher, and in
-- text, earlier mentions rank higher
SELECT id, news_rank(to_entities(body, published), 'PER:blinken') AS by_count,
       news_rank(body, 'PER:blinken', published) AS by_position,
       news_rank(to_entities(body, published), 'PER:blinken & !GPE:beijing') AS without_beijing,
       news_rank(to_entities(body, published), 'PER:"no such person"') AS absent
  FROM a ORDER BY id;
SELECT news_rank('PER:a:1'::entities, 'PER:a') < news_rank('PER:a:3'::entities, 'PER:a') AS more_mentions,
       news_rank('PER:a:1, GPE:b:1'::entities, 'PER:a & GPE:b') < news_rank('PER:a:1'::entities, 'PER:a') AS and_is_stricter,
       news_rank('PER:a:1'::entities, 'PER:a | GPE:b') = news_rank('PER:a:1'::entities, 'PER:a') AS or_with_absent,
       news_rank('Xi met Putin. Later, Blinken spoke.', 'PER:putin')
         > news_rank('Blinken spoke. Later, Xi met Putin.', 'PER:putin') AS earlier_counts_more,
       news_rank('topic:trade:800'::entities, 'topic:trade') AS topic_weight;
SELECT id FROM a ORDER BY news_rank(body, 'GPE:beijing', published) DESC;

-- jsonb casts
SELECT to_entities(body, published)::jsonb FROM a WHERE id = 2;
SELECT '{PER:"Quote\"d"}'::text, 'PER:"Quote\"d":2, GPE:Fiji@FJI'::entities::jsonb;
SELECT ''::entities::jsonb AS empty_entities, ''::topics::jsonb AS empty_topics,
       'cross_strait:0.631, sport, climate:0.05'::topics::jsonb;
-- an event: one key per column, codes and dates in their text forms
SELECT count(*) > 0 AS some_events,
       bool_and((SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(e::jsonb) k)
                = (SELECT array_agg(attname::text ORDER BY attname::text) FROM pg_attribute
                    WHERE attrelid = 'diplomat.event'::regclass AND attnum > 0)) AS every_column,
       bool_and((e::jsonb) ->> 'code' = e.code::text AND (e::jsonb) ->> 'source' IS NOT DISTINCT FROM e.source::text
                AND (e::jsonb) ->> 'event_date' IS NOT DISTINCT FROM to_char(e.event_date, 'YYYY-MM-DD')
                AND ((e::jsonb) -> 'goldstein')::float8 = e.goldstein) AS same_values
  FROM a, events(a.body, a.published) e;
