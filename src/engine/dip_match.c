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

/* tokens between prefetching a vocabulary slot and the lookup that uses it */
#define LOOKAHEAD 24
/* a ring of slots, a power of two above LOOKAHEAD */
#define RING 32

/*
 * Looks up every token of the document's current chunk in the vocabulary.
 * The lookups of a chunk are independent, and each touches tables larger
 * than the processor's caches (the slot, the word, its string): they are
 * pipelined, the slot of the token LOOKAHEAD ahead prefetched, its word
 * two thirds of the way and its string a third of the way there, so that
 * the memory loads of several tokens overlap.
 */
void
dip_match_words(DipDoc *doc, const DipDict *dict)
{
	uint32_t	mask = dict->hdr->vocab_size - 1;
	uint32_t	slot[RING];
	uint32_t	n = doc->ntoks;
	DipToken   *t = doc->toks;

	for (uint32_t i = 0; i < n + LOOKAHEAD; i++)
	{
		uint32_t	j;

		if (i < n)
		{
			slot[i % RING] = dip_word_hash(t[i].norm, t[i].nlen) & mask;
			DIP_PREFETCH(&dict->vocab[slot[i % RING]]);
		}
		if (i >= LOOKAHEAD / 3 && (j = i - LOOKAHEAD / 3) < n && dict->vocab[slot[j % RING]] != 0)
			DIP_PREFETCH(&dict->words[dict->vocab[slot[j % RING]]]);
		if (i >= 2 * LOOKAHEAD / 3 && (j = i - 2 * LOOKAHEAD / 3) < n &&
			dict->vocab[slot[j % RING]] != 0)
			DIP_PREFETCH(dict->strpool + dict->words[dict->vocab[slot[j % RING]]].str);
		if (i >= LOOKAHEAD && (j = i - LOOKAHEAD) < n)
			t[j].wid = dip_vocab_lookup_slot(dict, t[j].norm, t[j].nlen, slot[j % RING]);
	}
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

/* True if only punctuation comes before token i: it starts the sentence. */
static bool
first_word(const DipToken *t, uint32_t i)
{
	for (uint32_t k = 0; k < i; k++)
		if (t[k].type == DIP_TOK_WORD || t[k].type == DIP_TOK_NUMBER)
			return false;
	return true;
}

/* "<GE>", "<IS>": a stock ticker in wire copy is no name. */
static bool
in_ticker(const DipToken *t, uint32_t n, uint32_t i, uint32_t j)
{
	return i > 0 && DIP_TOK_IS(&t[i - 1], "<") && j + 1 < n && DIP_TOK_IS(&t[j + 1], ">");
}

/*
 * True if the alias's rules (DIP_ALIAS_*) let it match tokens [i, j] of
 * the sentence: not in capitals where it is "nocaseless", only as written
 * where it is "exactcase", not after a capitalised word where it is
 * "nolegal".
 */
static bool
alias_rules_ok(const DipSentCtx *sc, const DipItem *it, uint32_t i, uint32_t j)
{
	const DipToken *t = sc->t;

	if ((it->flags & (DIP_ALIAS_NOCASELESS | DIP_ALIAS_EXACTCASE)) && sc->caseless)
		return false;
	if (it->flags & DIP_ALIAS_EXACTCASE)
	{
		if (first_word(t, i) || (j + 1 < sc->n && dip_tok_capword(&t[j + 1])))
			return false;
		for (uint32_t q = i; q <= j; q++)
			if ((t[q].flags & DIP_TF_ALLCAPS) && t[q].nlen > 1 &&
				!(it->allcapsmask & (1u << (q - i))))
				return false;
	}
	if ((it->flags & DIP_ALIAS_NOLEGAL) && i > 0 && dip_tok_capword(&t[i - 1]))
		return false;
	return true;
}

/*
 * Whether gazetteer entity ge fits publication date published: 2 valid
 * then, 1 no longer (or, undated, an entity that ended), 0 an
 * organisation not yet founded.
 */
static int
valid_at(const DipEntity *ge, int32_t published)
{
	if (published == DIP_DATE_NONE)
		return ge->valid_to == INT32_MAX ? 2 : 1;
	if (ge->valid_from != DIP_NO_DATE && published < ge->valid_from)
		return ge->kind == DIP_KIND_ORG ? 0 : 1;
	return published <= ge->valid_to ? 2 : 1;
}

/*
 * True if entity alias it, of len tokens, is a better match at token i
 * than the one found so far: longer, or as long and valid at the
 * publication date when that one is not, or founded later (the EC of
 * 1987 is the European Community, not the Commission).
 */
static bool
better_alias(const DipSentCtx *sc, const DipItem *it, uint32_t i, uint16_t len, int valid)
{
	const DipDict *d = sc->an->dict;
	const DipEntity *cur,
			   *ge;
	int			cv;

	if (len != sc->ent_len[i])
		return len > sc->ent_len[i];
	cur = &d->entities[sc->ent_ref[i]];
	ge = &d->entities[it->ref];
	cv = valid_at(cur, sc->an->published);
	if (valid != cv)
		return valid > cv;
	return ge->valid_from != DIP_NO_DATE && (cur->valid_from == DIP_NO_DATE ||
											 ge->valid_from > cur->valid_from);
}

/*
 * Records entity alias it over tokens [i, j] if its rules let it match
 * there and it is the best so far.  Of two names of the same words one
 * of which needs context (the country Georgia, the US state), that one is
 * recorded and the other is its fallback (ent_alt).
 */
static void
match_alias(DipSentCtx *sc, const DipItem *it, uint32_t i, uint32_t j)
{
	const DipToken *t = sc->t;
	uint16_t	len = (uint16_t) (j - i + 1);
	int			valid = valid_at(&sc->an->dict->entities[it->ref], sc->an->published);
	bool		ok = valid > 0;

	/* in all-caps lines, "IS" and "US" are words */
	if (sc->caseless && len == 1 && (t[i].flags & DIP_TF_ALLCAPS) &&
		t[i].nlen <= 3 && (sc->an->dict->words[t[i].wid].lex & LX_FUNCTION))
		return;
	if (len < sc->ent_len[i] || in_ticker(t, sc->n, i, j))
		return;
	for (uint32_t q = i; q <= j && ok; q++)
		ok = case_ok(it, (int) (q - i), &t[q], sc->caseless);
	if (!ok || !alias_rules_ok(sc, it, i, j))
		return;
	if (len == sc->ent_len[i] && ((it->flags ^ sc->ent_flags[i]) & DIP_ALIAS_CONTEXT))
	{
		if (!(it->flags & DIP_ALIAS_CONTEXT))
		{
			sc->ent_alt[i] = (int32_t) it->ref;
			return;
		}
		sc->ent_alt[i] = sc->ent_ref[i];
	}
	else if (better_alias(sc, it, i, len, valid))
		sc->ent_alt[i] = -1;
	else
		return;
	sc->ent_len[i] = len;
	sc->ent_ref[i] = (int32_t) it->ref;
	sc->ent_flags[i] = it->flags;
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

		/*
		 * The walks from different tokens are independent: prefetch, for
		 * the tokens ahead, the word, then its first node and the edge of
		 * the second step (where most walks end), then the node's items.
		 */
		if (i + 4 < n && t[i + 4].wid != 0)
			DIP_PREFETCH(&d->words[t[i + 4].wid]);
		if (i + 2 < n && t[i + 2].wid != 0 && d->words[t[i + 2].wid].root != 0)
		{
			uint32_t	root = d->words[t[i + 2].wid].root;

			DIP_PREFETCH(&d->nodes[root]);
			if (i + 3 < n && t[i + 3].wid != 0 && dip_trie_may_have(d, root, t[i + 3].wid))
				DIP_PREFETCH(&d->edges[dip_edge_hash(root, t[i + 3].wid) &
									   (d->hdr->edge_size - 1)]);
		}
		if (i + 1 < n && t[i + 1].wid != 0 && d->words[t[i + 1].wid].root != 0)
			DIP_PREFETCH(&d->items[d->nodes[d->words[t[i + 1].wid].root].item_first]);
		if (wid == 0 || d->words[wid].root == 0)
			continue;
		for (uint32_t j = i; j < n && j - i < 24; j++)
		{
			const DipNode *nd;

			wid = t[j].wid;
			if (wid == 0)
				break;
			/* the first step is the word's own */
			node = j == i ? d->words[wid].root : dip_trie_child(d, node, wid);
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
						match_alias(sc, it, i, j);
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
