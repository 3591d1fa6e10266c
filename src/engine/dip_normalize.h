/*-------------------------------------------------------------------------
 *
 * dip_normalize.h
 *	  Normalise: UTF-8 helpers and the normal form every dictionary word and
 *	  every token is compared in (NFKC, case folded, without accents).
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_NORMALIZE_H
#define DIP_NORMALIZE_H

#include "dip_arena.h"

/* Decodes one code point at s[*pos]; returns it and advances *pos, or -1. */
extern int32_t dip_utf8_next(const unsigned char *s, size_t len, size_t *pos);

/* True if the buffer is well-formed UTF-8 (no NUL bytes). */
extern bool dip_utf8_valid(const char *s, size_t len);

/* Number of code points in s[0..len). */
extern size_t dip_utf8_count(const char *s, size_t len);

/*
 * dip_normalize: NFKC, full case folding and removal of combining marks
 * ("Erdoğan" -> "erdogan").  Writes into a buffer allocated from the arena
 * and returns its length; ASCII input takes a fast path.
 */
extern size_t dip_normalize(DipArena *a, const char *s, size_t len, char **out);

/*
 * dip_normalize_map: dip_normalize over a whole text, also returning for
 * each output byte the byte offset in the input of the character it came
 * from (map has outlen + 1 entries; map[outlen] == len).
 */
extern size_t dip_normalize_map(DipArena *a, const char *s, size_t len,
								char **out, uint32_t **map);

/*
 * dip_normalize_piece_end: where a piece of s[0..len) that should end near
 * want may end, so that normalising the pieces one by one gives the
 * normal form of the whole: the first character at or after want that is
 * not a combining mark (dip_normalize_map normalises each character with
 * the marks after it, at most 30), else len.
 */
extern size_t dip_normalize_piece_end(const char *s, size_t len, size_t want);

#endif							/* DIP_NORMALIZE_H */
