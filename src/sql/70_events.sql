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
    text            text
);
COMMENT ON TYPE diplomat.event IS
'one CAMEO-coded event: source and target actors, event code, names, place, date, sentence and character span, Goldstein score, QuadClass and the pattern that fired';

CREATE FUNCTION diplomat.events(doc text, published date DEFAULT NULL)
RETURNS SETOF diplomat.event
AS 'MODULE_PATHNAME', 'dip_events'
LANGUAGE C IMMUTABLE PARALLEL SAFE
ROWS 10;
COMMENT ON FUNCTION diplomat.events(text, date) IS
'the CAMEO-coded events of a document; dates such as "on Friday" are resolved against published';

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
