/*-------------------------------------------------------------------------
 *
 * dip.h
 *	  Public interface of the diplomat NLP engine.
 *
 * The engine is plain C99 plus ICU.  It never includes postgres.h, so it
 * can be unit-tested, fuzzed and benchmarked on its own; the PostgreSQL glue
 * in src/pg/ adapts it.  The engine never calls malloc() for per-document
 * work: all memory comes from arenas whose blocks are supplied by a DipMem
 * callback (palloc in a memory context in the glue, malloc in tests).  A
 * DipMem alloc callback may longjmp (PostgreSQL's ereport) but must never
 * return NULL; the engine keeps no resources outside arenas during a call,
 * so such a jump leaks nothing.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_H
#define DIP_H

#include "dip_arena.h"

/* ------------------------------------------------------------------------
 * UTF-8 and normalisation
 * ------------------------------------------------------------------------
 */

/* Decodes one code point at s[*pos]; returns it and advances *pos, or -1. */
extern int32_t dip_utf8_next(const unsigned char *s, size_t len, size_t *pos);

/* True if the buffer is well-formed UTF-8 (no NUL bytes). */
extern bool dip_utf8_valid(const char *s, size_t len);

/* Number of code points in s[0..len). */
extern size_t dip_utf8_count(const char *s, size_t len);

/*
 * dip_normalize: NFKC, full case folding and removal of combining marks
 * ("Erdoğan" -> "erdogan").  Writes into a buffer allocated from the arena
 * and returns its length; ASCII input takes a fast path.
 */
extern size_t dip_normalize(DipArena *a, const char *s, size_t len, char **out);

/*
 * dip_normalize_map: dip_normalize over a whole text, also returning for
 * each output byte the byte offset in the input of the character it came
 * from (map has outlen + 1 entries; map[outlen] == len).
 */
extern size_t dip_normalize_map(DipArena *a, const char *s, size_t len,
								char **out, uint32_t **map);

/* ------------------------------------------------------------------------
 * Tokens and sentences
 * ------------------------------------------------------------------------
 */
typedef enum DipTokType
{
	DIP_TOK_WORD = 1,			/* letters, possibly with digits */
	DIP_TOK_NUMBER,				/* starts with a digit */
	DIP_TOK_PUNCT,				/* punctuation */
	DIP_TOK_SYMBOL,				/* currency, math and other symbols */
	DIP_TOK_CLITIC				/* possessive 's or ' */
} DipTokType;

#define DIP_TF_UPPER		0x0001	/* first letter upper case */
#define DIP_TF_ALLCAPS		0x0002	/* has letters, none lower case */
#define DIP_TF_LOWER		0x0004	/* first letter lower case */
#define DIP_TF_SPACE		0x0008	/* white space before the token */
#define DIP_TF_NEWLINE		0x0010	/* a line break before the token */
#define DIP_TF_PARA			0x0020	/* a blank line before the token */
#define DIP_TF_JOIN			0x0040	/* glued to the previous token by a
									 * hyphen or is that hyphen */
#define DIP_TF_ABBREV		0x0080	/* word with its final period: U.S. Mr. */
#define DIP_TF_INITIAL		0x0100	/* single capital letter + period: J. */
#define DIP_TF_ACRONYM		0x0200	/* dotted acronym: U.S. U.N. e.g. */
#define DIP_TF_ASCII		0x0400	/* only ASCII bytes */
#define DIP_TF_OPENQ		0x0800	/* opening quote or bracket */
#define DIP_TF_CLOSEQ		0x1000	/* closing quote or bracket */
#define DIP_TF_TERMINAL		0x2000	/* . ! ? ... ending a sentence */
#define DIP_TF_DASH			0x4000	/* - -- en or em dash standing alone */
#define DIP_TF_DIGITS		0x8000	/* contains a digit */

typedef struct DipToken
{
	uint32_t	start;			/* byte offset in the document */
	uint32_t	len;			/* byte length */
	uint32_t	cstart;			/* character offset (0-based) */
	uint32_t	clen;			/* character length */
	const char *norm;			/* normalised form (arena) */
	uint32_t	nlen;
	uint32_t	flags;
	uint32_t	wid;			/* vocabulary id in the dictionary, 0 if none */
	uint16_t	type;			/* DipTokType */
	uint16_t	sent;			/* sentence index within the chunk */
} DipToken;

typedef enum DipSentKind
{
	DIP_SENT_TEXT = 0,
	DIP_SENT_HEADLINE,
	DIP_SENT_DATELINE,
	DIP_SENT_BOILERPLATE
} DipSentKind;

/* True if token t's normalised form is the string literal lit. */
#define DIP_TOK_IS(t, lit) \
	((t)->nlen == sizeof(lit) - 1 && memcmp((t)->norm, (lit), sizeof(lit) - 1) == 0)

extern const char *dip_sent_kind_name(int kind);
extern const char *dip_tok_type_name(int type);

typedef struct DipSentence
{
	uint32_t	first;			/* index of first token in chunk */
	uint32_t	ntok;
	uint32_t	start;			/* byte span in the document */
	uint32_t	len;
	uint32_t	cstart;			/* character span */
	uint32_t	clen;
	uint32_t	number;			/* 1-based sentence number in the document */
	uint32_t	para;			/* 1-based paragraph number */
	int			kind;			/* DipSentKind */
} DipSentence;

struct DipDict;

/*
 * A document being segmented, one chunk (paragraph, at most
 * DIP_MAX_CHUNK bytes) at a time, so that memory stays bounded whatever the
 * document's size.  Tokens and sentences of the current chunk live in
 * chunk_arena, which is reset by dip_doc_next_chunk.
 */
#define DIP_MAX_CHUNK		(64 * 1024)
#define DIP_MAX_SENT_TOKENS 400

typedef struct DipDoc
{
	const char *text;
	size_t		len;
	const struct DipDict *dict; /* may be NULL: segmentation only */
	DipArena	chunk_arena;

	/* scanning state */
	size_t		pos;			/* next byte to scan */
	size_t		cpos;			/* character offset of pos */
	uint32_t	nsent_done;		/* sentences in earlier chunks */
	uint32_t	npara;
	bool		seen_text;		/* a non-headline sentence seen */
	bool		dateline_done;
	uint32_t	carry_ws;		/* white-space flags before doc->pos */

	/* current chunk */
	DipToken   *toks;
	uint32_t	ntoks;
	DipSentence *sents;
	uint32_t	nsents;
} DipDoc;

extern void dip_doc_init(DipDoc *doc, const DipMem *mem, const struct DipDict *dict,
						 const char *text, size_t len);
extern bool dip_doc_next_chunk(DipDoc *doc);
extern void dip_doc_free(DipDoc *doc);

/*
 * Merged tokens for display: a run of tokens glued by hyphens
 * ("Indo-Pacific") is one display token.  Returns the index after the run
 * starting at i.
 */
extern uint32_t dip_display_token_end(const DipDoc *doc, uint32_t i);

/* Release ICU objects cached by the segmenter (backend exit, tests). */
extern void dip_segment_cleanup(void);

#endif							/* DIP_H */
