/*-------------------------------------------------------------------------
 *
 * dip_arena.c
 *	  Arenas and growable arrays for the diplomat engine.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_arena.h"

#include <stdlib.h>
#include <string.h>

DipInterruptHook dip_interrupt_hook = NULL;

struct DipArenaBlock
{
	DipArenaBlock *next;
	size_t		size;
	/* data follows, 16-byte aligned */
};

#define BLOCK_HDR	((sizeof(DipArenaBlock) + 15) & ~(size_t) 15)

/* malloc for dip_malloc_mem: tests and tools abort when memory runs out. */
static void *
malloc_alloc(void *ctx, size_t size)
{
	void	   *p;

	(void) ctx;
	p = malloc(size);
	if (p == NULL)
		abort();				/* tests and tools only */
	return p;
}

/* free for dip_malloc_mem. */
static void
malloc_release(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

const DipMem dip_malloc_mem = {malloc_alloc, malloc_release, NULL};

/* Sets up an empty arena whose first block will have blocksize bytes. */
void
dip_arena_init(DipArena *a, const DipMem *mem, size_t blocksize)
{
	a->mem = *mem;
	a->blocks = NULL;
	a->cur = a->end = NULL;
	a->blocksize = blocksize < 1024 ? 1024 : blocksize;
	a->allocated = 0;
}

/* Allocates a new block big enough for size bytes and makes it current. */
static void
arena_grow(DipArena *a, size_t size)
{
	size_t		bsize = a->blocksize;
	DipArenaBlock *b;

	if (size + BLOCK_HDR > bsize)
		bsize = size + BLOCK_HDR;
	b = a->mem.alloc(a->mem.ctx, bsize);
	b->size = bsize;
	b->next = a->blocks;
	a->blocks = b;
	a->cur = (char *) b + BLOCK_HDR;
	a->end = (char *) b + bsize;
	a->allocated += bsize;
	/* grow block size geometrically up to 1 MB to limit block count */
	if (a->blocksize < 1024 * 1024)
		a->blocksize *= 2;
}

/* Returns size bytes, 8-byte aligned, that live as long as the arena. */
void *
dip_arena_alloc(DipArena *a, size_t size)
{
	char	   *p;

	size = (size + 7) & ~(size_t) 7;
	if (a->cur == NULL || (size_t) (a->end - a->cur) < size)
		arena_grow(a, size);
	p = a->cur;
	a->cur += size;
	return p;
}

/* Returns size zeroed bytes from the arena. */
void *
dip_arena_alloc0(DipArena *a, size_t size)
{
	void	   *p = dip_arena_alloc(a, size);

	memset(p, 0, size);
	return p;
}

/* Copies s[0..len) into the arena with a terminating NUL. */
char *
dip_arena_strndup(DipArena *a, const char *s, size_t len)
{
	char	   *p = dip_arena_alloc(a, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* Frees all blocks but the oldest, which is kept for reuse. */
void
dip_arena_reset(DipArena *a)
{
	DipArenaBlock *b = a->blocks;

	if (b == NULL)
		return;
	while (b->next != NULL)
	{
		DipArenaBlock *next = b->next;

		a->allocated -= b->size;
		a->mem.release(a->mem.ctx, b);
		b = next;
	}
	a->blocks = b;
	a->cur = (char *) b + BLOCK_HDR;
	a->end = (char *) b + b->size;
}

/* Returns every block to the DipMem. */
void
dip_arena_free(DipArena *a)
{
	DipArenaBlock *b = a->blocks;

	while (b != NULL)
	{
		DipArenaBlock *next = b->next;

		a->mem.release(a->mem.ctx, b);
		b = next;
	}
	a->blocks = NULL;
	a->cur = a->end = NULL;
	a->allocated = 0;
}

/*
 * Grows an arena array to hold need elements (more than *cap), zeroing the
 * new ones if asked; see dip_array_reserve in dip_arena.h.
 */
void *
dip_array_grow(DipArena *a, void *v, uint32_t *cap, uint32_t need, size_t esize,
			   uint32_t first, bool zero)
{
	uint32_t	ncap = *cap ? *cap : first;
	char	   *nv;

	while (ncap < need)
		ncap *= 2;
	nv = dip_arena_alloc(a, (size_t) ncap * esize);
	if (*cap > 0)
		memcpy(nv, v, (size_t) *cap * esize);
	if (zero)
		memset(nv + (size_t) *cap * esize, 0, (size_t) (ncap - *cap) * esize);
	*cap = ncap;
	return nv;
}

