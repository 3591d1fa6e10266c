/*-------------------------------------------------------------------------
 *
 * dip_hash.h
 *	  The engine's string hash (FNV-1a) and a string map in an arena.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_HASH_H
#define DIP_HASH_H

#include "dip_arena.h"

/* FNV-1a of s[0..len) from a seeded basis, with a final shift-xor. */
static inline uint32_t
dip_hash_bytes(const char *s, size_t len, uint32_t seed)
{
	uint32_t	h = 2166136261u ^ seed;

	for (size_t i = 0; i < len; i++)
	{
		h ^= (unsigned char) s[i];
		h *= 16777619u;
	}
	return h ^ (h >> 15);
}

/*
 * Puts value (not 0) into the first empty slot from hash h on of an
 * open-addressing table of size (a power of two) slots, 0 meaning empty.
 */
static inline void
dip_slot_put(uint32_t *slots, uint32_t size, uint32_t h, uint32_t value)
{
	h &= size - 1;
	while (slots[h] != 0)
		h = (h + 1) & (size - 1);
	slots[h] = value;
}

/*
 * A growing hash table from strings (not copied: they must outlive it) to
 * an int32, in an arena; open addressing over indexes, so that entries
 * keep their insertion order.  With a limit (0: none), a full map adds no
 * key: putting a new one gives a slot that is not in the map.
 */
typedef struct DipStrMap
{
	uint32_t   *slots;			/* index + 1 into keys, 0 if empty */
	const char **keys;
	uint32_t   *lens;
	int32_t    *vals;
	uint32_t	n;
	uint32_t	size;			/* slots: 0 or a power of two */
	uint32_t	limit;			/* most keys, 0 if unbounded */
	int32_t		overflow;		/* the slot of keys put when full */
} DipStrMap;

/*
 * The value slot of key k in map m, added (value -1) if new; *found says
 * whether it was there.  When m is full, the slot of a new key is
 * m->overflow, which no lookup reads.
 */
extern int32_t *dip_strmap_put(DipArena *arena, DipStrMap *m, const char *k, uint32_t len,
							   bool *found);

/* True if map m holds as many keys as its limit allows. */
static inline bool
dip_strmap_full(const DipStrMap *m)
{
	return m->limit > 0 && m->n >= m->limit;
}

/* The value of key k in map m, or -1 if absent. */
extern int32_t dip_strmap_get(const DipStrMap *m, const char *k, uint32_t len);

/* Maps key k to ent, or to -2 if it already maps to another value. */
extern void dip_strmap_put_unique(DipArena *arena, DipStrMap *m, const char *k, uint32_t len,
								  int32_t ent);

#endif							/* DIP_HASH_H */
