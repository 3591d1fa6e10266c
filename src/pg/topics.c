/*-------------------------------------------------------------------------
 *
 * topics.c
 *	  The topics type (a weighted topic vector): I/O, binary I/O,
 *	  operators, the cast to entities, and the SQL functions that compute
 *	  a document's topics.
 *
 * Text form:
 *	  cross_strait:0.631, korean_peninsula:0.545
 *	  (items separated by commas; a key is [a-z0-9_]{1,63}; the weight is a
 *	  number in [0, 1], rounded to thousandths; a key without a weight has
 *	  weight 1)
 *
 * Binary form: int32 count, then per topic: int32 key length, key bytes,
 * float4 weight.  Receive validates every field, rounds the weights to
 * thousandths, sorts and deduplicates, as input does.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "compat.h"
#include "diplomat.h"
#include "dictionary.h"
#include "entities.h"
#include "nlp.h"
#include "topics.h"

#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

PG_FUNCTION_INFO_V1(topics_in);
PG_FUNCTION_INFO_V1(topics_exists);
PG_FUNCTION_INFO_V1(topics_weight);
PG_FUNCTION_INFO_V1(topics_to_entities);
PG_FUNCTION_INFO_V1(dip_topics);
PG_FUNCTION_INFO_V1(topic_weights);
PG_FUNCTION_INFO_V1(top_topics);

/* ------------------------------------------------------------------------
 * Construction and lookup
 * ------------------------------------------------------------------------
 */

/* Checks the key syntax: 1 to 63 bytes of [a-z0-9_]. */
bool
topic_key_valid(const char *key, int len)
{
	if (len < 1 || len > TOPIC_MAX_KEY)
		return false;
	for (int i = 0; i < len; i++)
	{
		char		c = key[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
			return false;
	}
	return true;
}

/* Reads entry i of a topics value as an item. */
static void
topics_get(const void *set, int i, SSetItem *item)
{
	const Topics *ts = set;
	const TopicEntry *e = &ts->entries[i];

	memset(item, 0, sizeof(SSetItem));
	item->name = TOPIC_KEY(ts, e);
	item->len = e->key_len;
	item->value = e->weight;
}

/* Stores an item as entry i of a topics value. */
static void
topics_put(void *set, int i, const SSetItem *item, uint32 off)
{
	TopicEntry *e = &((Topics *) set)->entries[i];

	Assert(item->value <= TOPIC_WEIGHT_SCALE);
	e->key_off = off;
	e->key_len = (uint8) item->len;
	e->weight = (uint16) item->value;
}

/* Folds a duplicate into the item kept: the larger weight wins. */
static void
topics_merge(SSetItem *kept, const SSetItem *dup)
{
	kept->value = Max(kept->value, dup->value);
}


/* Builds a value from unsorted items; a repeated key keeps its top weight. */
Topics *
make_topics(TopicItem *items, int n)
{
	return sset_build(&TopicsSet, items, n);
}

/* Binary search for a key. */
int
topics_find(const Topics *ts, const char *key, int len)
{
	TopicItem	k = {0, key, len, {0, 0, 0}, 0};

	return sset_find(&TopicsSet, ts, &k);
}

/* ------------------------------------------------------------------------
 * Text I/O
 * ------------------------------------------------------------------------
 */
/* Reports the input syntax error with a detail and a position; -1. */
static int
syntax_error(Node *escontext, const char *input, int pos, const char *what)
{
	errsave(escontext,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type topics: \"%s\"", input),
			 errdetail("%s at character %d.", what, pos + 1)));
	return -1;
}

/* Reports the input error for a weight out of [0, 1]; -1. */
static int
weight_error(Node *escontext, const char *input, int pos)
{
	errsave(escontext,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type topics: \"%s\"", input),
			 errdetail("A topic weight must be a number from 0 to 1, at character %d.", pos + 1)));
	return -1;
}

/* True at the end of an unquoted key. */
static bool
is_key_end(char c)
{
	return c == '\0' || c == ',' || c == ':' || isspace((unsigned char) c);
}

/*
 * Parses a weight at s[*pos]: a decimal number ([+-]digits[.digits][e[+-]digits])
 * from 0 to 1, rounded to thousandths.  NaN and infinities are rejected
 * with the range message.  Returns -1 after reporting an error.
 */
static int
parse_weight(Node *escontext, const char *s, int *pos)
{
	int			p = *pos;
	int			w0 = p;
	int			ndigits = 0;
	char	   *num;
	double		w;

	if (isalpha((unsigned char) s[p]))
	{
		while (isalpha((unsigned char) s[p]))
			p++;
		if ((p - w0 == 3 && pg_strncasecmp(s + w0, "nan", 3) == 0) ||
			(p - w0 == 3 && pg_strncasecmp(s + w0, "inf", 3) == 0) ||
			(p - w0 == 8 && pg_strncasecmp(s + w0, "infinity", 8) == 0))
			return weight_error(escontext, s, w0);
		return syntax_error(escontext, s, w0, "Expected a weight after :");
	}
	if (s[p] == '+' || s[p] == '-')
		p++;
	if (pg_strncasecmp(s + p, "infinity", 8) == 0 || pg_strncasecmp(s + p, "inf", 3) == 0)
		return weight_error(escontext, s, w0);
	while (isdigit((unsigned char) s[p]))
	{
		p++;
		ndigits++;
	}
	if (s[p] == '.')
	{
		p++;
		while (isdigit((unsigned char) s[p]))
		{
			p++;
			ndigits++;
		}
	}
	if (ndigits == 0)
		return syntax_error(escontext, s, w0, "Expected a weight after :");
	if (s[p] == 'e' || s[p] == 'E')
	{
		int			e0 = ++p;

		if (s[p] == '+' || s[p] == '-')
			p++;
		if (!isdigit((unsigned char) s[p]))
			return syntax_error(escontext, s, e0, "Expected an exponent");
		while (isdigit((unsigned char) s[p]))
			p++;
	}
	num = pnstrdup(s + w0, p - w0);
	w = strtod(num, NULL);
	pfree(num);
	if (isnan(w) || w < 0 || w > 1)
		return weight_error(escontext, s, w0);
	*pos = p;
	return topic_weight_from_float(w);
}

/* Parses "key[:weight], ..." */
Datum
topics_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
	Node	   *escontext = fcinfo->context;
	int			p = 0;
	int			n = 0,
				cap = 16;
	TopicItem  *items = palloc(cap * sizeof(TopicItem));

	while (isspace((unsigned char) s[p]))
		p++;
	while (s[p] != '\0')
	{
		int			k0 = p;
		int			weight = TOPIC_WEIGHT_SCALE;

		while (!is_key_end(s[p]))
			p++;
		if (p == k0)
		{
			syntax_error(escontext, s, p, "Expected a topic key");
			PG_RETURN_NULL();
		}
		if (!topic_key_valid(s + k0, p - k0))
			ereturn(escontext, (Datum) 0,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type topics: \"%s\"", s),
					 errdetail("A topic key consists of 1 to %d lower-case ASCII letters, digits and underscores, at character %d.",
							   TOPIC_MAX_KEY, k0 + 1)));
		if (n == cap)
		{
			cap *= 2;
			items = repalloc(items, cap * sizeof(TopicItem));
		}
		memset(&items[n], 0, sizeof(TopicItem));
		items[n].name = s + k0;
		items[n].len = p - k0;
		while (isspace((unsigned char) s[p]))
			p++;
		if (s[p] == ':')
		{
			p++;
			while (isspace((unsigned char) s[p]))
				p++;
			weight = parse_weight(escontext, s, &p);
			if (weight < 0)
				PG_RETURN_NULL();
			while (isspace((unsigned char) s[p]))
				p++;
		}
		items[n].value = weight;
		n++;
		if (s[p] == ',')
		{
			p++;
			while (isspace((unsigned char) s[p]))
				p++;
			if (s[p] == '\0')
			{
				syntax_error(escontext, s, p, "Expected a topic after ,");
				PG_RETURN_NULL();
			}
		}
		else if (s[p] != '\0')
		{
			syntax_error(escontext, s, p, "Expected , between topics");
			PG_RETURN_NULL();
		}
	}
	PG_RETURN_POINTER(make_topics(items, n));
}

/* Appends a weight in thousandths as a decimal without trailing zeros. */
void
topic_weight_append(StringInfo buf, int w)
{
	char		digits[4];
	int			nd = 3;

	if (w >= TOPIC_WEIGHT_SCALE)
	{
		appendStringInfoChar(buf, '1');
		return;
	}
	if (w <= 0)
	{
		appendStringInfoChar(buf, '0');
		return;
	}
	snprintf(digits, sizeof(digits), "%03d", w);
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	appendStringInfo(buf, "0.%.*s", nd, digits);
}

/* Text form of one topic: key:weight, the weight without trailing zeros. */
static void
topics_out_item(StringInfo buf, const SSetItem *item)
{
	appendBinaryStringInfo(buf, item->name, item->len);
	appendStringInfoChar(buf, ':');
	topic_weight_append(buf, item->value);
}

/* ------------------------------------------------------------------------
 * Binary I/O: int32 count, then per topic int32 key length, key, float4
 * weight.  Receive validates every field and rounds the weight.
 * ------------------------------------------------------------------------
 */
static void
topics_send_item(StringInfo buf, const SSetItem *item)
{
	pq_sendint32(buf, item->len);
	pq_sendbytes(buf, item->name, item->len);
	pq_sendfloat4(buf, (float4) item->value / (float4) TOPIC_WEIGHT_SCALE);
}

/* Reads and validates one binary topic. */
static void
topics_recv_item(StringInfo buf, SSetItem *item)
{
	int32		len = dipg_recv_int32(buf, "topics");
	float4		w;

	if (len < 1 || len > TOPIC_MAX_KEY)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid topic key length %d in binary topics", len)));
	item->name = dipg_recv_bytes(buf, len, "topics");
	item->len = len;
	if (!topic_key_valid(item->name, len))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid topic key in binary topics"),
				 errdetail("A topic key consists of 1 to %d lower-case ASCII letters, digits and underscores.",
						   TOPIC_MAX_KEY)));
	w = dipg_recv_float4(buf, "topics");
	if (isnan(w) || w < 0 || w > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid topic weight %.9g in binary topics", (double) w),
				 errdetail("A topic weight must be a number from 0 to 1.")));
	item->value = topic_weight_from_float(w);
}

const SSetType TopicsSet = {
	"topics", TOPICS_HDRSZ, sizeof(TopicEntry),
	topics_get, topics_put, topics_merge,
	topics_out_item, topics_send_item, topics_recv_item, 9
};

/* topics_out, topics_send and topics_recv (receive re-sorts) */
SSET_IO_FUNCTIONS(topics, &TopicsSet)

/* ------------------------------------------------------------------------
 * Operators
 * ------------------------------------------------------------------------
 */

/* topics ? text: the key is present (whatever its weight). */
Datum
topics_exists(PG_FUNCTION_ARGS)
{
	Topics	   *ts = PG_GETARG_TOPICS_P(0);
	text	   *key = PG_GETARG_TEXT_PP(1);

	PG_RETURN_BOOL(topics_find(ts, VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key)) >= 0);
}

/* topics -> text: the key's weight, or NULL when absent. */
Datum
topics_weight(PG_FUNCTION_ARGS)
{
	Topics	   *ts = PG_GETARG_TOPICS_P(0);
	text	   *key = PG_GETARG_TEXT_PP(1);
	int			i = topics_find(ts, VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key));

	if (i < 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT4((float4) ts->entries[i].weight / (float4) TOPIC_WEIGHT_SCALE);
}

/* topics @> topics, <@, &&, = and <> */
SSET_OPERATOR_FUNCTIONS(topics, &TopicsSet)

/*
 * Cast to entities: one topic entry per key, with the weight in
 * thousandths as its count, so that entities || topics::entities answers
 * newsquery operands of both kinds.
 */
Datum
topics_to_entities(PG_FUNCTION_ARGS)
{
	Topics	   *ts = PG_GETARG_TOPICS_P(0);
	EntityItem *items = palloc(Max(ts->ntopics, 1) * sizeof(EntityItem));

	for (int i = 0; i < ts->ntopics; i++)
	{
		TopicEntry *e = &ts->entries[i];

		items[i].kind = EK_TOPIC;
		items[i].name = TOPIC_KEY(ts, e);
		items[i].len = e->key_len;
		memset(items[i].country, 0, 3);
		items[i].value = e->weight;
	}
	PG_RETURN_POINTER(make_entities(items, ts->ntopics));
}

/* ------------------------------------------------------------------------
 * Topics of a document
 * ------------------------------------------------------------------------
 */

/* Runs the engine over doc and returns every topic with a weight > 0. */
static Topics *
document_topics(text *doc)
{
	DipgAnalysis ga;
	uint32		nt;
	float	   *w;
	TopicItem  *items;
	int			n = 0;
	Topics	   *ts;

	dipg_analysis_stream(&ga, doc, DIP_DATE_NONE, DIP_WANT_TOPICS, NULL, NULL);
	nt = ga.dict->hdr->ntopics;
	w = palloc0(Max(nt, 1) * sizeof(float));
	items = palloc(Max(nt, 1) * sizeof(TopicItem));
	dip_topic_weights(&ga.an, w);
	for (uint32 t = 0; t < nt; t++)
	{
		const char *key;

		if (!(w[t] > 0))
			continue;
		key = dip_str(ga.dict, ga.dict->topics[t].key);
		memset(&items[n], 0, sizeof(TopicItem));
		items[n].name = key;
		items[n].len = strlen(key);
		/* the dictionary checks keys, but a value must never hold a bad one */
		if (!topic_key_valid(key, items[n].len))
			continue;
		/* a topic that is present never rounds to weight 0 */
		items[n].value = Min(Max(topic_weight_from_float(w[t]), 1), TOPIC_WEIGHT_SCALE);
		n++;
	}
	ts = make_topics(items, n);
	dipg_analysis_end(&ga);
	pfree(w);
	pfree(items);
	return ts;
}

/* diplomat.to_topics(doc text) */
Datum
dip_topics(PG_FUNCTION_ARGS)
{
	PG_RETURN_POINTER(document_topics(PG_GETARG_TEXT_PP(0)));
}

typedef struct WeightOrder
{
	int			index;
	int			weight;
} WeightOrder;

/* Descending weight, then key order (the entries' order). */
static int
cmp_weight_desc(const void *a, const void *b)
{
	const WeightOrder *x = a,
			   *y = b;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return x->index < y->index ? -1 : (x->index > y->index);
}

/*
 * Emits (topic, weight, label) rows by descending weight, at most limit
 * of them; the label comes from the current dictionary, NULL for a key it
 * does not know.
 */
static void
emit_weights(FunctionCallInfo fcinfo, Topics *ts, int64 limit)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const DipDict *dict;
	WeightOrder *order;
	int			n = ts->ntopics;

	InitMaterializedSRF(fcinfo, 0);
	if (n == 0 || limit <= 0)
		return;
	dict = dipg_dictionary();
	order = palloc(n * sizeof(WeightOrder));
	for (int i = 0; i < n; i++)
	{
		order[i].index = i;
		order[i].weight = ts->entries[i].weight;
	}
	qsort(order, n, sizeof(WeightOrder), cmp_weight_desc);
	for (int i = 0; i < n && i < limit; i++)
	{
		TopicEntry *e = &ts->entries[order[i].index];
		const char *key = TOPIC_KEY(ts, e);
		int			t = dip_topic_lookup(dict, key, e->key_len);
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = PointerGetDatum(cstring_to_text_with_len(key, e->key_len));
		values[1] = Float4GetDatum((float4) e->weight / (float4) TOPIC_WEIGHT_SCALE);
		if (t >= 0)
			values[2] = CStringGetTextDatum(dip_str(dict, dict->topics[t].label));
		else
			nulls[2] = true;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	pfree(order);
}

/* diplomat.topic_weights(topics): (topic, weight, label) by descending weight. */
Datum
topic_weights(PG_FUNCTION_ARGS)
{
	emit_weights(fcinfo, PG_GETARG_TOPICS_P(0), PG_INT64_MAX);
	return (Datum) 0;
}

/* diplomat.top_topics(doc text, n integer DEFAULT 5): the n heaviest topics. */
Datum
top_topics(PG_FUNCTION_ARGS)
{
	int32		n = PG_GETARG_INT32(1);

	if (n < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the number of topics must not be negative")));
	emit_weights(fcinfo, document_topics(PG_GETARG_TEXT_PP(0)), n);
	return (Datum) 0;
}
