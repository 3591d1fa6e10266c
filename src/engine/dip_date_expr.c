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

static const char *const weekdays[7][3] = {
	{"sunday", "sun.", "sun"}, {"monday", "mon.", "mon"}, {"tuesday", "tue.", "tues."},
	{"wednesday", "wed.", "wed"}, {"thursday", "thu.", "thurs."}, {"friday", "fri.", "fri"},
	{"saturday", "sat.", "sat"}
};

static const char *const months[12][3] = {
	{"january", "jan.", "jan"}, {"february", "feb.", "feb"}, {"march", "mar.", "march"},
	{"april", "apr.", "apr"}, {"may", "may", "may"}, {"june", "jun.", "jun"},
	{"july", "jul.", "jul"}, {"august", "aug.", "aug"}, {"september", "sept.", "sep."},
	{"october", "oct.", "oct"}, {"november", "nov.", "nov"}, {"december", "dec.", "dec"}
};

/* 0..6 or -1; capitalised tokens only (so "sun" the star is not Sunday) */
static int
weekday_of(const DipToken *t)
{
	if (!(t->flags & DIP_TF_UPPER))
		return -1;
	for (int w = 0; w < 7; w++)
		for (int k = 0; k < 3; k++)
			if (dip_tok_is(t, weekdays[w][k]))
				return w;
	return -1;
}

/* 1..12 or 0; capitalised only; "May" needs a number or year next to it */
static int
month_of(const DipToken *t)
{
	if (!(t->flags & DIP_TF_UPPER))
		return 0;
	for (int m = 0; m < 12; m++)
		for (int k = 0; k < 3; k++)
			if (dip_tok_is(t, months[m][k]))
				return m + 1;
	return 0;
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

/*
 * Finds the date expression starting at token i; returns its token count
 * (0 if none) and fills *out.
 */
static uint32_t
match_at(const DipToken *t, uint32_t n, uint32_t i, int32_t pub, bool future,
		 DipDateExpr *out)
{
	int			y,
				m,
				d;
	int			w,
				mo;
	uint32_t	j = i;
	int			dir = 0;		/* -1 last, +1 next, 0 this/none */

	if (pub == DIP_DATE_NONE)
		return 0;
	/* cheap rejection: a date starts with a number, a capitalised name of
	 * a day or month, or yesterday/today/tomorrow/tonight/last/past/next/
	 * coming/this */
	if (t[i].type != DIP_TOK_NUMBER)
	{
		char		c = t[i].norm[0];

		if (t[i].type != DIP_TOK_WORD || t[i].nlen < 3 || t[i].nlen > 9)
			return 0;
		if (!(t[i].flags & DIP_TF_UPPER) && c != 'y' && c != 't' && c != 'l' &&
			c != 'p' && c != 'n' && c != 'c')
			return 0;
	}
	dip_date_to_ymd(pub, &y, &m, &d);
	out->a = i;

	/* yesterday, today, tomorrow, tonight */
	if (DIP_TOK_IS(&t[i], "yesterday"))
	{
		out->b = i + 1;
		out->date = pub - 1;
		out->prec = DIP_PREC_DAY;
		return 1;
	}
	if (DIP_TOK_IS(&t[i], "today") || DIP_TOK_IS(&t[i], "tonight"))
	{
		out->b = i + 1;
		out->date = pub;
		out->prec = DIP_PREC_DAY;
		return 1;
	}
	if (DIP_TOK_IS(&t[i], "tomorrow"))
	{
		out->b = i + 1;
		out->date = pub + 1;
		out->prec = DIP_PREC_DAY;
		return 1;
	}

	/* ISO date: 2024 - 01 - 12 glued by hyphens */
	if (i + 4 < n && number_of(&t[i], 1900, 2100) > 0 && DIP_TOK_IS(&t[i + 1], "-") &&
		(t[i + 2].flags & DIP_TF_JOIN) && number_of(&t[i + 2], 1, 12) > 0 &&
		DIP_TOK_IS(&t[i + 3], "-") && number_of(&t[i + 4], 1, 31) > 0)
	{
		int			yy = number_of(&t[i], 1900, 2100);
		int			mm = number_of(&t[i + 2], 1, 12);
		int			dd = number_of(&t[i + 4], 1, 31);

		out->b = i + 5;
		out->date = clamp_day(yy, mm, dd);
		out->prec = DIP_PREC_DAY;
		return 5;
	}

	/* last / next / this + week, month, year, weekday, month name */
	if (DIP_TOK_IS(&t[i], "last") || DIP_TOK_IS(&t[i], "past"))
		dir = -1;
	else if (DIP_TOK_IS(&t[i], "next") || DIP_TOK_IS(&t[i], "coming"))
		dir = 1;
	else if (DIP_TOK_IS(&t[i], "this"))
		dir = 0;
	else
		goto plain;
	if (i + 1 >= n)
		return 0;
	j = i + 1;
	if (DIP_TOK_IS(&t[j], "week") || DIP_TOK_IS(&t[j], "weekend"))
	{
		out->b = j + 1;
		out->date = pub + 7 * dir;
		out->prec = DIP_PREC_WEEK;
		return 2;
	}
	if (DIP_TOK_IS(&t[j], "month"))
	{
		int			mm = m + dir,
					yy = y;

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
		out->b = j + 1;
		out->date = dip_date_from_ymd(yy, mm, 1);
		out->prec = DIP_PREC_MONTH;
		return 2;
	}
	if (DIP_TOK_IS(&t[j], "year"))
	{
		out->b = j + 1;
		out->date = dip_date_from_ymd(y + dir, 1, 1);
		out->prec = DIP_PREC_YEAR;
		return 2;
	}
	if ((w = weekday_of(&t[j])) >= 0)
	{
		int			pw = dip_date_weekday(pub);
		int			delta;

		if (dir < 0)
			delta = -(((pw - w) + 7) % 7 == 0 ? 7 : ((pw - w) + 7) % 7);
		else if (dir > 0)
			delta = ((w - pw) + 7) % 7 == 0 ? 7 : ((w - pw) + 7) % 7;
		else
			delta = future ? ((w - pw) + 7) % 7 : -(((pw - w) + 7) % 7);
		out->b = j + 1;
		out->date = pub + delta;
		out->prec = DIP_PREC_DAY;
		return 2;
	}
	if ((mo = month_of(&t[j])) > 0 && !(mo == 5 && !DIP_TOK_IS(&t[j], "may")))
	{
		int			yy = y;

		if (dir < 0 && mo >= m)
			yy--;
		if (dir > 0 && mo <= m)
			yy++;
		out->b = j + 1;
		out->date = dip_date_from_ymd(yy, mo, 1);
		out->prec = DIP_PREC_MONTH;
		return 2;
	}
	return 0;

plain:
	/* weekday, possibly "Friday night" */
	if ((w = weekday_of(&t[i])) >= 0)
	{
		int			pw = dip_date_weekday(pub);
		int			delta = future ? ((w - pw) + 7) % 7 : -(((pw - w) + 7) % 7);

		/* "on Friday" in a story of Friday is that day for past tense */
		out->b = i + 1;
		out->date = pub + delta;
		out->prec = DIP_PREC_DAY;
		return 1;
	}
	/* Month [day][, year] */
	if ((mo = month_of(&t[i])) > 0)
	{
		int			dd = -1,
					yy = -1;

		j = i + 1;
		if (j < n && (dd = number_of(&t[j], 1, 31)) > 0)
			j++;
		if (j < n && DIP_TOK_IS(&t[j], ","))
		{
			if (j + 1 < n && number_of(&t[j + 1], 1900, 2100) > 0)
			{
				yy = number_of(&t[j + 1], 1900, 2100);
				j += 2;
			}
		}
		else if (j < n && (yy = number_of(&t[j], 1900, 2100)) > 0)
			j++;
		/* "May" alone is the verb */
		if (dd < 0 && yy < 0 && (mo == 5 || DIP_TOK_IS(&t[i], "march")))
			return 0;
		if (yy < 0)
		{
			/* the nearest such date in the right direction */
			int32_t		cand = dd > 0 ? clamp_day(y, mo, dd) : dip_date_from_ymd(y, mo, 1);

			yy = y;
			if (!future && cand > pub + 2)
				yy = y - 1;
			if (future && (dd > 0 ? cand < pub : mo < m))
				yy = y + 1;
		}
		out->b = j;
		out->date = dd > 0 ? clamp_day(yy, mo, dd) : dip_date_from_ymd(yy, mo, 1);
		out->prec = dd > 0 ? DIP_PREC_DAY : DIP_PREC_MONTH;
		return j - i;
	}
	/* day Month [year] */
	if (i + 1 < n && number_of(&t[i], 1, 31) > 0 && (mo = month_of(&t[i + 1])) > 0)
	{
		int			dd = number_of(&t[i], 1, 31);
		int			yy = -1;

		j = i + 2;
		if (j < n && (yy = number_of(&t[j], 1900, 2100)) > 0)
			j++;
		if (yy < 0)
		{
			yy = y;
			if (!future && clamp_day(y, mo, dd) > pub + 2)
				yy = y - 1;
		}
		out->b = j;
		out->date = clamp_day(yy, mo, dd);
		out->prec = DIP_PREC_DAY;
		return j - i;
	}
	/* "in 2023" */
	if (i > 0 && DIP_TOK_IS(&t[i - 1], "in") && number_of(&t[i], 1900, 2100) > 0 &&
		!(i + 1 < n && t[i + 1].type == DIP_TOK_WORD && !(t[i + 1].flags & DIP_TF_UPPER) &&
		  !DIP_TOK_IS(&t[i + 1], "and")))
	{
		out->b = i + 1;
		out->date = dip_date_from_ymd(number_of(&t[i], 1900, 2100), 1, 1);
		out->prec = DIP_PREC_YEAR;
		return 1;
	}
	return 0;
}

int
dip_find_dates(const DipToken *t, uint32_t n, int32_t published, bool future,
			   DipDateExpr *out, int max)
{
	int			k = 0;

	for (uint32_t i = 0; i < n && k < max;)
	{
		uint32_t	len = match_at(t, n, i, published, future, &out[k]);

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

void
dip_date_format(int32_t date, int prec, char *buf)
{
	int			y,
				m,
				d;

	dip_date_to_ymd(date, &y, &m, &d);
	if (y < 0 || y > 9999)
	{
		buf[0] = '\0';
		return;
	}
	switch (prec)
	{
		case DIP_PREC_YEAR:
			buf[0] = (char) ('0' + y / 1000);
			buf[1] = (char) ('0' + y / 100 % 10);
			buf[2] = (char) ('0' + y / 10 % 10);
			buf[3] = (char) ('0' + y % 10);
			buf[4] = '\0';
			break;
		case DIP_PREC_MONTH:
			dip_date_format(date, DIP_PREC_YEAR, buf);
			buf[4] = '-';
			buf[5] = (char) ('0' + m / 10);
			buf[6] = (char) ('0' + m % 10);
			buf[7] = '\0';
			break;
		default:
			dip_date_format(date, DIP_PREC_MONTH, buf);
			buf[7] = '-';
			buf[8] = (char) ('0' + d / 10);
			buf[9] = (char) ('0' + d % 10);
			buf[10] = '\0';
			break;
	}
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
