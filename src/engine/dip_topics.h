/*-------------------------------------------------------------------------
 *
 * dip_topics.h
 *	  Topics: a weighted topic vector from lexicon and entity evidence.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_TOPICS_H
#define DIP_TOPICS_H

#include "dip_sentence.h"

extern void dip_topics_init(DipAnalysis *an);
extern void dip_topics_sentence(DipSentCtx *sc);
extern void dip_topics_entities(DipAnalysis *an);

/* Topic weights after analysis: fills weights[ntopics]; returns count > 0. */
extern uint32_t dip_topic_weights(const DipAnalysis *an, float *weights);

#endif							/* DIP_TOPICS_H */
