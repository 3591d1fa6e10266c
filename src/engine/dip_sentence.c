/*-------------------------------------------------------------------------
 *
 * dip_sentence.c
 *	  The per-sentence working state of the stages.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_sentence.h"

#include <string.h>

/* A sentence is caseless when capitals say nothing: headlines, all caps. */
static bool
sentence_caseless(const DipSentence *s, const DipToken *t, uint32_t n)
{
	uint32_t	words = 0,
				caps = 0;

	if (s->kind == DIP_SENT_HEADLINE)
		return true;
	for (uint32_t i = 0; i < n; i++)
	{
		if (t[i].type != DIP_TOK_WORD || t[i].nlen < 2)
			continue;
		words++;
		if (t[i].flags & DIP_TF_ALLCAPS)
			caps++;
	}
	return words >= 3 && caps * 10 >= words * 7;
}

/* Sets up the context of sentence st (see dip_sentence.h). */
void
dip_sentence_begin(DipSentCtx *sc, DipAnalysis *an, DipDoc *doc, DipSentence *st)
{
	uint32_t	n = st->ntok;

	memset(sc, 0, sizeof(*sc));
	sc->an = an;
	sc->doc = doc;
	sc->sent = st;
	sc->t = &doc->toks[st->first];
	sc->n = n;
	sc->caseless = sentence_caseless(st, sc->t, n);
	sc->ndates = -1;
	sc->ent_len = dip_arena_alloc0(&doc->chunk_arena, n * sizeof(uint16_t));
	sc->ent_ref = dip_arena_alloc(&doc->chunk_arena, n * sizeof(int32_t));
	sc->ent_flags = dip_arena_alloc0(&doc->chunk_arena, n * sizeof(uint8_t));
	sc->role_len = dip_arena_alloc0(&doc->chunk_arena, n * sizeof(uint16_t));
	sc->role_ref = dip_arena_alloc(&doc->chunk_arena, n * sizeof(int32_t));
	sc->tok_mention = dip_arena_alloc(&doc->chunk_arena, n * sizeof(int32_t));
	sc->ent_alt = dip_arena_alloc(&doc->chunk_arena, n * sizeof(int32_t));
	for (uint32_t i = 0; i < n; i++)
		sc->tok_mention[i] = sc->ent_alt[i] = -1;
	sc->first_mention = an->nm;
}

/* The sentence's date expressions (past reading), computed once. */
int
dip_sentence_dates(DipSentCtx *sc)
{
	if (sc->ndates < 0)
	{
		sc->dates = dip_arena_alloc(&sc->doc->chunk_arena, 8 * sizeof(DipDateExpr));
		sc->ndates = sc->an->published != DIP_DATE_NONE ?
			dip_find_dates(sc->an->dict, sc->t, sc->n, sc->an->published, false, sc->dates, 8) : 0;
	}
	return sc->ndates;
}
