/*-------------------------------------------------------------------------
 *
 * segment.c
 *	  SQL functions sentences(), tokens() and normalize().
 *
 *-------------------------------------------------------------------------
 */
#include "diplomat.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

PG_FUNCTION_INFO_V1(dip_sentences);
PG_FUNCTION_INFO_V1(dip_tokens);
PG_FUNCTION_INFO_V1(dip_normalize_text);

/*
 * Runs the segmenter over a text datum, calling emit for every chunk.  The
 * engine works in a private memory context; rows go to the tuplestore,
 * which spills to disk beyond work_mem, so memory stays bounded.
 */
typedef void (*ChunkEmit) (DipDoc *doc, ReturnSetInfo *rsinfo, void *arg);

static void
segment_text(FunctionCallInfo fcinfo, ChunkEmit emit, void *arg)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *doc = PG_GETARG_TEXT_PP(0);
	MemoryContext cxt;
	MemoryContext old;
	DipMem		mem;
	DipDoc		d;

	dipg_check_encoding();
	InitMaterializedSRF(fcinfo, 0);
	cxt = AllocSetContextCreate(CurrentMemoryContext, "diplomat segmenter",
								ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);
	dipg_mem_init(&mem, cxt);
	dip_doc_init(&d, &mem, VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc));
	while (dip_doc_next_chunk(&d))
	{
		CHECK_FOR_INTERRUPTS();
		emit(&d, rsinfo, arg);
	}
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
}

static void
emit_sentences(DipDoc *d, ReturnSetInfo *rsinfo, void *arg)
{
	for (uint32 s = 0; s < d->nsents; s++)
	{
		DipSentence *st = &d->sents[s];
		Datum		values[6];
		bool		nulls[6] = {0};

		values[0] = Int32GetDatum((int32) st->number);
		values[1] = Int32GetDatum((int32) st->para);
		values[2] = CStringGetTextDatum(dip_sent_kind_name(st->kind));
		values[3] = Int32GetDatum((int32) st->cstart + 1);
		values[4] = Int32GetDatum((int32) st->clen);
		values[5] = PointerGetDatum(cstring_to_text_with_len(d->text + st->start,
															 (int) st->len));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
}

/* Token numbering continues across chunks. */
typedef struct TokenState
{
	int32		next;
} TokenState;

static void
emit_tokens(DipDoc *d, ReturnSetInfo *rsinfo, void *arg)
{
	TokenState *token_state = arg;
	uint32		i = 0;

	while (i < d->ntoks)
	{
		uint32		e = dip_display_token_end(d, i);
		DipToken   *f = &d->toks[i];
		DipToken   *l = &d->toks[e - 1];
		Datum		values[7];
		bool		nulls[7] = {0};
		int			type = f->type;
		StringInfoData norm;

		/* a hyphenated run is a word unless it is all numbers */
		for (uint32 k = i; k < e; k++)
			if (d->toks[k].type == DIP_TOK_WORD)
				type = DIP_TOK_WORD;
		initStringInfo(&norm);
		for (uint32 k = i; k < e; k++)
			appendBinaryStringInfo(&norm, d->toks[k].norm, (int) d->toks[k].nlen);

		values[0] = Int32GetDatum(++token_state->next);
		values[1] = Int32GetDatum((int32) d->sents[f->sent].number);
		values[2] = Int32GetDatum((int32) f->cstart + 1);
		values[3] = Int32GetDatum((int32) (l->cstart + l->clen - f->cstart));
		values[4] = CStringGetTextDatum(dip_tok_type_name(type));
		values[5] = PointerGetDatum(cstring_to_text_with_len(d->text + f->start,
															 (int) (l->start + l->len - f->start)));
		values[6] = PointerGetDatum(cstring_to_text_with_len(norm.data, norm.len));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		pfree(norm.data);
		i = e;
	}
}

/*
 * diplomat.sentences(doc text) returns (sentence, paragraph, kind, start,
 * len, text): one row per sentence, with 1-based character positions.
 */
Datum
dip_sentences(PG_FUNCTION_ARGS)
{
	segment_text(fcinfo, emit_sentences, NULL);
	return (Datum) 0;
}

/*
 * diplomat.tokens(doc text) returns (token, sentence, start, len, kind,
 * token_text, norm).
 */
Datum
dip_tokens(PG_FUNCTION_ARGS)
{
	TokenState	st = {0};

	segment_text(fcinfo, emit_tokens, &st);
	return (Datum) 0;
}

/*
 * diplomat.normalize(doc text) returns the text in NFKC, case folded and
 * without combining marks: the form dictionaries are matched in.
 */
Datum
dip_normalize_text(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	DipMem		mem;
	DipArena	a;
	char	   *out;
	uint32	   *map;
	size_t		n;
	text	   *res;

	dipg_check_encoding();
	dipg_mem_init(&mem, CurrentMemoryContext);
	dip_arena_init(&a, &mem, 8192);
	n = dip_normalize_map(&a, VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc), &out, &map);
	res = cstring_to_text_with_len(out, (int) n);
	dip_arena_free(&a);
	PG_RETURN_TEXT_P(res);
}
