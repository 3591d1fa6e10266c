/*-------------------------------------------------------------------------
 *
 * dip_hash.c
 *	  String maps in an arena.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_hash.h"

#define STRMAP_SEED 3

/* Doubles the slots of m and rehashes its entries. */
static void
strmap_grow(DipArena *arena, DipStrMap *m)
{
	uint32_t	nsize = m->size ? m->size * 2 : 64;
	uint32_t   *ns = dip_arena_alloc0(arena, nsize * sizeof(uint32_t));
	const char **nk = dip_arena_alloc(arena, nsize / 2 * sizeof(char *));
	uint32_t   *nl = dip_arena_alloc(arena, nsize / 2 * sizeof(uint32_t));
	int32_t    *nv = dip_arena_alloc(arena, nsize / 2 * sizeof(int32_t));

	for (uint32_t i = 0; i < m->n; i++)
	{
		dip_slot_put(ns, nsize, dip_hash_bytes(m->keys[i], m->lens[i], STRMAP_SEED), i + 1);
		nk[i] = m->keys[i];
		nl[i] = m->lens[i];
		nv[i] = m->vals[i];
	}
	m->slots = ns;
	m->keys = nk;
	m->lens = nl;
	m->vals = nv;
	m->size = nsize;
}

/* Adds or finds key k (see dip_hash.h). */
int32_t *
dip_strmap_put(DipArena *arena, DipStrMap *m, const char *k, uint32_t len, bool *found)
{
	uint32_t	h;

	if ((m->n + 1) * 2 > m->size && (m->limit == 0 || m->n < m->limit))
		strmap_grow(arena, m);
	h = dip_hash_bytes(k, len, STRMAP_SEED) & (m->size - 1);
	while (m->slots[h])
	{
		uint32_t	i = m->slots[h] - 1;

		if (m->lens[i] == len && memcmp(m->keys[i], k, len) == 0)
		{
			*found = true;
			return &m->vals[i];
		}
		h = (h + 1) & (m->size - 1);
	}
	*found = false;
	if (m->limit > 0 && m->n >= m->limit)
	{
		m->overflow = -1;
		return &m->overflow;
	}
	m->keys[m->n] = k;
	m->lens[m->n] = len;
	m->vals[m->n] = -1;
	m->slots[h] = ++m->n;
	return &m->vals[m->n - 1];
}

/* Looks key k up (see dip_hash.h). */
int32_t
dip_strmap_get(const DipStrMap *m, const char *k, uint32_t len)
{
	uint32_t	h;

	if (m->size == 0)
		return -1;
	h = dip_hash_bytes(k, len, STRMAP_SEED) & (m->size - 1);
	while (m->slots[h])
	{
		uint32_t	i = m->slots[h] - 1;

		if (m->lens[i] == len && memcmp(m->keys[i], k, len) == 0)
			return m->vals[i];
		h = (h + 1) & (m->size - 1);
	}
	return -1;
}

/* Maps key k to entity ent, or to -2 if it already maps to another. */
void
dip_strmap_put_unique(DipArena *arena, DipStrMap *m, const char *k, uint32_t len, int32_t ent)
{
	bool		found;
	int32_t    *v;

	if (len == 0)
		return;
	v = dip_strmap_put(arena, m, k, len, &found);
	if (!found)
		*v = ent;
	else if (*v != ent)
		*v = -2;
}
