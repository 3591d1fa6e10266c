/*-------------------------------------------------------------------------
 *
 * entities_gin.c
 *	  GIN support for the entities type: @@ newsquery, ? entity,
 *	  @> entities and && entities.
 *
 * Keys are short byte strings (bytea):
 *
 *	 'x' kind name	 countries and nationalities (GPE, NORP): the name itself,
 *					 an exact key.  There are a few thousand of them and many
 *					 are in a large share of the documents.
 *	 'h' bucket		 every other name (people, organisations, places: most of
 *					 them in one or two documents), whatever its kind: its
 *					 hash folded into one of "buckets" buckets (the opclass
 *					 parameter, 32768 by default), four bytes.
 *	 'k' kind		 the document has an entity of this kind: exact, so that
 *					 "PER:*" is an ordinary key.
 *
 * Folding makes the index lossy on purpose: a bucket holds every name that
 * hashes to it, and the recheck on the heap value removes the other names'
 * rows.  In exchange, rare names share entries instead of paying a GIN
 * entry each, which keeps the index a fraction of a tsvector index's size.
 * A present bucket key only means "maybe" to the consistent functions
 * (which matters under NOT); a query that needs only exact keys
 * ("GPE:Iraq & !NORP:*") is answered without a recheck, so that a bitmap
 * scan that needs no column (count(*)) skips all-visible heap pages, as it
 * does for tsvector.  Consistent and triConsistent share the ternary
 * evaluator of newsquery.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "entities.h"
#include "sortedset.h"

#include "access/gin.h"
#include "access/reloptions.h"
#include "access/stratnum.h"
#include "common/hashfn.h"
#include "fmgr.h"
#include "utils/builtins.h"

#define STRAT_MATCH		1		/* @@ newsquery */
#define STRAT_HAS		2		/* ? entity */
#define STRAT_CONTAINS	3		/* @> entities */
#define STRAT_OVERLAP	4		/* && entities */

PG_FUNCTION_INFO_V1(gin_cmp_entity_key);
PG_FUNCTION_INFO_V1(gin_extract_entities);
PG_FUNCTION_INFO_V1(gin_extract_entities_query);
PG_FUNCTION_INFO_V1(gin_entities_consistent);
PG_FUNCTION_INFO_V1(gin_entities_triconsistent);
PG_FUNCTION_INFO_V1(gin_entities_options);

#define DEFAULT_BUCKETS		32768
#define MIN_BUCKETS			1
#define MAX_BUCKETS			(1 << 30)

/* Opclass parameters of entities_ops. */
typedef struct EntitiesGinOptions
{
	int32		vl_len_;		/* varlena header (do not touch directly!) */
	int			buckets;		/* name keys are hash mod buckets */
} EntitiesGinOptions;

static int
gin_buckets(FunctionCallInfo fcinfo)
{
	if (PG_HAS_OPCLASS_OPTIONS())
		return ((EntitiesGinOptions *) PG_GET_OPCLASS_OPTIONS())->buckets;
	return DEFAULT_BUCKETS;
}

Datum
gin_entities_options(PG_FUNCTION_ARGS)
{
	local_relopts *relopts = (local_relopts *) PG_GETARG_POINTER(0);

	init_local_reloptions(relopts, sizeof(EntitiesGinOptions));
	add_local_int_reloption(relopts, "buckets",
							"number of hash buckets that entity names are folded into",
							DEFAULT_BUCKETS, MIN_BUCKETS, MAX_BUCKETS,
							offsetof(EntitiesGinOptions, buckets));
	PG_RETURN_VOID();
}

/* Bytewise comparison of text keys (used by the topics operator class). */
Datum
gin_cmp_entity_key(PG_FUNCTION_ARGS)
{
	text	   *a = PG_GETARG_TEXT_PP(0);
	text	   *b = PG_GETARG_TEXT_PP(1);
	int			la = VARSIZE_ANY_EXHDR(a),
				lb = VARSIZE_ANY_EXHDR(b);
	int			c = memcmp(VARDATA_ANY(a), VARDATA_ANY(b), Min(la, lb));

	if (c == 0)
		c = la < lb ? -1 : (la > lb);
	PG_RETURN_INT32(c);
}

/* Is the key of (kind, name) exact? */
static inline bool
exact_kind(int kind)
{
	return kind == EK_GPE || kind == EK_NORP;
}

/* The key of (kind, name): see the header comment. */
static Datum
name_key(int kind, const char *name, int len, int buckets)
{
	bytea	   *k;

	if (exact_kind(kind))
	{
		k = palloc(VARHDRSZ + 2 + len);
		SET_VARSIZE(k, VARHDRSZ + 2 + len);
		VARDATA(k)[0] = 'x';
		VARDATA(k)[1] = (char) kind;
		memcpy(VARDATA(k) + 2, name, len);
	}
	else
	{
		uint32		b = hash_bytes((const unsigned char *) name, len) % (uint32) buckets;

		k = palloc(VARHDRSZ + 5);
		SET_VARSIZE(k, VARHDRSZ + 5);
		VARDATA(k)[0] = 'h';
		VARDATA(k)[1] = (char) (b >> 24);
		VARDATA(k)[2] = (char) (b >> 16);
		VARDATA(k)[3] = (char) (b >> 8);
		VARDATA(k)[4] = (char) b;
	}
	return PointerGetDatum(k);
}

/* The key saying "the document has an entity of this kind". */
static Datum
kind_key(int kind)
{
	bytea	   *k = palloc(VARHDRSZ + 2);

	SET_VARSIZE(k, VARHDRSZ + 2);
	VARDATA(k)[0] = 'k';
	VARDATA(k)[1] = (char) kind;
	return PointerGetDatum(k);
}

Datum
gin_extract_entities(PG_FUNCTION_ARGS)
{
	Entities   *es = PG_GETARG_ENTITIES_P(0);
	int32	   *nkeys = (int32 *) PG_GETARG_POINTER(1);
	Datum	   *keys = palloc((es->nentries + EK_MAX + 1) * sizeof(Datum));
	bool		kinds[EK_MAX + 1] = {0};
	int			buckets = gin_buckets(fcinfo);
	int			n = 0;

	for (int i = 0; i < es->nentries; i++)
	{
		EntityEntry *e = &es->entries[i];

		/* GIN removes the duplicates that folding creates */
		keys[n++] = name_key(e->kind, ENTRY_NAME(es, e), e->name_len, buckets);
		if (e->kind <= EK_MAX && !kinds[e->kind])
		{
			kinds[e->kind] = true;
			keys[n++] = kind_key(e->kind);
		}
	}
	*nkeys = n;
	PG_RETURN_POINTER(keys);
}

/*
 * What the consistent functions need to know about a query's keys (the
 * same struct is every key's extra_data): which keys are exact, and for a
 * newsquery, the key number of each item (-1 if none).
 */
typedef struct KeyInfo
{
	bool	   *exact;
	int			nitems;
	int		   *nkeys;			/* per item: how many keys, from map[item] on */
	int			map[FLEXIBLE_ARRAY_MEMBER];
} KeyInfo;

static KeyInfo *
key_info(int nkeys, int nitems, Pointer **extra)
{
	KeyInfo    *info = palloc0(offsetof(KeyInfo, map) + Max(nitems, 1) * sizeof(int));

	info->exact = palloc0(Max(nkeys, 1) * sizeof(bool));
	info->nitems = nitems;
	info->nkeys = palloc0(Max(nitems, 1) * sizeof(int));
	*extra = palloc(Max(nkeys, 1) * sizeof(Pointer));
	for (int i = 0; i < nkeys; i++)
		(*extra)[i] = (Pointer) info;
	return info;
}

/*
 * The keys of a newsquery: for each operand, the key of every name it
 * resolves to (resolve.c) or, for KIND:*, the kind's key.  The consistent
 * functions treat an operand as the OR of its keys.
 */
static Datum *
query_keys(NewsQuery *q, int buckets, int32 *nkeys, Pointer **extra)
{
	NQResolved *res = nq_resolve(q, true);
	KeyInfo    *info = key_info(Max(res->nnames, 1), q->nitems, extra);
	Datum	   *keys = palloc(Max(res->nnames, 1) * sizeof(Datum));
	int		   *range_key = palloc(Max(res->nnames, 1) * sizeof(int));
	int			n = 0;

	/*
	 * A repeated operand shares its names (nq_resolve resolves it once) and
	 * here its keys too: GIN compares every new key with all earlier ones.
	 */
	for (int k = 0; k < res->nnames; k++)
		range_key[k] = -1;
	for (int i = 0; i < q->nitems; i++)
	{
		NQItem	   *it = &q->items[i];
		int			f = res->first[i];

		info->map[i] = n;
		if (it->type != NQ_VAL)
			continue;
		info->nkeys[i] = res->count[i];
		if (range_key[f] >= 0)
		{
			info->map[i] = range_key[f];
			continue;
		}
		range_key[f] = n;
		for (int k = 0; k < res->count[i]; k++)
		{
			SSetItem   *nm = &res->names[f + k];

			/* a wildcard's one name is empty: its key is the kind's */
			keys[n] = (it->flags & NQ_WILDCARD) ? kind_key(it->kind) :
				name_key(nm->kind, nm->name, nm->len, buckets);
			info->exact[n++] = (it->flags & NQ_WILDCARD) || exact_kind(nm->kind);
		}
	}
	*nkeys = n;
	return keys;
}

Datum
gin_extract_entities_query(PG_FUNCTION_ARGS)
{
	int32	   *nkeys = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	Pointer   **extra = (Pointer **) PG_GETARG_POINTER(4);
	int32	   *searchMode = (int32 *) PG_GETARG_POINTER(6);
	Datum	   *keys = NULL;
	int			buckets = gin_buckets(fcinfo);

	*nkeys = 0;
	switch (strategy)
	{
		case STRAT_MATCH:
			{
				NewsQuery  *q = PG_GETARG_NEWSQUERY_P(0);

				keys = query_keys(q, buckets, nkeys, extra);
				if (!nq_needs_keys(q))
					*searchMode = GIN_SEARCH_MODE_ALL;
				break;
			}
		case STRAT_HAS:
			{
				Entity	   *e = PG_GETARG_ENTITY_P(0);

				KeyInfo    *info = key_info(1, 0, extra);

				keys = palloc(sizeof(Datum));
				keys[0] = name_key(e->kind, e->name, ENTITY_NAMELEN(e), buckets);
				info->exact[0] = exact_kind(e->kind);
				*nkeys = 1;
				break;
			}
		case STRAT_CONTAINS:
		case STRAT_OVERLAP:
			{
				Entities   *es = PG_GETARG_ENTITIES_P(0);

				KeyInfo    *info = key_info(es->nentries, 0, extra);

				keys = palloc(Max(es->nentries, 1) * sizeof(Datum));
				for (int i = 0; i < es->nentries; i++)
				{
					EntityEntry *e = &es->entries[i];

					keys[i] = name_key(e->kind, ENTRY_NAME(es, e), e->name_len, buckets);
					info->exact[i] = exact_kind(e->kind);
				}
				*nkeys = es->nentries;
				/* everything contains the empty set; nothing overlaps it */
				if (strategy == STRAT_CONTAINS && es->nentries == 0)
					*searchMode = GIN_SEARCH_MODE_ALL;
				break;
			}
		default:
			elog(ERROR, "unrecognized strategy number: %d", strategy);
	}
	PG_RETURN_POINTER(keys);
}

typedef struct GinCheck
{
	GinTernaryValue *check;
	KeyInfo    *info;
} GinCheck;

/* An operand is the OR of its keys' presence. */
static NQValue
check_gin(void *arg, const NewsQuery *q, const NQItem *val)
{
	GinCheck   *gc = arg;
	int			i = val - q->items;
	NQValue		v = NQ_FALSE;

	if (gc->info == NULL)
		return NQ_FALSE;
	for (int k = 0; k < gc->info->nkeys[i]; k++)
	{
		GinTernaryValue c = gc->check[gc->info->map[i] + k];

		if (c == GIN_TRUE)
			return NQ_TRUE;
		if (c == GIN_MAYBE)
			v = NQ_MAYBE;
	}
	return v;
}

static GinTernaryValue
consistent_common(GinTernaryValue *check, StrategyNumber strategy, Datum query,
				  int32 nkeys, Pointer *extra)
{
	switch (strategy)
	{
		case STRAT_MATCH:
			{
				NewsQuery  *q = DatumGetNewsQueryP(query);
				GinCheck	gc;
				NQValue		v;

				if (q->nitems == 0)
					return GIN_FALSE;
				gc.check = check;
				/* no keys at all (only negations): evaluate with all absent */
				gc.info = nkeys > 0 ? (KeyInfo *) extra[0] : NULL;
				v = nq_execute(q, &gc, check_gin);
				return v == NQ_TRUE ? GIN_TRUE : (v == NQ_FALSE ? GIN_FALSE : GIN_MAYBE);
			}
		case STRAT_HAS:
		case STRAT_CONTAINS:
			/* ? is @> of one key */
			return sset_gin_match(check, nkeys, true);
		case STRAT_OVERLAP:
			return sset_gin_match(check, nkeys, false);
	}
	elog(ERROR, "unrecognized strategy number: %d", strategy);
	return GIN_FALSE;
}

/* consistent: rechecks unless only exact keys decided. */
Datum
gin_entities_consistent(PG_FUNCTION_ARGS)
{
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra = (Pointer *) PG_GETARG_POINTER(4);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);
	KeyInfo    *info = nkeys > 0 ? (KeyInfo *) extra[0] : NULL;
	GinTernaryValue res;

	res = consistent_common(sset_gin_presence(PG_GETARG_POINTER(0), false, nkeys,
											  info ? info->exact : NULL),
							PG_GETARG_UINT16(1), PG_GETARG_DATUM(2), nkeys, extra);
	*recheck = res != GIN_TRUE;
	PG_RETURN_BOOL(res != GIN_FALSE);
}

/* triConsistent: the same over GIN_TRUE / GIN_FALSE / GIN_MAYBE. */
Datum
gin_entities_triconsistent(PG_FUNCTION_ARGS)
{
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra = (Pointer *) PG_GETARG_POINTER(4);
	KeyInfo    *info = nkeys > 0 ? (KeyInfo *) extra[0] : NULL;

	PG_RETURN_GIN_TERNARY_VALUE(consistent_common(sset_gin_presence(PG_GETARG_POINTER(0), true, nkeys,
																	info ? info->exact : NULL),
												  PG_GETARG_UINT16(1), PG_GETARG_DATUM(2),
												  nkeys, extra));
}
