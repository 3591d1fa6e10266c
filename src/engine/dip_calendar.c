/*-------------------------------------------------------------------------
 *
 * dip_calendar.c
 *	  Proleptic Gregorian calendar arithmetic for the engine.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_calendar.h"

#include <stdlib.h>
#include <string.h>

/* days from 1970-01-01 to 2000-01-01 */
#define EPOCH_SHIFT 10957

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static int64_t
days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t		era;
	unsigned	yoe,
				doy,
				doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned) (y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t) doe - 719468;
}

static void
civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t		era;
	unsigned	doe,
				yoe,
				doy,
				mp;
	int64_t		yy;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned) (z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = (int64_t) yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int) (doy - (153 * mp + 2) / 5 + 1);
	*m = (int) (mp < 10 ? mp + 3 : mp - 9);
	*y = (int) (yy + (*m <= 2));
}

int32_t
dip_date_from_ymd(int y, int m, int d)
{
	return (int32_t) (days_from_civil(y, (unsigned) m, (unsigned) d) - EPOCH_SHIFT);
}

void
dip_date_to_ymd(int32_t days, int *y, int *m, int *d)
{
	civil_from_days((int64_t) days + EPOCH_SHIFT, y, m, d);
}

int
dip_date_weekday(int32_t days)
{
	/* 2000-01-01 was a Saturday */
	int64_t		w = ((int64_t) days + 6) % 7;

	if (w < 0)
		w += 7;
	return (int) w;
}

int
dip_days_in_month(int y, int m)
{
	static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

bool
dip_date_parse(const char *s, int32_t *days)
{
	int			y = 0,
				m = 0,
				d = 0;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
	{
		if (i == 4 || i == 7)
			continue;
		if (s[i] < '0' || s[i] > '9')
			return false;
	}
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > dip_days_in_month(y, m))
		return false;
	*days = dip_date_from_ymd(y, m, d);
	return true;
}
