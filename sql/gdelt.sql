-- GDELT 2.0 export: gdelt_events() and gdelt_mentions() over a table of
-- articles (stable ids, mentions and articles counted per event, actor
-- codes split into country and types), actor_parts() and plover().
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS diplomat;
SET search_path = public, diplomat;
SET datestyle = 'ISO, YMD';

-- the split of actor codes, as GDELT's Actor1CountryCode, KnownGroupCode,
-- Religion1Code... Type1Code columns have it
SELECT a, (actor_parts(a)).*
  FROM unnest('{USAGOV,CHNGOVMIL,IGOUNO,GOV,MIL,IGOEUREEC,NGOHRIAMN,IMGMOSALQ,EUR,SUN,IRQSUN,USAMILREBSHI,RUSGOVPTYMEDELI}'::actor[])
       WITH ORDINALITY AS x(a, n) ORDER BY n;
SELECT actor_parts(NULL) IS NULL AS strict;

-- PLOVER event types: a code, else its nearest ancestor in the map; the
-- statements and appeals (01, 02) have none; 08 is listed twice in the map
-- (CONCEDE, RETREAT) and the first is kept
SELECT c, plover(c) FROM unnest('{01,010,02,0211,04,043,08,080,087,155,1951,175,20}'::cameo[])
       WITH ORDINALITY AS x(c, n) ORDER BY n;
-- every code of the codebook below 03 has a type, and only types PLOVER defines
SELECT count(*) FILTER (WHERE plover(code) IS NULL) AS unmapped,
       count(*) FILTER (WHERE code >= '03' AND plover(code) IS NULL) AS unmapped_from_03,
       array_agg(DISTINCT plover(code)) FILTER (WHERE plover(code) IS NOT NULL) AS types
  FROM cameo_codes();

-- the event id is a function of date, source, target and code only
SELECT gdelt_event_id('2023-06-18', 'USAGOV', 'CHNGOV', '040') > 0 AS positive,
       gdelt_event_id('2023-06-18', 'USAGOV', 'CHNGOV', '040')
         = gdelt_event_id('2023-06-18'::date, 'USAGOV'::actor, 'CHNGOV'::actor, '040'::cameo) AS same,
       count(DISTINCT gdelt_event_id(d, s, t, c)) AS distinct_ids
  FROM (VALUES ('2023-06-18'::date, 'USAGOV'::actor, 'CHNGOV'::actor, '040'::cameo),
               ('2023-06-19', 'USAGOV', 'CHNGOV', '040'),
               ('2023-06-18', 'CHNGOV', 'USAGOV', '040'),
               ('2023-06-18', 'USAGOV', 'CHNGOV', '042'),
               ('2023-06-18', 'USAGOV', NULL, '040'),
               (NULL, 'USAGOV', 'CHNGOV', '040'),
               ('2023-06-18', 'USA', 'CHNGOV', '040')) v(d, s, t, c);
-- ... and a constant: the same in every run and database (SHA-256 based)
SELECT gdelt_event_id('2023-06-18', 'USAGOV', 'CHNGOV', '040') AS id,
       gdelt_event_id(NULL, 'GOV', NULL, '010') AS id_without_date_or_target;

-- a table of articles: article 1 reports the Blinken-Qin meeting twice
-- (lead and last paragraph), article 2 once, article 3 (another source)
-- once and a visit; the UN's criticism of Russia is in articles 1 and 2;
-- the Kishida-Yoon meeting only in article 1, outside its lead
CREATE TABLE gdelt_articles (id integer PRIMARY KEY, published date, url text, outlet text, body text);
INSERT INTO gdelt_articles VALUES
 (1, '2023-06-19', 'https://news.example/1', 'Example Wire',
  E'Blinken Meets Qin in Beijing\n\nBEIJING - U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang in Beijing on Sunday.\n\nThe UN Secretary-General criticised Russia on Sunday. Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on Saturday.\n\nAntony Blinken met Qin Gang in Beijing on Sunday.'),
 (2, '2023-06-19', 'https://news.example/2', 'Example Wire',
  'Antony Blinken met Qin Gang in Beijing on Sunday. The UN Secretary-General criticised Russia on Sunday.'),
 (3, '2023-06-20', 'https://news.example/3', 'Example Times',
  'Antony Blinken met Qin Gang in Beijing on Sunday. Antony Blinken visited Beijing on Sunday.');

SELECT globaleventid = gdelt_event_id(to_date(day::text, 'YYYYMMDD'), actor1code, actor2code, eventcode) AS id_of_key,
       day, monthyear, year, fractiondate,
       actor1code, actor1name, actor1countrycode, actor1knowngroupcode, actor1type1code, actor1type2code,
       eventcode, eventbasecode, eventrootcode, quadclass, goldsteinscale,
       actor2code, actor2name, actor2countrycode, actor2type1code,
       isrootevent, nummentions, numsources, numarticles,
       actiongeo_fullname, actiongeo_countrycode, dateadded, sourceurl
  FROM gdelt_events('gdelt_articles', url_column => 'url', source_column => 'outlet')
 ORDER BY nummentions DESC, eventcode;

-- GDELT 2.0's 61 columns, in its order
SELECT count(*) AS columns FROM pg_proc p, unnest(p.proargmodes) m
 WHERE p.oid = 'diplomat.gdelt_events'::regproc AND m = 't';

-- the counts are those of events(): one row per date, source, target and
-- code, its mentions the rows of events(), its articles the distinct ones
WITH ev AS (
    SELECT a.id, e.* FROM gdelt_articles a, events(a.body, a.published) e
), expected AS (
    SELECT gdelt_event_id(event_date, source, target, code) AS id,
           count(*) AS mentions, count(DISTINCT ev.id) AS articles
      FROM ev GROUP BY event_date, source, target, code
)
SELECT count(*) AS events,
       count(*) FILTER (WHERE g.nummentions = x.mentions AND g.numarticles = x.articles) AS counts_agree,
       (SELECT count(*) FROM expected) AS expected
  FROM gdelt_events('gdelt_articles') g JOIN expected x ON x.id = g.globaleventid;

-- the split columns are actor_parts() of the codes
SELECT count(*) AS events,
       count(*) FILTER (WHERE (actor1countrycode, actor1knowngroupcode, actor1religion1code, actor1religion2code,
                               actor1type1code, actor1type2code, actor1type3code)
                              IS NOT DISTINCT FROM actor_parts(actor1code)
                          AND (actor2countrycode, actor2knowngroupcode, actor2religion1code, actor2religion2code,
                               actor2type1code, actor2type2code, actor2type3code)
                              IS NOT DISTINCT FROM actor_parts(actor2code)) AS split_agrees
  FROM gdelt_events('gdelt_articles');

-- stable ids: the same events from the articles inserted in another order,
-- into another table, under another DateStyle, give the same ids and rows
CREATE TEMP TABLE first_run AS SELECT * FROM gdelt_events('gdelt_articles');
CREATE TEMP TABLE "Other Articles" ("Article No" bigint, "Date" timestamptz, "Text" text);
INSERT INTO "Other Articles" SELECT id + 100, published, body FROM gdelt_articles ORDER BY id DESC;
SET datestyle = 'SQL, DMY';
SELECT count(*) AS events,
       count(*) FILTER (WHERE (f.day, f.actor1code, f.actor2code, f.eventcode, f.nummentions, f.numarticles)
                              = (o.day, o.actor1code, o.actor2code, o.eventcode, o.nummentions, o.numarticles)) AS same_rows
  FROM first_run f
  FULL JOIN gdelt_events('pg_temp."Other Articles"', 'Article No', 'Text', 'Date') o USING (globaleventid);
RESET datestyle;

-- numsources needs a source column; without one it is NULL, as is the URL
SELECT count(*) AS events, count(numsources) AS with_sources, count(sourceurl) AS with_url
  FROM gdelt_events('gdelt_articles');
-- without a date column: events without dates, grouped all the same
SELECT day, actor1code, eventcode, actor2code, nummentions, numarticles, dateadded
  FROM gdelt_events('gdelt_articles', published_column => NULL)
 ORDER BY nummentions DESC, eventcode;

-- the mentions table: one row per event and sentence, with the article's
-- URL (or id), the sentence and the clause's 0-based character offset
SELECT m.globaleventid = g.globaleventid AS same_event, m.eventtimedate, m.mentiontimedate, m.mentiontype,
       m.mentionsourcename, m.mentionidentifier, m.sentenceid, m.actioncharoffset, m.mentiondoclen
  FROM gdelt_mentions('gdelt_articles') m
  JOIN gdelt_events('gdelt_articles') g USING (globaleventid)
 WHERE g.nummentions = 4
 ORDER BY m.mentiontimedate, m.mentionidentifier, m.sentenceid;
SELECT count(*) AS mentions,
       count(*) FILTER (WHERE mentiontype = 1 AND mentionidentifier LIKE 'https://news.example/%') AS by_url,
       count(DISTINCT mentionsourcename) AS sources
  FROM gdelt_mentions('gdelt_articles', url_column => 'url', source_column => 'outlet');
-- every event's mentions add up to its nummentions
SELECT count(*) AS events,
       count(*) FILTER (WHERE g.nummentions = (SELECT count(*) FROM gdelt_mentions('gdelt_articles') m
                                                WHERE m.globaleventid = g.globaleventid)) AS mentions_agree
  FROM gdelt_events('gdelt_articles') g;
-- the clause at the offset is the event's text
SELECT bool_and(substr(a.body, m.actioncharoffset + 1, e.len) = e.text) AS offsets_exact
  FROM gdelt_mentions('gdelt_articles') m
  JOIN gdelt_articles a ON a.id::text = m.mentionidentifier
  JOIN LATERAL events(a.body, a.published) e ON e.sentence = m.sentenceid
       AND gdelt_event_id(e.event_date, e.source, e.target, e.code) = m.globaleventid;

-- a view serves as the table, and an export is a COPY away
CREATE VIEW gdelt_recent AS SELECT id, published, body FROM gdelt_articles WHERE published >= '2023-06-20';
SELECT actor1code, eventcode, actor2code, nummentions FROM gdelt_events('gdelt_recent') ORDER BY eventcode;
COPY (SELECT globaleventid, day, actor1code, actor1countrycode, actor1type1code, eventcode, actor2code, nummentions
        FROM gdelt_events('gdelt_recent') ORDER BY eventcode) TO STDOUT WITH (FORMAT csv, DELIMITER E'\t');

-- errors: a missing table or column, NULL arguments
SELECT * FROM gdelt_events('no_such_table');
SELECT * FROM gdelt_events('gdelt_articles', body_column => 'no_such_column');
SELECT * FROM gdelt_mentions('gdelt_articles', url_column => 'URL');
SELECT * FROM gdelt_events(NULL);
SELECT * FROM gdelt_events('gdelt_articles', id_column => NULL);
-- an empty table has no events
CREATE TEMP TABLE no_articles (id int, published date, body text);
SELECT count(*) FROM gdelt_events('no_articles');
SELECT count(*) FROM gdelt_mentions('no_articles');

DROP VIEW gdelt_recent;
DROP TABLE gdelt_articles;
