/*-------------------------------------------------------------------------
 *
 * topics.h
 *	  On-disk layout of the topics type: a weighted topic vector.
 *
 * A topics value holds distinct topic keys ([a-z0-9_]{1,63}) sorted
 * bytewise, each with a weight in [0, 1] stored as an integer number of
 * thousandths (0..1000), so that the text form (at most three decimals)
 * round-trips exactly.  The format contains no OIDs and does not depend on
 * the dictionaries: a key need not be a topic of the current taxonomy.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIPLOMAT_TOPICS_H
#define DIPLOMAT_TOPICS_H

#include "postgres.h"
#include "fmgr.h"

#include <math.h>

#include "sortedset.h"

#define TOPIC_MAX_KEY		63
#define TOPIC_WEIGHT_SCALE	1000	/* weights are stored in thousandths */

typedef struct TopicEntry
{
	uint32		key_off;		/* from the start of the string area */
	uint8		key_len;
	uint8		flags;			/* reserved, 0 */
	uint16		weight;			/* thousandths, 0..TOPIC_WEIGHT_SCALE */
} TopicEntry;

typedef struct Topics
{
	int32		vl_len_;
	int32		ntopics;
	TopicEntry	entries[FLEXIBLE_ARRAY_MEMBER];
	/* the string area follows the entries */
} Topics;

#define TOPICS_HDRSZ			offsetof(Topics, entries)
#define TOPICS_STRINGS(ts)		((char *) &(ts)->entries[(ts)->ntopics])
#define TOPIC_KEY(ts, e)		(TOPICS_STRINGS(ts) + (e)->key_off)
#define DatumGetTopicsP(d)		((Topics *) PG_DETOAST_DATUM(d))
#define PG_GETARG_TOPICS_P(n)	DatumGetTopicsP(PG_GETARG_DATUM(n))

/* An entry under construction (kind 0, key in name, weight in value). */
typedef SSetItem TopicItem;

/* The entries of a topics value as a sorted set (sortedset.h). */
extern const SSetType TopicsSet;

/* True if key[0..len) is a well-formed topic key. */
extern bool topic_key_valid(const char *key, int len);

/* Sorts, merges duplicates (keeping the larger weight) and builds the value. */
extern Topics *make_topics(TopicItem *items, int n);

/* Index of key in ts, or -1. */
extern int	topics_find(const Topics *ts, const char *key, int len);

/* Appends a weight in thousandths as a decimal without trailing zeros. */
struct StringInfoData;
extern void topic_weight_append(struct StringInfoData *buf, int w);

/* A weight in [0, 1] as thousandths, rounded to nearest. */
static inline int
topic_weight_from_float(double w)
{
	return (int) rint(w * TOPIC_WEIGHT_SCALE);
}

#endif							/* DIPLOMAT_TOPICS_H */
