/*-------------------------------------------------------------------------
 *
 * fuzz_engine.c
 *	  Randomised robustness test of the analysis engine, run under
 *	  AddressSanitizer and UBSan: documents of random bytes, of random
 *	  news-like tokens (capitalised words, titles, numbers, tables, quotes,
 *	  datelines, line breaks and indentation) and of mutated test sentences
 *	  go through segmentation, recognition, topics and event coding with
 *	  and without a publication date.  Any crash, sanitizer report or
 *	  broken invariant (a span outside the document, a character span that
 *	  does not match the byte span, an event without a valid code) fails.
 *
 *	  fuzz_engine DATADIR [ITERATIONS [SEED]]
 *
 *-------------------------------------------------------------------------
 */
#include "dip.h"
#include "tsv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state;

static uint32_t
rnd(uint32_t n)
{
	/* xorshift64*: deterministic for a given seed */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return n ? (uint32_t) ((rng_state * 0x2545F4914F6CDD1DULL) >> 33) % n : 0;
}

static const char *const pieces[] = {
	"The", "the", "President", "Foreign Minister", "Secretary of State", "Mr.", "Dr.",
	"Antony Blinken", "Blinken", "Wang Yi", "Xi Jinping", "Kamikawa", "U.S.", "US",
	"United States", "China", "Chinese", "Japan's", "Taiwan", "Houthi", "Houthis",
	"Red Sea", "Northern", "Iraq", "Derby County", "Fairfax County", "Corp", "Inc",
	"Co", "Ltd", "and", "&", "of", "in", "at", "on", "with", "between", "met", "meets",
	"said", "denied", "will", "would", "not", "attacked", "was shot", "killed", "seized",
	"a", "group of", "pirates", "officials", "the two leaders", "they", "it", "was",
	"worth", "on Friday", "last November", "Jan. 12", "2024", "5", "0.8", "12.5", "-",
	"--", ",", ".", ";", ":", "?", "!", "\"", "'", "(", ")", "'s", "n't", "\n", "\n\n",
	"\n    ", "  ", "\t", "WASHINGTON -", "BEIJING, Jan 12 (Reuters) -", "scroll to top",
	"NOTE:", "Shr 34 cts vs 1.19 dlrs", "Record April 24", "CTF 50", "(DDG 70)",
	"Operation", "USS", "Iran-backed", "U.S.-led", "al-Qaida", "Kyiv", "Moscow",
	"Atlanta 5 PITTSBURGH 1", "KANSAS CITY AT DETROIT", "\xe4\xb8\xad\xe5\x9b\xbd",
	"\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa7\xd9\x82", "caf\xc3\xa9", "\xef\xac\x81",
	"e\xcc\x81", "\xe2\x80\x94", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xf0\x9f\x98\x80",
	"A.", "J.", "St.", "No.", "vs", "Ambassador", "General", "Supreme Court",
	"Foreign Ministry", "Embassy", "assassination attempt", "drone strike", "bomb",
};

#define NPIECES (sizeof(pieces) / sizeof(pieces[0]))

/* Random bytes: anything, including invalid UTF-8 and NUL-free control. */
static size_t
gen_bytes(char *buf, size_t cap)
{
	size_t		n = rnd((uint32_t) cap);

	for (size_t i = 0; i < n; i++)
	{
		buf[i] = (char) (rnd(255) + 1);
	}
	return n;
}

/* Random sequences of news-like pieces. */
static size_t
gen_pieces(char *buf, size_t cap)
{
	size_t		n = 0;
	uint32_t	count = rnd(200);

	for (uint32_t k = 0; k < count; k++)
	{
		const char *p = pieces[rnd(NPIECES)];
		size_t		l = strlen(p);

		if (n + l + 1 >= cap)
			break;
		memcpy(buf + n, p, l);
		n += l;
		if (rnd(4) != 0)
			buf[n++] = ' ';
	}
	return n;
}

/* A seed text with random bytes flipped, deleted or duplicated. */
static size_t
gen_mutation(char *buf, size_t cap, const char *seed, size_t seedlen)
{
	size_t		n = seedlen < cap ? seedlen : cap - 1;
	uint32_t	edits = rnd(8);

	memcpy(buf, seed, n);
	for (uint32_t k = 0; k < edits && n > 0; k++)
	{
		size_t		at = rnd((uint32_t) n);

		switch (rnd(3))
		{
			case 0:
				buf[at] = (char) (rnd(255) + 1);
				break;
			case 1:
				memmove(buf + at, buf + at + 1, n - at - 1);
				n--;
				break;
			default:
				if (n + 16 < cap)
				{
					size_t		l = rnd(16);

					if (at + l > n)
						l = n - at;
					memmove(buf + at + l, buf + at, n - at);
					n += l;
				}
				break;
		}
	}
	return n;
}

static int	failures;

static void
fail(const char *what, const char *doc, size_t len)
{
	failures++;
	if (failures <= 10)
		fprintf(stderr, "FAIL: %s in a document of %zu bytes: %.*s\n", what, len,
				(int) (len > 200 ? 200 : len), doc);
}

/* A document being checked, for the window callback. */
typedef struct Checked
{
	const char *doc;
	size_t		len;
	bool		valid;			/* well-formed UTF-8 */
} Checked;

/* Checks the spans, entities, codes and rules of an analysis's results. */
static void
check_results(const DipAnalysis *an, void *arg)
{
	const Checked *c = arg;
	const char *doc = c->doc;
	size_t		len = c->len;

	for (uint32_t i = 0; i < an->nm; i++)
	{
		const DipMention *m = &an->m[i];

		if ((size_t) m->start + m->len > len || m->len == 0)
			fail("mention outside the document", doc, len);
		else if (c->valid && (dip_utf8_count(doc + m->start, m->len) != m->clen ||
							  dip_utf8_count(doc, m->start) != m->cstart))
			fail("mention character span does not match its bytes", doc, len);
		if (m->entity < 0 || (uint32_t) m->entity >= an->nents)
			fail("mention without an entity", doc, len);
		if (m->rule == NULL)
			fail("mention without the rule that made it", doc, len);
	}
	for (uint32_t i = 0; i < an->nev; i++)
	{
		const DipEvent *e = &an->ev[i];

		if ((size_t) e->start + e->len > len)
			fail("event outside the document", doc, len);
		else if (c->valid && dip_utf8_count(doc + e->start, e->len) != e->clen)
			fail("event character span does not match its bytes", doc, len);
		if (dip_cameo_info(e->code) == NULL)
			fail("event with an invalid CAMEO code", doc, len);
		if (e->source < 0 && e->target < 0)
			fail("event without actors", doc, len);
		if (e->nrules == 0)
			fail("event without the rules that coded it", doc, len);
	}
}

/*
 * Analyses a document and checks the results; a long one also window by
 * window, as the SQL functions analyse documents over a megabyte.
 */
static void
check(const DipDict *d, const char *doc, size_t len, int32_t published)
{
	DipAnalysis an;
	Checked		c = {doc, len, dip_utf8_valid(doc, len)};
	int			want = DIP_WANT_MENTIONS | DIP_WANT_TOPICS | DIP_WANT_EVENTS;

	dip_analysis_init(&an, &dip_malloc_mem, d, published, want);
	dip_analyze(&an, doc, len);
	check_results(&an, &c);
	dip_analysis_free(&an);
	if (len > 32 * 1024)
	{
		dip_analysis_init(&an, &dip_malloc_mem, d, published, want);
		dip_analyze_windows(&an, doc, len, 16 * 1024, check_results, &c);
		dip_analysis_free(&an);
	}
}

int
main(int argc, char **argv)
{
	const char *datadir = argc > 1 ? argv[1] : "data";
	long		iterations = argc > 2 ? atol(argv[2]) : 3000;
	DipDict		d;
	void	   *img = tsv_build_dict(datadir, &d, 0);
	size_t		seedlen = 0;
	char	   *seeds = tsv_read_file("test/data/events.tsv", &seedlen);
	size_t		cap = 200000;
	char	   *buf = malloc(cap);
	int32_t		pub;

	rng_state = argc > 3 ? strtoull(argv[3], NULL, 10) : 0x9E3779B97F4A7C15ULL;
	if (rng_state == 0)
		rng_state = 1;
	if (img == NULL || buf == NULL || seeds == NULL)
	{
		fprintf(stderr, "fuzz: cannot load the dictionaries or test/data/events.tsv\n");
		return 1;
	}
	dip_date_parse("2024-01-13", &pub);
	for (long it = 0; it < iterations; it++)
	{
		size_t		n;

		switch (it % 3)
		{
			case 0:
				n = gen_bytes(buf, 2048);
				break;
			case 1:
				n = gen_pieces(buf, 16384);
				/* now and then a document over several 64 kB chunks */
				if (it % 100 == 1)
					while (n + 16384 < cap)
						n += gen_pieces(buf + n, 16384);
				break;
			default:
				{
					size_t		at = rnd((uint32_t) seedlen);
					size_t		l = 64 + rnd(4096);

					if (at + l > seedlen)
						l = seedlen - at;
					n = gen_mutation(buf, 16384, seeds + at, l);
				}
				break;
		}
		check(&d, buf, n, (it & 4) ? pub : DIP_DATE_NONE);
	}
	printf("fuzz: %ld documents, %d failures\n", iterations, failures);
	free(buf);
	free(seeds);
	free(img);
	dip_segment_cleanup();
	return failures ? 1 : 0;
}
