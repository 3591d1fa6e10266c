/*-------------------------------------------------------------------------
 *
 * dip_match.c
 *	  Match the dictionaries: every token is looked up in the vocabulary,
 *	  then one trie walk from each token finds gazetteer aliases, titles
 *	  and agents, event-pattern anchors and topic terms.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_match.h"

/* Looks up every token of the document's current chunk in the vocabulary. */
void
dip_match_words(DipDoc *doc, const DipDict *dict)
{
	for (uint32_t i = 0; i < doc->ntoks; i++)
		doc->toks[i].wid = dip_vocab_lookup(dict, doc->toks[i].norm, doc->toks[i].nlen);
}

/* True if token t satisfies the case constraints of alias token i. */
static inline bool
case_ok(const DipItem *it, int i, const DipToken *t, bool caseless)
{
	uint32_t	bit = 1u << i;

	if ((it->allcapsmask & bit) && !(t->flags & DIP_TF_ALLCAPS))
		return false;
	if ((it->capmask & bit) && !(t->flags & DIP_TF_UPPER) && !caseless)
		return false;
	if ((it->capmask & bit) && caseless && !(t->flags & DIP_TF_UPPER))
		return false;
	return true;
}

/*
 * Walks the trie from every token of the sentence and records, per
 * starting token, the longest entity alias and role that match, the
 * pattern anchors, and the topic term groups.
 */
void
dip_match_sentence(DipSentCtx *sc)
{
	const DipDict *d = sc->an->dict;
	DipToken   *t = sc->t;
	uint32_t	n = sc->n;
	bool		topics = sc->an->topics != NULL;

	for (uint32_t i = 0; i < n; i++)
	{
		uint32_t	node = 0;
		uint32_t	wid = t[i].wid;

		if (wid == 0 || !d->words[wid].root_edges)
			continue;
		for (uint32_t j = i; j < n && j - i < 24; j++)
		{
			const DipNode *nd;

			wid = t[j].wid;
			if (wid == 0)
				break;
			node = dip_trie_child(d, node, wid);
			if (node == 0)
				break;
			nd = &d->nodes[node];
			for (uint32_t k = 0; k < nd->item_count; k++)
			{
				const DipItem *it = &d->items[nd->item_first + k];
				uint16_t	len = (uint16_t) (j - i + 1);

				switch (it->type)
				{
					case DIP_ITEM_ENTITY:
						/* in all-caps lines, "IS" and "US" are words */
						if (sc->caseless && len == 1 && (t[i].flags & DIP_TF_ALLCAPS) &&
							t[i].nlen <= 3 && (d->words[t[i].wid].lex & LX_FUNCTION))
							break;
						if (len > sc->ent_len[i])
						{
							bool		ok = true;

							for (uint32_t q = i; q <= j && ok; q++)
								ok = case_ok(it, (int) (q - i), &t[q], sc->caseless);
							if (ok)
							{
								sc->ent_len[i] = len;
								sc->ent_ref[i] = (int32_t) it->ref;
							}
						}
						break;
					case DIP_ITEM_ROLE:
						if (len > sc->role_len[i])
						{
							sc->role_len[i] = len;
							sc->role_ref[i] = (int32_t) it->ref;
						}
						break;
					case DIP_ITEM_PATTERN:
						if (sc->an->want & DIP_WANT_EVENTS)
						{
							sc->anchors = dip_array_reserve(&sc->doc->chunk_arena, sc->anchors,
															&sc->anchorcap, sc->nanchors + 1,
															2 * sizeof(uint32_t), 16);
							sc->anchors[sc->nanchors * 2] = i;
							sc->anchors[sc->nanchors * 2 + 1] = it->ref;
							sc->nanchors++;
						}
						break;
					case DIP_ITEM_TERM:
						if (topics)
						{
							DIP_ARRAY_PUSH(&sc->doc->chunk_arena, sc->terms, sc->nterms,
										   sc->termcap, 16);
							sc->terms[sc->nterms].group = it->ref;
							sc->terms[sc->nterms].first = i;
							sc->terms[sc->nterms++].ntok = len;
						}
						break;
				}
			}
		}
	}
}
