/*-------------------------------------------------------------------------
 *
 * dip_analyze.c
 *	  The driver: one pass over the text, chunk by chunk and sentence by
 *	  sentence, running the pipeline's stages in order.
 *
 *	  normalise, segment	dip_normalize.c, dip_segment.c (per chunk)
 *	  match dictionaries	dip_match.c
 *	  recognise			dip_recognise.c
 *	  topic evidence		dip_topics.c
 *	  events				dip_events.c
 *	  resolve				dip_resolve.c (end of a window of the document)
 *
 *-------------------------------------------------------------------------
 */
#include "dip_analyze.h"
#include "dip_events.h"
#include "dip_match.h"
#include "dip_recognise.h"
#include "dip_resolve.h"
#include "dip_topics.h"

#include <stdint.h>
#include <string.h>

/* Sets up an analysis of a document against dictionary dict. */
void
dip_analysis_init(DipAnalysis *an, const DipMem *mem, const DipDict *dict,
				  int32_t published, int want)
{
	memset(an, 0, sizeof(*an));
	dip_arena_init(&an->arena, mem, 32 * 1024);
	an->dict = dict;
	an->published = published;
	an->want = want;
	an->lead_date = DIP_DATE_NONE;
	an->dateline_place = -1;
	/* what later sentences need of earlier ones stays bounded */
	an->lcset.limit = DIP_MAX_DOC_WORDS;
	an->names.limit = DIP_MAX_DOC_WORDS;
	dip_topics_init(an);
}


/* Frees everything the analysis allocated. */
void
dip_analysis_free(DipAnalysis *an)
{
	dip_arena_free(&an->arena);
}

/* Runs the stages over one sentence of the document's current chunk. */
static void
analyze_sentence(DipAnalysis *an, DipDoc *doc, DipSentence *st)
{
	DipSentCtx	sc;

	an->nsentences++;
	an->ntokens += st->ntok;
	if (st->kind == DIP_SENT_BOILERPLATE)
		return;
	dip_sentence_begin(&sc, an, doc, st);
	/* aliases, titles, pattern anchors and topic terms, in one trie walk */
	dip_match_sentence(&sc);
	/* entity mentions */
	if (an->want & (DIP_WANT_MENTIONS | DIP_WANT_EVENTS | DIP_WANT_TOPICS))
		dip_recognise_sentence(&sc);
	/* the topic terms found, with the names they are in */
	dip_topics_sentence(&sc);
	/* the dateline's place and the lead's date, for the events after it */
	dip_events_note_lead(&sc);
	/* who did what to whom */
	if (an->want & DIP_WANT_EVENTS)
		dip_events_sentence(&sc);
}

/*
 * Ends a window of the document: resolves its mentions, hands them and its
 * events to fn, and adds its mention counts to the document's in *totals
 * (grown to the entities, *ntotals of them).  Entities keep the counts of
 * the document so far, so that later windows resolve names to them.
 */
static void
end_window(DipAnalysis *an, const char *text, DipWindowFn fn, void *arg,
		   uint32_t **totals, uint32_t *ntotals)
{
	uint32_t	cap = *ntotals;

	/* aliases across the window, caseless lines, rejected words */
	dip_resolve_document(an, text);
	/* the window's topic terms judged, now that its names are resolved */
	dip_topics_window(an, text);
	if (fn)
		fn(an, arg);
	*totals = dip_array_reserve0(&an->arena, *totals, &cap, an->nents, sizeof(uint32_t), 64);
	*ntotals = cap;
	for (uint32_t e = 0; e < an->nents; e++)
	{
		(*totals)[e] += an->ents[e].count;
		an->ents[e].count = (*totals)[e];
	}
}

/*
 * Forgets the mentions, events, actors and caseless lines of the window
 * just ended (fn has seen them); their arrays are reused by the next one.
 * Entities, the names and lower-case words seen, the topic evidence and
 * the event coder's state carry on.
 */
static void
drop_window(DipAnalysis *an)
{
	an->nm = 0;
	an->ncaseless = 0;
	an->nev = 0;
	an->nactors = 0;
}

/* Analyses text[0..len) in windows (see dip_analyze.h). */
void
dip_analyze_windows(DipAnalysis *an, const char *text, size_t len, size_t window,
					DipWindowFn fn, void *arg)
{
	DipDoc		doc;
	size_t		wstart = 0;
	uint32_t   *totals = NULL;
	uint32_t	ntotals = 0;

	dip_doc_init(&doc, &an->arena.mem, text, len);
	while (dip_doc_next_chunk(&doc))
	{
		/* a full window ends before the next chunk */
		if (doc.toks[0].start - wstart >= window)
		{
			end_window(an, text, fn, arg, &totals, &ntotals);
			drop_window(an);
			wstart = doc.toks[0].start;
		}
		dip_match_words(&doc, an->dict);
		for (uint32_t s = 0; s < doc.nsents; s++)
		{
			analyze_sentence(an, &doc, &doc.sents[s]);
			/* the stages' cost per sentence is bounded, not per chunk */
			if (dip_interrupt_hook)
				dip_interrupt_hook();
		}
	}
	dip_doc_free(&doc);
	end_window(an, text, fn, arg, &totals, &ntotals);
	/* the topics, from the terms outside names and the gazetteer entities */
	dip_topics_document(an);
}

/* Analyses text[0..len) as one window (see dip_analyze.h). */
void
dip_analyze(DipAnalysis *an, const char *text, size_t len)
{
	dip_analyze_windows(an, text, len, SIZE_MAX, NULL, NULL);
}
