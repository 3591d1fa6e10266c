/*-------------------------------------------------------------------------
 *
 * json.c
 *	  Casts of entities and topics to jsonb, for applications and tools
 *	  that read JSON.
 *
 *	  entities	[{"kind": "PER", "name": "Antony Blinken", "country": "USA",
 *				  "mentions": 3}, ...] in the value's order (kind, name);
 *				  "country" is null when unknown
 *	  topics	{"cross_strait": 0.631, ...}, weights exact to the
 *				  thousandth, as in the text form
 *
 * Both are built as JSON text with escape_json() and read by jsonb_in, so
 * they depend on nothing but the value: IMMUTABLE.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "entities.h"
#include "topics.h"

#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"

PG_FUNCTION_INFO_V1(entities_to_jsonb);
PG_FUNCTION_INFO_V1(topics_to_jsonb);

/* Appends a JSON string of len bytes. */
static void
append_json_string(StringInfo buf, const char *s, int len)
{
	char	   *z = pnstrdup(s, len);

	escape_json(buf, z);
	pfree(z);
}

/* diplomat.entities_to_jsonb(entities): the cast entities::jsonb. */
Datum
entities_to_jsonb(PG_FUNCTION_ARGS)
{
	Entities   *es = PG_GETARG_ENTITIES_P(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '[');
	for (int i = 0; i < es->nentries; i++)
	{
		EntityEntry *e = &es->entries[i];

		appendStringInfo(&buf, "%s{\"kind\": \"%s\", \"name\": ", i > 0 ? ", " : "",
						 entity_kind_name(e->kind));
		append_json_string(&buf, ENTRY_NAME(es, e), e->name_len);
		if (e->country[0])
			appendStringInfo(&buf, ", \"country\": \"%.3s\"", e->country);
		else
			appendStringInfoString(&buf, ", \"country\": null");
		appendStringInfo(&buf, ", \"mentions\": %u}", e->count);
	}
	appendStringInfoChar(&buf, ']');
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}

/* diplomat.topics_to_jsonb(topics): the cast topics::jsonb. */
Datum
topics_to_jsonb(PG_FUNCTION_ARGS)
{
	Topics	   *ts = PG_GETARG_TOPICS_P(0);
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (int i = 0; i < ts->ntopics; i++)
	{
		TopicEntry *e = &ts->entries[i];

		if (i > 0)
			appendStringInfoString(&buf, ", ");
		append_json_string(&buf, TOPIC_KEY(ts, e), e->key_len);
		appendStringInfoString(&buf, ": ");
		topic_weight_append(&buf, e->weight);
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_DATUM(DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data)));
}
