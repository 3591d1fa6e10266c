/*-------------------------------------------------------------------------
 *
 * dip_pattern.c
 *	  The event pattern parser: a pattern's words, {verb} forms, * gaps,
 *	  $ source and + target into pattern elements and trie anchors.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_build_int.h"
#include "dip_cameo.h"

#include <stdio.h>
#include <string.h>

static int
find_lemma(DipBuilder *b, const char *s, size_t len)
{
	for (uint32_t lid = 0; lid < b->lemmas.n; lid++)
	{
		const char *l = dipb_str(b, *VEC_AT(b->lemmas, uint32_t, lid));

		if (strlen(l) == len && memcmp(l, s, len) == 0)
			return (int) lid;
	}
	return -1;
}

/* Expands the anchor elements [i, anchor) into trie paths. */
static void
expand_anchor(DipBuilder *b, uint32_t pidx, const DipPElem *el, int anchor,
			  int i, uint32_t node)
{
	if (i == anchor)
	{
		dipb_add_item(b, node, DIP_ITEM_PATTERN, anchor, pidx, 0, 0);
		return;
	}
	switch (el[i].kind)
	{
		case DIP_PE_WORD:
			expand_anchor(b, pidx, el, anchor, i + 1,
						  dipb_trie_step(b, node, el[i].a, true));
			break;
		case DIP_PE_WORDSET:
			for (uint32_t k = 0; k < el[i].b; k++)
				expand_anchor(b, pidx, el, anchor, i + 1,
							  dipb_trie_step(b, node, *VEC_AT(b->pwids, uint32_t, el[i].a + k), true));
			break;
		case DIP_PE_LEMMA:
			{
				LemmaForms *lf = VEC_AT(b->lemmaforms, LemmaForms, el[i].a);

				for (int k = 0; k < 5; k++)
				{
					bool		dup = false;

					for (int j = 0; j < k; j++)
						if (lf->wid[j] == lf->wid[k])
							dup = true;
					if (!dup && lf->wid[k] != 0)
						expand_anchor(b, pidx, el, anchor, i + 1,
									  dipb_trie_step(b, node, lf->wid[k], true));
				}
			}
			break;
	}
}

static bool
add_pattern_parsed(DipBuilder *b, const char *code, const char *pattern)
{
	/* "---": a pattern that wins its overlap and codes nothing */
	int			packed = strcmp(code, "---") == 0 ? DIP_PATTERN_NO_EVENT :
		dip_cameo_pack(code, strlen(code));
	DipPElem	el[DIP_MAX_PHRASE];
	int			nel = 0;
	int			anchor = -1;
	bool		src = false,
				tgt = false;
	const char *p = pattern;
	DipPattern *pat;
	uint32_t	pidx;

	if (packed != DIP_PATTERN_NO_EVENT && (packed < 0 || dip_cameo_info(packed) == NULL))
	{
		dipb_set_error(b, "unknown CAMEO code \"%s\"", code);
		return false;
	}
	while (*p)
	{
		const char *sp;
		size_t		l;
		char		buf[1024];

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		sp = strchr(p, ' ');
		l = sp ? (size_t) (sp - p) : strlen(p);
		if (l >= sizeof(buf) || nel >= DIP_MAX_PHRASE)
		{
			dipb_set_error(b, "pattern too long: \"%s\"", pattern);
			return false;
		}
		memcpy(buf, p, l);
		buf[l] = '\0';
		p += l;
		memset(&el[nel], 0, sizeof(DipPElem));
		if (strcmp(buf, "*") == 0)
			el[nel].kind = DIP_PE_GAP;
		else if (strcmp(buf, "$") == 0)
		{
			if (src)
				goto bad;
			el[nel].kind = DIP_PE_SOURCE;
			src = true;
		}
		else if (strcmp(buf, "+") == 0)
		{
			if (tgt)
				goto bad;
			el[nel].kind = DIP_PE_TARGET;
			tgt = true;
		}
		else if (buf[0] == '{' && l > 2 && buf[l - 1] == '}')
		{
			int			lid = find_lemma(b, buf + 1, l - 2);

			if (lid < 0)
			{
				dipb_set_error(b, "verb \"%s\" has no forms in the verb table", buf);
				return false;
			}
			el[nel].kind = DIP_PE_LEMMA;
			el[nel].a = (uint32_t) lid;
		}
		else
		{
			/* word or word|word */
			char	   *q = buf;
			uint32_t	first = b->pwids.n;
			uint32_t	cnt = 0;

			while (*q)
			{
				char	   *bar = strchr(q, '|');
				PTok		toks[DIP_MAX_PHRASE];
				int			n;

				if (bar)
					*bar = '\0';
				n = dipb_phrase_tokens(b, q, toks, true);
				if (n != 1)
				{
					/* "'s" and similar split into one token too */
					dipb_set_error(b, "pattern word \"%s\" is not a single token", q);
					return false;
				}
				*(uint32_t *) dipb_vec_push(&b->arena, &b->pwids) = toks[0].wid;
				cnt++;
				if (!bar)
					break;
				q = bar + 1;
			}
			if (cnt == 1)
			{
				el[nel].kind = DIP_PE_WORD;
				el[nel].a = *VEC_AT(b->pwids, uint32_t, first);
				b->pwids.n = first;
			}
			else
			{
				el[nel].kind = DIP_PE_WORDSET;
				el[nel].a = first;
				el[nel].b = cnt;
			}
		}
		if (anchor < 0 && (el[nel].kind == DIP_PE_GAP || el[nel].kind == DIP_PE_SOURCE ||
						   el[nel].kind == DIP_PE_TARGET))
			anchor = nel;
		nel++;
	}
	if (anchor < 0)
		anchor = nel;
	if (nel == 0 || anchor == 0)
	{
bad:
		dipb_set_error(b, "pattern must start with a word and have at most one $ and one +: \"%s\"",
				  pattern);
		return false;
	}
	pidx = b->patterns.n;
	pat = dipb_vec_push(&b->arena, &b->patterns);
	pat->code = (int16_t) packed;
	pat->nelem = (uint16_t) nel;
	pat->elem_first = b->pelems.n;
	pat->text = dipb_string(b, pattern, strlen(pattern));
	pat->anchor = (uint16_t) anchor;
	pat->has_source = src;
	pat->has_target = tgt;
	for (int i = 0; i < nel; i++)
		*(DipPElem *) dipb_vec_push(&b->arena, &b->pelems) = el[i];
	expand_anchor(b, pidx, el, anchor, 0, 0);
	return true;
}

/* Joins pattern elements and parses them. */
static bool
dip_builder_add_pattern_elems(DipBuilder *b, const char *code, char **elems, int n)
{
	char		buf[8192];
	size_t		l = 0;

	for (int i = 0; i < n; i++)
	{
		size_t		el = strlen(elems[i]);

		if (l + el + 2 >= sizeof(buf))
		{
			dipb_set_error(b, "pattern too long%s", "");
			return false;
		}
		if (i > 0)
			buf[l++] = ' ';
		memcpy(buf + l, elems[i], el);
		l += el;
	}
	buf[l] = '\0';
	return add_pattern_parsed(b, code, buf);
}

/*
 * Adds a pattern.  Hyphenated words ("cease-fire") are several tokens, so
 * a word list holding some is split into one pattern per hyphenated word
 * (as a word sequence) plus one with the simple words; {verb} elements of
 * hyphenated verbs become the list of their forms first.
 */
bool
dip_builder_add_pattern(DipBuilder *b, const char *code, const char *pattern)
{
	char	   *elems[DIP_MAX_PHRASE * 2];
	int			n = 0;
	char	   *copy;
	char	   *save = NULL;

	if (strlen(pattern) > 4000)
	{
		dipb_set_error(b, "pattern too long: \"%s\"", pattern);
		return false;
	}
	copy = dip_arena_strndup(&b->arena, pattern, strlen(pattern));
	for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save))
	{
		if (n >= DIP_MAX_PHRASE * 2)
		{
			dipb_set_error(b, "pattern too long: \"%s\"", pattern);
			return false;
		}
		elems[n++] = t;
	}
	for (int i = 0; i < n; i++)
	{
		char	   *e = elems[i];
		size_t		el = strlen(e);

		/* a hyphenated verb: substitute its forms */
		if (e[0] == '{' && el > 2 && e[el - 1] == '}')
		{
			for (uint32_t k = 0; k < b->mwverbs.n; k++)
			{
				const char *mw = *VEC_AT(b->mwverbs, char *, k);
				const char *tab = strchr(mw, '\t');

				if ((size_t) (tab - mw) == el - 2 && memcmp(mw, e + 1, el - 2) == 0)
				{
					elems[i] = dip_arena_strndup(&b->arena, tab + 1, strlen(tab + 1));
					e = elems[i];
					el = strlen(e);
					break;
				}
			}
		}
		if (e[0] == '{' || strcmp(e, "*") == 0 || strcmp(e, "$") == 0 || strcmp(e, "+") == 0)
			continue;
		/* a word list: split off multi-token alternatives */
		{
			char		simple[4096];
			size_t		sl = 0;
			bool		any_multi = false;
			bool		ok = false;
			char	   *alts = dip_arena_strndup(&b->arena, e, el);
			char	   *s2 = NULL;

			simple[0] = '\0';
			for (char *a = strtok_r(alts, "|", &s2); a; a = strtok_r(NULL, "|", &s2))
			{
				PTok		toks[DIP_MAX_PHRASE];
				int			nt = dipb_phrase_tokens(b, a, toks, false);

				if (nt > 1)
				{
					/* this alternative as a sequence of words */
					char		rebuilt[4096];
					size_t		rl = 0;

					any_multi = true;
					rebuilt[0] = '\0';
					for (int j = 0; j < n; j++)
					{
						const char *piece = elems[j];
						char		seq[512];

						if (j == i)
						{
							size_t		q = 0;

							for (int t = 0; t < nt && q + toks[t].nlen + 2 < sizeof(seq); t++)
							{
								if (t > 0)
									seq[q++] = ' ';
								memcpy(seq + q, toks[t].norm, toks[t].nlen);
								q += toks[t].nlen;
							}
							seq[q] = '\0';
							piece = seq;
						}
						if (rl + strlen(piece) + 2 >= sizeof(rebuilt))
							break;
						rl += (size_t) snprintf(rebuilt + rl, sizeof(rebuilt) - rl, "%s%s",
												j ? " " : "", piece);
					}
					if (add_pattern_parsed(b, code, rebuilt))
						ok = true;
				}
				else if (nt == 1 && sl + strlen(a) + 2 < sizeof(simple))
					sl += (size_t) snprintf(simple + sl, sizeof(simple) - sl, "%s%s",
											sl ? "|" : "", a);
			}
			if (any_multi)
			{
				if (sl > 0)
				{
					elems[i] = dip_arena_strndup(&b->arena, simple, sl);
					return dip_builder_add_pattern_elems(b, code, elems, n) || ok;
				}
				if (!ok)
					dipb_set_error(b, "pattern has no usable words: \"%s\"", pattern);
				return ok;
			}
		}
	}
	return dip_builder_add_pattern_elems(b, code, elems, n);
}
