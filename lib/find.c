/*
 * libmfr - finding regions and conditions by the words a client uses
 * (mfr/find.h has the rules and the ranking).
 * SPDX-License-Identifier: MIT
 *
 * A search reads its words once, then every name and synonym of the
 * model's regions and conditions: linear in the model's text, with no
 * index to build or keep (a model of a few hundred entities is read in
 * microseconds). Scores are kept as exact fractions, so the ranking never
 * depends on rounding.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "model-private.h"
#include "words.h"

struct mfr_find_match {
	uint8_t kind; /* MFR_KIND_REGION or MFR_KIND_CONDITION */
	uint8_t synonym;
	const mfr_region *region;
	const mfr_condition *condition;
	const char *term;
	uint32_t index;    /* the entity's model index */
	uint64_t num, den; /* the score, num / den */
};

struct mfr_find {
	const mfr_model *model;
	mfr_find_match *matches;
	uint32_t count;
};

/* The distinct words of a search, canonical, in @p text. */
typedef struct query {
	char *text;
	size_t at[MFR_FIND_MAX_WORDS], len[MFR_FIND_MAX_WORDS];
	uint32_t count;
	int32_t prefix; /* the word that may match the start of a longer one, or -1 */
} query;

/* One search's state while it reads the model. */
typedef struct search {
	query q;
	mfr_find_match *matches;
	uint32_t count, cap;
} search;

static size_t char_count(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static mfr_status_t read_query(query *q, const char *words, mfr_error **err)
{
	size_t n = char_count(words), used = 0;
	const char *p = words;
	mfr_word w;

	if (n > MFR_FIND_MAX_LENGTH)
		return mfr__error_set(err, MFR_E_RANGE, NULL, "mfr_model_find: the search has "
				      "%zu characters; the limit is %d: shorten it to the "
				      "words that say where or what", n, MFR_FIND_MAX_LENGTH);
	q->count = 0;
	q->prefix = -1;
	q->text = mfr__malloc(strlen(words) + 1);
	if (!q->text)
		return mfr__error_nomem(err);
	while (mfr__word_next(&p, &w)) {
		char *c = q->text + used;
		size_t len = mfr__word_canon(&w, c, w.len);
		uint32_t k;

		for (k = 0; k < q->count; k++)
			if (q->len[k] == len && memcmp(q->text + q->at[k], c, len) == 0)
				break;
		if (k == q->count) {
			if (q->count == MFR_FIND_MAX_WORDS)
				return mfr__error_set(err, MFR_E_RANGE, NULL, "mfr_model_find: "
						      "the search has more than %d different "
						      "words (the limit); shorten it to the words "
						      "that say where or what", MFR_FIND_MAX_WORDS);
			q->at[k] = used;
			q->len[k] = len;
			q->count++;
			used += len;
		}
		/* Still being typed: the text ends inside this word. */
		q->prefix = *p == '\0' ? (int32_t)k : -1;
	}
	return MFR_OK;
}

/* The score of one term for @p q: num / den, num 0 when nothing matches.
 * Each word counts 2 when matched whole and 1 when matched by its start. */
static void score_term(const query *q, const char *term, uint64_t *num, uint64_t *den)
{
	uint8_t best[MFR_FIND_MAX_WORDS] = { 0 };
	uint64_t t2 = 0, tn = 0, q2 = 0;
	const char *p = term;
	mfr_word w;

	while (mfr__word_next(&p, &w)) {
		int got = 0;

		tn++;
		for (uint32_t k = 0; k < q->count; k++) {
			int m = mfr__word_match(&w, q->text + q->at[k], q->len[k]);

			if (m == 1 && (int32_t)k != q->prefix)
				m = 0; /* only the word being typed matches by its start */
			if (m > got)
				got = m;
			if (m > best[k])
				best[k] = (uint8_t)m;
		}
		t2 += (uint64_t)got;
	}
	for (uint32_t k = 0; k < q->count; k++)
		q2 += best[k];
	*num = q2 * t2;
	*den = tn ? 4u * q->count * tn : 1;
}

/* Whether @p a / @p b is above @p c / @p d. */
static int above(uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
	return a * d > c * b;
}

/* The best of an entity's name and synonyms; a match when it scores. */
static mfr_status_t consider(search *s, uint8_t kind, const void *entity, uint32_t index,
			     const char *name, const char *const *synonyms, uint32_t n)
{
	mfr_find_match m = { .kind = kind, .index = index, .term = name, .den = 1 };
	uint64_t num, den;

	score_term(&s->q, name, &m.num, &m.den);
	for (uint32_t i = 0; i < n; i++) {
		score_term(&s->q, synonyms[i], &num, &den);
		if (above(num, den, m.num, m.den)) {
			m.num = num;
			m.den = den;
			m.term = synonyms[i];
			m.synonym = 1;
		}
	}
	if (!m.num)
		return MFR_OK;
	if (kind == MFR_KIND_REGION)
		m.region = entity;
	else
		m.condition = entity;
	if (s->count == s->cap) {
		uint32_t cap = s->cap ? s->cap * 2 : 4;
		mfr_find_match *grown = mfr__realloc(s->matches, cap * sizeof(*grown));

		if (!grown)
			return MFR_E_NOMEM;
		s->matches = grown;
		s->cap = cap;
	}
	s->matches[s->count++] = m;
	return MFR_OK;
}

/* Best first; then regions before conditions, then model order. */
static int match_cmp(const void *a, const void *b)
{
	const mfr_find_match *x = a, *y = b;

	if (above(x->num, x->den, y->num, y->den))
		return -1;
	if (above(y->num, y->den, x->num, x->den))
		return 1;
	if (x->kind != y->kind)
		return x->kind == MFR_KIND_REGION ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static mfr_status_t search_model(search *s, const mfr_model *m)
{
	if (!s->q.count)
		return MFR_OK; /* no word to search by: nothing matches */
	for (uint32_t i = 0; i < m->region_count; i++) {
		const mfr_region *r = &m->regions[i];

		if (consider(s, MFR_KIND_REGION, r, i, r->name, r->synonyms,
			     r->synonym_count) != MFR_OK)
			return MFR_E_NOMEM;
	}
	for (uint32_t i = 0; i < m->condition_count; i++) {
		const mfr_condition *c = &m->conditions[i];

		if (consider(s, MFR_KIND_CONDITION, c, i, c->name, c->synonyms,
			     c->synonym_count) != MFR_OK)
			return MFR_E_NOMEM;
	}
	if (s->count > 1)
		qsort(s->matches, s->count, sizeof(*s->matches), match_cmp);
	return MFR_OK;
}

MFR_EXPORT mfr_status_t mfr_model_find(const mfr_model *model, const char *words,
				       mfr_find **out, mfr_error **err)
{
	search s = { 0 };
	mfr_find *r;
	mfr_status_t st;

	if (out)
		*out = NULL;
	MFR__ERR_ENTRY(err);
	if (!model || !words || !out)
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_model_find: model, words and out must not be NULL");
	st = read_query(&s.q, words, err);
	if (st == MFR_OK)
		st = search_model(&s, model);
	mfr__free(s.q.text);
	if (st == MFR_E_NOMEM)
		st = mfr__error_nomem(err);
	r = st == MFR_OK ? mfr__calloc(1, sizeof(*r)) : NULL;
	if (st == MFR_OK && !r)
		st = mfr__error_nomem(err);
	if (st != MFR_OK) {
		mfr__free(s.matches);
		return st;
	}
	r->model = model;
	r->matches = s.matches;
	r->count = s.count;
	mfr__model_hold(model);
	*out = r;
	return MFR_OK;
}

MFR_EXPORT void mfr_find_free(mfr_find *result)
{
	if (!result)
		return;
	mfr__model_release(result->model);
	mfr__free(result->matches);
	mfr__free(result);
}

MFR_EXPORT uint32_t mfr_find_match_count(const mfr_find *result)
{
	return result ? result->count : 0;
}

MFR_EXPORT const mfr_find_match *mfr_find_match_at(const mfr_find *result,
						     uint32_t index)
{
	return result && index < result->count ? &result->matches[index] : NULL;
}

MFR_EXPORT mfr_kind_t mfr_find_match_kind(const mfr_find_match *match)
{
	return match ? (mfr_kind_t)match->kind : (mfr_kind_t)0;
}

MFR_EXPORT const mfr_region *mfr_find_match_region(const mfr_find_match *match)
{
	return match ? match->region : NULL;
}

MFR_EXPORT const mfr_condition *mfr_find_match_condition(const mfr_find_match *match)
{
	return match ? match->condition : NULL;
}

MFR_EXPORT const char *mfr_find_match_key(const mfr_find_match *match)
{
	if (!match)
		return NULL;
	return match->region ? match->region->key : match->condition->key;
}

MFR_EXPORT const char *mfr_find_match_term(const mfr_find_match *match)
{
	return match ? match->term : NULL;
}

MFR_EXPORT int mfr_find_match_is_synonym(const mfr_find_match *match)
{
	return match ? match->synonym : 0;
}

MFR_EXPORT double mfr_find_match_score(const mfr_find_match *match)
{
	return match ? (double)match->num / (double)match->den : 0.0;
}
