/*-------------------------------------------------------------------------
 *
 * dip_names.h
 *	  Capitalised names the gazetteer does not know: where they end, and
 *	  what kind of entity they name (for the recogniser).
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_NAMES_H
#define DIP_NAMES_H

#include "dip_sentence.h"

/* True if token i starts the sentence (only punctuation before it). */
extern bool dip_sentence_initial(const DipSentCtx *sc, uint32_t i);

/* True if token t starts a line indented by two or more blanks. */
extern bool dip_indented_line(const DipSentCtx *sc, const DipToken *t);

/*
 * Extends a capitalised name from token a.  Returns the end (exclusive).
 * Stops before a gazetteer match other than at a (the caller handles
 * those), and before titles.
 */
extern uint32_t dip_name_span(DipSentCtx *sc, uint32_t a);

/* "Ministry of Defence", "Bank of England": absorbs an "of" complement. */
extern uint32_t dip_name_of_chain(DipSentCtx *sc, uint32_t a, uint32_t b, int kind);

/*
 * The kind of the unknown capitalised name [a, b), by the first typing
 * rule that decides (*rule); DIP_KIND_NONE if it names no entity.  *how
 * is DIP_HOW_RULE when the evidence is explicit, DIP_HOW_GUESS otherwise;
 * *weak is set when nothing but the capital says it is a name.
 */
extern int	dip_name_kind(DipSentCtx *sc, uint32_t a, uint32_t b, int *how, bool *weak,
						  const DipRule **rule);

/* The k-th typing rule, or NULL past the last. */
extern const DipRule *dip_names_rule(int k);

/* Words that tell something about a name (lexicon cue classes) */
extern const char *dip_org_role(const DipSentCtx *sc, const DipToken *t);
extern bool dip_legal_form(const DipSentCtx *sc, const DipToken *t);
extern bool dip_misc_head(const DipSentCtx *sc, const DipToken *t);
extern bool dip_direction_word(const DipSentCtx *sc, const DipToken *t);
extern bool dip_score_token(const DipToken *t);
extern bool dip_tok_ends_with(const DipToken *t, const char *suf);
extern bool dip_tok_has_vowel(const DipToken *t);

#endif							/* DIP_NAMES_H */
