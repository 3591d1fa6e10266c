/*-------------------------------------------------------------------------
 *
 * dip_sentence.h
 *	  The working state the stages share while they analyse one sentence:
 *	  its tokens, the dictionary matches found on them, the mentions
 *	  recognised so far and the sentence's date expressions.
 *
 * The driver (dip_analyze.c) sets one up per sentence and hands it to the
 * stages in pipeline order: match, recognise, topics, events.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_SENTENCE_H
#define DIP_SENTENCE_H

#include "dip_date_expr.h"
#include "dip_model.h"
#include "dip_segment.h"

/* A topic term found in the sentence: its term group and token span. */
typedef struct DipTermHit
{
	uint32_t	group;			/* DipTermGroup */
	uint32_t	first;			/* first token, in the sentence */
	uint32_t	ntok;			/* tokens */
} DipTermHit;

typedef struct DipSentCtx
{
	DipAnalysis *an;
	DipDoc	   *doc;
	DipSentence *sent;
	DipToken   *t;				/* first token of the sentence */
	uint32_t	n;				/* tokens */
	bool		caseless;		/* capitals carry no information */
	/* per-token dictionary matches */
	uint16_t   *ent_len;
	int32_t    *ent_ref;
	uint8_t    *ent_flags;		/* DIP_ALIAS_* rules of that alias */
	int32_t    *ent_alt;		/* where that alias needs context: the
								 * other entity of that name, or -1 */
	uint16_t   *role_len;
	int32_t    *role_ref;
	/* mention index covering each token, -1 if none */
	int32_t    *tok_mention;
	/* pattern anchors found: (token, pattern) pairs */
	uint32_t   *anchors;
	uint32_t	nanchors;
	uint32_t	anchorcap;
	/* topic terms found, by first token */
	DipTermHit *terms;
	uint32_t	nterms;
	uint32_t	termcap;
	uint32_t	first_mention;	/* an->nm when the sentence began */
	/* date expressions of the sentence (past reading), found once */
	DipDateExpr *dates;
	int			ndates;			/* -1 until computed */
} DipSentCtx;

/* The lexical classes (LX_*) of token i of the sentence, 0 if unknown. */
static inline uint32_t
dip_lexof(const DipSentCtx *sc, uint32_t i)
{
	uint32_t	w = sc->t[i].wid;

	return w ? sc->an->dict->words[w].lex : 0;
}

/* The cue classes (CUE_*) of token i of the sentence, 0 if unknown. */
static inline uint32_t
dip_cueof(const DipSentCtx *sc, uint32_t i)
{
	return dip_word_cues(sc->an->dict, sc->t[i].wid);
}

/* True if token t (of the sentence) is a word of cue class cue (a CUE_* bit). */
static inline bool
dip_tok_cue(const DipSentCtx *sc, const DipToken *t, uint32_t cue)
{
	return (dip_word_cues(sc->an->dict, t->wid) & cue) != 0;
}

/* Sets up the context of sentence st of the document's current chunk. */
extern void dip_sentence_begin(DipSentCtx *sc, DipAnalysis *an, DipDoc *doc, DipSentence *st);

/* The sentence's date expressions (past reading), found on first use. */
extern int	dip_sentence_dates(DipSentCtx *sc);

#endif							/* DIP_SENTENCE_H */
