-- ---------------------------------------------------------------------
-- CAMEO event codes (type cameo) and actor codes (type actor)
-- ---------------------------------------------------------------------

-- cameo: a CAMEO 1.1b3 event code, stored as a packed int16 whose order
-- keeps a code's descendants right after it.

CREATE TYPE diplomat.cameo;

CREATE FUNCTION diplomat.cameo_in(cstring)
RETURNS diplomat.cameo
AS 'MODULE_PATHNAME', 'cameo_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.cameo_in(cstring) IS
'input function of type cameo: the 2 to 4 digits of a CAMEO 1.1b3 code';

CREATE FUNCTION diplomat.cameo_out(diplomat.cameo)
RETURNS cstring
AS 'MODULE_PATHNAME', 'cameo_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.cameo_out(diplomat.cameo) IS
'output function of type cameo: the digits of the code';

CREATE FUNCTION diplomat.cameo_recv(internal)
RETURNS diplomat.cameo
AS 'MODULE_PATHNAME', 'cameo_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.cameo_recv(internal) IS
'binary input function of type cameo: the code''s ASCII digits, checked against the codebook';

CREATE FUNCTION diplomat.cameo_send(diplomat.cameo)
RETURNS bytea
AS 'MODULE_PATHNAME', 'cameo_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.cameo_send(diplomat.cameo) IS
'binary output function of type cameo: the code''s ASCII digits';

CREATE TYPE diplomat.cameo (
    INPUT = diplomat.cameo_in,
    OUTPUT = diplomat.cameo_out,
    RECEIVE = diplomat.cameo_recv,
    SEND = diplomat.cameo_send,
    INTERNALLENGTH = 2,
    PASSEDBYVALUE,
    ALIGNMENT = int2,
    STORAGE = plain
);

COMMENT ON TYPE diplomat.cameo IS
'CAMEO 1.1b3 event code (''04'', ''043'', ''0431''); ordered so that a code''s descendants follow it';

CREATE FUNCTION diplomat.cameo_eq(diplomat.cameo, diplomat.cameo)
RETURNS boolean
AS 'MODULE_PATHNAME', 'cameo_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION diplomat.cameo_eq(diplomat.cameo, diplomat.cameo) IS
'implementation of = for cameo';

CREATE FUNCTION diplomat.cameo_ne(diplomat.cameo, diplomat.cameo)
RETURNS boolean
AS 'MODULE_PATHNAME', 'cameo_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION diplomat.cameo_ne(diplomat.cameo, diplomat.cameo) IS
'implementation of <> for cameo';

CREATE FUNCTION diplomat.cameo_lt(diplomat.cameo, diplomat.cameo)
RETURNS boolean
AS 'MODULE_PATHNAME', 'cameo_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION diplomat.cameo_lt(diplomat.cameo, diplomat.cameo) IS
'implementation of < for cameo';

CREATE FUNCTION diplomat.cameo_le(diplomat.cameo, diplomat.cameo)
RETURNS boolean
AS 'MODULE_PATHNAME', 'cameo_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION diplomat.cameo_le(diplomat.cameo, diplomat.cameo) IS
'implementation of <= for cameo';

CREATE FUNCTION diplomat.cameo_gt(diplomat.cameo, diplomat.cameo)
RETURNS boolean
AS 'MODULE_PATHNAME', 'cameo_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION diplomat.cameo_gt(diplomat.cameo, diplomat.cameo) IS
'implementation of > for cameo';

CREATE FUNCTION diplomat.cameo_ge(diplomat.cameo, diplomat.cameo)
RETURNS boolean
AS 'MODULE_PATHNAME', 'cameo_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION diplomat.cameo_ge(diplomat.cameo, diplomat.cameo) IS
'implementation of >= for cameo';

CREATE FUNCTION diplomat.cameo_cmp(diplomat.cameo, diplomat.cameo)
RETURNS integer
AS 'MODULE_PATHNAME', 'cameo_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION diplomat.cameo_cmp(diplomat.cameo, diplomat.cameo) IS
'btree comparison function for cameo: -1, 0 or 1';

CREATE FUNCTION diplomat.cameo_sortsupport(internal)
RETURNS void
AS 'MODULE_PATHNAME', 'cameo_sortsupport'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.cameo_sortsupport(internal) IS
'btree sort support function for cameo';

CREATE FUNCTION diplomat.cameo_hash(diplomat.cameo)
RETURNS integer
AS 'MODULE_PATHNAME', 'cameo_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION diplomat.cameo_hash(diplomat.cameo) IS
'hash function for cameo';

CREATE FUNCTION diplomat.cameo_hash_extended(diplomat.cameo, bigint)
RETURNS bigint
AS 'MODULE_PATHNAME', 'cameo_hash_extended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION diplomat.cameo_hash_extended(diplomat.cameo, bigint) IS
'seeded 64-bit hash function for cameo';

CREATE FUNCTION diplomat.cameo_within_support(internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'cameo_within_support'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.cameo_within_support(internal) IS
'planner support for cameo <@ cameo: a btree index range scan';

CREATE FUNCTION diplomat.cameo_contains_support(internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'cameo_contains_support'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.cameo_contains_support(internal) IS
'planner support for cameo @> cameo: a btree index range scan';

CREATE FUNCTION diplomat.cameo_within(diplomat.cameo, diplomat.cameo)
RETURNS boolean
AS 'MODULE_PATHNAME', 'cameo_within'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
SUPPORT diplomat.cameo_within_support;

COMMENT ON FUNCTION diplomat.cameo_within(diplomat.cameo, diplomat.cameo) IS
'implementation of <@ for cameo: the first code is the second or one of its descendants';

CREATE FUNCTION diplomat.cameo_contains(diplomat.cameo, diplomat.cameo)
RETURNS boolean
AS 'MODULE_PATHNAME', 'cameo_contains'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
SUPPORT diplomat.cameo_contains_support;

COMMENT ON FUNCTION diplomat.cameo_contains(diplomat.cameo, diplomat.cameo) IS
'implementation of @> for cameo: the second code is the first or one of its descendants';

CREATE OPERATOR diplomat.= (
    LEFTARG = diplomat.cameo, RIGHTARG = diplomat.cameo,
    FUNCTION = diplomat.cameo_eq,
    COMMUTATOR = OPERATOR(diplomat.=), NEGATOR = OPERATOR(diplomat.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
    HASHES, MERGES
);

COMMENT ON OPERATOR diplomat.= (diplomat.cameo, diplomat.cameo) IS 'equal';

CREATE OPERATOR diplomat.<> (
    LEFTARG = diplomat.cameo, RIGHTARG = diplomat.cameo,
    FUNCTION = diplomat.cameo_ne,
    COMMUTATOR = OPERATOR(diplomat.<>), NEGATOR = OPERATOR(diplomat.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);

COMMENT ON OPERATOR diplomat.<> (diplomat.cameo, diplomat.cameo) IS 'not equal';

CREATE OPERATOR diplomat.< (
    LEFTARG = diplomat.cameo, RIGHTARG = diplomat.cameo,
    FUNCTION = diplomat.cameo_lt,
    COMMUTATOR = OPERATOR(diplomat.>), NEGATOR = OPERATOR(diplomat.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);

COMMENT ON OPERATOR diplomat.< (diplomat.cameo, diplomat.cameo) IS
'less than, in the codes'' lexical order';

CREATE OPERATOR diplomat.<= (
    LEFTARG = diplomat.cameo, RIGHTARG = diplomat.cameo,
    FUNCTION = diplomat.cameo_le,
    COMMUTATOR = OPERATOR(diplomat.>=), NEGATOR = OPERATOR(diplomat.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);

COMMENT ON OPERATOR diplomat.<= (diplomat.cameo, diplomat.cameo) IS
'less than or equal, in the codes'' lexical order';

CREATE OPERATOR diplomat.> (
    LEFTARG = diplomat.cameo, RIGHTARG = diplomat.cameo,
    FUNCTION = diplomat.cameo_gt,
    COMMUTATOR = OPERATOR(diplomat.<), NEGATOR = OPERATOR(diplomat.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);

COMMENT ON OPERATOR diplomat.> (diplomat.cameo, diplomat.cameo) IS
'greater than, in the codes'' lexical order';

CREATE OPERATOR diplomat.>= (
    LEFTARG = diplomat.cameo, RIGHTARG = diplomat.cameo,
    FUNCTION = diplomat.cameo_ge,
    COMMUTATOR = OPERATOR(diplomat.<=), NEGATOR = OPERATOR(diplomat.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR diplomat.>= (diplomat.cameo, diplomat.cameo) IS
'greater than or equal, in the codes'' lexical order';

CREATE OPERATOR diplomat.<@ (
    LEFTARG = diplomat.cameo, RIGHTARG = diplomat.cameo,
    FUNCTION = diplomat.cameo_within,
    COMMUTATOR = OPERATOR(diplomat.@>),
    RESTRICT = pg_catalog.matchingsel, JOIN = pg_catalog.matchingjoinsel
);

COMMENT ON OPERATOR diplomat.<@ (diplomat.cameo, diplomat.cameo) IS
'is the code or a descendant of it (''043'' <@ ''04'')';

CREATE OPERATOR diplomat.@> (
    LEFTARG = diplomat.cameo, RIGHTARG = diplomat.cameo,
    FUNCTION = diplomat.cameo_contains,
    COMMUTATOR = OPERATOR(diplomat.<@),
    RESTRICT = pg_catalog.matchingsel, JOIN = pg_catalog.matchingjoinsel
);

COMMENT ON OPERATOR diplomat.@> (diplomat.cameo, diplomat.cameo) IS
'is the code or an ancestor of it (''04'' @> ''043'')';

CREATE OPERATOR CLASS diplomat.cameo_ops
DEFAULT FOR TYPE diplomat.cameo USING btree AS
    OPERATOR 1 diplomat.< ,
    OPERATOR 2 diplomat.<= ,
    OPERATOR 3 diplomat.= ,
    OPERATOR 4 diplomat.>= ,
    OPERATOR 5 diplomat.> ,
    FUNCTION 1 diplomat.cameo_cmp(diplomat.cameo, diplomat.cameo),
    FUNCTION 2 diplomat.cameo_sortsupport(internal),
    FUNCTION 4 pg_catalog.btequalimage(oid);

COMMENT ON OPERATOR CLASS diplomat.cameo_ops USING btree IS
'default btree operator class for cameo; also serves <@ and @> through planner support';
COMMENT ON OPERATOR FAMILY diplomat.cameo_ops USING btree IS
'btree operator family of cameo_ops';

CREATE OPERATOR CLASS diplomat.cameo_ops
DEFAULT FOR TYPE diplomat.cameo USING hash AS
    OPERATOR 1 diplomat.= ,
    FUNCTION 1 diplomat.cameo_hash(diplomat.cameo),
    FUNCTION 2 diplomat.cameo_hash_extended(diplomat.cameo, bigint);

COMMENT ON OPERATOR CLASS diplomat.cameo_ops USING hash IS
'default hash operator class for cameo';
COMMENT ON OPERATOR FAMILY diplomat.cameo_ops USING hash IS
'hash operator family of cameo_ops';

CREATE FUNCTION diplomat.cameo_name(code diplomat.cameo)
RETURNS text
AS 'MODULE_PATHNAME', 'cameo_name'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.cameo_name(diplomat.cameo) IS
'name of the event type in the CAMEO 1.1b3 codebook (root codes in capitals)';

CREATE FUNCTION diplomat.goldstein(code diplomat.cameo)
RETURNS double precision
AS 'MODULE_PATHNAME', 'dip_goldstein'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.goldstein(diplomat.cameo) IS
'Goldstein conflict-cooperation score of the event type, from -10 (most conflictual) to 10';

CREATE FUNCTION diplomat.quad_class(code diplomat.cameo)
RETURNS integer
AS 'MODULE_PATHNAME', 'dip_quad_class'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.quad_class(diplomat.cameo) IS
'QuadClass of the event type: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict';

CREATE FUNCTION diplomat.cameo_root(code diplomat.cameo)
RETURNS diplomat.cameo
AS 'MODULE_PATHNAME', 'cameo_root'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.cameo_root(diplomat.cameo) IS
'the 2-digit root code of a CAMEO code (''0431'' -> ''04'')';

CREATE FUNCTION diplomat.cameo_depth(code diplomat.cameo)
RETURNS integer
AS 'MODULE_PATHNAME', 'cameo_depth'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.cameo_depth(diplomat.cameo) IS
'number of digits of a CAMEO code: 2 (root), 3 or 4';

CREATE FUNCTION diplomat.cameo_codes(
    OUT code diplomat.cameo, OUT name text,
    OUT goldstein double precision, OUT quad_class integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'cameo_codes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 316;

COMMENT ON FUNCTION diplomat.cameo_codes() IS
'the CAMEO 1.1b3 codebook: every event code with its name, Goldstein score and QuadClass, in code order';

-- actor: a CAMEO actor code, 1 to 6 components of 3 letters.

CREATE TYPE diplomat.actor;

CREATE FUNCTION diplomat.actor_in(cstring)
RETURNS diplomat.actor
AS 'MODULE_PATHNAME', 'actor_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.actor_in(cstring) IS
'input function of type actor: 1 to 6 upper-case 3-letter components, the first a known country, region or international code';

CREATE FUNCTION diplomat.actor_out(diplomat.actor)
RETURNS cstring
AS 'MODULE_PATHNAME', 'actor_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.actor_out(diplomat.actor) IS
'output function of type actor: the letters of the code';

CREATE FUNCTION diplomat.actor_recv(internal)
RETURNS diplomat.actor
AS 'MODULE_PATHNAME', 'actor_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.actor_recv(internal) IS
'binary input function of type actor: the code''s ASCII letters, validated like the text form';

CREATE FUNCTION diplomat.actor_send(diplomat.actor)
RETURNS bytea
AS 'MODULE_PATHNAME', 'actor_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.actor_send(diplomat.actor) IS
'binary output function of type actor: the code''s ASCII letters';

CREATE TYPE diplomat.actor (
    INPUT = diplomat.actor_in,
    OUTPUT = diplomat.actor_out,
    RECEIVE = diplomat.actor_recv,
    SEND = diplomat.actor_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = int4,
    STORAGE = extended
);

COMMENT ON TYPE diplomat.actor IS
'CAMEO actor code (''USA'', ''USAGOV'', ''IGOUNO''): a country, region or international code followed by role codes';

CREATE FUNCTION diplomat.actor_eq(diplomat.actor, diplomat.actor)
RETURNS boolean
AS 'MODULE_PATHNAME', 'actor_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION diplomat.actor_eq(diplomat.actor, diplomat.actor) IS
'implementation of = for actor';

CREATE FUNCTION diplomat.actor_ne(diplomat.actor, diplomat.actor)
RETURNS boolean
AS 'MODULE_PATHNAME', 'actor_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION diplomat.actor_ne(diplomat.actor, diplomat.actor) IS
'implementation of <> for actor';

CREATE FUNCTION diplomat.actor_lt(diplomat.actor, diplomat.actor)
RETURNS boolean
AS 'MODULE_PATHNAME', 'actor_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION diplomat.actor_lt(diplomat.actor, diplomat.actor) IS
'implementation of < for actor';

CREATE FUNCTION diplomat.actor_le(diplomat.actor, diplomat.actor)
RETURNS boolean
AS 'MODULE_PATHNAME', 'actor_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION diplomat.actor_le(diplomat.actor, diplomat.actor) IS
'implementation of <= for actor';

CREATE FUNCTION diplomat.actor_gt(diplomat.actor, diplomat.actor)
RETURNS boolean
AS 'MODULE_PATHNAME', 'actor_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION diplomat.actor_gt(diplomat.actor, diplomat.actor) IS
'implementation of > for actor';

CREATE FUNCTION diplomat.actor_ge(diplomat.actor, diplomat.actor)
RETURNS boolean
AS 'MODULE_PATHNAME', 'actor_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION diplomat.actor_ge(diplomat.actor, diplomat.actor) IS
'implementation of >= for actor';

CREATE FUNCTION diplomat.actor_cmp(diplomat.actor, diplomat.actor)
RETURNS integer
AS 'MODULE_PATHNAME', 'actor_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION diplomat.actor_cmp(diplomat.actor, diplomat.actor) IS
'btree comparison function for actor: -1, 0 or 1';

CREATE FUNCTION diplomat.actor_hash(diplomat.actor)
RETURNS integer
AS 'MODULE_PATHNAME', 'actor_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION diplomat.actor_hash(diplomat.actor) IS
'hash function for actor';

CREATE FUNCTION diplomat.actor_hash_extended(diplomat.actor, bigint)
RETURNS bigint
AS 'MODULE_PATHNAME', 'actor_hash_extended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION diplomat.actor_hash_extended(diplomat.actor, bigint) IS
'seeded 64-bit hash function for actor';

CREATE FUNCTION diplomat.actor_within_support(internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'actor_within_support'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.actor_within_support(internal) IS
'planner support for actor <@ actor: a btree index range scan';

CREATE FUNCTION diplomat.actor_contains_support(internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'actor_contains_support'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.actor_contains_support(internal) IS
'planner support for actor @> actor: a btree index range scan';

CREATE FUNCTION diplomat.actor_within(diplomat.actor, diplomat.actor)
RETURNS boolean
AS 'MODULE_PATHNAME', 'actor_within'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
SUPPORT diplomat.actor_within_support;

COMMENT ON FUNCTION diplomat.actor_within(diplomat.actor, diplomat.actor) IS
'implementation of <@ for actor: the first code is the second or extends it by whole components';

CREATE FUNCTION diplomat.actor_contains(diplomat.actor, diplomat.actor)
RETURNS boolean
AS 'MODULE_PATHNAME', 'actor_contains'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
SUPPORT diplomat.actor_contains_support;

COMMENT ON FUNCTION diplomat.actor_contains(diplomat.actor, diplomat.actor) IS
'implementation of @> for actor: the second code is the first or extends it by whole components';

CREATE OPERATOR diplomat.= (
    LEFTARG = diplomat.actor, RIGHTARG = diplomat.actor,
    FUNCTION = diplomat.actor_eq,
    COMMUTATOR = OPERATOR(diplomat.=), NEGATOR = OPERATOR(diplomat.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
    HASHES, MERGES
);

COMMENT ON OPERATOR diplomat.= (diplomat.actor, diplomat.actor) IS 'equal';

CREATE OPERATOR diplomat.<> (
    LEFTARG = diplomat.actor, RIGHTARG = diplomat.actor,
    FUNCTION = diplomat.actor_ne,
    COMMUTATOR = OPERATOR(diplomat.<>), NEGATOR = OPERATOR(diplomat.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);

COMMENT ON OPERATOR diplomat.<> (diplomat.actor, diplomat.actor) IS 'not equal';

CREATE OPERATOR diplomat.< (
    LEFTARG = diplomat.actor, RIGHTARG = diplomat.actor,
    FUNCTION = diplomat.actor_lt,
    COMMUTATOR = OPERATOR(diplomat.>), NEGATOR = OPERATOR(diplomat.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);

COMMENT ON OPERATOR diplomat.< (diplomat.actor, diplomat.actor) IS
'less than, in byte order (a code before its descendants)';

CREATE OPERATOR diplomat.<= (
    LEFTARG = diplomat.actor, RIGHTARG = diplomat.actor,
    FUNCTION = diplomat.actor_le,
    COMMUTATOR = OPERATOR(diplomat.>=), NEGATOR = OPERATOR(diplomat.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);

COMMENT ON OPERATOR diplomat.<= (diplomat.actor, diplomat.actor) IS
'less than or equal, in byte order';

CREATE OPERATOR diplomat.> (
    LEFTARG = diplomat.actor, RIGHTARG = diplomat.actor,
    FUNCTION = diplomat.actor_gt,
    COMMUTATOR = OPERATOR(diplomat.<), NEGATOR = OPERATOR(diplomat.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);

COMMENT ON OPERATOR diplomat.> (diplomat.actor, diplomat.actor) IS
'greater than, in byte order';

CREATE OPERATOR diplomat.>= (
    LEFTARG = diplomat.actor, RIGHTARG = diplomat.actor,
    FUNCTION = diplomat.actor_ge,
    COMMUTATOR = OPERATOR(diplomat.<=), NEGATOR = OPERATOR(diplomat.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR diplomat.>= (diplomat.actor, diplomat.actor) IS
'greater than or equal, in byte order';

CREATE OPERATOR diplomat.<@ (
    LEFTARG = diplomat.actor, RIGHTARG = diplomat.actor,
    FUNCTION = diplomat.actor_within,
    COMMUTATOR = OPERATOR(diplomat.@>),
    RESTRICT = pg_catalog.matchingsel, JOIN = pg_catalog.matchingjoinsel
);

COMMENT ON OPERATOR diplomat.<@ (diplomat.actor, diplomat.actor) IS
'is the actor or extends it by whole components (''USAGOV'' <@ ''USA'')';

CREATE OPERATOR diplomat.@> (
    LEFTARG = diplomat.actor, RIGHTARG = diplomat.actor,
    FUNCTION = diplomat.actor_contains,
    COMMUTATOR = OPERATOR(diplomat.<@),
    RESTRICT = pg_catalog.matchingsel, JOIN = pg_catalog.matchingjoinsel
);

COMMENT ON OPERATOR diplomat.@> (diplomat.actor, diplomat.actor) IS
'is the actor or a prefix of it by whole components (''USA'' @> ''USAGOV'')';

CREATE OPERATOR CLASS diplomat.actor_ops
DEFAULT FOR TYPE diplomat.actor USING btree AS
    OPERATOR 1 diplomat.< ,
    OPERATOR 2 diplomat.<= ,
    OPERATOR 3 diplomat.= ,
    OPERATOR 4 diplomat.>= ,
    OPERATOR 5 diplomat.> ,
    FUNCTION 1 diplomat.actor_cmp(diplomat.actor, diplomat.actor),
    FUNCTION 4 pg_catalog.btequalimage(oid);

COMMENT ON OPERATOR CLASS diplomat.actor_ops USING btree IS
'default btree operator class for actor; also serves <@ and @> through planner support';
COMMENT ON OPERATOR FAMILY diplomat.actor_ops USING btree IS
'btree operator family of actor_ops';

CREATE OPERATOR CLASS diplomat.actor_ops
DEFAULT FOR TYPE diplomat.actor USING hash AS
    OPERATOR 1 diplomat.= ,
    FUNCTION 1 diplomat.actor_hash(diplomat.actor),
    FUNCTION 2 diplomat.actor_hash_extended(diplomat.actor, bigint);

COMMENT ON OPERATOR CLASS diplomat.actor_ops USING hash IS
'default hash operator class for actor';
COMMENT ON OPERATOR FAMILY diplomat.actor_ops USING hash IS
'hash operator family of actor_ops';

CREATE FUNCTION diplomat.actor_country(code diplomat.actor)
RETURNS text
AS 'MODULE_PATHNAME', 'actor_country'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.actor_country(diplomat.actor) IS
'the first component of an actor code if it is a country code, else NULL (regions, IGO, NGO, bare roles)';

CREATE FUNCTION diplomat.actor_roles(code diplomat.actor)
RETURNS text[]
AS 'MODULE_PATHNAME', 'actor_roles'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.actor_roles(diplomat.actor) IS
'the components of an actor code after the first, as an array (''USAGOVMIL'' -> {GOV,MIL})';

-- GDELT's split of an actor code into country, known group, religions and
-- types (Actor1CountryCode, Actor1KnownGroupCode, ...).  The code lists are
-- CAMEO's (data/cameo/roles.tsv, and the religion codes of its actor
-- dictionaries).
CREATE FUNCTION diplomat.actor_parts(code diplomat.actor,
    OUT country text, OUT known_group text, OUT religion1 text, OUT religion2 text,
    OUT type1 text, OUT type2 text, OUT type3 text)
RETURNS record
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    s text := code::text;
    c text;
    religions text[] := '{}';
    types text[] := '{}';
BEGIN
    FOR i IN 0 .. pg_catalog.length(s) / 3 - 1 LOOP
        c := pg_catalog.substr(s, 3 * i + 1, 3);
        IF i = 0 AND diplomat.actor_country(code) IS NOT NULL THEN
            country := c;
        ELSIF country IS NULL AND c = ANY ('{AFR,ASA,BLK,CAS,CAU,CEU,CFR,CRB,EAF,EEU,EIN,EUR,LAM,MDT,MEA,NAF,NMR,PGS,SAF,SAM,SAS,SCN,SEA,WAF,WST}'::text[]) THEN
            -- a region stands for the country (GDELT codes the EU's bodies EUR)
            country := c;
        ELSIF c = ANY ('{ALE,ATH,BAH,BUD,CHR,CON,CPT,CTH,DOX,DRZ,HIN,ITR,JAN,JEW,LDS,MOS,ORT,PRO,REL,SFI,SHI,SHN,SIK,SUN,TAO,ZRO}'::text[]) THEN
            religions := religions || c;
        ELSIF c = ANY ('{COP,GOV,INS,JUD,MIL,OPP,PTY,REB,SEP,SPY,UAF,AGR,BUS,CRM,CVL,DEV,EDU,ELI,ENV,HLH,HRI,LAB,LEG,MED,REF,MOD,RAD,IGO,IMG,INT,MNC,NGM,NGO,UIS,PKO}'::text[]) THEN
            types := types || c;
        ELSIF known_group IS NULL THEN
            -- any other code names an organisation (UNO, EEC, NATO's NAT...)
            known_group := c;
        END IF;
    END LOOP;
    religion1 := religions[1];
    religion2 := religions[2];
    type1 := types[1];
    type2 := types[2];
    type3 := types[3];
END
$$;

COMMENT ON FUNCTION diplomat.actor_parts(diplomat.actor) IS
'an actor code split as GDELT does: country (or region), known group, religions and up to three type (role) codes (''USAGOV'' -> USA, GOV; ''IGOUNO'' -> known group UNO, type IGO)';

-- PLOVER, the successor of CAMEO's event ontology: reference data
-- (data/cameo/plover.tsv), installed by each version, not dumped.
CREATE TABLE diplomat.cameo_plover (
    code        text PRIMARY KEY CHECK (code ~ '^[0-9]{2,4}$'),
    event       text NOT NULL,
    mode        text,
    context     text
);
COMMENT ON TABLE diplomat.cameo_plover IS
'the CAMEO to PLOVER map: PLOVER event type, mode and context of a CAMEO code (reference data)';
GRANT SELECT ON diplomat.cameo_plover TO PUBLIC;

CREATE FUNCTION diplomat.plover(code diplomat.cameo)
RETURNS text
AS 'MODULE_PATHNAME', 'cameo_plover'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION diplomat.plover(diplomat.cameo) IS
'the PLOVER event type of a CAMEO code, or of its nearest ancestor in the map; NULL for the codes PLOVER leaves out (01, 02)';
