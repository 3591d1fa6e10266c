/*-------------------------------------------------------------------------
 *
 * dip_names.c
 *	  Capitalised names the gazetteer does not know: where a name ends
 *	  (particles, hyphens, "&", ordinals, "of" complements) and what it
 *	  names, decided by a table of typing rules tried in order.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_names.h"

#include <string.h>

/* ------------------------------------------------------------------------
 * Words that tell something about a name
 * ------------------------------------------------------------------------
 */

/* True if the word is longer than its suffix suf by more than two letters. */
bool
dip_tok_ends_with(const DipToken *t, const char *suf)
{
	size_t		l = strlen(suf);

	return t->nlen > l + 2 && memcmp(t->norm + t->nlen - l, suf, l) == 0;
}

/* True if the word has a vowel: "Dlrs", "Mths" are abbreviations, not names. */
bool
dip_tok_has_vowel(const DipToken *t)
{
	for (uint32_t k = 0; k < t->nlen; k++)
		if (strchr("aeiouy", t->norm[k]) != NULL && t->norm[k] != '\0')
			return true;
	return false;
}

/* The CAMEO role an organisation named with this word has (ORG_ROLE), or "". */
const char *
dip_org_role(const DipSentCtx *sc, const DipToken *t)
{
	const char *role;

	if (!dip_tok_cue(sc, t, CUE_ORG_ROLE) ||
		!dip_word_value(sc->an->dict, t->wid, CUEB_ORG_ROLE, NULL, &role))
		return "";
	return role;
}

/* True if the word makes a capitalised name an event, law or product (MISC_HEAD). */
bool
dip_misc_head(const DipSentCtx *sc, const DipToken *t)
{
	return dip_tok_cue(sc, t, CUE_MISC_HEAD);
}

/* Legal forms of companies (LEGAL_FORM): "Corp", "Inc.", "Co", "Ltd", "AG", "Plc". */
bool
dip_legal_form(const DipSentCtx *sc, const DipToken *t)
{
	return dip_tok_cue(sc, t, CUE_LEGAL_FORM);
}

/* Compass adjectives that name a region of a place (DIRECTION): "Northern Iraq". */
bool
dip_direction_word(const DipSentCtx *sc, const DipToken *t)
{
	return dip_tok_cue(sc, t, CUE_DIRECTION);
}

/* A small whole number, as in a match result. */
bool
dip_score_token(const DipToken *t)
{
	if (t->type != DIP_TOK_NUMBER || t->nlen > 2)
		return false;
	for (uint32_t k = 0; k < t->nlen; k++)
		if (t->norm[k] < '0' || t->norm[k] > '9')
			return false;
	return true;
}

/* ------------------------------------------------------------------------
 * Where a name ends
 * ------------------------------------------------------------------------
 */

/* Does token t start a line indented by two or more blanks? */
bool
dip_indented_line(const DipSentCtx *sc, const DipToken *t)
{
	const char *x = sc->doc->text;

	return (t->flags & DIP_TF_NEWLINE) && t->start >= 2 &&
		(x[t->start - 1] == ' ' || x[t->start - 1] == '	') &&
		(x[t->start - 2] == ' ' || x[t->start - 2] == '	');
}

/* True if token i starts the sentence (only punctuation before it). */
bool
dip_sentence_initial(const DipSentCtx *sc, uint32_t i)
{
	/* the first word of an indented line (a row of a table) */
	if (i > 0 && dip_indented_line(sc, &sc->t[i]))
		return true;
	for (uint32_t k = 0; k < i; k++)
	{
		const DipToken *t = &sc->t[k];

		if (t->type == DIP_TOK_WORD || t->type == DIP_TOK_NUMBER)
			return false;
		if (t->type == DIP_TOK_PUNCT && !(t->flags & (DIP_TF_OPENQ | DIP_TF_DASH)) &&
			!DIP_TOK_IS(t, ":") && !DIP_TOK_IS(t, "-"))
			return false;
	}
	return true;
}

/*
 * The end of a company's name continuing at token k after "and" or "'s"
 * ("Standard and Poor's Corp", "Harper and Row Publishers Inc", "Pantera's
 * Corp"): capitalised words, known or not, up to a legal form (or, with
 * suffix, an organisation suffix: "Trade and Industry Ministry") ending the
 * run; 0 if the run ends otherwise.
 */
static uint32_t
company_run_end(const DipSentCtx *sc, uint32_t k, bool suffix)
{
	uint32_t	end = 0;

	for (uint32_t j = k; j < sc->n && j < k + 6; j++)
	{
		const DipToken *t = &sc->t[j];

		if (dip_tok_capword(t))
		{
			if (dip_legal_form(sc, t) || (suffix && (dip_lexof(sc, j) & LX_ORG_SUFFIX)))
				end = j + 1;
			continue;
		}
		if (j > k && (t->type == DIP_TOK_CLITIC || (t->flags & DIP_TF_JOIN) || DIP_TOK_IS(t, "&")))
			continue;
		break;
	}
	return end;
}

/* A letter or two in capitals: "S" and "P" in "S and P", "AT" in "AT and T". */
static bool
letters(const DipToken *t)
{
	return t->type == DIP_TOK_WORD && (t->flags & DIP_TF_ALLCAPS) && t->nlen <= 2 &&
		!(t->flags & DIP_TF_ABBREV);
}

/* A capital letter of a legal form written with a slash: "A" and "S" of "A/S". */
static bool
slash_letter(const DipToken *t)
{
	return t->type == DIP_TOK_WORD && (t->flags & DIP_TF_ALLCAPS) && t->nlen == 1;
}

/* Extends a capitalised name from token a (see dip_names.h). */
uint32_t
dip_name_span(DipSentCtx *sc, uint32_t a)
{
	uint32_t	j = a;
	uint32_t	n = sc->n;
	uint32_t	company_end = 0;

	while (j < n)
	{
		const DipToken *t = &sc->t[j];

		/* inside a company's name joined by "and" or "'s" */
		if (j < company_end)
		{
			j++;
			continue;
		}
		/* "Standard and Poor's Corp", "Pantera's Corp", "Trade and Industry
		 * Ministry": one name up to its legal form or suffix */
		if (j > a && j + 1 < n && (DIP_TOK_IS(t, "and") || t->type == DIP_TOK_CLITIC) &&
			!dip_legal_form(sc, &sc->t[j - 1]) &&
			(company_end = company_run_end(sc, j + 1, DIP_TOK_IS(t, "and") &&
										   (dip_lexof(sc, j - 1) & LX_COMMON) &&
										   !(dip_lexof(sc, j - 1) & LX_ORG_SUFFIX))) > 0)
		{
			j++;
			continue;
		}
		/* "Senetek A/S": a legal form written with a slash */
		if (j > a && j + 1 < n && DIP_TOK_IS(t, "/") && slash_letter(&sc->t[j - 1]) &&
			slash_letter(&sc->t[j + 1]))
		{
			j++;
			continue;
		}
		/* "S and P", "AT and T" */
		if (j > a && j + 1 < n && DIP_TOK_IS(t, "and") && letters(&sc->t[j - 1]) &&
			letters(&sc->t[j + 1]))
		{
			j++;
			continue;
		}
		/* a new name or role starts, unless inside a role phrase starting
		 * the span ("Foreign Ministry", "Supreme Court") */
		if (j > a && j >= a + sc->role_len[a] &&
			(sc->ent_len[j] > 0 || sc->role_len[j] > 0) && !(t->flags & DIP_TF_JOIN) &&
			!(sc->ent_len[j] == 0 && j + sc->role_len[j] < n &&
			  dip_legal_form(sc, &sc->t[j + sc->role_len[j]])))
			break;
		/* a new indented line is a new row of a table, not a wrapped name */
		if (j > a && dip_indented_line(sc, t))
			break;
		/* "Record April 24": a date, not a name */
		if (j > a && (dip_lexof(sc, j) & LX_MONTH) && j + 1 < n && sc->t[j + 1].type == DIP_TOK_NUMBER)
			break;
		/* "Harris Upham and Co Inc" */
		if (j > a && j + 1 < n && (DIP_TOK_IS(t, "and") || DIP_TOK_IS(t, "&")) &&
			(DIP_TOK_IS(&sc->t[j + 1], "co") || DIP_TOK_IS(&sc->t[j + 1], "co.")))
		{
			j++;
			continue;
		}
		if (dip_tok_capword(t))
		{
			j++;
			continue;
		}
		if (j > a && (t->flags & DIP_TF_JOIN))
		{
			j++;
			continue;
		}
		/* "5th Fleet", "2nd Battalion": an ordinal before a capitalised word */
		if (t->type == DIP_TOK_NUMBER && j + 1 < n && dip_tok_capword(&sc->t[j + 1]) &&
			t->nlen >= 3 && (memcmp(t->norm + t->nlen - 2, "st", 2) == 0 ||
							 memcmp(t->norm + t->nlen - 2, "nd", 2) == 0 ||
							 memcmp(t->norm + t->nlen - 2, "rd", 2) == 0 ||
							 memcmp(t->norm + t->nlen - 2, "th", 2) == 0))
		{
			j++;
			continue;
		}
		/* "CTF 50", "Task Force 150": a number after an acronym or "Force" */
		if (j > a && t->type == DIP_TOK_NUMBER && !(t->flags & DIP_TF_JOIN) &&
			((sc->t[j - 1].flags & DIP_TF_ALLCAPS) || DIP_TOK_IS(&sc->t[j - 1], "force")) &&
			t->nlen <= 4 && (j + 1 >= n || !dip_tok_capword(&sc->t[j + 1])))
		{
			j++;
			break;
		}
		/* particles: van, de, al, bin, von between capitalised words */
		if (j > a && j + 1 < n && dip_tok_capword(&sc->t[j + 1]) &&
			(dip_lexof(sc, j) & LX_PARTICLE) && t->type == DIP_TOK_WORD &&
			!(t->flags & DIP_TF_UPPER) && sc->ent_len[j + 1] == 0)
		{
			j++;
			continue;
		}
		/* Procter & Gamble */
		if (j > a && j + 1 < n && DIP_TOK_IS(t, "&") && dip_tok_capword(&sc->t[j + 1]))
		{
			j++;
			continue;
		}
		break;
	}
	return j;
}

/* "Ministry of Defence", "Bank of England": absorbs an "of" complement. */
uint32_t
dip_name_of_chain(DipSentCtx *sc, uint32_t a, uint32_t b, int kind)
{
	uint32_t	n = sc->n;
	uint32_t	llast = dip_lexof(sc, b - 1);
	uint32_t	lfirst = dip_lexof(sc, a);

	if (kind != DIP_KIND_ORG && kind != DIP_KIND_LOC)
		return b;
	if (!(llast & (LX_ORG_SUFFIX | LX_ORG_HEAD | LX_LOC_HEAD | LX_LOC_SUFFIX)) &&
		!(lfirst & LX_ORG_HEAD))
		return b;
	if (b + 1 < n && DIP_TOK_IS(&sc->t[b], "of") && dip_tok_capword(&sc->t[b + 1]))
	{
		uint32_t	c = b + 1;
		uint32_t	e;

		if (sc->ent_len[c] > 0)
		{
			const DipEntity *ge = &sc->an->dict->entities[sc->ent_ref[c]];

			if (ge->kind != DIP_KIND_GPE && ge->kind != DIP_KIND_LOC)
				return b;
			e = c + sc->ent_len[c];
		}
		else
			e = dip_name_span(sc, c);
		return e;
	}
	return b;
}

/* ------------------------------------------------------------------------
 * What a name names: the typing rules
 * ------------------------------------------------------------------------
 */

/* An unknown capitalised name [a, b) and what its words are. */
typedef struct NameSpan
{
	DipSentCtx *sc;
	const DipToken *t;			/* the sentence's tokens */
	uint32_t	a;
	uint32_t	b;
	uint32_t	n;				/* b - a */
	uint32_t	lfirst;			/* LX_* of the first, last and previous word */
	uint32_t	llast;
	uint32_t	lprev;
	uint32_t	words;			/* words, and how many are common words, */
	uint32_t	common;			/* given names and surnames */
	uint32_t	given;
	uint32_t	surname;
} NameSpan;

/* A typing rule's answer when it does not apply */
#define NOT_MINE (-1)

typedef struct TypingRule TypingRule;

/* Events, laws, tournaments and products end with such a word. */
static int
misc_name(const NameSpan *s, const TypingRule *rule)
{
	return s->n > 1 && dip_misc_head(s->sc, &s->t[s->b - 1]) ? DIP_KIND_NONE : NOT_MINE;
}

/* Storms are named after a storm word. */
static int
storm_name(const NameSpan *s, const TypingRule *rule)
{
	return s->n > 1 && dip_tok_cue(s->sc, &s->t[s->a], CUE_STORM_WORD) ? DIP_KIND_NONE : NOT_MINE;
}

/* "Operation Inherent Resolve", ships "USS Mahan", "HMS Ocean" (MISC_PREFIX). */
static int
operation_or_ship(const NameSpan *s, const TypingRule *rule)
{
	return s->n > 1 && dip_tok_cue(s->sc, &s->t[s->a], CUE_MISC_PREFIX) ? DIP_KIND_NONE : NOT_MINE;
}

/* "Iraq War", "War of 1812": a war is not ours to type. */
static int
war_name(const NameSpan *s, const TypingRule *rule)
{
	if (s->n > 1)
		for (uint32_t i = s->a; i < s->b; i++)
			if (DIP_TOK_IS(&s->t[i], "war"))
				return DIP_KIND_NONE;
	return NOT_MINE;
}

/* A title alone ("Foreign Secretary") names no one. */
static int
title_alone(const NameSpan *s, const TypingRule *rule)
{
	const DipSentCtx *sc = s->sc;

	return sc->role_len[s->a] >= s->n && !(s->llast & LX_ORG_SUFFIX) &&
		(sc->an->dict->roles[sc->role_ref[s->a]].use & DIP_ROLE_TITLE) ? DIP_KIND_NONE : NOT_MINE;
}

/* "the Senate", "the Army": an organisation word after "the". */
static int
the_org_word(const NameSpan *s, const TypingRule *rule)
{
	return s->n == 1 && (s->lfirst & LX_ORG_SUFFIX) && s->a > 0 &&
		DIP_TOK_IS(&s->t[s->a - 1], "the") && !(s->lfirst & (LX_GIVEN | LX_SURNAME)) ?
		DIP_KIND_ORG : NOT_MINE;
}

/*
 * "Bancorp said": an organisation suffix alone (without "the") is what is
 * left of a name; an organisation if the document resolves it.
 */
static int
org_word_alone(const NameSpan *s, const TypingRule *rule)
{
	return s->n == 1 && (s->lfirst & LX_ORG_SUFFIX) && !(s->lfirst & (LX_GIVEN | LX_SURNAME)) ?
		DIP_KIND_ORG : NOT_MINE;
}

/* Codes such as H5N1, F-16 or M-1: one word with digits or a number glued to it. */
static int
code_word(const NameSpan *s, const TypingRule *rule)
{
	if (s->n == 1)
		return (s->t[s->a].flags & DIP_TF_DIGITS) ? DIP_KIND_NONE : NOT_MINE;
	if (s->words != 1)
		return NOT_MINE;
	for (uint32_t i = s->a + 1; i < s->b; i++)
		if (s->t[i].type == DIP_TOK_NUMBER && (s->t[i].flags & DIP_TF_JOIN))
			return DIP_KIND_NONE;
	return NOT_MINE;
}

/* Capital letters joined by "and" or "&": "S and P", "AT&T". */
static int
letters_joined(const NameSpan *s, const TypingRule *rule)
{
	bool		joined = false;

	if (s->n < 3)
		return NOT_MINE;
	for (uint32_t i = s->a; i < s->b; i++)
	{
		const DipToken *t = &s->t[i];

		if (DIP_TOK_IS(t, "and") || DIP_TOK_IS(t, "&"))
			joined = true;
		else if (!(t->type == DIP_TOK_WORD && (t->flags & DIP_TF_ALLCAPS) && t->nlen <= 2))
			return NOT_MINE;
	}
	return joined ? DIP_KIND_ORG : NOT_MINE;
}

/* Only legal forms ("Corp", "Co Inc"): what is left of a company's name. */
static int
legal_forms_only(const NameSpan *s, const TypingRule *rule)
{
	for (uint32_t i = s->a; i < s->b; i++)
		if (!dip_legal_form(s->sc, &s->t[i]) && !DIP_TOK_IS(&s->t[i], "and") &&
			!DIP_TOK_IS(&s->t[i], "&"))
			return NOT_MINE;
	return DIP_KIND_NONE;
}

/* A word and a letter: "Class B", "Group A" label a kind of thing. */
static int
letter_label(const NameSpan *s, const TypingRule *rule)
{
	const DipToken *l = &s->t[s->b - 1];

	return s->n == 2 && l->type == DIP_TOK_WORD && l->nlen == 1 &&
		!(l->flags & DIP_TF_INITIAL) && (s->lfirst & LX_COMMON) && !(s->lfirst & LX_GIVEN) ?
		DIP_KIND_NONE : NOT_MINE;
}

/* An acronym in the plural ("MPs", "CDs"): a common noun. */
static int
plural_acronym(const NameSpan *s, const TypingRule *rule)
{
	const DipToken *t = &s->t[s->a];
	const char *x = s->sc->doc->text + t->start;

	if (s->n != 1 || t->len < 3 || x[t->len - 1] != 's')
		return NOT_MINE;
	for (uint32_t k = 0; k + 1 < t->len; k++)
		if (x[k] < 'A' || x[k] > 'Z')
			return NOT_MINE;
	return DIP_KIND_NONE;
}

/* "CTF 50" is a unit; "(DDG 70)", "D 32" are hull or road numbers. */
static int
unit_number(const NameSpan *s, const TypingRule *rule)
{
	const DipToken *t = s->t;

	if (s->n != 2 || t[s->a + 1].type != DIP_TOK_NUMBER)
		return NOT_MINE;
	if ((s->a > 0 && DIP_TOK_IS(&t[s->a - 1], "(")) || t[s->a].nlen < 3 ||
		!(t[s->a].flags & DIP_TF_ALLCAPS))
		return DIP_KIND_NONE;
	return DIP_KIND_ORG;
}

/* Months, weekdays and words that are never names. */
static int
calendar_word(const NameSpan *s, const TypingRule *rule)
{
	return s->n == 1 && (s->lfirst & (LX_MONTH | LX_WEEKDAY | LX_NOT_NAME)) ?
		DIP_KIND_NONE : NOT_MINE;
}

/* A month or weekday with number words: "May One", "April Three". */
static int
date_words(const NameSpan *s, const TypingRule *rule)
{
	if (s->n < 2 || !(s->lfirst & (LX_MONTH | LX_WEEKDAY)))
		return NOT_MINE;
	for (uint32_t i = s->a + 1; i < s->b; i++)
		if (!(dip_lexof(s->sc, i) & LX_NUM))
			return NOT_MINE;
	return DIP_KIND_NONE;
}

/* Pronouns, determiners, conjunctions, auxiliaries and prepositions. */
static int
function_word(const NameSpan *s, const TypingRule *rule)
{
	return s->n == 1 && (s->lfirst & (LX_PRON | LX_DET | LX_CONJ | LX_AUX | LX_PREP)) ?
		DIP_KIND_NONE : NOT_MINE;
}

/*
 * "County", "City", "Town" (PLACE_OR_CLUB): a club after a known place
 * ("Derby County", "Manchester City"), otherwise a place ("Fairfax County").
 */
static int
club_or_place(const NameSpan *s, const TypingRule *rule)
{
	const DipSentCtx *sc = s->sc;

	if (s->n <= 1 || !dip_tok_cue(sc, &s->t[s->b - 1], CUE_PLACE_OR_CLUB))
		return NOT_MINE;
	if (sc->ent_len[s->a] == s->n - 1 && sc->ent_ref[s->a] >= 0)
	{
		int			k = sc->an->dict->entities[sc->ent_ref[s->a]].kind;

		if (k == DIP_KIND_GPE || k == DIP_KIND_LOC)
			return DIP_KIND_ORG;
	}
	return DIP_KIND_LOC;
}

/*
 * A word class at an end of a name of two words or more decides its kind:
 * the rule's class (rule->lx) on its first or last word (rule->last) gives
 * the rule's kind (rule->result).
 */
static int
class_at_end(const NameSpan *s, const TypingRule *rule);

/* "Tenera LP", "Senetek A/S": a legal form (maybe written with a slash) ends the name. */
static int
legal_form_end(const NameSpan *s, const TypingRule *rule)
{
	if (s->n >= 2 && dip_legal_form(s->sc, &s->t[s->b - 1]))
		return DIP_KIND_ORG;
	return s->n >= 4 && DIP_TOK_IS(&s->t[s->b - 2], "/") && slash_letter(&s->t[s->b - 1]) &&
		slash_letter(&s->t[s->b - 3]) ? DIP_KIND_ORG : NOT_MINE;
}

/*
 * "The Aviator", "The Incredibles": a name starting with a capitalised
 * "The" inside a sentence is the title of a work, not a person; newspapers
 * and organisations so named are in the gazetteer or end with a suffix.
 */
static int
the_title(const NameSpan *s, const TypingRule *rule)
{
	return s->n > 1 && DIP_TOK_IS(&s->t[s->a], "the") && !dip_sentence_initial(s->sc, s->a) ?
		DIP_KIND_NONE : NOT_MINE;
}

/*
 * An honorific before the name: "Mr. Smith"; not a lower-case word nor
 * before an organisation word ("the Tokyo Metropolitan Government").
 */
static int
honorific(const NameSpan *s, const TypingRule *rule)
{
	return s->a > 0 && (s->lprev & LX_PER_TITLE) && (s->t[s->a - 1].flags & DIP_TF_UPPER) &&
		!(s->n == 1 && (s->lfirst & LX_ORG_SUFFIX)) ? DIP_KIND_PER : NOT_MINE;
}

/* One letter alone ("S", "L") is no name. */
static int
single_letter(const NameSpan *s, const TypingRule *rule)
{
	return s->n == 1 && s->t[s->a].nlen == 1 ? DIP_KIND_NONE : NOT_MINE;
}

/* Unknown acronyms are organisations, as NATO is. */
static int
acronym(const NameSpan *s, const TypingRule *rule)
{
	const DipToken *t = &s->t[s->a];

	return s->n == 1 && (t->flags & DIP_TF_ALLCAPS) && t->nlen >= 2 && t->nlen <= 6 &&
		!(t->flags & DIP_TF_DIGITS) && !s->sc->caseless ? DIP_KIND_ORG : NOT_MINE;
}

/* A given name first that is not also a common word: "Yoko Kamikawa". */
static int
given_name_first(const NameSpan *s, const TypingRule *rule)
{
	return s->n >= 2 && (s->lfirst & LX_GIVEN) && !(s->lfirst & LX_COMMON) ?
		DIP_KIND_PER : NOT_MINE;
}

/* A surname last that is not also a common word. */
static int
surname_last(const NameSpan *s, const TypingRule *rule)
{
	return s->n >= 2 && (s->llast & LX_SURNAME) && !(s->llast & LX_COMMON) ?
		DIP_KIND_PER : NOT_MINE;
}

/* A given name first, even one that is also a common word ("Will Smith"). */
static int
common_given_name(const NameSpan *s, const TypingRule *rule)
{
	return s->n >= 2 && (s->lfirst & LX_GIVEN) ? DIP_KIND_PER : NOT_MINE;
}

/* An initial as the second word: "John F. Kennedy". */
static int
middle_initial(const NameSpan *s, const TypingRule *rule)
{
	return s->n >= 2 && (s->t[s->a + 1].flags & DIP_TF_INITIAL) ? DIP_KIND_PER : NOT_MINE;
}

/* A single word after "in", "at", "near": a place. */
static int
after_place_preposition(const NameSpan *s, const TypingRule *rule)
{
	return s->n == 1 && s->a > 0 && (s->lprev & LX_LOC_PREP) &&
		!(s->lfirst & (LX_GIVEN | LX_SURNAME)) ? DIP_KIND_LOC : NOT_MINE;
}

/* Common words only, without name evidence: not an entity. */
static int
common_words(const NameSpan *s, const TypingRule *rule)
{
	return s->words > 0 && s->common == s->words && s->given == 0 && s->surname == 0 ?
		DIP_KIND_NONE : NOT_MINE;
}

/*
 * A single given name or surname after an article: "an Oscar", "the
 * benchmark Brent crude", "the Ford plant" name a thing or a company, not
 * a person; dropped unless the document resolves it.  A gazetteer
 * person's surname stays a person ("the Bush administration").
 */
static int
article_name_word(const NameSpan *s, const TypingRule *rule)
{
	uint32_t	k = s->a;

	if (s->n != 1 || !(s->lfirst & (LX_GIVEN | LX_SURNAME)) ||
		dip_dict_is_surname(s->sc->an->dict, s->t[s->a].wid))
		return NOT_MINE;
	/* lower-case adjectives or nouns between, not titles: "the benchmark Brent" */
	while (k > 0 && k + 2 >= s->a && s->t[k - 1].type == DIP_TOK_WORD &&
		   (s->t[k - 1].flags & DIP_TF_LOWER) && s->sc->role_len[k - 1] == 0 &&
		   !(dip_lexof(s->sc, k - 1) & (LX_DET | LX_PREP | LX_VERB | LX_AUX | LX_CONJ | LX_PRON)))
		k--;
	if (k == 0 || !(DIP_TOK_IS(&s->t[k - 1], "the") || DIP_TOK_IS(&s->t[k - 1], "a") ||
					DIP_TOK_IS(&s->t[k - 1], "an")))
		return NOT_MINE;
	return DIP_KIND_ORG;
}

/*
 * A single given name or surname before a noun: "Oscar winner Adrien
 * Brody", "Oscar rights" name a thing; a person only if the document
 * resolves it.
 */
static int
name_before_noun(const NameSpan *s, const TypingRule *rule)
{
	const DipToken *next = s->b < s->sc->n ? &s->t[s->b] : NULL;
	uint32_t	lx = next ? dip_lexof(s->sc, s->b) : 0;

	return s->n == 1 && (s->lfirst & (LX_GIVEN | LX_SURNAME)) && next &&
		!dip_dict_is_surname(s->sc->an->dict, s->t[s->a].wid) && next->type == DIP_TOK_WORD && (next->flags & DIP_TF_LOWER) && (lx & LX_NOUN) &&
		!(lx & (LX_VERB | LX_AUX | LX_PREP | LX_CONJ | LX_PRON | LX_DET)) &&
		!dip_tok_cue(s->sc, next, CUE_PER_AFTER) ? DIP_KIND_PER : NOT_MINE;
}

/*
 * A single surname that is also a common word ("Long", "Banks",
 * "Sterling"), and no gazetteer person's: a person only if the document
 * resolves it.
 */
static int
common_name_word(const NameSpan *s, const TypingRule *rule)
{
	return s->n == 1 && (s->lfirst & LX_SURNAME) && (s->lfirst & (LX_COMMON | LX_AMBIG)) &&
		!(s->lfirst & LX_GIVEN) && !dip_dict_is_surname(s->sc->an->dict, s->t[s->a].wid) ?
		DIP_KIND_PER : NOT_MINE;
}

/* A single given name or surname: a person, or a place after "of", "in"... */
static int
name_word(const NameSpan *s, const TypingRule *rule)
{
	if (s->n != 1 || !(s->lfirst & (LX_GIVEN | LX_SURNAME)))
		return NOT_MINE;
	if (s->a > 0 && dip_tok_cue(s->sc, &s->t[s->a - 1], CUE_LOC_BEFORE) && !(s->lfirst & LX_GIVEN))
		return DIP_KIND_LOC;
	return DIP_KIND_PER;
}

/* A score next to a single word: "Arsenal 2 Chelsea 1" (not "Milepost 0.8:"). */
static int
score_next_to(const NameSpan *s, const TypingRule *rule)
{
	uint32_t	a = s->a;
	uint32_t	nn = s->sc->n;

	if (s->n != 1)
		return NOT_MINE;
	if ((a > 0 && dip_score_token(&s->t[a - 1])) ||
		(a + 1 < nn && dip_score_token(&s->t[a + 1]) &&
		 !(a + 2 < nn && DIP_TOK_IS(&s->t[a + 2], ":"))))
		return DIP_KIND_ORG;
	return NOT_MINE;
}

/* A single word after "of", "in", "from" or a direction (LOC_BEFORE): a place. */
static int
place_word_before(const NameSpan *s, const TypingRule *rule)
{
	return s->n == 1 && s->a > 0 && dip_tok_cue(s->sc, &s->t[s->a - 1], CUE_LOC_BEFORE) ?
		DIP_KIND_LOC : NOT_MINE;
}

/* A single word before "province", "district", "river" (LOC_AFTER): a place. */
static int
place_word_after(const NameSpan *s, const TypingRule *rule)
{
	const DipToken *next = s->a + 1 < s->sc->n ? &s->t[s->a + 1] : NULL;

	return s->n == 1 && next && dip_tok_cue(s->sc, next, CUE_LOC_AFTER) &&
		!(next->flags & DIP_TF_UPPER) ? DIP_KIND_LOC : NOT_MINE;
}

/* A single word before "said", "told" (PER_AFTER), or "'s": a person. */
static int
person_word_after(const NameSpan *s, const TypingRule *rule)
{
	const DipToken *next = s->a + 1 < s->sc->n ? &s->t[s->a + 1] : NULL;

	return s->n == 1 && next && (dip_tok_cue(s->sc, next, CUE_PER_AFTER) ||
								 next->type == DIP_TOK_CLITIC) ? DIP_KIND_PER : NOT_MINE;
}

/* A single word without evidence: an organisation, if the document agrees. */
static int
no_evidence(const NameSpan *s, const TypingRule *rule)
{
	return s->n == 1 ? DIP_KIND_ORG : NOT_MINE;
}

/* "the Bowling Green Falcons": a name after an article is not a person. */
static int
after_article(const NameSpan *s, const TypingRule *rule)
{
	return s->a > 0 && (DIP_TOK_IS(&s->t[s->a - 1], "the") || DIP_TOK_IS(&s->t[s->a - 1], "a")) ?
		DIP_KIND_ORG : NOT_MINE;
}

/* "at Lincoln Reservoir": a name after "in", "at", "near": a place. */
static int
after_place_word(const NameSpan *s, const TypingRule *rule)
{
	const DipToken *p = s->a > 0 ? &s->t[s->a - 1] : NULL;

	return p && (DIP_TOK_IS(p, "in") || DIP_TOK_IS(p, "at") || DIP_TOK_IS(p, "near") ||
				 DIP_TOK_IS(p, "to") || DIP_TOK_IS(p, "into")) ? DIP_KIND_LOC : NOT_MINE;
}

/* Two or three capitalised words ("Hou Yu-ih" is two): most often a person. */
static int
short_name(const NameSpan *s, const TypingRule *rule)
{
	return s->n >= 2 && s->words >= 2 && s->words <= 3 ? DIP_KIND_PER : NOT_MINE;
}

/* Anything longer, or one hyphenated word ("Creditanstalt-Bankverein"): an organisation. */
static int
long_name(const NameSpan *s, const TypingRule *rule)
{
	return DIP_KIND_ORG;
}

struct TypingRule
{
	DipRule		rule;
	int			(*kind) (const NameSpan *s, const TypingRule *rule);	/* DIP_KIND_*, or
																		 * NOT_MINE */
	uint8_t		how;			/* DIP_HOW_RULE or DIP_HOW_GUESS */
	bool		weak;			/* dropped unless the document resolves it */
	uint32_t	lx;				/* for class_at_end: the class, */
	bool		last;			/* on the last word (else the first), */
	int			result;			/* gives this kind */
};

/* how, weak, and no class_at_end parameters */
#define R DIP_HOW_RULE, false, 0, false, 0
#define G DIP_HOW_GUESS, false, 0, false, 0

static int
class_at_end(const NameSpan *s, const TypingRule *rule)
{
	uint32_t	lx = rule->last ? s->llast : s->lfirst;

	return (lx & rule->lx) && s->n > 1 ? rule->result : NOT_MINE;
}

/*
 * The typing rules, tried in order on an unknown capitalised name; the
 * first that applies decides its kind (DIP_KIND_NONE: not an entity).
 */
static const TypingRule typing_rules[] = {
	{{"misc_name", "a name ending with cup, treaty, award, war...: an event, law or product, not typed"}, misc_name, R},
	{{"storm_name", "Hurricane ..., Typhoon ...: a storm, not typed"}, storm_name, R},
	{{"operation_or_ship", "Operation ..., USS ..., HMS ...: an operation or a ship, not typed"}, operation_or_ship, R},
	{{"war_name", "a name with the word war: not typed"}, war_name, R},
	{{"title_alone", "a title without a name (Foreign Secretary): no entity"}, title_alone, R},
	{{"the_org_word", "an organisation word after the (the Senate, the Army): an organisation"}, the_org_word, R},
	{{"single_letter", "one letter alone: no entity"}, single_letter, R},
	{{"code_word", "a word with digits or a number glued to it (H5N1, F-16, M-1): no entity"}, code_word, R},
	{{"letters_joined", "capital letters joined by and or & (S and P): an organisation"}, letters_joined, R},
	{{"legal_forms_only", "legal forms alone (Corp, Co Inc): no entity"}, legal_forms_only, R},
	{{"letter_label", "a common word and a letter (Class B, Group A): no entity"}, letter_label, R},
	{{"plural_acronym", "an acronym in the plural (MPs, CDs): no entity"}, plural_acronym, R},
	{{"unit_number", "capitals and a number: a unit (CTF 50), else a hull or road number"}, unit_number, R},
	{{"calendar_word", "a month, a weekday or a word that is never a name: no entity"}, calendar_word, R},
	{{"date_words", "a month or weekday with number words (May One): no entity"}, date_words, R},
	{{"function_word", "a pronoun, determiner, conjunction, auxiliary or preposition: no entity"}, function_word, R},
	{{"club_or_place", "... County, ... City, ... Town: a club after a known place, else a place"}, club_or_place, R},
	{{"legal_form_end", "a legal form, maybe written with a slash, ends the name (Tenera LP, Senetek A/S): an organisation"}, legal_form_end, R},
	{{"org_suffix", "an organisation suffix ends the name (... Department, ... Corp): an organisation"}, class_at_end, DIP_HOW_RULE, false, LX_ORG_SUFFIX, true, DIP_KIND_ORG},
	{{"org_head", "an organisation head starts the name (Bank ..., Ministry ...): an organisation"}, class_at_end, DIP_HOW_RULE, false, LX_ORG_HEAD, false, DIP_KIND_ORG},
	{{"place_suffix", "a place suffix ends the name (... River): a place"}, class_at_end, DIP_HOW_RULE, false, LX_LOC_SUFFIX, true, DIP_KIND_LOC},
	{{"place_head", "a place head starts the name (Lake ..., Mount ...): a place"}, class_at_end, DIP_HOW_RULE, false, LX_LOC_HEAD, false, DIP_KIND_LOC},
	{{"the_title", "a name starting with a capitalised The inside a sentence (The Aviator): a work, no entity"}, the_title, R},
	{{"honorific", "an honorific before the name (Mr. Smith): a person"}, honorific, R},
	{{"acronym", "an unknown acronym of two to six capitals: an organisation"}, acronym, R},
	{{"given_name_first", "a given name first that is not a common word: a person"}, given_name_first, R},
	{{"surname_last", "a surname last that is not a common word: a person"}, surname_last, R},
	{{"common_given_name", "a given name first that is also a common word: a person"}, common_given_name, R},
	{{"middle_initial", "an initial as the second word (John F. Kennedy): a person"}, middle_initial, R},
	{{"after_place_preposition", "one word after in, at, near: a place"}, after_place_preposition, G},
	{{"common_words", "common words only, no given name or surname: no entity"}, common_words, R},
	{{"article_name_word", "one given name or surname after a, an, the (an Oscar, the Brent crude): an organisation, dropped unless the document resolves it"}, article_name_word, DIP_HOW_GUESS, true, 0, false, 0},
	{{"common_name_word", "one surname that is also a common word (Long, Banks): a person, dropped unless the document resolves it"}, common_name_word, DIP_HOW_GUESS, true, 0, false, 0},
	{{"name_before_noun", "one given name or surname before a noun (Oscar winner): a person, dropped unless the document resolves it"}, name_before_noun, DIP_HOW_GUESS, true, 0, false, 0},
	{{"name_word", "one given name or surname: a person, or a place after of, in, from"}, name_word, G},
	{{"score_next_to", "one word next to a score (Arsenal 2): a team"}, score_next_to, G},
	{{"place_word_before", "one word after of, in, from or a direction: a place"}, place_word_before, G},
	{{"place_word_after", "one word before province, district, river...: a place"}, place_word_after, G},
	{{"org_word_alone", "an organisation suffix alone (Bancorp said): an organisation, dropped unless the document resolves it"}, org_word_alone, DIP_HOW_GUESS, true, 0, false, 0},
	{{"person_word_after", "one word before said, told, 's...: a person"}, person_word_after, G},
	{{"no_evidence", "one word without evidence: an organisation, dropped unless the document resolves it"}, no_evidence, DIP_HOW_GUESS, true, 0, false, 0},
	{{"after_article", "a name after the or a (the Bowling Green Falcons): an organisation"}, after_article, G},
	{{"after_place_word", "a name after in, at, near, to, into: a place"}, after_place_word, G},
	{{"short_name", "two or three capitalised words: a person"}, short_name, G},
	{{"long_name", "four or more capitalised words, or one hyphenated word no rule typed: an organisation"}, long_name, G},
};

#undef R
#undef G

/* The kind of the unknown capitalised name [a, b) (see dip_names.h). */
int
dip_name_kind(DipSentCtx *sc, uint32_t a, uint32_t b, int *how, bool *weak,
			  const DipRule **rule)
{
	NameSpan	s;

	s.sc = sc;
	s.t = sc->t;
	s.a = a;
	s.b = b;
	s.n = b - a;
	s.lfirst = dip_lexof(sc, a);
	s.llast = dip_lexof(sc, b - 1);
	s.lprev = a > 0 ? dip_lexof(sc, a - 1) : 0;
	s.words = s.common = s.given = s.surname = 0;
	for (uint32_t i = a; i < b; i++)
	{
		uint32_t	l = dip_lexof(sc, i);

		if (sc->t[i].type != DIP_TOK_WORD || (sc->t[i].flags & DIP_TF_JOIN))
			continue;
		s.words++;
		if (l & LX_COMMON)
			s.common++;
		if (l & LX_GIVEN)
			s.given++;
		if (l & LX_SURNAME)
			s.surname++;
	}
	for (size_t k = 0; k < sizeof(typing_rules) / sizeof(typing_rules[0]); k++)
	{
		const TypingRule *r = &typing_rules[k];
		int			kind = r->kind(&s, r);

		if (kind == NOT_MINE)
			continue;
		*how = r->how;
		if (r->weak)
			*weak = true;
		*rule = &r->rule;
		return kind;
	}
	return DIP_KIND_NONE;		/* not reached: the last rule always decides */
}

/* The k-th typing rule, or NULL past the last. */
const DipRule *
dip_names_rule(int k)
{
	static const DipRuleTable tables[] = {
		{typing_rules, sizeof(typing_rules) / sizeof(typing_rules[0]), sizeof(TypingRule)}
	};

	return dip_rule_in_tables(tables, 1, &k);
}
