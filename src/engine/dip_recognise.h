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

#endif							/* DIP_RECOGNISE_H */
