-- ---------------------------------------------------------------------
-- Events: CAMEO-coded events of a document, analysis aggregates
-- ---------------------------------------------------------------------

CREATE TYPE diplomat.event AS (
    source          diplomat.actor,
    target          diplomat.actor,
    code            diplomat.cameo,
    source_name     text,
    target_name     text,
    location        text,
    event_date      date,
    sentence        integer,
    start           integer,
    len             integer,
    goldstein       double precision,
    quad_class      integer,
    pattern         text,
    date_precision  text,
    intent          boolean,
    location_country text,
    text            text,
    rule            text,
    confidence      double precision,
    plover          text
);
COMMENT ON TYPE diplomat.event IS
'one CAMEO-coded event: source and target actors, event code, names, place, date, sentence and character span, Goldstein score, QuadClass, the pattern that fired, the rules that coded it, its confidence and PLOVER event type';

CREATE FUNCTION diplomat.events(doc text, published date DEFAULT NULL)
RETURNS SETOF diplomat.event
AS 'MODULE_PATHNAME', 'dip_events'
LANGUAGE C IMMUTABLE PARALLEL SAFE
ROWS 10;
COMMENT ON FUNCTION diplomat.events(text, date) IS
'the CAMEO-coded events of a document; dates such as "on Friday" are resolved against published';
CREATE FUNCTION diplomat.events(doc text, published date, statements boolean,
    min_confidence double precision DEFAULT 0)
RETURNS SETOF diplomat.event
AS 'MODULE_PATHNAME', 'dip_events'
LANGUAGE C IMMUTABLE PARALLEL SAFE
ROWS 10;
COMMENT ON FUNCTION diplomat.events(text, date, boolean, double precision) IS
'the CAMEO-coded events of a document, as events(doc, published); statements => false leaves out bare statements, min_confidence the events less certain';

-- cast to jsonb: the row as an object, codes as their text forms
CREATE FUNCTION diplomat.event_to_jsonb(diplomat.event) RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT pg_catalog.to_jsonb($1) $$;
COMMENT ON FUNCTION diplomat.event_to_jsonb(diplomat.event) IS
'an event as a JSON object, one key per column (codes as text, the date as YYYY-MM-DD); the cast to jsonb';
CREATE CAST (diplomat.event AS jsonb) WITH FUNCTION diplomat.event_to_jsonb(diplomat.event);
COMMENT ON CAST (diplomat.event AS jsonb) IS
'explicit cast: {"source": "USAGOV", "code": "040", "target": "CHNGOV", ...}';

-- the "one-a-day" filter of event-data practice
CREATE FUNCTION diplomat.one_a_day(evs diplomat.event[])
RETURNS SETOF diplomat.event
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT DISTINCT ON (e.event_date, e.source, e.target, e.code) e.*
  FROM pg_catalog.unnest(evs) AS e
 ORDER BY e.event_date, e.source, e.target, e.code, e.sentence
$$;
COMMENT ON FUNCTION diplomat.one_a_day(diplomat.event[]) IS
'keeps one event per date, source, target and code (the one-a-day filter), e.g. over array_agg of events';

-- analysis aggregate
CREATE TYPE diplomat.event_stats AS (
    events          bigint,
    goldstein_mean  double precision,
    verbal_cooperation bigint,
    material_cooperation bigint,
    verbal_conflict bigint,
    material_conflict bigint,
    cooperation_balance double precision
);
COMMENT ON TYPE diplomat.event_stats IS
'result of event_summary: event count, mean Goldstein score, events per QuadClass and (cooperation - conflict) / events';

CREATE FUNCTION diplomat.event_summary_transfn(internal, diplomat.cameo) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION diplomat.event_summary_combinefn(internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C PARALLEL SAFE;
CREATE FUNCTION diplomat.event_summary_serialfn(internal) RETURNS bytea
    AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.event_summary_deserialfn(bytea, internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION diplomat.event_summary_finalfn(internal) RETURNS diplomat.event_stats
    AS 'MODULE_PATHNAME' LANGUAGE C PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.event_summary_transfn(internal, diplomat.cameo) IS 'event_summary aggregate: transition function';
COMMENT ON FUNCTION diplomat.event_summary_combinefn(internal, internal) IS 'event_summary aggregate: combine function';
COMMENT ON FUNCTION diplomat.event_summary_serialfn(internal) IS 'event_summary aggregate: serialisation of the state';
COMMENT ON FUNCTION diplomat.event_summary_deserialfn(bytea, internal) IS 'event_summary aggregate: deserialisation of the state';
COMMENT ON FUNCTION diplomat.event_summary_finalfn(internal) IS 'event_summary aggregate: final function';

CREATE AGGREGATE diplomat.event_summary(diplomat.cameo) (
    SFUNC = diplomat.event_summary_transfn,
    STYPE = internal,
    FINALFUNC = diplomat.event_summary_finalfn,
    COMBINEFUNC = diplomat.event_summary_combinefn,
    SERIALFUNC = diplomat.event_summary_serialfn,
    DESERIALFUNC = diplomat.event_summary_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE diplomat.event_summary(diplomat.cameo) IS
'event count, mean Goldstein score and QuadClass counts of a set of events (parallel safe)';

-- ---------------------------------------------------------------------
-- GDELT 2.0 export: the event table and the mentions table of a table of
-- articles, in GDELT's columns (named as GDELT names them, in lower case).
-- ---------------------------------------------------------------------

-- A stable event id: the same (date, source, target, code) gives the same
-- id in every database, run and table (63 bits of a SHA-256 of the key).
CREATE FUNCTION diplomat.gdelt_event_id(event_date date, source diplomat.actor,
    target diplomat.actor, code diplomat.cameo)
RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT ('x' || pg_catalog.encode(pg_catalog.substr(pg_catalog.sha256((
            COALESCE((event_date - '2000-01-01'::date)::text, '') || '|' ||
            COALESCE(source::text, '') || '|' ||
            COALESCE(target::text, '') || '|' ||
            COALESCE(code::text, ''))::bytea), 1, 8), 'hex'))::bit(64)::bigint
       & 9223372036854775807
$$;
COMMENT ON FUNCTION diplomat.gdelt_event_id(date, diplomat.actor, diplomat.actor, diplomat.cameo) IS
'the GlobalEventID of gdelt_events(): a positive bigint derived from the date, source, target and code only, the same in every run and database';

-- The events of every article of a table, with what the export needs of
-- the article: one row per event and sentence (internal).
CREATE FUNCTION diplomat.gdelt_article_events(articles regclass, id_column name,
    body_column name, published_column name, url_column name, source_column name)
RETURNS TABLE (article text, published timestamp, url text, outlet text,
    doc_len integer, lead_end integer, ev diplomat.event)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    col name;
BEGIN
    IF articles IS NULL OR id_column IS NULL OR body_column IS NULL THEN
        RAISE EXCEPTION 'the table of articles, its id column and its body column must not be NULL'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;
    FOREACH col IN ARRAY ARRAY[id_column, body_column, published_column, url_column, source_column] LOOP
        IF col IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                                            WHERE a.attrelid = articles AND a.attname = col
                                              AND a.attnum > 0 AND NOT a.attisdropped) THEN
            RAISE EXCEPTION 'column "%" of relation % does not exist', col, articles
                USING ERRCODE = 'undefined_column';
        END IF;
    END LOOP;
    -- lead_end: the last sentence of the lead, the paragraph of the first
    -- sentence of text (GDELT's IsRootEvent: reported in the lead)
    RETURN QUERY EXECUTE pg_catalog.format(
        'SELECT t.%1$I::text, %3$s, %4$s, %5$s, pg_catalog.length(t.%2$I)::integer, l.lead_end, e '
        '  FROM %6$s t '
        ' CROSS JOIN LATERAL (SELECT pg_catalog.max(x.sentence) FILTER (WHERE x.paragraph = x.lead) AS lead_end '
        '                       FROM (SELECT s.sentence, s.paragraph, '
        '                                    pg_catalog.min(s.paragraph) FILTER (WHERE s.kind = ''text'') OVER () AS lead '
        '                               FROM diplomat.sentences(t.%2$I) s) x) l '
        ' CROSS JOIN LATERAL diplomat.events(t.%2$I, %7$s) e',
        id_column, body_column,
        CASE WHEN published_column IS NULL THEN 'NULL::timestamp'
             ELSE pg_catalog.format('t.%I::timestamp', published_column) END,
        CASE WHEN url_column IS NULL THEN 'NULL::text'
             ELSE pg_catalog.format('t.%I::text', url_column) END,
        CASE WHEN source_column IS NULL THEN 'NULL::text'
             ELSE pg_catalog.format('t.%I::text', source_column) END,
        articles,
        CASE WHEN published_column IS NULL THEN 'NULL::date'
             ELSE pg_catalog.format('t.%I::date', published_column) END);
END
$$;
COMMENT ON FUNCTION diplomat.gdelt_article_events(regclass, name, name, name, name, name) IS
'the events of every article of a table, with the article''s id, date, URL, source, length and lead, for gdelt_events() and gdelt_mentions() (internal)';

CREATE FUNCTION diplomat.gdelt_events(articles regclass, id_column name DEFAULT 'id',
    body_column name DEFAULT 'body', published_column name DEFAULT 'published',
    url_column name DEFAULT NULL, source_column name DEFAULT NULL)
RETURNS TABLE (globaleventid bigint, day integer, monthyear integer, year integer,
    fractiondate double precision,
    actor1code diplomat.actor, actor1name text, actor1countrycode text,
    actor1knowngroupcode text, actor1ethniccode text, actor1religion1code text,
    actor1religion2code text, actor1type1code text, actor1type2code text, actor1type3code text,
    actor2code diplomat.actor, actor2name text, actor2countrycode text,
    actor2knowngroupcode text, actor2ethniccode text, actor2religion1code text,
    actor2religion2code text, actor2type1code text, actor2type2code text, actor2type3code text,
    isrootevent integer, eventcode diplomat.cameo, eventbasecode diplomat.cameo,
    eventrootcode diplomat.cameo, quadclass integer, goldsteinscale double precision,
    nummentions integer, numsources integer, numarticles integer, avgtone double precision,
    actor1geo_type integer, actor1geo_fullname text, actor1geo_countrycode text,
    actor1geo_adm1code text, actor1geo_adm2code text, actor1geo_lat double precision,
    actor1geo_long double precision, actor1geo_featureid text,
    actor2geo_type integer, actor2geo_fullname text, actor2geo_countrycode text,
    actor2geo_adm1code text, actor2geo_adm2code text, actor2geo_lat double precision,
    actor2geo_long double precision, actor2geo_featureid text,
    actiongeo_type integer, actiongeo_fullname text, actiongeo_countrycode text,
    actiongeo_adm1code text, actiongeo_adm2code text, actiongeo_lat double precision,
    actiongeo_long double precision, actiongeo_featureid text,
    dateadded bigint, sourceurl text)
LANGUAGE sql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
WITH m AS (
    SELECT r.article, r.published, r.url, r.outlet, r.lead_end, (r.ev).*
      FROM diplomat.gdelt_article_events($1, $2, $3, $4, $5, $6) r
), g AS (
    -- one event per date, source, target and code; its names and place
    -- from the first report that gives them
    SELECT m.event_date, m.source, m.target, m.code,
           pg_catalog.count(*) AS mentions,
           pg_catalog.count(DISTINCT m.outlet) AS sources,
           pg_catalog.count(DISTINCT m.article) AS articles,
           pg_catalog.bool_or(m.sentence <= m.lead_end) AS root,
           (pg_catalog.array_agg(m.source_name ORDER BY m.published, m.article, m.sentence)
                FILTER (WHERE m.source_name IS NOT NULL))[1] AS source_name,
           (pg_catalog.array_agg(m.target_name ORDER BY m.published, m.article, m.sentence)
                FILTER (WHERE m.target_name IS NOT NULL))[1] AS target_name,
           (pg_catalog.array_agg(m.location ORDER BY m.published, m.article, m.sentence)
                FILTER (WHERE m.location IS NOT NULL))[1] AS location,
           (pg_catalog.array_agg(m.location_country ORDER BY m.published, m.article, m.sentence)
                FILTER (WHERE m.location IS NOT NULL))[1] AS location_country,
           (pg_catalog.array_agg(m.url ORDER BY m.published, m.article, m.sentence)
                FILTER (WHERE m.url IS NOT NULL))[1] AS url,
           pg_catalog.min(m.published) AS first_published
      FROM m
     GROUP BY m.event_date, m.source, m.target, m.code
)
SELECT diplomat.gdelt_event_id(g.event_date, g.source, g.target, g.code),
       (EXTRACT(year FROM g.event_date) * 10000 + EXTRACT(month FROM g.event_date) * 100
        + EXTRACT(day FROM g.event_date))::integer,
       (EXTRACT(year FROM g.event_date) * 100 + EXTRACT(month FROM g.event_date))::integer,
       EXTRACT(year FROM g.event_date)::integer,
       pg_catalog.round(EXTRACT(year FROM g.event_date)
             + (EXTRACT(doy FROM g.event_date) - 1)
               / EXTRACT(doy FROM pg_catalog.make_date(EXTRACT(year FROM g.event_date)::integer, 12, 31)),
             4)::double precision,
       g.source, g.source_name, s.country, s.known_group, NULL::text, s.religion1, s.religion2,
       s.type1, s.type2, s.type3,
       g.target, g.target_name, t.country, t.known_group, NULL::text, t.religion1, t.religion2,
       t.type1, t.type2, t.type3,
       CASE WHEN g.root THEN 1 ELSE 0 END,
       g.code,
       CASE WHEN diplomat.cameo_depth(g.code) = 4 THEN pg_catalog.left(g.code::text, 3)::diplomat.cameo ELSE g.code END,
       diplomat.cameo_root(g.code), diplomat.quad_class(g.code), diplomat.goldstein(g.code),
       g.mentions::integer, CASE WHEN $6 IS NULL THEN NULL ELSE g.sources::integer END,
       g.articles::integer, NULL::double precision,
       NULL::integer, NULL::text, NULL::text, NULL::text, NULL::text, NULL::double precision, NULL::double precision, NULL::text,
       NULL::integer, NULL::text, NULL::text, NULL::text, NULL::text, NULL::double precision, NULL::double precision, NULL::text,
       NULL::integer, g.location, g.location_country, NULL::text, NULL::text, NULL::double precision, NULL::double precision, NULL::text,
       pg_catalog.to_char(g.first_published, 'YYYYMMDDHH24MISS')::bigint,
       g.url
  FROM g
  LEFT JOIN LATERAL diplomat.actor_parts(g.source) s ON true
  LEFT JOIN LATERAL diplomat.actor_parts(g.target) t ON true
 ORDER BY g.event_date, g.source, g.target, g.code
$$;
COMMENT ON FUNCTION diplomat.gdelt_events(regclass, name, name, name, name, name) IS
'the events of a table of articles in the columns of GDELT 2.0''s event table, one row per date, source, target and code with its numbers of mentions and articles';

CREATE FUNCTION diplomat.gdelt_mentions(articles regclass, id_column name DEFAULT 'id',
    body_column name DEFAULT 'body', published_column name DEFAULT 'published',
    url_column name DEFAULT NULL, source_column name DEFAULT NULL)
RETURNS TABLE (globaleventid bigint, eventtimedate bigint, mentiontimedate bigint,
    mentiontype integer, mentionsourcename text, mentionidentifier text, sentenceid integer,
    actor1charoffset integer, actor2charoffset integer, actioncharoffset integer,
    inrawtext integer, confidence integer, mentiondoclen integer, mentiondoctone double precision,
    mentiondoctranslationinfo text, extras text)
LANGUAGE sql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
SELECT diplomat.gdelt_event_id((r.ev).event_date, (r.ev).source, (r.ev).target, (r.ev).code),
       pg_catalog.to_char(pg_catalog.min(r.published) OVER (PARTITION BY (r.ev).event_date, (r.ev).source,
                                                             (r.ev).target, (r.ev).code),
                          'YYYYMMDDHH24MISS')::bigint,
       pg_catalog.to_char(r.published, 'YYYYMMDDHH24MISS')::bigint,
       CASE WHEN r.url IS NULL THEN 2 ELSE 1 END,
       r.outlet, COALESCE(r.url, r.article), (r.ev).sentence,
       -1, -1, (r.ev).start - 1, 1, pg_catalog.round((r.ev).confidence * 100)::integer, r.doc_len,
       NULL::double precision, NULL::text, NULL::text
  FROM diplomat.gdelt_article_events($1, $2, $3, $4, $5, $6) r
 ORDER BY 1, r.published, r.article, (r.ev).sentence
$$;
COMMENT ON FUNCTION diplomat.gdelt_mentions(regclass, name, name, name, name, name) IS
'the mentions of gdelt_events() in the columns of GDELT 2.0''s mentions table: one row per event reported in a sentence of an article, with the article''s URL or id';

-- adding up summaries of disjoint sets of events (made on several servers,
-- or per partition) into the summary of all of them
CREATE FUNCTION diplomat.event_summary_combine_transfn(internal, diplomat.event_stats) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.event_summary_combine_transfn(internal, diplomat.event_stats) IS 'event_summary_combine aggregate: transition function';

CREATE AGGREGATE diplomat.event_summary_combine(diplomat.event_stats) (
    SFUNC = diplomat.event_summary_combine_transfn,
    STYPE = internal,
    FINALFUNC = diplomat.event_summary_finalfn,
    COMBINEFUNC = diplomat.event_summary_combinefn,
    SERIALFUNC = diplomat.event_summary_serialfn,
    DESERIALFUNC = diplomat.event_summary_deserialfn,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE diplomat.event_summary_combine(diplomat.event_stats) IS
'the event_summary of the union of disjoint sets of events, from their event_summary results (per shard, then combined at the coordinator)';
