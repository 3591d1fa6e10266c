/*-------------------------------------------------------------------------
 *
 * dip_cameo.c
 *	  CAMEO event code packing, codebook lookup and actor code checks.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_cameo.h"
#include "dip_calendar.h"

#include <string.h>

int
dip_cameo_pack(const char *s, size_t len)
{
	int			v = 0;

	if (len < 2 || len > 4)
		return -1;
	for (size_t i = 0; i < 4; i++)
	{
		int			e = 0;

		if (i < len)
		{
			if (s[i] < '0' || s[i] > '9')
				return -1;
			e = s[i] - '0' + 1;
		}
		v = v * 11 + e;
	}
	return v;
}

void
dip_cameo_unpack(int packed, char *buf)
{
	int			e[4];
	int			n = 0;

	for (int i = 3; i >= 0; i--)
	{
		e[i] = packed % 11;
		packed /= 11;
	}
	for (int i = 0; i < 4; i++)
		if (e[i] > 0)
			buf[n++] = (char) ('0' + e[i] - 1);
	buf[n] = '\0';
}

int
dip_cameo_depth(int packed)
{
	int			n = 0;

	for (int i = 0; i < 4; i++)
	{
		if (packed % 11 != 0)
			n++;
		packed /= 11;
	}
	return n;
}

bool
dip_cameo_within(int a, int b)
{
	int			db = dip_cameo_depth(b);
	int			div = 1;

	if (dip_cameo_depth(a) < db)
		return false;
	for (int i = db; i < 4; i++)
		div *= 11;
	return a / div == b / div;
}

int
dip_cameo_root(int packed)
{
	return (packed / 121) * 121;
}

const DipCameoInfo *
dip_cameo_info(int packed)
{
	int			lo = 0,
				hi = dip_cameo_table_size - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (dip_cameo_table[mid].packed == packed)
			return &dip_cameo_table[mid];
		if (dip_cameo_table[mid].packed < packed)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/* ------------------------------------------------------------------------
 * Actor codes
 * ------------------------------------------------------------------------
 */

/* CAMEO role and generic codes (data/cameo/roles.tsv), sorted */
static const char *const role_codes[] = {
	"AFR", "AGR", "ASA", "BLK", "BUS", "CAS", "CAU", "CEU", "CFR", "COP",
	"CRB", "CRM", "CVL", "DEV", "EAF", "EDU", "EEU", "EIN", "ELI", "ENV",
	"EUR", "GOV", "HLH", "HRI", "IGO", "IMG", "INS", "INT", "JUD", "LAB",
	"LAM", "LEG", "MDT", "MEA", "MED", "MIL", "MNC", "MOD", "NAF", "NGM",
	"NGO", "NMR", "OPP", "PGS", "PKO", "PTY", "RAD", "REB", "REF", "SAF",
	"SAM", "SAS", "SCN", "SEA", "SEP", "SPY", "UAF", "UIS", "WAF", "WST",
	/* religion codes used by CAMEO actor dictionaries */
	"ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ",
	"HIN", "ITR", "JAN", "JEW", "LDS", "MOS", "ORT", "PRO", "REL", "SFI",
	"SHI", "SHN", "SIK", "SUN", "TAO", "ZRO"
};

bool
dip_actor_is_role(const char *s)
{
	for (size_t i = 0; i < sizeof(role_codes) / sizeof(role_codes[0]); i++)
		if (memcmp(role_codes[i], s, 3) == 0)
			return true;
	return false;
}

/* First components that are not countries */
static const char *const intl_codes[] = {
	"IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS",
	"AFR", "ASA", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU",
	"EIN", "EUR", "LAM", "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM",
	"SAS", "SCN", "SEA", "WAF", "WST",
	/* a bare role code is a valid actor when the country is unknown */
	"GOV", "MIL", "REB", "OPP", "COP", "JUD", "LEG", "MED", "BUS", "CVL",
	"ELI", "SPY", "LAB", "EDU", "HLH", "HRI", "REF", "AGR", "ENV", "CRM",
	"INS", "SEP", "UAF", "DEV", "REL",
	/* religions, for transnational religious actors */
	"ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ",
	"HIN", "ITR", "JAN", "JEW", "LDS", "MOS", "ORT", "PRO", "SFI", "SHI",
	"SHN", "SIK", "SUN", "TAO", "ZRO"
};

/* ISO 3166-1 alpha-3 codes plus CAMEO's own country codes */
extern const char dip_country_codes[];

static bool
is_country(const char *s)
{
	const char *p = dip_country_codes;

	while (*p)
	{
		if (memcmp(p, s, 3) == 0)
			return true;
		p += 3;
	}
	return false;
}

const char *
dip_actor_check(const char *s, size_t len)
{
	bool		known = false;

	if (len == 0)
		return "actor code is empty";
	if (len % 3 != 0 || len > 18)
		return "actor code must be one to six 3-letter components";
	for (size_t i = 0; i < len; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return "actor code must consist of upper-case letters A-Z";
	for (size_t i = 0; i < sizeof(intl_codes) / sizeof(intl_codes[0]); i++)
		if (memcmp(intl_codes[i], s, 3) == 0)
			known = true;
	if (!known && !is_country(s))
		return "first component is not a known country, region or international code";
	return NULL;
}

bool
dip_actor_within(const char *a, size_t alen, const char *b, size_t blen)
{
	if (blen > alen || blen % 3 != 0)
		return false;
	return memcmp(a, b, blen) == 0;
}

/* The country code valid at a date (see dip_cameo.h). */
const char *
dip_country_at(const char *country, int32_t date)
{
	if (date == DIP_DATE_NONE || country == NULL || country[0] == '\0')
		return country;
	for (int k = 0; k < dip_nsuccessions; k++)
	{
		const DipSuccession *s = &dip_successions[k];

		if (memcmp(s->code, country, 3) != 0)
			continue;
		if (s->from_y && date < dip_date_from_ymd(s->from_y, s->from_m, s->from_d))
			continue;
		if (s->to_y && date > dip_date_from_ymd(s->to_y, s->to_m, s->to_d))
			continue;
		return s->former;
	}
	return country;
}
