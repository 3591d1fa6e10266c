/*-------------------------------------------------------------------------
 *
 * dip_arena.h
 *	  Memory of the diplomat engine: the host's allocator, arenas and
 *	  growable arrays inside them, and the interrupt hook.
 *
 * The engine never calls malloc() for per-document work: all memory comes
 * from arenas whose blocks are supplied by a DipMem callback (palloc in a
 * memory context in the glue, malloc in tests).  A DipMem alloc callback
 * may longjmp (PostgreSQL's ereport) but must never return NULL; the
 * engine keeps no resources outside arenas during a call, so such a jump
 * leaks nothing.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_ARENA_H
#define DIP_ARENA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct DipMem
{
	void	   *(*alloc) (void *ctx, size_t size);	/* never returns NULL */
	void		(*release) (void *ctx, void *ptr);
	void	   *ctx;
} DipMem;

typedef struct DipArenaBlock DipArenaBlock;

typedef struct DipArena
{
	DipMem		mem;
	DipArenaBlock *blocks;		/* newest first */
	char	   *cur;
	char	   *end;
	size_t		blocksize;
	size_t		allocated;		/* bytes obtained from mem */
} DipArena;

extern void dip_arena_init(DipArena *a, const DipMem *mem, size_t blocksize);
extern void *dip_arena_alloc(DipArena *a, size_t size);
extern void *dip_arena_alloc0(DipArena *a, size_t size);
extern char *dip_arena_strndup(DipArena *a, const char *s, size_t len);
extern void dip_arena_reset(DipArena *a);
extern void dip_arena_free(DipArena *a);

/*
 * Growable arrays in an arena: dip_array_reserve returns an array of at
 * least need elements of esize bytes holding the *cap elements of v, its
 * capacity doubled from first (or from *cap) as often as needed; v itself
 * when it is large enough.  The old block stays in the arena until the
 * arena is reset.  dip_array_reserve0 also zeroes the new elements.
 */
extern void *dip_array_grow(DipArena *a, void *v, uint32_t *cap, uint32_t need,
							size_t esize, uint32_t first, bool zero);

static inline void *
dip_array_reserve(DipArena *a, void *v, uint32_t *cap, uint32_t need, size_t esize,
				  uint32_t first)
{
	return need <= *cap ? v : dip_array_grow(a, v, cap, need, esize, first, false);
}

static inline void *
dip_array_reserve0(DipArena *a, void *v, uint32_t *cap, uint32_t need, size_t esize,
				   uint32_t first)
{
	return need <= *cap ? v : dip_array_grow(a, v, cap, need, esize, first, true);
}

/* Room for element v[n] of an array v of capacity cap (an lvalue). */
#define DIP_ARRAY_PUSH(arena, v, n, cap, first) \
	((v) = dip_array_reserve((arena), (v), &(cap), (n) + 1, sizeof(*(v)), (first)))

/* The engine's default DipMem (malloc/free), for tests and tools. */
extern const DipMem dip_malloc_mem;

/*
 * Optional interrupt hook (CHECK_FOR_INTERRUPTS in the glue), called
 * inside every loop whose length grows with the document: per chunk and per
 * run of a script without spaces while segmenting, per sentence while
 * analysing.  It may longjmp: callers hold nothing but arena memory when
 * they call it.
 */
typedef void (*DipInterruptHook) (void);
extern DipInterruptHook dip_interrupt_hook;

#endif							/* DIP_ARENA_H */
