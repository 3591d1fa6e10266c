-- CREATE EXTENSION refuses a schema that someone prepared for it: the
-- install script creates the schema diplomat itself, so a pre-existing one
-- (a function pre-created under one of the extension's names, a database
-- owner's schema holding functions that the 0.1 install script and
-- triggers called as the superuser, or even an empty one) makes it fail,
-- and none of the planted functions runs.
\set regdb :DBNAME
SET client_min_messages = warning;
DROP DATABASE IF EXISTS diplomat_hijack;
DROP ROLE IF EXISTS regress_diplomat_dbowner;
CREATE ROLE regress_diplomat_dbowner;
CREATE DATABASE diplomat_hijack TEMPLATE template0 ENCODING 'UTF8' OWNER regress_diplomat_dbowner;
\c diplomat_hijack
SET client_min_messages = warning;
CREATE TABLE public.hijack_log (what text, by_role text);
GRANT INSERT ON public.hijack_log TO PUBLIC;

-- a function with one of the extension's signatures
CREATE SCHEMA diplomat;
CREATE FUNCTION diplomat.normalize(doc text) RETURNS text
  LANGUAGE sql AS $$ SELECT 'hijacked'::text $$;
CREATE EXTENSION diplomat;
SELECT diplomat.normalize('ABC');
DROP SCHEMA diplomat CASCADE;

-- the database owner's schema, with exact-type functions that 0.1 called
SET ROLE regress_diplomat_dbowner;
CREATE SCHEMA diplomat;
CREATE FUNCTION diplomat.array_to_string(text[], text) RETURNS text LANGUAGE plpgsql AS
  $$ BEGIN INSERT INTO public.hijack_log VALUES ('array_to_string', current_user); RETURN ''; END $$;
CREATE FUNCTION diplomat.dictionary_key(name, jsonb) RETURNS text LANGUAGE plpgsql AS
  $$ BEGIN INSERT INTO public.hijack_log VALUES ('dictionary_key', current_user); RETURN ''; END $$;
RESET ROLE;
CREATE EXTENSION diplomat;
DROP SCHEMA diplomat CASCADE;

-- an empty schema, even the superuser's own
CREATE SCHEMA diplomat;
CREATE EXTENSION diplomat;
DROP SCHEMA diplomat;

-- nor can the extension go into another schema
CREATE EXTENSION diplomat SCHEMA public;

SELECT count(*) AS extensions FROM pg_extension WHERE extname = 'diplomat';
SELECT count(*) AS planted_calls FROM public.hijack_log;

-- without such a schema, the extension creates it and owns it: the schema
-- is a member of the extension, owned by the installing superuser, and
-- goes with DROP EXTENSION
CREATE EXTENSION diplomat;
SELECT n.nspname AS extension_schema,
       e.extversion = (SELECT default_version FROM pg_available_extensions WHERE name = 'diplomat') AS default_version
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
 WHERE e.extname = 'diplomat';
SELECT pg_describe_object(d.classid, d.objid, d.objsubid) AS member, d.deptype,
       n.nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) AS owned_by_installer
  FROM pg_depend d JOIN pg_namespace n ON n.oid = d.objid
 WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_namespace'::regclass;
DROP EXTENSION diplomat;
SELECT count(*) AS schemas FROM pg_namespace WHERE nspname = 'diplomat';
SELECT count(*) AS planted_calls FROM public.hijack_log;
\c :regdb
DROP DATABASE diplomat_hijack;
DROP ROLE regress_diplomat_dbowner;
