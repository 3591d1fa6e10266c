/*-------------------------------------------------------------------------
 *
 * events.c
 *	  diplomat.events(): CAMEO-coded events of a document, and the
 *	  event_summary aggregate (event counts, mean Goldstein score and
 *	  QuadClass counts) with combine, serialise and deserialise functions,
 *	  and event_summary_combine, which adds up summaries of disjoint sets.
 *
 *-------------------------------------------------------------------------
 */
#include "diplomat.h"
#include "nlp.h"

#include <math.h>

#include "access/htup_details.h"
#include "common/shortest_dec.h"
#include "fmgr.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/tuplestore.h"

#include "dip_cameo.h"

PG_FUNCTION_INFO_V1(dip_events);
PG_FUNCTION_INFO_V1(event_summary_transfn);
PG_FUNCTION_INFO_V1(event_summary_combinefn);
PG_FUNCTION_INFO_V1(event_summary_serialfn);
PG_FUNCTION_INFO_V1(event_summary_deserialfn);
PG_FUNCTION_INFO_V1(event_summary_finalfn);
PG_FUNCTION_INFO_V1(event_summary_combine_transfn);

/* An actor datum (a varlena of the code's letters), or NULL if invalid. */
static Datum
actor_datum(const char *code, bool *isnull)
{
	size_t		len = strlen(code);
	text	   *t;

	if (len == 0 || dip_actor_check(code, len) != NULL)
	{
		*isnull = true;
		return (Datum) 0;
	}
	*isnull = false;
	t = cstring_to_text_with_len(code, (int) len);
	return PointerGetDatum(t);
}

/* The names of the rules that coded an event, joined by "+"; NULL if none. */
static Datum
event_rules_datum(const DipEvent *ev, bool *isnull)
{
	StringInfoData buf;

	*isnull = ev->nrules == 0;
	if (*isnull)
		return (Datum) 0;
	initStringInfo(&buf);
	for (int k = 0; k < ev->nrules; k++)
	{
		if (k > 0)
			appendStringInfoChar(&buf, '+');
		appendStringInfoString(&buf, ev->rules[k]->name);
	}
	return PointerGetDatum(cstring_to_text_with_len(buf.data, buf.len));
}

/* What events() needs to turn a window's events into rows. */
typedef struct EventRows
{
	ReturnSetInfo *rsinfo;
	const char *text;
	bool		statements;		/* bare statements too */
	float8		min_confidence; /* the least confidence of a row */
	MemoryContext rows;			/* the datums of one row */
} EventRows;

/* Puts the events of a window of the document into the tuplestore. */
static void
event_rows(const DipAnalysis *an, void *arg)
{
	EventRows  *er = arg;
	const DipDict *d = an->dict;
	MemoryContext old = MemoryContextSwitchTo(er->rows);

	for (uint32 i = 0; i < an->nev; i++)
	{
		DipEvent   *ev = &an->ev[i];
		DipActorRef *src = ev->source >= 0 ? &an->actors[ev->source] : NULL;
		DipActorRef *tgt = ev->target >= 0 ? &an->actors[ev->target] : NULL;
		const DipCameoInfo *info = dip_cameo_info(ev->code);
		Datum		values[20];
		bool		nulls[20] = {0};

		if (info == NULL || (!er->statements && ev->bare_statement) ||
			(float8) ev->confidence < er->min_confidence)
			continue;
		if (src)
			values[0] = actor_datum(src->code, &nulls[0]);
		else
			nulls[0] = true;
		if (tgt)
			values[1] = actor_datum(tgt->code, &nulls[1]);
		else
			nulls[1] = true;
		values[2] = Int16GetDatum(ev->code);
		if (src)
			values[3] = PointerGetDatum(cstring_to_text_with_len(src->name, src->namelen));
		else
			nulls[3] = true;
		if (tgt)
			values[4] = PointerGetDatum(cstring_to_text_with_len(tgt->name, tgt->namelen));
		else
			nulls[4] = true;
		if (ev->location >= 0)
		{
			DipEnt	   *le = &an->ents[ev->location];

			values[5] = PointerGetDatum(cstring_to_text_with_len(le->name, le->namelen));
			if (le->country[0])
				values[15] = PointerGetDatum(cstring_to_text_with_len(le->country, 3));
			else
				nulls[15] = true;
		}
		else
		{
			nulls[5] = true;
			nulls[15] = true;
		}
		if (ev->date != DIP_DATE_NONE)
			values[6] = DateADTGetDatum((DateADT) ev->date);
		else
			nulls[6] = true;
		values[7] = Int32GetDatum((int32) ev->sentence);
		values[8] = Int32GetDatum((int32) ev->cstart + 1);
		values[9] = Int32GetDatum((int32) ev->clen);
		values[10] = Float8GetDatum(dipg_goldstein_value(info->goldstein));
		values[11] = Int32GetDatum(info->quad_class);
		values[12] = CStringGetTextDatum(dip_str(d, d->patterns[ev->pattern].text));
		if (ev->date != DIP_DATE_NONE)
			values[13] = CStringGetTextDatum(dip_prec_name(ev->date_precision));
		else
			nulls[13] = true;
		values[14] = BoolGetDatum(ev->modality != 0);
		values[16] = PointerGetDatum(cstring_to_text_with_len(er->text + ev->start, (int) ev->len));
		values[17] = event_rules_datum(ev, &nulls[17]);
		values[18] = Float8GetDatum(round((float8) ev->confidence * 100.0) / 100.0);
		if (info->plover)
			values[19] = CStringGetTextDatum(info->plover);
		else
			nulls[19] = true;
		tuplestore_putvalues(er->rsinfo->setResult, er->rsinfo->setDesc, values, nulls);
		MemoryContextReset(er->rows);
		if ((i & 255) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	MemoryContextSwitchTo(old);
}

/*
 * diplomat.events(doc text, published date DEFAULT NULL, statements
 * boolean DEFAULT true, min_confidence double precision DEFAULT 0)
 * returns SETOF diplomat.event, put into the tuplestore window by window:
 * without statements, no bare statements; only events whose confidence
 * reaches min_confidence.
 */
Datum
dip_events(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	DipgAnalysis ga;
	EventRows	er;
	text	   *doc;

	InitMaterializedSRF(fcinfo, 0);
	er.statements = PG_NARGS() < 3 || PG_ARGISNULL(2) || PG_GETARG_BOOL(2);
	er.min_confidence = PG_NARGS() < 4 || PG_ARGISNULL(3) ? 0 : PG_GETARG_FLOAT8(3);
	if (isnan(er.min_confidence) || er.min_confidence < 0 || er.min_confidence > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("min_confidence must be between 0 and 1"),
				 errdetail("The value was %g.", er.min_confidence)));
	/* not STRICT (published may be NULL): a NULL document has no rows */
	if (PG_ARGISNULL(0))
		return (Datum) 0;
	doc = PG_GETARG_TEXT_PP(0);
	er.rsinfo = rsinfo;
	er.text = VARDATA_ANY(doc);
	er.rows = AllocSetContextCreate(CurrentMemoryContext, "diplomat event row",
									ALLOCSET_SMALL_SIZES);
	dipg_analysis_stream(&ga, doc, dipg_published_arg(fcinfo, 1),
						 DIP_WANT_MENTIONS | DIP_WANT_EVENTS, event_rows, &er);
	dipg_analysis_end(&ga);
	MemoryContextDelete(er.rows);
	return (Datum) 0;
}

/* ------------------------------------------------------------------------
 * event_summary(cameo): events, mean Goldstein, QuadClass counts
 * ------------------------------------------------------------------------
 */
/*
 * Goldstein scores have one decimal, so their sum is kept exactly, in
 * tenths: the mean does not depend on the order in which parallel workers
 * combine their states.
 */
typedef struct EventSummary
{
	int64		events;
	int64		goldstein_tenths;
	int64		quad[4];
} EventSummary;

static EventSummary *
summary_state(FunctionCallInfo fcinfo, Datum prev, bool isnull)
{
	MemoryContext aggcxt;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "event_summary called in non-aggregate context");
	if (isnull)
		return MemoryContextAllocZero(aggcxt, sizeof(EventSummary));
	return (EventSummary *) DatumGetPointer(prev);
}

Datum
event_summary_transfn(PG_FUNCTION_ARGS)
{
	EventSummary *st = summary_state(fcinfo, PG_GETARG_DATUM(0), PG_ARGISNULL(0));

	if (!PG_ARGISNULL(1))
	{
		const DipCameoInfo *info = dip_cameo_info(PG_GETARG_INT16(1));

		if (info != NULL)
		{
			st->events++;
			st->goldstein_tenths += (int64) lround(dipg_goldstein_value(info->goldstein) * 10.0);
			if (info->quad_class >= 1 && info->quad_class <= 4)
				st->quad[info->quad_class - 1]++;
		}
	}
	PG_RETURN_POINTER(st);
}

Datum
event_summary_combinefn(PG_FUNCTION_ARGS)
{
	EventSummary *a;
	EventSummary *b;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	a = summary_state(fcinfo, PG_GETARG_DATUM(0), PG_ARGISNULL(0));
	b = (EventSummary *) PG_GETARG_POINTER(1);
	a->events += b->events;
	a->goldstein_tenths += b->goldstein_tenths;
	for (int i = 0; i < 4; i++)
		a->quad[i] += b->quad[i];
	PG_RETURN_POINTER(a);
}

Datum
event_summary_serialfn(PG_FUNCTION_ARGS)
{
	EventSummary *st = (EventSummary *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, st->events);
	pq_sendint64(&buf, st->goldstein_tenths);
	for (int i = 0; i < 4; i++)
		pq_sendint64(&buf, st->quad[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
event_summary_deserialfn(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	MemoryContext aggcxt;
	EventSummary *st;

	if (!AggCheckCallContext(fcinfo, &aggcxt))
		elog(ERROR, "event_summary called in non-aggregate context");
	st = MemoryContextAllocZero(aggcxt, sizeof(EventSummary));
	buf.data = VARDATA_ANY(b);
	buf.len = VARSIZE_ANY_EXHDR(b);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	st->events = pq_getmsgint64(&buf);
	st->goldstein_tenths = pq_getmsgint64(&buf);
	for (int i = 0; i < 4; i++)
		st->quad[i] = pq_getmsgint64(&buf);
	pq_getmsgend(&buf);
	PG_RETURN_POINTER(st);
}

/* An int8 attribute of a composite value, 0 if NULL. */
static int64
stats_int8(HeapTupleHeader t, int attno)
{
	bool		isnull;
	Datum		d = GetAttributeByNum(t, attno, &isnull);

	return isnull ? 0 : DatumGetInt64(d);
}

/*
 * event_summary_combine(event_stats): adds an event_summary result to the
 * state, as the combine function adds states.  The Goldstein sum is
 * recovered exactly from the mean (a whole number of tenths), so that
 * summaries made on several servers combine into the very value one
 * server gives for all their events.
 */
Datum
event_summary_combine_transfn(PG_FUNCTION_ARGS)
{
	EventSummary *st = summary_state(fcinfo, PG_GETARG_DATUM(0), PG_ARGISNULL(0));
	HeapTupleHeader t;
	int64		events;
	bool		isnull;
	Datum		mean;

	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(st);
	t = PG_GETARG_HEAPTUPLEHEADER(1);
	events = stats_int8(t, 1);
	if (events <= 0)
		PG_RETURN_POINTER(st);
	mean = GetAttributeByNum(t, 2, &isnull);
	st->events += events;
	if (!isnull)
	{
		double		tenths = DatumGetFloat8(mean) * 10.0 * (double) events;

		if (isnan(tenths) || fabs(tenths) > 9.0e18)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("event_stats out of range: goldstein_mean %g over %lld events",
							DatumGetFloat8(mean), (long long) events)));
		st->goldstein_tenths += (int64) llround(tenths);
	}
	for (int i = 0; i < 4; i++)
		st->quad[i] += stats_int8(t, 3 + i);
	PG_RETURN_POINTER(st);
}

Datum
event_summary_finalfn(PG_FUNCTION_ARGS)
{
	EventSummary *st;
	TupleDesc	tupdesc;
	Datum		values[7];
	bool		nulls[7] = {0};

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	st = (EventSummary *) PG_GETARG_POINTER(0);
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);
	values[0] = Int64GetDatum(st->events);
	if (st->events > 0)
		values[1] = Float8GetDatum((double) st->goldstein_tenths / 10.0 / (double) st->events);
	else
		nulls[1] = true;
	for (int i = 0; i < 4; i++)
		values[2 + i] = Int64GetDatum(st->quad[i]);
	if (st->events > 0)
		values[6] = Float8GetDatum((double) (st->quad[0] + st->quad[1] - st->quad[2] - st->quad[3]) /
								   (double) st->events);
	else
		nulls[6] = true;
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
