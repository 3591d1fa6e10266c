/*-------------------------------------------------------------------------
 *
 * topics_agg.c
 *	  The aggregate topic_frequencies(topics): how many documents of a set
 *	  carry each topic, and with what mean weight.
 *
 * The state is a hash table key -> (documents, sum of weights) plus the
 * number of documents seen.  Weights are summed as integer thousandths, so
 * that the result does not depend on the order of the input: a parallel
 * plan (partial states combined in any order) gives exactly the serial
 * result.  The state serialises to bytea for parallel aggregation.
 *
 * The final function returns an array of diplomat.topic_frequency
 * (topic, documents, share, mean_weight), by descending documents, then
 * descending total weight, then key.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "topics.h"

#include "access/htup_details.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/typcache.h"

PG_FUNCTION_INFO_V1(topic_frequencies_transfn);
PG_FUNCTION_INFO_V1(topic_frequencies_combinefn);
PG_FUNCTION_INFO_V1(topic_frequencies_serialfn);
PG_FUNCTION_INFO_V1(topic_frequencies_deserialfn);
PG_FUNCTION_INFO_V1(topic_frequencies_finalfn);

typedef struct FreqEntry
{
	char		key[TOPIC_MAX_KEY + 1]; /* NUL-terminated: the hash key */
	int64		documents;
	int64		weight_sum;		/* thousandths */
} FreqEntry;

typedef struct FreqState
{
	int64		documents;		/* non-NULL inputs */
	HTAB	   *counts;
} FreqState;

/* A new empty state, allocated in the aggregate's context. */
static FreqState *
state_create(MemoryContext aggcxt)
{
	FreqState  *st = MemoryContextAllocZero(aggcxt, sizeof(FreqState));
	HASHCTL		ctl;

	ctl.keysize = TOPIC_MAX_KEY + 1;
	ctl.entrysize = sizeof(FreqEntry);
	ctl.hcxt = aggcxt;
	st->counts = hash_create("diplomat topic frequencies", 64, &ctl,
							 HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
	return st;
}

/* Adds (documents, weight_sum) to a key's counts. */
static void
state_add(FreqState *st, const char *key, int len, int64 documents, int64 weight_sum)
{
	char		k[TOPIC_MAX_KEY + 1];
	FreqEntry  *e;
	bool		found;

	Assert(len >= 1 && len <= TOPIC_MAX_KEY);
	memcpy(k, key, len);
	k[len] = '\0';
	e = hash_search(st->counts, k, HASH_ENTER, &found);
	if (!found)
	{
		e->documents = 0;
		e->weight_sum = 0;
	}
	e->documents += documents;
	e->weight_sum += weight_sum;
}

/* The aggregate's memory context; an error outside an aggregate. */
static MemoryContext
agg_context(FunctionCallInfo fcinfo, const char *fname)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "%s called in non-aggregate context", fname);
	return aggcxt;
}

/* Transition: counts each topic of one document; NULL documents are skipped. */
Datum
topic_frequencies_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = agg_context(fcinfo, "topic_frequencies_transfn");
	FreqState  *st = PG_ARGISNULL(0) ? NULL : (FreqState *) PG_GETARG_POINTER(0);
	Topics	   *ts;

	if (PG_ARGISNULL(1))
	{
		if (st == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st);
	}
	if (st == NULL)
		st = state_create(aggcxt);
	ts = PG_GETARG_TOPICS_P(1);
	st->documents++;
	for (int i = 0; i < ts->ntopics; i++)
	{
		TopicEntry *e = &ts->entries[i];

		state_add(st, TOPIC_KEY(ts, e), e->key_len, 1, e->weight);
	}
	PG_RETURN_POINTER(st);
}

/* Combine: adds the second partial state into the first. */
Datum
topic_frequencies_combinefn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = agg_context(fcinfo, "topic_frequencies_combinefn");
	FreqState  *st1 = PG_ARGISNULL(0) ? NULL : (FreqState *) PG_GETARG_POINTER(0);
	FreqState  *st2 = PG_ARGISNULL(1) ? NULL : (FreqState *) PG_GETARG_POINTER(1);
	HASH_SEQ_STATUS seq;
	FreqEntry  *e;

	if (st2 == NULL)
	{
		if (st1 == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(st1);
	}
	/* st2 may live in a shorter-lived context: copy it rather than adopt it */
	if (st1 == NULL)
		st1 = state_create(aggcxt);
	st1->documents += st2->documents;
	hash_seq_init(&seq, st2->counts);
	while ((e = hash_seq_search(&seq)) != NULL)
		state_add(st1, e->key, strlen(e->key), e->documents, e->weight_sum);
	PG_RETURN_POINTER(st1);
}

/*
 * Serialisation: int64 documents, int32 number of keys, then per key: byte
 * key length, key bytes, int64 documents, int64 sum of weights.
 */
Datum
topic_frequencies_serialfn(PG_FUNCTION_ARGS)
{
	FreqState  *st = (FreqState *) PG_GETARG_POINTER(0);
	StringInfoData buf;
	HASH_SEQ_STATUS seq;
	FreqEntry  *e;

	agg_context(fcinfo, "topic_frequencies_serialfn");
	pq_begintypsend(&buf);
	pq_sendint64(&buf, st->documents);
	pq_sendint32(&buf, (int32) hash_get_num_entries(st->counts));
	hash_seq_init(&seq, st->counts);
	while ((e = hash_seq_search(&seq)) != NULL)
	{
		int			len = strlen(e->key);

		pq_sendbyte(&buf, len);
		pq_sendbytes(&buf, e->key, len);
		pq_sendint64(&buf, e->documents);
		pq_sendint64(&buf, e->weight_sum);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Deserialisation, checking the lengths it reads. */
Datum
topic_frequencies_deserialfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcxt = agg_context(fcinfo, "topic_frequencies_deserialfn");
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	FreqState  *st = state_create(aggcxt);
	int32		n;

	initStringInfo(&buf);
	appendBinaryStringInfo(&buf, VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
	st->documents = pq_getmsgint64(&buf);
	n = pq_getmsgint(&buf, 4);
	if (n < 0)
		elog(ERROR, "invalid topic_frequencies state");
	for (int i = 0; i < n; i++)
	{
		int			len = pq_getmsgbyte(&buf);
		const char *key;
		int64		documents,
					weight_sum;

		if (len < 1 || len > TOPIC_MAX_KEY)
			elog(ERROR, "invalid topic_frequencies state");
		key = pq_getmsgbytes(&buf, len);
		documents = pq_getmsgint64(&buf);
		weight_sum = pq_getmsgint64(&buf);
		state_add(st, key, len, documents, weight_sum);
	}
	pq_getmsgend(&buf);
	pfree(buf.data);
	PG_RETURN_POINTER(st);
}

/* Result order: descending documents, descending total weight, key. */
static int
cmp_freq(const void *a, const void *b)
{
	const FreqEntry *x = *(FreqEntry *const *) a;
	const FreqEntry *y = *(FreqEntry *const *) b;

	if (x->documents != y->documents)
		return x->documents > y->documents ? -1 : 1;
	if (x->weight_sum != y->weight_sum)
		return x->weight_sum > y->weight_sum ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* Final: topic_frequency[] by descending documents; NULL with no input. */
Datum
topic_frequencies_finalfn(PG_FUNCTION_ARGS)
{
	FreqState  *st;
	Oid			arraytype = get_fn_expr_rettype(fcinfo->flinfo);
	Oid			elemtype;
	TupleDesc	tupdesc;
	int16		elmlen;
	bool		elmbyval;
	char		elmalign;
	FreqEntry **sorted;
	Datum	   *elems;
	int			n,
				i = 0;
	HASH_SEQ_STATUS seq;
	FreqEntry  *e;

	agg_context(fcinfo, "topic_frequencies_finalfn");
	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (FreqState *) PG_GETARG_POINTER(0);
	elemtype = OidIsValid(arraytype) ? get_element_type(arraytype) : InvalidOid;
	if (!OidIsValid(elemtype))
		elog(ERROR, "could not determine the result type of topic_frequencies");
	tupdesc = lookup_rowtype_tupdesc_copy(elemtype, -1);
	if (tupdesc->natts != 4)
		elog(ERROR, "unexpected definition of type topic_frequency");
	BlessTupleDesc(tupdesc);
	get_typlenbyvalalign(elemtype, &elmlen, &elmbyval, &elmalign);

	n = (int) hash_get_num_entries(st->counts);
	sorted = palloc(Max(n, 1) * sizeof(FreqEntry *));
	hash_seq_init(&seq, st->counts);
	while ((e = hash_seq_search(&seq)) != NULL)
		sorted[i++] = e;
	Assert(i == n);
	qsort(sorted, n, sizeof(FreqEntry *), cmp_freq);

	elems = palloc(Max(n, 1) * sizeof(Datum));
	for (i = 0; i < n; i++)
	{
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		e = sorted[i];
		values[0] = CStringGetTextDatum(e->key);
		values[1] = Int64GetDatum(e->documents);
		values[2] = Float8GetDatum((double) e->documents / (double) st->documents);
		values[3] = Float8GetDatum((double) e->weight_sum /
								   ((double) e->documents * TOPIC_WEIGHT_SCALE));
		elems[i] = HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
	}
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, elemtype, elmlen, elmbyval, elmalign));
}
