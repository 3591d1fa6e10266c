/*-------------------------------------------------------------------------
 *
 * topics_gin.c
 *	  GIN support for the topics type: ? text, @> topics and && topics.
 *
 * Keys are the topic keys as texts, compared bytewise by
 * gin_cmp_entity_key (the comparison of the entities operator class).
 * Weights are not indexed: every operator of the class depends on key
 * presence only, so the index answers it exactly and no recheck is needed.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "sortedset.h"
#include "topics.h"

#include "access/gin.h"
#include "access/stratnum.h"
#include "utils/builtins.h"

/* the numbers of the entities class, whose strategy 1 is @@ */
#define STRAT_EXISTS	2		/* ? text */
#define STRAT_CONTAINS	3		/* @> topics */
#define STRAT_OVERLAP	4		/* && topics */

PG_FUNCTION_INFO_V1(gin_extract_topics);
PG_FUNCTION_INFO_V1(gin_extract_topics_query);
PG_FUNCTION_INFO_V1(gin_topics_consistent);
PG_FUNCTION_INFO_V1(gin_topics_triconsistent);

/* The keys of a value as text datums. */
static Datum *
topics_keys(Topics *ts, int32 *nkeys)
{
	Datum	   *keys = palloc(Max(ts->ntopics, 1) * sizeof(Datum));

	for (int i = 0; i < ts->ntopics; i++)
	{
		TopicEntry *e = &ts->entries[i];

		keys[i] = PointerGetDatum(cstring_to_text_with_len(TOPIC_KEY(ts, e), e->key_len));
	}
	*nkeys = ts->ntopics;
	return keys;
}

/* extractValue: one key per topic. */
Datum
gin_extract_topics(PG_FUNCTION_ARGS)
{
	Topics	   *ts = PG_GETARG_TOPICS_P(0);
	int32	   *nkeys = (int32 *) PG_GETARG_POINTER(1);

	PG_RETURN_POINTER(topics_keys(ts, nkeys));
}

/* extractQuery: the key of ?, or the keys of the right-hand topics. */
Datum
gin_extract_topics_query(PG_FUNCTION_ARGS)
{
	int32	   *nkeys = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	int32	   *searchMode = (int32 *) PG_GETARG_POINTER(6);
	Datum	   *keys;

	switch (strategy)
	{
		case STRAT_EXISTS:
			keys = palloc(sizeof(Datum));
			keys[0] = PointerGetDatum(PG_GETARG_TEXT_PP(0));
			*nkeys = 1;
			break;
		case STRAT_CONTAINS:
		case STRAT_OVERLAP:
			keys = topics_keys(PG_GETARG_TOPICS_P(0), nkeys);
			/* everything contains the empty set; nothing overlaps it */
			if (strategy == STRAT_CONTAINS && *nkeys == 0)
				*searchMode = GIN_SEARCH_MODE_ALL;
			break;
		default:
			elog(ERROR, "unrecognized strategy number: %d", strategy);
			keys = NULL;		/* keep compiler quiet */
	}
	PG_RETURN_POINTER(keys);
}

/* The ternary result of a strategy over the keys' presence. */
static GinTernaryValue
consistent_common(GinTernaryValue *check, StrategyNumber strategy, int32 nkeys)
{
	if (strategy != STRAT_EXISTS && strategy != STRAT_CONTAINS && strategy != STRAT_OVERLAP)
		elog(ERROR, "unrecognized strategy number: %d", strategy);
	/* ? is @> of one key */
	return sset_gin_match(check, nkeys, strategy != STRAT_OVERLAP);
}

/* consistent: exact, never asks for a recheck. */
Datum
gin_topics_consistent(PG_FUNCTION_ARGS)
{
	int32		nkeys = PG_GETARG_INT32(3);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);

	*recheck = false;
	PG_RETURN_BOOL(consistent_common(sset_gin_presence(PG_GETARG_POINTER(0), false, nkeys, NULL),
									 PG_GETARG_UINT16(1), nkeys) == GIN_TRUE);
}

/* triConsistent: the same logic over GIN_TRUE / GIN_FALSE / GIN_MAYBE. */
Datum
gin_topics_triconsistent(PG_FUNCTION_ARGS)
{
	PG_RETURN_GIN_TERNARY_VALUE(consistent_common(PG_GETARG_POINTER(0), PG_GETARG_UINT16(1),
												  PG_GETARG_INT32(3)));
}
