/*-------------------------------------------------------------------------
 *
 * dip_events.h
 *	  Events: CAMEO-coded events of a sentence.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_EVENTS_H
#define DIP_EVENTS_H

#include "dip_sentence.h"

extern void dip_events_sentence(DipSentCtx *sc);

/*
 * Notes the dateline's place and the lead's date, where the events of
 * later sentences without their own happened.
 */
extern void dip_events_note_lead(DipSentCtx *sc);

/* The k-th rule of the event coder, or NULL past the last. */
extern const DipRule *dip_events_rule(int k);

#endif							/* DIP_EVENTS_H */
