/*-------------------------------------------------------------------------
 *
 * dip_topics.h
 *	  Topics: a weighted topic vector from the evidence of the document's
 *	  terms and entities, and the evidence behind each topic.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_TOPICS_H
#define DIP_TOPICS_H

#include "dip_sentence.h"

/* what a piece of topic evidence is */
typedef enum DipEvidenceKind
{
	DIP_EVIDENCE_TERM = 1,		/* a word or phrase of the topic lexicon */
	DIP_EVIDENCE_ENTITY,		/* a gazetteer entity of the document */
	DIP_EVIDENCE_SUBTOPIC		/* a sub-topic's evidence, shared with its parent */
} DipEvidenceKind;

/*
 * One piece of evidence for one topic: a term (all its occurrences), an
 * entity or a sub-topic, what it added to the topic's evidence, and the
 * named rule that set it aside or lowered it (NULL when it counted in
 * full).
 */
typedef struct DipTopicEvidence
{
	uint32_t	topic;			/* dictionary topic */
	uint8_t		kind;			/* DipEvidenceKind */
	uint32_t	ref;			/* entity: DipEnt index; sub-topic: topic */
	uint32_t	start;			/* term: byte span of an occurrence */
	uint32_t	len;
	uint32_t	count;			/* occurrences (term, entity) */
	float		score;			/* evidence added to the topic */
	const DipRule *rule;
} DipTopicEvidence;

extern void dip_topics_init(DipAnalysis *an);
extern void dip_topics_sentence(DipSentCtx *sc);
extern void dip_topics_window(DipAnalysis *an, const char *text);
extern void dip_topics_document(DipAnalysis *an);

/* Topic weights after analysis: fills weights[ntopics]; returns count > 0. */
extern uint32_t dip_topic_weights(DipAnalysis *an, float *weights);

/*
 * The evidence of every topic after analysis, in the analysis's arena
 * (*rows), by topic then descending score; returns the number of rows.
 */
extern uint32_t dip_topic_evidence(DipAnalysis *an, DipTopicEvidence **rows);

/* The k-th rule of the topic stage, or NULL past the last. */
extern const DipRule *dip_topics_rule(int k);

#endif							/* DIP_TOPICS_H */
