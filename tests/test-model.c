/*
 * libmfr unit tests: building models (file, buffer, default) and the
 * model-level lookups: counts, keys, typed access, suggestions.
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "util.h"

/* The keys of tests/data/models/minimal.json, in file order, by kind. */
static const char *const minimal_sources[] = { "src_a", "src_b" };
static const char *const minimal_regions[] = {
	"leg", "calf", "heel", "calf_muscle", "sacrum", "back_muscle"
};
static const char *const minimal_lines[] = { "test_line", "plain_line" };
static const char *const minimal_referrals[] = { "calf_muscle_trp1" };
static const char *const minimal_techniques[] = { "hold", "rock" };
static const char *const minimal_conditions[] = { "heel_pain" };
static const char *const minimal_precautions[] = { "wound", "fragile", "fever" };
static const char *const minimal_aftercare[] = { NULL }; /* none: optional */

#define N(a) (uint32_t)(sizeof(a) / sizeof((a)[0]))

static const struct {
	int kind;
	const char *const *keys;
	uint32_t count;
} minimal_kinds[] = {
	{ MFR_KIND_REGION, minimal_regions, N(minimal_regions) },
	{ MFR_KIND_LINE, minimal_lines, N(minimal_lines) },
	{ MFR_KIND_REFERRAL, minimal_referrals, N(minimal_referrals) },
	{ MFR_KIND_TECHNIQUE, minimal_techniques, N(minimal_techniques) },
	{ MFR_KIND_CONDITION, minimal_conditions, N(minimal_conditions) },
	{ MFR_KIND_PRECAUTION, minimal_precautions, N(minimal_precautions) },
	{ MFR_KIND_SOURCE, minimal_sources, N(minimal_sources) },
	{ MFR_KIND_AFTERCARE, minimal_aftercare, 0 },
};

static void check_minimal_header(const mfr_model *m)
{
	ck_assert_str_eq(mfr_model_name(m), "minimal test model");
	ck_assert_str_eq(mfr_model_version(m), "1");
	ck_assert_str_eq(mfr_model_description(m),
			 "A small model that uses every member of the format.");
	for (size_t k = 0; k < sizeof(minimal_kinds) / sizeof(minimal_kinds[0]); k++)
		ck_assert_uint_eq(mfr_model_count(m, minimal_kinds[k].kind),
				  minimal_kinds[k].count);
}

START_TEST(load_file)
{
	mfr_model *m = mfr_test_load_model("minimal.json");

	check_minimal_header(m);
	mfr_model_free(m);
}
END_TEST

START_TEST(load_buffer)
{
	char path[4096];
	size_t size;
	char *text;
	mfr_model *m = (mfr_model *)&m; /* must be overwritten */
	mfr_error *err = NULL;
	mfr_status_t st;

	mfr_test_path(path, sizeof(path), "models/minimal.json");
	text = mfr_test_read(path, &size);
	st = mfr_model_load_buffer(text, size, "minimal.json", &m, &err);
	mfr_test_assert_ok(st, err, "load_buffer");
	check_minimal_header(m);
	mfr_model_free(m);

	/* The buffer need not be NUL-terminated and no error object is
	 * needed: copy it into memory with no terminator after it. */
	char *exact = malloc(size);
	ck_assert_ptr_nonnull(exact);
	memcpy(exact, text, size);
	st = mfr_model_load_buffer(exact, size, NULL, &m, NULL);
	ck_assert_int_eq(st, MFR_OK);
	check_minimal_header(m);
	mfr_model_free(m);
	free(exact);
	free(text);
}
END_TEST

START_TEST(load_default)
{
	mfr_model *m = NULL, *m2 = NULL;
	mfr_error *err = NULL;
	size_t size = 0;
	const char *text = mfr_model_default_text(&size);

	ck_assert_ptr_nonnull(text);
	ck_assert_uint_gt(size, 0);
	ck_assert_uint_eq(strlen(text), size);
	ck_assert_ptr_eq(mfr_model_default_text(NULL), text);

	mfr_test_assert_ok(mfr_model_default(&m, &err), err, "default");
	ck_assert_ptr_nonnull(m);
	/* Each call builds a new model. */
	ck_assert_int_eq(mfr_model_default(&m2, NULL), MFR_OK);
	ck_assert_ptr_nonnull(m2);
	ck_assert_ptr_ne(m, m2);
	ck_assert_str_eq(mfr_model_name(m), mfr_model_name(m2));

	/* The default model is its own text, loaded. */
	mfr_model *m3 = NULL;
	ck_assert_int_eq(mfr_model_load_buffer(text, size, NULL, &m3, NULL), MFR_OK);
	for (int kind = MFR_KIND_REGION; kind <= MFR_TEST_LAST_KIND; kind++)
		ck_assert_uint_eq(mfr_model_count(m, kind), mfr_model_count(m3, kind));
	mfr_model_free(m3);
	mfr_model_free(m2);
	mfr_model_free(m);
}
END_TEST

START_TEST(load_bad_arguments)
{
	mfr_model *m = (mfr_model *)&m;
	mfr_error *err = NULL;

	ck_assert_int_eq(mfr_model_load_buffer(NULL, 10, "x", &m, &err), MFR_E_INVALID);
	ck_assert_ptr_null(m);
	ck_assert_int_eq(mfr_error_status(err), MFR_E_INVALID);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "data"));
	mfr_error_free(err);
	err = NULL;
	ck_assert_int_eq(mfr_model_load_buffer("{}", 2, "x", NULL, &err), MFR_E_INVALID);
	ck_assert_int_eq(mfr_error_status(err), MFR_E_INVALID);
	mfr_error_free(err);
	err = NULL;

	m = (mfr_model *)&m;
	ck_assert_int_eq(mfr_model_load_file(NULL, &m, &err), MFR_E_INVALID);
	ck_assert_ptr_null(m);
	ck_assert_int_eq(mfr_error_status(err), MFR_E_INVALID);
	mfr_error_free(err);
	err = NULL;
	ck_assert_int_eq(mfr_model_load_file("x.json", NULL, NULL), MFR_E_INVALID);
	ck_assert_int_eq(mfr_model_default(NULL, &err), MFR_E_INVALID);
	ck_assert_int_eq(mfr_error_status(err), MFR_E_INVALID);
	mfr_error_free(err);
}
END_TEST

START_TEST(load_missing_file)
{
	char path[4096];
	mfr_model *m = (mfr_model *)&m;
	mfr_error *err = NULL;

	mfr_test_path(path, sizeof(path), "models/no-such-model.json");
	ck_assert_int_eq(mfr_model_load_file(path, &m, &err), MFR_E_IO);
	ck_assert_ptr_null(m);
	ck_assert_int_eq(mfr_error_status(err), MFR_E_IO);
	ck_assert_str_eq(mfr_error_source(err), path);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), path));
	ck_assert_int_eq(mfr_error_line(err), 0);
	mfr_error_free(err);

	/* A directory opens but cannot be read as a file. */
	m = (mfr_model *)&m;
	err = NULL;
	mfr_test_path(path, sizeof(path), "models");
	mfr_status_t st = mfr_model_load_file(path, &m, &err);
	ck_assert_msg(st == MFR_E_IO, "directory: %s", mfr_status_name(st));
	ck_assert_ptr_null(m);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), path));
	mfr_error_free(err);

	/* The system's reason, in words: a file where a directory must be, and
	 * a name longer than any file system takes. */
	static const struct {
		const char *rel, *reason;
	} reasons[] = {
		{ "models/minimal.json/model.json", "a part of the path is not a directory" },
		{ NULL, "the file name is too long" },
	};
	for (size_t i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++) {
		char *name = NULL;

		if (reasons[i].rel) {
			mfr_test_path(path, sizeof(path), reasons[i].rel);
		} else {
			name = mfr_test_repeat("x", 300);
			mfr_test_path(path, sizeof(path), name);
		}
		m = (mfr_model *)&m;
		err = NULL;
		ck_assert_int_eq(mfr_model_load_file(path, &m, &err), MFR_E_IO);
		ck_assert_ptr_null(m);
		ck_assert_msg(strstr(mfr_error_message(err), reasons[i].reason), "%s",
			      mfr_error_message(err));
		mfr_error_free(err);
		free(name);
	}
}
END_TEST

/* Each errno the table names reads as words; any other as its number. */
START_TEST(errno_in_words)
{
	static const struct {
		int e;
		const char *text;
	} table[] = {
		{ ENOENT, "no such file or directory" },
		{ EACCES, "permission denied" },
		{ EPERM, "operation not permitted" },
		{ EISDIR, "it is a directory" },
		{ ENOTDIR, "a part of the path is not a directory" },
		{ ENAMETOOLONG, "the file name is too long" },
		{ ELOOP, "too many levels of symbolic links" },
		{ EMFILE, "too many open files in this process" },
		{ ENFILE, "too many open files in the system" },
		{ ENOMEM, "out of memory" },
		{ EIO, "input/output error" },
		{ ENXIO, "no such device or address" },
		{ ENODEV, "no such device" },
		{ EFBIG, "the file is too large" },
		{ EINVAL, "invalid argument" },
		{ EBUSY, "device or resource busy" },
		{ EAGAIN, "resource temporarily unavailable" },
		{ EINTR, "interrupted" },
	};
	char buf[32], want[32];

	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		ck_assert_str_eq(mfr__errno_text(table[i].e, buf, sizeof(buf)), table[i].text);
	ck_assert_ptr_eq(mfr__errno_text(EDOM, buf, sizeof(buf)), buf);
	snprintf(want, sizeof(want), "system error %d", EDOM);
	ck_assert_str_eq(buf, want);
}
END_TEST

START_TEST(counts_and_keys)
{
	mfr_model *m = mfr_test_load_model("minimal.json");

	for (size_t k = 0; k < sizeof(minimal_kinds) / sizeof(minimal_kinds[0]); k++) {
		int kind = minimal_kinds[k].kind;
		uint32_t n = minimal_kinds[k].count;

		ck_assert_uint_eq(mfr_model_count(m, kind), n);
		for (uint32_t i = 0; i < n; i++) {
			const char *key = minimal_kinds[k].keys[i];

			ck_assert_str_eq(mfr_model_key_at(m, kind, i), key);
			ck_assert_int_eq(mfr_model_has(m, kind, key), 1);
		}
		ck_assert_ptr_null(mfr_model_key_at(m, kind, n));
		ck_assert_ptr_null(mfr_model_key_at(m, kind, UINT32_MAX));
		ck_assert_int_eq(mfr_model_has(m, kind, "no_such_key"), 0);
		ck_assert_int_eq(mfr_model_has(m, kind, ""), 0);
		ck_assert_int_eq(mfr_model_has(m, kind, NULL), 0);
	}
	/* Keys are unique per section, not across sections. */
	ck_assert_int_eq(mfr_model_has(m, MFR_KIND_REGION, "hold"), 0);
	ck_assert_int_eq(mfr_model_has(m, MFR_KIND_TECHNIQUE, "hold"), 1);
	/* Unknown kinds. */
	static const int bad_kinds[] = { -1, 0, MFR_TEST_LAST_KIND + 1, 100 };
	for (size_t b = 0; b < sizeof(bad_kinds) / sizeof(bad_kinds[0]); b++) {
		int kind = bad_kinds[b];

		ck_assert_uint_eq(mfr_model_count(m, kind), 0);
		ck_assert_ptr_null(mfr_model_key_at(m, kind, 0));
		ck_assert_int_eq(mfr_model_has(m, kind, "leg"), 0);
	}
	ck_assert_uint_eq(mfr_model_count(NULL, MFR_KIND_REGION), 0);
	ck_assert_ptr_null(mfr_model_key_at(NULL, MFR_KIND_REGION, 0));
	ck_assert_int_eq(mfr_model_has(NULL, MFR_KIND_REGION, "leg"), 0);
	mfr_model_free(m);
}
END_TEST

/* Every typed _at and lookup agrees with the generic functions. */
#define CHECK_TYPED(m, name, kind, keyfn, indexfn)                              \
	do {                                                                    \
		uint32_t n_ = mfr_model_count(m, kind);                         \
		for (uint32_t i_ = 0; i_ < n_; i_++) {                          \
			const char *k_ = mfr_model_key_at(m, kind, i_);         \
			ck_assert_ptr_nonnull(mfr_model_##name##_at(m, i_));    \
			ck_assert_ptr_eq(mfr_model_##name(m, k_),               \
					 mfr_model_##name##_at(m, i_));         \
			ck_assert_str_eq(keyfn(mfr_model_##name##_at(m, i_)), k_); \
			ck_assert_uint_eq(indexfn(mfr_model_##name(m, k_)), i_); \
		}                                                               \
		ck_assert_ptr_null(mfr_model_##name##_at(m, n_));               \
		ck_assert_ptr_null(mfr_model_##name(m, "no_such_key"));         \
		ck_assert_ptr_null(mfr_model_##name(m, NULL));                  \
		ck_assert_ptr_null(mfr_model_##name##_at(NULL, 0));             \
		ck_assert_ptr_null(mfr_model_##name(NULL, "leg"));              \
	} while (0)

/* Sources and aftercare items have no public index getter: their position
 * among the keys of their kind in the model under test. */
static const mfr_model *typed_model;

static uint32_t index_of(int kind, const char *key)
{
	for (uint32_t i = 0; i < mfr_model_count(typed_model, kind); i++)
		if (strcmp(mfr_model_key_at(typed_model, kind, i), key) == 0)
			return i;
	return UINT32_MAX;
}

static uint32_t source_index(const mfr_source *s)
{
	return index_of(MFR_KIND_SOURCE, mfr_source_key(s));
}

static uint32_t aftercare_index(const mfr_aftercare *a)
{
	return index_of(MFR_KIND_AFTERCARE, mfr_aftercare_key(a));
}

static const char *const typed_models[] = { "minimal.json", "extra.json" };

START_TEST(typed_lookups)
{
	mfr_model *m = mfr_test_load_model(typed_models[_i]);

	typed_model = m;
	CHECK_TYPED(m, region, MFR_KIND_REGION, mfr_region_key, mfr_region_index);
	CHECK_TYPED(m, line, MFR_KIND_LINE, mfr_line_key, mfr_line_index);
	CHECK_TYPED(m, referral, MFR_KIND_REFERRAL, mfr_referral_key, mfr_referral_index);
	CHECK_TYPED(m, technique, MFR_KIND_TECHNIQUE, mfr_technique_key,
		    mfr_technique_index);
	CHECK_TYPED(m, condition, MFR_KIND_CONDITION, mfr_condition_key,
		    mfr_condition_index);
	CHECK_TYPED(m, precaution, MFR_KIND_PRECAUTION, mfr_precaution_key,
		    mfr_precaution_index);
	CHECK_TYPED(m, source, MFR_KIND_SOURCE, mfr_source_key, source_index);
	CHECK_TYPED(m, aftercare, MFR_KIND_AFTERCARE, mfr_aftercare_key, aftercare_index);

	if (_i == 0) {
		/* A key of another section is not found; lookups are exact. */
		ck_assert_ptr_null(mfr_model_region(m, "test_line"));
		ck_assert_ptr_null(mfr_model_line(m, "leg"));
		ck_assert_ptr_null(mfr_model_region(m, "Leg"));
		ck_assert_ptr_null(mfr_model_region(m, "leg "));
		ck_assert_ptr_null(mfr_model_region(m, "le"));
		/* No aftercare section: none. */
		ck_assert_uint_eq(mfr_model_count(m, MFR_KIND_AFTERCARE), 0);
	} else {
		ck_assert_uint_eq(mfr_model_count(m, MFR_KIND_AFTERCARE), 2);
	}
	typed_model = NULL;
	mfr_model_free(m);
}
END_TEST

START_TEST(suggest)
{
	mfr_model *m = mfr_test_load_model("minimal.json");
	const char *out[4] = { NULL, NULL, NULL, NULL };
	uint32_t n;

	n = mfr_model_suggest(m, MFR_KIND_REGION, "haal", out, 4);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(out[0], "heel");
	/* Suggestions borrow the model's own key strings. */
	ck_assert_ptr_eq(out[0], mfr_region_key(mfr_model_region(m, "heel")));

	/* A typo of a longer key, and a word contained in keys. */
	n = mfr_model_suggest(m, MFR_KIND_REGION, "calf_mucsle", out, 4);
	ck_assert_uint_ge(n, 1);
	ck_assert_str_eq(out[0], "calf_muscle");
	n = mfr_model_suggest(m, MFR_KIND_REGION, "muscle", out, 4);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(out[0], "back_muscle");  /* same distance: alphabetical */
	ck_assert_str_eq(out[1], "calf_muscle");
	/* max bounds what is written. */
	out[1] = NULL;
	ck_assert_uint_eq(mfr_model_suggest(m, MFR_KIND_REGION, "muscle", out, 1), 1);
	ck_assert_ptr_null(out[1]);

	/* Per kind; an exact key or nothing close gives no suggestion. */
	n = mfr_model_suggest(m, MFR_KIND_TECHNIQUE, "rokc", out, 4);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(out[0], "rock");
	ck_assert_uint_eq(mfr_model_suggest(m, MFR_KIND_LINE, "haal", out, 4), 0);
	ck_assert_uint_eq(mfr_model_suggest(m, MFR_KIND_REGION, "heel", out, 4), 0);
	ck_assert_uint_eq(mfr_model_suggest(m, MFR_KIND_REGION, "zzzzzzzzzz", out, 4), 0);

	/* Bad arguments give 0 and write nothing. */
	out[0] = NULL;
	ck_assert_uint_eq(mfr_model_suggest(m, MFR_KIND_REGION, "haal", out, 0), 0);
	ck_assert_uint_eq(mfr_model_suggest(m, MFR_KIND_REGION, "haal", NULL, 0), 0);
	ck_assert_uint_eq(mfr_model_suggest(m, 0, "haal", out, 4), 0);
	ck_assert_uint_eq(mfr_model_suggest(m, MFR_TEST_LAST_KIND + 1, "haal", out, 4), 0);
	ck_assert_uint_eq(mfr_model_suggest(m, MFR_KIND_REGION, NULL, out, 4), 0);
	ck_assert_uint_eq(mfr_model_suggest(NULL, MFR_KIND_REGION, "haal", out, 4), 0);
	ck_assert_ptr_null(out[0]);
	mfr_model_free(m);
}
END_TEST

START_TEST(description_optional)
{
	/* A model without a description gives "". */
	static const char doc[] =
		"{\"format\": \"libmfr-model\", \"format_version\": 1,"
		" \"name\": \"empty\", \"model_version\": \"0\", \"sources\": [],"
		" \"regions\": [], \"lines\": [], \"referrals\": [], \"techniques\": [],"
		" \"conditions\": [], \"precautions\": []}";
	mfr_model *m = NULL;
	mfr_error *err = NULL;

	mfr_test_assert_ok(mfr_model_load_buffer(doc, sizeof(doc) - 1, "empty", &m, &err),
			   err, "empty model");
	ck_assert_ptr_null(mfr_model_description(m));
	ck_assert_str_eq(mfr_model_name(m), "empty");
	for (int kind = MFR_KIND_REGION; kind <= MFR_TEST_LAST_KIND; kind++) {
		ck_assert_uint_eq(mfr_model_count(m, kind), 0);
		ck_assert_ptr_null(mfr_model_key_at(m, kind, 0));
	}
	ck_assert_ptr_null(mfr_model_region_at(m, 0));
	ck_assert_ptr_null(mfr_model_region(m, "leg"));
	const char *out[2];
	ck_assert_uint_eq(mfr_model_suggest(m, MFR_KIND_REGION, "leg", out, 2), 0);
	mfr_model_free(m);
}
END_TEST

Suite *mfr_test_model_suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("load");

	tcase_add_test(tc, load_file);
	tcase_add_test(tc, load_buffer);
	tcase_add_test(tc, load_default);
	tcase_add_test(tc, load_bad_arguments);
	tcase_add_test(tc, load_missing_file);
	tcase_add_test(tc, errno_in_words);
	tcase_add_test(tc, description_optional);
	suite_add_tcase(s, tc);

	tc = tcase_create("lookup");
	tcase_add_test(tc, counts_and_keys);
	tcase_add_loop_test(tc, typed_lookups, 0, 2);
	tcase_add_test(tc, suggest);
	suite_add_tcase(s, tc);
	return s;
}
