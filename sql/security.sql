-- A function pre-created under one of the extension's names must make
-- CREATE EXTENSION fail instead of being used by it.
\set regdb :DBNAME
SET client_min_messages = warning;
DROP DATABASE IF EXISTS diplomat_hijack;
CREATE DATABASE diplomat_hijack TEMPLATE template0 ENCODING 'UTF8';
\c diplomat_hijack
SET client_min_messages = warning;
CREATE SCHEMA diplomat;
CREATE FUNCTION diplomat.normalize(doc text) RETURNS text
  LANGUAGE sql AS $$ SELECT 'hijacked'::text $$;
CREATE EXTENSION diplomat;
SELECT diplomat.normalize('ABC');
SELECT count(*) AS extensions FROM pg_extension WHERE extname = 'diplomat';
\c :regdb
DROP DATABASE diplomat_hijack;
