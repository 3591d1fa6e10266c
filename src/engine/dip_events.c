/*-------------------------------------------------------------------------
 *
 * dip_events.c
 *	  Events: CAMEO event coding, who did what to whom, where and when.
 *
 * Per sentence, after recognition:
 *	1. actors (dip_actors.c): entity mentions, nationality + agent noun
 *	   ("Chinese officials" -> CHNGOV), agents alone ("rebels" -> REB),
 *	   pronouns resolved to the last fitting actor; compounds;
 *	2. patterns: every pattern anchored by the dictionary walk is checked
 *	   against the words that follow (word lists, verb forms, gaps, $ and
 *	   + slots bound to actors); overlapping matches keep the most
 *	   specific;
 *	3. each match is coded by tables of named rules tried in order: the
 *	   actor rules find the source and target (slots, passives, nouns,
 *	   the clause subject and the first object) or drop the match
 *	   (negation, no source); the rules of violence and intent set the
 *	   code; the context rules set the place and the code of compounds;
 *	   one event per pair of compound actors;
 *	4. a bare statement ("X said") when nothing else happened.
 * Location: "in Washington", else the dateline; date: the sentence's date
 * expression, else the lead's, else the publication date.  events()
 * reports the names of the rules that coded each event.
 *
 *-------------------------------------------------------------------------
 */
#include "dip_events.h"
#include "dip_actors.h"
#include "dip_cameo.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_MATCHES 64

typedef struct Match
{
	uint32_t	a;				/* token span of the pattern */
	uint32_t	b;
	uint32_t	anchor_b;		/* end of the anchor words */
	int32_t		pattern;
	int			src_group;		/* bound slots, -1 if none */
	int			tgt_group;
	bool		src_single;
	bool		tgt_single;
	int			specificity;	/* fixed words matched */
	int			code;			/* packed CAMEO code: the pattern's, or refined */
	bool		dropped;
} Match;

typedef struct PMatch
{
	uint32_t	end;
	int			src;
	int			tgt;
	int			fixed;
	bool		src_single;		/* the slot took one actor of a compound */
	bool		tgt_single;
} PMatch;

/* What the coder knows about the sentence */
typedef struct EventSentence
{
	DipActor	ac[DIP_MAX_ACTORS];
	int			nac;
	Match		mt[MAX_MATCHES];
	int			nmt;
	int32_t		place;			/* "in Washington": a place of the sentence, or -1 */
	int32_t		location;		/* that, else the dateline's place, or -1 */
	int32_t		last_location;	/* the place the last match coded was given */
	DipDateExpr dates[8];		/* the sentence's date expressions */
	int			ndates;
	int			say;			/* the bare statement match, or -1 */
	uint32_t	nev0;			/* events before the sentence */
} EventSentence;

/* One match being coded into events */
typedef struct Coding
{
	Match	   *mt;
	const DipPattern *pat;
	int			code;			/* packed CAMEO code */
	int			src;			/* actor indexes, or -1 */
	int			tgt;
	bool		passive;
	bool		modal;
	int32_t		location;		/* DipEnt, or -1 */
	int32_t		date;
	int			prec;
	int			nrules;
	const DipRule *rules[DIP_EVENT_RULES];	/* the rules applied, in order */
	bool		bare;			/* a bare statement (rule statement) */
} Coding;


static int	statement_target(const DipSentCtx *sc, const EventSentence *es, const Match *m, int src);
static int	statement_speaker(const DipSentCtx *sc, EventSentence *es, const Match *m);

/* True if token j matches pattern element e (a word, a word list or a verb's forms). */
static bool
elem_match(const DipSentCtx *sc, const DipPElem *e, uint32_t j)
{
	const DipDict *d = sc->an->dict;
	uint32_t	wid;

	if (j >= sc->n)
		return false;
	wid = sc->t[j].wid;
	if (wid == 0)
		return false;
	switch (e->kind)
	{
		case DIP_PE_WORD:
			return wid == e->a;
		case DIP_PE_WORDSET:
			for (uint32_t k = 0; k < e->b; k++)
				if (d->pwids[e->a + k] == wid)
					return true;
			return false;
		case DIP_PE_LEMMA:
			return d->words[wid].lemma == e->a + 1;
	}
	return false;
}

/* A number, a number word or a currency sign: part of an amount. */
static bool
amount_token(const DipSentCtx *sc, uint32_t i)
{
	return sc->t[i].type == DIP_TOK_NUMBER || sc->t[i].type == DIP_TOK_SYMBOL ||
		(dip_lexof(sc, i) & LX_NUM);
}

/*
 * True if token i continues an amount or is a currency sign: "$2
 * million" is one word of a gap, so that "an additional $2 million in"
 * fits one.
 */
static bool
amount_continues(const DipSentCtx *sc, uint32_t i)
{
	return sc->t[i].type == DIP_TOK_SYMBOL ||
		(i > 0 && amount_token(sc, i) && amount_token(sc, i - 1) &&
		 sc->t[i - 1].type != DIP_TOK_SYMBOL);
}

/* Matches elements [k, nel) from token j; backtracks over gaps. */
static bool
match_rest(const DipSentCtx *sc, DipActor *ac, int nac, const DipPElem *el, int k,
		   int nel, uint32_t j, PMatch *pm)
{
	if (k == nel)
	{
		pm->end = j;
		return true;
	}
	switch (el[k].kind)
	{
		case DIP_PE_GAP:
			{
				uint32_t	words = 0;

				/* up to three words; a hyphenated word ("full-scale") is one */
				for (uint32_t skip = 0; words <= 3 && j + skip <= sc->n; skip++)
				{
					if (skip > 0)
					{
						const DipToken *prev = &sc->t[j + skip - 1];

						/* a gap does not cross a clause boundary */
						if (DIP_TOK_IS(prev, ",") || DIP_TOK_IS(prev, ";"))
							break;
						if (!(prev->flags & DIP_TF_JOIN) && !amount_continues(sc, j + skip - 1))
							words++;
						if (words > 3)
							break;
					}
					if (j + skip < sc->n && (sc->t[j + skip].flags & DIP_TF_JOIN))
						continue;
					if (match_rest(sc, ac, nac, el, k + 1, nel, j + skip, pm))
						return true;
				}
				return false;
			}
		case DIP_PE_SOURCE:
		case DIP_PE_TARGET:
			{
				int			a = dip_actor_at(sc, ac, nac, j);

				/* a final target may be a thing, not an actor: "attacks on
				 * commercial vessels" */
				if (a < 0 && el[k].kind == DIP_PE_TARGET && k == nel - 1 && k > 0 &&
					el[k - 1].kind != DIP_PE_LEMMA && el[k - 1].kind != DIP_PE_GAP)
				{
					pm->end = j;
					return true;
				}
				if (a < 0)
					return false;
				if (el[k].kind == DIP_PE_SOURCE)
					pm->src = a;
				else
					pm->tgt = a;
				/* the whole compound ("with X and Y"), else one actor
				 * ("between X and Y") */
				if (match_rest(sc, ac, nac, el, k + 1, nel, dip_actor_group_end(ac, nac, a), pm))
					return true;
				if (dip_actor_group_end(ac, nac, a) != ac[a].b &&
					match_rest(sc, ac, nac, el, k + 1, nel, ac[a].b, pm))
				{
					if (el[k].kind == DIP_PE_SOURCE)
						pm->src_single = true;
					else
						pm->tgt_single = true;
					return true;
				}
				if (el[k].kind == DIP_PE_SOURCE)
					pm->src = -1;
				else
					pm->tgt = -1;
				return false;
			}
		default:
			if (!elem_match(sc, &el[k], j))
				return false;
			pm->fixed++;
			if (match_rest(sc, ac, nac, el, k + 1, nel, j + 1, pm))
				return true;
			pm->fixed--;
			return false;
	}
}

/* A form of "be" (or "got") before a passive participle. */
static bool
is_be(const DipSentCtx *sc, const DipToken *t)
{
	return dip_tok_cue(sc, t, CUE_PASSIVE_AUX);
}

/* Negation shortly before the verb: not, n't, never, no longer. */
static bool
negated(const DipSentCtx *sc, uint32_t v)
{
	for (uint32_t i = v > 4 ? v - 4 : 0; i < v; i++)
	{
		const DipToken *t = &sc->t[i];

		if (dip_tok_cue(sc, t, CUE_NEGATION) ||
			(t->nlen > 3 && memcmp(t->norm + t->nlen - 3, "n't", 3) == 0))
			return true;
		if (DIP_TOK_IS(t, ",") || DIP_TOK_IS(t, ";"))
			return false;
	}
	return false;
}

/* Future or intention before the verb: will, plans to, is set to ... */
static bool
modal_future(const DipSentCtx *sc, uint32_t v)
{
	for (uint32_t i = v > 5 ? v - 5 : 0; i < v; i++)
	{
		const DipToken *t = &sc->t[i];

		if (dip_tok_cue(sc, t, CUE_FUTURE))
			return true;
		if (DIP_TOK_IS(t, ",") || DIP_TOK_IS(t, ";"))
			return false;
	}
	return false;
}

/*
 * A word of cue class cue within the window tokens before the verb at v,
 * in its clause; in lower case, unless it starts the sentence ("If").
 */
static bool
cue_before(const DipSentCtx *sc, uint32_t v, uint32_t cue, uint32_t window)
{
	for (uint32_t i = v; i > 0 && i + window > v; i--)
	{
		const DipToken *t = &sc->t[i - 1];

		if (DIP_TOK_IS(t, ",") || DIP_TOK_IS(t, ";") || DIP_TOK_IS(t, ":"))
			return false;
		if (dip_tok_cue(sc, t, cue) && ((t->flags & DIP_TF_LOWER) || i == 1))
			return true;
	}
	return false;
}

/* "must" shortly before the verb at v, in its clause: a demand, not an appeal. */
static bool
must_before(const DipSentCtx *sc, uint32_t v, uint32_t window)
{
	for (uint32_t i = v; i > 0 && i + window > v; i--)
	{
		const DipToken *t = &sc->t[i - 1];

		if (DIP_TOK_IS(t, ",") || DIP_TOK_IS(t, ";") || DIP_TOK_IS(t, ":"))
			return false;
		if (DIP_TOK_IS(t, "must"))
			return true;
	}
	return false;
}

/*
 * The appeal codes (CAMEO 02x) for asking someone to act: the first entry
 * whose code is a prefix of the action's code gives the appeal's code.
 */
static const struct
{
	const char *action;
	const char *appeal;
}			appeal_codes[] = {
	{"04", "026"}, {"05", "022"},
	{"061", "0211"}, {"062", "0212"}, {"063", "0213"}, {"064", "0214"}, {"06", "021"},
	{"071", "0231"}, {"072", "0232"}, {"073", "0233"}, {"074", "0234"}, {"07", "023"},
	{"081", "0251"}, {"082", "0252"}, {"084", "0253"}, {"085", "0254"}, {"086", "0255"},
	{"087", "0256"}, {"08", "025"},
};

/* Appeal code for asking someone to do action code; 020 if none fits. */
static int
appeal_code(int code)
{
	char		c[8];

	dip_cameo_unpack(code, c);
	for (size_t k = 0; k < sizeof(appeal_codes) / sizeof(appeal_codes[0]); k++)
		if (strncmp(c, appeal_codes[k].action, strlen(appeal_codes[k].action)) == 0)
			return dip_cameo_pack(appeal_codes[k].appeal, strlen(appeal_codes[k].appeal));
	return dip_cameo_pack("020", 3);
}

/*
 * Demand code (10x) for an appeal code (02x): CAMEO numbers the demands
 * as it numbers the appeals (0256 appeal to de-escalate, 1056 demand it).
 */
static int
demand_code(int appeal)
{
	char		c[8];

	dip_cameo_unpack(appeal, c);
	if (c[0] != '0' || c[1] != '2')
		return appeal;
	c[0] = '1';
	c[1] = '0';
	return dip_cameo_pack(c, strlen(c));
}

/*
 * The intent codes of planned actions (CAMEO 03x, 13x): the first entry
 * whose code is a prefix of the action's code gives the intent's code.
 */
static const struct
{
	const char *action;
	const char *intent;
}			intent_codes[] = {
	{"04", "036"}, {"05", "032"},
	{"061", "0311"}, {"062", "0312"}, {"06", "031"},
	{"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"07", "033"},
	{"08", "035"},
	{"163", "1312"}, {"16", "131"}, {"17", "137"},
	{"18", "138"}, {"19", "138"}, {"20", "138"},
};

/* Intent code for a future or planned action; the code itself if none. */
static int
intent_code(int code)
{
	char		c[8];

	dip_cameo_unpack(code, c);
	for (size_t k = 0; k < sizeof(intent_codes) / sizeof(intent_codes[0]); k++)
		if (strncmp(c, intent_codes[k].action, strlen(intent_codes[k].action)) == 0)
			return dip_cameo_pack(intent_codes[k].intent, strlen(intent_codes[k].intent));
	return code;
}

/* Keeps actor x for the events that name it; returns its reference. */
static int32_t
add_actor_ref(DipAnalysis *an, const DipActor *x)
{
	DipActorRef *r;

	DIP_ARRAY_PUSH(&an->arena, an->actors, an->nactors, an->actorcap, 32);
	r = &an->actors[an->nactors];
	r->entity = x->ent;
	memcpy(r->code, x->code, sizeof(r->code));
	r->name = dip_arena_strndup(&an->arena, x->name, x->namelen);
	r->namelen = x->namelen;
	return (int32_t) an->nactors++;
}

/*
 * Is the subject before verb v a person the text does not name ("A man",
 * "Unidentified gunmen")?  Not an earthquake or a storm.
 */
static bool
human_subject(const DipSentCtx *sc, uint32_t v)
{
	uint32_t	start = v > 8 ? v - 8 : 0;

	for (uint32_t i = v; i > start; i--)
		if (DIP_TOK_IS(&sc->t[i - 1], ",") || DIP_TOK_IS(&sc->t[i - 1], ";"))
		{
			start = i;
			break;
		}
	for (uint32_t i = start; i < v; i++)
		if (dip_cueof(sc, i) & CUE_UNNAMED_PERSON)
			return true;
	return false;
}

/*
 * True if the word before the will or would at token i is a pronoun, a
 * name or an actor's title ("said it would", "said the government will"),
 * someone who intends: in "said the complaint would be reviewed" no one
 * states an intention.
 */
static bool
intent_subject(const DipSentCtx *sc, uint32_t i)
{
	return i > 0 && ((dip_lexof(sc, i - 1) & LX_PRON) || sc->tok_mention[i - 1] >= 0 ||
					 sc->role_len[i - 1] > 0);
}

/*
 * "X said it was ready to ...", "said it would allow UN agencies ...": a
 * stated intention, which CAMEO codes as intent to cooperate (030) when
 * it is addressed to the political actor named after it (tgt, the token
 * where the addressee starts).  Not "said it will not", nor "said it will
 * cut costs" (no addressee after the intention).
 */
static bool
said_intent(const DipSentCtx *sc, uint32_t j, uint32_t tgt)
{
	uint32_t	end = j + 8 < sc->n ? j + 8 : sc->n;

	for (uint32_t i = j; i < end && i < tgt; i++)
	{
		const DipToken *t = &sc->t[i];

		if (DIP_TOK_IS(t, ",") || DIP_TOK_IS(t, ";") || dip_tok_cue(sc, t, CUE_NEGATION) ||
			(t->nlen > 3 && memcmp(t->norm + t->nlen - 3, "n't", 3) == 0))
			return false;
		if ((DIP_TOK_IS(t, "would") || DIP_TOK_IS(t, "will")) && i + 1 < sc->n &&
			!dip_tok_cue(sc, &sc->t[i + 1], CUE_NEGATION) && !DIP_TOK_IS(&sc->t[i + 1], "n't"))
			return intent_subject(sc, i);
		if (i + 1 < sc->n && DIP_TOK_IS(&sc->t[i + 1], "to") && dip_tok_cue(sc, t, CUE_INTENT_WORD))
			return true;
	}
	return false;
}

/*
 * The political standing of an actor, from its code: an actor with a
 * political role (government, military, police, courts, legislature,
 * parties, opposition, rebels, intelligence, international organisations,
 * NGOs, elites) or a state as a whole (a bare country or region) is
 * political; one with only a sector role (business, media, education,
 * health, labour, civilians, criminals...) is not.
 */
static const char *const political_roles[] = {
	"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "INS", "SEP", "SPY", "UAF",
	"IGO", "IMG", "UIS", "NGO", "NGM", "PKO", "ELI", "HRI"
};
static const char *const sector_roles[] = {
	"BUS", "MNC", "MED", "EDU", "HLH", "AGR", "LAB", "CVL", "CRM", "DEV", "ENV", "REF"
};

/* True if the 3-letter code c is one of the n codes of list. */
static bool
code_in(const char *c, const char *const *list, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (memcmp(c, list[k], 3) == 0)
			return true;
	return false;
}

#define NCODES(l) (sizeof(l) / sizeof((l)[0]))

/* True if the actor is political (see political_roles); false for none. */
static bool
political(const DipActor *x)
{
	bool		sector = false;
	size_t		len;

	if (x == NULL || !x->code[0])
		return false;
	len = strlen(x->code);
	for (size_t i = 0; i + 3 <= len; i += 3)
	{
		if (code_in(x->code + i, political_roles, NCODES(political_roles)))
			return true;
		if (code_in(x->code + i, sector_roles, NCODES(sector_roles)))
			sector = true;
	}
	return !sector;
}

/* True if the actor is a company or the media (BUS, MNC, MED). */
static bool
business_or_media(const DipActor *x)
{
	static const char *const roles[] = {"BUS", "MNC", "MED"};
	size_t		len = x ? strlen(x->code) : 0;

	for (size_t i = 0; i + 3 <= len; i += 3)
		if (code_in(x->code + i, roles, NCODES(roles)))
			return true;
	return false;
}

/*
 * True if the actor's code starts with a country, a region or an
 * international code: not a bare role ("GOV" for "officials").
 */
static bool
anchored(const DipActor *x)
{
	static const char *const bare[] = {
		"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "INS", "SEP", "SPY", "UAF",
		"ELI", "HRI", "BUS", "MED", "EDU", "HLH", "AGR", "LAB", "CVL", "CRM", "DEV", "ENV", "REF"
	};

	return x != NULL && strlen(x->code) >= 3 && !code_in(x->code, bare, NCODES(bare));
}

/* True if the actor is an organ of a state: government, military, police, intelligence. */
static bool
state_organ(const DipActor *x)
{
	static const char *const organs[] = {"GOV", "MIL", "COP", "SPY"};
	size_t		len = strlen(x->code);

	for (size_t i = 3; i + 3 <= len; i += 3)
		if (code_in(x->code + i, organs, NCODES(organs)))
			return true;
	return false;
}

/*
 * True if actor t can be what speaker s's statement is about or addressed
 * to: a political actor with a country (or an international one) other
 * than the speaker, its compound, its own state as a whole ("Biden said
 * the United States ...") or another organ of its state (the White House
 * on the US military); a parliament or the opposition may be.
 */
static bool
statement_addressee(const DipActor *s, const DipActor *t)
{
	if (t->group == s->group || !political(t) || !anchored(t) || strcmp(t->code, s->code) == 0)
		return false;
	if (t->ent >= 0 && t->ent == s->ent)
		return false;
	if (strncmp(t->code, s->code, 3) != 0)
		return true;
	/* the same country: not the state as a whole, nor another of its organs */
	return strlen(t->code) > 3 && !(state_organ(s) && state_organ(t));
}

/* True if the actor's code has the role. */
static bool
has_role(const DipActor *x, const char *role)
{
	return x != NULL && strstr(x->code, role) != NULL;
}

/*
 * How well an actor is known, for the confidence of its events: 1 for a
 * named actor with a country (or international), 0.9 for an agent noun
 * with one ("Chinese officials"), 0.7 for a bare role ("officials") or no
 * actor named (an unknown attacker); a pronoun's actor counts 0.85 of it.
 */
static double
actor_evidence(const DipActor *x)
{
	double		e;

	if (x == NULL)
		return 0.7;
	e = !anchored(x) ? 0.7 : (x->ent >= 0 && x->kind != DIP_KIND_NORP) ? 1.0 : 0.9;
	return x->pronoun ? 0.85 * e : e;
}

/* Rules that infer part of an event the text does not say outright. */
static const char *const inferring_rules[] = {
	"obligation", "statement_appeal", "statement_intent", "passive_unknown_attacker",
	"bombing_by_unknown", "unnamed_assailant", "gerund_main_subject", "copula_adjective"
};

/*
 * The confidence of an event, in [0, 1]: the product of the evidence of
 * its pattern (0.7 for a one-word pattern, 0.1 more per further fixed word
 * up to two, 0.1 more when a $ or + slot bound an actor; 0.6 for a bare
 * statement verb), of its source and target (actor_evidence; 0.9 without
 * a target), and of its reading (0.9 for an intention, 0.9 when a rule
 * inferred part of it), rounded to two decimals.
 */
static float
event_confidence(const Coding *c, const DipActor *src, const DipActor *tgt, bool modal,
				 bool bare)
{
	int			fixed = c->mt->specificity - (c->pat->has_target ? 1 : 0);
	double		p = 0.7 + 0.1 * (fixed > 3 ? 2 : fixed > 1 ? fixed - 1 : 0) +
		(c->mt->src_group >= 0 || c->mt->tgt_group >= 0 ? 0.1 : 0);
	double		conf;
	bool		inferred = false;

	if (bare)
		p = 0.6;
	for (int k = 0; k < c->nrules; k++)
		for (size_t q = 0; q < NCODES(inferring_rules); q++)
			if (strcmp(c->rules[k]->name, inferring_rules[q]) == 0)
				inferred = true;
	conf = (p > 1.0 ? 1.0 : p) * actor_evidence(src) * (tgt ? actor_evidence(tgt) : 0.9) *
		(modal ? 0.9 : 1.0) * (inferred ? 0.9 : 1.0);
	return (float) (floor(conf * 100.0 + 0.5) / 100.0);
}

/*
 * Adds the event code/src/tgt of coding c (its match and rules), unless it
 * lacks a source or repeats an event of the sentence.
 */
static void
emit_event(DipSentCtx *sc, const Coding *c, int code, const DipActor *src, const DipActor *tgt,
		   int32_t location, int32_t date, int prec, bool modal)
{
	DipAnalysis *an = sc->an;
	const Match *mt = c->mt;
	DipEvent   *ev;
	uint32_t	a = mt->a,
				b = mt->b;

	/* an event needs a source (or, for "X was attacked", a target);
	 * source and target must differ */
	if (src == NULL && (tgt == NULL || !tgt->code[0]))
		return;
	if (src != NULL && !src->code[0])
		return;
	if (src && tgt && ((tgt->ent >= 0 && tgt->ent == src->ent) ||
					   (tgt->ent < 0 && src->ent < 0 && strcmp(tgt->code, src->code) == 0)))
		return;
	/*
	 * The same event twice in a sentence counts once.  Events are added in
	 * sentence order, so the sentence's own are the last ones: looking back
	 * only that far keeps a long document linear.
	 */
	for (uint32_t k = an->nev; k > 0 && an->ev[k - 1].sentence == sc->sent->number; k--)
	{
		DipEvent   *o = &an->ev[k - 1];

		if (o->code == code &&
			((o->source < 0 && src == NULL) ||
			 (o->source >= 0 && src && strcmp(an->actors[o->source].code, src->code) == 0)) &&
			((o->target < 0 && tgt == NULL) ||
			 (o->target >= 0 && tgt && an->actors[o->target].entity == tgt->ent &&
			  strcmp(an->actors[o->target].code, tgt->code) == 0)))
			return;
	}
	DIP_ARRAY_PUSH(&an->arena, an->ev, an->nev, an->evcap, 16);
	ev = &an->ev[an->nev++];
	memset(ev, 0, sizeof(*ev));
	ev->code = (int16_t) code;
	ev->source = src ? add_actor_ref(an, src) : -1;
	ev->target = tgt ? add_actor_ref(an, tgt) : -1;
	ev->sentence = sc->sent->number;
	/* the clause: from the first to the last word involved */
	if (src && !src->pronoun && src->a < a)
		a = src->a;
	if (tgt && !tgt->pronoun && tgt->b > b)
		b = tgt->b;
	ev->start = sc->t[a].start;
	ev->len = sc->t[b - 1].start + sc->t[b - 1].len - sc->t[a].start;
	ev->cstart = sc->t[a].cstart;
	ev->clen = sc->t[b - 1].cstart + sc->t[b - 1].clen - sc->t[a].cstart;
	ev->anchor_cstart = sc->t[mt->a].cstart;
	ev->anchor_clen = sc->t[mt->anchor_b - 1].cstart + sc->t[mt->anchor_b - 1].clen -
		sc->t[mt->a].cstart;
	ev->location = location;
	ev->date = date;
	ev->date_precision = (uint8_t) prec;
	ev->modality = modal ? 1 : 0;
	ev->pattern = mt->pattern;
	ev->nrules = (uint8_t) c->nrules;
	memcpy(ev->rules, c->rules, c->nrules * sizeof(c->rules[0]));
	ev->bare_statement = c->bare ? 1 : 0;
	ev->confidence = event_confidence(c, src, tgt, modal, c->bare);
}

/* "in Washington", "at Camp David": a place in the sentence. */
static int32_t
find_location(const DipSentCtx *sc)
{
	const DipAnalysis *an = sc->an;

	for (uint32_t i = 1; i < sc->n; i++)
	{
		int32_t		mi = sc->tok_mention[i];

		if (mi < 0 || sc->tok_mention[i - 1] == mi)
			continue;
		if ((an->m[mi].kind == DIP_KIND_GPE || an->m[mi].kind == DIP_KIND_LOC) &&
			(DIP_TOK_IS(&sc->t[i - 1], "in") || DIP_TOK_IS(&sc->t[i - 1], "at") ||
			 (i > 1 && DIP_TOK_IS(&sc->t[i - 1], "the") &&
			  (DIP_TOK_IS(&sc->t[i - 2], "in") || DIP_TOK_IS(&sc->t[i - 2], "at")))))
			return an->m[mi].entity;
	}
	return -1;
}

/* Codes whose compound subject acts on itself: "X and Y met". */
static bool
reciprocal(int code)
{
	int			r = dip_cameo_root(code);

	return r == dip_cameo_pack("03", 2) || r == dip_cameo_pack("04", 2) ||
		dip_cameo_within(code, dip_cameo_pack("050", 3)) ||
		dip_cameo_within(code, dip_cameo_pack("057", 3)) ||
		dip_cameo_within(code, dip_cameo_pack("054", 3)) || r == dip_cameo_pack("06", 2) ||
		dip_cameo_within(code, dip_cameo_pack("0841", 4)) ||
		dip_cameo_within(code, dip_cameo_pack("190", 3)) ||
		dip_cameo_within(code, dip_cameo_pack("0871", 4));
}

/* Matches by start, most specific and longest first. */
static int
cmp_match(const void *x, const void *y)
{
	const Match *a = x,
			   *b = y;
	uint32_t	la = a->b - a->a,
				lb = b->b - b->a;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	if (a->specificity != b->specificity)
		return a->specificity > b->specificity ? -1 : 1;
	return la > lb ? -1 : (la < lb);
}

/* ------------------------------------------------------------------------
 * Coding a match: the rules
 * ------------------------------------------------------------------------
 */

/*
 * A rule of the event coder looks at the match being coded; when it
 * applies it notes itself and changes the coding (source, target, code,
 * place) or codes events itself.  It returns true when the match is done
 * (coded, or dropped), false to go on with the next rule.
 */
typedef struct EventRule
{
	DipRule		rule;
	bool		(*apply) (DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self);
} EventRule;

/* Notes that rule r shaped the coding. */
static void
note_rule(Coding *c, const DipRule *r)
{
	for (int k = 0; k < c->nrules; k++)
		if (c->rules[k] == r)
			return;
	if (c->nrules < DIP_EVENT_RULES)
		c->rules[c->nrules++] = r;
}

/* Actor i of the sentence, or NULL for -1. */
static const DipActor *
actor(const EventSentence *es, int i)
{
	return i >= 0 ? &es->ac[i] : NULL;
}

/*
 * True if the pattern does not start with a {verb}: a noun ("attacks on
 * +"), or words written out ("met|meets|meet").
 */
static bool
word_pattern(const DipSentCtx *sc, const Coding *c)
{
	return sc->an->dict->pelems[c->pat->elem_first].kind != DIP_PE_LEMMA;
}

/* True if token i ends a clause for dates: a comma, ";", ":" or a quote. */
static bool
date_boundary(const DipSentCtx *sc, uint32_t i)
{
	return DIP_TOK_IS(&sc->t[i], ",") || DIP_TOK_IS(&sc->t[i], ";") || DIP_TOK_IS(&sc->t[i], ":") ||
		(sc->t[i].flags & (DIP_TF_OPENQ | DIP_TF_CLOSEQ));
}

/*
 * True if the sentence's date expression k can be the day of the event of
 * the words [a, b): a date of an event, or a possessive right before them
 * ("Monday's strike on").
 */
static bool
event_day(const DipSentCtx *sc, const EventSentence *es, int k, uint32_t a)
{
	const DipDateExpr *de = &es->dates[k];

	return dip_date_dates_event(sc->an->dict, sc->t, sc->n, de) ||
		(de->b < sc->n && sc->t[de->b].type == DIP_TOK_CLITIC && de->b + 1 <= a && a <= de->b + 3 &&
		 (de->a == 0 || !(dip_cueof(sc, de->a - 1) & CUE_DATE_PERIOD)));
}

/*
 * True if the sentence's date expression k is in a relative clause (",
 * who took up her post in September"): it dates what the clause says of a
 * noun, not an event of the main clause.
 */
static bool
relative_clause_date(const DipSentCtx *sc, const EventSentence *es, int k)
{
	uint32_t	i = es->dates[k].a;

	while (i > 0 && !date_boundary(sc, i - 1))
		i--;
	return i > 0 && i < sc->n && DIP_TOK_IS(&sc->t[i - 1], ",") &&
		(DIP_TOK_IS(&sc->t[i], "who") || DIP_TOK_IS(&sc->t[i], "which") ||
		 DIP_TOK_IS(&sc->t[i], "whose") || DIP_TOK_IS(&sc->t[i], "whom"));
}

/*
 * The date expression of the clause of the words [a, b): the nearest one
 * that can date an event, between the clause boundaries around them; with
 * near, only a day or a week within eight words before them ("on Monday
 * said") or three after ("said on Monday", "said late on Monday"), not
 * past "that": in "said the complaint would be reviewed later this year"
 * the date is the review's, not the statement's.  -1 if none.
 */
static int
clause_date(const DipSentCtx *sc, const EventSentence *es, uint32_t a, uint32_t b, bool near)
{
	uint32_t	lo = a,
				hi = b;
	int			best = -1;
	uint32_t	bestd = UINT32_MAX;

	while (lo > 0 && !date_boundary(sc, lo - 1) && (!near || lo + 8 > a))
		lo--;
	while (hi < sc->n && !date_boundary(sc, hi) && (!near || hi < b + 8) &&
		   !(near && DIP_TOK_IS(&sc->t[hi], "that")))
		hi++;
	for (int k = 0; k < es->ndates; k++)
	{
		const DipDateExpr *de = &es->dates[k];
		uint32_t	d = de->a >= b ? de->a - b : (de->b <= a ? a - de->b : 0);

		if (near && (de->prec > DIP_PREC_WEEK || (de->a >= b && de->a > b + 3)))
			continue;
		if (de->a >= lo && de->b <= hi && event_day(sc, es, k, a) && d < bestd)
		{
			best = k;
			bestd = d;
		}
	}
	return best;
}

/*
 * The day of a statement (match m): a date expression next to its verb
 * ("said on Monday", "on Monday said"), else the publication date.
 */
static void
statement_date(const DipSentCtx *sc, const EventSentence *es, const Match *m, int32_t *date,
			   int *prec)
{
	int			k = clause_date(sc, es, m->a, m->b, true);

	*date = k >= 0 ? es->dates[k].date : sc->an->published;
	*prec = k >= 0 ? es->dates[k].prec : DIP_PREC_DAY;
}

/*
 * The day of an event the rules code themselves (no intention): the date
 * expression of its clause, else one of the sentence, else publication.
 */
static void
plain_date(const DipSentCtx *sc, const EventSentence *es, const Match *m, int32_t *date, int *prec)
{
	int			k = clause_date(sc, es, m->a, m->b, false);

	for (int q = 0; q < es->ndates && k < 0; q++)
		if (event_day(sc, es, q, m->a))
			k = q;
	*date = k >= 0 ? es->dates[k].date : sc->an->published;
	*prec = k >= 0 ? es->dates[k].prec : DIP_PREC_DAY;
}

/* A no-event pattern (---) wins its overlap and codes nothing. */
static bool
no_event_pattern(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	return c->code == DIP_PATTERN_NO_EVENT;
}

/* "did not meet", "never attacked": negation before the verb drops the match. */
static bool
negation(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	return negated(sc, c->mt->a);
}

/*
 * "could meet", "if X attacks Y", "may visit": what may happen has not;
 * CAMEO codes no event.
 */
static bool
conditional(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	return cue_before(sc, c->mt->a, CUE_CONDITIONAL, 5);
}

/*
 * "interest in buying", "accused X of attacking", "talks on lifting": a
 * gerund at token a after a preposition names an act, it does not report
 * one; after one of time or means ("after meeting", "by attacking") it
 * does.
 */
static bool
nominal_gerund_at(const DipSentCtx *sc, uint32_t a)
{
	const DipToken *p;

	if (a == 0 || !sc->t[a].wid || !(sc->an->dict->words[sc->t[a].wid].vforms & DIP_VF_GER))
		return false;
	p = &sc->t[a - 1];
	return (dip_lexof(sc, a - 1) & LX_PREP) && !DIP_TOK_IS(p, "after") && !DIP_TOK_IS(p, "before") &&
		!DIP_TOK_IS(p, "since") && !DIP_TOK_IS(p, "by") && !DIP_TOK_IS(p, "upon") &&
		!DIP_TOK_IS(p, "during") && !DIP_TOK_IS(p, "while");
}

/*
 * "the only Arab states to have signed", "the first leader to have
 * visited": a perfect infinitive after only, first or last tells who once
 * did something, as background; no event of the article.
 */
static bool
background_perfect(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	uint32_t	a = c->mt->a;

	if (a < 3 || !DIP_TOK_IS(&sc->t[a - 1], "have") || !DIP_TOK_IS(&sc->t[a - 2], "to"))
		return false;
	for (uint32_t i = a - 2; i > 0 && i + 8 > a; i--)
	{
		const DipToken *t = &sc->t[i - 1];

		if (DIP_TOK_IS(t, "only") || DIP_TOK_IS(t, "first") || DIP_TOK_IS(t, "last"))
			return true;
		if (date_boundary(sc, i - 1))
			break;
	}
	return false;
}

/* The rule: a nominal gerund, or one coordinated with it ("for ending X and freeing Y"). */
static bool
nominal_gerund(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	uint32_t	a = c->mt->a;

	if (word_pattern(sc, c) || !sc->t[a].wid ||
		!(sc->an->dict->words[sc->t[a].wid].vforms & DIP_VF_GER))
		return false;
	if (nominal_gerund_at(sc, a))
		return true;
	if (a == 0 || !(DIP_TOK_IS(&sc->t[a - 1], "and") || DIP_TOK_IS(&sc->t[a - 1], "or")))
		return false;
	/* the gerund this one is coordinated with, in the clause */
	for (uint32_t i = a - 1; i > 0; i--)
	{
		if (DIP_TOK_IS(&sc->t[i - 1], ",") || DIP_TOK_IS(&sc->t[i - 1], ";"))
			return false;
		if (sc->t[i - 1].wid && (sc->an->dict->words[sc->t[i - 1].wid].vforms & DIP_VF_GER))
			return nominal_gerund_at(sc, i - 1);
	}
	return false;
}

/* The sentence's statement verb match ("X said"), or -1. */
static int
statement_match(const DipSentCtx *sc, const EventSentence *es)
{
	const DipDict *d = sc->an->dict;

	for (int k = 0; k < es->nmt; k++)
	{
		const DipPattern *pat = &d->patterns[es->mt[k].pattern];

		if (!es->mt[k].dropped && pat->code == dip_cameo_pack("010", 3) && pat->nelem <= 2 &&
			!pat->has_target)
			return k;
	}
	return -1;
}

/*
 * "Israel must end the attacks, X said": what the speaker says another
 * must do is the speaker's demand to it (10x), what it should do an
 * appeal (02x), from the action's code; without a speaker, no event.
 */
static bool
obligation(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	int			say,
				src,
				tgt;
	int32_t		date;
	int			prec;

	if (!cue_before(sc, c->mt->a, CUE_OBLIGATION, 4))
		return false;
	note_rule(c, self);
	say = statement_match(sc, es);
	if (say < 0 || (src = statement_speaker(sc, es, &es->mt[say])) < 0 || !political(&es->ac[src]))
		return true;
	tgt = c->mt->src_group >= 0 ? c->mt->src_group :
		dip_actor_subject(sc, es->ac, es->nac, c->mt->a);
	if (tgt < 0 || es->ac[tgt].group == es->ac[src].group || !political(&es->ac[tgt]))
		return true;
	c->code = appeal_code(c->code);
	if (must_before(sc, c->mt->a, 4))
		c->code = demand_code(c->code);
	statement_date(sc, es, &es->mt[say], &date, &prec);
	emit_event(sc, c, c->code, &es->ac[src], &es->ac[tgt], c->location, date, prec, false);
	return true;
}

/* A bare statement verb ("X said") is coded only when nothing else happens. */
static bool
bare_statement(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	if (dip_cameo_root(c->code) != dip_cameo_pack("01", 2) || c->pat->nelem > 2 ||
		c->pat->has_target)
		return false;
	es->say = (int) (c->mt - es->mt);
	return true;
}

/* The pattern's $ and + slots bound to actors. */
static bool
pattern_slots(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	c->src = c->mt->src_group;
	c->tgt = c->mt->tgt_group;
	if (c->src >= 0 || c->tgt >= 0)
		note_rule(c, self);
	return false;
}

/* True if token i is a past participle. */
static bool
participle(const DipSentCtx *sc, uint32_t i)
{
	return i < sc->n && sc->t[i].wid && (sc->an->dict->words[sc->t[i].wid].vforms & DIP_VF_PART);
}

/* A form of "be" right before token v, or one word before: "was (also) shot". */
static bool
be_before(const DipSentCtx *sc, uint32_t v)
{
	return v > 0 && (is_be(sc, &sc->t[v - 1]) || (v > 1 && is_be(sc, &sc->t[v - 2])));
}

/* Armed actors, which attack rather than fall victim in "X attacked in ...". */
static bool
armed(const DipActor *x)
{
	static const char *const roles[] = {"MIL", "REB", "INS", "SEP", "UAF", "COP", "IMG", "SPY"};
	size_t		len = strlen(x->code);

	for (size_t i = 0; i + 3 <= len; i += 3)
		if (code_in(x->code + i, roles, NCODES(roles)))
			return true;
	return false;
}

/*
 * The actor a reduced relative clause at token a is about: the people or
 * the group named right before it ("civilians", "three journalists",
 * "an American aid worker", "Robert Fico"), not a state or an
 * organisation; -1 if none.
 */
static int
relative_victim(const EventSentence *es, uint32_t a)
{
	for (int q = 0; q < es->nac; q++)
		if (es->ac[q].b == a && !es->ac[q].pronoun &&
			(es->ac[q].ent < 0 || es->ac[q].agent || es->ac[q].kind == DIP_KIND_PER ||
			 es->ac[q].kind == DIP_KIND_NORP))
			return q;
	return -1;
}

/*
 * "civilians killed in the airstrikes", "journalists detained during the
 * protest": a participle of coercion or violence (17-20) right after its
 * victim (people or a group, not a state), not after "be", followed by a
 * preposition of place or time, a comma or the end: a passive without
 * "be" (a reduced relative clause).  After an armed actor only a killing
 * reads so ("rebels attacked at dawn" is active).
 */
static bool
reduced_relative(const DipSentCtx *sc, const EventSentence *es, uint32_t a, int code)
{
	int			root = dip_cameo_root(code);
	int			victim = -1;
	uint32_t	after = a + 1;

	if (a == 0 || !participle(sc, a) || be_before(sc, a) ||
		root < dip_cameo_pack("17", 2) || root > dip_cameo_pack("20", 2))
		return false;
	if (after < sc->n && !(sc->t[after].type == DIP_TOK_PUNCT ||
						   dip_tok_cue(sc, &sc->t[after], CUE_ADJUNCT_PREP)))
		return false;
	victim = relative_victim(es, a);
	if (victim < 0)
		return false;
	return !armed(&es->ac[victim]) || dip_tok_cue(sc, &sc->t[a], CUE_FATAL);
}

/*
 * A passive verb: "was visited", "had been shot", or a reduced relative
 * ("civilians killed in the strikes").
 */
static bool
passive_form(const DipSentCtx *sc, const EventSentence *es, const Coding *c)
{
	const Match *m = c->mt;

	return c->src < 0 && m->a > 0 &&
		((be_before(sc, m->a) && participle(sc, m->a)) ||
		 reduced_relative(sc, es, m->a, c->code));
}

/* The agent of a passive: the actor after "by" within five words, or -1. */
static int
passive_agent(const DipSentCtx *sc, EventSentence *es, const Coding *c)
{
	for (uint32_t j = c->mt->b; j < sc->n && j < c->mt->b + 5; j++)
	{
		if (DIP_TOK_IS(&sc->t[j], ",") || DIP_TOK_IS(&sc->t[j], ";"))
			return -1;
		if (DIP_TOK_IS(&sc->t[j], "by"))
			return dip_actor_at(sc, es->ac, es->nac, j + 1);
	}
	return -1;
}

/* The subject of a passive: the victim of a reduced relative, else the clause subject. */
static int
passive_subject(const DipSentCtx *sc, EventSentence *es, const Coding *c)
{
	if (!be_before(sc, c->mt->a))
	{
		int			v = relative_victim(es, c->mt->a);

		if (v >= 0)
			return v;
	}
	return dip_actor_subject(sc, es->ac, es->nac, c->mt->a);
}

/* "was visited (on Monday) by X": the agent is the source, the subject the target. */
static bool
passive_by(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	int			by;

	if (!passive_form(sc, es, c) || (by = passive_agent(sc, es, c)) < 0)
		return false;
	if (c->tgt < 0)
		c->tgt = passive_subject(sc, es, c);
	c->passive = true;
	c->src = by;
	note_rule(c, self);
	return false;
}

static const EventRule violence_rules[];
static void apply_violence(DipSentCtx *sc, EventSentence *es, Coding *c);

/*
 * "Fico was shot": a violent passive without an agent is an attack by
 * someone unknown on the subject, one event per member of a compound.
 */
static bool
passive_unknown_attacker(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	int			tgt;
	int			t0;
	int32_t		date;
	int			prec;

	if (!passive_form(sc, es, c) || passive_agent(sc, es, c) >= 0)
		return false;
	tgt = c->tgt >= 0 ? c->tgt : passive_subject(sc, es, c);
	if (tgt < 0 || dip_cameo_info(c->code)->quad_class < 3)
		return false;
	note_rule(c, self);
	plain_date(sc, es, c->mt, &date, &prec);
	t0 = tgt;
	while (t0 > 0 && es->ac[t0 - 1].group == es->ac[tgt].group)
		t0--;
	for (int t = t0; t < es->nac && es->ac[t].group == es->ac[tgt].group; t++)
	{
		Coding		cm = *c;

		cm.src = -1;
		cm.tgt = t;
		apply_violence(sc, es, &cm);
		emit_event(sc, &cm, cm.code, NULL, &es->ac[t], c->location, date, prec, false);
	}
	return true;
}

/* A passive without an agent that is no attack: the subject is the target. */
static bool
passive_subject_target(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	if (!passive_form(sc, es, c))
		return false;
	if (c->tgt < 0)
	{
		c->tgt = passive_subject(sc, es, c);
		note_rule(c, self);
	}
	return false;
}

/* Drops the later matches that start right after match m (and are verbs, if verbs_only). */
static void
drop_matches_after(const DipSentCtx *sc, EventSentence *es, const Match *m, bool verbs_only)
{
	const DipDict *d = sc->an->dict;

	for (int q = (int) (m - es->mt) + 1; q < es->nmt; q++)
		if (es->mt[q].a == m->b &&
			(!verbs_only || d->pelems[d->patterns[es->mt[q].pattern].elem_first].kind == DIP_PE_LEMMA))
			es->mt[q].dropped = true;
}

/*
 * "X is deeply concerned about Y", "X was optimistic that": an adjective
 * pattern after a form of "be" (adverbs between) has the clause subject
 * as its source, as a verb would.
 */
static bool
copula_adjective(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	uint32_t	i = c->mt->a;

	if (c->src >= 0 || !word_pattern(sc, c) || !(dip_lexof(sc, i) & LX_ADJ))
		return false;
	while (i > 0 && (dip_lexof(sc, i - 1) & LX_ADV) && !is_be(sc, &sc->t[i - 1]))
		i--;
	if (i == 0 || !is_be(sc, &sc->t[i - 1]))
		return false;
	c->src = dip_actor_subject(sc, es->ac, es->nac, i - 1);
	if (c->src >= 0)
		note_rule(c, self);
	return false;
}

/*
 * "Houthi attacks on ...", "Russia's invasion": the actor right before a
 * pattern that does not start with a {verb} is its source; a verb right
 * after ("a U.S. drone strike killed X") is the same event.
 */
static bool
source_before_pattern(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	if (c->src >= 0 || !word_pattern(sc, c))
		return false;
	for (int q = 0; q < es->nac; q++)
		if (es->ac[q].b <= c->mt->a && c->mt->a - es->ac[q].b <= 1 &&
			(es->ac[q].b == c->mt->a || sc->t[es->ac[q].b].type == DIP_TOK_CLITIC))
			c->src = q;
	if (c->src < 0)
		return false;
	note_rule(c, self);
	drop_matches_after(sc, es, c->mt, true);
	return false;
}

/*
 * "A roadside bomb hit a military patrol": a bombing noun followed by a
 * verb, without an actor before it, is a bombing by someone unknown of
 * what the blast hit; the verb is the same event.
 */
static bool
bombing_by_unknown(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	const DipDict *d = sc->an->dict;
	const Match *m = c->mt;
	int			tgt;
	int32_t		date;
	int			prec;

	if (c->src >= 0 || !word_pattern(sc, c) || c->tgt >= 0 ||
		dip_cameo_root(c->code) != dip_cameo_pack("18", 2) || m->b >= sc->n ||
		!sc->t[m->b].wid || !(d->words[sc->t[m->b].wid].vforms & (DIP_VF_PAST | DIP_VF_3SG)))
		return false;
	tgt = dip_actor_object(sc, es->ac, es->nac, m->b + 1, 3);
	if (tgt >= 0 && es->ac[tgt].code[0])
	{
		note_rule(c, self);
		plain_date(sc, es, c->mt, &date, &prec);
		emit_event(sc, c, c->code, NULL, &es->ac[tgt], c->location, date, prec, false);
		drop_matches_after(sc, es, m, false);
	}
	return true;
}

/* A pattern not starting with a {verb} and no actor right before it: nothing. */
static bool
nothing_before_pattern(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	return c->src < 0 && word_pattern(sc, c);
}

/* ", killing X": a participle after a comma has the main clause's subject. */
static bool
gerund_main_subject(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	const Match *m = c->mt;

	if (c->src >= 0 || m->a == 0 || !DIP_TOK_IS(&sc->t[m->a - 1], ",") || !sc->t[m->a].wid ||
		!(sc->an->dict->words[sc->t[m->a].wid].vforms & DIP_VF_GER))
		return false;
	for (int q = 0; q < es->nac && es->ac[q].b <= m->a; q++)
		if (!dip_actor_governed(sc, &es->ac[q]))
		{
			c->src = q;
			note_rule(c, self);
			break;
		}
	return false;
}

/*
 * The verb pattern match that the verb of match m is coordinated with
 * ("X accused Y of Z and called for ...": the verb right after "and" or
 * "but", adverbs between), in the same clause; NULL if none.
 */
static const Match *
coordinated_match(const DipSentCtx *sc, const EventSentence *es, const Match *m)
{
	const DipDict *d = sc->an->dict;
	uint32_t	i = m->a;
	const Match *prev = NULL;

	while (i > 0 && (dip_lexof(sc, i - 1) & LX_ADV) && !(dip_lexof(sc, i - 1) & LX_CONJ))
		i--;
	if (i == 0 || !(DIP_TOK_IS(&sc->t[i - 1], "and") || DIP_TOK_IS(&sc->t[i - 1], "but")))
		return NULL;
	for (int k = 0; k < es->nmt; k++)
		if (es->mt[k].b < i && es->mt[k].a < m->a &&
			d->pelems[d->patterns[es->mt[k].pattern].elem_first].kind == DIP_PE_LEMMA &&
			(prev == NULL || es->mt[k].a > prev->a))
			prev = &es->mt[k];
	for (uint32_t j = prev ? prev->b : i; j < i; j++)
		if (DIP_TOK_IS(&sc->t[j], ";") || DIP_TOK_IS(&sc->t[j], ":"))
			return NULL;
	return prev;
}

/*
 * "Australia accused the U.S. of protectionism and called for ...": a verb
 * right after "and" or "but" shares the subject of the verb pattern coded
 * before it in the sentence.
 */
static bool
coordinated_subject(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	const Match *prev;

	if (c->src >= 0 || word_pattern(sc, c) || (prev = coordinated_match(sc, es, c->mt)) == NULL)
		return false;
	c->src = dip_actor_subject(sc, es->ac, es->nac, prev->a);
	if (c->src >= 0)
		note_rule(c, self);
	return false;
}

/* The source is the subject: the nearest actor before the verb in its clause. */
static bool
clause_subject(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	if (c->src >= 0)
		return false;
	c->src = dip_actor_subject(sc, es->ac, es->nac, c->mt->a);
	if (c->src >= 0)
		note_rule(c, self);
	return false;
}

/* A possessive pronoun (its, his, her, their): not an object. */
static bool
possessive_pronoun(const DipSentCtx *sc, const DipActor *x)
{
	const DipToken *t = &sc->t[x->a];

	return x->pronoun && (DIP_TOK_IS(t, "its") || DIP_TOK_IS(t, "his") || DIP_TOK_IS(t, "her") ||
						  DIP_TOK_IS(t, "their"));
}

/*
 * An actor followed by a common noun is its modifier, not an actor of the
 * event: "meet Canadian government tests", "support the U.S. dollar",
 * "government securities".  Only after a determiner or for an agent noun
 * phrase: "gave Ukraine weapons" names the recipient.
 */
static bool
modifier_actor(const DipSentCtx *sc, const DipActor *x)
{
	uint32_t	i = x->b;
	uint32_t	lx;

	if (x->pronoun || i >= sc->n || sc->t[i].type != DIP_TOK_WORD ||
		!(sc->t[i].flags & DIP_TF_LOWER) || sc->tok_mention[i] >= 0 || sc->role_len[i] > 0 ||
		(dip_cueof(sc, i) & (CUE_DATE_DAY | CUE_DATE_DIRECTION)))
		return false;
	lx = dip_lexof(sc, i);
	if (!(lx & LX_NOUN) || (lx & (LX_PREP | LX_ADV | LX_FUNCTION)))
		return false;
	return x->ent < 0 || x->kind == DIP_KIND_NORP || (x->a > 0 && (dip_lexof(sc, x->a - 1) & LX_DET));
}

/* An actor that cannot be an object: a possessive pronoun or a modifier. */
static bool
not_an_object(const DipSentCtx *sc, const DipActor *x)
{
	return possessive_pronoun(sc, x) || modifier_actor(sc, x);
}

/*
 * A material act on a thing is an act on its owner: in "escort Kuwaiti
 * tankers", "seized Vietnamese fishing boats" the nationality before the
 * object's noun, within four words of the verb and of a country other
 * than the source's, is the target (a new actor); -1 if none, or for a
 * verbal code.
 */
static int
owner_of_object(DipSentCtx *sc, EventSentence *es, const Coding *c)
{
	const DipActor *src = actor(es, c->src);
	int			quad = dip_cameo_info(c->code)->quad_class;
	uint32_t	end = c->mt->b + 4 < sc->n ? c->mt->b + 4 : sc->n;

	if (src == NULL || !anchored(src) || (quad != 2 && quad != 4) || es->nac >= DIP_MAX_ACTORS)
		return -1;
	for (uint32_t i = c->mt->anchor_b; i < end; i++)
	{
		int32_t		mi = sc->tok_mention[i];
		const DipMention *m;
		const DipEnt *e;
		DipActor   *x;
		uint32_t	j = i;
		int			g = 0;

		if (i >= c->mt->b && sc->t[i].type == DIP_TOK_PUNCT)
			return -1;
		if (mi < 0)
			continue;
		m = &sc->an->m[mi];
		e = &sc->an->ents[m->entity];
		if (m->kind != DIP_KIND_NORP || strlen(e->country) != 3 ||
			strncmp(e->country, src->code, 3) == 0)
			continue;
		while (j < sc->n && sc->tok_mention[j] == mi)
			j++;
		if (j >= sc->n || !(sc->t[j].flags & DIP_TF_LOWER))
			return -1;
		for (int q = 0; q < es->nac; q++)
			if (es->ac[q].group >= g)
				g = es->ac[q].group + 1;
		x = &es->ac[es->nac];
		memset(x, 0, sizeof(*x));
		x->a = i;
		x->b = j;
		x->ent = m->entity;
		x->kind = DIP_KIND_NORP;
		x->group = g;
		x->ante = -1;
		memcpy(x->code, e->country, 4);
		x->name = e->name;
		x->namelen = e->namelen;
		x->country_from = DIP_AC_TEXT;
		return es->nac++;
	}
	return -1;
}

/*
 * The first actor from token j within maxdist tokens and the clause that
 * is not a possessive pronoun ("released its results") nor a modifier of a
 * noun, or -1.
 */
static int
object_from(const DipSentCtx *sc, EventSentence *es, uint32_t j, uint32_t maxdist)
{
	uint32_t	end = j + maxdist;
	int			q;

	while ((q = dip_actor_object(sc, es->ac, es->nac, j, end - j)) >= 0 &&
		   not_an_object(sc, &es->ac[q]) && es->ac[q].b < end)
		j = es->ac[q].b;
	return q >= 0 && not_an_object(sc, &es->ac[q]) ? -1 : q;
}

/*
 * The target is the first actor after the pattern in its clause, else an
 * actor the pattern's gap passed over ("convicted two al-Shabaab members
 * of", "helped Ukraine rebuild") or that ends it ("met his Turkish
 * counterpart"); possessive pronouns and modifiers of a
 * noun ("the U.S. dollar") are not objects.
 */
static bool
first_object(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	const Match *m = c->mt;

	if (c->tgt >= 0 || c->passive)
		return false;
	c->tgt = object_from(sc, es, m->b, c->pat->has_target ? 3 : 10);
	for (int q = 0; q < es->nac && c->tgt < 0; q++)
		if (es->ac[q].a >= m->anchor_b && es->ac[q].b <= m->b && !es->ac[q].pronoun &&
			!modifier_actor(sc, &es->ac[q]))
			c->tgt = q;
	if (c->tgt < 0)
		c->tgt = owner_of_object(sc, es, c);
	if (c->tgt >= 0)
		note_rule(c, self);
	return false;
}

/*
 * "A man assaulted the prime minister": violence against a known target
 * by someone the text does not name.
 */
static bool
unnamed_assailant(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	int32_t		date;
	int			prec;

	if (c->src >= 0 || c->tgt < 0 || !es->ac[c->tgt].code[0] ||
		dip_cameo_info(c->code)->quad_class != 4 || word_pattern(sc, c) ||
		!human_subject(sc, c->mt->a))
		return false;
	note_rule(c, self);
	apply_violence(sc, es, c);
	plain_date(sc, es, c->mt, &date, &prec);
	emit_event(sc, c, c->code, NULL, &es->ac[c->tgt], c->location, date, prec, false);
	return true;
}

/* Without a source, nothing is coded. */
static bool
no_source(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	return c->src < 0;
}

/*
 * The rules that find who did it to whom, tried in order; the last ones
 * drop a match nobody did.
 */
static const EventRule actor_rules[] = {
	{{"no_event_pattern", "a no-event pattern (code ---: meet the tests, cut back) wins its overlap and codes nothing"}, no_event_pattern},
	{{"negation", "not, never, n't, failed to, without, no plans to shortly before the verb: no event"}, negation},
	{{"conditional", "could, might, may, if, unless, whether shortly before the verb: what may happen has not, no event"}, conditional},
	{{"nominal_gerund", "a gerund after a preposition other than of time or means (interest in buying, accused X of attacking): no event"}, nominal_gerund},
	{{"background_perfect", "a perfect infinitive after only, first, last (the only states to have signed): background, no event"}, background_perfect},
	{{"obligation", "must, should, ought to before the verb: the speaker's demand (10x, must) or appeal (02x) to the subject (X said Israel must end attacks), else no event"}, obligation},
	{{"bare_statement", "a bare statement verb (X said) is coded only when nothing else happens in the sentence"}, bare_statement},
	{{"pattern_slots", "the pattern's $ source and + target slots bound to actors"}, pattern_slots},
	{{"passive_by", "a passive with by (was visited by X): the agent is the source, the subject the target"}, passive_by},
	{{"passive_unknown_attacker", "a violent passive without an agent (Fico was shot; civilians killed in the strikes, a passive without be): an attack on the subject by someone unknown"}, passive_unknown_attacker},
	{{"passive_subject_target", "a passive without an agent: the subject is the target"}, passive_subject_target},
	{{"copula_adjective", "an adjective pattern after a form of be (X is concerned about Y, X was optimistic that): the clause subject is the source"}, copula_adjective},
	{{"source_before_pattern", "a pattern not starting with a {verb} (attacks on +, met|meets): the actor right before it is the source (Houthi attacks, Russia's invasion)"}, source_before_pattern},
	{{"bombing_by_unknown", "a bombing noun before a verb, no actor before it (a roadside bomb hit X): a bombing by someone unknown"}, bombing_by_unknown},
	{{"nothing_before_pattern", "a pattern not starting with a {verb} and no actor right before it: no event"}, nothing_before_pattern},
	{{"gerund_main_subject", "a participle after a comma (, killing X) has the subject of the main clause"}, gerund_main_subject},
	{{"coordinated_subject", "a verb right after and, but (X accused Y of Z and called for ...) shares the subject of the verb pattern before it"}, coordinated_subject},
	{{"clause_subject", "the source is the subject: the nearest actor before the verb in its clause, appositions and actors after prepositions skipped"}, clause_subject},
	{{"first_object", "the target is the first actor after the pattern in its clause (places after in, at, possessive pronouns and modifiers of a noun are not targets), else an actor inside the pattern's gap, else for a material act the nationality of its object (escort Kuwaiti tankers)"}, first_object},
	{{"unnamed_assailant", "violence by someone the text does not name against a known target (a man assaulted the prime minister)"}, unnamed_assailant},
	{{"no_source", "no source found: no event"}, no_source},
};

/*
 * CAMEO keeps military force (19) apart from unconventional violence (18):
 * shooting or attacking one named person is an assault (182), or, when
 * the person holds public office, an attempt to assassinate (185); killing
 * them is a killing by assault (1823) or an assassination (186).
 */
static bool
violence_on_person(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	const DipActor *src = actor(es, c->src);
	const DipActor *tgt = actor(es, c->tgt);
	bool		fatal = false,
				attempt = false;
	uint32_t	end = c->mt->b + 4 < sc->n ? c->mt->b + 4 : sc->n;
	bool		official;

	if (dip_cameo_root(c->code) != dip_cameo_pack("19", 2) || tgt == NULL || tgt->ent < 0 ||
		tgt->kind != DIP_KIND_PER || has_role(tgt, "MIL") || has_role(src, "MIL"))
		return false;
	for (uint32_t i = 0; i < sc->n; i++)
	{
		const DipToken *t = &sc->t[i];

		if (dip_tok_cue(sc, t, CUE_ASSASSINATION))
			attempt = true;
		if (i >= c->mt->a && i < end && dip_tok_cue(sc, t, CUE_FATAL))
			fatal = true;
	}
	official = has_role(tgt, "GOV") || has_role(tgt, "ELI") || has_role(tgt, "OPP") ||
		has_role(tgt, "LEG") || has_role(tgt, "JUD") || has_role(tgt, "PTY") || attempt;
	if (official)
		c->code = dip_cameo_pack(fatal ? "186" : "185", 3);
	else
		c->code = fatal ? dip_cameo_pack("1823", 4) : dip_cameo_pack("182", 3);
	note_rule(c, self);
	return false;
}

/* Civilians attacking (settlers, a mob) assault (182) rather than use force (190). */
static bool
civilians_use_force(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	const DipActor *src = actor(es, c->src);

	if (c->code != dip_cameo_pack("190", 3) || src == NULL || !has_role(src, "CVL") ||
		has_role(src, "MIL") || has_role(src, "REB"))
		return false;
	c->code = dip_cameo_pack("182", 3);
	note_rule(c, self);
	return false;
}

/* The rules of violence, which set the code of attacks on people. */
static const EventRule violence_rules[] = {
	{{"violence_on_person", "force against a named civilian person: assault (182) or killing (1823); against an official: assassination attempt (185) or assassination (186)"}, violence_on_person},
	{{"civilians_use_force", "civilians using force (190) assault (182)"}, civilians_use_force},
};

/* Applies the rules of a table in order; true when one finished the match. */
static bool
apply_rules(DipSentCtx *sc, EventSentence *es, Coding *c, const EventRule *rules, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (rules[k].apply(sc, es, c, &rules[k].rule))
			return true;
	return false;
}

#define NRULES(t) (sizeof(t) / sizeof((t)[0]))

/* Applies the rules of violence to the coding's code. */
static void
apply_violence(DipSentCtx *sc, EventSentence *es, Coding *c)
{
	apply_rules(sc, es, c, violence_rules, NRULES(violence_rules));
}

/* "will meet", "plans to visit": the intent code CAMEO prescribes. */
static bool
intent(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	c->modal = modal_future(sc, c->mt->a);
	if (c->modal)
	{
		c->code = intent_code(c->code);
		note_rule(c, self);
	}
	return false;
}

/* "between X and Y": a slot took one member of a compound: one event. */
static bool
between_pair(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	if (!c->mt->src_single && !c->mt->tgt_single)
		return false;
	note_rule(c, self);
	emit_event(sc, c, c->code, &es->ac[c->src], actor(es, c->tgt), c->location, c->date,
			   c->prec, c->modal);
	return true;
}

/* "shelled Kharkiv", "visited Tokyo": a target place is where it happened. */
static bool
target_place(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	const DipActor *tgt = actor(es, c->tgt);

	if (es->place >= 0 || tgt == NULL || tgt->ent < 0 ||
		(tgt->kind != DIP_KIND_GPE && tgt->kind != DIP_KIND_LOC) ||
		!(dip_cameo_within(c->code, dip_cameo_pack("042", 3)) ||
		  dip_cameo_info(c->code)->quad_class == 4))
		return false;
	c->location = tgt->ent;
	note_rule(c, self);
	return false;
}

/* "X and Y met in Geneva": a meeting in a third country (044). */
static bool
third_location_meeting(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	const DipEnt *le;
	int			sg = es->ac[c->src].group;

	if (c->code != dip_cameo_pack("040", 3) || es->place < 0)
		return false;
	le = &sc->an->ents[es->place];
	if (!le->country[0])
		return false;
	for (int q = 0; q < es->nac; q++)
		if ((es->ac[q].group == sg || (c->tgt >= 0 && es->ac[q].group == es->ac[c->tgt].group)) &&
			(!es->ac[q].code[0] || strncmp(es->ac[q].code, le->country, 3) == 0))
			return false;
	c->code = dip_cameo_pack("044", 3);
	note_rule(c, self);
	return false;
}

/*
 * "Philippine and U.S. troops began exercises": a show of force by a
 * compound of two countries is military cooperation (062).
 */
static bool
joint_military(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	const DipActor *ac = es->ac;
	int			src = c->src;

	if (dip_cameo_root(c->code) != dip_cameo_pack("15", 2) ||
		!(c->tgt < 0 || ac[c->tgt].group == ac[src].group))
		return false;
	for (int q = 0; q < es->nac; q++)
		if (q != src && ac[q].group == ac[src].group && ac[q].code[0] && ac[src].code[0] &&
			strncmp(ac[q].code, ac[src].code, 3) != 0)
		{
			c->code = dip_cameo_pack("062", 3);
			note_rule(c, self);
			break;
		}
	return false;
}

/*
 * CAMEO codes what political actors do to each other: a company or the
 * media acting without a political actor on the other side ("the company
 * cut costs", "the bank bought shares in a firm"), or a union acting on a
 * company ("unions ended the strike at the plant"), is no event; nor does
 * a company assault, fight or kill ("Yukos has been battling the
 * authorities"): those verbs are figures of speech there.
 */
static bool
political_actor(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	const DipActor *src = actor(es, c->src);
	const DipActor *tgt = actor(es, c->tgt);

	int			root = dip_cameo_root(c->code);
	bool		violent = root == dip_cameo_pack("18", 2) || root == dip_cameo_pack("19", 2) ||
		root == dip_cameo_pack("20", 2);

	/* a company "battling" the authorities fights no one */
	if (violent && business_or_media(src) && !political(src))
	{
		note_rule(c, self);
		return true;
	}
	/* a union and a company: a labour dispute, no political event */
	if (!(has_role(src, "LAB") && business_or_media(tgt)) &&
		(!business_or_media(src) || political(src) || political(tgt)))
		return false;
	note_rule(c, self);
	return true;
}

/*
 * True if the sentence is on economic, business or market matters: a word
 * of class ECONOMY (shares, prices, loans, crops, interest rates) outside
 * any name ("the Ministry of Economy", "the Stock Exchange" do not count).
 */
static bool
economic_sentence(const DipSentCtx *sc)
{
	for (uint32_t i = 0; i < sc->n; i++)
		if (sc->tok_mention[i] < 0 && (sc->t[i].flags & DIP_TF_LOWER) &&
			(dip_cueof(sc, i) & CUE_ECONOMY))
			return true;
	return false;
}

/*
 * CAMEO codes no economic, business or market news, whoever speaks: in a
 * sentence on such matters a statement (01) is no event, nor is an appeal,
 * a consultation, a cooperation, a demand, a disapproval, a rejection or a
 * threat (02, 04, 05, 10-13) unless it addresses a political actor ("the
 * Bundesbank warned of a recession" and "the union criticised the move"
 * are no events; "the EU urged Japan to open its markets" and "the
 * brokerage urged the government to cut rates" are).
 * Intentions and agreements (03) and material events keep their codes: a
 * state agreeing to lift a ban on imports acts.
 */
static bool
economic_matter(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	static const char *const roots[] = {"01", "02", "04", "05", "10", "11", "12", "13"};
	const DipActor *src = actor(es, c->src);
	const DipActor *tgt = actor(es, c->tgt);
	char		code[8];
	bool		verbal = false;

	dip_cameo_unpack(c->code, code);
	for (size_t k = 0; k < NCODES(roots); k++)
		if (memcmp(code, roots[k], 2) == 0)
			verbal = true;
	if (!verbal || !economic_sentence(sc))
		return false;
	/* a court or the police acting on citizens or firms ("sentenced a broker") */
	if (has_role(src, "JUD") || has_role(src, "COP"))
		return false;
	if (memcmp(code, "01", 2) != 0 && src != NULL)
	{
		/* addressed to a political actor ("Nomura urged the government to") */
		if (tgt != NULL && tgt->group != src->group && political(tgt) && anchored(tgt) &&
			strcmp(tgt->code, src->code) != 0)
			return false;
		/* between the members of a compound of two countries */
		for (int q = 0; q < es->nac; q++)
			if (q != c->src && es->ac[q].group == src->group && anchored(&es->ac[q]) &&
				anchored(src) && political(src) && strncmp(es->ac[q].code, src->code, 3) != 0)
				return false;
	}
	note_rule(c, self);
	return true;
}

/*
 * A consultation or negotiation (040, 041, 046, and their intent 036)
 * needs a partner: its object or an actor after "with" ("discussed the
 * crisis in Ukraine" names no partner), or a subject of several ("X and Y
 * met", "the officials discussed"); one named actor alone ("Kuwait
 * discussed plans") consults no one.
 */
static bool
consult_partner(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	static const char *const codes[] = {"040", "041", "046", "036"};
	const DipActor *src = actor(es, c->src);
	char		code[8];
	int			members = 0;

	dip_cameo_unpack(c->code, code);
	if (src == NULL || !code_in(code, codes, NCODES(codes)) || strlen(code) != 3)
		return false;
	/* a partner found after the verb is its object or follows "with"; one
	 * inside the pattern ("met his Turkish counterpart") is its object */
	if (c->tgt >= 0 && c->mt->tgt_group < 0 &&
		!(c->tgt != c->src && es->ac[c->tgt].a >= c->mt->anchor_b &&
		  es->ac[c->tgt].b <= c->mt->b))
	{
		uint32_t	p = es->ac[c->tgt].a;

		while (p > c->mt->b && ((dip_lexof(sc, p - 1) & (LX_DET | LX_ADJ | LX_NUM)) ||
								DIP_TOK_IS(&sc->t[p - 1], "his") ||
								DIP_TOK_IS(&sc->t[p - 1], "her") ||
								DIP_TOK_IS(&sc->t[p - 1], "its") ||
								DIP_TOK_IS(&sc->t[p - 1], "their")) &&
			   !DIP_TOK_IS(&sc->t[p - 1], "with"))
			p--;
		if (p != c->mt->b && !(p > 0 && DIP_TOK_IS(&sc->t[p - 1], "with")))
			c->tgt = -1;
	}
	if (c->tgt >= 0 || src->ent < 0 || src->pronoun)
		return false;
	for (int q = 0; q < es->nac; q++)
		if (es->ac[q].group == src->group)
			members++;
	/* "U.S. negotiators", "Iranian officials": a group, maybe of both sides */
	for (uint32_t i = src->a; i < src->b && members < 2; i++)
		if (sc->role_len[i] > 0 && sc->tok_mention[i] < 0)
			members = 2;
	if (members > 1)
		return false;
	note_rule(c, self);
	return true;
}

/*
 * A statement (01) is about or addressed to another political actor, not
 * the media the speaker told nor its own side: the target if it is one,
 * else the first such actor after the verb, else before it.  A plain
 * statement (010) without one is no event; the specific ones (declined to
 * comment, claimed responsibility, denied) stand without a target.
 */
static bool
statement_addressed(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	if (dip_cameo_root(c->code) != dip_cameo_pack("01", 2) ||
		(c->tgt >= 0 && statement_addressee(&es->ac[c->src], &es->ac[c->tgt])))
		return false;
	note_rule(c, self);
	c->tgt = statement_target(sc, es, c->mt, c->src);
	return c->tgt < 0 && c->code == dip_cameo_pack("010", 3);
}

/* The rules that decide what happened where, once the actors are known. */
static const EventRule context_rules[] = {
	{{"political_actor", "a company or the media acting without a political actor on the other side, a union acting on a company, or a company assaulting, fighting or killing (18-20): no event"}, political_actor},
	{{"economic_matter", "in a sentence on economic, business or market matters (shares, prices, loans, crops, interest rates) a statement is no event, nor an appeal, consultation, cooperation, demand, disapproval, rejection or threat (02, 04, 05, 10-13) unless it addresses a political actor"}, economic_matter},
	{{"consult_partner", "a consultation or negotiation (040, 041, 046, 036) needs a partner: its object or an actor after with, or a subject of several; one named actor alone consults no one"}, consult_partner},
	{{"statement_addressed", "a statement (01) is about or to a political actor other than the speaker's side (the target, else the first after the verb, else before it); a plain statement (010) without one is no event"}, statement_addressed},
	{{"between_pair", "a slot took one member of a compound (talks between X and Y): one event between them"}, between_pair},
	{{"target_place", "a place as target (shelled Kharkiv, visited Tokyo) is where it happened"}, target_place},
	{{"third_location_meeting", "a meeting in a third country's place (X and Y met in Geneva): 044"}, third_location_meeting},
	{{"joint_military", "a show of force by a compound of two countries' forces: military cooperation (062)"}, joint_military},
};

static const DipRule intent_rule =
{"intent", "will, plans to, is set to... before the verb: the intent code CAMEO prescribes (036, 031, 138...)"};
static const DipRule peacekeeping_rule =
{"peacekeeping", "peacekeepers (or troops deployed as peacekeeping forces) who arrive or deploy somewhere provide peacekeeping (074), not a visit or a show of force"};

/*
 * "Chinese peacekeepers arrived in South Sudan", "peacekeeping troops
 * were deployed along the corridor": a visit (042, 043) or a deployment
 * (154) by peacekeepers is peacekeeping (074).
 */
static void
peacekeeping(DipSentCtx *sc, EventSentence *es, Coding *c, const DipRule *self)
{
	static const char *const codes[] = {"042", "043", "154"};
	const DipActor *x = actor(es, c->src);
	char		code[8];

	if (x == NULL)
		x = actor(es, c->tgt);	/* "peacekeepers were deployed" */
	dip_cameo_unpack(c->code, code);
	if (x == NULL || !code_in(code, codes, NCODES(codes)))
		return;
	/* the actor's words, then the pattern's ("deployed as peacekeeping forces") */
	for (uint32_t k = 0; k < (x->b - x->a) + (c->mt->b - c->mt->a); k++)
	{
		uint32_t	i = k < x->b - x->a ? x->a + k : c->mt->a + (k - (x->b - x->a));

		if (sc->t[i].nlen < 9 || memcmp(sc->t[i].norm, "peacekeep", 9) != 0)
			continue;
		c->code = dip_cameo_pack("074", 3);
		if (c->src < 0)
		{
			c->src = c->tgt;
			c->tgt = -1;
		}
		note_rule(c, self);
		return;
	}
}

static const DipRule reciprocal_pair =
{"reciprocal_pair", "a reciprocal code with a compound source (X and Y met): X with Y"};

/*
 * The date of the match: the date expression of its clause, else one of
 * the sentence, else the lead's, else publication; a statement's, the
 * date next to its verb, else publication.  A future event's date is read
 * forward ("on Friday" is the coming Friday).
 */
static void
event_date(DipSentCtx *sc, EventSentence *es, Coding *c)
{
	DipAnalysis *an = sc->an;
	bool		statement = dip_cameo_root(c->code) == dip_cameo_pack("01", 2);
	int			say = statement_match(sc, es);
	int			k = clause_date(sc, es, c->mt->a, c->mt->b, statement);

	/* "China said on Friday that it denied ...": the day of the saying */
	if (k < 0 && say >= 0 && statement)
		k = clause_date(sc, es, es->mt[say].a, es->mt[say].b, true);
	for (int q = 0; q < es->ndates && k < 0 && !statement; q++)
		if (event_day(sc, es, q, c->mt->a) && !relative_clause_date(sc, es, q))
			k = q;
	c->date = an->published;
	c->prec = an->published != DIP_DATE_NONE ? DIP_PREC_DAY : DIP_PREC_NONE;
	if (k >= 0)
	{
		DipDateExpr de = es->dates[k];

		/*
		 * A future event's date is read forward, unless it is the day of
		 * the statement that reports the intention ("X said on Monday it
		 * was ready to ...").
		 */
		if (c->modal && !(say >= 0 && k == clause_date(sc, es, es->mt[say].a, es->mt[say].b, true)))
		{
			DipDateExpr fw[8];
			int			nfw = dip_find_dates(an->dict, sc->t, sc->n, an->published, true, fw, 8);

			for (int q = 0; q < nfw; q++)
				if (fw[q].a == de.a)
					de = fw[q];
		}
		c->date = de.date;
		c->prec = de.prec;
	}
	else if (an->lead_date != DIP_DATE_NONE && !statement)
	{
		c->date = an->lead_date;
		c->prec = an->lead_date_prec;
	}
}

/*
 * The events of a coded match: "X and Y met" is X with Y; otherwise one
 * event per source and target of the compounds.
 */
static void
emit_pairs(DipSentCtx *sc, EventSentence *es, Coding *c)
{
	const DipActor *ac = es->ac;
	int			sg = ac[c->src].group;
	int			tg = c->tgt >= 0 ? ac[c->tgt].group : -1;

	if ((c->tgt < 0 || tg == sg) && reciprocal(c->code))
	{
		int			first = c->src,
					second = -1;

		while (first > 0 && ac[first - 1].group == sg)
			first--;
		for (int q = first + 1; q < es->nac && ac[q].group == sg; q++)
			if (second < 0)
				second = q;
		if (second >= 0 && c->tgt < 0)
		{
			note_rule(c, &reciprocal_pair);
			emit_event(sc, c, c->code, &ac[first], &ac[second], c->location, c->date, c->prec,
					   c->modal);
		}
		else
			emit_event(sc, c, c->code, &ac[first], NULL, c->location, c->date, c->prec,
					   c->modal);
		return;
	}
	for (int s = 0; s < es->nac; s++)
	{
		if (ac[s].group != sg)
			continue;
		if (c->tgt < 0 || tg == sg)
		{
			emit_event(sc, c, c->code, &ac[s], NULL, c->location, c->date, c->prec, c->modal);
			continue;
		}
		for (int t = 0; t < es->nac; t++)
			if (ac[t].group == tg)
				emit_event(sc, c, c->code, &ac[s], &ac[t], c->location, c->date, c->prec,
						   c->modal);
	}
}

/* Codes the events of match k. */
static void
code_match(DipSentCtx *sc, EventSentence *es, int k)
{
	Coding		c;

	memset(&c, 0, sizeof(c));
	c.mt = &es->mt[k];
	c.pat = &sc->an->dict->patterns[c.mt->pattern];
	c.code = c.mt->code;
	c.src = c.tgt = -1;
	c.location = es->location;
	es->last_location = es->location;
	/* drops, bare statements; who did it to whom */
	if (apply_rules(sc, es, &c, actor_rules, NRULES(actor_rules)))
		return;
	/* the code: violence against people, intentions */
	apply_violence(sc, es, &c);
	peacekeeping(sc, es, &c, &peacekeeping_rule);
	intent(sc, es, &c, &intent_rule);
	/* when: the sentence's date, else the lead's, else publication */
	event_date(sc, es, &c);
	/* where, and what a compound did */
	if (apply_rules(sc, es, &c, context_rules, NRULES(context_rules)))
		return;
	es->last_location = c.location;
	emit_pairs(sc, es, &c);
}

/* ------------------------------------------------------------------------
 * The steps of a sentence
 * ------------------------------------------------------------------------
 */

/*
 * True if a pattern cannot start at token i, whatever its words: inside a
 * name (Merrill Lynch, Rite Aid, Court of Appeals, a date in March), a
 * capitalised word that does not start the sentence (March), or the second
 * half of a hyphenated modifier (Iran-backed, U.S.-led).
 */
static bool
not_an_anchor(const DipSentCtx *sc, uint32_t i)
{
	const DipToken *t = &sc->t[i];

	if (sc->tok_mention[i] >= 0)
		return true;
	if ((t->flags & DIP_TF_UPPER) && i > 0 && !(sc->t[i - 1].flags & DIP_TF_OPENQ) &&
		!DIP_TOK_IS(&sc->t[i - 1], ":") && !(sc->t[i - 1].flags & DIP_TF_DASH))
		return true;
	return i > 1 && (t->flags & DIP_TF_JOIN) && DIP_TOK_IS(&sc->t[i - 1], "-") &&
		(sc->t[i - 1].flags & DIP_TF_JOIN);
}

/*
 * "more than 100 people were killed.", "civilians killed in the strikes":
 * a verb pattern whose target would follow (`{kill} * +`) matches a
 * passive participle at the end of its clause (before a preposition, a
 * comma or the end), with the target before it.
 */
static bool
passive_at_end(const DipSentCtx *sc, const EventSentence *es, uint32_t i, const DipPattern *pat,
			   const DipPElem *el)
{
	uint32_t	after = i + pat->anchor;

	if (pat->anchor != 1 || el[0].kind != DIP_PE_LEMMA || el[pat->nelem - 1].kind != DIP_PE_TARGET ||
		!participle(sc, i))
		return false;
	for (int k = pat->anchor; k < pat->nelem; k++)
		if (el[k].kind != DIP_PE_GAP && el[k].kind != DIP_PE_TARGET)
			return false;
	if (after < sc->n && !(sc->t[after].type == DIP_TOK_PUNCT ||
						   dip_tok_cue(sc, &sc->t[after], CUE_ADJUNCT_PREP)))
		return false;
	/* "hit by air defences": an agent the coder cannot name */
	if (after < sc->n && DIP_TOK_IS(&sc->t[after], "by") &&
		dip_actor_at(sc, (DipActor *) es->ac, es->nac, after + 1) < 0)
		return false;
	if (reduced_relative(sc, es, i, pat->code))
		return true;
	/* "Fico was shot": the subject right before the verb group */
	for (uint32_t v = i; v > 0 && v + 3 > i; v--)
		if (is_be(sc, &sc->t[v - 1]))
			for (int q = 0; q < es->nac; q++)
				if (es->ac[q].b + 1 >= v - 1 && es->ac[q].b <= v - 1 && !es->ac[q].pronoun)
					return true;
	return false;
}

/*
 * True if the word at token i stands where a noun does: after a
 * determiner or a possessive ("the visit", "its attack", "Russia's
 * attack"), a nationality adjective ("Soviet attack submarines"), a
 * hyphenated modifier ("anti-government protests") or a preposition
 * other than "to" ("cover for exports to Nigeria").  A
 * verb pattern does not start there; noun patterns ("attack on +") are
 * written apart.
 */
static bool
noun_position(const DipSentCtx *sc, uint32_t i)
{
	const DipToken *p;
	int32_t		mi;

	if (i == 0)
		return false;
	p = &sc->t[i - 1];
	if (p->type == DIP_TOK_CLITIC || DIP_TOK_IS(p, "its") || DIP_TOK_IS(p, "their") ||
		DIP_TOK_IS(p, "his") || DIP_TOK_IS(p, "her"))
		return true;
	if ((dip_lexof(sc, i - 1) & LX_DET) && !(dip_lexof(sc, i - 1) & (LX_CONJ | LX_PRON)))
		return true;
	/* "anti-government protests", "cross-border attacks": after a
	 * hyphenated modifier */
	if (i > 2 && (p->flags & DIP_TF_JOIN) && DIP_TOK_IS(&sc->t[i - 2], "-") &&
		(sc->t[i - 2].flags & DIP_TF_JOIN) && (sc->t[i - 3].flags & DIP_TF_LOWER))
		return true;
	/* "insurance for exports to Nigeria": not a gerund, see nominal_gerund */
	if ((dip_lexof(sc, i - 1) & LX_PREP) && !DIP_TOK_IS(p, "to") && sc->t[i].wid &&
		!(sc->an->dict->words[sc->t[i].wid].vforms & DIP_VF_GER))
		return true;
	mi = sc->tok_mention[i - 1];
	return mi >= 0 && sc->an->m[mi].kind == DIP_KIND_NORP;
}

/* Every pattern anchored in the sentence, checked against the words after it. */
static void
match_patterns(DipSentCtx *sc, EventSentence *es)
{
	const DipDict *d = sc->an->dict;

	es->nmt = 0;
	for (uint32_t k = 0; k < sc->nanchors && es->nmt < MAX_MATCHES; k++)
	{
		uint32_t	i = sc->anchors[k * 2];
		int32_t		p = (int32_t) sc->anchors[k * 2 + 1];
		const DipPattern *pat = &d->patterns[p];
		const DipPElem *el = &d->pelems[pat->elem_first];
		PMatch		pm = {0, -1, -1, 0, false, false};
		Match	   *m = &es->mt[es->nmt];
		bool		at_end = false;

		if (not_an_anchor(sc, i) || (el[0].kind == DIP_PE_LEMMA && noun_position(sc, i)))
			continue;
		if (!match_rest(sc, es->ac, es->nac, el, pat->anchor, pat->nelem, i + pat->anchor, &pm) &&
			!(at_end = passive_at_end(sc, es, i, pat, el)))
			continue;
		m->a = i;
		m->b = pm.end > i + pat->anchor ? pm.end : i + pat->anchor;
		m->anchor_b = i + pat->anchor;
		m->pattern = p;
		m->src_group = pm.src;
		m->tgt_group = pm.tgt;
		m->src_single = pm.src_single;
		m->tgt_single = pm.tgt_single;
		/* a passive at the end of its clause has no target to count */
		m->specificity = pm.fixed + pat->anchor + (pat->has_target && !at_end ? 1 : 0);
		m->code = pat->code;
		m->dropped = false;
		es->nmt++;
	}
	if (es->nmt > 1)
		qsort(es->mt, es->nmt, sizeof(Match), cmp_match);
}

/* Overlapping matches: the first (most specific) wins. */
static void
drop_overlaps(EventSentence *es)
{
	for (int k = 0; k < es->nmt; k++)
	{
		if (es->mt[k].dropped)
			continue;
		for (int q = k + 1; q < es->nmt; q++)
			if (!es->mt[q].dropped && es->mt[q].a < es->mt[k].b && es->mt[k].a < es->mt[q].b)
				es->mt[q].dropped = true;
	}
}

static const DipRule denied_clause =
{"denied_clause", "what is denied (X denied that Y attacked Z) is not an event"};

/* "X denied that Y attacked Z": what is denied is not an event. */
static void
drop_denied(DipSentCtx *sc, EventSentence *es)
{
	const DipDict *d = sc->an->dict;

	for (int k = 0; k < es->nmt; k++)
		if (!es->mt[k].dropped && d->patterns[es->mt[k].pattern].code == dip_cameo_pack("016", 3))
			for (int q = 0; q < es->nmt; q++)
				if (q != k && es->mt[q].a >= es->mt[k].b)
					es->mt[q].dropped = true;
}

static const DipRule appealed_action =
{"appealed_action", "what an appeal asks for (urged X to meet Y, called for talks) is no event of its own; it makes a plain appeal (020) specific (026...)"};

/*
 * "X urged Y to meet Z", "X called for talks with Z": the action asked for
 * is not an event; its code makes a plain appeal specific (020 -> 026).
 */
static void
drop_appealed(DipSentCtx *sc, EventSentence *es)
{
	for (int k = 0; k < es->nmt; k++)
	{
		Match	   *ap = &es->mt[k];
		bool		refined = false;

		if (ap->dropped || dip_cameo_root(ap->code) != dip_cameo_pack("02", 2))
			continue;
		for (int q = k + 1; q < es->nmt; q++)
		{
			Match	   *m = &es->mt[q];
			bool		clause = m->a >= ap->b && m->a <= ap->b + 8;

			for (uint32_t i = ap->b; clause && i < m->a; i++)
				if (DIP_TOK_IS(&sc->t[i], ",") || DIP_TOK_IS(&sc->t[i], ";") ||
					DIP_TOK_IS(&sc->t[i], ":") || DIP_TOK_IS(&sc->t[i], "but") ||
					DIP_TOK_IS(&sc->t[i], "while") || DIP_TOK_IS(&sc->t[i], "after"))
					clause = false;
			if (m->dropped || !clause)
				continue;
			if (!refined && ap->code == dip_cameo_pack("020", 3) && m->code != DIP_PATTERN_NO_EVENT)
				ap->code = appeal_code(m->code);
			refined = true;
			m->dropped = true;
		}
	}
}

static const DipRule question =
{"question", "a question (a sentence ending in ?) reports no event"};

/* True if the sentence is a question: its last word is followed by "?". */
static bool
is_question(const DipSentCtx *sc)
{
	for (uint32_t i = sc->n; i > 0; i--)
	{
		const DipToken *t = &sc->t[i - 1];

		if (DIP_TOK_IS(t, "?"))
			return true;
		if (t->type != DIP_TOK_PUNCT)
			return false;
	}
	return false;
}

static const DipRule title_line =
{"title_line", "a line standing alone without final punctuation before more text (a title, a caption, a table row) reports no event"};

/*
 * True if the sentence is a line of its own without final punctuation
 * that more text follows: a title ("Iran jails blogger for 14 years"), a
 * caption or a row of a table, which the segmenter did not mark.
 */
static bool
is_title_line(const DipSentCtx *sc)
{
	const DipDoc *doc = sc->doc;
	const DipSentence *st = sc->sent;
	uint32_t	k = (uint32_t) (st - doc->sents);
	uint32_t	last = sc->n;

	while (last > 0 && (sc->t[last - 1].flags & DIP_TF_CLOSEQ))
		last--;
	if (last == 0 || (sc->t[last - 1].flags & DIP_TF_TERMINAL) ||
		DIP_TOK_IS(&sc->t[last - 1], ".") || DIP_TOK_IS(&sc->t[last - 1], "!"))
		return false;
	if (k > 0 && doc->sents[k - 1].para == st->para)
		return false;
	if (k + 1 < doc->nsents)
		return doc->sents[k + 1].para != st->para;
	return doc->pos < doc->len;
}

/* The sentence's place (else the dateline's) and its date expressions. */
static void
sentence_place_and_dates(DipSentCtx *sc, EventSentence *es)
{
	es->place = find_location(sc);
	es->location = es->place >= 0 ? es->place : sc->an->dateline_place;
	es->last_location = es->location;
	es->ndates = dip_sentence_dates(sc);
	if (es->ndates > 8)
		es->ndates = 8;
	if (es->ndates > 0)
		memcpy(es->dates, sc->dates, es->ndates * sizeof(DipDateExpr));
}

static const DipRule statement =
{"statement", "a bare statement (X said) by a political speaker when nothing else happened, about or to a political actor other than the speaker's side; a plain one (010) needs a speaker with a country and such an actor"};
static const DipRule statement_figures =
{"statement_figures", "a plain statement that reports economic figures (7.6 pct, 31 billion dlrs, 87 mln tonnes) is no event"};

/*
 * True if the sentence reports economic figures: a number followed,
 * within two words, by a unit of class AMOUNT_UNIT ("7.6 pct", "31 billion
 * dlr", "87.0 mln tonnes"), or a percent sign.
 */
static bool
reports_figures(const DipSentCtx *sc)
{
	for (uint32_t i = 0; i < sc->n; i++)
	{
		if (DIP_TOK_IS(&sc->t[i], "%"))
			return true;
		if (sc->t[i].type != DIP_TOK_NUMBER)
			continue;
		for (uint32_t j = i + 1; j < sc->n && j <= i + 3; j++)
			if (dip_tok_cue(sc, &sc->t[j], CUE_AMOUNT_UNIT))
				return true;
	}
	return false;
}

static const DipRule statement_economy =
{"statement_economy", "a statement in a sentence on economic, business or market matters (shares, prices, loans, crops, interest rates) is no event, whoever speaks"};

static const DipRule statement_appeal =
{"statement_appeal", "a statement of what another political actor should or must do (X said Korea should let its currency rise): an appeal (020) to it, a demand (100) for must"};

/*
 * "X said Korea should let the won rise": the actor right before a must,
 * should or ought in what follows the statement verb at j, in its clause;
 * -1 if none.
 */
static int
said_obligation(const DipSentCtx *sc, const EventSentence *es, uint32_t j)
{
	for (uint32_t i = j; i < sc->n && i < j + 12; i++)
	{
		if (DIP_TOK_IS(&sc->t[i], ",") || DIP_TOK_IS(&sc->t[i], ";"))
			return -1;
		if (dip_tok_cue(sc, &sc->t[i], CUE_OBLIGATION) && (sc->t[i].flags & DIP_TF_LOWER))
		{
			for (int q = 0; q < es->nac; q++)
				if (es->ac[q].b == i && es->ac[q].a >= j)
					return q;
			return -1;
		}
	}
	return -1;
}

static const DipRule statement_intent =
{"statement_intent", "a statement of what the speaker will do for the political actor named after it (said it would allow UN agencies ..., said it was ready to ...): intent to cooperate (030)"};

/*
 * True if a place actor is the end of a longer name the recogniser did not
 * find ("Credit Suisse First Boston said"): a capitalised word that is no
 * title and no mention stands right before it, inside the sentence.
 */
static bool
name_fragment(const DipSentCtx *sc, const DipActor *x)
{
	uint32_t	p = x->a;

	if (x->pronoun || x->kind != DIP_KIND_GPE || p < 2)
		return false;
	return (sc->t[p - 1].flags & DIP_TF_UPPER) && sc->t[p - 1].type == DIP_TOK_WORD &&
		sc->tok_mention[p - 1] < 0 && sc->role_len[p - 1] == 0 &&
		!(dip_lexof(sc, p - 1) & (LX_PER_TITLE | LX_DET | LX_PREP));
}

/*
 * The actor right after a statement verb at token j, past an article and
 * up to two lower-case modifiers (", said a trade official", ", said the
 * senior party official"), or -1.
 */
static int
speaker_after(const DipSentCtx *sc, EventSentence *es, uint32_t j)
{
	int			s = dip_actor_at(sc, es->ac, es->nac, j);

	for (uint32_t i = j; s < 0 && i < j + 3 && i + 1 < sc->n; i++)
	{
		uint32_t	lx = dip_lexof(sc, i);

		if (sc->t[i].type != DIP_TOK_WORD || !(sc->t[i].flags & DIP_TF_LOWER) ||
			sc->tok_mention[i] >= 0 || !(lx & (LX_ADJ | LX_NOUN | LX_DET)))
			break;
		s = dip_actor_at(sc, es->ac, es->nac, i + 1);
	}
	return s;
}

/*
 * The speaker of the statement verb of match m: ", said X" (the actor
 * right after the verb, after a comma or a quote, closing its clause);
 * ", saying ..." the subject of the main clause; else the subject.  In
 * "..., X said" the speaker is X: when the words between the last comma
 * (or quote) and the verb hold a noun phrase or a pronoun that is not an
 * actor ("..., a bank spokesman said", "..., they said"), the subject
 * before it is another clause's and the speaker is unknown (-1).
 */
static int
statement_speaker(const DipSentCtx *sc, EventSentence *es, const Match *m)
{
	uint32_t	v = m->a;
	int			s;
	uint32_t	i;

	if (v > 0 && (DIP_TOK_IS(&sc->t[v - 1], ",") || (sc->t[v - 1].flags & DIP_TF_CLOSEQ)) &&
		(s = speaker_after(sc, es, m->b)) >= 0)
	{
		uint32_t	e = dip_actor_group_end(es->ac, es->nac, s);

		if (e >= sc->n || sc->t[e].type == DIP_TOK_PUNCT || (dip_lexof(sc, e) & LX_PREP))
			return s;
	}
	if (v > 0 && DIP_TOK_IS(&sc->t[v - 1], ",") && sc->t[v].wid &&
		(sc->an->dict->words[sc->t[v].wid].vforms & DIP_VF_GER))
	{
		for (int q = 0; q < es->nac && es->ac[q].b <= v; q++)
			if (!dip_actor_governed(sc, &es->ac[q]))
				return q;
		return -1;
	}
	s = dip_actor_subject(sc, es->ac, es->nac, v);
	if (s < 0 || name_fragment(sc, &es->ac[s]))
		return -1;
	/* "Sweden's AB Leo said": the speaker is what the actor owns, no actor */
	if (!es->ac[s].pronoun && es->ac[s].b < v && sc->t[es->ac[s].b].type == DIP_TOK_CLITIC)
		return -1;
	for (i = v; i > es->ac[s].b; i--)
		if (DIP_TOK_IS(&sc->t[i - 1], ",") || DIP_TOK_IS(&sc->t[i - 1], ";") ||
			(sc->t[i - 1].flags & (DIP_TF_OPENQ | DIP_TF_CLOSEQ)))
			break;
	if (i == es->ac[s].b)
		return s;
	for (; i < v; i++)
		if ((dip_lexof(sc, i) & (LX_NOUN | LX_DET | LX_PRON)) || (sc->t[i].flags & DIP_TF_UPPER))
			return -1;
	return s;
}

/*
 * True if the actor is a place named as where something is or happened:
 * a country or a place right after "in" or "at" (or "in the", "at the"),
 * as in "agreed in Paris", "listed in Luxembourg".
 */
static bool
place_phrase(const DipSentCtx *sc, const DipActor *x)
{
	uint32_t	p = x->a;

	if (x->pronoun || x->ent < 0 || (x->kind != DIP_KIND_GPE && x->kind != DIP_KIND_LOC) || p == 0)
		return false;
	if (p > 1 && DIP_TOK_IS(&sc->t[p - 1], "the"))
		p--;
	return DIP_TOK_IS(&sc->t[p - 1], "in") || DIP_TOK_IS(&sc->t[p - 1], "at");
}

/*
 * What speaker src's statement (match m) is about or addressed to: the
 * first political actor other than the speaker's side after the verb,
 * else before it, never a place where something happened; -1 if none.
 */
static int
statement_target(const DipSentCtx *sc, const EventSentence *es, const Match *m, int src)
{
	for (int pass = 0; pass < 2; pass++)
		for (int q = 0; q < es->nac; q++)
			if ((pass == 0) == (es->ac[q].a >= m->b) &&
				statement_addressee(&es->ac[src], &es->ac[q]) && !not_an_object(sc, &es->ac[q]) &&
				!place_phrase(sc, &es->ac[q]))
				return q;
	return -1;
}

/*
 * "X said": a statement, only when no other event was coded and the
 * speaker is political; a plain statement (010) only when the speaker has
 * a country (or is international) and the statement is about or to
 * another political actor.
 */
static void
code_statement(DipSentCtx *sc, EventSentence *es)
{
	const DipActor *ac = es->ac;
	Coding		c;
	int			src;
	int			tgt;
	int			q;
	int32_t		date;
	int			prec;

	if (es->say < 0 || sc->an->nev != es->nev0)
		return;
	memset(&c, 0, sizeof(c));
	c.mt = &es->mt[es->say];
	c.pat = &sc->an->dict->patterns[c.mt->pattern];
	src = statement_speaker(sc, es, c.mt);
	if (src < 0 || !political(&ac[src]))
		return;
	tgt = statement_target(sc, es, c.mt, src);
	c.code = sc->an->dict->patterns[c.mt->pattern].code;
	if (c.code == dip_cameo_pack("010", 3) && (tgt < 0 || !anchored(&ac[src])))
		return;

	note_rule(&c, &statement);
	if ((q = said_obligation(sc, es, c.mt->b)) >= 0 && statement_addressee(&ac[src], &ac[q]))
	{
		tgt = q;
		c.code = DIP_TOK_IS(&sc->t[ac[q].b], "must") ? dip_cameo_pack("100", 3) :
			dip_cameo_pack("020", 3);
		note_rule(&c, &statement_appeal);
	}
	else if (tgt >= 0 && ac[tgt].a >= c.mt->b && said_intent(sc, c.mt->b, ac[tgt].a))
	{
		c.code = dip_cameo_pack("030", 3);
		note_rule(&c, &statement_intent);
	}
	/* company figures, forecasts and statistics are not political statements */
	if (c.code == dip_cameo_pack("010", 3) && reports_figures(sc))
		return;
	/* nor are comments on markets, prices, debts or crops (statement_economy) */
	if (economic_sentence(sc))
		return;
	statement_date(sc, es, c.mt, &date, &prec);
	c.bare = dip_cameo_root(c.code) == dip_cameo_pack("01", 2);

	/*
	 * The statement takes the place the last match coded was given, as the
	 * coder always did: after "the invasion of Iraq" it is Iraq.
	 */
	emit_event(sc, &c, c.code, &ac[src], actor(es, tgt), es->last_location, date, prec, false);
}

/* Codes the events of one sentence. */
void
dip_events_sentence(DipSentCtx *sc)
{
	EventSentence es;

	if (sc->sent->kind != DIP_SENT_TEXT || sc->caseless || is_question(sc) || is_title_line(sc))
		return;
	es.say = -1;
	es.nev0 = sc->an->nev;
	/* the actors, pronouns resolved, compounds joined */
	es.nac = dip_actors_collect(sc, es.ac);
	/* every pattern anchored here, checked against the words after it */
	match_patterns(sc, &es);
	/* overlapping matches: the most specific wins */
	drop_overlaps(&es);
	/* what is denied is not an event */
	drop_denied(sc, &es);
	/* what an appeal asks for is not an event */
	drop_appealed(sc, &es);
	/* where and when, unless a match says otherwise */
	sentence_place_and_dates(sc, &es);
	/* the events of each match */
	for (int k = 0; k < es.nmt; k++)
		if (!es.mt[k].dropped)
			code_match(sc, &es, k);
	/* a bare statement, when nothing else happened */
	code_statement(sc, &es);
	/* the actors pronouns of later sentences may stand for */
	dip_actors_remember(sc, es.ac, es.nac);
}

/* The rules of the event coder applied at a fixed step */
static const DipRule *const step_rules[] = {
	&question, &title_line, &denied_clause, &appealed_action, &peacekeeping_rule, &intent_rule,
	&reciprocal_pair,
	&statement_figures, &statement_economy, &statement, &statement_appeal, &statement_intent
};

/* The k-th rule of the event coder, or NULL past the last. */
const DipRule *
dip_events_rule(int k)
{
	static const DipRuleTable tables[] = {
		{actor_rules, NRULES(actor_rules), sizeof(EventRule)},
		{violence_rules, NRULES(violence_rules), sizeof(EventRule)},
		{context_rules, NRULES(context_rules), sizeof(EventRule)},
		{step_rules, NRULES(step_rules), 0},
	};

	return dip_rule_in_tables(tables, NRULES(tables), &k);
}

/*
 * The dateline's place and the lead's date: events of later sentences
 * without their own place or date happened there and then.
 */
void
dip_events_note_lead(DipSentCtx *sc)
{
	DipAnalysis *an = sc->an;

	if (sc->sent->kind == DIP_SENT_DATELINE && an->dateline_place < 0)
	{
		for (uint32_t m = sc->first_mention; m < an->nm; m++)
			if (an->m[m].kind == DIP_KIND_GPE)
			{
				an->dateline_place = an->m[m].entity;
				break;
			}
	}
	if ((sc->sent->kind == DIP_SENT_DATELINE || sc->sent->kind == DIP_SENT_TEXT) &&
		an->lead_date == DIP_DATE_NONE && an->published != DIP_DATE_NONE &&
		sc->sent->para <= 3 && an->nsentences <= 6)
	{
		int			n = dip_sentence_dates(sc);

		for (int k = 0; k < n && an->lead_date == DIP_DATE_NONE; k++)
			if (sc->dates[k].prec == DIP_PREC_DAY &&
				dip_date_dates_event(an->dict, sc->t, sc->n, &sc->dates[k]))
			{
				an->lead_date = sc->dates[k].date;
				an->lead_date_prec = (uint8_t) sc->dates[k].prec;
			}
	}
}
