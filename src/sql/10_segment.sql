-- ---------------------------------------------------------------------
-- Text layer: sentences, tokens, normalisation
-- ---------------------------------------------------------------------

CREATE FUNCTION diplomat.sentences(doc text,
    OUT sentence integer, OUT paragraph integer, OUT kind text,
    OUT start integer, OUT len integer, OUT text text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'dip_sentences'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 20;

COMMENT ON FUNCTION diplomat.sentences(text) IS
'splits a document into sentences: number, paragraph, kind (text, headline, dateline, boilerplate) and 1-based character start and length';

CREATE FUNCTION diplomat.tokens(doc text,
    OUT token integer, OUT sentence integer, OUT start integer,
    OUT len integer, OUT kind text, OUT token_text text, OUT norm text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'dip_tokens'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 400;

COMMENT ON FUNCTION diplomat.tokens(text) IS
'splits a document into word, number, punctuation and symbol tokens with their sentence, 1-based character start and length, and normalised form';

CREATE FUNCTION diplomat.normalize(doc text)
RETURNS text
AS 'MODULE_PATHNAME', 'dip_normalize_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION diplomat.normalize(text) IS
'NFKC normalisation, Unicode case folding and removal of combining marks: the form in which dictionaries are matched';
