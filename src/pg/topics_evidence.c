/*-------------------------------------------------------------------------
 *
 * topics_evidence.c
 *	  diplomat.topic_evidence(doc): the evidence behind each topic of a
 *	  document, with the named rules that set evidence aside.
 *
 *-------------------------------------------------------------------------
 */
#include "diplomat.h"
#include "dictionary.h"
#include "nlp.h"
#include "topics.h"

#include "funcapi.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

PG_FUNCTION_INFO_V1(topic_evidence);

#define EVIDENCE_COLUMNS 7

/* A row of the result with the topic's weight, for ordering. */
typedef struct EvidenceOrder
{
	const DipTopicEvidence *ev;
	float		weight;
} EvidenceOrder;

/* Descending topic weight, then topic, then the engine's order. */
static int
cmp_evidence_order(const void *a, const void *b)
{
	const EvidenceOrder *x = a,
			   *y = b;

	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	if (x->ev->topic != y->ev->topic)
		return x->ev->topic < y->ev->topic ? -1 : 1;
	return x->ev < y->ev ? -1 : (x->ev > y->ev);
}

/* The text of a piece of evidence: the words, the entity or the sub-topic. */
static text *
evidence_text(const DipgAnalysis *ga, const DipTopicEvidence *ev)
{
	StringInfoData buf;

	initStringInfo(&buf);
	if (ev->kind == DIP_EVIDENCE_TERM)
	{
		bool		space = false;

		/* the words as in the text, white space collapsed */
		for (uint32 i = ev->start; i < ev->start + ev->len && i < ga->len; i++)
		{
			char		c = ga->text[i];

			if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
				space = true;
			else
			{
				if (space)
					appendStringInfoChar(&buf, ' ');
				space = false;
				appendStringInfoChar(&buf, c);
			}
		}
	}
	else if (ev->kind == DIP_EVIDENCE_ENTITY)
	{
		const DipEnt *e = &ga->an.ents[ev->ref];

		appendStringInfo(&buf, "%s:", dip_kind_name(e->kind));
		appendBinaryStringInfo(&buf, e->name, e->namelen);
	}
	else
		appendStringInfoString(&buf, dip_str(ga->dict, ga->dict->topics[ev->ref].key));
	return cstring_to_text_with_len(buf.data, buf.len);
}

/*
 * diplomat.topic_evidence(doc text): one row per topic and piece of
 * evidence (a term with its occurrences, a gazetteer entity, a
 * sub-topic), by descending topic weight, with the rule that set the
 * evidence aside or lowered it.
 */
Datum
topic_evidence(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	static const char *const kinds[] = {"", "term", "entity", "subtopic"};
	DipgAnalysis ga;
	DipTopicEvidence *rows;
	EvidenceOrder *order;
	float	   *w;
	uint32		n,
				nt;

	InitMaterializedSRF(fcinfo, 0);
	dipg_analysis_begin(&ga, PG_GETARG_TEXT_PP(0), DIP_DATE_NONE, DIP_WANT_TOPICS);
	nt = ga.dict->hdr->ntopics;
	w = palloc0(Max(nt, 1) * sizeof(float));
	dip_topic_weights(&ga.an, w);
	n = dip_topic_evidence(&ga.an, &rows);
	order = palloc(Max(n, 1) * sizeof(EvidenceOrder));
	for (uint32 i = 0; i < n; i++)
	{
		order[i].ev = &rows[i];
		order[i].weight = w[rows[i].topic];
	}
	if (n > 1)
		qsort(order, n, sizeof(EvidenceOrder), cmp_evidence_order);
	for (uint32 i = 0; i < n; i++)
	{
		const DipTopicEvidence *ev = order[i].ev;
		Datum		values[EVIDENCE_COLUMNS];
		bool		nulls[EVIDENCE_COLUMNS] = {false};

		values[0] = CStringGetTextDatum(dip_str(ga.dict, ga.dict->topics[ev->topic].key));
		/* the weight to_topics() stores: thousandths, never 0 when present */
		values[1] = Float4GetDatum(order[i].weight > 0 ?
								   (float4) Max(topic_weight_from_float(order[i].weight), 1) /
								   (float4) TOPIC_WEIGHT_SCALE : 0.0f);
		values[2] = PointerGetDatum(evidence_text(&ga, ev));
		values[3] = CStringGetTextDatum(kinds[ev->kind]);
		values[4] = Int32GetDatum((int32) ev->count);
		nulls[4] = ev->kind == DIP_EVIDENCE_SUBTOPIC;
		values[5] = Float4GetDatum(rintf(ev->score * 1000.0f) / 1000.0f);
		if (ev->rule != NULL)
			values[6] = CStringGetTextDatum(ev->rule->name);
		else
			nulls[6] = true;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	dipg_analysis_end(&ga);
	pfree(w);
	pfree(order);
	return (Datum) 0;
}
