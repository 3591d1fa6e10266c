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

#endif							/* DIP_EVENTS_H */
