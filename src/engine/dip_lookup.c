/*-------------------------------------------------------------------------
 *
 * dip_lookup.c
 *	  Lookups in a compiled dictionary: vocabulary, trie, topics, entities
 *	  and gazetteer people by surname.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_dict.h"

#include <string.h>

/* The vocabulary id of word s[0..len), or 0 if the word is not in it. */
uint32_t
dip_vocab_lookup(const DipDict *d, const char *s, size_t len)
{
	return dip_vocab_lookup_slot(d, s, len, dip_word_hash(s, len) & (d->hdr->vocab_size - 1));
}

/* Looks up word s[0..len) from its first slot h in the vocabulary table. */
uint32_t
dip_vocab_lookup_slot(const DipDict *d, const char *s, size_t len, uint32_t h)
{
	uint32_t	mask = d->hdr->vocab_size - 1;

	for (;;)
	{
		uint32_t	wid = d->vocab[h];
		const DipWord *w;

		if (wid == 0)
			return 0;
		w = &d->words[wid];
		if (w->len == len && memcmp(d->strpool + w->str, s, len) == 0)
			return wid;
		h = (h + 1) & mask;
	}
}

/* The child of trie node node for word wid, or 0. */
uint32_t
dip_trie_child(const DipDict *d, uint32_t node, uint32_t wid)
{
	uint32_t	mask = d->hdr->edge_size - 1;
	uint64_t	k = dip_edge_hash64(node, wid);
	uint32_t	bit = dip_edge_bit(k, d->hdr->nedgebits * 64);
	uint32_t	h = (uint32_t) k & mask;

	if (!((d->edgebits[bit >> 6] >> (bit & 63)) & 1))
		return 0;
	for (;;)
	{
		const DipEdge *e = &d->edges[h];

		if (e->child == 0)
			return 0;
		if (e->node == node && e->wid == wid)
			return e->child;
		h = (h + 1) & mask;
	}
}

int
dip_topic_lookup(const DipDict *d, const char *key, size_t len)
{
	for (uint32_t i = 0; i < d->hdr->ntopics; i++)
	{
		const char *k = dip_str(d, d->topics[i].key);

		if (strlen(k) == len && memcmp(k, key, len) == 0)
			return (int) i;
	}
	return -1;
}

int
dip_entity_lookup(const DipDict *d, int kind, const char *name, size_t len)
{
	for (uint32_t i = 0; i < d->hdr->nentities; i++)
	{
		const DipEntity *e = &d->entities[i];

		if (e->kind == kind && e->namelen == len &&
			memcmp(dip_str(d, e->name), name, len) == 0)
			return (int) i;
	}
	return -1;
}

/* The value of word wid in cue class cls (see dip_dict.h). */
bool
dip_word_value(const DipDict *d, uint32_t wid, int cls, int32_t *num, const char **str)
{
	uint32_t	lo = 0,
				hi = d->hdr->nvalues;

	/* values are sorted by word, then class */
	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;
		const DipWordValue *v = &d->values[mid];

		if (v->wid < wid || (v->wid == wid && v->cls < (uint32_t) cls))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= d->hdr->nvalues || d->values[lo].wid != wid || d->values[lo].cls != (uint32_t) cls)
		return false;
	if (num)
		*num = d->values[lo].num;
	if (str)
		*str = dip_str(d, d->values[lo].str);
	return true;
}

/* The earliest start of the offices of gazetteer person ge (INT32_MIN if one has none). */
static int32_t
first_office_start(const DipDict *d, const DipEntity *ge)
{
	int32_t		first = INT32_MAX;

	for (uint32_t o = 0; o < ge->office_count; o++)
	{
		int32_t		s = d->offices[ge->office_first + o].start;

		if (s == DIP_NO_DATE)
			return INT32_MIN;
		if (s < first)
			first = s;
	}
	return first;
}

/*
 * A one-word name that the document never gives in full: a surname of a
 * gazetteer person ("Kishida"), preferring whoever held an office at the
 * publication date.  Returns the dictionary entity or -1.
 */
int32_t
dip_dict_surname_person(const DipDict *d, uint32_t wid, int32_t published)
{
	uint32_t	node;
	const DipNode *nd;
	int32_t		best = -1;
	int			best_score = -1;
	int			candidates = 0;

	if (wid == 0 || (d->words[wid].lex & (LX_COMMON | LX_NOT_NAME)))
		return -1;
	node = dip_trie_child(d, 0, wid);
	if (node == 0)
		return -1;
	nd = &d->nodes[node];
	for (uint32_t k = 0; k < nd->item_count; k++)
	{
		const DipItem *it = &d->items[nd->item_first + k];
		const DipEntity *ge;
		int			score = 0;

		if (it->type != DIP_ITEM_SURNAME)
			continue;
		/* a first word counts only when it is not a given name */
		if ((it->capmask & 2) && (d->words[wid].lex & LX_GIVEN))
			continue;
		ge = &d->entities[it->ref];
		/* not someone whose first office came after the date: "Harper"
		 * in 1987 is not Stephen Harper */
		if (published != DIP_NO_DATE && ge->office_count > 0 &&
			first_office_start(d, ge) > published)
			continue;
		candidates++;
		if (published != DIP_NO_DATE && ge->office_count > 0)
		{
			for (uint32_t o = 0; o < ge->office_count; o++)
			{
				const DipOffice *of = &d->offices[ge->office_first + o];

				if ((of->start == DIP_NO_DATE || of->start <= published) &&
					(of->end == INT32_MAX || of->end >= published))
					{
					int			s = 3 + (of->office <= DIP_OFFICE_FOREIGN_MINISTER ? 1 : 0);

					if (s > score)
						score = s;
				}
			}
		}
		if (score == 0 && ge->office_count > 0)
			score = 1;
		if (score > best_score)
		{
			best_score = score;
			best = (int32_t) it->ref;
		}
		else if (score == best_score)
			best = -2;			/* a tie: ambiguous */
	}
	if (best < 0)
		return -1;
	/* with no date, only an unambiguous surname resolves */
	if (best_score < 3 && candidates > 1)
		return -1;
	return best;
}

/* The holders of an office of a country at a date (see dip_dict.h). */
int
dip_dict_office_holders(const DipDict *d, int office, const char *country, int32_t date,
						int32_t *latest)
{
	int32_t		best_start = INT32_MIN;
	int			n = 0;

	*latest = -1;
	if (office <= 0 || date == DIP_NO_DATE || country == NULL || strlen(country) < 3)
		return 0;
	for (uint32_t k = 0; k < d->hdr->noffices; k++)
	{
		const DipOffice *o = &d->offices[k];

		if (o->office != office || memcmp(o->country, country, 3) != 0 ||
			(o->start != DIP_NO_DATE && o->start > date) || (o->end != INT32_MAX && o->end < date))
			continue;
		if (*latest != (int32_t) o->entity)
			n = n < 2 ? n + 1 : 2;
		if (*latest < 0 || o->start > best_start)
		{
			*latest = (int32_t) o->entity;
			best_start = o->start;
		}
	}
	return n;
}

/* The holder of an office of a country at a date (see dip_dict.h). */
int32_t
dip_dict_office_holder(const DipDict *d, int office, const char *country, int32_t date)
{
	int32_t		latest;

	dip_dict_office_holders(d, office, country, date, &latest);
	return latest;
}

/* True if word wid is the surname of a gazetteer person (see dip_dict.h). */
bool
dip_dict_is_surname(const DipDict *d, uint32_t wid)
{
	uint32_t	node = wid ? dip_trie_child(d, 0, wid) : 0;
	const DipNode *nd;

	if (node == 0)
		return false;
	nd = &d->nodes[node];
	for (uint32_t k = 0; k < nd->item_count; k++)
		if (d->items[nd->item_first + k].type == DIP_ITEM_SURNAME &&
			!(d->items[nd->item_first + k].capmask & 2))
			return true;
	return false;
}
