/*
 * libmfr unit tests: synonyms and finding regions and conditions by the
 * words a client uses (mfr/find.h), on the default model.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static mfr_model *model;

static void setup(void)
{
	ck_assert_int_eq(mfr_model_default(&model, NULL), MFR_OK);
}

static void teardown(void)
{
	mfr_model_unref(model);
	model = NULL;
}

static mfr_find *find(const char *words)
{
	mfr_find *r = NULL;
	mfr_error *err = NULL;

	ck_assert_msg(mfr_model_find(model, words, &r, &err) == MFR_OK, "\"%s\": %s", words,
		      mfr_test_str(mfr_error_message(err)));
	ck_assert_ptr_null(err);
	ck_assert_ptr_nonnull(r);
	return r;
}

/* Match @p i of @p r is entity @p key, found by @p term with @p score. */
static void assert_match(const mfr_find *r, uint32_t i, mfr_kind_t kind,
			 const char *key, const char *term, int synonym, double score)
{
	const mfr_find_match *m = mfr_find_match_at(r, i);

	ck_assert_ptr_nonnull(m);
	ck_assert_int_eq(mfr_find_match_kind(m), kind);
	ck_assert_str_eq(mfr_find_match_key(m), key);
	ck_assert_str_eq(mfr_find_match_term(m), term);
	ck_assert_int_eq(mfr_find_match_is_synonym(m), synonym);
	ck_assert_double_eq_tol(mfr_find_match_score(m), score, 1e-12);
	if (kind == MFR_KIND_REGION) {
		ck_assert_ptr_eq(mfr_find_match_region(m), mfr_model_region(model, key));
		ck_assert_ptr_null(mfr_find_match_condition(m));
	} else {
		ck_assert_ptr_eq(mfr_find_match_condition(m), mfr_model_condition(model, key));
		ck_assert_ptr_null(mfr_find_match_region(m));
	}
}

/* Every match of @p r, one line each, for comparing two searches. */
static char *listing(const mfr_find *r)
{
	mfr_test_buf b = { 0 };

	for (uint32_t i = 0; i < mfr_find_match_count(r); i++) {
		const mfr_find_match *m = mfr_find_match_at(r, i);

		mfr_test_buf_add(&b, "%d %s %s %.17g\n", mfr_find_match_kind(m),
				 mfr_find_match_key(m), mfr_find_match_term(m),
				 mfr_find_match_score(m));
	}
	mfr_test_buf_add(&b, "%s", "");
	return b.data;
}

START_TEST(synonyms_of_the_default_model)
{
	const mfr_region *occiput = mfr_model_region(model, "occiput");
	const mfr_condition *pf = mfr_model_condition(model, "plantar_fasciitis");

	ck_assert_uint_eq(mfr_region_synonym_count(occiput), 2);
	ck_assert_str_eq(mfr_region_synonym_at(occiput, 0), "back of the head");
	ck_assert_str_eq(mfr_region_synonym_at(occiput, 1), "base of the skull");
	ck_assert_ptr_null(mfr_region_synonym_at(occiput, 2));
	ck_assert_uint_eq(mfr_condition_synonym_count(pf), 3);
	ck_assert_str_eq(mfr_condition_synonym_at(pf, 0), "heel pain");
	ck_assert_ptr_null(mfr_condition_synonym_at(pf, 3));
	/* None: 0 and NULL; and for NULL. */
	ck_assert_uint_eq(mfr_region_synonym_count(mfr_model_region(model, "heel")), 0);
	ck_assert_ptr_null(mfr_region_synonym_at(mfr_model_region(model, "heel"), 0));
	ck_assert_uint_eq(mfr_region_synonym_count(NULL), 0);
	ck_assert_ptr_null(mfr_region_synonym_at(NULL, 0));
	ck_assert_uint_eq(mfr_condition_synonym_count(NULL), 0);
	ck_assert_ptr_null(mfr_condition_synonym_at(NULL, 0));
	/* Every body-chart area a client names by a lay word has one: the
	 * areas of the brief. */
	static const char *const areas[] = { "occiput", "vertex", "temple", "posterior_neck",
					     "thumb", "little_finger", "sole", "calf",
					     "posterior_knee", "low_back" };
	for (size_t i = 0; i < sizeof(areas) / sizeof(areas[0]); i++)
		ck_assert_msg(mfr_region_synonym_count(mfr_model_region(model, areas[i])) > 0,
			      "%s has no synonym", areas[i]);
}
END_TEST

/* The examples of the brief, with the ranking mfr/find.h documents. */
START_TEST(ranking)
{
	mfr_find *r = find("heel pain");

	/* The condition's synonym holds both words: 1; the heel holds one of
	 * two: (1/2) x (1/1). */
	assert_match(r, 0, MFR_KIND_CONDITION, "plantar_fasciitis", "heel pain", 1, 1.0);
	assert_match(r, 1, MFR_KIND_REGION, "heel", "heel", 0, 0.5);
	mfr_find_free(r);

	r = find("back of the head");
	assert_match(r, 0, MFR_KIND_REGION, "occiput", "back of the head", 1, 1.0);
	assert_match(r, 1, MFR_KIND_REGION, "head", "head", 0, 0.5);
	assert_match(r, 2, MFR_KIND_REGION, "back", "back", 0, 0.5);
	mfr_find_free(r);

	/* "pins", "needles" match nothing; "in" and "the" are passed over. */
	r = find("pins and needles in the thumb");
	assert_match(r, 0, MFR_KIND_REGION, "thumb", "thumb", 1, 1.0 / 3.0);
	mfr_find_free(r);

	/* An entity's best term counts: the name wins a tie with a synonym. */
	r = find("low back pain");
	assert_match(r, 0, MFR_KIND_CONDITION, "low_back_pain", "low back pain", 1, 1.0);
	assert_match(r, 1, MFR_KIND_REGION, "low_back", "low back", 0, 2.0 / 3.0);
	mfr_find_free(r);
}
END_TEST

/* Best first; equal scores: regions, then conditions, each in model order. */
START_TEST(order)
{
	static const char *const searches[] = { "pain", "back", "side", "outside of the knee",
						"neck pain", "toe", "inner", "front" };

	for (size_t s = 0; s < sizeof(searches) / sizeof(searches[0]); s++) {
		mfr_find *r = find(searches[s]);

		ck_assert_uint_gt(mfr_find_match_count(r), 1);
		for (uint32_t i = 1; i < mfr_find_match_count(r); i++) {
			const mfr_find_match *a = mfr_find_match_at(r, i - 1);
			const mfr_find_match *b = mfr_find_match_at(r, i);
			double sa = mfr_find_match_score(a), sb = mfr_find_match_score(b);

			ck_assert(sa >= sb && sb > 0 && sa <= 1);
			if (sa != sb)
				continue;
			ck_assert(mfr_find_match_kind(a) <= mfr_find_match_kind(b));
			if (mfr_find_match_kind(a) != mfr_find_match_kind(b))
				continue;
			if (mfr_find_match_region(a))
				ck_assert_uint_lt(mfr_region_index(mfr_find_match_region(a)),
						  mfr_region_index(mfr_find_match_region(b)));
			else
				ck_assert_uint_lt(mfr_condition_index(mfr_find_match_condition(a)),
						  mfr_condition_index(mfr_find_match_condition(b)));
		}
		/* The same search again: the same listing, byte for byte. */
		mfr_find *again = find(searches[s]);
		char *x = listing(r), *y = listing(again);

		ck_assert_str_eq(x, y);
		free(x);
		free(y);
		mfr_find_free(again);
		mfr_find_free(r);
	}
}
END_TEST

/* Case, punctuation, stop words, repeats and a final "s" do not count. */
START_TEST(words)
{
	/* Each ends outside a word, so that no word matches by its start. */
	static const char *const same[][2] = {
		{ "heel pain.", "HEEL-pain!!" },
		{ "heel pain.", "  the heel, my pain  " },
		{ "heel pain.", "heel heel pain pain." },
		{ "heel pain.", "heels pains." },
		{ "back of the head.", "Back-of-the-HEAD." },
		{ "achilles.", "Achilles'" },
		{ "achilles.", "Achilles\xe2\x80\x99" },
		{ "toe.", "toes." },
	};

	for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
		mfr_find *a = find(same[i][0]), *b = find(same[i][1]);
		char *x = listing(a), *y = listing(b);

		ck_assert_msg(strcmp(x, y) == 0 && mfr_find_match_count(a) > 0,
			      "\"%s\" and \"%s\" differ", same[i][0], same[i][1]);
		free(x);
		free(y);
		mfr_find_free(a);
		mfr_find_free(b);
	}
	/* A word ending in "ss" keeps its "s": "stiffnes" is not "stiffness". */
	mfr_find *r = find("stiffness.");
	ck_assert_uint_gt(mfr_find_match_count(r), 0);
	mfr_find_free(r);
	r = find("stiffnes.");
	ck_assert_uint_eq(mfr_find_match_count(r), 0);
	mfr_find_free(r);
}
END_TEST

/* The last word, still being typed, matches the start of a longer word at
 * half weight; a space after it ends it. */
START_TEST(prefix)
{
	mfr_find *r = find("hee");

	/* (1/2 / 1) x (1/2 / 1) */
	assert_match(r, 0, MFR_KIND_REGION, "heel", "heel", 0, 0.25);
	mfr_find_free(r);

	r = find("back of the hea");
	/* q: back 2 + hea 1 of 2 x 2; t: back 2 + head 1 of 2 x 2 */
	assert_match(r, 0, MFR_KIND_REGION, "occiput", "back of the head", 1, 0.5625);
	mfr_find_free(r);

	r = find("hee ");
	ck_assert_uint_eq(mfr_find_match_count(r), 0);
	mfr_find_free(r);

	/* Only the last word: "hea back" does not find the head by "hea". */
	r = find("hea back");
	for (uint32_t i = 0; i < mfr_find_match_count(r); i++)
		ck_assert_str_ne(mfr_find_match_key(mfr_find_match_at(r, i)), "head");
	mfr_find_free(r);
}
END_TEST

START_TEST(nothing_to_find)
{
	static const char *const none[] = { "", "   ", "?!,.", "the of and", "xyzzy", "'''" };

	for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
		mfr_find *r = find(none[i]);

		ck_assert_uint_eq(mfr_find_match_count(r), 0);
		ck_assert_ptr_null(mfr_find_match_at(r, 0));
		mfr_find_free(r);
	}
}
END_TEST

START_TEST(limits)
{
	char text[2048]; /* 500 x 3 bytes, and more */
	mfr_find *r = (mfr_find *)&r;
	mfr_error *err = NULL;

	/* 1,000 characters pass (each "é" is one, two bytes); 1,001 do not. */
	text[0] = '\0';
	for (int i = 0; i < 500; i++)
		strcat(text, "\xc3\xa9 ");
	r = find(text);
	mfr_find_free(r);
	strcat(text, "x");
	ck_assert_int_eq(mfr_model_find(model, text, &r, &err), MFR_E_RANGE);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(mfr_error_status(err), MFR_E_RANGE);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "1001 characters; the limit is 1000"));
	mfr_error_free(err);
	err = NULL;

	/* 32 different words pass, repeats do not count; 33 do not. */
	text[0] = '\0';
	for (int i = 0; i < 31; i++)
		sprintf(text + strlen(text), "w%d heel ", i);
	r = find(text);
	mfr_find_free(r);
	strcat(text, "w31");
	ck_assert_int_eq(mfr_model_find(model, text, &r, &err), MFR_E_RANGE);
	ck_assert_ptr_null(r);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "more than 32 different words"));
	mfr_error_free(err);
	/* Without an error object: the same status. */
	ck_assert_int_eq(mfr_model_find(model, text, &r, NULL), MFR_E_RANGE);
	ck_assert_ptr_null(r);
}
END_TEST

START_TEST(bad_arguments)
{
	mfr_find *r = (mfr_find *)&r;
	mfr_error *err = NULL, *earlier;

	ck_assert_int_eq(mfr_model_find(NULL, "heel", &r, &err), MFR_E_INVALID);
	ck_assert_ptr_null(r);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "must not be NULL"));
	/* A non-NULL *err on entry: MFR_E_INVALID, *err untouched. */
	earlier = err;
	r = (mfr_find *)&r;
	ck_assert_int_eq(mfr_model_find(model, "heel", &r, &err), MFR_E_INVALID);
	ck_assert_ptr_eq(err, earlier);
	ck_assert_ptr_null(r);
	mfr_error_free(err);
	ck_assert_int_eq(mfr_model_find(model, NULL, &r, NULL), MFR_E_INVALID);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(mfr_model_find(model, "heel", NULL, NULL), MFR_E_INVALID);

	/* Getters of NULL and past the end. */
	mfr_find_free(NULL);
	ck_assert_uint_eq(mfr_find_match_count(NULL), 0);
	ck_assert_ptr_null(mfr_find_match_at(NULL, 0));
	ck_assert_int_eq(mfr_find_match_kind(NULL), 0);
	ck_assert_ptr_null(mfr_find_match_region(NULL));
	ck_assert_ptr_null(mfr_find_match_condition(NULL));
	ck_assert_ptr_null(mfr_find_match_key(NULL));
	ck_assert_ptr_null(mfr_find_match_term(NULL));
	ck_assert_int_eq(mfr_find_match_is_synonym(NULL), 0);
	ck_assert_double_eq(mfr_find_match_score(NULL), 0.0);
	r = find("heel");
	ck_assert_ptr_null(mfr_find_match_at(r, mfr_find_match_count(r)));
	mfr_find_free(r);
}
END_TEST

/* A result holds the model: its entities stay valid after the caller's
 * reference is dropped. */
START_TEST(holds_the_model)
{
	mfr_find *r = find("heel pain");
	const mfr_condition *c;

	mfr_model_unref(model);
	model = NULL;
	c = mfr_find_match_condition(mfr_find_match_at(r, 0));
	ck_assert_str_eq(mfr_condition_key(c), "plantar_fasciitis");
	ck_assert_str_eq(mfr_condition_synonym_at(c, 0), "heel pain");
	mfr_find_free(r);
}
END_TEST

/* A custom model: synonyms load, export canonically and load back the same;
 * a search finds by them. */
START_TEST(custom_model)
{
	static const char doc[] =
		"{\"format\": \"libmfr-model\", \"format_version\": 1, \"name\": \"n\","
		" \"model_version\": \"1\", \"sources\": [{\"key\": \"s\", \"citation\": \"c\"}],"
		" \"regions\": [{\"key\": \"nape\", \"name\": \"nape\", \"kind\": \"area\","
		" \"laterality\": \"midline\", \"positions\": [\"prone\"], \"depth\": \"superficial\","
		" \"sources\": [\"s\"], \"synonyms\": [\"back of the neck\", \"scruff\"]}],"
		" \"lines\": [], \"referrals\": [], \"techniques\": [],"
		" \"conditions\": [{\"key\": \"stiff\", \"name\": \"stiff neck\", \"icd10cm\": [\"M54.2\"],"
		" \"areas\": [\"nape\"], \"sources\": [\"s\"], \"synonyms\": [\"crick\"]}],"
		" \"precautions\": []}";
	mfr_model *m = NULL, *again = NULL;
	mfr_find *r = NULL;
	char *json = NULL, *json2 = NULL;

	ck_assert_int_eq(mfr_model_load_buffer(doc, sizeof(doc) - 1, "doc", &m, NULL), MFR_OK);
	ck_assert_int_eq(mfr_model_to_json(m, 0, NULL, 0, &json, NULL), MFR_OK);
	ck_assert_ptr_nonnull(strstr(json, "\"synonyms\": [\n        \"back of the neck\","));
	ck_assert_int_eq(mfr_model_load_buffer(json, strlen(json), "export", &again, NULL),
			 MFR_OK);
	ck_assert_int_eq(mfr_model_to_json(again, 0, NULL, 0, &json2, NULL), MFR_OK);
	ck_assert_str_eq(json, json2);

	ck_assert_int_eq(mfr_model_find(again, "a crick in the scruff", &r, NULL), MFR_OK);
	ck_assert_uint_eq(mfr_find_match_count(r), 2);
	ck_assert_str_eq(mfr_find_match_key(mfr_find_match_at(r, 0)), "nape");
	ck_assert_str_eq(mfr_find_match_term(mfr_find_match_at(r, 0)), "scruff");
	ck_assert_str_eq(mfr_find_match_key(mfr_find_match_at(r, 1)), "stiff");
	mfr_find_free(r);
	mfr_free(json);
	mfr_free(json2);
	mfr_model_unref(m);
	mfr_model_unref(again);
}
END_TEST

Suite *mfr_test_find_suite(void)
{
	Suite *s = suite_create("find");
	TCase *tc = tcase_create("default");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, synonyms_of_the_default_model);
	tcase_add_test(tc, ranking);
	tcase_add_test(tc, order);
	tcase_add_test(tc, words);
	tcase_add_test(tc, prefix);
	tcase_add_test(tc, nothing_to_find);
	tcase_add_test(tc, limits);
	tcase_add_test(tc, bad_arguments);
	tcase_add_test(tc, holds_the_model);
	tcase_add_test(tc, custom_model);
	suite_add_tcase(s, tc);
	return s;
}
