/*-------------------------------------------------------------------------
 *
 * dip_segment.h
 *	  Segment: words and sentences of news text, one chunk of the document
 *	  at a time.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_SEGMENT_H
#define DIP_SEGMENT_H

#include "dip_arena.h"

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

/* True if token t's normalised form is the NUL-terminated string s. */
static inline bool
dip_tok_is(const DipToken *t, const char *s)
{
	size_t		l = strlen(s);

	return t->nlen == l && memcmp(t->norm, s, l) == 0;
}

/*
 * A capitalised word (or a number glued to one by a hyphen, as in
 * "G-7"): what a name is made of.
 */
static inline bool
dip_tok_capword(const DipToken *t)
{
	return (t->type == DIP_TOK_WORD || (t->type == DIP_TOK_NUMBER && (t->flags & DIP_TF_JOIN))) &&
		(t->flags & DIP_TF_UPPER);
}

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

/*
 * A document being segmented, one chunk (paragraph, about DIP_MAX_CHUNK
 * bytes at most) at a time, so that memory and the time between checks for
 * interrupts stay bounded whatever the document's size.  A chunk ends at a
 * paragraph break, after DIP_MAX_CHUNK bytes at a sentence end, after twice
 * that at white space, and anywhere after three times that or
 * DIP_MAX_CHUNK_TOKENS tokens (text without spaces); a token has at most
 * DIP_MAX_TOKEN bytes (longer runs of letters are cut), a run of a script
 * written without spaces at most DIP_MAX_COMPLEX_RUN bytes per call of ICU.
 * Tokens and sentences of the current chunk live in chunk_arena, which is
 * reset by dip_doc_next_chunk.  Tokens leave the segmenter with wid 0:
 * matching the dictionaries (dip_match.c) fills it.
 */
#define DIP_MAX_CHUNK		(64 * 1024)
#define DIP_MAX_CHUNK_TOKENS (32 * 1024)	/* fits DipToken.sent */
#define DIP_MAX_TOKEN		1024
#define DIP_MAX_COMPLEX_RUN 4096
#define DIP_MAX_SENT_TOKENS 400

typedef struct DipDoc
{
	const char *text;
	size_t		len;
	DipArena	chunk_arena;

	/* scanning state */
	size_t		pos;			/* next byte to scan */
	size_t		cpos;			/* character offset of pos */
	uint32_t	nsent_done;		/* sentences in earlier chunks */
	uint32_t	npara;
	uint32_t	ntext;			/* text sentences so far */
	bool		dateline_done;	/* a dateline found */
	uint32_t	carry_ws;		/* white-space flags before doc->pos */

	/* current chunk */
	DipToken   *toks;
	uint32_t	ntoks;
	DipSentence *sents;
	uint32_t	nsents;
} DipDoc;

extern void dip_doc_init(DipDoc *doc, const DipMem *mem, const char *text, size_t len);
extern bool dip_doc_next_chunk(DipDoc *doc);
extern void dip_doc_free(DipDoc *doc);

/*
 * Merged tokens for display: a run of tokens glued by hyphens
 * ("Indo-Pacific") is one display token.  Returns the index after the run
 * starting at i.
 */
extern uint32_t dip_display_token_end(const DipDoc *doc, uint32_t i);

/*
 * The segmenter's word lists, generated from data/segment/NAME.tsv and the
 * MONTH words of data/lexicon/words.tsv into dip_segment_words.c (by
 * tools/gen-segment-words.sh).
 */
enum
{
	DIP_AB_TITLE = 1,			/* never ends a sentence: Mr. Gen. */
	DIP_AB_END,					/* may end a sentence: Inc. etc. */
	DIP_AB_MID					/* months, states: end one only at a line end */
};

typedef struct DipAbbrev
{
	const char *s;				/* lower case, without the period */
	int			kind;			/* DIP_AB_* */
} DipAbbrev;

extern const DipAbbrev dip_abbreviations[];	/* sorted by s */
extern const int dip_nabbreviations;
extern const char *const dip_sentence_starters[];	/* sorted */
extern const int dip_nsentence_starters;
extern const char *const dip_line_continuers[];	/* sorted */
extern const int dip_nline_continuers;
extern const char *const dip_boilerplate[];	/* NULL-terminated */
extern const char *const dip_dateline_months[];	/* NULL-terminated */

/* Release ICU objects cached by the segmenter (backend exit, tests). */
extern void dip_segment_cleanup(void);

#endif							/* DIP_SEGMENT_H */
