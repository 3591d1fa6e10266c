/*-------------------------------------------------------------------------
 *
 * dip_entity.h
 *	  The document's entities and their mentions.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_ENTITY_H
#define DIP_ENTITY_H

#include "dip_sentence.h"

extern int32_t dip_ent_add(DipAnalysis *an, int kind, const char *name, size_t len,
						   int32_t dict);
extern DipMention *dip_mention_push(DipAnalysis *an);
extern int32_t dip_mention_add(DipSentCtx *sc, uint32_t a, uint32_t b, int kind, int32_t ent,
							   int how, const DipRule *rule);

/* Moves entity de's country and actor code to the state of the publication date. */
extern void dip_ent_country_at_date(const DipAnalysis *an, DipEnt *de);

/* The entity named by tokens [a, b) as written, white space collapsed. */
extern int32_t dip_ent_from_span(DipSentCtx *sc, uint32_t a, uint32_t b, int kind);

/* A mention of gazetteer entity ref over tokens [i, i + len). */
extern int32_t dip_mention_dict(DipSentCtx *sc, uint32_t i, uint32_t len, int32_t ref,
								const DipRule *rule);

/* Moves the start of mention mi back to token t0. */
extern void dip_mention_extend_left(DipSentCtx *sc, int32_t mi, uint32_t t0);

/*
 * The short names by which a company named norm[0..normlen) (normalised)
 * may be mentioned again: at most two, pointing into norm, into names[]
 * and lens[]; returns how many.
 */
extern int	dip_company_names(const DipAnalysis *an, const char *norm, uint32_t normlen,
							  const char **names, uint32_t *lens);

/* The end of a company's name in [a, b) without its legal forms ("Xerox Corp"). */
extern uint32_t dip_company_name_end(const DipSentCtx *sc, uint32_t a, uint32_t b);

/* Lower-case words seen in the document. */
extern void dip_lcset_add(DipAnalysis *an, const char *s, uint32_t len);
extern bool dip_lcset_has(const DipAnalysis *an, const char *s, uint32_t len);

#endif							/* DIP_ENTITY_H */
