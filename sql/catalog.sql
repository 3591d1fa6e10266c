-- The schema documents itself: every operator, operator class and family,
-- function, aggregate and type of the extension has a COMMENT (table row
-- types and array types excepted), and every input function reports a
-- malformed value as a soft error where the server can take one
-- (PostgreSQL 16 on; before, an ordinary error).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS diplomat;
SET search_path = public, diplomat;

-- objects without a COMMENT: none
SELECT pg_describe_object(d.classid, d.objid, 0) AS object
  FROM pg_depend d
 WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
   AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'diplomat')
   AND d.classid IN ('pg_operator'::regclass, 'pg_proc'::regclass, 'pg_type'::regclass,
                     'pg_opclass'::regclass, 'pg_opfamily'::regclass, 'pg_cast'::regclass)
   AND obj_description(d.objid, d.classid::regclass::name) IS NULL
 ORDER BY 1;

-- and the test is not vacuous: how many objects it looked at
SELECT classid::regclass AS catalog, count(*) > 0 AS some
  FROM pg_depend
 WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
   AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'diplomat')
   AND classid IN ('pg_operator'::regclass, 'pg_proc'::regclass, 'pg_type'::regclass,
                   'pg_opclass'::regclass, 'pg_opfamily'::regclass, 'pg_cast'::regclass)
 GROUP BY 1 ORDER BY 1::text;

-- every operator's estimators are the catalog's or the extension's own
SELECT o.oid::regoperator AS op, e.est::regproc
  FROM pg_operator o, LATERAL (VALUES (o.oprrest), (o.oprjoin)) e(est)
 WHERE o.oprnamespace = 'diplomat'::regnamespace AND e.est <> 0
   AND (SELECT pronamespace FROM pg_proc WHERE oid = e.est)
       NOT IN ('pg_catalog'::regnamespace, 'diplomat'::regnamespace);

-- input functions: malformed values are soft errors from PostgreSQL 16 on
-- (pg_input_is_valid() answers without an error), hard errors before
CREATE FUNCTION pg_temp.input_errors(typ text, bad text, good text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    ok_bad boolean;
    ok_good boolean;
BEGIN
    IF current_setting('server_version_num')::int >= 160000 THEN
        EXECUTE 'SELECT pg_input_is_valid($1, $2), pg_input_is_valid($3, $2)'
           INTO ok_bad, ok_good USING bad, typ, good;
        RETURN CASE WHEN NOT ok_bad AND ok_good THEN 'invalid input reported' ELSE 'wrong' END;
    END IF;
    BEGIN
        EXECUTE format('SELECT %L::diplomat.%s', bad, typ);
        RETURN 'wrong: accepted';
    EXCEPTION WHEN invalid_text_representation OR program_limit_exceeded THEN
        EXECUTE format('SELECT %L::diplomat.%s', good, typ);
        RETURN 'invalid input reported';
    END;
END $$;
SELECT typ, pg_temp.input_errors(typ, bad, good) AS result
  FROM (VALUES ('entity', 'PER:', 'PER:a'),
               ('entity', 'PER:a' || chr(1), 'PER:a'),
               ('entities', 'PER:a GPE:b', 'PER:a, GPE:b'),
               ('entities', 'PER:"a', 'PER:"a"'),
               ('newsquery', 'PER:a &', 'PER:a & GPE:b'),
               ('newsquery', '!!' || repeat('PER:a & ', 49999) || 'PER:b', 'PER:a'),
               ('topics', 'Sport:0.5', 'sport:0.5'),
               ('topics', 'sport:2', 'sport:1'),
               ('topics', 'sport:nan', 'sport:0'),
               ('cameo', '099', '043'),
               ('actor', 'usa', 'USA')) v(typ, bad, good);
