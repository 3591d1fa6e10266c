/*-------------------------------------------------------------------------
 *
 * dip_match.h
 *	  Match the dictionaries over the tokens of a sentence.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_MATCH_H
#define DIP_MATCH_H

#include "dip_sentence.h"

/* Fills the vocabulary ids of the tokens of the document's current chunk. */
extern void dip_match_words(DipDoc *doc, const DipDict *dict);

/*
 * Records per token the longest gazetteer alias and role starting there
 * (sc->ent_len/ent_ref, role_len/role_ref), the event-pattern anchors
 * (sc->anchors) and the topic term groups (sc->terms).
 */
extern void dip_match_sentence(DipSentCtx *sc);

#endif							/* DIP_MATCH_H */
