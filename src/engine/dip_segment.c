/*-------------------------------------------------------------------------
 *
 * dip_segment.c
 *	  Word and sentence segmentation of news text.
 *
 * Words follow the Unicode word-boundary rules (UAX #29) with the changes
 * news needs: dotted acronyms and known abbreviations keep their period
 * ("U.S.", "Gen.", "Jan."), possessive clitics are split ("China" "'s"),
 * hyphenated compounds are split into parts glued by DIP_TF_JOIN so that
 * "Iran-backed" yields the place "Iran" while still displaying as one token.
 * Letters of alphabetic scripts are classified with ICU character
 * properties; runs of scripts written without spaces (Han, Kana, Thai, Lao,
 * Khmer, Myanmar) are segmented by ICU's dictionary-based word
 * BreakIterator.
 *
 * Sentences are split on the token stream: terminal punctuation followed by
 * a capitalised word, minus abbreviations, plus line structure (headline,
 * dateline, paragraph breaks, boilerplate such as "scroll to top").
 *
 *-------------------------------------------------------------------------
 */
#include "dip_segment.h"
#include "dip_normalize.h"

#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

/* character classes */
enum
{
	CC_SPACE = 0,
	CC_NEWLINE,
	CC_LETTER,
	CC_DIGIT,
	CC_COMPLEX,					/* letter of a script without spaces */
	CC_MARK,
	CC_APOS,
	CC_PERIOD,
	CC_HYPHEN,					/* hyphen or en dash: may join words */
	CC_DASH,					/* em dash and friends */
	CC_TERM,					/* ! ? and CJK full stops */
	CC_OPEN,
	CC_CLOSE,
	CC_QUOTE,					/* ambiguous " */
	CC_PUNCT,
	CC_SYMBOL,
	CC_AMP,
	CC_INVALID
};

static const uint8_t ascii_class[128] = {
	/* 0x00 */ CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE,
	/* 0x08 */ CC_SPACE, CC_SPACE, CC_NEWLINE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE,
	/* 0x10 */ CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE,
	/* 0x18 */ CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE, CC_SPACE,
	/* ' ' */ CC_SPACE, CC_TERM, CC_QUOTE, CC_SYMBOL, CC_SYMBOL, CC_SYMBOL, CC_AMP, CC_APOS,
	/* '(' */ CC_OPEN, CC_CLOSE, CC_SYMBOL, CC_SYMBOL, CC_PUNCT, CC_HYPHEN, CC_PERIOD, CC_PUNCT,
	/* '0' */ CC_DIGIT, CC_DIGIT, CC_DIGIT, CC_DIGIT, CC_DIGIT, CC_DIGIT, CC_DIGIT, CC_DIGIT,
	/* '8' */ CC_DIGIT, CC_DIGIT, CC_PUNCT, CC_PUNCT, CC_SYMBOL, CC_SYMBOL, CC_SYMBOL, CC_TERM,
	/* '@' */ CC_SYMBOL, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER,
	/* 'H' */ CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER,
	/* 'P' */ CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER,
	/* 'X' */ CC_LETTER, CC_LETTER, CC_LETTER, CC_OPEN, CC_SYMBOL, CC_CLOSE, CC_SYMBOL, CC_SYMBOL,
	/* '`' */ CC_APOS, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER,
	/* 'h' */ CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER,
	/* 'p' */ CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER,
	/* 'x' */ CC_LETTER, CC_LETTER, CC_LETTER, CC_OPEN, CC_SYMBOL, CC_CLOSE, CC_SYMBOL, CC_SPACE,
};

/* Classifies a non-ASCII code point. */
static int
classify_cp(int32_t cp)
{
	int8_t		t;

	if (cp < 0)
		return CC_INVALID;
	switch (cp)
	{
		case 0x2028:
		case 0x2029:
		case 0x85:
			return CC_NEWLINE;
		case 0x2019:
		case 0x02BC:
			return CC_APOS;
		case 0x2018:
		case 0x201C:
		case 0x201E:
		case 0x00AB:
		case 0x2039:
			return CC_OPEN;
		case 0x201D:
		case 0x00BB:
		case 0x203A:
			return CC_CLOSE;
		case 0x2010:
		case 0x2011:
		case 0x2013:
			return CC_HYPHEN;
		case 0x2012:
		case 0x2014:
		case 0x2015:
		case 0x2212:
			return CC_DASH;
		case 0x2026:
		case 0x3002:
		case 0xFF01:
		case 0xFF1F:
		case 0xFF0E:
			return CC_TERM;
		case 0x00AD:			/* soft hyphen: part of the word */
			return CC_MARK;
	}
	t = u_charType(cp);
	switch (t)
	{
		case U_UPPERCASE_LETTER:
		case U_LOWERCASE_LETTER:
		case U_TITLECASE_LETTER:
		case U_MODIFIER_LETTER:
		case U_OTHER_LETTER:
			{
				UErrorCode	st = U_ZERO_ERROR;
				UScriptCode sc = uscript_getScript(cp, &st);

				switch (sc)
				{
					case USCRIPT_HAN:
					case USCRIPT_HIRAGANA:
					case USCRIPT_KATAKANA:
					case USCRIPT_THAI:
					case USCRIPT_LAO:
					case USCRIPT_KHMER:
					case USCRIPT_MYANMAR:
						return CC_COMPLEX;
					default:
						return CC_LETTER;
				}
			}
		case U_NON_SPACING_MARK:
		case U_ENCLOSING_MARK:
		case U_COMBINING_SPACING_MARK:
			return CC_MARK;
		case U_DECIMAL_DIGIT_NUMBER:
			return CC_DIGIT;
		case U_SPACE_SEPARATOR:
			return CC_SPACE;
		case U_LINE_SEPARATOR:
		case U_PARAGRAPH_SEPARATOR:
			return CC_NEWLINE;
		case U_CONTROL_CHAR:
		case U_FORMAT_CHAR:
			return CC_SPACE;
		case U_DASH_PUNCTUATION:
			return CC_DASH;
		case U_START_PUNCTUATION:
		case U_INITIAL_PUNCTUATION:
			return CC_OPEN;
		case U_END_PUNCTUATION:
		case U_FINAL_PUNCTUATION:
			return CC_CLOSE;
		case U_CONNECTOR_PUNCTUATION:
		case U_OTHER_PUNCTUATION:
			return CC_PUNCT;
		default:
			return CC_SYMBOL;
	}
}

/* Character class and length of the character at pos. */
static inline int
char_at(const DipDoc *doc, size_t pos, size_t *next, int32_t *cpout)
{
	unsigned char c;

	if (pos >= doc->len)
	{
		*next = pos;
		if (cpout)
			*cpout = 0;
		return CC_SPACE;
	}
	c = (unsigned char) doc->text[pos];
	if (c < 0x80)
	{
		*next = pos + 1;
		if (cpout)
			*cpout = c;
		return ascii_class[c];
	}
	else
	{
		size_t		p = pos;
		int32_t		cp = dip_utf8_next((const unsigned char *) doc->text, doc->len, &p);

		*next = p;
		if (cpout)
			*cpout = cp;
		return classify_cp(cp);
	}
}

static inline int
class_at(const DipDoc *doc, size_t pos)
{
	size_t		n;

	return char_at(doc, pos, &n, NULL);
}

static inline bool
is_wordchar(int cc)
{
	return cc == CC_LETTER || cc == CC_DIGIT || cc == CC_MARK;
}

/* ------------------------------------------------------------------------
 * Abbreviations that keep their period
 * ------------------------------------------------------------------------
 */
/* Returns the abbreviation kind of the ASCII word s[0..len), or 0. */
static int
abbrev_kind(const char *s, size_t len)
{
	char		buf[8];
	int			lo = 0,
				hi = dip_nabbreviations - 1;

	if (len == 0 || len >= sizeof(buf))
		return 0;
	for (size_t i = 0; i < len; i++)
	{
		char		c = s[i];

		if (c >= 'A' && c <= 'Z')
			c += 32;
		else if (c < 'a' || c > 'z')
			return 0;
		buf[i] = c;
	}
	buf[len] = '\0';
	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		int			cmp = strcmp(buf, dip_abbreviations[mid].s);

		if (cmp == 0)
			return dip_abbreviations[mid].kind;
		if (cmp < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * Token scanning
 * ------------------------------------------------------------------------
 */

/* Sets case flags of a word token by looking at its letters. */
static uint32_t
case_flags(const DipDoc *doc, size_t start, size_t end)
{
	bool		first = true;
	bool		anyletter = false;
	bool		anylower = false;
	bool		ascii = true;
	uint32_t	f = 0;
	size_t		pos = start;

	while (pos < end)
	{
		unsigned char c = (unsigned char) doc->text[pos];
		int32_t		cp;

		if (c < 0x80)
		{
			cp = c;
			pos++;
			if (c >= 'A' && c <= 'Z')
			{
				if (first)
					f |= DIP_TF_UPPER;
				anyletter = true;
				first = false;
			}
			else if (c >= 'a' && c <= 'z')
			{
				if (first)
					f |= DIP_TF_LOWER;
				anyletter = true;
				anylower = true;
				first = false;
			}
			else if (c >= '0' && c <= '9')
				f |= DIP_TF_DIGITS;
			continue;
		}
		ascii = false;
		cp = dip_utf8_next((const unsigned char *) doc->text, end, &pos);
		if (cp < 0)
			continue;
		if (u_isupper(cp) || u_istitle(cp))
		{
			if (first)
				f |= DIP_TF_UPPER;
			anyletter = true;
			first = false;
		}
		else if (u_islower(cp))
		{
			if (first)
				f |= DIP_TF_LOWER;
			anyletter = true;
			anylower = true;
			first = false;
		}
		else if (u_isalpha(cp))
		{
			anyletter = true;
			first = false;
		}
		else if (u_isdigit(cp))
			f |= DIP_TF_DIGITS;
	}
	if (anyletter && !anylower && (f & DIP_TF_UPPER))
		f |= DIP_TF_ALLCAPS;
	if (ascii)
		f |= DIP_TF_ASCII;
	return f;
}

/* Cached ICU word break iterator for scripts without spaces. */
static UBreakIterator *complex_bi = NULL;

void
dip_segment_cleanup(void)
{
	if (complex_bi != NULL)
	{
		ubrk_close(complex_bi);
		complex_bi = NULL;
	}
}

typedef struct TokVec
{
	DipToken   *v;
	uint32_t	n;
	uint32_t	cap;
} TokVec;

static DipToken *
tokvec_push(DipArena *a, TokVec *tv)
{
	DIP_ARRAY_PUSH(a, tv->v, tv->n, tv->cap, 256);
	memset(&tv->v[tv->n], 0, sizeof(DipToken));
	return &tv->v[tv->n++];
}

/*
 * Segments a run of complex-script text [start, end) with ICU, appending
 * word tokens.  Runs are at most DIP_MAX_COMPLEX_RUN bytes (the caller cuts
 * them), so that ICU's dictionary lookups never run long between checks for
 * interrupts.
 */
static void
scan_complex(DipDoc *doc, DipArena *a, TokVec *tv, size_t start, size_t end,
			 uint32_t firstflags)
{
	UErrorCode	st = U_ZERO_ERROR;
	UText		ut = UTEXT_INITIALIZER;
	int32_t		prev;
	int32_t		b;
	bool		ok = true;

	if (complex_bi == NULL)
	{
		complex_bi = ubrk_open(UBRK_WORD, "", NULL, 0, &st);
		if (U_FAILURE(st))
		{
			complex_bi = NULL;
			ok = false;
		}
	}
	if (ok)
	{
		utext_openUTF8(&ut, doc->text + start, (int64_t) (end - start), &st);
		if (U_FAILURE(st))
			ok = false;
	}
	if (ok)
	{
		ubrk_setUText(complex_bi, &ut, &st);
		if (U_FAILURE(st))
			ok = false;
	}
	if (!ok)
	{
		/* fall back to one token for the whole run */
		DipToken   *t = tokvec_push(a, tv);

		t->start = (uint32_t) start;
		t->len = (uint32_t) (end - start);
		t->type = DIP_TOK_WORD;
		t->flags = firstflags;
		return;
	}
	prev = ubrk_first(complex_bi);
	while ((b = ubrk_next(complex_bi)) != UBRK_DONE)
	{
		DipToken   *t = tokvec_push(a, tv);

		t->start = (uint32_t) (start + prev);
		t->len = (uint32_t) (b - prev);
		t->type = DIP_TOK_WORD;
		t->flags = firstflags;
		firstflags = 0;
		prev = b;
	}
	utext_close(&ut);
}

/*
 * Scans a word starting at pos (a letter or digit).  Returns the end
 * offset; sets *flags for acronyms and abbreviations.
 */
static size_t
scan_word(const DipDoc *doc, size_t pos, uint32_t *flags, bool *isnum)
{
	size_t		start = pos;
	size_t		next;
	int			cc = char_at(doc, pos, &next, NULL);
	bool		number = (cc == CC_DIGIT);
	size_t		seg_letters = 0;	/* letters since last period */
	bool		dotted = false;
	bool		all_single = true;

	*flags = 0;
	/* URLs are one symbol token */
	if (doc->len - pos > 7 && (doc->text[pos] == 'h' || doc->text[pos] == 'w') &&
		(strncmp(doc->text + pos, "http://", 7) == 0 ||
		 strncmp(doc->text + pos, "https://", 8) == 0 ||
		 strncmp(doc->text + pos, "www.", 4) == 0))
	{
		while (pos < doc->len && pos - start < DIP_MAX_TOKEN)
		{
			cc = char_at(doc, pos, &next, NULL);
			if (cc == CC_SPACE || cc == CC_NEWLINE || cc == CC_CLOSE ||
				cc == CC_QUOTE || cc == CC_OPEN)
				break;
			pos = next;
		}
		/* trailing punctuation is not part of the URL */
		while (pos > start && strchr(".,;:!?", doc->text[pos - 1]) != NULL)
			pos--;
		*isnum = false;
		*flags = DIP_TF_ABBREV;	/* marks a URL: never split */
		return pos;
	}

	while (pos < doc->len && pos - start < DIP_MAX_TOKEN)
	{
		size_t		n2;
		int			c2;

		cc = char_at(doc, pos, &next, NULL);
		if (is_wordchar(cc))
		{
			if (cc == CC_LETTER)
				seg_letters++;
			pos = next;
			continue;
		}
		c2 = char_at(doc, next, &n2, NULL);
		if (number)
		{
			/* 1,000.50 10:30 */
			if ((cc == CC_PERIOD || (cc == CC_PUNCT && (doc->text[pos] == ',' ||
														doc->text[pos] == ':'))) &&
				c2 == CC_DIGIT && pos > start &&
				class_at(doc, pos - 1) == CC_DIGIT)
			{
				pos = n2;
				continue;
			}
			break;
		}
		if (cc == CC_APOS && c2 == CC_LETTER)
		{
			/* China's -> China + 's; but O'Brien, d'Ivoire, don't stay */
			size_t		n3;
			int			c3;
			char		sc = doc->text[next];

			c3 = char_at(doc, n2, &n3, NULL);
			if ((sc == 's' || sc == 'S') && !is_wordchar(c3))
				break;
			pos = n2;
			seg_letters++;
			continue;
		}
		if (cc == CC_PERIOD && c2 == CC_LETTER && seg_letters == 1)
		{
			/* U.S, e.g: single letters separated by periods */
			size_t		n3;
			int			c3 = char_at(doc, n2, &n3, NULL);

			if (c3 == CC_PERIOD || !is_wordchar(c3))
			{
				dotted = true;
				pos = n2;
				seg_letters = 1;
				continue;
			}
			break;
		}
		if (cc == CC_AMP && c2 == CC_LETTER && pos - start <= 3 &&
			doc->text[start] >= 'A' && doc->text[start] <= 'Z')
		{
			/* AT&T, S&P */
			pos = n2;
			continue;
		}
		break;
	}
	if (seg_letters > 1)
		all_single = false;
	*isnum = number;
	/* the period of an acronym or abbreviation */
	if (!number && pos < doc->len && doc->text[pos] == '.')
	{
		if (dotted && all_single)
		{
			*flags |= DIP_TF_ABBREV | DIP_TF_ACRONYM;
			return pos + 1;
		}
		if (!dotted && pos - start == 1 && doc->text[start] >= 'A' &&
			doc->text[start] <= 'Z')
		{
			/* initial: J. */
			size_t		n2;
			int			c2 = char_at(doc, pos + 1, &n2, NULL);

			if (c2 == CC_SPACE || c2 == CC_NEWLINE || c2 == CC_HYPHEN)
			{
				*flags |= DIP_TF_ABBREV | DIP_TF_INITIAL;
				return pos + 1;
			}
		}
		if (!dotted && abbrev_kind(doc->text + start, pos - start) != 0)
		{
			/* "No." only before a number */
			if (pos - start == 2 && (doc->text[start] == 'N' || doc->text[start] == 'n') &&
				(doc->text[start + 1] == 'o' || doc->text[start + 1] == 'O'))
			{
				size_t		p = pos + 1;

				while (p < doc->len && p - pos < 16 && doc->text[p] == ' ')
					p++;
				if (p >= doc->len || doc->text[p] < '0' || doc->text[p] > '9')
					return pos;
			}
			*flags |= DIP_TF_ABBREV;
			return pos + 1;
		}
	}
	return pos;
}

/* Scans a word or number token at pos; sets its type and adds its flags. */
static size_t
scan_word_token(const DipDoc *doc, size_t pos, uint32_t *tflags, int *ttype)
{
	uint32_t	wf;
	bool		isnum;
	size_t		next = scan_word(doc, pos, &wf, &isnum);

	*ttype = isnum ? DIP_TOK_NUMBER : DIP_TOK_WORD;
	*tflags |= wf;
	/* URLs are symbols */
	if ((wf & DIP_TF_ABBREV) && next - pos > 4 &&
		(strncmp(doc->text + pos, "http", 4) == 0 ||
		 strncmp(doc->text + pos, "www.", 4) == 0))
	{
		*ttype = DIP_TOK_SYMBOL;
		*tflags &= ~DIP_TF_ABBREV;
	}
	return next;
}

/* An apostrophe at pos: the clitic 's, a possessive ', or a quote. */
static size_t
scan_apostrophe(const DipDoc *doc, const TokVec *tv, size_t pos, size_t next,
				uint32_t *tflags, int *ttype)
{
	const DipToken *prev = tv->n > 0 ? &tv->v[tv->n - 1] : NULL;
	bool		attached = prev != NULL && !(*tflags & DIP_TF_SPACE) &&
		prev->type == DIP_TOK_WORD && prev->start + prev->len == pos;
	size_t		n2;
	int			c2 = char_at(doc, next, &n2, NULL);

	if (attached && (doc->text[next] == 's' || doc->text[next] == 'S') &&
		!is_wordchar(class_at(doc, n2)))
	{
		*ttype = DIP_TOK_CLITIC;
		return n2;
	}
	if (attached && !is_wordchar(c2) &&
		(doc->text[pos - 1] == 's' || doc->text[pos - 1] == 'S'))
	{
		*ttype = DIP_TOK_CLITIC;
		return next;
	}
	*ttype = DIP_TOK_PUNCT;
	if (is_wordchar(c2) && (*tflags & DIP_TF_SPACE || prev == NULL))
		*tflags |= DIP_TF_OPENQ;
	else
		*tflags |= DIP_TF_CLOSEQ;
	return next;
}

/* The end of the run from pos of characters of class c1 or c2 (one token). */
static size_t
skip_run(const DipDoc *doc, size_t pos, int c1, int c2)
{
	size_t		start = pos;

	while (pos < doc->len && pos - start < DIP_MAX_TOKEN)
	{
		size_t		n2;
		int			cc = char_at(doc, pos, &n2, NULL);

		if (cc != c1 && cc != c2)
			break;
		pos = n2;
	}
	return pos;
}

/* A hyphen or dash at pos: a hyphen glues "Indo-Pacific"; dashes stand alone. */
static size_t
scan_dash(const DipDoc *doc, const TokVec *tv, size_t pos, size_t next, int cc,
		  uint32_t *tflags)
{
	const DipToken *prev = tv->n > 0 ? &tv->v[tv->n - 1] : NULL;
	size_t		n2;
	int			c2 = char_at(doc, next, &n2, NULL);

	if (cc == CC_HYPHEN && prev != NULL && !(*tflags & DIP_TF_SPACE) &&
		prev->start + prev->len == pos &&
		(prev->type == DIP_TOK_WORD || prev->type == DIP_TOK_NUMBER) &&
		(c2 == CC_LETTER || c2 == CC_DIGIT))
	{
		*tflags |= DIP_TF_JOIN;
		return next;
	}
	/* -- and standalone dashes */
	*tflags |= DIP_TF_DASH;
	return skip_run(doc, next, CC_HYPHEN, CC_DASH);
}

/*
 * Scans the token starting at pos, of character class cc, whose first
 * character ends at next: returns its end, sets its type and adds its
 * flags.  Runs of scripts without spaces are scanned by scan_complex_run.
 */
static size_t
scan_token(const DipDoc *doc, const TokVec *tv, size_t pos, size_t next, int cc,
		   uint32_t *tflags, int *ttype)
{
	size_t		n2;

	*ttype = DIP_TOK_PUNCT;
	switch (cc)
	{
		case CC_LETTER:
		case CC_DIGIT:
		case CC_MARK:
			return scan_word_token(doc, pos, tflags, ttype);
		case CC_APOS:
			return scan_apostrophe(doc, tv, pos, next, tflags, ttype);
		case CC_PERIOD:
		case CC_TERM:
			/* runs of . ! ? are one token */
			*tflags |= DIP_TF_TERMINAL;
			return skip_run(doc, next, CC_PERIOD, CC_TERM);
		case CC_HYPHEN:
		case CC_DASH:
			return scan_dash(doc, tv, pos, next, cc, tflags);
		case CC_OPEN:
			*tflags |= DIP_TF_OPENQ;
			return next;
		case CC_CLOSE:
			*tflags |= DIP_TF_CLOSEQ;
			return next;
		case CC_QUOTE:
			{
				int			c2 = char_at(doc, next, &n2, NULL);

				if ((*tflags & DIP_TF_SPACE || tv->n == 0) && c2 != CC_SPACE && c2 != CC_NEWLINE)
					*tflags |= DIP_TF_OPENQ;
				else
					*tflags |= DIP_TF_CLOSEQ;
				return next;
			}
		case CC_SYMBOL:
		case CC_AMP:
			*ttype = DIP_TOK_SYMBOL;
			return next;
		default:
			return next;
	}
}

/*
 * A run of a script written without spaces, from pos: its words, with
 * their character offsets from *cpos, which moves past the run.  Returns
 * the end of the run.
 */
static size_t
scan_complex_run(DipDoc *doc, DipArena *a, TokVec *tv, size_t pos, size_t next,
				 uint32_t tflags, size_t *cpos)
{
	size_t		end = next;
	uint32_t	nbefore = tv->n;

	while (end < doc->len && end - pos < DIP_MAX_COMPLEX_RUN)
	{
		size_t		n2;
		int			c2 = char_at(doc, end, &n2, NULL);

		if (c2 != CC_COMPLEX && c2 != CC_MARK)
			break;
		end = n2;
	}
	scan_complex(doc, a, tv, pos, end, tflags);
	for (uint32_t k = nbefore; k < tv->n; k++)
	{
		tv->v[k].cstart = (uint32_t) (*cpos + dip_utf8_count(doc->text + pos, tv->v[k].start - pos));
		tv->v[k].clen = (uint32_t) dip_utf8_count(doc->text + tv->v[k].start, tv->v[k].len);
	}
	*cpos += dip_utf8_count(doc->text + pos, end - pos);
	/* ICU's dictionary segmentation is the slowest step: check interrupts */
	if (dip_interrupt_hook)
		dip_interrupt_hook();
	return end;
}

/* Appends the token [tstart, next) of the given type and flags at character cpos. */
static void
push_token(DipDoc *doc, DipArena *a, TokVec *tv, size_t tstart, size_t next, size_t cpos,
		   int ttype, uint32_t tflags)
{
	DipToken   *t;

	/* a word right after a joining hyphen is glued too */
	if ((ttype == DIP_TOK_WORD || ttype == DIP_TOK_NUMBER) && tv->n > 0 &&
		(tv->v[tv->n - 1].flags & DIP_TF_JOIN) &&
		tv->v[tv->n - 1].type == DIP_TOK_PUNCT &&
		tv->v[tv->n - 1].start + tv->v[tv->n - 1].len == tstart)
		tflags |= DIP_TF_JOIN;
	t = tokvec_push(a, tv);
	t->start = (uint32_t) tstart;
	t->len = (uint32_t) (next - tstart);
	t->cstart = (uint32_t) cpos;
	t->clen = (uint32_t) dip_utf8_count(doc->text + tstart, next - tstart);
	t->type = (uint16_t) ttype;
	t->flags = tflags;
	if (ttype == DIP_TOK_WORD || ttype == DIP_TOK_NUMBER)
		t->flags |= case_flags(doc, tstart, next);
}

/*
 * True if a chunk of bytes bytes whose tokens are tv is full before the
 * next token, which has white-space flags ws: past DIP_MAX_CHUNK bytes at a
 * sentence end, past twice that at white space, and anywhere past three
 * times that or DIP_MAX_CHUNK_TOKENS tokens (text without spaces).
 */
static bool
chunk_full(const TokVec *tv, size_t bytes, uint32_t ws)
{
	if (bytes > 3 * DIP_MAX_CHUNK || tv->n >= DIP_MAX_CHUNK_TOKENS)
		return true;
	if (bytes <= DIP_MAX_CHUNK || !(ws & DIP_TF_SPACE))
		return false;
	return (tv->v[tv->n - 1].flags & DIP_TF_TERMINAL) || bytes > 2 * DIP_MAX_CHUNK;
}

/*
 * Scans the chunk's tokens into tv, starting at doc->pos.  Stops before a
 * blank line once at least one token was read, or when the chunk is full.
 */
static void
scan_chunk(DipDoc *doc, DipArena *a, TokVec *tv)
{
	size_t		pos = doc->pos;
	size_t		cpos = doc->cpos;
	uint32_t	ws = (doc->pos == 0) ? DIP_TF_PARA | DIP_TF_NEWLINE : doc->carry_ws;
	int			newlines = 0;
	size_t		chunk_start = pos;

	while (pos < doc->len)
	{
		size_t		next;
		int32_t		cp;
		int			cc = char_at(doc, pos, &next, &cp);
		uint32_t	tflags = ws;
		int			ttype;

		if (cc == CC_SPACE || cc == CC_NEWLINE || cc == CC_INVALID)
		{
			if (cc == CC_NEWLINE)
			{
				newlines++;
				ws |= DIP_TF_NEWLINE;
				if (newlines >= 2)
					ws |= DIP_TF_PARA;
			}
			ws |= DIP_TF_SPACE;
			cpos++;
			pos = next;
			/* a long run of white space alone is no chunk: check interrupts */
			if (tv->n == 0 && pos - chunk_start > DIP_MAX_CHUNK)
			{
				chunk_start = pos;
				if (dip_interrupt_hook)
					dip_interrupt_hook();
			}
			continue;
		}
		/* a paragraph break ends the chunk */
		if ((ws & DIP_TF_PARA) && tv->n > 0)
		{
			doc->carry_ws = ws;
			break;
		}
		if (tv->n > 0 && chunk_full(tv, pos - chunk_start, ws))
		{
			doc->carry_ws = ws;
			break;
		}
		ws = 0;
		newlines = 0;
		if (cc == CC_COMPLEX)
		{
			pos = scan_complex_run(doc, a, tv, pos, next, tflags, &cpos);
			continue;
		}
		next = scan_token(doc, tv, pos, next, cc, &tflags, &ttype);
		push_token(doc, a, tv, pos, next, cpos, ttype, tflags);
		cpos += tv->v[tv->n - 1].clen;
		pos = next;
	}
	doc->pos = pos;
	doc->cpos = cpos;
}

/* ------------------------------------------------------------------------
 * Sentences
 * ------------------------------------------------------------------------
 */

/* True if token t's normalised form is one of the n words of the sorted list. */
static bool
in_sorted(const char *const *list, int n, const DipToken *t)
{
	int			lo = 0,
				hi = n - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		int			cmp = strncmp(t->norm, list[mid], t->nlen);

		if (cmp == 0 && list[mid][t->nlen] == '\0')
			return true;
		if (cmp == 0)
			cmp = -1;
		if (cmp < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return false;
}

/* A capitalised word that starts a sentence after "U.S." etc. */
static bool
is_starter(const DipToken *t)
{
	return (t->flags & DIP_TF_UPPER) && t->nlen <= 10 &&
		in_sorted(dip_sentence_starters, dip_nsentence_starters, t);
}

/* True if a sentence may end after token i (looking at what follows). */
static bool
ends_sentence(const DipDoc *doc, const DipToken *tv, uint32_t n, uint32_t i,
			  uint32_t *endp)
{
	const DipToken *t = &tv[i];
	uint32_t	j = i + 1;
	const DipToken *nx;
	bool		abbrev = false;

	(void) doc;
	if (t->flags & DIP_TF_TERMINAL)
	{
		/* "3.5" never reaches here; "example.com" has no space after */
	}
	else if (t->flags & DIP_TF_ABBREV)
	{
		if (t->flags & DIP_TF_INITIAL)
			return false;
		if (!(t->flags & DIP_TF_ACRONYM))
		{
			int			k = abbrev_kind(doc->text + t->start, t->len - 1);

			if (k == DIP_AB_TITLE)
				return false;
			if (k == DIP_AB_MID && !(j < n && (tv[j].flags & DIP_TF_NEWLINE)))
				return false;
		}
		abbrev = true;
	}
	else
		return false;

	/* closing quotes and brackets stay with the sentence */
	while (j < n && j - i <= 8 && (tv[j].flags & DIP_TF_CLOSEQ) && !(tv[j].flags & DIP_TF_SPACE))
		j++;
	*endp = j;
	if (j >= n)
		return true;
	nx = &tv[j];
	if (!(nx->flags & (DIP_TF_SPACE | DIP_TF_NEWLINE)))
	{
		/* CJK full stops need no space */
		if (!abbrev && (unsigned char) doc->text[t->start] >= 0x80)
			return true;
		return false;
	}
	if (nx->flags & DIP_TF_NEWLINE)
		return true;
	if (abbrev)
		return is_starter(nx);
	if (nx->flags & (DIP_TF_UPPER | DIP_TF_OPENQ))
		return true;
	if (nx->type == DIP_TOK_NUMBER)
		return true;
	if ((nx->flags & DIP_TF_DASH) || nx->type == DIP_TOK_SYMBOL)
		return false;
	/* "..." followed by lower case continues; "." followed by lower case too */
	return false;
}

/* True if the sentence's words begin with a boilerplate phrase. */
static bool
is_boilerplate(const DipToken *tv, uint32_t from, uint32_t to)
{
	if (to - from > 12 || to == from)
		return false;
	for (size_t b = 0; dip_boilerplate[b] != NULL; b++)
	{
		const char *p = dip_boilerplate[b];
		uint32_t	i = from;
		bool		ok = true;

		while (*p && ok)
		{
			const char *sp = strchr(p, ' ');
			size_t		wl = sp ? (size_t) (sp - p) : strlen(p);

			if (i >= to || tv[i].nlen != wl || memcmp(tv[i].norm, p, wl) != 0)
			{
				/* "watch:" is two tokens */
				if (i < to && wl > 1 && p[wl - 1] == ':' && tv[i].nlen == wl - 1 &&
					memcmp(tv[i].norm, p, wl - 1) == 0 && i + 1 < to &&
					dip_tok_is(&tv[i + 1], ":"))
				{
					i += 2;
					p += wl;
					while (*p == ' ')
						p++;
					continue;
				}
				ok = false;
				break;
			}
			i++;
			p += wl;
			while (*p == ' ')
				p++;
		}
		if (ok)
			return true;
	}
	return false;
}

/* A month name of the lexicon (MONTH), as datelines have them. */
static bool
is_month(const DipToken *t)
{
	for (int i = 0; dip_dateline_months[i]; i++)
		if (dip_tok_is(t, dip_dateline_months[i]))
			return true;
	return false;
}

/*
 * The end of a dateline's place or region from token i: capitalised words
 * (WASHINGTON, Calif., N.Y., Ky.), hyphenated (WINSTON-SALEM), with a
 * possessive (ST ANDREW'S) or a short lower-case word between capitalised
 * ones (Rio de Janeiro), at most four words on one line; a month after the first word
 * ends it.
 */
static uint32_t
dateline_words(const DipToken *tv, uint32_t i, uint32_t to)
{
	uint32_t	start = i;
	uint32_t	words = 0;

	while (i < to && i - start < 8)
	{
		const DipToken *t = &tv[i];

		if (i > start && (t->flags & DIP_TF_NEWLINE))
			break;
		if (t->type == DIP_TOK_WORD && (t->flags & DIP_TF_UPPER) &&
			!(i > start && is_month(t)) && words < 4)
		{
			words++;
			i++;
			continue;
		}
		/* WINSTON-SALEM, ST ANDREW'S, Ky., W.Va., DALLAS/FORT WORTH */
		if (i > start && ((t->flags & DIP_TF_JOIN) || t->type == DIP_TOK_CLITIC ||
						  (!(t->flags & DIP_TF_SPACE) && (dip_tok_is(t, ".") || dip_tok_is(t, "/")))))
		{
			i++;
			continue;
		}
		if (i > start && t->type == DIP_TOK_WORD && (t->flags & DIP_TF_LOWER) &&
			t->clen <= 3 && i + 1 < to && tv[i + 1].type == DIP_TOK_WORD &&
			(tv[i + 1].flags & DIP_TF_UPPER) && !(tv[i + 1].flags & DIP_TF_NEWLINE))
		{
			i++;
			continue;
		}
		break;
	}
	return i;
}

/*
 * The end of a dateline's date from token i: "Jan 12", "March  2",
 * "1996-08-30"; *day says whether it names a day (a month and a number, or
 * a date in digits), not just a year or a month.
 */
static uint32_t
dateline_date(const DipToken *tv, uint32_t i, uint32_t to, bool *day)
{
	uint32_t	start = i;
	bool		month = false;

	*day = false;
	while (i < to && !(i > start && (tv[i].flags & DIP_TF_NEWLINE)))
	{
		if (is_month(&tv[i]))
			month = true;
		else if (tv[i].type == DIP_TOK_NUMBER)
			*day |= month || (i + 1 < to && (tv[i + 1].flags & DIP_TF_JOIN));
		else if (!(i > start && (tv[i].flags & DIP_TF_JOIN)))
			break;
		i++;
	}
	return i;
}

/* The number of words among tokens [from, to), hyphenated parts not counted. */
static uint32_t
count_words(const DipToken *tv, uint32_t from, uint32_t to)
{
	uint32_t	words = 0;

	for (uint32_t i = from; i < to; i++)
		if (tv[i].type == DIP_TOK_WORD && !(tv[i].flags & DIP_TF_JOIN))
			words++;
	return words;
}

/*
 * Length of a dateline at the start of tokens [from, to), or 0: a place,
 * regions, a date and an agency, separated by commas, ending with a dash:
 * "WASHINGTON -", "WASHINGTON, Jan 12 -", "KAZAN, Russia, Oct 23 (Reuters) -",
 * "New York, March 25 -", "WASHINGTON, March 12, Reuter -"; or a place in
 * capitals and a day on a line of their own: "LONDON 1996-08-30".  A place
 * not in capitals needs a date or an agency.
 */
static uint32_t
dateline_len(const DipToken *tv, uint32_t from, uint32_t to)
{
	uint32_t	max = to < from + 32 ? to : from + 32;
	uint32_t	i = dateline_words(tv, from, max);
	uint32_t	dstart = 0;
	bool		allcaps = true;
	bool		day = false;
	bool		agency = false;

	if (i == from)
		return 0;
	for (uint32_t k = from; k < i; k++)
		if (tv[k].type == DIP_TOK_WORD && !(tv[k].flags & DIP_TF_ALLCAPS))
			allcaps = false;
	while (i < max && !(tv[i].flags & DIP_TF_NEWLINE))
	{
		const DipToken *t = &tv[i];

		if (dip_tok_is(t, ","))
			i++;
		else if (dstart == 0 && (is_month(t) || t->type == DIP_TOK_NUMBER))
		{
			dstart = i;
			i = dateline_date(tv, i, max, &day);
		}
		else if (dip_tok_is(t, "(") && i + 2 < max && dip_tok_is(&tv[i + 2], ")") &&
				 (tv[i + 1].flags & DIP_TF_UPPER))
		{
			agency = true;
			i += 3;
		}
		else if (t->type == DIP_TOK_WORD && (t->flags & DIP_TF_UPPER) &&
				 dip_tok_is(&tv[i - 1], ",") && !agency)
		{
			/* a region, or after the date the agency: ", Reuter" */
			agency = dstart > 0;
			i = dateline_words(tv, i, max);
		}
		else
			break;
	}
	/* a dash ends it */
	if (i < max && (tv[i].flags & DIP_TF_DASH) && !(tv[i].flags & DIP_TF_NEWLINE) &&
		((tv[i].flags & DIP_TF_SPACE) || dstart > 0) && (allcaps || dstart > 0 || agency))
		return i + 1 - from;
	/* or a line of its own: a place of at most three words, a day */
	if (allcaps && day && !agency && count_words(tv, from, dstart) <= 3 &&
		(i >= to || (tv[i].flags & DIP_TF_NEWLINE)))
		return i - from;
	return 0;
}

/* True if token t is an ellipsis, which ends no headline: "Rivals of the £400 Apple..." */
static bool
is_ellipsis(const DipToken *t)
{
	return DIP_TOK_IS(t, "...") || DIP_TOK_IS(t, "\xE2\x80\xA6");
}

/* True if the tokens [from, to) look like a title: mostly capitalised words. */
static bool
headline_like(const DipToken *tv, uint32_t from, uint32_t to)
{
	uint32_t	words = 0,
				caps = 0;

	for (uint32_t i = from; i < to; i++)
	{
		if (tv[i].type != DIP_TOK_WORD)
			continue;
		if (tv[i].flags & DIP_TF_JOIN)
			continue;
		words++;
		if (tv[i].flags & DIP_TF_UPPER)
			caps++;
		else if (tv[i].nlen <= 4)
			caps++;				/* of, in, and, the, with */
	}
	return words > 0 && caps * 10 >= words * 8;
}

/* True if the words of tokens [from, to) are in capitals: a line in capitals. */
static bool
in_capitals(const DipToken *tv, uint32_t from, uint32_t to)
{
	uint32_t	words = 0,
				caps = 0;

	for (uint32_t i = from; i < to; i++)
	{
		if (tv[i].type != DIP_TOK_WORD || tv[i].clen < 2)
			continue;
		words++;
		if (tv[i].flags & DIP_TF_ALLCAPS)
			caps++;
	}
	return words >= 2 && caps * 10 >= words * 8;
}

/*
 * True if a line ending with token last is cut short: its last word is one
 * the next line would continue ("the", "in"; data/segment/line_continuers.tsv).
 */
static bool
cut_short(const DipToken *last)
{
	return last->type == DIP_TOK_WORD && (last->flags & DIP_TF_LOWER) &&
		!(last->flags & DIP_TF_JOIN) &&
		in_sorted(dip_line_continuers, dip_nline_continuers, last);
}

/*
 * True if line [0, eol) of the chunk's n tokens is a headline in sentence
 * case ("Blinken holds talks with senior Chinese party official on eve of
 * Taiwan vote"): it starts with a capital, has no sentence end inside, and
 * ends neither with a period nor with a mark or word that the next line
 * would continue (a comma, "the", "in"); the next line starts like a
 * sentence, or a blank line follows.
 */
static bool
sentence_case_headline(const DipToken *tv, uint32_t eol, uint32_t n)
{
	const DipToken *last = &tv[eol - 1];
	uint32_t	words = 0;
	bool		para = eol >= n || (tv[eol].flags & DIP_TF_PARA);

	/* it starts with a capital, a number, a quote or a currency sign */
	if (!(tv[0].flags & (DIP_TF_UPPER | DIP_TF_OPENQ | DIP_TF_DIGITS)) &&
		tv[0].type != DIP_TOK_SYMBOL && !para)
		return false;
	for (uint32_t i = 0; i + 1 < eol; i++)
		if ((tv[i].flags & DIP_TF_TERMINAL) && !is_ellipsis(&tv[i]))
			return false;
	words = count_words(tv, 0, eol);
	if (words < 2 || words > 25)
		return false;
	if ((last->flags & DIP_TF_TERMINAL) ? last->norm[0] == '.' && !is_ellipsis(last) :
		(last->type == DIP_TOK_PUNCT && !(last->flags & DIP_TF_CLOSEQ)))
		return false;
	if (cut_short(last))
		return false;
	return para || (tv[eol].flags & (DIP_TF_UPPER | DIP_TF_OPENQ | DIP_TF_DIGITS)) != 0;
}

/*
 * Length in tokens of the document's headline, or 0: the first line when a
 * line break follows and it reads like a title, in capitals (even with a
 * final period: "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP."), in title
 * case without a final period and not cut short, or in sentence case.  A line opening with a
 * dateline is no headline unless it is in capitals.
 */
static uint32_t
headline_len(const DipDoc *doc, const DipToken *tv, uint32_t n)
{
	uint32_t	eol = 1;
	uint32_t	dl;
	bool		day;

	while (eol < n && !(tv[eol].flags & DIP_TF_NEWLINE))
		eol++;
	if ((eol >= n && doc->pos >= doc->len) || eol > 40)
		return 0;
	dl = dateline_len(tv, 0, n);
	if (dl >= eol)
		return 0;
	if (in_capitals(tv, 0, eol))
		return eol;
	/* a dateline and text: "BEIJING - U.S. Secretary of State ... on Sunday." */
	if (dl > 0 && dateline_date(tv, dl, eol, &day) < eol)
		return 0;
	if (!(tv[eol - 1].flags & DIP_TF_TERMINAL) && headline_like(tv, 0, eol) &&
		!cut_short(&tv[eol - 1]))
		return eol;
	return sentence_case_headline(tv, eol, n) ? eol : 0;
}

static DipSentence *
push_sent(DipArena *a, DipSentence **v, uint32_t *n, uint32_t *cap)
{
	DIP_ARRAY_PUSH(a, *v, *n, *cap, 32);
	memset(&(*v)[*n], 0, sizeof(DipSentence));
	return &(*v)[(*n)++];
}

/* Closes a sentence over tokens [from, to). */
static void
emit_sentence(DipDoc *doc, DipSentence **v, uint32_t *n, uint32_t *cap,
			  uint32_t from, uint32_t to, int kind)
{
	DipSentence *s;
	const DipToken *f,
			   *l;

	if (to <= from)
		return;
	s = push_sent(&doc->chunk_arena, v, n, cap);
	f = &doc->toks[from];
	l = &doc->toks[to - 1];
	s->first = from;
	s->ntok = to - from;
	s->start = f->start;
	s->len = l->start + l->len - f->start;
	s->cstart = f->cstart;
	s->clen = l->cstart + l->clen - f->cstart;
	s->number = doc->nsent_done + *n;
	s->para = doc->npara;
	s->kind = kind;
	if (kind == DIP_SENT_TEXT)
		doc->ntext++;
	if (kind == DIP_SENT_DATELINE)
		doc->dateline_done = true;
	for (uint32_t i = from; i < to; i++)
		doc->toks[i].sent = (uint16_t) (*n - 1);
}

/*
 * The end of the sentence starting at token from of the chunk's n tokens:
 * after terminal punctuation (ends_sentence), at a line break after a
 * short or headline-like line, or after DIP_MAX_SENT_TOKENS tokens.
 */
static uint32_t
sentence_end(const DipDoc *doc, const DipToken *tv, uint32_t n, uint32_t from)
{
	for (uint32_t i = from; i < n; i++)
	{
		uint32_t	e;

		if (i > from && (tv[i].flags & DIP_TF_NEWLINE))
		{
			/* a line break ends a headline-like or short line */
			uint32_t	ls = i;
			size_t		linelen;

			while (ls > from && !(tv[ls].flags & DIP_TF_NEWLINE))
				ls--;
			linelen = tv[i - 1].start + tv[i - 1].len - tv[ls].start;
			if ((tv[i].flags & (DIP_TF_UPPER | DIP_TF_OPENQ | DIP_TF_DIGITS)) &&
				(linelen < 50 || headline_like(tv, ls, i)) &&
				!dip_tok_is(&tv[i - 1], ","))
				return i;
		}
		if (ends_sentence(doc, tv, n, i, &e))
			return e;
		if (i - from + 1 >= DIP_MAX_SENT_TOKENS)
			return i + 1;
	}
	return n;
}

/*
 * Splits the chunk's tokens into sentences: the document's headline, a
 * dateline opening one of its first lines, then sentences of text and
 * boilerplate lines.
 */
static void
split_sentences(DipDoc *doc)
{
	DipToken   *tv = doc->toks;
	uint32_t	n = doc->ntoks;
	DipSentence *sv = NULL;
	uint32_t	ns = 0,
				cap = 0;
	uint32_t	from = 0;

	if (doc->nsent_done == 0 && n > 0)
	{
		from = headline_len(doc, tv, n);
		emit_sentence(doc, &sv, &ns, &cap, 0, from, DIP_SENT_HEADLINE);
	}
	while (from < n)
	{
		uint32_t	end;
		int			kind = DIP_SENT_TEXT;

		/* a dateline opening a line of the first text paragraphs */
		if (!doc->dateline_done && doc->npara <= 3 && doc->ntext < 2 &&
			(tv[from].flags & DIP_TF_NEWLINE))
		{
			uint32_t	dl = dateline_len(tv, from, n);

			if (dl > 0)
			{
				emit_sentence(doc, &sv, &ns, &cap, from, from + dl, DIP_SENT_DATELINE);
				from += dl;
				continue;
			}
		}
		end = sentence_end(doc, tv, n, from);
		if (end <= from)
			end = from + 1;
		if (is_boilerplate(tv, from, end) &&
			(tv[from].flags & (DIP_TF_NEWLINE | DIP_TF_PARA)))
			kind = DIP_SENT_BOILERPLATE;
		emit_sentence(doc, &sv, &ns, &cap, from, end, kind);
		from = end;
	}
	doc->sents = sv;
	doc->nsents = ns;
	doc->nsent_done += ns;
}

/* ------------------------------------------------------------------------
 * Public entry points
 * ------------------------------------------------------------------------
 */
const char *
dip_sent_kind_name(int kind)
{
	switch (kind)
	{
		case DIP_SENT_HEADLINE:
			return "headline";
		case DIP_SENT_DATELINE:
			return "dateline";
		case DIP_SENT_BOILERPLATE:
			return "boilerplate";
		default:
			return "text";
	}
}

const char *
dip_tok_type_name(int type)
{
	switch (type)
	{
		case DIP_TOK_WORD:
			return "word";
		case DIP_TOK_NUMBER:
			return "number";
		case DIP_TOK_PUNCT:
			return "punct";
		case DIP_TOK_SYMBOL:
			return "symbol";
		case DIP_TOK_CLITIC:
			return "clitic";
		default:
			return "other";
	}
}

/* Starts segmenting text[0..len); the text must outlive the DipDoc. */
void
dip_doc_init(DipDoc *doc, const DipMem *mem, const char *text, size_t len)
{
	memset(doc, 0, sizeof(*doc));
	doc->text = text;
	doc->len = len;
	dip_arena_init(&doc->chunk_arena, mem, 16 * 1024);
}

void
dip_doc_free(DipDoc *doc)
{
	dip_arena_free(&doc->chunk_arena);
}

/* True if token t's normalised form is its lower-cased ASCII text. */
static inline bool
ascii_token(const DipDoc *doc, const DipToken *t)
{
	return (t->flags & DIP_TF_ASCII) ||
		(t->type != DIP_TOK_WORD && (unsigned char) doc->text[t->start] < 0x80);
}

/* Scans the next chunk (see dip_segment.h). */
bool
dip_doc_next_chunk(DipDoc *doc)
{
	TokVec		tv = {NULL, 0, 0};
	size_t		asciilen = 0;
	char	   *ascii;

	doc->toks = NULL;
	doc->ntoks = 0;
	doc->sents = NULL;
	doc->nsents = 0;
	if (doc->pos >= doc->len)
		return false;
	dip_arena_reset(&doc->chunk_arena);
	scan_chunk(doc, &doc->chunk_arena, &tv);
	if (tv.n == 0)
		return false;
	doc->npara++;
	/* normalised forms: ASCII ones copied into one block for the chunk */
	for (uint32_t i = 0; i < tv.n; i++)
		if (ascii_token(doc, &tv.v[i]))
			asciilen += tv.v[i].len + 1;
	ascii = dip_arena_alloc(&doc->chunk_arena, asciilen + 1);
	for (uint32_t i = 0; i < tv.n; i++)
	{
		DipToken   *t = &tv.v[i];
		char	   *nrm;

		if (ascii_token(doc, t))
		{
			/* ASCII: lower-case copy */
			const char *src = doc->text + t->start;

			for (uint32_t k = 0; k < t->len; k++)
				ascii[k] = (char) (src[k] + (((unsigned char) (src[k] - 'A') < 26) << 5));
			ascii[t->len] = '\0';
			t->norm = ascii;
			t->nlen = t->len;
			ascii += t->len + 1;
		}
		else
		{
			t->nlen = (uint32_t) dip_normalize(&doc->chunk_arena,
											   doc->text + t->start, t->len, &nrm);
			t->norm = nrm;
		}
	}
	doc->toks = tv.v;
	doc->ntoks = tv.n;
	split_sentences(doc);
	if (dip_interrupt_hook)
		dip_interrupt_hook();
	return true;
}

uint32_t
dip_display_token_end(const DipDoc *doc, uint32_t i)
{
	uint32_t	j = i + 1;

	while (j < doc->ntoks && (doc->toks[j].flags & DIP_TF_JOIN) &&
		   doc->toks[j].sent == doc->toks[i].sent)
		j++;
	return j;
}
