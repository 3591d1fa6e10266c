/*-------------------------------------------------------------------------
 *
 * dip_model.c
 *	  Names of the analysis data model's enumerations.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_model.h"

/* The *k-th rule of the tables (see dip_model.h). */
const DipRule *
dip_rule_in_tables(const DipRuleTable *tables, int ntables, int *k)
{
	if (*k < 0)
		return NULL;
	for (int t = 0; t < ntables; t++)
	{
		if ((size_t) *k < tables[t].n)
			return tables[t].stride == 0 ?
				((const DipRule *const *) tables[t].rules)[*k] :
				(const DipRule *) ((const char *) tables[t].rules + (size_t) *k * tables[t].stride);
		*k -= (int) tables[t].n;
	}
	return NULL;
}

/* The name of a DIP_HOW_* value, as mentions() reports it. */
const char *
dip_how_name(int how)
{
	switch (how)
	{
		case DIP_HOW_DICT:
			return "dictionary";
		case DIP_HOW_TITLE:
			return "title";
		case DIP_HOW_RULE:
			return "rule";
		case DIP_HOW_GUESS:
			return "guess";
		case DIP_HOW_ALIAS:
			return "alias";
		default:
			return "";
	}
}
