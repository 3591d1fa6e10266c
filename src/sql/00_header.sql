-- diplomat: entities, topics and CAMEO-coded diplomatic events from news text.
-- Every object is schema-qualified; operators inside function bodies are
-- written OPERATOR(pg_catalog.x), and every function with an SQL body pins
-- search_path = pg_catalog, pg_temp, so that a hostile search_path or an
-- object planted in another schema cannot capture them.

\echo Use "CREATE EXTENSION diplomat" to load this file. \quit

-- The schema belongs to the extension: this script creates it, so CREATE
-- EXTENSION fails if a schema of that name already exists (its owner could
-- otherwise plant objects that this script and the extension's triggers
-- would call as the superuser).  The control file names pg_catalog as the
-- extension's schema, so that the script runs with search_path =
-- pg_catalog, pg_temp.
CREATE SCHEMA diplomat;
COMMENT ON SCHEMA diplomat IS
'entities, topics and CAMEO-coded diplomatic events from news text (extension diplomat)';

-- Anyone may extract, query and read the dictionaries, as anyone may call
-- to_tsvector; only the extension's owner (or roles it grants) edits the
-- dictionaries (see the README, "Privileges").
GRANT USAGE ON SCHEMA diplomat TO PUBLIC;
