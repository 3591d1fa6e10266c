-- diplomat: entities, topics and CAMEO-coded diplomatic events from news text.
-- Every object is schema-qualified; operators inside function bodies are
-- written OPERATOR(pg_catalog.x) so that a hostile search_path cannot
-- capture them.

\echo Use "CREATE EXTENSION diplomat" to load this file. \quit
