/*-------------------------------------------------------------------------
 *
 * dip_build_int.h
 *	  Internals of the dictionary builder, shared by the builder
 *	  (dip_builder.c), the pattern parser (dip_pattern.c) and the image
 *	  layout (dip_image.c).
 *
 *-------------------------------------------------------------------------
 */
#ifndef DIP_BUILD_INT_H
#define DIP_BUILD_INT_H

#include "dip_build.h"
#include "dip_segment.h"

/* Growable arrays inside the builder's arena */
typedef struct Vec
{
	void	   *v;
	uint32_t	n;
	uint32_t	cap;
	uint32_t	esize;
} Vec;

#define VEC_INIT(T) {NULL, 0, 0, sizeof(T)}
#define VEC_AT(vec, T, i) (&((T *) (vec).v)[i])

typedef struct BEdge
{
	uint32_t	node;
	uint32_t	wid;
	uint32_t	child;
} BEdge;

typedef struct BItem
{
	uint32_t	node;
	DipItem		item;
} BItem;

typedef struct BTermRef
{
	uint32_t	group;
	uint32_t	topic;
	float		weight;
	uint32_t	seq;
} BTermRef;

typedef struct BEntTopic
{
	uint32_t	topic;
	float		weight;
	int			kind;
	uint32_t	name;			/* strpool */
	uint32_t	namelen;
} BEntTopic;

/* A word's value in a valued cue class, in the order added */
typedef struct BWordValue
{
	DipWordValue v;
	uint32_t	seq;
} BWordValue;

typedef struct LemmaForms
{
	uint32_t	wid[5];
} LemmaForms;

typedef struct BPendingOffice
{
	DipOffice	o;
	uint32_t	person;			/* strpool */
	uint32_t	personlen;
} BPendingOffice;

struct DipBuilder
{
	DipMem		mem;
	DipArena	arena;
	char		error[256];

	Vec			strpool;		/* char */
	Vec			words;			/* DipWord */
	uint32_t   *whash;			/* open addressing: wid */
	uint32_t	whash_size;

	Vec			edges;			/* BEdge */
	uint32_t   *ehash;			/* index+1 into edges */
	uint32_t	ehash_size;
	uint32_t	nnodes;
	Vec			items;			/* BItem */

	Vec			entities;		/* DipEntity */
	Vec			offices;		/* BPendingOffice */
	Vec			roles;			/* DipRole */
	Vec			patterns;		/* DipPattern */
	Vec			pelems;			/* DipPElem */
	Vec			pwids;			/* uint32_t */
	Vec			lemmas;			/* uint32_t strpool offsets */
	Vec			lemmaforms;		/* LemmaForms, parallel to lemmas */
	Vec			mwverbs;		/* char *: "lemma\tf1|f2|f3|f4|f5" of
								 * hyphenated verbs */
	Vec			topics;			/* DipTopic */
	Vec			termrefs;		/* BTermRef */
	Vec			enttopics;		/* BEntTopic */
	Vec			values;			/* BWordValue */
	bool		cue_words;		/* words interned now are cue words only */
	uint32_t	ngroups;
	uint32_t   *node_group;		/* node -> group+1, grown with nodes */
	uint32_t	node_group_cap;
};

/* Tokens of a dictionary phrase. */
typedef struct PTok
{
	uint32_t	wid;
	uint32_t	flags;
	const char *norm;
	uint32_t	nlen;
} PTok;

extern void *dipb_vec_push(DipArena *a, Vec *vec);
extern void dipb_set_error(DipBuilder *b, const char *fmt, const char *arg);
extern uint32_t dipb_string(DipBuilder *b, const char *s, size_t len);
extern const char *dipb_str(const DipBuilder *b, uint32_t off);
extern uint32_t dipb_intern_word(DipBuilder *b, const char *s, size_t len);
extern uint32_t dipb_trie_step(DipBuilder *b, uint32_t node, uint32_t wid, bool create);
extern int	dipb_phrase_tokens(DipBuilder *b, const char *s, PTok *out, bool intern);
extern uint32_t dipb_insert_path(DipBuilder *b, const PTok *toks, int n);
extern void dipb_add_item(DipBuilder *b, uint32_t node, int type, int len, uint32_t ref,
						  uint32_t capmask, uint32_t allcapsmask);
/* An entity alias item with its rules (DIP_ALIAS_*). */
extern void dipb_add_alias_item(DipBuilder *b, uint32_t node, int type, int len, uint32_t ref,
								uint32_t capmask, uint32_t allcapsmask, uint32_t flags);
extern void dipb_copy_code(char *dst, size_t dstsize, const char *src);
extern int	dipb_topic(DipBuilder *b, const char *key);

#endif							/* DIP_BUILD_INT_H */
