/*-------------------------------------------------------------------------
 *
 * dip_recognise.h
 *	  Recognise: the entity mentions of a sentence.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_RECOGNISE_H
#define DIP_RECOGNISE_H

#include "dip_sentence.h"

extern void dip_recognise_sentence(DipSentCtx *sc);

/* The k-th rule of the recogniser (token, step and typing rules), or NULL. */
extern const DipRule *dip_recognise_rule(int k);

#endif							/* DIP_RECOGNISE_H */
