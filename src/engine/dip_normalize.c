/*-------------------------------------------------------------------------
 *
 * dip_normalize.c
 *	  UTF-8 helpers and ICU normalisation for the diplomat engine.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_normalize.h"

#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

/* ------------------------------------------------------------------------
 * UTF-8
 * ------------------------------------------------------------------------
 */
int32_t
dip_utf8_next(const unsigned char *s, size_t len, size_t *pos)
{
	size_t		i = *pos;
	unsigned char c = s[i];
	int32_t		cp;
	int			n;

	if (c < 0x80)
	{
		*pos = i + 1;
		return c;
	}
	if ((c & 0xE0) == 0xC0)
	{
		cp = c & 0x1F;
		n = 1;
	}
	else if ((c & 0xF0) == 0xE0)
	{
		cp = c & 0x0F;
		n = 2;
	}
	else if ((c & 0xF8) == 0xF0)
	{
		cp = c & 0x07;
		n = 3;
	}
	else
	{
		*pos = i + 1;
		return -1;
	}
	for (int k = 1; k <= n; k++)
	{
		unsigned char cc;

		if (i + k >= len)
		{
			*pos = i + 1;
			return -1;
		}
		cc = s[i + k];
		if ((cc & 0xC0) != 0x80)
		{
			*pos = i + 1;
			return -1;
		}
		cp = (cp << 6) | (cc & 0x3F);
	}
	*pos = i + n + 1;
	return cp;
}

bool
dip_utf8_valid(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *) s;
	size_t		pos = 0;

	while (pos < len)
	{
		int32_t		cp;

		if (u[pos] == 0)
			return false;
		if (u[pos] < 0x80)
		{
			pos++;
			continue;
		}
		cp = dip_utf8_next(u, len, &pos);
		if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
	}
	return true;
}

size_t
dip_utf8_count(const char *s, size_t len)
{
	size_t		n = 0;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char) s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* ------------------------------------------------------------------------
 * Normalisation
 * ------------------------------------------------------------------------
 */

/* An ICU normaliser instance, got once; owned by ICU, never freed (NULL on failure). */
static const UNormalizer2 *
instance(const UNormalizer2 **cache, const UNormalizer2 *(*get) (UErrorCode *))
{
	UErrorCode	status = U_ZERO_ERROR;

	if (*cache == NULL)
	{
		*cache = get(&status);
		if (U_FAILURE(status))
			*cache = NULL;
	}
	return *cache;
}

/* The NFKC_Casefold normaliser. */
static const UNormalizer2 *
nfkc_cf(void)
{
	static const UNormalizer2 *inst = NULL;

	return instance(&inst, unorm2_getNFKCCasefoldInstance);
}

/* The NFD normaliser. */
static const UNormalizer2 *
nfd(void)
{
	static const UNormalizer2 *inst = NULL;

	return instance(&inst, unorm2_getNFDInstance);
}

/* Maps typographic apostrophes and dashes to ASCII before folding. */
static int32_t
fold_punct(int32_t cp)
{
	switch (cp)
	{
		case 0x2018:
		case 0x2019:
		case 0x02BC:
		case 0x2032:
			return '\'';
		case 0x2010:
		case 0x2011:
		case 0x2012:
		case 0x2013:
		case 0x2014:
		case 0x2212:
			return '-';
		case 0x201C:
		case 0x201D:
			return '"';
		default:
			return cp;
	}
}

/*
 * Normalises a non-ASCII string through UTF-16.  Returns the UTF-8 length
 * written to *out (arena memory).
 */
static size_t
normalize_icu(DipArena *a, const char *s, size_t len, char **out)
{
	const UNormalizer2 *cf = nfkc_cf();
	const UNormalizer2 *d = nfd();
	UErrorCode	status = U_ZERO_ERROR;
	int32_t		ulen;
	UChar	   *u1,
			   *u2,
			   *u3;
	int32_t		n1,
				n2,
				n3 = 0;
	char	   *res;
	int32_t		reslen;
	size_t		pos = 0;

	/* decode to UTF-16, folding typographic punctuation */
	u1 = dip_arena_alloc(a, (len + 1) * sizeof(UChar) * 2);
	n1 = 0;
	while (pos < len)
	{
		int32_t		cp = dip_utf8_next((const unsigned char *) s, len, &pos);

		if (cp < 0)
			cp = 0xFFFD;
		cp = fold_punct(cp);
		U16_APPEND_UNSAFE(u1, n1, cp);
	}
	if (cf == NULL || d == NULL)
	{
		u3 = u1;
		n3 = n1;
	}
	else
	{
		/* NFKC + case fold */
		ulen = n1 * 3 + 16;
		u2 = dip_arena_alloc(a, ulen * sizeof(UChar));
		n2 = unorm2_normalize(cf, u1, n1, u2, ulen, &status);
		if (U_FAILURE(status))
		{
			u2 = u1;
			n2 = n1;
			status = U_ZERO_ERROR;
		}
		/* decompose, drop combining marks */
		ulen = n2 * 4 + 16;
		u3 = dip_arena_alloc(a, ulen * sizeof(UChar));
		{
			UChar	   *tmp = dip_arena_alloc(a, ulen * sizeof(UChar));
			int32_t		nt = unorm2_normalize(d, u2, n2, tmp, ulen, &status);

			if (U_FAILURE(status))
			{
				memcpy(u3, u2, n2 * sizeof(UChar));
				n3 = n2;
			}
			else
			{
				int32_t		i = 0;

				while (i < nt)
				{
					UChar32		c;

					U16_NEXT(tmp, i, nt, c);
					if (u_charType(c) == U_NON_SPACING_MARK)
						continue;
					U16_APPEND_UNSAFE(u3, n3, c);
				}
			}
		}
	}
	/* back to UTF-8 */
	res = dip_arena_alloc(a, n3 * 3 + 1);
	status = U_ZERO_ERROR;
	u_strToUTF8(res, n3 * 3 + 1, &reslen, u3, n3, &status);
	if (U_FAILURE(status))
		reslen = 0;
	res[reslen] = '\0';
	*out = res;
	return (size_t) reslen;
}

size_t
dip_normalize(DipArena *a, const char *s, size_t len, char **out)
{
	size_t		i;
	char	   *res;

	for (i = 0; i < len; i++)
		if ((unsigned char) s[i] >= 0x80)
			return normalize_icu(a, s, len, out);
	res = dip_arena_alloc(a, len + 1);
	for (i = 0; i < len; i++)
	{
		char		c = s[i];

		res[i] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
	}
	res[len] = '\0';
	*out = res;
	return len;
}

/*
 * Normalises character by character so that every output byte can be traced
 * to the input character it came from.  NFKC can compose across character
 * boundaries; we normalise each base character together with its following
 * combining marks, which is what the mapping needs.
 */
size_t
dip_normalize_map(DipArena *a, const char *s, size_t len, char **out,
				  uint32_t **map)
{
	size_t		cap = len * 3 + 16;
	char	   *res = dip_arena_alloc(a, cap + 1);
	uint32_t   *m = dip_arena_alloc(a, (cap + 1) * sizeof(uint32_t));
	size_t		o = 0;
	size_t		pos = 0;

	while (pos < len)
	{
		size_t		begin = pos;
		unsigned char c = (unsigned char) s[pos];

		if (c < 0x80)
		{
			res[o] = (c >= 'A' && c <= 'Z') ? c + 32 : (char) c;
			m[o++] = (uint32_t) begin;
			pos++;
		}
		else
		{
			char	   *piece;
			size_t		plen;
			size_t		next;

			(void) dip_utf8_next((const unsigned char *) s, len, &pos);
			/* absorb following combining marks, at most as many as
			 * stream-safe text has (UAX #15: 30) */
			next = pos;
			for (int marks = 0; next < len && marks < 30; marks++)
			{
				size_t		p2 = next;
				int32_t		cp = dip_utf8_next((const unsigned char *) s, len, &p2);

				if (cp < 0 || u_getCombiningClass(cp) == 0)
					break;
				next = p2;
			}
			pos = next;
			plen = normalize_icu(a, s + begin, pos - begin, &piece);
			if (o + plen > cap)
			{
				/* cannot happen (expansion is bounded) but stay safe */
				plen = cap - o;
			}
			for (size_t k = 0; k < plen; k++)
			{
				res[o] = piece[k];
				m[o++] = (uint32_t) begin;
			}
		}
	}
	res[o] = '\0';
	m[o] = (uint32_t) len;
	*out = res;
	*map = m;
	return o;
}

/* Where a piece of s ending near want may end (see dip_normalize.h). */
size_t
dip_normalize_piece_end(const char *s, size_t len, size_t want)
{
	size_t		pos = want;

	if (want >= len)
		return len;
	/* back to the start of the character holding want */
	while (pos > 0 && ((unsigned char) s[pos] & 0xC0) == 0x80)
		pos--;
	for (int marks = 0; pos < len; marks++)
	{
		size_t		next = pos;
		int32_t		cp = dip_utf8_next((const unsigned char *) s, len, &next);

		if (pos > 0 && (cp < 0 || u_getCombiningClass(cp) == 0 || marks > 30))
			return pos;
		pos = next;
	}
	return len;
}
