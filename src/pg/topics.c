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
PG_FUNCTION_INFO_V1(topics_out);
PG_FUNCTION_INFO_V1(topics_recv);
PG_FUNCTION_INFO_V1(topics_send);
PG_FUNCTION_INFO_V1(topics_exists);
PG_FUNCTION_INFO_V1(topics_weight);
PG_FUNCTION_INFO_V1(topics_contains);
PG_FUNCTION_INFO_V1(topics_contained);
PG_FUNCTION_INFO_V1(topics_overlap);
PG_FUNCTION_INFO_V1(topics_eq);
PG_FUNCTION_INFO_V1(topics_ne);
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

/* Bytewise order of keys, a prefix first. */
int
topic_key_cmp(const char *k1, int l1, const char *k2, int l2)
{
	int			c = memcmp(k1, k2, Min(l1, l2));

	if (c != 0)
		return c;
	return l1 < l2 ? -1 : (l1 > l2);
}

/* qsort comparator of TopicItems by key. */
static int
cmp_item(const void *a, const void *b)
{
	const TopicItem *x = a,
			   *y = b;

	return topic_key_cmp(x->key, x->len, y->key, y->len);
}

/* Builds a value from unsorted items; a repeated key keeps its top weight. */
Topics *
make_topics(TopicItem *items, int n)
{
	int			m = 0;
	Size		strsize = 0;
	Size		size;
	Topics	   *ts;
	char	   *str;
	uint32		off = 0;

	if (n > 1)
		qsort(items, n, sizeof(TopicItem), cmp_item);
	for (int i = 0; i < n; i++)
	{
		if (m > 0 && cmp_item(&items[m - 1], &items[i]) == 0)
		{
			items[m - 1].weight = Max(items[m - 1].weight, items[i].weight);
			continue;
		}
		items[m++] = items[i];
	}
	for (int i = 0; i < m; i++)
		strsize += items[i].len;
	size = TOPICS_HDRSZ + (Size) m * sizeof(TopicEntry) + strsize;
	if (size > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("topics value too large")));
	ts = palloc0(size);
	SET_VARSIZE(ts, size);
	ts->ntopics = m;
	str = TOPICS_STRINGS(ts);
	for (int i = 0; i < m; i++)
	{
		TopicEntry *e = &ts->entries[i];

		Assert(items[i].weight >= 0 && items[i].weight <= TOPIC_WEIGHT_SCALE);
		e->key_off = off;
		e->key_len = (uint8) items[i].len;
		e->weight = (uint16) items[i].weight;
		memcpy(str + off, items[i].key, items[i].len);
		off += items[i].len;
	}
	return ts;
}

/* Binary search for a key. */
int
topics_find(const Topics *ts, const char *key, int len)
{
	int			lo = 0,
				hi = ts->ntopics - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		const TopicEntry *e = &ts->entries[mid];
		int			c = topic_key_cmp(TOPIC_KEY(ts, e), e->key_len, key, len);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* ------------------------------------------------------------------------
 * Text I/O
 * ------------------------------------------------------------------------
 */
/* Raises the input syntax error with a detail and a position. */
static void
syntax_error(const char *input, int pos, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type topics: \"%s\"", input),
			 errdetail("%s at character %d.", what, pos + 1)));
}

/* Raises the input error for a weight out of [0, 1]. */
static void
weight_error(const char *input, int pos)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type topics: \"%s\"", input),
			 errdetail("A topic weight must be a number from 0 to 1, at character %d.", pos + 1)));
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
 * with the range message.
 */
static int
parse_weight(const char *s, int *pos)
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
			weight_error(s, w0);
		syntax_error(s, w0, "Expected a weight after :");
	}
	if (s[p] == '+' || s[p] == '-')
		p++;
	if (pg_strncasecmp(s + p, "infinity", 8) == 0 || pg_strncasecmp(s + p, "inf", 3) == 0)
		weight_error(s, w0);
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
		syntax_error(s, w0, "Expected a weight after :");
	if (s[p] == 'e' || s[p] == 'E')
	{
		int			e0 = ++p;

		if (s[p] == '+' || s[p] == '-')
			p++;
		if (!isdigit((unsigned char) s[p]))
			syntax_error(s, e0, "Expected an exponent");
		while (isdigit((unsigned char) s[p]))
			p++;
	}
	num = pnstrdup(s + w0, p - w0);
	w = strtod(num, NULL);
	pfree(num);
	if (isnan(w) || w < 0 || w > 1)
		weight_error(s, w0);
	*pos = p;
	return topic_weight_from_float(w);
}

/* Parses "key[:weight], ..." */
Datum
topics_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);
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
			syntax_error(s, p, "Expected a topic key");
		if (!topic_key_valid(s + k0, p - k0))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
					 errmsg("invalid input syntax for type topics: \"%s\"", s),
					 errdetail("A topic key consists of 1 to %d lower-case ASCII letters, digits and underscores, at character %d.",
							   TOPIC_MAX_KEY, k0 + 1)));
		if (n == cap)
		{
			cap *= 2;
			items = repalloc(items, cap * sizeof(TopicItem));
		}
		items[n].key = s + k0;
		items[n].len = p - k0;
		while (isspace((unsigned char) s[p]))
			p++;
		if (s[p] == ':')
		{
			p++;
			while (isspace((unsigned char) s[p]))
				p++;
			weight = parse_weight(s, &p);
			while (isspace((unsigned char) s[p]))
				p++;
		}
		items[n].weight = weight;
		n++;
		if (s[p] == ',')
		{
			p++;
			while (isspace((unsigned char) s[p]))
				p++;
			if (s[p] == '\0')
				syntax_error(s, p, "Expected a topic after ,");
		}
		else if (s[p] != '\0')
			syntax_error(s, p, "Expected , between topics");
	}
	PG_RETURN_POINTER(make_topics(items, n));
}

/* Appends a weight in thousandths as a decimal without trailing zeros. */
static void
append_weight(StringInfo buf, int w)
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

/* Prints "key:weight" items in key order, weights without trailing zeros. */
Datum
topics_out(PG_FUNCTION_ARGS)
{
	Topics	   *ts = PG_GETARG_TOPICS_P(0);
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < ts->ntopics; i++)
	{
		TopicEntry *e = &ts->entries[i];

		if (i > 0)
			appendStringInfoString(&buf, ", ");
		appendBinaryStringInfo(&buf, TOPIC_KEY(ts, e), e->key_len);
		appendStringInfoChar(&buf, ':');
		append_weight(&buf, e->weight);
	}
	PG_RETURN_CSTRING(buf.data);
}

/* ------------------------------------------------------------------------
 * Binary I/O
 * ------------------------------------------------------------------------
 */
/* Reads the binary form, validating every count, length, key and weight. */
Datum
topics_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			n = pq_getmsgint(buf, 4);
	TopicItem  *items;

	/* each topic takes at least 9 bytes */
	if (n < 0 || n > (buf->len - buf->cursor) / 9)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid number of topics %d in binary topics", n)));
	items = palloc(Max(n, 1) * sizeof(TopicItem));
	for (int i = 0; i < n; i++)
	{
		int32		len = pq_getmsgint(buf, 4);
		float4		w;

		if (len < 1 || len > TOPIC_MAX_KEY || len > buf->len - buf->cursor)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid topic key length %d in binary topics", len)));
		items[i].key = pq_getmsgbytes(buf, len);
		items[i].len = len;
		if (!topic_key_valid(items[i].key, len))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid topic key in binary topics"),
					 errdetail("A topic key consists of 1 to %d lower-case ASCII letters, digits and underscores.",
							   TOPIC_MAX_KEY)));
		w = pq_getmsgfloat4(buf);
		if (isnan(w) || w < 0 || w > 1)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
					 errmsg("invalid topic weight %.9g in binary topics", (double) w),
					 errdetail("A topic weight must be a number from 0 to 1.")));
		items[i].weight = topic_weight_from_float(w);
	}
	PG_RETURN_POINTER(make_topics(items, n));
}

/* Writes the binary form: count, then key length, key and float4 weight. */
Datum
topics_send(PG_FUNCTION_ARGS)
{
	Topics	   *ts = PG_GETARG_TOPICS_P(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint32(&buf, ts->ntopics);
	for (int i = 0; i < ts->ntopics; i++)
	{
		TopicEntry *e = &ts->entries[i];

		pq_sendint32(&buf, e->key_len);
		pq_sendbytes(&buf, TOPIC_KEY(ts, e), e->key_len);
		pq_sendfloat4(&buf, (float4) e->weight / (float4) TOPIC_WEIGHT_SCALE);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

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

/* True if every key of b is in a (merge over the sorted keys). */
static bool
contains(Topics *a, Topics *b)
{
	int			i = 0;

	for (int j = 0; j < b->ntopics; j++)
	{
		TopicEntry *eb = &b->entries[j];
		int			c = 1;

		while (i < a->ntopics)
		{
			TopicEntry *ea = &a->entries[i];

			c = topic_key_cmp(TOPIC_KEY(a, ea), ea->key_len, TOPIC_KEY(b, eb), eb->key_len);
			if (c >= 0)
				break;
			i++;
		}
		if (c != 0)
			return false;
	}
	return true;
}

/* topics @> topics */
Datum
topics_contains(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(contains(PG_GETARG_TOPICS_P(0), PG_GETARG_TOPICS_P(1)));
}

/* topics <@ topics */
Datum
topics_contained(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(contains(PG_GETARG_TOPICS_P(1), PG_GETARG_TOPICS_P(0)));
}

/* topics && topics: some key is in both. */
Datum
topics_overlap(PG_FUNCTION_ARGS)
{
	Topics	   *a = PG_GETARG_TOPICS_P(0);
	Topics	   *b = PG_GETARG_TOPICS_P(1);
	int			i = 0,
				j = 0;

	while (i < a->ntopics && j < b->ntopics)
	{
		TopicEntry *ea = &a->entries[i];
		TopicEntry *eb = &b->entries[j];
		int			c = topic_key_cmp(TOPIC_KEY(a, ea), ea->key_len,
									  TOPIC_KEY(b, eb), eb->key_len);

		if (c == 0)
			PG_RETURN_BOOL(true);
		if (c < 0)
			i++;
		else
			j++;
	}
	PG_RETURN_BOOL(false);
}

/* Equality: the same keys with the same weights. */
static bool
topics_equal(Topics *a, Topics *b)
{
	if (a->ntopics != b->ntopics)
		return false;
	for (int i = 0; i < a->ntopics; i++)
	{
		TopicEntry *ea = &a->entries[i];
		TopicEntry *eb = &b->entries[i];

		if (ea->weight != eb->weight ||
			topic_key_cmp(TOPIC_KEY(a, ea), ea->key_len, TOPIC_KEY(b, eb), eb->key_len) != 0)
			return false;
	}
	return true;
}

/* topics = topics */
Datum
topics_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(topics_equal(PG_GETARG_TOPICS_P(0), PG_GETARG_TOPICS_P(1)));
}

/* topics <> topics */
Datum
topics_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!topics_equal(PG_GETARG_TOPICS_P(0), PG_GETARG_TOPICS_P(1)));
}

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
		items[i].count = e->weight;
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

	dipg_analysis_begin(&ga, doc, DIP_DATE_NONE, DIP_WANT_TOPICS);
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
		items[n].key = key;
		items[n].len = strlen(key);
		/* the dictionary checks keys, but a value must never hold a bad one */
		if (!topic_key_valid(key, items[n].len))
			continue;
		/* a topic that is present never rounds to weight 0 */
		items[n].weight = Min(Max(topic_weight_from_float(w[t]), 1), TOPIC_WEIGHT_SCALE);
		n++;
	}
	ts = make_topics(items, n);
	dipg_analysis_end(&ga);
	pfree(w);
	pfree(items);
	return ts;
}

/* diplomat.topics(doc text) */
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
