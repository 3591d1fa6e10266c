/*-------------------------------------------------------------------------
 *
 * dip_date_expr.c
 *	  Date expressions in news text, resolved against the publication date:
 *	  "on Friday", "last November", "Jan. 12", "12 January 2024",
 *	  "yesterday", "next week", "in 2023", "2024-01-12".
 *
 * Weekdays and month names without a year point back from the publication
 * date for past events and forward for future ones (will, plans to ...).
 *
 *-------------------------------------------------------------------------
 */
#include "dip_date_expr.h"
#include "dip_calendar.h"

#include <stdlib.h>
#include <string.h>

/* The number of a word in a valued cue class cls of the lexicon, if it is one. */
static bool
cue_value(const DipDict *d, const DipToken *t, uint32_t cue, int cls, int *value)
{
	int32_t		num;

	if (!(dip_word_cues(d, t->wid) & cue) || !dip_word_value(d, t->wid, cls, &num, NULL))
		return false;
	*value = num;
	return true;
}

/*
 * The weekday (DATE_WEEKDAY), 0..6, or -1; capitalised tokens only (so
 * "sun" the star is not Sunday).
 */
static int
weekday_of(const DipDict *d, const DipToken *t)
{
	int			w;

	if (!(t->flags & DIP_TF_UPPER) || !cue_value(d, t, CUE_DATE_WEEKDAY, CUEB_DATE_WEEKDAY, &w))
		return -1;
	return w;
}

/* The month (DATE_MONTH), 1..12, or 0; capitalised only. */
static int
month_of(const DipDict *d, const DipToken *t)
{
	int			m;

	if (!(t->flags & DIP_TF_UPPER) || !cue_value(d, t, CUE_DATE_MONTH, CUEB_DATE_MONTH, &m))
		return 0;
	return m;
}

/* A plain integer token in [lo, hi], or -1. */
static int
number_of(const DipToken *t, int lo, int hi)
{
	int			v = 0;

	if (t->type != DIP_TOK_NUMBER || t->nlen > 4)
		return -1;
	for (uint32_t i = 0; i < t->nlen; i++)
	{
		char		c = t->norm[i];

		/* ordinals: 12th, 1st */
		if (c < '0' || c > '9')
		{
			if (i > 0 && (strcmp(t->norm + i, "st") == 0 || strcmp(t->norm + i, "nd") == 0 ||
						  strcmp(t->norm + i, "rd") == 0 || strcmp(t->norm + i, "th") == 0))
				break;
			return -1;
		}
		v = v * 10 + (c - '0');
	}
	return (v >= lo && v <= hi) ? v : -1;
}

static int32_t
clamp_day(int y, int m, int d)
{
	int			dim = dip_days_in_month(y, m);

	return dip_date_from_ymd(y, m, d > dim ? dim : d);
}

/* A date expression being read at token i */
typedef struct DateAt
{
	const DipDict *d;
	const DipToken *t;			/* the tokens [0, n) */
	uint32_t	n;
	uint32_t	i;
	int32_t		pub;			/* the publication date, and its parts */
	int			y;
	int			m;
	bool		future;			/* read weekdays and months forward */
	DipDateExpr *out;
} DateAt;

/* Sets the expression found: tokens [a, b), date and precision; returns its length. */
static uint32_t
found(DateAt *at, uint32_t b, int32_t date, int prec)
{
	at->out->a = at->i;
	at->out->b = b;
	at->out->date = date;
	at->out->prec = prec;
	return b - at->i;
}

/* "yesterday", "today", "tonight", "tomorrow" (DATE_DAY, days from publication). */
static uint32_t
relative_day(DateAt *at)
{
	int			days;

	if (!cue_value(at->d, &at->t[at->i], CUE_DATE_DAY, CUEB_DATE_DAY, &days))
		return 0;
	return found(at, at->i + 1, at->pub + days, DIP_PREC_DAY);
}

/* "2024-01-12": an ISO date, glued by hyphens. */
static uint32_t
iso_date(DateAt *at)
{
	const DipToken *t = at->t;
	uint32_t	i = at->i;

	if (i + 4 < at->n && number_of(&t[i], 1900, 2100) > 0 && DIP_TOK_IS(&t[i + 1], "-") &&
		(t[i + 2].flags & DIP_TF_JOIN) && number_of(&t[i + 2], 1, 12) > 0 &&
		DIP_TOK_IS(&t[i + 3], "-") && number_of(&t[i + 4], 1, 31) > 0)
		return found(at, i + 5, clamp_day(number_of(&t[i], 1900, 2100),
										  number_of(&t[i + 2], 1, 12),
										  number_of(&t[i + 4], 1, 31)), DIP_PREC_DAY);
	return 0;
}

/* "last", "past" (-1), "next", "coming" (+1), "this" (0) (DATE_DIRECTION). */
static bool
direction_word(const DipDict *d, const DipToken *t, int *dir)
{
	return cue_value(d, t, CUE_DATE_DIRECTION, CUEB_DATE_DIRECTION, dir);
}

/* The day of weekday w in direction dir from the publication date. */
static int32_t
weekday_towards(const DateAt *at, int w, int dir)
{
	int			pw = dip_date_weekday(at->pub);
	int			delta;

	if (dir < 0)
		delta = -(((pw - w) + 7) % 7 == 0 ? 7 : ((pw - w) + 7) % 7);
	else if (dir > 0)
		delta = ((w - pw) + 7) % 7 == 0 ? 7 : ((w - pw) + 7) % 7;
	else
		delta = at->future ? ((w - pw) + 7) % 7 : -(((pw - w) + 7) % 7);
	return at->pub + delta;
}

/*
 * "last week", "next month", "this year", "last Friday", "next November":
 * a direction word, then a period, a weekday or a month.
 */
static uint32_t
relative_period(DateAt *at, int dir)
{
	const DipToken *t;
	uint32_t	j = at->i + 1;
	int			w,
				mo;

	if (j >= at->n)
		return 0;
	t = &at->t[j];
	if (DIP_TOK_IS(t, "week") || DIP_TOK_IS(t, "weekend"))
		return found(at, j + 1, at->pub + 7 * dir, DIP_PREC_WEEK);
	if (DIP_TOK_IS(t, "month"))
	{
		int			mm = at->m + dir,
					yy = at->y;

		if (mm < 1)
		{
			mm = 12;
			yy--;
		}
		if (mm > 12)
		{
			mm = 1;
			yy++;
		}
		return found(at, j + 1, dip_date_from_ymd(yy, mm, 1), DIP_PREC_MONTH);
	}
	if (DIP_TOK_IS(t, "year"))
		return found(at, j + 1, dip_date_from_ymd(at->y + dir, 1, 1), DIP_PREC_YEAR);
	if ((w = weekday_of(at->d, t)) >= 0)
		return found(at, j + 1, weekday_towards(at, w, dir), DIP_PREC_DAY);
	if ((mo = month_of(at->d, t)) > 0 && !(mo == 5 && !DIP_TOK_IS(t, "may")))
	{
		int			yy = at->y;

		if (dir < 0 && mo >= at->m)
			yy--;
		if (dir > 0 && mo <= at->m)
			yy++;
		return found(at, j + 1, dip_date_from_ymd(yy, mo, 1), DIP_PREC_MONTH);
	}
	return 0;
}

/*
 * "on Friday", "Friday night": a weekday, the last one for past events,
 * the next for future ones ("on Friday" in a story of Friday is that day).
 */
static uint32_t
weekday(DateAt *at)
{
	int			w = weekday_of(at->d, &at->t[at->i]);

	if (w < 0)
		return 0;
	return found(at, at->i + 1, weekday_towards(at, w, 0), DIP_PREC_DAY);
}

/*
 * "Jan. 12", "January 12, 2024", "November 2023", "last November" aside:
 * a month, a day and a year; without a year, the nearest such date in the
 * right direction.  "May" and "March" alone are verbs.
 */
static uint32_t
month_day_year(DateAt *at)
{
	const DipToken *t = at->t;
	uint32_t	i = at->i;
	uint32_t	j = i + 1;
	int			mo = month_of(at->d, &t[i]);
	int			dd = -1,
				yy = -1;

	if (mo <= 0)
		return 0;
	if (j < at->n && (dd = number_of(&t[j], 1, 31)) > 0)
		j++;
	if (j < at->n && DIP_TOK_IS(&t[j], ","))
	{
		if (j + 1 < at->n && number_of(&t[j + 1], 1900, 2100) > 0)
		{
			yy = number_of(&t[j + 1], 1900, 2100);
			j += 2;
		}
	}
	else if (j < at->n && (yy = number_of(&t[j], 1900, 2100)) > 0)
		j++;
	if (dd < 0 && yy < 0 && (mo == 5 || DIP_TOK_IS(&t[i], "march")))
		return 0;
	if (yy < 0)
	{
		/* the nearest such date in the right direction */
		int32_t		cand = dd > 0 ? clamp_day(at->y, mo, dd) : dip_date_from_ymd(at->y, mo, 1);

		yy = at->y;
		if (!at->future && cand > at->pub + 2)
			yy = at->y - 1;
		if (at->future && (dd > 0 ? cand < at->pub : mo < at->m))
			yy = at->y + 1;
	}
	return found(at, j, dd > 0 ? clamp_day(yy, mo, dd) : dip_date_from_ymd(yy, mo, 1),
				 dd > 0 ? DIP_PREC_DAY : DIP_PREC_MONTH);
}

/* "12 January 2024", "12 January": a day, a month and maybe a year. */
static uint32_t
day_month_year(DateAt *at)
{
	const DipToken *t = at->t;
	uint32_t	i = at->i;
	uint32_t	j = i + 2;
	int			dd,
				mo,
				yy = -1;

	if (i + 1 >= at->n || (dd = number_of(&t[i], 1, 31)) <= 0 || (mo = month_of(at->d, &t[i + 1])) <= 0)
		return 0;
	if (j < at->n && (yy = number_of(&t[j], 1900, 2100)) > 0)
		j++;
	if (yy < 0)
	{
		yy = at->y;
		if (!at->future && clamp_day(at->y, mo, dd) > at->pub + 2)
			yy = at->y - 1;
	}
	return found(at, j, clamp_day(yy, mo, dd), DIP_PREC_DAY);
}

/* "in 2023": a year after "in", unless a lower-case word other than "and" follows. */
static uint32_t
in_year(DateAt *at)
{
	const DipToken *t = at->t;
	uint32_t	i = at->i;

	if (i > 0 && DIP_TOK_IS(&t[i - 1], "in") && number_of(&t[i], 1900, 2100) > 0 &&
		!(i + 1 < at->n && t[i + 1].type == DIP_TOK_WORD && !(t[i + 1].flags & DIP_TF_UPPER) &&
		  !DIP_TOK_IS(&t[i + 1], "and")))
		return found(at, i + 1, dip_date_from_ymd(number_of(&t[i], 1900, 2100), 1, 1),
					 DIP_PREC_YEAR);
	return 0;
}

/*
 * Cheap rejection: a date starts with a number or a word of the date
 * reader's classes (a month or weekday name, a day such as yesterday, a
 * direction such as last).
 */
static bool
may_start_date(const DipDict *d, const DipToken *t)
{
	if (t->type == DIP_TOK_NUMBER)
		return true;
	return t->type == DIP_TOK_WORD &&
		(dip_word_cues(d, t->wid) &
		 (CUE_DATE_MONTH | CUE_DATE_WEEKDAY | CUE_DATE_DAY | CUE_DATE_DIRECTION)) != 0;
}

/*
 * Finds the date expression starting at token i; returns its token count
 * (0 if none) and fills *out.  The forms are tried in order.
 */
static uint32_t
match_at(const DipDict *d, const DipToken *t, uint32_t n, uint32_t i, int32_t pub, bool future,
		 DipDateExpr *out)
{
	DateAt		at;
	int			day;
	int			dir;
	uint32_t	len;

	if (pub == DIP_DATE_NONE || !may_start_date(d, &t[i]))
		return 0;
	at.d = d;
	at.t = t;
	at.n = n;
	at.i = i;
	at.pub = pub;
	at.future = future;
	at.out = out;
	dip_date_to_ymd(pub, &at.y, &at.m, &day);
	out->a = i;
	if ((len = relative_day(&at)) > 0 || (len = iso_date(&at)) > 0)
		return len;
	/* after "last", "next", "this": a period, weekday or month, or nothing */
	if (direction_word(d, &t[i], &dir))
		return relative_period(&at, dir);
	if ((len = weekday(&at)) > 0 || (len = month_day_year(&at)) > 0 ||
		(len = day_month_year(&at)) > 0 || (len = in_year(&at)) > 0)
		return len;
	return 0;
}

int
dip_find_dates(const DipDict *d, const DipToken *t, uint32_t n, int32_t published, bool future,
			   DipDateExpr *out, int max)
{
	int			k = 0;

	for (uint32_t i = 0; i < n && k < max;)
	{
		uint32_t	len = match_at(d, t, n, i, published, future, &out[k]);

		if (len > 0)
		{
			k++;
			i += len;
		}
		else
			i++;
	}
	return k;
}

/* Can date expression de be the day of an event (see dip_date_expr.h)? */
bool
dip_date_dates_event(const DipDict *d, const DipToken *t, uint32_t n, const DipDateExpr *de)
{
	uint32_t	lx;

	/* "since March", "due April 21, 1992", "from 1980 to 1985" */
	if (de->a > 0 && (dip_word_cues(d, t[de->a - 1].wid) & CUE_DATE_PERIOD))
		return false;
	if (de->b >= n)
		return true;
	/* "Monday's meeting": the date of that noun, which may be another event */
	if (t[de->b].type == DIP_TOK_CLITIC)
		return false;
	/*
	 * "its February exports", "the March quarter": a month or a year
	 * before a common noun, not after a preposition ("in February police
	 * arrested"), nor a weekday ("Friday evening")
	 */
	if ((de->prec != DIP_PREC_MONTH && de->prec != DIP_PREC_YEAR) ||
		(de->a > 0 && t[de->a - 1].wid && (d->words[t[de->a - 1].wid].lex & LX_PREP)))
		return true;
	lx = t[de->b].wid ? d->words[t[de->b].wid].lex : 0;
	return !(t[de->b].type == DIP_TOK_WORD && (t[de->b].flags & DIP_TF_LOWER) &&
			 !(lx & (LX_PREP | LX_ADV | LX_FUNCTION)) && ((lx & LX_NOUN) || !(lx & LX_VERB)));
}

/* Writes v as n decimal digits at p, with leading zeros. */
static void
put_digits(char *p, int v, int n)
{
	while (n-- > 0)
	{
		p[n] = (char) ('0' + v % 10);
		v /= 10;
	}
}

void
dip_date_format(int32_t date, int prec, char *buf)
{
	int			y,
				m,
				d;
	int			len = prec == DIP_PREC_YEAR ? 4 : prec == DIP_PREC_MONTH ? 7 : 10;

	dip_date_to_ymd(date, &y, &m, &d);
	if (y < 0 || y > 9999)
		len = 0;
	put_digits(buf, y, 4);
	buf[4] = '-';
	put_digits(buf + 5, m, 2);
	buf[7] = '-';
	put_digits(buf + 8, d, 2);
	buf[len] = '\0';
}

const char *
dip_prec_name(int prec)
{
	switch (prec)
	{
		case DIP_PREC_DAY:
			return "day";
		case DIP_PREC_WEEK:
			return "week";
		case DIP_PREC_MONTH:
			return "month";
		case DIP_PREC_YEAR:
			return "year";
		default:
			return "";
	}
}
