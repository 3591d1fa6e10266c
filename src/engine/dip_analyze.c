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
 *	  resolve				dip_resolve.c (end of document)
 *
 *-------------------------------------------------------------------------
 */
#include "dip_analyze.h"
#include "dip_events.h"
#include "dip_match.h"
#include "dip_recognise.h"
#include "dip_resolve.h"
#include "dip_topics.h"

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

/* Analyses text[0..len) (see dip_analyze.h). */
void
dip_analyze(DipAnalysis *an, const char *text, size_t len)
{
	DipDoc		doc;

	dip_doc_init(&doc, &an->arena.mem, text, len);
	while (dip_doc_next_chunk(&doc))
	{
		dip_match_words(&doc, an->dict);
		for (uint32_t s = 0; s < doc.nsents; s++)
			analyze_sentence(an, &doc, &doc.sents[s]);
	}
	dip_doc_free(&doc);
	/* aliases across the document, caseless lines, rejected words */
	dip_resolve_document(an, text);
	/* the topics, from the terms outside names and the gazetteer entities */
	dip_topics_document(an, text);
}
