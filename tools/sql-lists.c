/*-------------------------------------------------------------------------
 *
 * sql-lists.c
 *	  Copies the extension's SQL script parts to standard output, filling
 *	  in the lists that the engine defines (dip_dict.h), so that each is
 *	  defined once: @GAZETTEER_KINDS@, @OFFICES@, @LEXICON_CLASSES@ (word
 *	  and cue classes) become quoted, comma-separated SQL lists.
 *
 *	  usage: sql-lists file.sql...   (run by the Makefile)
 *
 *-------------------------------------------------------------------------
 */
#include "dip_dict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints a list item, wrapping lines after about 80 columns. */
static void
item(const char *s, int *col, bool *first)
{
	if (!*first)
	{
		fputs(",", stdout);
		(*col)++;
		if (*col + (int) strlen(s) + 3 > 80)
		{
			fputs("\n                    ", stdout);
			*col = 20;
		}
		else
		{
			fputs(" ", stdout);
			(*col)++;
		}
	}
	*first = false;
	*col += printf("'%s'", s);
}

/* Prints the list named name, starting at column col; false if unknown. */
static bool
print_list(const char *name, size_t len, int col)
{
	bool		first = true;

#define IS(lit) (len == sizeof(lit) - 1 && memcmp(name, lit, len) == 0)
	if (IS("GAZETTEER_KINDS"))
	{
#define GAZETTEER_KIND(k, gaz) if (gaz) item(#k, &col, &first);
		DIP_KINDS(GAZETTEER_KIND)
#undef GAZETTEER_KIND
	}
	else if (IS("OFFICES"))
	{
#define OFFICE(e, n) item(#n, &col, &first);
		DIP_OFFICES(OFFICE)
#undef OFFICE
	}
	else if (IS("LEXICON_CLASSES"))
	{
#define LEXCLASS(c) item(#c, &col, &first);
		DIP_LEXICON_CLASSES(LEXCLASS)
#undef LEXCLASS
#define CUECLASS(c, v, lo, hi) item(#c, &col, &first);
		DIP_CUE_CLASSES(CUECLASS)
#undef CUECLASS
	}
	else
		return false;
#undef IS
	return true;
}

/* Copies one file, filling in the lists. */
static bool
fill(const char *path)
{
	FILE	   *f = fopen(path, "r");
	char		line[4096];

	if (f == NULL)
	{
		perror(path);
		return false;
	}
	while (fgets(line, sizeof(line), f))
	{
		char	   *p = line;
		char	   *at;

		while ((at = strchr(p, '@')) != NULL)
		{
			char	   *end = strchr(at + 1, '@');

			fwrite(p, 1, at - p, stdout);
			if (end == NULL || !print_list(at + 1, end - at - 1, (int) (at - line)))
			{
				fputc('@', stdout);
				p = at + 1;
				continue;
			}
			p = end + 1;
		}
		fputs(p, stdout);
	}
	fclose(f);
	return true;
}

int
main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (!fill(argv[i]))
			return 1;
	return 0;
}
