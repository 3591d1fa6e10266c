/*-------------------------------------------------------------------------
 *
 * dip_model.c
 *	  Names of the analysis data model's enumerations.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_model.h"

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
