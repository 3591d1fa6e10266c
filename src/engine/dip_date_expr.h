/*-------------------------------------------------------------------------
 *
 * dip_date_expr.h
 *	  Date expressions resolved against the publication date.
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_DATE_EXPR_H
#define DIP_DATE_EXPR_H

#include "dip_dict.h"
#include "dip_segment.h"

#define DIP_PREC_NONE	0
#define DIP_PREC_DAY	1
#define DIP_PREC_WEEK	2
#define DIP_PREC_MONTH	3
#define DIP_PREC_YEAR	4

typedef struct DipDateExpr
{
	uint32_t	a;				/* token span [a, b) */
	uint32_t	b;
	int32_t		date;			/* days since 2000-01-01; first day of the
								 * month or year for coarser precision */
	int			prec;
} DipDateExpr;

/*
 * Finds up to max date expressions in tokens [0, n), whose words d (its
 * DATE_* lexicon classes) knows.
 */
extern int	dip_find_dates(const DipDict *d, const DipToken *t, uint32_t n, int32_t published,
						   bool future, DipDateExpr *out, int max);

/*
 * True if date expression de of tokens [0, n) can be the day of an event:
 * not a period or a term ("since March", "bonds due April 21, 1992"), nor a
 * month or year modifying a noun ("February sales", "1986 profits"), nor
 * a possessive ("Monday's strike", the date of that noun).
 */
extern bool dip_date_dates_event(const DipDict *d, const DipToken *t, uint32_t n,
								 const DipDateExpr *de);

/* "2024-01-12", "2023-11" or "2023" by precision; buf >= 11 bytes. */
extern void dip_date_format(int32_t date, int prec, char *buf);

extern const char *dip_prec_name(int prec);

#endif							/* DIP_DATE_EXPR_H */
