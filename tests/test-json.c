/*
 * libmfr unit tests: mfr_model_to_json: round trips, compact output,
 * single entities, argument errors, and the canonical form (adjacency
 * written once per pair).
 * SPDX-License-Identifier: MIT
 */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "json-reader.h"
#include "json-scan.h"
#include "json-writer.h"
#include "text.h"
#include "util.h"

static const char *const models[] = { "minimal.json", "extra.json" };

static char *to_json(const mfr_model *m, int kind, const char *key, uint32_t flags)
{
	char *s = (char *)&s;
	mfr_error *err = NULL;
	mfr_status_t st = mfr_model_to_json(m, kind, key, flags, &s, &err);

	mfr_test_assert_ok(st, err, "mfr_model_to_json");
	ck_assert_ptr_nonnull(s);
	return s;
}

static mfr_model *load_text(const char *text, const char *name)
{
	mfr_model *m = NULL;
	mfr_error *err = NULL;

	mfr_test_assert_ok(mfr_model_load_buffer(text, strlen(text), name, &m, &err),
			   err, name);
	return m;
}

/* Whole model: serialize, load the output, serialize again: identical. */
static void check_round_trip(mfr_model *m, const char *name)
{
	char *s1 = to_json(m, 0, NULL, 0);
	mfr_model *m2 = load_text(s1, name);
	char *s2 = to_json(m2, 0, NULL, 0);
	char *again = to_json(m, 0, NULL, 0);

	ck_assert_str_eq(s1, s2);
	ck_assert_str_eq(s1, again);   /* deterministic */
	ck_assert_uint_gt(strlen(s1), 2);
	ck_assert_int_eq(s1[strlen(s1) - 1], '\n');
	ck_assert_ptr_nonnull(strstr(s1, "\n  \"format_version\": 1,\n"));

	/* Compact: one line, no trailing newline, the same model. */
	char *c1 = to_json(m, 0, NULL, MFR_JSON_COMPACT);
	mfr_model *m3 = load_text(c1, name);
	char *s3 = to_json(m3, 0, NULL, 0);
	char *c3 = to_json(m3, 0, NULL, MFR_JSON_COMPACT);

	ck_assert_ptr_null(strchr(c1, '\n'));
	ck_assert_uint_lt(strlen(c1), strlen(s1));
	ck_assert_str_eq(s3, s1);
	ck_assert_str_eq(c3, c1);
	ck_assert_int_eq(strncmp(c1, "{\"format\":\"libmfr-model\",\"format_version\":1,",
				 44), 0);

	mfr_free(c3);
	mfr_free(s3);
	mfr_model_free(m3);
	mfr_free(c1);
	mfr_free(again);
	mfr_free(s2);
	mfr_model_free(m2);
	mfr_free(s1);
}

START_TEST(round_trip)
{
	mfr_model *m = mfr_test_load_model(models[_i]);

	check_round_trip(m, models[_i]);
	mfr_model_free(m);
}
END_TEST

START_TEST(round_trip_default)
{
	mfr_model *m = NULL;

	ck_assert_int_eq(mfr_model_default(&m, NULL), MFR_OK);
	check_round_trip(m, "<default model>");
	mfr_model_free(m);
}
END_TEST

static const char *const section_of[MFR_TEST_LAST_KIND + 1] = {
	NULL, "regions", "lines", "referrals", "techniques", "conditions",
	"precautions", "sources", "aftercare"
};

/* Every entity on its own is exactly the object that defines it in the
 * whole-model document. */
START_TEST(single_entities)
{
	mfr_model *m = mfr_test_load_model(models[_i]);
	char *doc_text = to_json(m, 0, NULL, MFR_JSON_COMPACT);
	json_error_t je;
	json_t *doc = json_loads(doc_text, 0, &je);

	ck_assert_msg(doc != NULL, "output does not parse: %s", je.text);
	for (int kind = MFR_KIND_REGION; kind <= MFR_TEST_LAST_KIND; kind++) {
		json_t *arr = json_object_get(doc, section_of[kind]);
		uint32_t n = mfr_model_count(m, kind);

		ck_assert_uint_eq(json_array_size(arr), n);
		for (uint32_t i = 0; i < n; i++) {
			const char *key = mfr_model_key_at(m, kind, i);
			char *one = to_json(m, kind, key, MFR_JSON_COMPACT);
			char *ind = to_json(m, kind, key, 0);
			char *want = json_dumps(json_array_get(arr, i),
						JSON_COMPACT | JSON_PRESERVE_ORDER);

			ck_assert_str_eq(one, want);
			ck_assert_str_eq(json_string_value(json_object_get(
				json_array_get(arr, i), "key")), key);
			ck_assert_int_eq(ind[strlen(ind) - 1], '\n');
			ck_assert_ptr_null(strchr(one, '\n'));
			free(want);
			mfr_free(ind);
			mfr_free(one);
		}
	}
	json_decref(doc);
	mfr_free(doc_text);
	mfr_model_free(m);
}
END_TEST

START_TEST(exact_output)
{
	mfr_model *m = mfr_test_load_model("minimal.json");
	char *s;

	s = to_json(m, MFR_KIND_SOURCE, "src_a", MFR_JSON_COMPACT);
	ck_assert_str_eq(s, "{\"key\":\"src_a\",\"citation\":\"Source A, 2001\","
			 "\"note\":\"the main source\"}");
	mfr_free(s);
	s = to_json(m, MFR_KIND_SOURCE, "src_b", 0);
	ck_assert_str_eq(s, "{\n  \"key\": \"src_b\",\n  \"citation\": \"Source B, 2002\"\n}\n");
	mfr_free(s);
	/* heel's pair with calf is written on calf, which comes first. */
	s = to_json(m, MFR_KIND_REGION, "heel", MFR_JSON_COMPACT);
	ck_assert_str_eq(s, "{\"key\":\"heel\",\"name\":\"heel\",\"kind\":\"area\","
			 "\"parent\":\"leg\",\"laterality\":\"bilateral\","
			 "\"positions\":[\"prone\",\"supine\"],\"depth\":\"superficial\","
			 "\"sources\":[\"src_a\"]}");
	mfr_free(s);
	s = to_json(m, MFR_KIND_REGION, "calf", MFR_JSON_COMPACT);
	ck_assert_ptr_nonnull(strstr(s, "\"adjacent\":[\"heel\",\"calf_muscle\"]"));
	mfr_free(s);
	s = to_json(m, MFR_KIND_REGION, "calf_muscle", MFR_JSON_COMPACT);
	ck_assert_ptr_null(strstr(s, "adjacent"));
	ck_assert_ptr_nonnull(strstr(s, "\"convention\":true,\"note\":\"placement is a convention\""));
	mfr_free(s);
	/* Optional members only when they carry something. */
	s = to_json(m, MFR_KIND_TECHNIQUE, "rock", MFR_JSON_COMPACT);
	ck_assert_str_eq(s, "{\"key\":\"rock\",\"name\":\"Rebounding\","
			 "\"family\":\"rebounding\",\"approach\":\"indirect\","
			 "\"pressure\":{\"min\":\"very_light\",\"max\":\"light\"},"
			 "\"depth\":\"superficial\",\"positions\":[\"supine\"],"
			 "\"sources\":[\"src_b\"]}");
	mfr_free(s);
	s = to_json(m, MFR_KIND_LINE, "test_line", MFR_JSON_COMPACT);
	ck_assert_ptr_nonnull(strstr(s, "{\"kind\":\"station\",\"regions\":[\"sacrum\"],"
				     "\"side\":\"mid\",\"may_cross\":true}"));
	ck_assert_ptr_null(strstr(s, "crosses\":"));  /* derived, never written */
	mfr_free(s);
	mfr_model_free(m);
}
END_TEST

/* In the whole document each adjacent pair appears exactly once. */
START_TEST(adjacency_once)
{
	mfr_model *m = mfr_test_load_model(models[_i]);
	char *text = to_json(m, 0, NULL, 0);
	json_t *doc = json_loads(text, 0, NULL);
	json_t *regions = json_object_get(doc, "regions"), *r;
	uint32_t n = mfr_model_count(m, MFR_KIND_REGION), pairs = 0, written = 0;
	unsigned char seen[64][64];
	size_t i;

	ck_assert_ptr_nonnull(doc);
	ck_assert_uint_le(n, 64);
	memset(seen, 0, sizeof(seen));
	for (uint32_t k = 0; k < n; k++)
		pairs += mfr_region_adjacent_count(mfr_model_region_at(m, k));
	ck_assert_uint_eq(pairs % 2, 0);
	json_array_foreach(regions, i, r) {
		json_t *adj = json_object_get(r, "adjacent"), *a;
		size_t j;
		uint32_t x = (uint32_t)i;

		json_array_foreach(adj, j, a) {
			const mfr_region *other = mfr_model_region(m, json_string_value(a));
			uint32_t y = mfr_region_index(other);
			uint32_t lo = x < y ? x : y, hi = x < y ? y : x;

			ck_assert_ptr_nonnull(other);
			ck_assert_uint_gt(y, x);  /* on the region that comes first */
			ck_assert_int_eq(seen[lo][hi], 0);
			seen[lo][hi] = 1;
			written++;
		}
	}
	ck_assert_uint_eq(written, pairs / 2);
	json_decref(doc);
	mfr_free(text);
	mfr_model_free(m);
}
END_TEST

START_TEST(bad_arguments)
{
	mfr_model *m = mfr_test_load_model("minimal.json");
	static const struct {
		int kind;
		const char *key;
		uint32_t flags;
	} bad[] = {
		{ 0, "leg", 0 },                    /* key without kind */
		{ MFR_KIND_REGION, NULL, 0 },       /* kind without key */
		{ -1, "leg", 0 },
		{ MFR_TEST_LAST_KIND + 1, "leg", 0 },
		{ 0, NULL, 2 },                     /* unknown flag */
		{ 0, NULL, 0x80000000u | MFR_JSON_COMPACT },
	};
	char *out;
	mfr_error *err;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		out = (char *)&out;
		err = NULL;
		ck_assert_int_eq(mfr_model_to_json(m, bad[i].kind, bad[i].key,
						   bad[i].flags, &out, &err),
				 MFR_E_INVALID);
		ck_assert_ptr_null(out);
		ck_assert_int_eq(mfr_error_status(err), MFR_E_INVALID);
		ck_assert_str_ne(mfr_error_message(err), "");
		mfr_error_free(err);
		/* Without an error object too. */
		out = (char *)&out;
		ck_assert_int_eq(mfr_model_to_json(m, bad[i].kind, bad[i].key,
						   bad[i].flags, &out, NULL),
				 MFR_E_INVALID);
		ck_assert_ptr_null(out);
	}
	out = (char *)&out;
	ck_assert_int_eq(mfr_model_to_json(NULL, 0, NULL, 0, &out, NULL), MFR_E_INVALID);
	ck_assert_ptr_null(out);
	ck_assert_int_eq(mfr_model_to_json(m, 0, NULL, 0, NULL, NULL), MFR_E_INVALID);

	/* A well-formed request for an entity that does not exist. */
	for (int kind = MFR_KIND_REGION; kind <= MFR_TEST_LAST_KIND; kind++) {
		out = (char *)&out;
		err = NULL;
		ck_assert_int_eq(mfr_model_to_json(m, kind, "no_such_key", 0, &out, &err),
				 MFR_E_NOTFOUND);
		ck_assert_ptr_null(out);
		ck_assert_int_eq(mfr_error_status(err), MFR_E_NOTFOUND);
		ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "no_such_key"));
		ck_assert_ptr_nonnull(strstr(mfr_error_message(err), mfr_kind_name(kind)));
		mfr_error_free(err);
	}
	/* Keys belong to their own section. */
	ck_assert_int_eq(mfr_model_to_json(m, MFR_KIND_LINE, "leg", 0, &out, NULL),
			 MFR_E_NOTFOUND);
	ck_assert_ptr_null(out);
	mfr_model_free(m);
}
END_TEST

/* The place of a failure is found again in the text along its path, with
 * member names compared after their escapes are decoded (the parser
 * decodes them): every escape, and \u at 1 to 4 bytes of UTF-8. */
static const struct {
	const char *text, *path;
	const char *at;   /* the text from the place on */
	int line, column; /* 0: not checked */
} places[] = {
	{ "{\"a\\u00e9\": {\"x\": 1}}", "a\xc3\xa9.x", "1}}", 1, 19 },
	{ "{\"\\u00C9\": 2}", "\xc3\x89", "2}", 1, 12 },
	{ "{\"\\u4e2d\": [3, 4]}", "\xe4\xb8\xad[1]", "4]}", 1, 16 },
	{ "{\"\\ud83d\\ude00\": 5}", "\xf0\x9f\x98\x80", "5}", 1, 18 },
	{ "{\"\\t\\b\\f\\n\\r\\/\\\"\\\\\": 6}", "\t\b\f\n\r/\"\\", "6}", 1, 22 },
	/* A high surrogate alone is not a pair: decoded alone, it matches
	 * nothing, and the next member is still found. */
	{ "{\"\\ud800x\": 0, \"b\": 7}", "b", "7}", 1, 21 },
	/* Names are decoded, not matched as written. */
	{ "{\"\\u0062\": 8}", "b", "8}", 1, 12 },
	/* A missing member: the deepest value found on the way, also when the
	 * member before it ends its object with no space. */
	{ "{\"a\": {\"b\": 1}}", "a.c", "{\"b\"", 1, 7 },
	{ "{\"a\": [1,2]}", "a[2]", "[1,2]", 1, 7 },
	/* Columns count characters; lines restart them. */
	{ "{\"\xc3\xa9t\xc3\xa9\": 1,\n \"b\":\n  [true, {\"c\": null}]}", "b[1].c", "null", 3, 16 },
	{ "{\"\xc3\xa9\": 1}", "\xc3\xa9", "1}", 1, 7 },
	{ "  [1, 2]", "", "[1, 2]", 1, 3 },
};

START_TEST(locate_decodes_names)
{
	const char *text = places[_i].text;
	mfr_json_place at;
	const char *want = strstr(text, places[_i].at);

	ck_assert_ptr_nonnull(want);
	mfr__json_locate(text, strlen(text), places[_i].path, &at);
	ck_assert_msg(at.offset == want - text, "%s at %s: offset %lld, want %lld", text,
		      places[_i].path, (long long)at.offset, (long long)(want - text));
	if (places[_i].line) {
		ck_assert_int_eq(at.line, places[_i].line);
		ck_assert_int_eq(at.column, places[_i].column);
	}
}
END_TEST

/* The reader's JSON path never runs past its buffer: a push longer than
 * the room left is cut, and the length clamped before the leading '.' of a
 * top-level member is moved (it once moved the unclamped length). */
START_TEST(reader_path_is_bounded)
{
	/* On the heap, so that valgrind sees a write past it too. */
	mfr_reader *rd = calloc(1, sizeof(*rd));
	char name[2000];

	ck_assert_ptr_nonnull(rd);
	memset(name, 'x', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	size_t mark = mfr__rd_push(rd, ".%s", name);
	ck_assert_uint_eq(mark, 0);
	ck_assert_uint_lt(rd->plen, sizeof(rd->path));
	ck_assert_uint_eq(strlen(rd->path), rd->plen);
	ck_assert_int_eq(rd->path[0], 'x');
	mfr__rd_push(rd, "[%d]", 7);
	ck_assert_uint_lt(rd->plen, sizeof(rd->path));
	ck_assert_uint_eq(strlen(rd->path), rd->plen);
	mfr__rd_pop(rd, mark);
	ck_assert_str_eq(rd->path, "");
	free(rd);
}
END_TEST

/* A reader copies into its arena; one made without an arena (as the
 * intake reader once was) fails the copy instead of writing through NULL. */
START_TEST(reader_without_arena)
{
	mfr_reader rd;
	mfr_arena arena = { NULL, 0 };
	mfr_error *err = NULL;
	const char *copy = "x";

	memset(&rd, 0, sizeof(rd));
	rd.err = &err;
	rd.source = "test";
	ck_assert_int_eq(mfr__rd_copy(&rd, "soleus", &copy), MFR_E_INVALID);
	ck_assert_ptr_null(copy);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "no arena"));
	ck_assert_ptr_null(mfr__rd_alloc(&rd, 4, 8));
	mfr_error_free(err);

	rd.arena = &arena;
	ck_assert_int_eq(mfr__rd_copy(&rd, "soleus", &copy), MFR_OK);
	ck_assert_str_eq(copy, "soleus");
	mfr__arena_release(&arena);
}
END_TEST

/* Text cut to fit a buffer ends at a character and with "...", for
 * sequences of every length and every place the end can fall. */
START_TEST(text_cut_at_a_character)
{
	static const char *const chars[] = { "a", "\xc3\xa9", "\xe2\x82\xac",
					     "\xf0\x9f\x98\x80" };
	char buf[16];

	for (size_t c = 0; c < sizeof(chars) / sizeof(chars[0]); c++) {
		for (size_t size = 1; size <= sizeof(buf); size++) {
			size_t n = mfr__format(buf, size, "x%s%s%s%s%s%s", chars[c], chars[c],
					       chars[c], chars[c], chars[c], chars[c]);

			ck_assert_uint_eq(n, strlen(buf));
			ck_assert_uint_lt(n, size);
			ck_assert_msg(mfr_test_utf8_valid(buf), "size %zu: %s", size, buf);
			if (1 + 6 * strlen(chars[c]) >= size && size >= 4)
				ck_assert_msg(n >= 3 && strcmp(buf + n - 3, "...") == 0,
					      "size %zu: %s", size, buf);
		}
	}
	/* Appending after a cut adds nothing. */
	mfr_text t;
	mfr__text_init(&t, buf, 8);
	mfr__text_add(&t, "%s", "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9");
	mfr__text_add(&t, "more");
	ck_assert_str_eq(buf, "\xc3\xa9\xc3\xa9...");
	/* Repair: bytes outside a valid sequence become '?'. */
	char bad[] = "a\xff\xc3\xa9\xc3(\xed\xa0\x80\xf4\x90\x80\x80z";
	ck_assert_uint_eq(mfr__utf8_repair(bad), 9);
	ck_assert_str_eq(bad, "a?\xc3\xa9?(" "???????" "z");
}
END_TEST

/* A model file may start with a UTF-8 byte-order mark. */
START_TEST(model_byte_order_mark)
{
	char path[4096];
	size_t size;
	char *text, *with;
	mfr_model *a, *b = NULL;
	mfr_error *err = NULL;

	mfr_test_path(path, sizeof(path), "models/minimal.json");
	text = mfr_test_read(path, &size);
	with = malloc(size + 3);
	ck_assert_ptr_nonnull(with);
	memcpy(with, "\xEF\xBB\xBF", 3);
	memcpy(with + 3, text, size);
	a = load_text(text, "minimal.json");
	mfr_test_assert_ok(mfr_model_load_buffer(with, size + 3, "bom.json", &b, &err), err,
			   "bom.json");
	char *ja = to_json(a, 0, NULL, 0), *jb = to_json(b, 0, NULL, 0);
	ck_assert_str_eq(ja, jb);
	mfr_free(ja);
	mfr_free(jb);
	mfr_model_free(a);
	mfr_model_free(b);
	free(with);
	free(text);
}
END_TEST

/* The writer reports the real cause of a failure: a string that is not
 * UTF-8 is written repaired (jansson refused it, which was reported as "out
 * of memory"); a value that cannot be written is named, not called
 * MFR_E_NOMEM; memory running out is MFR_E_NOMEM. */
START_TEST(writer_reports_the_cause)
{
	mfr_jw w;
	char *out = NULL;
	mfr_error *err = NULL;

	mfr__jw_init(&w, MFR_JSON_COMPACT, 0);
	mfr__jw_object(&w);
	mfr__jw_put_str(&w, "name", "soleus \xc3");
	mfr__jw_object_end(&w);
	mfr_test_assert_ok(mfr__jw_finish(&w, &out, &err), err, "repaired");
	ck_assert_str_eq(out, "{\"name\":\"soleus ?\"}");
	mfr_free(out);

	/* A number that is not finite: the message names its place. */
	mfr__jw_init(&w, 0, 0);
	mfr__jw_object(&w);
	mfr__jw_key(&w, "results");
	mfr__jw_array(&w);
	mfr__jw_object(&w);
	mfr__jw_put_real(&w, "score", 0.5);
	mfr__jw_object_end(&w);
	mfr__jw_object(&w);
	mfr__jw_put_real(&w, "score", NAN);
	mfr__jw_put_str(&w, "after", "ignored");
	mfr__jw_object_end(&w);
	mfr__jw_array_end(&w);
	mfr__jw_object_end(&w);
	out = (char *)&out;
	ck_assert_int_eq(mfr__jw_finish(&w, &out, &err), MFR_E_INVALID);
	ck_assert_ptr_null(out);
	ck_assert_msg(strstr(mfr_error_message(err),
			     "the value at results[1].score is not a finite number"),
		      "%s", mfr_error_message(err));
	mfr_error_free(err);
	err = NULL;

	/* A NULL string, an item of an array. */
	mfr__jw_init(&w, 0, 0);
	mfr__jw_array(&w);
	mfr__jw_string(&w, "a");
	mfr__jw_string(&w, NULL);
	mfr__jw_array_end(&w);
	ck_assert_int_eq(mfr__jw_finish(&w, &out, &err), MFR_E_INVALID);
	ck_assert_msg(strstr(mfr_error_message(err), "the value at [1] is a NULL string"),
		      "%s", mfr_error_message(err));
	mfr_error_free(err);
	err = NULL;

	/* A value with no name in its table. */
	mfr__jw_init(&w, 0, 0);
	mfr__jw_object(&w);
	mfr__jw_put_name(&w, "side", &mfr__side_names, 77);
	mfr__jw_object_end(&w);
	ck_assert_int_eq(mfr__jw_finish(&w, &out, NULL), MFR_E_INVALID);

	/* A document left open is a bug too, not a lack of memory. */
	mfr__jw_init(&w, 0, 0);
	mfr__jw_object(&w);
	ck_assert_int_eq(mfr__jw_finish(&w, &out, &err), MFR_E_INVALID);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "an unfinished document"));
	mfr_error_free(err);
	err = NULL;

	/* Memory running out, at the first allocation or a later one. */
	for (long n = 0; n < 2; n++) {
		mfr__jw_init(&w, MFR_JSON_COMPACT, 0);
		mfr__alloc_fail_after(n, 1);
		mfr__jw_array(&w);
		for (int i = 0; i < 1000; i++)
			mfr__jw_string(&w, "a string of some length, written again and again");
		mfr__jw_array_end(&w);
		ck_assert_int_eq(mfr__jw_finish(&w, &out, &err), MFR_E_NOMEM);
		ck_assert_int_eq(mfr__alloc_fail_after(-1, 0), 1);
		ck_assert_str_eq(mfr_error_message(err), "out of memory");
		mfr_error_free(err);
		err = NULL;
	}
}
END_TEST

Suite *mfr_test_json_suite(void)
{
	Suite *s = suite_create("json");
	TCase *tc = tcase_create("round_trip");
	const int n = (int)(sizeof(models) / sizeof(models[0]));

	tcase_add_loop_test(tc, round_trip, 0, n);
	tcase_add_test(tc, round_trip_default);
	tcase_add_loop_test(tc, single_entities, 0, n);
	suite_add_tcase(s, tc);

	tc = tcase_create("canonical");
	tcase_add_test(tc, exact_output);
	tcase_add_loop_test(tc, adjacency_once, 0, n);
	suite_add_tcase(s, tc);

	tc = tcase_create("errors");
	tcase_add_test(tc, bad_arguments);
	tcase_add_test(tc, reader_path_is_bounded);
	tcase_add_loop_test(tc, locate_decodes_names, 0, (int)(sizeof(places) / sizeof(places[0])));
	tcase_add_test(tc, reader_without_arena);
	tcase_add_test(tc, text_cut_at_a_character);
	tcase_add_test(tc, writer_reports_the_cause);
	tcase_add_test(tc, model_byte_order_mark);
	suite_add_tcase(s, tc);
	return s;
}
