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
 * engine works in a private memory context whose chunk arena is reset per
 * chunk; emit runs in a row context, also reset per chunk, so that the
 * datums of the rows do not pile up; rows go to the tuplestore, which
 * spills to disk beyond work_mem.  Memory stays bounded by the chunk.
 */
typedef void (*ChunkEmit) (DipDoc *doc, ReturnSetInfo *rsinfo, void *arg);

static void
segment_text(FunctionCallInfo fcinfo, ChunkEmit emit, void *arg)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *doc = PG_GETARG_TEXT_PP(0);
	MemoryContext cxt;
	MemoryContext rows;
	MemoryContext old;
	DipMem		mem;
	DipDoc		d;

	dipg_check_encoding();
	InitMaterializedSRF(fcinfo, 0);
	cxt = AllocSetContextCreate(CurrentMemoryContext, "diplomat segmenter",
								ALLOCSET_DEFAULT_SIZES);
	rows = AllocSetContextCreate(cxt, "diplomat segmenter rows",
								 ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);
	dipg_mem_init(&mem, cxt);
	dip_doc_init(&d, &mem, VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc));
	while (dip_doc_next_chunk(&d))
	{
		CHECK_FOR_INTERRUPTS();
		MemoryContextSwitchTo(rows);
		emit(&d, rsinfo, arg);
		MemoryContextSwitchTo(cxt);
		MemoryContextReset(rows);
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
		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
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
 * without combining marks: the form dictionaries are matched in.  The text
 * is normalised in pieces of about 64 kB, each in a scratch arena reset
 * after it, checking for interrupts between them.
 */
Datum
dip_normalize_text(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	const char *src = VARDATA_ANY(doc);
	size_t		len = VARSIZE_ANY_EXHDR(doc);
	MemoryContext cxt;
	DipMem		mem;
	DipArena	a;
	StringInfoData buf;
	size_t		pos = 0;

	dipg_check_encoding();
	/* the result is built in place, about as long as the text */
	initStringInfo(&buf);
	enlargeStringInfo(&buf, (int) Min(len + VARHDRSZ, MaxAllocSize / 2));
	appendStringInfoSpaces(&buf, VARHDRSZ);
	cxt = AllocSetContextCreate(CurrentMemoryContext, "diplomat normalize",
								ALLOCSET_DEFAULT_SIZES);
	dipg_mem_init(&mem, cxt);
	dip_arena_init(&a, &mem, 64 * 1024);
	while (pos < len)
	{
		size_t		end = dip_normalize_piece_end(src, len, pos + 64 * 1024);
		char	   *out;
		uint32	   *map;
		size_t		n = dip_normalize_map(&a, src + pos, end - pos, &out, &map);

		appendBinaryStringInfo(&buf, out, (int) n);
		dip_arena_reset(&a);
		pos = end;
		CHECK_FOR_INTERRUPTS();
	}
	MemoryContextDelete(cxt);
	SET_VARSIZE(buf.data, buf.len);
	PG_RETURN_TEXT_P((text *) buf.data);
}
