/*-------------------------------------------------------------------------
 *
 * entities_selfuncs.c
 *	  ANALYZE support and selectivity estimation for entities columns.
 *
 * ANALYZE collects, over the sampled rows, how many rows contain each
 * entity, and stores the most common ones as a STATISTIC_KIND_MCELEM slot
 * (elements as "KIND:name" texts, frequencies as fractions of rows, then
 * the minimum and maximum frequency, as ts_typanalyze does).  The
 * selectivity of @@ combines the frequencies of its operands through the
 * boolean expression (AND multiplies, OR adds minus overlap, NOT
 * complements); an entity not in the list gets half the smallest listed
 * frequency.  Without statistics, a default of 0.5% per entity is used.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "entities.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_operator.h"
#include "catalog/pg_statistic.h"
#include "catalog/pg_type.h"
#include "commands/vacuum.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/nodeFuncs.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/lsyscache.h"
#include "utils/selfuncs.h"
#include "utils/syscache.h"

PG_FUNCTION_INFO_V1(entities_typanalyze);
PG_FUNCTION_INFO_V1(entities_matchsel);
PG_FUNCTION_INFO_V1(entities_unnest);

#define DEFAULT_ENT_FREQ	0.005

/* ------------------------------------------------------------------------
 * ANALYZE
 * ------------------------------------------------------------------------
 */
#define STATKEY_LEN 256			/* longer keys are truncated for statistics */

typedef struct KeyCount
{
	char		key[STATKEY_LEN];	/* "KIND:name", NUL-terminated */
	int			rows;
} KeyCount;

static int
cmp_keycount_desc(const void *a, const void *b)
{
	const KeyCount *x = *(KeyCount *const *) a;
	const KeyCount *y = *(KeyCount *const *) b;

	if (x->rows != y->rows)
		return x->rows > y->rows ? -1 : 1;
	return strcmp(x->key, y->key);
}

static int
cmp_keycount_key(const void *a, const void *b)
{
	const KeyCount *x = *(KeyCount *const *) a;
	const KeyCount *y = *(KeyCount *const *) b;

	return strcmp(x->key, y->key);
}

static void
compute_entities_stats(VacAttrStats *stats, AnalyzeAttrFetchFunc fetchfunc,
					   int samplerows, double totalrows)
{
	/*
	 * tsvector keeps ten elements per unit of statistics target; a document
	 * names about ten times fewer entities than it has lexemes, and every
	 * plan decompresses this array, so three per unit are kept.
	 */
	int			num_mcelem = stats->attr->attstattarget > 0 ?
		stats->attr->attstattarget * 3 : default_statistics_target * 3;
	HASHCTL		ctl;
	HTAB	   *htab;
	int			nonnull = 0;
	double		total_width = 0;
	MemoryContext old;
	MemoryContext cxt = AllocSetContextCreate(CurrentMemoryContext, "entities analyze",
											  ALLOCSET_DEFAULT_SIZES);

	old = MemoryContextSwitchTo(cxt);
	ctl.keysize = STATKEY_LEN;
	ctl.entrysize = sizeof(KeyCount);
	ctl.hcxt = cxt;
	htab = hash_create("entities analyze", 1024, &ctl,
					   HASH_ELEM | HASH_STRINGS | HASH_CONTEXT);
	for (int r = 0; r < samplerows; r++)
	{
		bool		isnull;
		Datum		v = fetchfunc(stats, r, &isnull);
		Entities   *es;

		vacuum_delay_point();
		if (isnull)
			continue;
		nonnull++;
		total_width += VARSIZE_ANY(DatumGetPointer(v));
		es = DatumGetEntitiesP(v);
		for (int i = 0; i < es->nentries; i++)
		{
			EntityEntry *e = &es->entries[i];
			char		key[STATKEY_LEN];
			KeyCount   *kc;
			bool		found;

			snprintf(key, sizeof(key), "%s:%.*s", entity_kind_name(e->kind),
					 (int) e->name_len, ENTRY_NAME(es, e));
			kc = hash_search(htab, key, HASH_ENTER, &found);
			if (!found)
				kc->rows = 0;
			kc->rows++;
		}
		if ((Pointer) es != DatumGetPointer(v))
			pfree(es);
	}
	MemoryContextSwitchTo(old);

	if (nonnull > 0)
	{
		long		nkeys = hash_get_num_entries(htab);
		KeyCount  **all = MemoryContextAlloc(cxt, Max(nkeys, 1) * sizeof(KeyCount *));
		HASH_SEQ_STATUS seq;
		KeyCount   *kc;
		int			n = 0;
		int			keep;

		hash_seq_init(&seq, htab);
		while ((kc = hash_seq_search(&seq)) != NULL)
			all[n++] = kc;
		qsort(all, n, sizeof(KeyCount *), cmp_keycount_desc);
		keep = Min(n, num_mcelem);
		/* entities seen once in a big sample are noise, not common */
		while (keep > 0 && all[keep - 1]->rows < 2 && samplerows > 100)
			keep--;

		stats->stats_valid = true;
		stats->stanullfrac = (double) (samplerows - nonnull) / samplerows;
		stats->stawidth = total_width / nonnull;
		stats->stadistinct = -1.0 * (1.0 - stats->stanullfrac);
		if (keep > 0)
		{
			Datum	   *values = MemoryContextAlloc(stats->anl_context, keep * sizeof(Datum));
			float4	   *freqs = MemoryContextAlloc(stats->anl_context, (keep + 2) * sizeof(float4));
			float4		minf = 1,
						maxf = 0;

			/* elements sorted by key, as MCELEM requires */
			qsort(all, keep, sizeof(KeyCount *), cmp_keycount_key);
			old = MemoryContextSwitchTo(stats->anl_context);
			for (int i = 0; i < keep; i++)
			{
				values[i] = PointerGetDatum(cstring_to_text(all[i]->key));
				freqs[i] = (float4) all[i]->rows / nonnull;
				minf = Min(minf, freqs[i]);
				maxf = Max(maxf, freqs[i]);
			}
			MemoryContextSwitchTo(old);
			freqs[keep] = minf;
			freqs[keep + 1] = maxf;
			stats->stakind[0] = STATISTIC_KIND_MCELEM;
			stats->staop[0] = TextEqualOperator;
			stats->stacoll[0] = C_COLLATION_OID;
			stats->stanumbers[0] = freqs;
			stats->numnumbers[0] = keep + 2;
			stats->stavalues[0] = values;
			stats->numvalues[0] = keep;
			stats->statypid[0] = TEXTOID;
			stats->statyplen[0] = -1;
			stats->statypbyval[0] = false;
			stats->statypalign[0] = 'i';
		}
	}
	else
	{
		stats->stats_valid = true;
		stats->stanullfrac = 1.0;
		stats->stawidth = 0;
		stats->stadistinct = 0.0;
	}
	MemoryContextDelete(cxt);
}

Datum
entities_typanalyze(PG_FUNCTION_ARGS)
{
	VacAttrStats *stats = (VacAttrStats *) PG_GETARG_POINTER(0);

	if (stats->attr->attstattarget < 0)
		stats->attr->attstattarget = default_statistics_target;
	stats->compute_stats = compute_entities_stats;
	stats->minrows = 300 * stats->attr->attstattarget;
	PG_RETURN_BOOL(true);
}

/* ------------------------------------------------------------------------
 * Selectivity
 * ------------------------------------------------------------------------
 */
typedef struct SelCtx
{
	Datum	   *values;
	int			nvalues;
	float4	   *numbers;
	int			nnumbers;
	float4		minfreq;
	NQResolved *res;			/* the newsquery's names, resolved */
} SelCtx;

static double
key_freq(SelCtx *sc, int kind, const char *name, int len, bool wildcard)
{
	char	   *key = psprintf("%s:%.*s", entity_kind_name(kind), len, name);
	int			klen = strlen(key);

	if (sc->values == NULL)
		return wildcard ? 0.5 : DEFAULT_ENT_FREQ;
	if (wildcard)
	{
		/* a kind: the most frequent entity of that kind bounds it below */
		double		best = 0;

		for (int i = 0; i < sc->nvalues; i++)
		{
			text	   *t = DatumGetTextPP(sc->values[i]);

			if (VARSIZE_ANY_EXHDR(t) >= klen &&
				memcmp(VARDATA_ANY(t), key, klen) == 0)
				best = Max(best, sc->numbers[i]);
		}
		return Min(1.0, Max(best * 2, DEFAULT_ENT_FREQ));
	}
	{
		int			lo = 0,
					hi = sc->nvalues - 1;

		while (lo <= hi)
		{
			int			mid = (lo + hi) / 2;
			text	   *t = DatumGetTextPP(sc->values[mid]);
			int			tl = VARSIZE_ANY_EXHDR(t);
			int			c = strncmp(VARDATA_ANY(t), key, Min(tl, klen));

			if (c == 0)
				c = tl < klen ? -1 : (tl > klen);
			if (c == 0)
				return sc->numbers[mid];
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid - 1;
		}
	}
	/* not among the most common: rarer than all of them */
	return Min(DEFAULT_ENT_FREQ, sc->minfreq / 2);
}

/* Selectivity of an operand: its names' frequencies, as if independent. */
static void
sel_leaf(void *arg, const NewsQuery *q, const NQItem *val, void *out)
{
	SelCtx	   *sc = arg;
	int			i = val - q->items;
	double		none = 1.0;

	if (val->flags & NQ_WILDCARD)
	{
		*(double *) out = key_freq(sc, val->kind, "", 0, true);
		return;
	}
	for (int k = 0; k < sc->res->count[i]; k++)
	{
		SSetItem   *n = &sc->res->names[sc->res->first[i] + k];

		none *= 1.0 - key_freq(sc, n->kind, n->name, n->len, false);
	}
	*(double *) out = 1.0 - none;
}

/* Selectivity of a whole query. */
static double
query_sel(SelCtx *sc, NewsQuery *q)
{
	double		sel = 0.0;

	if (q->nitems > 0)
	{
		/* the planner's guess must not talk: no NOTICEs */
		sc->res = nq_resolve(q, false);
		nq_fold(q, sizeof(double), sel_leaf, nq_fuzzy_oper, sc, &sel);
	}
	return sel;
}

/* OID of a type in the diplomat schema. */
static Oid
diplomat_type(const char *name)
{
	Oid			nsp = get_namespace_oid("diplomat", true);

	if (!OidIsValid(nsp))
		return InvalidOid;
	return GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
						   PointerGetDatum(name), ObjectIdGetDatum(nsp));
}

Datum
entities_matchsel(PG_FUNCTION_ARGS)
{
	PlannerInfo *root = (PlannerInfo *) PG_GETARG_POINTER(0);
	Oid			operator = PG_GETARG_OID(1);
	List	   *args = (List *) PG_GETARG_POINTER(2);
	int			varRelid = PG_GETARG_INT32(3);
	VariableStatData vardata;
	Node	   *other;
	bool		varonleft;
	Selectivity sel = DEFAULT_ENT_FREQ;
	SelCtx		sc = {0};
	AttStatsSlot sslot;
	bool		have_slot = false;
	Datum		constval;

	if (!get_restriction_variable(root, args, varRelid, &vardata, &other, &varonleft))
		PG_RETURN_FLOAT8(DEFAULT_ENT_FREQ);
	if (!IsA(other, Const) || ((Const *) other)->constisnull)
	{
		ReleaseVariableStats(vardata);
		PG_RETURN_FLOAT8(DEFAULT_ENT_FREQ);
	}
	constval = ((Const *) other)->constvalue;

	if (HeapTupleIsValid(vardata.statsTuple))
	{
		memset(&sslot, 0, sizeof(sslot));
		if (get_attstatsslot(&sslot, vardata.statsTuple, STATISTIC_KIND_MCELEM,
							 InvalidOid, ATTSTATSSLOT_VALUES | ATTSTATSSLOT_NUMBERS) &&
			sslot.nnumbers == sslot.nvalues + 2)
		{
			have_slot = true;
			sc.values = sslot.values;
			sc.nvalues = sslot.nvalues;
			sc.numbers = sslot.numbers;
			sc.nnumbers = sslot.nnumbers;
			sc.minfreq = sslot.numbers[sslot.nvalues];
		}
	}

	{
		Oid			ctype = ((Const *) other)->consttype;

		if (ctype == diplomat_type("newsquery"))
		{
			NewsQuery  *q = DatumGetNewsQueryP(constval);

			sel = query_sel(&sc, q);
		}
		else if (ctype == diplomat_type("entities"))
		{
			Entities   *es = DatumGetEntitiesP(constval);
			char	   *oprname = get_opname(operator);
			bool		overlap = oprname && strcmp(oprname, "&&") == 0;

			sel = overlap ? 0.0 : 1.0;
			for (int i = 0; i < es->nentries; i++)
			{
				EntityEntry *e = &es->entries[i];
				double		f = key_freq(&sc, e->kind, ENTRY_NAME(es, e), e->name_len, false);

				if (overlap)
					sel = sel + f - sel * f;
				else
					sel *= f;
			}
		}
		else if (ctype == diplomat_type("entity"))
		{
			Entity	   *e = DatumGetEntityP(constval);

			sel = key_freq(&sc, e->kind, e->name, ENTITY_NAMELEN(e), false);
		}
	}
	if (have_slot)
		free_attstatsslot(&sslot);
	ReleaseVariableStats(vardata);
	CLAMP_PROBABILITY(sel);
	PG_RETURN_FLOAT8(sel);
}

/* ------------------------------------------------------------------------
 * unnest(entities)
 * ------------------------------------------------------------------------
 */
Datum
entities_unnest(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	Entities   *es = PG_GETARG_ENTITIES_P(0);

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < es->nentries; i++)
	{
		EntityEntry *e = &es->entries[i];
		Datum		values[5];
		bool		nulls[5] = {0};

		values[0] = PointerGetDatum(make_entity(e->kind, ENTRY_NAME(es, e), e->name_len,
												e->country));
		values[1] = CStringGetTextDatum(entity_kind_name(e->kind));
		values[2] = PointerGetDatum(cstring_to_text_with_len(ENTRY_NAME(es, e), e->name_len));
		if (e->country[0])
			values[3] = PointerGetDatum(cstring_to_text_with_len(e->country, 3));
		else
			nulls[3] = true;
		values[4] = Int32GetDatum((int32) e->count);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
