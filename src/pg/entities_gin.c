/*-------------------------------------------------------------------------
 *
 * entities_gin.c
 *	  GIN support for the entities type: @@ newsquery, ? entity,
 *	  @> entities and && entities.
 *
 * Keys are 32-bit hashes of (kind, name), plus one key per kind present
 * in the document, so that "PER:*" is an ordinary key.  Integer keys keep
 * the index small (a name is stored once in the heap, not in every entry
 * page) and fast to build; a hash collision can only add false matches,
 * which the recheck on the heap value removes.  Consistent and
 * triConsistent share the ternary evaluator of newsquery.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "entities.h"

#include "access/gin.h"
#include "access/stratnum.h"
#include "common/hashfn.h"
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

/* The key of (kind, name). */
static Datum
name_key(int kind, const char *name, int len)
{
	uint32		h = hash_bytes((const unsigned char *) name, len);

	return Int32GetDatum((int32) hash_combine(h, (uint32) kind * 0x9e3779b9u));
}

/* The key saying "the document has an entity of this kind". */
static Datum
kind_key(int kind)
{
	static const unsigned char star[2] = {0xFF, '*'};	/* never in a name */

	return Int32GetDatum((int32) hash_combine(hash_bytes(star, 2),
											  (uint32) kind * 0x9e3779b9u));
}

Datum
gin_extract_entities(PG_FUNCTION_ARGS)
{
	Entities   *es = PG_GETARG_ENTITIES_P(0);
	int32	   *nkeys = (int32 *) PG_GETARG_POINTER(1);
	Datum	   *keys = palloc((es->nentries + EK_MAX + 1) * sizeof(Datum));
	bool		kinds[EK_MAX + 1] = {0};
	int			n = 0;

	for (int i = 0; i < es->nentries; i++)
	{
		EntityEntry *e = &es->entries[i];

		keys[n++] = name_key(e->kind, ENTRY_NAME(es, e), e->name_len);
		if (e->kind <= EK_MAX && !kinds[e->kind])
		{
			kinds[e->kind] = true;
			keys[n++] = kind_key(e->kind);
		}
	}
	*nkeys = n;
	PG_RETURN_POINTER(keys);
}

/* Maps each query item to its key number, for the consistent functions. */
typedef struct QueryKeyMap
{
	int			nitems;
	int			map[FLEXIBLE_ARRAY_MEMBER];
} QueryKeyMap;

Datum
gin_extract_entities_query(PG_FUNCTION_ARGS)
{
	int32	   *nkeys = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	Pointer   **extra = (Pointer **) PG_GETARG_POINTER(4);
	int32	   *searchMode = (int32 *) PG_GETARG_POINTER(6);
	Datum	   *keys = NULL;

	*nkeys = 0;
	switch (strategy)
	{
		case STRAT_MATCH:
			{
				NewsQuery  *q = PG_GETARG_NEWSQUERY_P(0);
				QueryKeyMap *map = palloc(offsetof(QueryKeyMap, map) +
										  Max(q->nitems, 1) * sizeof(int));
				int			n = 0;

				map->nitems = q->nitems;
				keys = palloc(Max(q->nitems, 1) * sizeof(Datum));
				*extra = palloc(Max(q->nitems, 1) * sizeof(Pointer));
				for (int i = 0; i < q->nitems; i++)
				{
					NQItem	   *it = &q->items[i];

					map->map[i] = -1;
					if (it->type != NQ_VAL)
						continue;
					keys[n] = (it->flags & NQ_WILDCARD) ? kind_key(it->kind) :
						name_key(it->kind, NQ_NAME(q, it), it->name_len);
					(*extra)[n] = (Pointer) map;
					map->map[i] = n;
					n++;
				}
				*nkeys = n;
				if (!nq_needs_keys(q))
					*searchMode = GIN_SEARCH_MODE_ALL;
				break;
			}
		case STRAT_HAS:
			{
				Entity	   *e = PG_GETARG_ENTITY_P(0);

				keys = palloc(sizeof(Datum));
				keys[0] = name_key(e->kind, e->name, ENTITY_NAMELEN(e));
				*nkeys = 1;
				break;
			}
		case STRAT_CONTAINS:
		case STRAT_OVERLAP:
			{
				Entities   *es = PG_GETARG_ENTITIES_P(0);

				keys = palloc(Max(es->nentries, 1) * sizeof(Datum));
				for (int i = 0; i < es->nentries; i++)
				{
					EntityEntry *e = &es->entries[i];

					keys[i] = name_key(e->kind, ENTRY_NAME(es, e), e->name_len);
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
	QueryKeyMap *map;
} GinCheck;

static NQValue
check_gin(void *arg, const NewsQuery *q, const NQItem *val)
{
	GinCheck   *gc = arg;
	int			k = gc->map->map[val - q->items];

	if (k < 0)
		return NQ_FALSE;
	switch (gc->check[k])
	{
		case GIN_TRUE:
			return NQ_TRUE;
		case GIN_FALSE:
			return NQ_FALSE;
		default:
			return NQ_MAYBE;
	}
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
				gc.map = nkeys > 0 ? (QueryKeyMap *) extra[0] : NULL;
				if (gc.map == NULL)
				{
					/* no keys at all: only negations; evaluate with all absent */
					QueryKeyMap *m = palloc(offsetof(QueryKeyMap, map) +
											Max(q->nitems, 1) * sizeof(int));

					for (int i = 0; i < q->nitems; i++)
						m->map[i] = -1;
					gc.map = m;
				}
				v = nq_execute(q, &gc, check_gin);
				return v == NQ_TRUE ? GIN_TRUE : (v == NQ_FALSE ? GIN_FALSE : GIN_MAYBE);
			}
		case STRAT_HAS:
			return check[0];
		case STRAT_CONTAINS:
			{
				GinTernaryValue res = GIN_TRUE;

				for (int i = 0; i < nkeys; i++)
				{
					if (check[i] == GIN_FALSE)
						return GIN_FALSE;
					if (check[i] == GIN_MAYBE)
						res = GIN_MAYBE;
				}
				return res;
			}
		case STRAT_OVERLAP:
			{
				GinTernaryValue res = GIN_FALSE;

				for (int i = 0; i < nkeys; i++)
				{
					if (check[i] == GIN_TRUE)
						return GIN_TRUE;
					if (check[i] == GIN_MAYBE)
						res = GIN_MAYBE;
				}
				return res;
			}
	}
	elog(ERROR, "unrecognized strategy number: %d", strategy);
	return GIN_FALSE;
}

Datum
gin_entities_consistent(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra = (Pointer *) PG_GETARG_POINTER(4);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);
	GinTernaryValue *tcheck = palloc(Max(nkeys, 1) * sizeof(GinTernaryValue));
	GinTernaryValue res;

	for (int i = 0; i < nkeys; i++)
		tcheck[i] = check[i] ? GIN_TRUE : GIN_FALSE;
	res = consistent_common(tcheck, strategy, PG_GETARG_DATUM(2), nkeys, extra);
	/* hashed keys: confirm on the heap value */
	*recheck = true;
	pfree(tcheck);
	PG_RETURN_BOOL(res == GIN_TRUE);
}

Datum
gin_entities_triconsistent(PG_FUNCTION_ARGS)
{
	GinTernaryValue *check = (GinTernaryValue *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra = (Pointer *) PG_GETARG_POINTER(4);

	GinTernaryValue res = consistent_common(check, strategy, PG_GETARG_DATUM(2), nkeys, extra);

	/* hashed keys: a match is only a candidate */
	PG_RETURN_GIN_TERNARY_VALUE(res == GIN_TRUE ? GIN_MAYBE : res);
}
