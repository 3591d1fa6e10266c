/*-------------------------------------------------------------------------
 *
 * dip_cameo.h
 *	  CAMEO 1.1b3 event codes and actor codes.
 *
 * An event code of 2 to 4 digits is packed into a 16-bit integer whose
 * numeric order is the codes' lexical order, so that a code's descendants
 * sort right after it ('04' < '040' < '0401' < '041' < '05'): each digit d
 * becomes d + 1, a missing digit 0, in base 11.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_CAMEO_H
#define DIP_CAMEO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct DipCameoInfo
{
	int16_t		packed;
	const char *code;
	const char *name;
	float		goldstein;
	int			quad_class;
	const char *plover;			/* PLOVER event type (data/cameo/plover.tsv) of
								 * the code or its nearest ancestor, or NULL */
} DipCameoInfo;

/* Packs a code of 2-4 digits; returns -1 if malformed (not if unknown). */
extern int	dip_cameo_pack(const char *s, size_t len);

/* Writes the digits of a packed code to buf (at least 5 bytes). */
extern void dip_cameo_unpack(int packed, char *buf);

/* Codebook entry of a packed code, or NULL if the code is not in CAMEO. */
extern const DipCameoInfo *dip_cameo_info(int packed);

/* Number of digits of a packed code. */
extern int	dip_cameo_depth(int packed);

/* True if code a is b or a descendant of b. */
extern bool dip_cameo_within(int a, int b);

/* Root (2-digit) code of a packed code. */
extern int	dip_cameo_root(int packed);

/* The codebook, generated from data/cameo/codes.tsv. */
extern const DipCameoInfo dip_cameo_table[];
extern const int dip_cameo_table_size;

/*
 * Actor codes: a sequence of 3-letter components.  The first is a country
 * (ISO alpha-3 or CAMEO), a region or an international code (IGO, NGO,
 * IMG, INT, MNC, NGM, UIS); the rest are role or organisation codes.
 * Returns NULL if valid, else a message naming the problem.
 */
extern const char *dip_actor_check(const char *s, size_t len);

/* True if actor a equals b or extends it on a 3-letter boundary. */
extern bool dip_actor_within(const char *a, size_t alen, const char *b, size_t blen);

/* Is this 3-letter code a known role code? */
extern bool dip_actor_is_role(const char *s);

/*
 * The territory of country code was part of the former state former
 * between two dates (a year 0 is an open date): data/cameo/successions.tsv.
 */
typedef struct DipSuccession
{
	char		code[4];
	char		former[4];
	int			from_y,
				from_m,
				from_d;
	int			to_y,
				to_m,
				to_d;
} DipSuccession;

extern const DipSuccession dip_successions[];
extern const int dip_nsuccessions;

/*
 * The country code valid at date (days since 2000-01-01) for a place,
 * person or body of country: the former state its territory belonged to
 * then ("RUS" in 1987 is "SUN"), else country itself.
 */
extern const char *dip_country_at(const char *country, int32_t date);

#endif							/* DIP_CAMEO_H */
