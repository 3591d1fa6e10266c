-- A database whose encoding is not UTF-8 gets a clear error
\set regdb :DBNAME
SET client_min_messages = warning;
DROP DATABASE IF EXISTS diplomat_latin1;
CREATE DATABASE diplomat_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c diplomat_latin1
SET client_min_messages = warning;
CREATE EXTENSION diplomat;
SELECT * FROM diplomat.sentences('Hello world.');
SELECT diplomat.normalize('abc');
\c :regdb
DROP DATABASE diplomat_latin1;
