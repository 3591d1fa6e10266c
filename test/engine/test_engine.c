/*
 * test_engine.c
 *	  Unit tests of the diplomat engine, without PostgreSQL.  Built with
 *	  AddressSanitizer and UBSan by "make engine-test" (part of make test).
 *
 *	  usage: test_engine DATA_DIR
 */
#include "dip.h"
#include "tsv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int	failures = 0;
static int	checks = 0;

#define CHECK(cond) do { checks++; if (!(cond)) { failures++; \
	fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); } } while (0)
#define CHECK_STR(a, b) do { checks++; if (strcmp((a), (b)) != 0) { failures++; \
	fprintf(stderr, "%s:%d: \"%s\" != \"%s\"\n", __FILE__, __LINE__, (a), (b)); } } while (0)
#define CHECK_INT(a, b) do { long long _a = (a), _b = (b); checks++; if (_a != _b) { failures++; \
	fprintf(stderr, "%s:%d: %s = %lld, expected %lld\n", __FILE__, __LINE__, #a, _a, _b); } } while (0)

/* ------------------------------------------------------------------------
 * Helpers: segment a string and render sentences / tokens
 * ------------------------------------------------------------------------
 */
typedef struct Seg
{
	char		sents[64][512];
	int			kinds[64];
	int			nsents;
	char		toks[512][64];
	int			ntoks;
} Seg;

static Seg *
segment(const char *text)
{
	static Seg	s;
	DipDoc		d;

	memset(&s, 0, sizeof(s));
	dip_doc_init(&d, &dip_malloc_mem, text, strlen(text));
	while (dip_doc_next_chunk(&d))
	{
		for (uint32_t i = 0; i < d.nsents && s.nsents < 64; i++)
		{
			DipSentence *st = &d.sents[i];

			snprintf(s.sents[s.nsents], 512, "%.*s", (int) st->len, text + st->start);
			s.kinds[s.nsents++] = st->kind;
			/* positions must be consistent: chars equal bytes for ASCII */
			CHECK(st->start + st->len <= strlen(text));
		}
		for (uint32_t i = 0; i < d.ntoks && s.ntoks < 512;)
		{
			uint32_t	e = dip_display_token_end(&d, i);
			DipToken   *f = &d.toks[i],
					   *l = &d.toks[e - 1];

			snprintf(s.toks[s.ntoks++], 64, "%.*s", (int) (l->start + l->len - f->start),
					 text + f->start);
			i = e;
		}
	}
	dip_doc_free(&d);
	return &s;
}

static bool
has_token(Seg *s, const char *tok)
{
	for (int i = 0; i < s->ntoks; i++)
		if (strcmp(s->toks[i], tok) == 0)
			return true;
	return false;
}

/* ------------------------------------------------------------------------
 * Tests
 * ------------------------------------------------------------------------
 */
static void
test_utf8_and_normalize(void)
{
	DipArena	a;
	char	   *out;
	uint32_t   *map;
	size_t		n;

	dip_arena_init(&a, &dip_malloc_mem, 1024);
	CHECK(dip_utf8_valid("abc", 3));
	CHECK(!dip_utf8_valid("a\xff", 2));
	CHECK(!dip_utf8_valid("a\xc3", 2));
	CHECK_INT(dip_utf8_count("Erdoğan", strlen("Erdoğan")), 7);

	n = dip_normalize(&a, "Erdoğan", strlen("Erdoğan"), &out);
	CHECK_STR(out, "erdogan");
	CHECK_INT(n, 7);
	dip_normalize(&a, "\xEF\xBC\xA1\xEF\xBC\xA2", 6, &out);	/* fullwidth AB */
	CHECK_STR(out, "ab");
	dip_normalize(&a, "Straße", strlen("Straße"), &out);
	CHECK_STR(out, "strasse");
	dip_normalize(&a, "Élysée", strlen("Élysée"), &out);
	CHECK_STR(out, "elysee");
	dip_normalize(&a, "USA", 3, &out);
	CHECK_STR(out, "usa");
	/* typographic apostrophe folds to ASCII */
	dip_normalize(&a, "d\xE2\x80\x99Ivoire", 10, &out);
	CHECK_STR(out, "d'ivoire");

	/* map back to the original offsets */
	n = dip_normalize_map(&a, "Aß É", strlen("Aß É"), &out, &map);
	CHECK_STR(out, "ass e");
	CHECK_INT(map[0], 0);		/* a <- A */
	CHECK_INT(map[1], 1);		/* s <- ß (bytes 1-2) */
	CHECK_INT(map[2], 1);
	CHECK_INT(map[3], 3);		/* space */
	CHECK_INT(map[4], 4);		/* e <- É */
	CHECK_INT(map[n], strlen("Aß É"));
	dip_arena_free(&a);
}

static void
test_words(void)
{
	Seg		   *s;

	s = segment("U.S. Secretary of State Antony Blinken met Dr. J. Smith in the Indo-Pacific.");
	CHECK(has_token(s, "U.S."));
	CHECK(has_token(s, "Dr."));
	CHECK(has_token(s, "J."));
	CHECK(has_token(s, "Indo-Pacific"));
	CHECK_INT(s->nsents, 1);

	s = segment("Iran-backed Houthi rebels' attacks hit China's ships; O'Brien said \"no.\"");
	CHECK(has_token(s, "Iran-backed"));
	CHECK(has_token(s, "rebels"));
	CHECK(has_token(s, "'"));
	CHECK(has_token(s, "China"));
	CHECK(has_token(s, "'s"));
	CHECK(has_token(s, "O'Brien"));

	s = segment("Prices rose 3.5% to $1,000.50 on 2024-01-12 at 10:30, AT&T said.");
	CHECK(has_token(s, "3.5"));
	CHECK(has_token(s, "1,000.50"));
	CHECK(has_token(s, "2024-01-12"));
	CHECK(has_token(s, "10:30"));
	CHECK(has_token(s, "AT&T"));
	CHECK(has_token(s, "%"));
	CHECK(has_token(s, "$"));

	s = segment("See https://example.com/a.b?c=1 for details.");
	CHECK(has_token(s, "https://example.com/a.b?c=1"));

	s = segment("Kim Jong-un met the U.S.-Japan team, then left for the Indo–Pacific.");
	CHECK(has_token(s, "Jong-un"));
	CHECK(has_token(s, "U.S.-Japan"));
	CHECK(has_token(s, "Indo–Pacific"));

	/* scripts without spaces go through ICU's dictionary segmentation */
	s = segment("习近平在北京会见了布林肯。");
	CHECK(s->ntoks >= 5);
	CHECK(has_token(s, "北京"));
	CHECK(has_token(s, "。"));
}

static void
test_sentences(void)
{
	Seg		   *s;

	s = segment("Mr. Smith met Gen. Jones on Jan. 12 in Washington. They talked. "
				"It was 3 p.m. in the U.S. The next day he left.");
	CHECK_INT(s->nsents, 4);
	CHECK_STR(s->sents[0], "Mr. Smith met Gen. Jones on Jan. 12 in Washington.");
	CHECK_STR(s->sents[1], "They talked.");
	CHECK_STR(s->sents[2], "It was 3 p.m. in the U.S.");
	CHECK_STR(s->sents[3], "The next day he left.");

	s = segment("He said: \"We will go.\" Then he went. Was it over? Yes!");
	CHECK_INT(s->nsents, 4);
	CHECK_STR(s->sents[0], "He said: \"We will go.\"");
	CHECK_STR(s->sents[2], "Was it over?");

	/* headline, dateline and boilerplate */
	s = segment("Blinken Meets Chinese Official in Washington\n\n"
				"WASHINGTON - The U.S. Secretary of State met a Chinese official. "
				"They spoke.\n\nscroll to top");
	CHECK_INT(s->nsents, 5);
	CHECK_INT(s->kinds[0], DIP_SENT_HEADLINE);
	CHECK_INT(s->kinds[1], DIP_SENT_DATELINE);
	CHECK_STR(s->sents[1], "WASHINGTON -");
	CHECK_INT(s->kinds[2], DIP_SENT_TEXT);
	CHECK_STR(s->sents[2], "The U.S. Secretary of State met a Chinese official.");
	CHECK_INT(s->kinds[4], DIP_SENT_BOILERPLATE);
	CHECK_STR(s->sents[4], "scroll to top");

	s = segment("BEIJING, Jan 12 (Reuters) - China protested on Friday.");
	CHECK_INT(s->kinds[0], DIP_SENT_DATELINE);
	CHECK_STR(s->sents[0], "BEIJING, Jan 12 (Reuters) -");
	CHECK_STR(s->sents[1], "China protested on Friday.");

	/* wire-style lines: headline, dateline line, text */
	s = segment("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY.\n"
				"LONDON 1996-08-30\nWest Indian all-rounder Phil Simmons took four for 38 on Friday.");
	CHECK_INT(s->nsents, 3);
	CHECK_INT(s->kinds[0], DIP_SENT_HEADLINE);
	CHECK_INT(s->kinds[1], DIP_SENT_DATELINE);
	CHECK_STR(s->sents[1], "LONDON 1996-08-30");

	/* hard-wrapped lines continue the sentence */
	s = segment("Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought.");
	CHECK_INT(s->nsents, 1);

	/* a headline in sentence case, a dateline with a date */
	s = segment("Blinken holds talks with senior Chinese party official on eve of Taiwan vote\n\n"
				"WASHINGTON, Jan 12 - U.S. Secretary of State Antony Blinken met Liu Jianchao.");
	CHECK_INT(s->nsents, 3);
	CHECK_INT(s->kinds[0], DIP_SENT_HEADLINE);
	CHECK_INT(s->kinds[1], DIP_SENT_DATELINE);
	CHECK_STR(s->sents[1], "WASHINGTON, Jan 12 -");

	/* after a line break, and with a region, an agency, a state abbreviation */
	s = segment("Russia says it is ready to talk\nKAZAN, Russia, Oct 23 (Reuters) - Russia said so.");
	CHECK_INT(s->kinds[0], DIP_SENT_HEADLINE);
	CHECK_STR(s->sents[1], "KAZAN, Russia, Oct 23 (Reuters) -");
	s = segment("WOODSIDE, California, Nov 15 - Biden and Xi met.");
	CHECK_STR(s->sents[0], "WOODSIDE, California, Nov 15 -");
	s = segment("NEWARK, N.J., April 9 - Immunomedics Inc said it filed.");
	CHECK_STR(s->sents[0], "NEWARK, N.J., April 9 -");
	s = segment("New York, March 25 - Trans World Airlines sold its stake.");
	CHECK_INT(s->kinds[0], DIP_SENT_DATELINE);
	CHECK_STR(s->sents[0], "New York, March 25 -");

	/* a dateline and a sentence on the first line are no headline */
	s = segment("BEIJING - U.S. Secretary of State Antony Blinken met Wang Yi on Sunday.\n\nThey talked.");
	CHECK_INT(s->nsents, 3);
	CHECK_INT(s->kinds[0], DIP_SENT_DATELINE);
	CHECK_INT(s->kinds[1], DIP_SENT_TEXT);

	/* nor a lead sentence with a final period, nor a line cut after "the" */
	s = segment("US actor Ossie Davis has been found dead at the age of 87.\n\nHe was a star.");
	CHECK_INT(s->kinds[0], DIP_SENT_TEXT);
	s = segment("Officials in Tokyo said the\nTalks would go on.");
	CHECK_INT(s->kinds[0], DIP_SENT_TEXT);

	/* a title in capitals naming a month and a year is no dateline */
	s = segment("FRENCH INFLATION SLOWS IN FEBRUARY 1987\nPARIS, March 16 - Prices rose.");
	CHECK_INT(s->kinds[0], DIP_SENT_HEADLINE);
	CHECK_STR(s->sents[1], "PARIS, March 16 -");

	/* empty and blank input */
	s = segment("");
	CHECK_INT(s->nsents, 0);
	s = segment("  \n\t \n ");
	CHECK_INT(s->nsents, 0);
}

static void
test_long_document(void)
{
	/* many paragraphs: chunks stay bounded and numbering continues */
	size_t		n = 2 * 1024 * 1024;
	char	   *buf = malloc(n + 1);
	size_t		pos = 0;
	DipDoc		d;
	uint32_t	last = 0;
	size_t		maxalloc = 0;
	int			k = 0;

	while (pos + 100 < n)
	{
		pos += (size_t) sprintf(buf + pos, "Sentence number %d is here.%s", k,
								(k % 7 == 6) ? "\n\n" : " ");
		k++;
	}
	buf[pos] = '\0';
	dip_doc_init(&d, &dip_malloc_mem, buf, pos);
	while (dip_doc_next_chunk(&d))
	{
		for (uint32_t i = 0; i < d.nsents; i++)
		{
			CHECK(d.sents[i].number == last + 1);
			last = d.sents[i].number;
		}
		if (d.chunk_arena.allocated > maxalloc)
			maxalloc = d.chunk_arena.allocated;
	}
	CHECK_INT(last, k);
	CHECK(maxalloc < 4 * 1024 * 1024);
	dip_doc_free(&d);

	/* one giant paragraph without sentence ends is cut into chunks */
	for (size_t i = 0; i < n; i++)
		buf[i] = (i % 6 == 5) ? ' ' : 'a';
	dip_doc_init(&d, &dip_malloc_mem, buf, n);
	maxalloc = 0;
	while (dip_doc_next_chunk(&d))
	{
		for (uint32_t i = 0; i < d.nsents; i++)
			CHECK(d.sents[i].ntok <= DIP_MAX_SENT_TOKENS);
		if (d.chunk_arena.allocated > maxalloc)
			maxalloc = d.chunk_arena.allocated;
	}
	CHECK(maxalloc < 8 * 1024 * 1024);
	dip_doc_free(&d);
	free(buf);
}

static void
test_dates(void)
{
	int			y,
				m,
				dd;
	int32_t		d;

	CHECK_INT(dip_date_from_ymd(2000, 1, 1), 0);
	CHECK_INT(dip_date_weekday(0), 6);	/* Saturday */
	CHECK(dip_date_parse("2024-01-12", &d));
	CHECK_INT(dip_date_weekday(d), 5);	/* Friday */
	dip_date_to_ymd(d, &y, &m, &dd);
	CHECK(y == 2024 && m == 1 && dd == 12);
	CHECK(!dip_date_parse("2024-02-30", &d));
	CHECK(!dip_date_parse("2024-1-5", &d));
	CHECK(dip_date_parse("1999-12-31", &d));
	CHECK_INT(d, -1);
}

static void
test_cameo(void)
{
	int			c043 = dip_cameo_pack("043", 3);
	int			c04 = dip_cameo_pack("04", 2);
	int			c05 = dip_cameo_pack("05", 2);
	int			c0431 = dip_cameo_pack("0431", 4);
	char		buf[8];

	CHECK(c04 < c043 && c043 < c05);
	CHECK(dip_cameo_within(c043, c04));
	CHECK(!dip_cameo_within(c04, c043));
	CHECK(!dip_cameo_within(c05, c04));
	CHECK(dip_cameo_within(c0431, c043));
	CHECK_INT(dip_cameo_root(c043), c04);
	dip_cameo_unpack(c043, buf);
	CHECK_STR(buf, "043");
	CHECK(dip_cameo_info(c043) != NULL);
	CHECK_STR(dip_cameo_info(c043)->name, "Host a visit");
	CHECK(dip_cameo_info(dip_cameo_pack("099", 3)) == NULL);
	CHECK_INT(dip_cameo_pack("4a", 2), -1);
	CHECK_INT(dip_cameo_pack("12345", 5), -1);
	CHECK(dip_cameo_info(dip_cameo_pack("190", 3))->quad_class == 4);
	CHECK(dip_cameo_info(dip_cameo_pack("190", 3))->goldstein == -10.0f);
	/* every table entry sorts strictly */
	for (int i = 1; i < dip_cameo_table_size; i++)
		CHECK(dip_cameo_table[i - 1].packed < dip_cameo_table[i].packed);

	CHECK(dip_actor_check("USAGOV", 6) == NULL);
	CHECK(dip_actor_check("IGOUNO", 6) == NULL);
	CHECK(dip_actor_check("TWN", 3) == NULL);
	CHECK(dip_actor_check("XYZGOV", 6) != NULL);
	CHECK(dip_actor_check("USAGO", 5) != NULL);
	CHECK(dip_actor_check("usagov", 6) != NULL);
	CHECK(dip_actor_within("USAGOV", 6, "USA", 3));
	CHECK(!dip_actor_within("USA", 3, "USAGOV", 6));
	CHECK(!dip_actor_within("USAGOV", 6, "US", 2));
}

static void
test_dictionary(const char *datadir)
{
	DipDict		d;
	void	   *img;
	DipBuilder *b;
	size_t		sz;
	DipDict		d2;
	void	   *img2;
	uint32_t	w;

	/* the enumerations defined once in dip_dict.h */
	CHECK(dip_kind_in_gazetteer(DIP_KIND_PER) && !dip_kind_in_gazetteer(DIP_KIND_DATE));
	CHECK(!dip_kind_in_gazetteer(DIP_KIND_NONE) && !dip_kind_in_gazetteer(DIP_NKINDS));
	CHECK_INT(dip_kind_from_name("NORP", 4), DIP_KIND_NORP);
	CHECK_STR(dip_kind_name(DIP_KIND_DATE), "DATE");
	CHECK_INT(dip_office_from_name("defense_minister", 16), DIP_OFFICE_DEFENCE_MINISTER);
	CHECK_STR(dip_office_name(DIP_OFFICE_NSA), "national_security_adviser");
	for (int k = 0; dip_lexclass_name(k) != NULL; k++)
		CHECK_INT(dip_lexclass_from_name(dip_lexclass_name(k), strlen(dip_lexclass_name(k))),
				  1u << k);
	CHECK_INT(dip_lexclass_from_name("PER_PARTICLE", 12), LX_PARTICLE);
	CHECK_INT(dip_lexclass_from_name("NOUNS", 5), 0);

	/* a small hand-made dictionary */
	b = dip_builder_new(&dip_malloc_mem);
	CHECK(dip_builder_add_entity(b, "GPE", "United States", "USA", "USA",
								 "U.S.|US|America", DIP_NO_DATE, DIP_NO_DATE));
	CHECK(!dip_builder_add_entity(b, "XXX", "Nowhere", "", "", "", DIP_NO_DATE, DIP_NO_DATE));
	CHECK(!dip_builder_add_entity(b, "GPE", "Nowhere", "QQQ", "", "", DIP_NO_DATE, DIP_NO_DATE));
	/* aliases with rules in brackets; unknown rules and open brackets are refused */
	CHECK(dip_builder_add_entity(b, "GPE", "Central African Republic", "CAF", "CAF",
								 "CAR [nocaseless]|Centrafrique [exactcase context]",
								 DIP_NO_DATE, DIP_NO_DATE));
	CHECK(!dip_builder_add_entity(b, "ORG", "Bad Rule", "", "", "BR [sometimes]", DIP_NO_DATE,
								  DIP_NO_DATE));
	CHECK(!dip_builder_add_entity(b, "ORG", "Open Rule", "", "", "ORU [context", DIP_NO_DATE,
								  DIP_NO_DATE));
	CHECK(dip_builder_add_verb(b, "meet", "meets", "met", "met", "meeting"));
	CHECK(dip_builder_add_pattern(b, "040", "{meet} with +"));
	CHECK(!dip_builder_add_pattern(b, "999", "{meet} with +"));
	CHECK(!dip_builder_add_pattern(b, "040", "+ {meet}"));
	CHECK(!dip_builder_add_pattern(b, "040", "{greet} +"));
	CHECK(dip_builder_add_topic(b, "politics", "Politics", ""));
	CHECK(dip_builder_add_topic(b, "cross_strait", "Cross-strait", "politics"));
	CHECK(!dip_builder_add_topic(b, "Bad Key", "x", ""));
	CHECK(dip_builder_add_term(b, "cross_strait", "taiwan strait", 3));
	CHECK(dip_builder_add_term(b, "cross_strait", "GPE:United States", 1));
	CHECK(!dip_builder_add_term(b, "nope", "x", 1));
	/* lexicon rows: word classes, and cue classes with their values */
	CHECK(dip_builder_add_lexicon(b, "war", "NOUN", NULL));
	CHECK(dip_builder_add_lexicon(b, "war", "MISC_HEAD", NULL));
	CHECK(dip_builder_add_lexicon(b, "hmcs", "MISC_PREFIX", ""));
	CHECK(dip_builder_add_lexicon(b, "bureau", "ORG_ROLE", "GOV"));
	CHECK(dip_builder_add_lexicon(b, "Juin", "DATE_MONTH", "6"));
	CHECK(dip_builder_add_lexicon(b, "juin", "DATE_MONTH", "7"));	/* the last one wins */
	CHECK(!dip_builder_add_lexicon(b, "juillet", "DATE_MONTH", "13"));
	CHECK(!dip_builder_add_lexicon(b, "juillet", "DATE_MONTH", NULL));
	CHECK(!dip_builder_add_lexicon(b, "juillet", "DATE_MONTH", "7x"));
	CHECK(!dip_builder_add_lexicon(b, "office", "ORG_ROLE", "XYZ"));
	CHECK(!dip_builder_add_lexicon(b, "hardly", "NEGATION", "1"));
	CHECK(!dip_builder_add_lexicon(b, "hardly", "NEGATIONS", NULL));
	sz = dip_builder_finish(b, &img);
	CHECK(sz > 0);
	dip_builder_free(b);
	CHECK(dip_dict_open(&d, img, sz) == NULL);
	CHECK_INT(d.hdr->nentities, 2);
	CHECK_INT(d.hdr->npatterns, 1);
	{
		const char *words[] = {"car", "centrafrique", "central"};
		uint32_t	want[] = {DIP_ALIAS_NOCASELESS, DIP_ALIAS_EXACTCASE | DIP_ALIAS_CONTEXT, 0};

		for (int k = 0; k < 3; k++)
		{
			uint32_t	node = dip_trie_child(&d, 0, dip_vocab_lookup(&d, words[k], strlen(words[k])));
			const DipNode *nd = &d.nodes[node];
			int			found = -1;

			for (uint32_t i = 0; node != 0 && i < nd->item_count; i++)
				if (d.items[nd->item_first + i].type == DIP_ITEM_ENTITY)
					found = d.items[nd->item_first + i].flags;
			CHECK_INT(found, (int) (k == 2 ? -1 : (int) want[k]));
		}
		CHECK_STR(dip_alias_rule_name(DIP_ALIASB_CONTEXT), "context");
	}
	w = dip_vocab_lookup(&d, "met", 3);
	CHECK(w != 0);
	CHECK(d.words[w].vforms & DIP_VF_PAST);
	CHECK(dip_vocab_lookup(&d, "u.s.", 4) != 0);
	CHECK(dip_vocab_lookup(&d, "zzz", 3) == 0);
	CHECK(dip_trie_child(&d, 0, dip_vocab_lookup(&d, "united", 6)) != 0);
	CHECK_INT(d.entities[0].topic_count, 1);
	{
		uint32_t	war = dip_vocab_lookup(&d, "war", 3),
					hmcs = dip_vocab_lookup(&d, "hmcs", 4),
					juin = dip_vocab_lookup(&d, "juin", 4),
					bureau = dip_vocab_lookup(&d, "bureau", 6);
		int32_t		num = 0;
		const char *str = NULL;

		CHECK(war != 0 && (d.words[war].lex & LX_NOUN) && (dip_word_cues(&d, war) & CUE_MISC_HEAD));
		/* a word the dictionaries know only as a cue word is not a known word */
		CHECK(dip_word_known(&d, war) && hmcs != 0 && !dip_word_known(&d, hmcs));
		CHECK(dip_word_value(&d, juin, CUEB_DATE_MONTH, &num, NULL) && num == 7);
		CHECK(!dip_word_value(&d, juin, CUEB_DATE_WEEKDAY, &num, NULL));
		CHECK(dip_word_value(&d, bureau, CUEB_ORG_ROLE, NULL, &str) && strcmp(str, "GOV") == 0);
		CHECK(!dip_word_value(&d, war, CUEB_ORG_ROLE, NULL, &str));
	}
	/* a corrupted image is refused */
	((char *) img)[sz - 9] ^= 0x5a;
	CHECK(dip_dict_open(&d2, img, sz) != NULL);
	CHECK(dip_dict_open(&d2, img, sz - 8) != NULL);
	free(img);

	/* the real data files load without errors */
	b = dip_builder_new(&dip_malloc_mem);
	CHECK_INT(tsv_load_all(b, datadir, 1), 0);
	sz = dip_builder_finish(b, &img2);
	CHECK(sz > 0);
	dip_builder_free(b);
	CHECK(dip_dict_open(&d2, img2, sz) == NULL);
	CHECK(d2.hdr->nentities > 100);
	free(img2);
}

/*
 * The named rules of the recogniser, resolution, the event coder and the
 * topic stage: unique lower-case names with a description.
 */
static void
test_rules(void)
{
	const DipRule *all[256];
	int			n = 0;
	const DipRule *(*stages[]) (int) = {dip_recognise_rule, dip_resolve_rule, dip_actors_rule,
	dip_events_rule, dip_topics_rule};

	for (size_t s = 0; s < sizeof(stages) / sizeof(stages[0]); s++)
	{
		const DipRule *r;
		int			k0 = n;

		for (int k = 0; (r = stages[s] (k)) != NULL && n < 256; k++)
			all[n++] = r;
		CHECK(n - k0 >= 3);
	}
	CHECK(n > 60);
	for (int i = 0; i < n; i++)
	{
		CHECK(all[i]->name[0] != '\0' && strspn(all[i]->name, "abcdefghijklmnopqrstuvwxyz_") ==
			  strlen(all[i]->name));
		CHECK(strlen(all[i]->description) > 10);
		for (int j = 0; j < i; j++)
			if (strcmp(all[i]->name, all[j]->name) == 0)
			{
				failures++;
				fprintf(stderr, "rule name used twice: %s\n", all[i]->name);
			}
	}
}

/* True if the document has "`name`" in it. */
static bool
doc_names(const char *doc, const char *name)
{
	char		quoted[80];

	snprintf(quoted, sizeof(quoted), "`%s`", name);
	return strstr(doc, quoted) != NULL;
}

/*
 * doc/architecture.md lists every named rule, in the order the stages
 * list them, with its description: "| `name` | description |".
 */
static void
test_rule_docs(void)
{
	char	   *arch = tsv_read_file("doc/architecture.md", NULL);
	const DipRule *(*stages[]) (int) = {dip_recognise_rule, dip_resolve_rule, dip_actors_rule,
	dip_events_rule, dip_topics_rule};
	const char *last = arch;

	if (arch == NULL)
	{
		printf("doc/architecture.md not found: rule documentation not checked\n");
		return;
	}
	for (size_t s = 0; s < sizeof(stages) / sizeof(stages[0]); s++)
	{
		const DipRule *r;

		for (int k = 0; (r = stages[s] (k)) != NULL; k++)
		{
			char		row[512];
			size_t		len = (size_t) snprintf(row, sizeof(row), "| `%s` | ", r->name);
			const char *at;

			/* a | in a description is escaped in a Markdown table */
			for (const char *c = r->description; *c && len + 8 < sizeof(row); c++)
			{
				if (*c == '|')
					row[len++] = '\\';
				row[len++] = *c;
			}
			memcpy(row + len, " |\n", 4);
			at = strstr(arch, row);
			if (at == NULL || at < last)
			{
				failures++;
				fprintf(stderr, "doc/architecture.md does not list rule %s %s\n", r->name,
						at == NULL ? "with its description" : "in its order");
			}
			else
				last = at;
		}
	}
	checks++;
	free(arch);
}

/*
 * The documentation names every lexicon class (doc/data-formats.md) and
 * every named rule (doc/architecture.md); run from the top of the
 * checkout, as make does.
 */
static void
test_docs(void)
{
	char	   *formats = tsv_read_file("doc/data-formats.md", NULL);

	test_rule_docs();
	if (formats == NULL)
	{
		printf("doc/data-formats.md not found: documentation not checked\n");
		return;
	}
	for (int k = 0; dip_lexclass_name(k) != NULL; k++)
		if (!doc_names(formats, dip_lexclass_name(k)))
		{
			failures++;
			fprintf(stderr, "doc/data-formats.md does not describe class %s\n", dip_lexclass_name(k));
		}
	for (int k = 0; dip_cueclass_name(k) != NULL; k++)
		if (!doc_names(formats, dip_cueclass_name(k)))
		{
			failures++;
			fprintf(stderr, "doc/data-formats.md does not describe class %s\n", dip_cueclass_name(k));
		}
	checks++;
	free(formats);
}

/* Does the analysis have a mention "KIND:text as written"? */
static bool
has_mention(const DipAnalysis *an, const char *text, const char *want, size_t wlen)
{
	const char *colon = memchr(want, ':', wlen);

	if (colon == NULL)
		return false;
	for (uint32_t i = 0; i < an->nm; i++)
	{
		const DipMention *m = &an->m[i];
		const char *k = dip_kind_name(m->kind);

		if (strlen(k) == (size_t) (colon - want) && memcmp(k, want, colon - want) == 0 &&
			m->len == wlen - (colon - want) - 1 &&
			memcmp(text + m->start, colon + 1, m->len) == 0)
			return true;
	}
	return false;
}

/* test/data/ner.tsv: recognition errors fixed once stay fixed */
static void
test_ner(const char *datadir, const char *path)
{
	DipDict		d;
	void	   *img = tsv_build_dict(datadir, &d, 0);
	size_t		len;
	char	   *buf = tsv_read_file(path, &len);
	char	   *line,
			   *save = NULL;
	int			cases = 0;

	CHECK(img != NULL && buf != NULL);
	if (img == NULL || buf == NULL)
		return;
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
	{
		char	   *f[3] = {line, NULL, NULL};
		DipAnalysis an;

		if (line[0] == '#' || strncmp(line, "text\t", 5) == 0)
			continue;
		for (int k = 1; k < 3; k++)
		{
			f[k] = f[k - 1] ? strchr(f[k - 1], '\t') : NULL;
			if (f[k])
				*f[k]++ = '\0';
		}
		/* "\n" stands for a line break */
		for (int k = 0; k < 3; k++)
		{
			char	   *o = f[k];

			for (char *p = f[k]; p && *p; p++)
			{
				if (p[0] == '\\' && p[1] == 'n')
				{
					*o++ = '\n';
					p++;
				}
				else
					*o++ = *p;
			}
			if (o)
				*o = '\0';
		}
		dip_analysis_init(&an, &dip_malloc_mem, &d, DIP_DATE_NONE, DIP_WANT_MENTIONS);
		dip_analyze(&an, line, strlen(line));
		/* every mention names the rule that made it */
		for (uint32_t m = 0; m < an.nm; m++)
			CHECK(an.m[m].rule != NULL);
		for (int k = 1; k < 3; k++)
		{
			const char *p = f[k];

			while (p && *p)
			{
				const char *e = strchr(p, '|');
				size_t		l = e ? (size_t) (e - p) : strlen(p);
				bool		found = has_mention(&an, line, p, l);

				checks++;
				if (found != (k == 1))
				{
					failures++;
					fprintf(stderr, "FAIL: %s %.*s in \"%s\"\n",
							k == 1 ? "missing" : "unwanted", (int) l, p, line);
				}
				p = e ? e + 1 : NULL;
			}
		}
		dip_analysis_free(&an);
		cases++;
	}
	CHECK(cases > 5);
	free(buf);
	free(img);
}

/* What the windows of a long document gave, for test_windows. */
typedef struct WindowSums
{
	uint32_t	windows;
	uint32_t	mentions;
	uint32_t	events;
	uint64_t	spans;			/* sum of mention starts and entity kinds */
	size_t		maxalloc;		/* the most arena memory at a window's end */
	size_t		mid;			/* that at the end of the 16th window */
} WindowSums;

/* Adds up a window's mentions and events. */
static void
sum_window(const DipAnalysis *an, void *arg)
{
	WindowSums *ws = arg;

	ws->windows++;
	ws->mentions += an->nm;
	ws->events += an->nev;
	for (uint32_t i = 0; i < an->nm; i++)
		ws->spans += an->m[i].start * 7 + an->m[i].kind;
	if (ws->windows == 16)
		ws->mid = an->arena.allocated;
	if (an->arena.allocated > ws->maxalloc)
		ws->maxalloc = an->arena.allocated;
}

/*
 * A long document analysed window by window gives the mentions, events
 * and entity counts of the whole document when its paragraphs stand
 * alone, and its memory stays bounded by the window.
 */
static void
test_windows(const char *datadir)
{
	const char *para = "Foreign Minister Yoko Kamikawa met Antony Blinken in Washington on Friday. "
		"Blinken said the United States would defend Japan, and China protested.\n\n";
	size_t		plen = strlen(para);
	size_t		n = 1024 * 1024;
	char	   *buf = malloc(n + plen + 1);
	size_t		len = 0;
	DipDict		d;
	void	   *img = tsv_build_dict(datadir, &d, 0);
	DipAnalysis whole,
				win;
	WindowSums	ws = {0};
	uint64_t	spans = 0;
	int			want = DIP_WANT_MENTIONS | DIP_WANT_EVENTS | DIP_WANT_TOPICS;

	CHECK(img != NULL);
	if (img == NULL)
		return;
	while (len < n)
	{
		memcpy(buf + len, para, plen);
		len += plen;
	}
	buf[len] = '\0';
	dip_analysis_init(&whole, &dip_malloc_mem, &d, dip_date_from_ymd(2024, 1, 13), want);
	dip_analyze(&whole, buf, len);
	dip_analysis_init(&win, &dip_malloc_mem, &d, dip_date_from_ymd(2024, 1, 13), want);
	dip_analyze_windows(&win, buf, len, 32 * 1024, sum_window, &ws);
	for (uint32_t i = 0; i < whole.nm; i++)
		spans += whole.m[i].start * 7 + whole.m[i].kind;
	CHECK(ws.windows >= 30);
	CHECK(whole.nm > 10000);
	CHECK_INT(ws.mentions, whole.nm);
	CHECK_INT(ws.events, whole.nev);
	CHECK(ws.spans == spans);
	CHECK_INT(win.nents, whole.nents);
	for (uint32_t e = 0; e < whole.nents && e < win.nents; e++)
		CHECK_INT(win.ents[e].count, whole.ents[e].count);
	/* the windows' memory stops growing, a fraction of the whole document's */
	CHECK(ws.maxalloc <= ws.mid + 1024 * 1024);
	CHECK(whole.arena.allocated > 8 * ws.maxalloc);
	dip_analysis_free(&whole);
	dip_analysis_free(&win);
	free(buf);
	free(img);
}

/* Does event ev match the checks of a row of test/data/actors.tsv ("!" negates)? */
static bool
actor_row_matches(const DipAnalysis *an, const DipEvent *ev, char *const *f, bool negated)
{
	const DipActorRef *src = ev->source >= 0 ? &an->actors[ev->source] : NULL;
	const DipActorRef *tgt = ev->target >= 0 ? &an->actors[ev->target] : NULL;

	for (int k = 2; k <= 4; k++)
	{
		const char *want = f[k];
		char		got[256];

		if (want == NULL || !*want || (want[0] == '!') != negated)
			continue;
		if (negated)
			want++;
		if (k == 2)
			snprintf(got, sizeof(got), "%s", src ? src->code : "-");
		else if (k == 3)
			snprintf(got, sizeof(got), "%s", tgt ? tgt->code : "-");
		else
			snprintf(got, sizeof(got), "%.*s", src ? (int) src->namelen : 1, src ? src->name : "-");
		if ((strcmp(got, want) == 0) == negated)
			return negated ? true : false;
	}
	return !negated;
}

/*
 * test/data/actors.tsv: actors get the countries their words give, titles
 * and pronouns resolve where the text is clear, and where it is not they
 * stay unresolved.
 */
static void
test_actors(const char *datadir, const char *path)
{
	DipDict		d;
	void	   *img = tsv_build_dict(datadir, &d, 0);
	char	   *buf = tsv_read_file(path, NULL);
	char	   *line,
			   *save = NULL;
	int			cases = 0;

	CHECK(img != NULL && buf != NULL);
	if (img == NULL || buf == NULL)
		return;
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
	{
		char	   *f[6] = {line};
		char		text[1024];
		size_t		tl = 0;
		int32_t		published = DIP_DATE_NONE;
		DipAnalysis an;
		bool		found = false,
					forbidden = false;

		if (line[0] == '#' || strncmp(line, "text\t", 5) == 0)
			continue;
		for (int k = 1; k < 6; k++)
		{
			f[k] = f[k - 1] ? strchr(f[k - 1], '\t') : NULL;
			if (f[k])
				*f[k]++ = '\0';
		}
		for (const char *p = f[0]; *p && tl + 1 < sizeof(text); p++)
		{
			if (p[0] == '\\' && p[1] == 'n')
			{
				text[tl++] = '\n';
				p++;
			}
			else
				text[tl++] = *p;
		}
		text[tl] = '\0';
		if (f[1] && *f[1])
			CHECK(dip_date_parse(f[1], &published));
		dip_analysis_init(&an, &dip_malloc_mem, &d, published, DIP_WANT_EVENTS);
		dip_analyze(&an, text, tl);
		for (uint32_t e = 0; e < an.nev; e++)
		{
			found |= actor_row_matches(&an, &an.ev[e], f, false);
			forbidden |= actor_row_matches(&an, &an.ev[e], f, true);
		}
		/* a row of "!" checks only needs no event to match them */
		if (!((f[2] && *f[2] && f[2][0] != '!') || (f[3] && *f[3] && f[3][0] != '!') ||
			  (f[4] && *f[4] && f[4][0] != '!')))
			found = true;
		checks++;
		if (!found || forbidden)
		{
			failures++;
			fprintf(stderr, "FAIL: actors \"%s\": %s (%s)\n", f[0],
					!found ? "no event as expected" : "an event it must not have", f[5] ? f[5] : "");
		}
		dip_analysis_free(&an);
		cases++;
	}
	CHECK(cases > 10);
	free(buf);
	free(img);
}

int
main(int argc, char **argv)
{
	const char *datadir = argc > 1 ? argv[1] : "data";
	const char *nerfile = argc > 2 ? argv[2] : "test/data/ner.tsv";

	test_utf8_and_normalize();
	test_words();
	test_sentences();
	test_long_document();
	test_dates();
	test_cameo();
	test_dictionary(datadir);
	test_rules();
	test_docs();
	test_ner(datadir, nerfile);
	test_windows(datadir);
	test_actors(datadir, "test/data/actors.tsv");
	dip_segment_cleanup();
	printf("engine tests: %d checks, %d failed\n", checks, failures);
	return failures ? 1 : 0;
}
