/*-------------------------------------------------------------------------
 *
 * train.c
 *	  In-database topic classifiers: train_topics(), classify() and
 *	  classify_label().
 *
 * A topic model is a multinomial naive Bayes classifier (or a logistic
 * regression, below) over the unigrams
 * and bigrams of a document's normalised words, hashed into a fixed number
 * of buckets (the hashing trick), so that training needs memory for
 * labels x buckets counters whatever the size of the corpus or of its
 * vocabulary.  Training is one pass over the rows of a query read through
 * an SPI cursor; the counts are stored in diplomat.topic_models.
 *
 * Features.  Documents are segmented by the engine, exactly as tokens()
 * does: a word (hyphenated runs such as "Indo-Pacific" are one word) is
 * its normalised form, every number is the single token "0", punctuation,
 * symbols and clitics are dropped.  Bigrams join consecutive kept tokens
 * of the same sentence.  A token's hash is 64-bit FNV-1a over the bytes of
 * its normalised form; a unigram's bucket is mix(h) mod buckets, a bigram's
 * is mix(h1 * PHI + h2) mod buckets, where mix is the SplitMix64 finaliser.
 * Everything is defined on bytes and integers, so a model gives the same
 * answers on every platform and survives pg_dump.
 *
 * Scoring.  With n(w,c) the count of bucket w in label c, N(c) the total
 * of label c's counts, V the number of buckets seen in training and alpha
 * the smoothing constant,
 *		log P(w|c) = log((n(w,c) + alpha) / (N(c) + alpha V))
 *				   = log(alpha / (N(c) + alpha V)) + log1p(n(w,c) / alpha)
 * The first term is the same for all buckets, the second is zero where
 * n(w,c) = 0, so the decoded model only keeps the non-zero counts.
 * Buckets never seen in training are ignored, as unknown words are.
 *
 * Stored format (params bytea), all integers in network byte order:
 *		uint32 format (1), uint32 labels, uint32 buckets, uint32 used
 *		used times: uint32 bucket (increasing), uint16 n,
 *					n times: uint16 label (increasing), uint32 count (> 0)
 *
 * Held-out rows.  About one training row in ten (by a hash of its text) is
 * held out: its features go to a tuplestore instead of the counts.  After
 * the pass, alpha is chosen (unless given) and the probabilities are
 * calibrated on those rows, scored by the model of the other rows: the
 * calibrated score of label c is
 *		log P(c) + L(c) / (T * max(k, 1) ^ beta)
 * with L(c) the sum of the log P(w|c) of the document's k known feature
 * occurrences, and T and beta minimising the held-out log loss.  Then the
 * held-out rows are added to the counts.
 *
 * Logistic regression.  With method 'logistic regression', every row's
 * distinct buckets and counts are spooled once to a tuplesort ordered by
 * the hash of the text, and a softmax regression with an L2 penalty is
 * fitted by passes of stochastic gradient descent over the spool; a
 * document's features are log(1 + count) * idf, scaled to unit length.
 * The penalty is chosen and a temperature fitted on the held-out rows,
 * then the weights are fitted on every row.  Stored format 2 (same
 * integers; floats as the big-endian bits of IEEE singles):
 *		uint32 format (2), uint32 labels, uint32 buckets, uint32 used,
 *		labels times: float bias
 *		used times: uint32 bucket (increasing), float idf (> 0), uint16 n,
 *					n times: uint16 label (increasing), float weight
 *
 * Privileges.  Models have an owner and readers; row-level security on
 * diplomat.topic_models decides who reads or replaces them, and every
 * statement here runs as the caller, with schema-qualified operators.
 *
 * Decoded models are cached per backend, keyed by model name and checked
 * on every call against the xmin and ctid of the table row visible to the
 * caller's snapshot (as PL/pgSQL validates its function cache), so that a
 * retrained, rolled back or restored model is always seen as it is.
 *
 *-------------------------------------------------------------------------
 */
#include "diplomat.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_operator.h"
#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "port/pg_bswap.h"
#include "portability/instr_time.h"
#include "storage/itemptr.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/float.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/timestamp.h"
#include "utils/tuplesort.h"
#include "utils/tuplestore.h"

PG_FUNCTION_INFO_V1(dip_train_topics);
PG_FUNCTION_INFO_V1(dip_classify);
PG_FUNCTION_INFO_V1(dip_classify_label);

#define TOPIC_METHOD		"multinomial naive bayes"
#define TOPIC_FORMAT		1
#define TOPIC_METHOD_LR		"logistic regression"
#define TOPIC_FORMAT_LR		2
#define TOPIC_LR_EPOCHS		5	/* passes of SGD over the spooled rows */
#define TOPIC_LR_RATE		2.0 /* initial SGD step */
#define TOPIC_LR_LAMBDA		1e-5	/* L2 strength when it cannot be chosen */
#define TOPIC_LR_MIN_GRADIENT	1e-6	/* smaller label gradients are skipped */
#define TOPIC_LR_MIN_WEIGHT	1e-2	/* smaller weights are not stored */
#define TOPIC_LR_MIN_TEMPERATURE	0.1 /* bound of the sharpening */
#define TOPIC_SPOOL_KEY		12	/* sort key before a spooled HeldDoc */
#define TOPIC_MAX_LABELS	1000
#define TOPIC_MIN_BUCKETS	1024
#define TOPIC_DEFAULT_BUCKETS	262144
#define TOPIC_MAX_BUCKETS	(1 << 24)
#define TOPIC_MAX_COUNTERS	((Size) 1 << 30)	/* bytes of training counters */
#define TOPIC_FETCH			256 /* rows per cursor fetch */
#define TOPIC_PROGRESS		10000	/* rows between progress notices */
#define TOPIC_CACHE_SIZE	8	/* decoded models kept per backend ... */
#define TOPIC_CACHE_BYTES	((Size) 256 << 20)	/* ... and their memory */
#define TOPIC_HOLDOUT_MOD	10	/* one training row in ten is held out */
#define TOPIC_MIN_HOLDOUT	50	/* fewer held-out rows: no calibration */
#define TOPIC_CALIB_CELLS	((uint64) 1 << 20)	/* held-out rows x labels scored */
#define TOPIC_DEFAULT_ALPHA	1.0 /* alpha when it cannot be chosen */
#define TOPIC_MAX_EXPONENT	2.0 /* largest length exponent */

#define FNV_OFFSET			UINT64CONST(0xcbf29ce484222325)
#define FNV_PRIME			UINT64CONST(0x100000001b3)
#define HASH_PHI			UINT64CONST(0x9e3779b97f4a7c15)

/* ------------------------------------------------------------------------
 * Features
 * ------------------------------------------------------------------------
 */

/*
 * Receives the bucket of every feature occurrence of a document, as soon as
 * it is found, so that no per-document feature list is built.
 */
typedef void (*FeatureSink) (void *arg, uint32 bucket);

/* Continues a 64-bit FNV-1a hash over len bytes. */
static inline uint64
fnv1a(uint64 h, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
	{
		h ^= (unsigned char) s[i];
		h *= FNV_PRIME;
	}
	return h;
}

/* SplitMix64 finaliser: spreads every input bit over the low bits. */
static inline uint64
mix64(uint64 x)
{
	x ^= x >> 30;
	x *= UINT64CONST(0xbf58476d1ce4e5b9);
	x ^= x >> 27;
	x *= UINT64CONST(0x94d049bb133111eb);
	x ^= x >> 31;
	return x;
}

/*
 * Passes the buckets of a document's unigrams and bigrams to sink.  The
 * engine allocates from CurrentMemoryContext, one chunk of the document at
 * a time, so memory does not grow with the document.
 */
static void
topic_features(const char *text, size_t len, uint64 buckets,
			   FeatureSink sink, void *arg)
{
	static const char number_token[] = "0";
	DipMem		mem;
	DipDoc		d;

	dipg_mem_init(&mem, CurrentMemoryContext);
	dip_doc_init(&d, &mem, text, len);
	while (dip_doc_next_chunk(&d))
	{
		uint64		prev = 0;
		int			prev_sent = -1;
		uint32		i = 0;

		CHECK_FOR_INTERRUPTS();
		while (i < d.ntoks)
		{
			uint32		e = dip_display_token_end(&d, i);
			DipToken   *f = &d.toks[i];
			bool		word = false;
			uint64		h;

			for (uint32 k = i; k < e; k++)
				if (d.toks[k].type == DIP_TOK_WORD)
					word = true;
			if (word)
			{
				h = FNV_OFFSET;
				for (uint32 k = i; k < e; k++)
					h = fnv1a(h, d.toks[k].norm, d.toks[k].nlen);
			}
			else if (f->type == DIP_TOK_NUMBER)
				h = fnv1a(FNV_OFFSET, number_token, 1);
			else
			{
				/* punctuation, symbols and clitics carry no topic */
				i = e;
				continue;
			}
			sink(arg, (uint32) (mix64(h) % buckets));
			if (prev_sent == (int) f->sent)
				sink(arg, (uint32) (mix64(prev * HASH_PHI + h) % buckets));
			prev = h;
			prev_sent = f->sent;
			i = e;
		}
	}
	dip_doc_free(&d);
}

/* ------------------------------------------------------------------------
 * Training
 * ------------------------------------------------------------------------
 */

/* Counters of a model being trained, in their own memory context. */
typedef struct TopicTrain
{
	MemoryContext cxt;
	int32		buckets;
	int			nlabels;
	int			maxlabels;
	char	  **labels;
	int64	   *docs;			/* fitted documents per label */
	int64	   *heldDocs;		/* held-out documents per label */
	uint32	  **counts;			/* per label: buckets counters */
	int			last;			/* label found by the previous lookup */
	Tuplestorestate *held;		/* features of the held-out documents */
	TupleDesc	heldDesc;
	int64		heldRows;
	/* logistic regression only */
	bool		logistic;
	Tuplesortstate *spool;		/* every document, in hash order */
	uint32	   *df;				/* documents per bucket */
	int64		ndocs;			/* documents spooled */
	int64	   *tokens;			/* feature occurrences per label */
	float	   *weights;		/* bucket w, label c: [w * nlabels + c] */
	double	   *bias;			/* per label */
	float	   *idf;			/* per bucket, 0 where df is 0 */
} TopicTrain;

/*
 * A held-out document as stored in the tuplestore (one bytea column, in
 * native byte order: it never leaves the backend): its text hash, its label
 * and its distinct buckets with their counts, by increasing bucket.
 */
typedef struct HeldDoc
{
	uint64		hash;
	int32		label;
	uint32		n;
	uint32		pairs[FLEXIBLE_ARRAY_MEMBER];	/* bucket, count, ... */
} HeldDoc;

/* The buckets of one document, gathered for the held-out store. */
typedef struct BucketList
{
	uint32	   *pairs;			/* bucket, count, ... */
	uint32		n;				/* pairs used */
	uint32		max;			/* pairs allocated */
	uint32		sorted;			/* pairs already compacted */
} BucketList;

/* The result of fitting the calibration for one alpha. */
typedef struct TopicFit
{
	double		alpha;
	double		temperature;
	double		exponent;
	double		logLoss;		/* calibrated, on the held-out rows */
	double		accuracy;
	int64		rows;			/* held-out rows scored */
} TopicFit;

/* Training sink: counts a feature for one label, saturating. */
static void
topic_count(void *arg, uint32 bucket)
{
	uint32	   *counts = arg;

	if (counts[bucket] != PG_UINT32_MAX)
		counts[bucket]++;
}

/* qsort comparator: bucket/count pairs by bucket. */
static int
topic_pair_cmp(const void *a, const void *b)
{
	uint32		x = *(const uint32 *) a;
	uint32		y = *(const uint32 *) b;

	return x < y ? -1 : (x > y);
}

/* Sorts the pairs of a bucket list and merges those of the same bucket. */
static void
topic_bucket_compact(BucketList *bl)
{
	uint32		out = 0;

	qsort(bl->pairs, bl->n, 2 * sizeof(uint32), topic_pair_cmp);
	for (uint32 i = 0; i < bl->n; i++)
	{
		if (out > 0 && bl->pairs[2 * (out - 1)] == bl->pairs[2 * i])
		{
			uint64		sum = (uint64) bl->pairs[2 * (out - 1) + 1] + bl->pairs[2 * i + 1];

			bl->pairs[2 * (out - 1) + 1] = (uint32) Min(sum, PG_UINT32_MAX);
		}
		else
		{
			bl->pairs[2 * out] = bl->pairs[2 * i];
			bl->pairs[2 * out + 1] = bl->pairs[2 * i + 1];
			out++;
		}
	}
	bl->n = bl->sorted = out;
}

/*
 * Held-out sink: appends a feature to the document's bucket list, merging
 * repeated buckets whenever the list fills up, so that its memory is
 * bounded by twice the number of distinct buckets of the document.
 */
static void
topic_collect(void *arg, uint32 bucket)
{
	BucketList *bl = arg;

	if (bl->n == bl->max)
	{
		if (bl->max >= 4096)
			topic_bucket_compact(bl);
		if (bl->n > bl->max / 2)
		{
			bl->max *= 2;
			bl->pairs = repalloc_huge(bl->pairs, sizeof(uint32) * 2 * (Size) bl->max);
		}
	}
	bl->pairs[2 * bl->n] = bucket;
	bl->pairs[2 * bl->n + 1] = 1;
	bl->n++;
}

/* Returns the index of a label, adding it if it is new. */
static int
topic_label_index(TopicTrain *tt, const char *label)
{
	MemoryContext old;
	int			n = tt->nlabels;

	if (tt->last < n && strcmp(tt->labels[tt->last], label) == 0)
		return tt->last;
	for (int i = 0; i < n; i++)
		if (strcmp(tt->labels[i], label) == 0)
			return tt->last = i;

	if (n >= TOPIC_MAX_LABELS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("training query returned more than %d distinct labels",
						TOPIC_MAX_LABELS)));
	if ((Size) (n + 1) * tt->buckets * sizeof(uint32) > TOPIC_MAX_COUNTERS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("topic model with %d labels and %d buckets needs more than 1 GB of counters",
						n + 1, tt->buckets),
				 errhint("Train with fewer buckets.")));

	old = MemoryContextSwitchTo(tt->cxt);
	if (n == tt->maxlabels)
	{
		tt->maxlabels = tt->maxlabels ? tt->maxlabels * 2 : 8;
		tt->labels = tt->labels ? repalloc(tt->labels, sizeof(char *) * tt->maxlabels)
			: palloc(sizeof(char *) * tt->maxlabels);
		tt->docs = tt->docs ? repalloc(tt->docs, sizeof(int64) * tt->maxlabels)
			: palloc(sizeof(int64) * tt->maxlabels);
		tt->heldDocs = tt->heldDocs ? repalloc(tt->heldDocs, sizeof(int64) * tt->maxlabels)
			: palloc(sizeof(int64) * tt->maxlabels);
		tt->counts = tt->counts ? repalloc(tt->counts, sizeof(uint32 *) * tt->maxlabels)
			: palloc(sizeof(uint32 *) * tt->maxlabels);
		tt->tokens = tt->tokens ? repalloc(tt->tokens, sizeof(int64) * tt->maxlabels)
			: palloc(sizeof(int64) * tt->maxlabels);
	}
	tt->labels[n] = pstrdup(label);
	tt->docs[n] = 0;
	tt->heldDocs[n] = 0;
	tt->tokens[n] = 0;
	/* logistic regression allocates its weights once the labels are known */
	tt->counts[n] = NULL;
	if (!tt->logistic)
	{
		tt->counts[n] = MemoryContextAllocHuge(tt->cxt, sizeof(uint32) * tt->buckets);
		memset(tt->counts[n], 0, sizeof(uint32) * tt->buckets);
	}
	MemoryContextSwitchTo(old);
	tt->nlabels = n + 1;
	return tt->last = n;
}

/*
 * Logistic regression: keeps a document's distinct buckets and counts in
 * the spool, a tuplesort ordered by the hash of the text, so that the
 * gradient passes visit the rows in an order that depends neither on the
 * query's row order nor on the labels.  Each spooled value is a bytea of
 * the big-endian hash of the text and 32 bits of the hash of the label (the
 * sort key: equal texts with different labels are ordered by label, not by
 * the order in which the labels were first seen), then the HeldDoc,
 * aligned on 8 bytes.
 */
static void
topic_spool_doc(TopicTrain *tt, const char *s, size_t len, uint64 hash, int label)
{
	BucketList	bl;
	HeldDoc    *hd;
	bytea	   *datum;
	Size		size;
	uint64		key = pg_hton64(hash);
	uint32		labelKey = pg_hton32((uint32) mix64(fnv1a(FNV_OFFSET, tt->labels[label],
														  strlen(tt->labels[label]))));
	MemoryContext old;

	bl.max = 256;
	bl.n = bl.sorted = 0;
	bl.pairs = palloc(sizeof(uint32) * 2 * bl.max);
	topic_features(s, len, tt->buckets, topic_collect, &bl);
	topic_bucket_compact(&bl);

	size = TOPIC_SPOOL_KEY + offsetof(HeldDoc, pairs) + sizeof(uint32) * 2 * (Size) bl.n;
	datum = palloc_extended(VARHDRSZ + size, MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
	SET_VARSIZE(datum, VARHDRSZ + size);
	memcpy(VARDATA(datum), &key, sizeof(uint64));
	memcpy(VARDATA(datum) + sizeof(uint64), &labelKey, sizeof(uint32));
	hd = (HeldDoc *) (VARDATA(datum) + TOPIC_SPOOL_KEY);
	hd->hash = hash;
	hd->label = label;
	hd->n = bl.n;
	memcpy(hd->pairs, bl.pairs, sizeof(uint32) * 2 * (Size) bl.n);
	for (uint32 i = 0; i < bl.n; i++)
	{
		tt->df[bl.pairs[2 * i]]++;
		tt->tokens[label] += bl.pairs[2 * i + 1];
	}
	tt->ndocs++;
	if (hash % TOPIC_HOLDOUT_MOD == 0)
	{
		tt->heldDocs[label]++;
		tt->heldRows++;
	}
	else
		tt->docs[label]++;
	old = MemoryContextSwitchTo(tt->cxt);
	tuplesort_putdatum(tt->spool, PointerGetDatum(datum), false);
	MemoryContextSwitchTo(old);
}

/*
 * Reads one training document: about one in TOPIC_HOLDOUT_MOD, chosen by a
 * hash of its text (so the choice depends neither on the row order nor on
 * the label), is kept aside in the held-out store; the others are counted.
 */
static void
topic_train_doc(TopicTrain *tt, text *doc, int label)
{
	const char *s = VARDATA_ANY(doc);
	size_t		len = VARSIZE_ANY_EXHDR(doc);
	uint64		hash = mix64(fnv1a(FNV_OFFSET, s, len));
	BucketList	bl;
	HeldDoc    *hd;
	bytea	   *datum;
	Size		size;
	Datum		value;
	bool		isnull = false;
	MemoryContext old;

	if (tt->logistic)
	{
		topic_spool_doc(tt, s, len, hash, label);
		return;
	}
	if (hash % TOPIC_HOLDOUT_MOD != 0)
	{
		topic_features(s, len, tt->buckets, topic_count, tt->counts[label]);
		tt->docs[label]++;
		return;
	}

	bl.max = 256;
	bl.n = bl.sorted = 0;
	bl.pairs = palloc(sizeof(uint32) * 2 * bl.max);
	topic_features(s, len, tt->buckets, topic_collect, &bl);
	topic_bucket_compact(&bl);

	size = offsetof(HeldDoc, pairs) + sizeof(uint32) * 2 * (Size) bl.n;
	datum = palloc_extended(VARHDRSZ + size, MCXT_ALLOC_HUGE);
	SET_VARSIZE(datum, VARHDRSZ + size);
	hd = (HeldDoc *) VARDATA(datum);
	hd->hash = hash;
	hd->label = label;
	hd->n = bl.n;
	memcpy(hd->pairs, bl.pairs, sizeof(uint32) * 2 * (Size) bl.n);
	value = PointerGetDatum(datum);
	old = MemoryContextSwitchTo(tt->cxt);
	tuplestore_putvalues(tt->held, tt->heldDesc, &value, &isnull);
	MemoryContextSwitchTo(old);
	tt->heldDocs[label]++;
	tt->heldRows++;
}

/* Calls fn for every document of the held-out store, in stored order. */
static void
topic_held_scan(TopicTrain *tt, void (*fn) (TopicTrain *tt, const HeldDoc *hd, void *arg),
				void *arg)
{
	TupleTableSlot *slot = MakeSingleTupleTableSlot(tt->heldDesc, &TTSOpsMinimalTuple);

	tuplestore_rescan(tt->held);
	while (tuplestore_gettupleslot(tt->held, true, false, slot))
	{
		bool		isnull;
		bytea	   *b = DatumGetByteaP(slot_getattr(slot, 1, &isnull));

		CHECK_FOR_INTERRUPTS();
		fn(tt, (const HeldDoc *) VARDATA(b), arg);
		ExecClearTuple(slot);
	}
	ExecDropSingleTupleTableSlot(slot);
}

/* Held-out log-likelihoods of every label under the fitted counts. */
typedef struct HeldScores
{
	int			nlabels;
	int			rows;			/* documents scored */
	int			maxrows;
	uint64		stride;			/* score documents whose hash / mod % stride == 0 */
	double		alpha;
	double	   *logDenom;		/* log(N(c) + alpha V) per label */
	double	   *prior;			/* log P(c), -inf for labels without fitted docs */
	double	   *like;			/* rows x nlabels, without the prior */
	double	   *known;			/* known feature occurrences per row */
	int		   *label;
} HeldScores;

/* Scores one held-out document under the fitted counts, if sampled. */
static void
topic_held_score(TopicTrain *tt, const HeldDoc *hd, void *arg)
{
	HeldScores *hs = arg;
	double	   *like;
	double		known = 0;

	if ((hd->hash / TOPIC_HOLDOUT_MOD) % hs->stride != 0 ||
		isinf(hs->prior[hd->label]) || hs->rows >= hs->maxrows)
		return;
	like = hs->like + (Size) hs->rows * hs->nlabels;
	for (int c = 0; c < hs->nlabels; c++)
		like[c] = 0;
	for (uint32 i = 0; i < hd->n; i++)
	{
		uint32		w = hd->pairs[2 * i];
		double		cnt = hd->pairs[2 * i + 1];
		bool		seen = false;

		for (int c = 0; c < hs->nlabels && !seen; c++)
			seen = tt->counts[c][w] != 0;
		if (!seen)
			continue;			/* unknown to the fitted model */
		known += cnt;
		for (int c = 0; c < hs->nlabels; c++)
			like[c] += cnt * (log((double) tt->counts[c][w] + hs->alpha) - hs->logDenom[c]);
	}
	hs->known[hs->rows] = known;
	hs->label[hs->rows] = hd->label;
	hs->rows++;
}

/*
 * Log loss of the held-out rows with the log-likelihoods divided by
 * max(k, 1)^exponent and multiplied by u, and its first two derivatives
 * in u (the loss is convex in u).
 */
static double
topic_calib_loss(const HeldScores *hs, double exponent, double u,
				 double *d1, double *d2, int64 *correct)
{
	int			n = hs->nlabels;
	double	   *z = palloc(sizeof(double) * n);
	double	   *q = palloc(sizeof(double) * n);
	double		loss = 0;
	double		g = 0;
	double		h = 0;
	int64		ok = 0;

	for (int r = 0; r < hs->rows; r++)
	{
		const double *like = hs->like + (Size) r * n;
		double		scale = pow(Max(hs->known[r], 1.0), -exponent);
		double		max = -INFINITY;
		double		sum = 0;
		double		ez = 0;
		double		ez2 = 0;
		int			best = -1;
		int			y = hs->label[r];

		for (int c = 0; c < n; c++)
		{
			z[c] = like[c] * scale;
			q[c] = hs->prior[c] + u * z[c];
			if (q[c] > max)
			{
				max = q[c];
				best = c;
			}
		}
		for (int c = 0; c < n; c++)
		{
			q[c] = isinf(hs->prior[c]) ? 0 : exp(q[c] - max);
			sum += q[c];
		}
		for (int c = 0; c < n; c++)
		{
			q[c] /= sum;
			ez += q[c] * z[c];
			ez2 += q[c] * z[c] * z[c];
		}
		loss += max + log(sum) - (hs->prior[y] + u * z[y]);
		g += ez - z[y];
		h += Max(ez2 - ez * ez, 0);
		ok += (best == y);
	}
	pfree(z);
	pfree(q);
	if (d1)
		*d1 = g / hs->rows;
	if (d2)
		*d2 = h / hs->rows;
	if (correct)
		*correct = ok;
	return loss / hs->rows;
}

/*
 * Finds the multiplier u minimising the held-out log loss for a given
 * exponent, by Newton's method safeguarded by bisection, and returns the
 * loss; u is returned in *best.
 */
static double
topic_calib_scale(const HeldScores *hs, double exponent, double *best)
{
	double		lo = 1e-6;
	double		hi = 1e6;
	double		u = 1.0;

	for (int it = 0; it < 60; it++)
	{
		double		d1;
		double		d2;
		double		next;

		CHECK_FOR_INTERRUPTS();
		(void) topic_calib_loss(hs, exponent, u, &d1, &d2, NULL);
		if (d1 > 0)
			hi = u;
		else
			lo = u;
		next = d2 > 0 ? u - d1 / d2 : -1;
		if (!(next > lo && next < hi))
			next = sqrt(lo * hi);
		if (fabs(next - u) <= 1e-9 * u || hi / lo < 1 + 1e-12)
		{
			u = next;
			break;
		}
		u = next;
	}
	*best = u;
	return topic_calib_loss(hs, exponent, u, NULL, NULL, NULL);
}

/*
 * Fits the calibration for one alpha on the held-out documents: scores
 * them with the fitted counts, then finds the length exponent in [0, 2]
 * (golden-section search) and the temperature (Newton) that minimise their
 * log loss.
 */
static void
topic_calibrate(TopicTrain *tt, double alpha, uint64 stride, TopicFit *fit)
{
	static const double phi = 0.6180339887498949;
	HeldScores	hs;
	int64		fitted = 0;
	int64		used = 0;
	double		a = 0;
	double		b = TOPIC_MAX_EXPONENT;
	double		x1;
	double		x2;
	double		f1;
	double		f2;
	double		u;
	int64		correct;

	memset(&hs, 0, sizeof(hs));
	hs.nlabels = tt->nlabels;
	hs.alpha = alpha;
	hs.stride = stride;
	hs.maxrows = (int) Min(tt->heldRows, (int64) (TOPIC_CALIB_CELLS / tt->nlabels) + 1);
	hs.logDenom = palloc(sizeof(double) * tt->nlabels);
	hs.prior = palloc(sizeof(double) * tt->nlabels);
	hs.like = palloc_extended(sizeof(double) * (Size) hs.maxrows * tt->nlabels, MCXT_ALLOC_HUGE);
	hs.known = palloc(sizeof(double) * hs.maxrows);
	hs.label = palloc(sizeof(int) * hs.maxrows);
	for (int32 w = 0; w < tt->buckets; w++)
		for (int c = 0; c < tt->nlabels; c++)
			if (tt->counts[c][w] != 0)
			{
				used++;
				break;
			}
	for (int c = 0; c < tt->nlabels; c++)
		fitted += tt->docs[c];
	for (int c = 0; c < tt->nlabels; c++)
	{
		uint64		total = 0;

		for (int32 w = 0; w < tt->buckets; w++)
			total += tt->counts[c][w];
		hs.logDenom[c] = log((double) total + alpha * (double) used);
		hs.prior[c] = tt->docs[c] > 0 ? log((double) tt->docs[c] / (double) fitted) : -INFINITY;
	}
	topic_held_scan(tt, topic_held_score, &hs);

	fit->alpha = alpha;
	fit->rows = hs.rows;
	if (hs.rows == 0)
	{
		fit->logLoss = INFINITY;
		return;
	}

	/* golden-section search for the exponent, the scale fitted for each */
	x1 = b - phi * (b - a);
	x2 = a + phi * (b - a);
	f1 = topic_calib_scale(&hs, x1, &u);
	f2 = topic_calib_scale(&hs, x2, &u);
	while (b - a > 0.01)
	{
		if (f1 <= f2)
		{
			b = x2;
			x2 = x1;
			f2 = f1;
			x1 = b - phi * (b - a);
			f1 = topic_calib_scale(&hs, x1, &u);
		}
		else
		{
			a = x1;
			x1 = x2;
			f1 = f2;
			x2 = a + phi * (b - a);
			f2 = topic_calib_scale(&hs, x2, &u);
		}
	}
	fit->exponent = (a + b) / 2;
	fit->logLoss = topic_calib_scale(&hs, fit->exponent, &u);
	fit->temperature = 1.0 / u;
	(void) topic_calib_loss(&hs, fit->exponent, u, NULL, NULL, &correct);
	fit->accuracy = (double) correct / hs.rows;
}

/* Adds a held-out document to the counts, once calibration is done. */
static void
topic_held_add(TopicTrain *tt, const HeldDoc *hd, void *arg)
{
	uint32	   *counts = tt->counts[hd->label];

	for (uint32 i = 0; i < hd->n; i++)
	{
		uint32		w = hd->pairs[2 * i];
		uint64		sum = (uint64) counts[w] + hd->pairs[2 * i + 1];

		counts[w] = (uint32) Min(sum, PG_UINT32_MAX);
	}
}

/*
 * Chooses alpha (the one given, or the best of a grid by held-out log
 * loss) and fits the calibration on the held-out documents, then adds them
 * to the model.  Without enough held-out documents, or with fewer than two
 * labels among the others, the model is left uncalibrated.
 */
static void
topic_finish(TopicTrain *tt, double alpha, TopicFit *best)
{
	static const double alphas[] = {0.01, 0.03, 0.1, 0.3, 1.0};
	int			fittedLabels = 0;
	uint64		stride = 1;

	memset(best, 0, sizeof(*best));
	best->alpha = isnan(alpha) ? TOPIC_DEFAULT_ALPHA : alpha;
	best->temperature = 1;
	best->exponent = 0;
	for (int c = 0; c < tt->nlabels; c++)
		fittedLabels += (tt->docs[c] > 0);

	if (tt->heldRows >= TOPIC_MIN_HOLDOUT && fittedLabels >= 2)
	{
		/* bound the scored rows x labels; sample by hash, not by order */
		while ((uint64) tt->heldRows * tt->nlabels / stride > TOPIC_CALIB_CELLS)
			stride *= 2;
		best->logLoss = INFINITY;
		for (int i = 0; i < lengthof(alphas); i++)
		{
			TopicFit	fit;

			if (!isnan(alpha) && i > 0)
				break;
			memset(&fit, 0, sizeof(fit));
			topic_calibrate(tt, isnan(alpha) ? alphas[i] : alpha, stride, &fit);
			if (fit.rows >= TOPIC_MIN_HOLDOUT / 2 && fit.logLoss < best->logLoss)
				*best = fit;
		}
		if (isinf(best->logLoss))
		{
			/* too few scorable held-out rows: uncalibrated */
			best->alpha = isnan(alpha) ? TOPIC_DEFAULT_ALPHA : alpha;
			best->temperature = 1;
			best->exponent = 0;
			best->rows = 0;
		}
	}

	/* the held-out documents are training documents too */
	if (tt->heldRows > 0)
		topic_held_scan(tt, topic_held_add, NULL);
	for (int c = 0; c < tt->nlabels; c++)
		tt->docs[c] += tt->heldDocs[c];
}

/* ------------------------------------------------------------------------
 * Logistic regression
 * ------------------------------------------------------------------------
 */

/*
 * Inverse document frequency of a bucket found in df of ndocs documents,
 * smoothed so that it is positive (a bucket in every document keeps 1).
 */
static inline double
topic_idf(int64 ndocs, uint32 df)
{
	return log((double) (ndocs + 1) / ((double) df + 1)) + 1.0;
}

/*
 * Fills x with the feature values of a document: log(1 + count) times the
 * inverse document frequency of the bucket (0 for a bucket unknown to the
 * model), scaled to unit Euclidean length.  Scaling makes a headline and a
 * long article comparable, as naive Bayes' calibration exponent does.
 */
static void
topic_lr_vector(const float *idf, const HeldDoc *hd, double *x)
{
	double		norm = 0;

	for (uint32 i = 0; i < hd->n; i++)
	{
		float		f = idf[hd->pairs[2 * i]];

		x[i] = f > 0 ? log1p((double) hd->pairs[2 * i + 1]) * f : 0;
		norm += x[i] * x[i];
	}
	if (norm > 0)
	{
		norm = 1.0 / sqrt(norm);
		for (uint32 i = 0; i < hd->n; i++)
			x[i] *= norm;
	}
}

/* Scores z (one per label) of a document: bias plus scale times x . w. */
static void
topic_lr_logits(TopicTrain *tt, const HeldDoc *hd, const double *x, double scale,
				double *z)
{
	int			n = tt->nlabels;

	for (int c = 0; c < n; c++)
		z[c] = 0;
	for (uint32 i = 0; i < hd->n; i++)
	{
		const float *w = tt->weights + (Size) hd->pairs[2 * i] * n;

		for (int c = 0; c < n; c++)
			z[c] += x[i] * w[c];
	}
	for (int c = 0; c < n; c++)
		z[c] = tt->bias[c] + scale * z[c];
}

/* Replaces z by the softmax of z. */
static void
topic_softmax(double *z, int n)
{
	double		max = -INFINITY;
	double		sum = 0;

	for (int c = 0; c < n; c++)
		max = Max(max, z[c]);
	for (int c = 0; c < n; c++)
	{
		z[c] = exp(z[c] - max);
		sum += z[c];
	}
	for (int c = 0; c < n; c++)
		z[c] /= sum;
}

/*
 * Reads the next spooled document into *hd (a copy in rowcxt), or returns
 * false at the end of the spool.
 */
static bool
topic_spool_next(TopicTrain *tt, MemoryContext rowcxt, const HeldDoc **hd)
{
	MemoryContext old = MemoryContextSwitchTo(rowcxt);
	Datum		d;
	bool		isnull;
	bool		more = tuplesort_getdatum(tt->spool, true, &d, &isnull, NULL);

	MemoryContextSwitchTo(old);
	if (more)
		*hd = (const HeldDoc *) (VARDATA(DatumGetPointer(d)) + TOPIC_SPOOL_KEY);
	return more;
}

/*
 * Fits multinomial logistic regression (softmax, L2 penalty lambda) by
 * TOPIC_LR_EPOCHS passes of stochastic gradient descent over the spooled
 * documents in hash order, every document or only those not held out.
 * The step is TOPIC_LR_RATE / (1 + TOPIC_LR_RATE lambda t) at step t; the
 * penalty shrinks a common scale factor instead of every weight (Bottou's
 * trick), so a step costs the document's features times the labels.
 */
static void
topic_lr_fit(TopicTrain *tt, double lambda, bool all)
{
	int			n = tt->nlabels;
	double	   *z = palloc(sizeof(double) * n);
	double	   *g = palloc(sizeof(double) * n);
	int		   *active = palloc(sizeof(int) * n);
	int			nactive;
	double		scale = 1.0;
	int64		t = 0;
	MemoryContext rowcxt = AllocSetContextCreate(CurrentMemoryContext,
												 "diplomat topic regression row",
												 ALLOCSET_DEFAULT_SIZES);

	memset(tt->weights, 0, sizeof(float) * (Size) tt->buckets * n);
	for (int c = 0; c < n; c++)
		tt->bias[c] = 0;
	for (int epoch = 0; epoch < TOPIC_LR_EPOCHS; epoch++)
	{
		const HeldDoc *hd;

		tuplesort_rescan(tt->spool);
		while (topic_spool_next(tt, rowcxt, &hd))
		{
			double	   *x;
			double		rate;

			CHECK_FOR_INTERRUPTS();
			if (!all && hd->hash % TOPIC_HOLDOUT_MOD == 0)
			{
				MemoryContextReset(rowcxt);
				continue;
			}
			x = MemoryContextAlloc(rowcxt, sizeof(double) * Max(hd->n, 1));
			topic_lr_vector(tt->idf, hd, x);
			t++;
			rate = TOPIC_LR_RATE / (1.0 + TOPIC_LR_RATE * lambda * (double) t);
			topic_lr_logits(tt, hd, x, scale, z);
			topic_softmax(z, n);
			z[hd->label] -= 1.0;	/* the gradient of the log loss */
			scale *= 1.0 - rate * lambda;
			nactive = 0;
			for (int c = 0; c < n; c++)
			{
				tt->bias[c] -= rate * z[c];
				/* a label given almost no probability would hardly move */
				if (fabs(z[c]) >= TOPIC_LR_MIN_GRADIENT)
				{
					active[nactive] = c;
					g[nactive++] = rate * z[c] / scale;
				}
			}
			for (uint32 i = 0; i < hd->n; i++)
			{
				float	   *w = tt->weights + (Size) hd->pairs[2 * i] * n;

				for (int a = 0; a < nactive; a++)
					w[active[a]] -= (float) (g[a] * x[i]);
			}
			if (scale < 1e-6)
			{
				/* fold the scale into the weights before they grow too big */
				for (Size k = 0; k < (Size) tt->buckets * n; k++)
					tt->weights[k] *= (float) scale;
				scale = 1.0;
			}
			MemoryContextReset(rowcxt);
		}
	}
	for (Size k = 0; k < (Size) tt->buckets * n; k++)
	{
		tt->weights[k] *= (float) scale;
		/* weights too small to change a probability are not stored */
		if (fabsf(tt->weights[k]) < TOPIC_LR_MIN_WEIGHT)
			tt->weights[k] = 0;
	}
	MemoryContextDelete(rowcxt);
	pfree(z);
	pfree(g);
	pfree(active);
}

/*
 * Fits the temperature of a regression fitted without the held-out
 * documents on them (Platt-style scaling with one parameter: the scores
 * are divided by T before the softmax) and measures its log loss and
 * accuracy there.
 */
static void
topic_lr_calibrate(TopicTrain *tt, double lambda, uint64 stride, TopicFit *fit)
{
	HeldScores	hs;
	const HeldDoc *hd;
	double		u;
	int64		correct;
	MemoryContext rowcxt = AllocSetContextCreate(CurrentMemoryContext,
												 "diplomat topic regression row",
												 ALLOCSET_DEFAULT_SIZES);

	memset(&hs, 0, sizeof(hs));
	hs.nlabels = tt->nlabels;
	hs.maxrows = (int) Min(tt->heldRows, (int64) (TOPIC_CALIB_CELLS / tt->nlabels) + 1);
	hs.prior = palloc0(sizeof(double) * tt->nlabels);
	hs.like = palloc_extended(sizeof(double) * (Size) hs.maxrows * tt->nlabels, MCXT_ALLOC_HUGE);
	hs.known = palloc(sizeof(double) * hs.maxrows);
	hs.label = palloc(sizeof(int) * hs.maxrows);

	tuplesort_rescan(tt->spool);
	while (topic_spool_next(tt, rowcxt, &hd))
	{
		CHECK_FOR_INTERRUPTS();
		if (hd->hash % TOPIC_HOLDOUT_MOD == 0 &&
			(hd->hash / TOPIC_HOLDOUT_MOD) % stride == 0 &&
			tt->docs[hd->label] > 0 && hs.rows < hs.maxrows)
		{
			double	   *x = MemoryContextAlloc(rowcxt, sizeof(double) * Max(hd->n, 1));

			topic_lr_vector(tt->idf, hd, x);
			topic_lr_logits(tt, hd, x, 1.0, hs.like + (Size) hs.rows * hs.nlabels);
			hs.known[hs.rows] = 1;
			hs.label[hs.rows] = hd->label;
			hs.rows++;
		}
		MemoryContextReset(rowcxt);
	}
	MemoryContextDelete(rowcxt);

	fit->alpha = lambda;
	fit->rows = hs.rows;
	fit->exponent = 0;
	if (hs.rows == 0)
	{
		fit->logLoss = INFINITY;
		return;
	}
	(void) topic_calib_scale(&hs, 0, &u);

	/*
	 * Rows the model separates perfectly (near-duplicates of training rows)
	 * would sharpen the probabilities without bound; the loss is convex in
	 * u, so the bounded optimum is the bound.
	 */
	u = Min(u, 1.0 / TOPIC_LR_MIN_TEMPERATURE);
	fit->logLoss = topic_calib_loss(&hs, 0, u, NULL, NULL, NULL);
	fit->temperature = 1.0 / u;
	(void) topic_calib_loss(&hs, 0, u, NULL, NULL, &correct);
	fit->accuracy = (double) correct / hs.rows;
}

/*
 * Trains the regression once the spool is complete: chooses lambda (the
 * one given, or the best of a grid by calibrated held-out log loss) with
 * models fitted without the held-out documents, fits the temperature on
 * them, then fits the stored model on every document.  Without enough
 * held-out documents the model is left uncalibrated (T = 1).
 */
static void
topic_lr_finish(TopicTrain *tt, double lambda, TopicFit *best)
{
	static const double lambdas[] = {1e-6, 1e-5, 1e-4};
	int			fittedLabels = 0;
	uint64		stride = 1;
	MemoryContext old = MemoryContextSwitchTo(tt->cxt);

	tt->weights = MemoryContextAllocHuge(tt->cxt, sizeof(float) * (Size) tt->buckets * tt->nlabels);
	tt->bias = palloc(sizeof(double) * tt->nlabels);
	tt->idf = MemoryContextAllocHuge(tt->cxt, sizeof(float) * tt->buckets);
	for (int32 w = 0; w < tt->buckets; w++)
		tt->idf[w] = tt->df[w] > 0 ? (float) topic_idf(tt->ndocs, tt->df[w]) : 0;
	MemoryContextSwitchTo(old);
	tuplesort_performsort(tt->spool);

	memset(best, 0, sizeof(*best));
	best->alpha = isnan(lambda) ? TOPIC_LR_LAMBDA : lambda;
	best->temperature = 1;
	best->exponent = 0;
	for (int c = 0; c < tt->nlabels; c++)
		fittedLabels += (tt->docs[c] > 0);

	if (tt->heldRows >= TOPIC_MIN_HOLDOUT && fittedLabels >= 2)
	{
		while ((uint64) tt->heldRows * tt->nlabels / stride > TOPIC_CALIB_CELLS)
			stride *= 2;
		best->logLoss = INFINITY;
		for (int i = 0; i < lengthof(lambdas); i++)
		{
			TopicFit	fit;

			if (!isnan(lambda) && i > 0)
				break;
			memset(&fit, 0, sizeof(fit));
			topic_lr_fit(tt, isnan(lambda) ? lambdas[i] : lambda, false);
			topic_lr_calibrate(tt, isnan(lambda) ? lambdas[i] : lambda, stride, &fit);
			if (fit.rows >= TOPIC_MIN_HOLDOUT / 2 && fit.logLoss < best->logLoss)
				*best = fit;
		}
		if (isinf(best->logLoss))
		{
			best->alpha = isnan(lambda) ? TOPIC_LR_LAMBDA : lambda;
			best->temperature = 1;
			best->rows = 0;
		}
	}

	/* the stored weights are fitted on every document */
	topic_lr_fit(tt, best->alpha, true);
	for (int c = 0; c < tt->nlabels; c++)
		tt->docs[c] += tt->heldDocs[c];
}

/* qsort_arg comparator: label indexes in byte order of the labels. */
static int
topic_label_cmp(const void *a, const void *b, void *arg)
{
	char	  **labels = (char **) arg;

	return strcmp(labels[*(const int *) a], labels[*(const int *) b]);
}

/*
 * Serialises the counters in the stored format, with labels renumbered in
 * the order given by perm, and sums each label's counts into tokens.
 */
static bytea *
topic_serialize(TopicTrain *tt, const int *perm, int64 *tokens)
{
	StringInfoData buf;
	uint32		used = 0;
	Size		cells = 0;
	Size		size;

	for (int32 w = 0; w < tt->buckets; w++)
	{
		bool		any = false;

		for (int c = 0; c < tt->nlabels; c++)
			if (tt->counts[c][w] != 0)
			{
				any = true;
				cells++;
			}
		used += any;
	}
	size = 16 + (Size) used * 6 + cells * 6;
	if (size > MaxAllocSize - VARHDRSZ - 1)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("topic model too large to store"),
				 errdetail("The model has %zu non-zero counts.", cells),
				 errhint("Train with fewer buckets.")));

	memset(tokens, 0, sizeof(int64) * tt->nlabels);
	initStringInfo(&buf);
	enlargeStringInfo(&buf, (int) size + VARHDRSZ);
	appendStringInfoSpaces(&buf, VARHDRSZ);
	pq_sendint32(&buf, TOPIC_FORMAT);
	pq_sendint32(&buf, (uint32) tt->nlabels);
	pq_sendint32(&buf, (uint32) tt->buckets);
	pq_sendint32(&buf, used);
	for (int32 w = 0; w < tt->buckets; w++)
	{
		uint16		n = 0;

		for (int c = 0; c < tt->nlabels; c++)
			n += (tt->counts[c][w] != 0);
		if (n == 0)
			continue;
		pq_sendint32(&buf, (uint32) w);
		pq_sendint16(&buf, n);
		for (int c = 0; c < tt->nlabels; c++)
		{
			uint32		count = tt->counts[perm[c]][w];

			if (count == 0)
				continue;
			pq_sendint16(&buf, (uint16) c);
			pq_sendint32(&buf, count);
			tokens[c] += count;
		}
	}
	SET_VARSIZE(buf.data, buf.len);
	return (bytea *) buf.data;
}

/* Appends a float in network byte order, as the bits of an IEEE single. */
static void
topic_send_float(StringInfo buf, float f)
{
	uint32		u;

	memcpy(&u, &f, sizeof(u));
	pq_sendint32(buf, u);
}

/*
 * Serialises a fitted regression in stored format 2, with labels
 * renumbered in the order given by perm, and copies each label's feature
 * occurrences into tokens.
 */
static bytea *
topic_lr_serialize(TopicTrain *tt, const int *perm, int64 *tokens)
{
	StringInfoData buf;
	uint32		used = 0;
	Size		cells = 0;
	Size		size;

	for (int32 w = 0; w < tt->buckets; w++)
	{
		if (tt->df[w] == 0)
			continue;
		used++;
		for (int c = 0; c < tt->nlabels; c++)
			cells += (tt->weights[(Size) w * tt->nlabels + c] != 0);
	}
	size = 16 + (Size) tt->nlabels * 4 + (Size) used * 10 + cells * 6;
	if (size > MaxAllocSize - VARHDRSZ - 1)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("topic model too large to store"),
				 errdetail("The model has %zu non-zero weights.", cells),
				 errhint("Train with fewer buckets.")));

	initStringInfo(&buf);
	enlargeStringInfo(&buf, (int) size + VARHDRSZ);
	appendStringInfoSpaces(&buf, VARHDRSZ);
	pq_sendint32(&buf, TOPIC_FORMAT_LR);
	pq_sendint32(&buf, (uint32) tt->nlabels);
	pq_sendint32(&buf, (uint32) tt->buckets);
	pq_sendint32(&buf, used);
	for (int c = 0; c < tt->nlabels; c++)
	{
		topic_send_float(&buf, (float) tt->bias[perm[c]]);
		tokens[c] = tt->tokens[perm[c]];
	}
	for (int32 w = 0; w < tt->buckets; w++)
	{
		uint16		n = 0;

		if (tt->df[w] == 0)
			continue;
		for (int c = 0; c < tt->nlabels; c++)
			n += (tt->weights[(Size) w * tt->nlabels + c] != 0);
		pq_sendint32(&buf, (uint32) w);
		topic_send_float(&buf, tt->idf[w]);
		pq_sendint16(&buf, n);
		for (int c = 0; c < tt->nlabels; c++)
		{
			float		weight = tt->weights[(Size) w * tt->nlabels + perm[c]];

			if (weight == 0)
				continue;
			pq_sendint16(&buf, (uint16) c);
			topic_send_float(&buf, weight);
		}
	}
	SET_VARSIZE(buf.data, buf.len);
	return (bytea *) buf.data;
}

/* Raises an error if a training argument is NULL. */
static void
topic_check_not_null(FunctionCallInfo fcinfo, int arg, const char *what)
{
	if (PG_ARGISNULL(arg))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s must not be null", what)));
}

/* Elapsed seconds since start. */
static double
topic_elapsed(instr_time start)
{
	instr_time	now;

	INSTR_TIME_SET_CURRENT(now);
	INSTR_TIME_SUBTRACT(now, start);
	return INSTR_TIME_GET_DOUBLE(now);
}

/* Defined with the cache of decoded models, below. */
static void topic_cache_forget(const char *name);

/*
 * True if diplomat.topic_models has the calibration and ownership columns
 * of version 0.2.  A database still at 0.1 (new library installed, ALTER
 * EXTENSION diplomat UPDATE not run yet) has the 0.1 table: models are then
 * stored and read without them, uncalibrated, as 0.1 did.
 */
static bool
topic_models_calibrated(void)
{
	Oid			nsp = get_namespace_oid("diplomat", true);
	Oid			rel = OidIsValid(nsp) ? get_relname_relid("topic_models", nsp) : InvalidOid;

	return OidIsValid(rel) && get_attnum(rel, "temperature") != InvalidAttrNumber;
}


/*
 * Stores a trained model in diplomat.topic_models and returns the training
 * time, which it stores too.  A model of the same name that the caller may
 * replace (row-level security decides) is updated in place, keeping its
 * owner and readers; otherwise a new row owned by the current user is
 * inserted, which fails with a unique violation if the name belongs to a
 * model the caller may not replace.  Runs inside the caller's SPI
 * connection; every operator is schema-qualified.
 */
static double
topic_store(TopicTrain *tt, Name model, text *query, const TopicFit *fit,
			int64 rows, int64 skipped, instr_time start)
{
	static const char update_sql[] =
		"UPDATE diplomat.topic_models SET method = $2, labels = $3, "
		"label_docs = $4, label_tokens = $5, buckets = $6, alpha = $7, "
		"trained_rows = $8, skipped_rows = $9, trained_at = $10, "
		"train_seconds = $11, query = $12, params = $13, temperature = $14, "
		"length_exponent = $15, holdout_rows = $16, holdout_accuracy = $17, "
		"holdout_log_loss = $18 "
		"WHERE model OPERATOR(pg_catalog.=) $1";
	static const char insert_sql[] =
		"INSERT INTO diplomat.topic_models (model, method, labels, label_docs, "
		"label_tokens, buckets, alpha, trained_rows, skipped_rows, trained_at, "
		"train_seconds, query, params, temperature, length_exponent, "
		"holdout_rows, holdout_accuracy, holdout_log_loss, owner) "
		"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, "
		"$15, $16, $17, $18, $19)";
	static const Oid types[19] = {
		NAMEOID, TEXTOID, TEXTARRAYOID, INT8ARRAYOID, INT8ARRAYOID, INT4OID,
		FLOAT8OID, INT8OID, INT8OID, TIMESTAMPTZOID, FLOAT8OID, TEXTOID,
		BYTEAOID, FLOAT8OID, FLOAT8OID, INT8OID, FLOAT8OID, FLOAT8OID,
		REGROLEOID
	};
	Datum		values[19];
	char		nulls[19];
	int			n = tt->nlabels;
	int		   *perm = palloc(sizeof(int) * n);
	Datum	   *labels = palloc(sizeof(Datum) * n);
	Datum	   *docs = palloc(sizeof(Datum) * n);
	Datum	   *tokdatums = palloc(sizeof(Datum) * n);
	int64	   *tokens = palloc(sizeof(int64) * n);
	bytea	   *params;
	double		seconds;
	int			rc;

	/* labels in byte order, so that a model does not depend on row order */
	for (int c = 0; c < n; c++)
		perm[c] = c;
	qsort_arg(perm, n, sizeof(int), topic_label_cmp, tt->labels);
	params = tt->logistic ? topic_lr_serialize(tt, perm, tokens)
		: topic_serialize(tt, perm, tokens);
	for (int c = 0; c < n; c++)
	{
		labels[c] = CStringGetTextDatum(tt->labels[perm[c]]);
		docs[c] = Int64GetDatum(tt->docs[perm[c]]);
		tokdatums[c] = Int64GetDatum(tokens[c]);
	}

	memset(nulls, ' ', sizeof(nulls));
	values[0] = NameGetDatum(model);
	values[1] = CStringGetTextDatum(tt->logistic ? TOPIC_METHOD_LR : TOPIC_METHOD);
	values[2] = PointerGetDatum(construct_array(labels, n, TEXTOID, -1, false,
												TYPALIGN_INT));
	values[3] = PointerGetDatum(construct_array(docs, n, INT8OID, 8,
												FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	values[4] = PointerGetDatum(construct_array(tokdatums, n, INT8OID, 8,
												FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
	values[5] = Int32GetDatum(tt->buckets);
	values[6] = Float8GetDatum(fit->alpha);
	values[7] = Int64GetDatum(rows);
	values[8] = Int64GetDatum(skipped);
	seconds = topic_elapsed(start);
	values[9] = TimestampTzGetDatum(GetCurrentTimestamp());
	values[10] = Float8GetDatum(seconds);
	values[11] = PointerGetDatum(query);
	values[12] = PointerGetDatum(params);
	values[13] = Float8GetDatum(fit->temperature);
	values[14] = Float8GetDatum(fit->exponent);
	values[15] = Int64GetDatum(fit->rows);
	values[16] = Float8GetDatum(fit->accuracy);
	values[17] = Float8GetDatum(fit->logLoss);
	values[18] = ObjectIdGetDatum(GetUserId());
	if (fit->rows == 0)
		nulls[16] = nulls[17] = 'n';

	if (!topic_models_calibrated())
	{
		static const char update01_sql[] =
			"UPDATE diplomat.topic_models SET method = $2, labels = $3, "
			"label_docs = $4, label_tokens = $5, buckets = $6, alpha = $7, "
			"trained_rows = $8, skipped_rows = $9, trained_at = $10, "
			"train_seconds = $11, query = $12, params = $13 "
			"WHERE model OPERATOR(pg_catalog.=) $1";
		static const char insert01_sql[] =
			"INSERT INTO diplomat.topic_models (model, method, labels, label_docs, "
			"label_tokens, buckets, alpha, trained_rows, skipped_rows, trained_at, "
			"train_seconds, query, params) "
			"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";

		rc = SPI_execute_with_args(update01_sql, 13, (Oid *) types, values, nulls,
								   false, 0);
		if (rc != SPI_OK_UPDATE)
			elog(ERROR, "could not store topic model: %s", SPI_result_code_string(rc));
		if (SPI_processed == 0)
		{
			rc = SPI_execute_with_args(insert01_sql, 13, (Oid *) types, values, nulls,
									   false, 0);
			if (rc != SPI_OK_INSERT)
				elog(ERROR, "could not store topic model: %s", SPI_result_code_string(rc));
		}
		topic_cache_forget(NameStr(*model));
		return seconds;
	}
	rc = SPI_execute_with_args(update_sql, 18, (Oid *) types, values, nulls,
							   false, 0);
	if (rc != SPI_OK_UPDATE)
		elog(ERROR, "could not store topic model: %s", SPI_result_code_string(rc));
	if (SPI_processed == 0)
	{
		rc = SPI_execute_with_args(insert_sql, 19, (Oid *) types, values, nulls,
								   false, 0);
		if (rc != SPI_OK_INSERT)
			elog(ERROR, "could not store topic model: %s", SPI_result_code_string(rc));
	}
	topic_cache_forget(NameStr(*model));
	return seconds;
}

/*
 * diplomat.train_topics(model name, query text, buckets integer, alpha
 * float8) returns (rows, skipped, labels, seconds): trains a multinomial
 * naive Bayes model on the (text, label) rows of query in one pass,
 * chooses alpha (when it is null) and calibrates the probabilities on a
 * held-out tenth of the rows, and stores the model under the given name.
 */
Datum
dip_train_topics(PG_FUNCTION_ARGS)
{
	Name		model;
	text	   *query;
	char	   *querystr;
	int32		buckets;
	float8		alpha;
	TupleDesc	resdesc;
	instr_time	start;
	MemoryContext cxt;
	MemoryContext rowcxt;
	MemoryContext old;
	TopicTrain	tt;
	TopicFit	fit;
	SPIPlanPtr	plan;
	Portal		portal;
	TupleDesc	qdesc;
	Oid			texttype;
	Oid			labeltype;
	Oid			labelout = InvalidOid;
	int64		rows = 0;
	int64		skipped = 0;
	double		seconds;
	Datum		result[4];
	bool		nulls[4] = {0};
	bool		logistic = false;
	bool		alphaGiven;
	int			argbase = 0;

	INSTR_TIME_SET_CURRENT(start);
	topic_check_not_null(fcinfo, 0, "model name");
	topic_check_not_null(fcinfo, 1, "training query");
	/*
	 * train_topics(model, query) uses the defaults of the longer forms;
	 * train_topics(model, query, method, buckets, alpha) has the method
	 * before the arguments of train_topics(model, query, buckets, alpha).
	 */
	if (PG_NARGS() == 5)
	{
		char	   *method;

		topic_check_not_null(fcinfo, 2, "method");
		method = text_to_cstring(PG_GETARG_TEXT_PP(2));
		if (strcmp(method, TOPIC_METHOD_LR) == 0)
			logistic = true;
		else if (strcmp(method, TOPIC_METHOD) != 0 && strcmp(method, "naive bayes") != 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown topic model method \"%s\"", method),
					 errhint("The methods are \"naive bayes\" and \"logistic regression\".")));
		argbase = 1;
	}
	if (PG_NARGS() > 2)
		topic_check_not_null(fcinfo, 2 + argbase, "number of buckets");
	model = PG_GETARG_NAME(0);
	query = PG_GETARG_TEXT_PP(1);
	buckets = PG_NARGS() > 2 ? PG_GETARG_INT32(2 + argbase) : TOPIC_DEFAULT_BUCKETS;
	/* a null alpha (the default) is chosen on the held-out rows */
	alphaGiven = PG_NARGS() > 3 + argbase && !PG_ARGISNULL(3 + argbase);
	alpha = alphaGiven ? PG_GETARG_FLOAT8(3 + argbase) : get_float8_nan();

	if (NameStr(*model)[0] == '\0')
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("model name must not be empty")));
	if (buckets < TOPIC_MIN_BUCKETS || buckets > TOPIC_MAX_BUCKETS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("number of buckets must be between %d and %d",
						TOPIC_MIN_BUCKETS, TOPIC_MAX_BUCKETS),
				 errdetail("The value given is %d.", buckets)));
	if (alphaGiven && (isnan(alpha) || isinf(alpha) || alpha <= 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("alpha must be a positive number"),
				 errdetail("The value given is %g.", alpha)));
	if (get_call_result_type(fcinfo, NULL, &resdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	dipg_check_encoding();

	cxt = AllocSetContextCreate(CurrentMemoryContext, "diplomat topic training",
								ALLOCSET_DEFAULT_SIZES);
	rowcxt = AllocSetContextCreate(cxt, "diplomat topic training row",
								   ALLOCSET_DEFAULT_SIZES);
	memset(&tt, 0, sizeof(tt));
	tt.cxt = cxt;
	tt.buckets = buckets;
	tt.logistic = logistic;
	old = MemoryContextSwitchTo(cxt);
	tt.heldDesc = CreateTemplateTupleDesc(1);
	TupleDescInitEntry(tt.heldDesc, (AttrNumber) 1, "features", BYTEAOID, -1, 0);
	tt.held = tuplestore_begin_heap(false, false, work_mem);
	if (logistic)
	{
		/* every document, sorted by the hash of its text, rescanned per pass */
		tt.spool = tuplesort_begin_datum(BYTEAOID, ByteaLessOperator, InvalidOid,
										 false, work_mem, NULL, TUPLESORT_RANDOMACCESS);
		tt.df = MemoryContextAllocHuge(cxt, sizeof(uint32) * buckets);
		memset(tt.df, 0, sizeof(uint32) * buckets);
	}
	MemoryContextSwitchTo(old);
	querystr = text_to_cstring(query);

	SPI_connect();
	plan = SPI_prepare_cursor(querystr, 0, NULL, CURSOR_OPT_NO_SCROLL);
	if (plan == NULL)
		elog(ERROR, "could not prepare training query: %s",
			 SPI_result_code_string(SPI_result));
	if (!SPI_is_cursor_plan(plan))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("training query must be a single query returning rows"),
				 errhint("Give a query such as SELECT body, label FROM articles.")));
	portal = SPI_cursor_open(NULL, plan, NULL, NULL, false);

	qdesc = portal->tupDesc;
	if (qdesc->natts != 2)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("training query must return two columns, text and label"),
				 errdetail_plural("The query returns %d column.",
								  "The query returns %d columns.",
								  qdesc->natts, qdesc->natts)));
	texttype = getBaseType(TupleDescAttr(qdesc, 0)->atttypid);
	if (texttype != TEXTOID && texttype != VARCHAROID)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("first column of the training query must be of type text"),
				 errdetail("Column \"%s\" is of type %s.",
						   NameStr(TupleDescAttr(qdesc, 0)->attname),
						   format_type_be(TupleDescAttr(qdesc, 0)->atttypid)),
				 errhint("Cast it to text.")));
	labeltype = getBaseType(TupleDescAttr(qdesc, 1)->atttypid);
	if (labeltype != TEXTOID && labeltype != VARCHAROID)
	{
		bool		varlena;

		/* other label types (integers, enums ...) are read as text */
		getTypeOutputInfo(TupleDescAttr(qdesc, 1)->atttypid, &labelout, &varlena);
	}

	for (;;)
	{
		SPI_cursor_fetch(portal, true, TOPIC_FETCH);
		if (SPI_processed == 0)
			break;
		for (uint64 r = 0; r < SPI_processed; r++)
		{
			HeapTuple	tup = SPI_tuptable->vals[r];
			bool		docnull;
			bool		labelnull;
			Datum		docd = SPI_getbinval(tup, qdesc, 1, &docnull);
			Datum		labeld = SPI_getbinval(tup, qdesc, 2, &labelnull);

			CHECK_FOR_INTERRUPTS();
			if (docnull || labelnull)
				skipped++;
			else
			{
				char	   *label;

				old = MemoryContextSwitchTo(rowcxt);
				if (OidIsValid(labelout))
					label = OidOutputFunctionCall(labelout, labeld);
				else
					label = TextDatumGetCString(labeld);
				topic_train_doc(&tt, DatumGetTextPP(docd), topic_label_index(&tt, label));
				rows++;
				MemoryContextSwitchTo(old);
				MemoryContextReset(rowcxt);
			}
			if ((rows + skipped) % TOPIC_PROGRESS == 0)
				ereport(NOTICE,
						(errmsg("training topic model \"%s\": " INT64_FORMAT " rows read, %d labels",
								NameStr(*model), rows + skipped, tt.nlabels)));
		}
		SPI_freetuptable(SPI_tuptable);
	}
	SPI_cursor_close(portal);

	if (rows == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("training query returned no row with both a text and a label"),
				 errdetail_plural(INT64_FORMAT " row was skipped because its text or label was null.",
								  INT64_FORMAT " rows were skipped because their text or label was null.",
								  (unsigned long) skipped, skipped)));

	old = MemoryContextSwitchTo(rowcxt);
	if (logistic)
		topic_lr_finish(&tt, alpha, &fit);
	else
		topic_finish(&tt, alpha, &fit);
	MemoryContextSwitchTo(old);
	MemoryContextReset(rowcxt);
	tuplestore_end(tt.held);
	if (logistic)
		tuplesort_end(tt.spool);

	seconds = topic_store(&tt, model, query, &fit, rows, skipped, start);
	SPI_finish();

	result[0] = Int64GetDatum(rows);
	result[1] = Int64GetDatum(skipped);
	result[2] = Int32GetDatum(tt.nlabels);
	result[3] = Float8GetDatum(seconds);
	MemoryContextDelete(cxt);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(resdesc),
													  result, nulls)));
}

/* ------------------------------------------------------------------------
 * Decoded models and their cache
 * ------------------------------------------------------------------------
 */

/* A model decoded for scoring; see the file header for the formula. */
typedef struct TopicModel
{
	char		name[NAMEDATALEN];	/* hash key */
	TransactionId xmin;			/* version of the row it was decoded from */
	ItemPointerData tid;
	uint64		lastused;
	Size		bytes;			/* memory of cxt */
	MemoryContext cxt;			/* holds everything below */
	int			nlabels;
	char	  **labels;
	int32		buckets;
	double	   *prior;			/* log P(c) */
	double	   *unseen;			/* log(alpha / (N(c) + alpha V)) */
	double		temperature;	/* calibration: log-likelihoods are divided */
	double		exponent;		/* by temperature * max(k, 1) ^ exponent */
	uint32	   *offsets;		/* buckets + 1 offsets into label/delta */
	uint16	   *label;
	float4	   *delta;			/* log1p(n(w,c) / alpha), or the weight */
	/* logistic regression only */
	bool		logistic;
	double	   *bias;			/* per label */
	float4	   *idf;			/* per bucket, 0 for unknown buckets */
} TopicModel;

static HTAB *topic_cache = NULL;
static uint64 topic_cache_clock = 0;
static SPIPlanPtr topic_lookup_plan = NULL;
static bool topic_lookup_calibrated = false;	/* which form the plan has */

/* Creates the cache, a child of CacheMemoryContext, on first use. */
static void
topic_cache_init(void)
{
	HASHCTL		ctl;

	if (topic_cache != NULL)
		return;
	ctl.keysize = NAMEDATALEN;
	ctl.entrysize = sizeof(TopicModel);
	ctl.hcxt = CacheMemoryContext;
	topic_cache = hash_create("diplomat topic models", TOPIC_CACHE_SIZE * 2, &ctl,
							  HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
}

/* Removes a model from the cache and frees it. */
static void
topic_cache_remove(TopicModel *m)
{
	if (m->cxt != NULL)
		MemoryContextDelete(m->cxt);
	hash_search(topic_cache, m->name, HASH_REMOVE, NULL);
}

/* Removes the cached model of a name, if any: its row is being replaced. */
static void
topic_cache_forget(const char *name)
{
	TopicModel *m;

	if (topic_cache == NULL)
		return;
	m = hash_search(topic_cache, name, HASH_FIND, NULL);
	if (m != NULL)
		topic_cache_remove(m);
}

/*
 * Evicts least recently used models until one of the given size fits in
 * the cache's limits (a model larger than the byte limit is still cached,
 * alone).
 */
static void
topic_cache_make_room(Size bytes)
{
	for (;;)
	{
		HASH_SEQ_STATUS seq;
		TopicModel *m;
		TopicModel *oldest = NULL;
		Size		total = bytes;
		long		n = hash_get_num_entries(topic_cache);

		hash_seq_init(&seq, topic_cache);
		while ((m = hash_seq_search(&seq)) != NULL)
		{
			total += m->bytes;
			if (oldest == NULL || m->lastused < oldest->lastused)
				oldest = m;
		}
		if (oldest == NULL || (n < TOPIC_CACHE_SIZE && total <= TOPIC_CACHE_BYTES))
			return;
		topic_cache_remove(oldest);
	}
}

/* A cursor over the stored parameters of a model. */
typedef struct ParamReader
{
	const char *p;
	const char *end;
	const char *model;
} ParamReader;

static void topic_corrupt(const char *model, const char *detail) pg_attribute_noreturn();

/* Reports a stored model that cannot be used. */
static void
topic_corrupt(const char *model, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("topic model \"%s\" is corrupt", model),
			 errdetail("%s", detail),
			 errhint("Train the model again with diplomat.train_topics().")));
}

/* Reads a big-endian integer from the parameters, checking their bounds. */
static uint32
read_u32(ParamReader *r)
{
	uint32		v;

	if (r->end - r->p < 4)
		topic_corrupt(r->model, "The parameters are truncated.");
	memcpy(&v, r->p, 4);
	r->p += 4;
	return pg_ntoh32(v);
}

/* Reads a big-endian 16-bit integer from the parameters. */
static uint16
read_u16(ParamReader *r)
{
	uint16		v;

	if (r->end - r->p < 2)
		topic_corrupt(r->model, "The parameters are truncated.");
	memcpy(&v, r->p, 2);
	r->p += 2;
	return pg_ntoh16(v);
}

/* Reads a big-endian IEEE single from the parameters; it must be finite. */
static float
read_float(ParamReader *r)
{
	uint32		u = read_u32(r);
	float		f;

	memcpy(&f, &u, sizeof(f));
	if (isnan(f) || isinf(f))
		topic_corrupt(r->model, "A weight is not a finite number.");
	return f;
}

/* Returns the elements of a one-dimensional array without NULLs, or fails. */
static void
topic_array(const char *model, Datum d, Oid type, int expect, Datum **elems)
{
	ArrayType  *a = DatumGetArrayTypeP(d);
	int16		typlen;
	bool		typbyval;
	char		typalign;
	bool	   *nulls;
	int			n;

	get_typlenbyvalalign(type, &typlen, &typbyval, &typalign);
	if (ARR_NDIM(a) != 1 || ARR_ELEMTYPE(a) != type)
		topic_corrupt(model, "A label array is not one-dimensional.");
	deconstruct_array(a, type, typlen, typbyval, typalign, elems, &nulls, &n);
	if (n != expect)
		topic_corrupt(model, "The label arrays differ in length.");
	for (int i = 0; i < n; i++)
		if (nulls[i])
			topic_corrupt(model, "A label array contains a null.");
}

/*
 * Decodes and validates the parameters of a logistic regression (stored
 * format 2, after its header) and its labels into m, allocating in m->cxt.
 */
static void
topic_lr_decode(TopicModel *m, ParamReader *r, int n, uint32 used,
				Datum *labels, Datum *docs, Datum *tokens)
{
	const char *name = m->name;
	Size		cells = 0;
	int32		prev = -1;
	MemoryContext old = MemoryContextSwitchTo(m->cxt);

	m->nlabels = n;
	m->labels = palloc(sizeof(char *) * n);
	m->prior = palloc(sizeof(double) * n);
	m->unseen = palloc0(sizeof(double) * n);
	m->bias = palloc(sizeof(double) * n);
	for (int c = 0; c < n; c++)
	{
		m->labels[c] = TextDatumGetCString(labels[c]);
		if (c > 0 && strcmp(m->labels[c - 1], m->labels[c]) >= 0)
			topic_corrupt(name, "The labels are not distinct and sorted.");
		if (DatumGetInt64(docs[c]) <= 0 || DatumGetInt64(tokens[c]) < 0)
			topic_corrupt(name, "A label has no training document.");
		m->prior[c] = 0;
		m->bias[c] = read_float(r);
	}
	m->offsets = MemoryContextAllocHuge(m->cxt, sizeof(uint32) * ((Size) m->buckets + 1));
	m->idf = MemoryContextAllocHuge(m->cxt, sizeof(float4) * (Size) m->buckets);
	memset(m->idf, 0, sizeof(float4) * (Size) m->buckets);
	/* each weight takes 6 bytes, so this bounds their number */
	m->label = MemoryContextAllocHuge(m->cxt, sizeof(uint16) * ((r->end - r->p) / 6 + 1));
	m->delta = MemoryContextAllocHuge(m->cxt, sizeof(float4) * ((r->end - r->p) / 6 + 1));
	for (uint32 u = 0; u < used; u++)
	{
		int32		w = (int32) read_u32(r);
		float		idf = read_float(r);
		uint16		k = read_u16(r);
		int			prevc = -1;

		if (w <= prev || w >= m->buckets)
			topic_corrupt(name, "The buckets are not increasing and in range.");
		if (!(idf > 0) || k > n)
			topic_corrupt(name, "A bucket has a wrong weight or number of weights.");
		m->idf[w] = idf;
		for (int32 x = prev + 1; x <= w; x++)
			m->offsets[x] = (uint32) cells;
		for (int j = 0; j < k; j++)
		{
			uint16		c = read_u16(r);
			float		weight = read_float(r);

			if ((int) c <= prevc || c >= n)
				topic_corrupt(name, "The weights of a bucket are not valid.");
			m->label[cells] = c;
			m->delta[cells] = weight;
			cells++;
			prevc = c;
		}
		prev = w;
	}
	if (r->p != r->end)
		topic_corrupt(name, "The parameters have trailing data.");
	for (int32 x = prev + 1; x <= m->buckets; x++)
		m->offsets[x] = (uint32) cells;
	MemoryContextSwitchTo(old);
}

/*
 * Decodes and validates a model row (labels, label_docs, label_tokens,
 * buckets, alpha, method, params, temperature, length_exponent, as columns
 * 3 to 11 of the lookup query) into m, allocating in m->cxt.
 */
static void
topic_decode(TopicModel *m, HeapTuple tup, TupleDesc desc)
{
	const char *name = m->name;
	bool		isnull[9];
	Datum		col[9];
	Datum	   *labels;
	Datum	   *docs;
	Datum	   *tokens;
	int			n;
	float8		alpha;
	bytea	   *params;
	ParamReader r;
	uint32		used;
	uint64	   *sum;
	int64		total = 0;
	Size		cells = 0;
	int32		prev = -1;
	MemoryContext old;

	for (int i = 0; i < 9; i++)
	{
		col[i] = SPI_getbinval(tup, desc, i + 3, &isnull[i]);
		if (isnull[i])
			topic_corrupt(name, "A column of the model is null.");
	}
	m->logistic = strcmp(TextDatumGetCString(col[5]), TOPIC_METHOD_LR) == 0;
	if (!m->logistic && strcmp(TextDatumGetCString(col[5]), TOPIC_METHOD) != 0)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("topic model \"%s\" uses an unsupported method", name)));
	n = ArrayGetNItems(ARR_NDIM(DatumGetArrayTypeP(col[0])),
					   ARR_DIMS(DatumGetArrayTypeP(col[0])));
	if (n < 1 || n > TOPIC_MAX_LABELS)
		topic_corrupt(name, "The number of labels is out of range.");
	topic_array(name, col[0], TEXTOID, n, &labels);
	topic_array(name, col[1], INT8OID, n, &docs);
	topic_array(name, col[2], INT8OID, n, &tokens);
	m->buckets = DatumGetInt32(col[3]);
	alpha = DatumGetFloat8(col[4]);
	if (m->buckets < TOPIC_MIN_BUCKETS || m->buckets > TOPIC_MAX_BUCKETS)
		topic_corrupt(name, "The number of buckets is out of range.");
	if (isnan(alpha) || isinf(alpha) || alpha <= 0)
		topic_corrupt(name, "Alpha is not a positive number.");
	m->temperature = DatumGetFloat8(col[7]);
	m->exponent = DatumGetFloat8(col[8]);
	if (!(m->temperature > 0 && m->temperature < INFINITY) ||
		!(m->exponent >= 0 && m->exponent <= TOPIC_MAX_EXPONENT))
		topic_corrupt(name, "The calibration is out of range.");

	params = DatumGetByteaPP(col[6]);
	r.p = VARDATA_ANY(params);
	r.end = r.p + VARSIZE_ANY_EXHDR(params);
	r.model = name;
	if (read_u32(&r) != (m->logistic ? TOPIC_FORMAT_LR : TOPIC_FORMAT))
		topic_corrupt(name, "The parameters have an unknown format.");
	if (read_u32(&r) != (uint32) n || read_u32(&r) != (uint32) m->buckets)
		topic_corrupt(name, "The parameters do not match the labels or buckets.");
	used = read_u32(&r);
	if (used > (uint32) m->buckets)
		topic_corrupt(name, "The parameters use more buckets than the model has.");
	/* at least 6 bytes per used bucket and per count (10 and 0: regression) */
	if ((Size) (r.end - r.p) < (Size) used * (m->logistic ? 10 : 12))
		topic_corrupt(name, "The parameters are truncated.");
	if (m->logistic)
	{
		topic_lr_decode(m, &r, n, used, labels, docs, tokens);
		return;
	}

	old = MemoryContextSwitchTo(m->cxt);
	m->nlabels = n;
	m->labels = palloc(sizeof(char *) * n);
	m->prior = palloc(sizeof(double) * n);
	m->unseen = palloc(sizeof(double) * n);
	m->offsets = MemoryContextAllocHuge(m->cxt, sizeof(uint32) * ((Size) m->buckets + 1));
	/* each count takes 6 bytes, so this bounds their number */
	m->label = MemoryContextAllocHuge(m->cxt, sizeof(uint16) * ((r.end - r.p) / 6 + 1));
	m->delta = MemoryContextAllocHuge(m->cxt, sizeof(float4) * ((r.end - r.p) / 6 + 1));
	sum = palloc0(sizeof(uint64) * n);
	for (int c = 0; c < n; c++)
	{
		m->labels[c] = TextDatumGetCString(labels[c]);
		if (c > 0 && strcmp(m->labels[c - 1], m->labels[c]) >= 0)
			topic_corrupt(name, "The labels are not distinct and sorted.");
		if (DatumGetInt64(docs[c]) <= 0)
			topic_corrupt(name, "A label has no training document.");
		total += DatumGetInt64(docs[c]);
	}

	for (uint32 u = 0; u < used; u++)
	{
		int32		w = (int32) read_u32(&r);
		uint16		k = read_u16(&r);
		int			prevc = -1;

		if (w <= prev || w >= m->buckets)
			topic_corrupt(name, "The buckets are not increasing and in range.");
		if (k == 0 || k > n)
			topic_corrupt(name, "A bucket has a wrong number of counts.");
		for (int32 x = prev + 1; x <= w; x++)
			m->offsets[x] = (uint32) cells;
		for (int j = 0; j < k; j++)
		{
			uint16		c = read_u16(&r);
			uint32		count = read_u32(&r);

			if ((int) c <= prevc || c >= n || count == 0)
				topic_corrupt(name, "The counts of a bucket are not valid.");
			m->label[cells] = c;
			m->delta[cells] = (float4) log1p((double) count / alpha);
			sum[c] += count;
			cells++;
			prevc = c;
		}
		prev = w;
	}
	if (r.p != r.end)
		topic_corrupt(name, "The parameters have trailing data.");
	for (int32 x = prev + 1; x <= m->buckets; x++)
		m->offsets[x] = (uint32) cells;

	for (int c = 0; c < n; c++)
	{
		if (sum[c] != (uint64) DatumGetInt64(tokens[c]))
			topic_corrupt(name, "The label totals do not match the counts.");
		m->prior[c] = log((double) DatumGetInt64(docs[c]) / (double) total);
		m->unseen[c] = log(alpha / ((double) sum[c] + alpha * (double) used));
	}
	pfree(sum);
	MemoryContextSwitchTo(old);
}

/*
 * Returns the decoded model of the given name as visible to the current
 * snapshot, from the cache if the row has not changed.
 */
static TopicModel *
topic_model_get(const char *name)
{
	static const char sql[] =
		"SELECT m.xmin, m.ctid, m.labels, m.label_docs, m.label_tokens, m.buckets, "
		"m.alpha, m.method, m.params, m.temperature, m.length_exponent "
		"FROM diplomat.topic_models m "
		"WHERE m.model OPERATOR(pg_catalog.=) $1";
	/* the same on a 0.1 table: no calibration columns, the identity */
	static const char sql01[] =
		"SELECT m.xmin, m.ctid, m.labels, m.label_docs, m.label_tokens, m.buckets, "
		"m.alpha, m.method, m.params, 1::pg_catalog.float8, 0::pg_catalog.float8 "
		"FROM diplomat.topic_models m "
		"WHERE m.model OPERATOR(pg_catalog.=) $1";
	bool		calibrated;
	NameData	key;
	Datum		arg;
	int			rc;
	HeapTuple	tup;
	TupleDesc	desc;
	bool		isnull;
	TransactionId xmin;
	ItemPointerData tid;
	TopicModel *m;
	bool		found;

	topic_cache_init();
	namestrcpy(&key, name);
	SPI_connect();
	calibrated = topic_models_calibrated();
	if (topic_lookup_plan != NULL && topic_lookup_calibrated != calibrated)
	{
		/* ALTER EXTENSION diplomat UPDATE ran since the plan was made */
		SPI_freeplan(topic_lookup_plan);
		topic_lookup_plan = NULL;
	}
	if (topic_lookup_plan == NULL)
	{
		Oid			argtype = NAMEOID;
		SPIPlanPtr	plan = SPI_prepare(calibrated ? sql : sql01, 1, &argtype);

		if (plan == NULL)
			elog(ERROR, "could not prepare topic model lookup: %s",
				 SPI_result_code_string(SPI_result));
		SPI_keepplan(plan);
		topic_lookup_plan = plan;
		topic_lookup_calibrated = calibrated;
	}
	arg = NameGetDatum(&key);
	rc = SPI_execute_plan(topic_lookup_plan, &arg, NULL, true, 1);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "could not look up topic model: %s", SPI_result_code_string(rc));
	if (SPI_processed == 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("topic model \"%s\" does not exist", name),
				 errhint("Train it with diplomat.train_topics().")));
	tup = SPI_tuptable->vals[0];
	desc = SPI_tuptable->tupdesc;
	xmin = DatumGetTransactionId(SPI_getbinval(tup, desc, 1, &isnull));
	tid = *(ItemPointer) DatumGetPointer(SPI_getbinval(tup, desc, 2, &isnull));

	m = hash_search(topic_cache, NameStr(key), HASH_FIND, NULL);
	if (m != NULL && (m->xmin != xmin || !ItemPointerEquals(&m->tid, &tid)))
	{
		topic_cache_remove(m);
		m = NULL;
	}
	if (m == NULL)
	{
		MemoryContext cxt;
		TopicModel	decoded;

		/* decode first, so that a corrupt model leaves no cache entry */
		cxt = AllocSetContextCreate(CacheMemoryContext, "diplomat topic model",
									ALLOCSET_DEFAULT_SIZES);
		MemoryContextSetIdentifier(cxt, MemoryContextStrdup(cxt, NameStr(key)));
		memset(&decoded, 0, sizeof(decoded));
		strlcpy(decoded.name, NameStr(key), NAMEDATALEN);
		decoded.cxt = cxt;
		decoded.xmin = xmin;
		decoded.tid = tid;
		PG_TRY();
		{
			topic_decode(&decoded, tup, desc);
		}
		PG_CATCH();
		{
			MemoryContextDelete(cxt);
			PG_RE_THROW();
		}
		PG_END_TRY();
		decoded.bytes = MemoryContextMemAllocated(cxt, true);
		topic_cache_make_room(decoded.bytes);
		m = hash_search(topic_cache, NameStr(key), HASH_ENTER, &found);
		*m = decoded;
	}
	m->lastused = ++topic_cache_clock;
	SPI_finish();
	return m;
}

/* ------------------------------------------------------------------------
 * Classification
 * ------------------------------------------------------------------------
 */

/* Defined after the naive Bayes posterior, below. */
static void topic_lr_posterior(TopicModel *m, text *doc, double *prob);

/* Scoring sink: adds a feature's weights to the label scores. */
typedef struct TopicScore
{
	TopicModel *m;
	double	   *score;
	int64		known;			/* occurrences of buckets seen in training */
} TopicScore;

static void
topic_score(void *arg, uint32 bucket)
{
	TopicScore *ts = arg;
	TopicModel *m = ts->m;
	uint32		hi = m->offsets[bucket + 1];

	if (m->offsets[bucket] == hi)
		return;					/* never seen in training */
	ts->known++;
	for (uint32 j = m->offsets[bucket]; j < hi; j++)
		ts->score[m->label[j]] += m->delta[j];
}

/* Fills prob (nlabels entries) with the posterior probabilities of doc. */
static void
topic_posterior(TopicModel *m, text *doc, double *prob)
{
	MemoryContext cxt;
	MemoryContext old;
	TopicScore	ts;
	double		max = -INFINITY;
	double		sum = 0;
	double		scale;

	if (m->logistic)
	{
		topic_lr_posterior(m, doc, prob);
		return;
	}
	dipg_check_encoding();
	for (int c = 0; c < m->nlabels; c++)
		prob[c] = 0;
	ts.m = m;
	ts.score = prob;
	ts.known = 0;
	cxt = AllocSetContextCreate(CurrentMemoryContext, "diplomat classify",
								ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);
	topic_features(VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc), m->buckets,
				   topic_score, &ts);
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);

	/*
	 * Posteriors from the calibrated log scores, shifted by the maximum to
	 * avoid underflow.
	 */
	scale = 1.0 / (m->temperature * pow(Max((double) ts.known, 1.0), m->exponent));
	for (int c = 0; c < m->nlabels; c++)
	{
		prob[c] = m->prior[c] + (prob[c] + (double) ts.known * m->unseen[c]) * scale;
		if (prob[c] > max)
			max = prob[c];
	}
	for (int c = 0; c < m->nlabels; c++)
	{
		prob[c] = exp(prob[c] - max);
		sum += prob[c];
	}
	for (int c = 0; c < m->nlabels; c++)
		prob[c] /= sum;
}

/*
 * Fills prob with the probabilities of doc under a logistic regression:
 * the softmax of the bias plus the weights times the document's scaled
 * features (as in training), divided by the temperature.
 */
static void
topic_lr_posterior(TopicModel *m, text *doc, double *prob)
{
	MemoryContext cxt;
	MemoryContext old;
	BucketList	bl;
	double		norm = 0;

	dipg_check_encoding();
	for (int c = 0; c < m->nlabels; c++)
		prob[c] = 0;
	cxt = AllocSetContextCreate(CurrentMemoryContext, "diplomat classify",
								ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);
	bl.max = 256;
	bl.n = bl.sorted = 0;
	bl.pairs = palloc(sizeof(uint32) * 2 * bl.max);
	topic_features(VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc), m->buckets,
				   topic_collect, &bl);
	topic_bucket_compact(&bl);
	for (uint32 i = 0; i < bl.n; i++)
	{
		uint32		w = bl.pairs[2 * i];
		double		x;

		if (m->idf[w] <= 0)
			continue;			/* never seen in training */
		x = log1p((double) bl.pairs[2 * i + 1]) * m->idf[w];
		norm += x * x;
		for (uint32 j = m->offsets[w]; j < m->offsets[w + 1]; j++)
			prob[m->label[j]] += x * m->delta[j];
	}
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);

	norm = norm > 0 ? 1.0 / sqrt(norm) : 0;
	for (int c = 0; c < m->nlabels; c++)
		prob[c] = (m->bias[c] + prob[c] * norm) / m->temperature;
	topic_softmax(prob, m->nlabels);
}

/* qsort_arg comparator: by decreasing probability, then label order. */
static int
topic_prob_cmp(const void *a, const void *b, void *arg)
{
	const double *prob = arg;
	int			x = *(const int *) a;
	int			y = *(const int *) b;

	if (prob[x] != prob[y])
		return prob[x] > prob[y] ? -1 : 1;
	return x < y ? -1 : (x > y);
}

/*
 * diplomat.classify(doc text, model name) returns (label, probability):
 * every label of the model with its posterior probability, most probable
 * first.
 */
Datum
dip_classify(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *doc = PG_GETARG_TEXT_PP(0);
	Name		model = PG_GETARG_NAME(1);
	TopicModel *m;
	double	   *prob;
	int		   *order;

	InitMaterializedSRF(fcinfo, 0);
	m = topic_model_get(NameStr(*model));
	prob = palloc(sizeof(double) * m->nlabels);
	order = palloc(sizeof(int) * m->nlabels);
	topic_posterior(m, doc, prob);
	for (int c = 0; c < m->nlabels; c++)
		order[c] = c;
	qsort_arg(order, m->nlabels, sizeof(int), topic_prob_cmp, prob);
	for (int i = 0; i < m->nlabels; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {0};

		values[0] = CStringGetTextDatum(m->labels[order[i]]);
		values[1] = Float8GetDatum(prob[order[i]]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/*
 * diplomat.classify_label(doc text, model name) returns the most probable
 * label of doc.
 */
Datum
dip_classify_label(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	Name		model = PG_GETARG_NAME(1);
	TopicModel *m = topic_model_get(NameStr(*model));
	double	   *prob = palloc(sizeof(double) * m->nlabels);
	int			best = 0;

	topic_posterior(m, doc, prob);
	for (int c = 1; c < m->nlabels; c++)
		if (prob[c] > prob[best])
			best = c;
	PG_RETURN_TEXT_P(cstring_to_text(m->labels[best]));
}
