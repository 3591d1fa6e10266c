/*-------------------------------------------------------------------------
 *
 * dip_calendar.h
 *	  Calendar arithmetic on days since 2000-01-01 (PostgreSQL's date
 *	  epoch, so the glue passes DateADT values unchanged).
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_CALENDAR_H
#define DIP_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

#define DIP_DATE_NONE INT32_MIN

extern int32_t dip_date_from_ymd(int y, int m, int d);
extern void dip_date_to_ymd(int32_t days, int *y, int *m, int *d);

/* 0 = Sunday .. 6 = Saturday */
extern int	dip_date_weekday(int32_t days);

/* Parses YYYY-MM-DD; returns false if malformed or out of range. */
extern bool dip_date_parse(const char *s, int32_t *days);

extern int	dip_days_in_month(int y, int m);

#endif							/* DIP_CALENDAR_H */
