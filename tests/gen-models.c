/*
 * libmfr tests: generated models and intakes (gen-models.h).
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>

#include "gen-models.h"
#include "util.h"

static void add_area_list(mfr_test_buf *b, int n)
{
	for (int i = 0; i < n; i++)
		mfr_test_buf_add(b, "%s\"a%d\"", i ? "," : "", i);
}

static char *gen_model(const gen *g, size_t *size)
{
	mfr_test_buf b = { NULL, 0, 0 };
	int line = 0;

	mfr_test_buf_add(&b, "{\"format\": \"libmfr-model\", \"format_version\": 1, "
			 "\"name\": \"generated\", \"model_version\": \"1\", "
			 "\"sources\": [{\"key\": \"s\", \"citation\": \"c\"}],\n\"regions\": [\n");
	for (int i = 0; i < g->areas; i++) {
		mfr_test_buf_add(&b, "{\"key\": \"a%d\", \"name\": \"a\", \"kind\": \"area\", "
				 "\"laterality\": \"bilateral\", \"positions\": [\"prone\"], "
				 "\"depth\": \"superficial\", \"sources\": [\"s\"]", i);
		if ((g->what & GEN_CHAIN) && i)
			mfr_test_buf_add(&b, ", \"parent\": \"a%d\"", i - 1);
		mfr_test_buf_add(&b, "},\n");
	}
	mfr_test_buf_add(&b, "{\"key\": \"m0\", \"name\": \"m\", \"kind\": \"muscle\", "
			 "\"laterality\": \"bilateral\", \"positions\": [\"prone\"], "
			 "\"depth\": \"deep\", \"sources\": [\"s\"]}],\n\"lines\": [");
	if (g->node_regions) {
		mfr_test_buf_add(&b, "{\"key\": \"big\", \"abbrev\": \"B\", \"name\": \"big\", "
				 "\"evidence\": \"not_assessed\", \"sources\": [\"s\"], "
				 "\"branches\": [{\"key\": \"main\", \"nodes\": [");
		for (int k = 0; k < g->nodes; k++) {
			mfr_test_buf_add(&b, "%s{\"kind\": \"track\", \"side\": \"ipsi\", "
					 "\"regions\": [", k ? "," : "");
			add_area_list(&b, g->node_regions);
			mfr_test_buf_add(&b, "]}");
		}
		mfr_test_buf_add(&b, "]}]}");
		line = 1;
	}
	if (g->what & GEN_BRANCHES) {
		mfr_test_buf_add(&b, "%s{\"key\": \"many\", \"abbrev\": \"M\", \"name\": \"many\", "
				 "\"evidence\": \"not_assessed\", \"sources\": [\"s\"], "
				 "\"branches\": [", line ? "," : "");
		for (int i = 0; i < g->areas; i++)
			mfr_test_buf_add(&b, "%s{\"key\": \"b%d\", \"nodes\": ["
					 "{\"kind\": \"track\", \"side\": \"ipsi\", \"regions\": [\"a%d\"]},"
					 "{\"kind\": \"track\", \"side\": \"ipsi\", \"regions\": [\"m0\"]}]}",
					 i ? "," : "", i, i);
		mfr_test_buf_add(&b, "]}");
	}
	mfr_test_buf_add(&b, "],\n\"referrals\": [");
	for (int k = 0; (g->what & GEN_ZONES) && k < GEN_LISTS; k++) {
		mfr_test_buf_add(&b, "%s{\"key\": \"m0_trp%d\", \"muscle\": \"m0\", "
				 "\"trigger_point\": \"x\", \"sources\": [\"s\"], \"zones\": [",
				 k ? "," : "", k);
		for (int i = 0; i < g->areas; i++)
			mfr_test_buf_add(&b, "%s{\"area\": \"a%d\", \"zone\": \"essential\"}",
					 i ? "," : "", i);
		mfr_test_buf_add(&b, "]}");
	}
	mfr_test_buf_add(&b, "],\n\"techniques\": [");
	for (int k = 0; (g->what & GEN_LIST) && k < GEN_LISTS; k++) {
		mfr_test_buf_add(&b, "%s{\"key\": \"t%d\", \"name\": \"t\", \"family\": "
				 "\"sustained_pressure\", \"approach\": \"direct\", "
				 "\"pressure\": {\"min\": \"light\", \"max\": \"firm\"}, "
				 "\"depth\": \"deep\", \"positions\": [\"prone\"], "
				 "\"sources\": [\"s\"], \"regions\": [", k ? "," : "", k);
		add_area_list(&b, g->areas);
		mfr_test_buf_add(&b, "]}");
	}
	mfr_test_buf_add(&b, "],\n\"conditions\": [], \"precautions\": []}\n");
	*size = b.len;
	return b.data;
}

mfr_status_t load_gen(const gen *g, mfr_error **err)
{
	size_t size;
	char *text = gen_model(g, &size);
	mfr_model *m = NULL;
	mfr_status_t st = mfr_model_load_buffer(text, size, "generated.json", &m, err);

	free(text);
	ck_assert(st == MFR_OK ? m != NULL : m == NULL);
	mfr_model_free(m);
	return st;
}

mfr_model *many_model(int n)
{
	mfr_test_buf b = { NULL, 0, 0 };
	mfr_error *err = NULL;
	mfr_model *m = NULL;

	mfr_test_buf_add(&b, "{\"format\": \"libmfr-model\", \"format_version\": 1, "
			 "\"name\": \"many\", \"model_version\": \"1\", "
			 "\"sources\": [{\"key\": \"s\", \"citation\": \"c\"}], \"regions\": [");
	for (int i = 0; i < n; i++)
		mfr_test_buf_add(&b, "%s{\"key\": \"a%d\", \"name\": \"a\", \"kind\": \"area\", "
				 "\"laterality\": \"bilateral\", \"positions\": [\"prone\"], "
				 "\"depth\": \"superficial\", \"sources\": [\"s\"]}", i ? "," : "", i);
	mfr_test_buf_add(&b, "], \"lines\": [], \"referrals\": [], \"techniques\": [], "
			 "\"conditions\": [");
	for (int i = 0; i < n; i++)
		mfr_test_buf_add(&b, "%s{\"key\": \"c%d\", \"name\": \"c\", \"icd10cm\": [\"M79\"], "
				 "\"areas\": [\"a%d\"], \"sources\": [\"s\"]}", i ? "," : "", i, i);
	mfr_test_buf_add(&b, "], \"precautions\": [{\"key\": \"loc\", \"name\": \"l\", "
			 "\"scope\": \"local\", \"severity\": \"relative\", \"effect\": \"e\", "
			 "\"sources\": [\"s\"]}");
	for (int i = 0; i < n; i++)
		mfr_test_buf_add(&b, ",{\"key\": \"p%d\", \"name\": \"p\", \"scope\": \"global\", "
				 "\"severity\": \"relative\", \"needs_clearance\": true, "
				 "\"effect\": \"e\", \"sources\": [\"s\"]}", i);
	mfr_test_buf_add(&b, "]}");
	mfr_test_assert_ok(mfr_model_load_buffer(b.data, b.len, "many.json", &m, &err), err,
			   "many.json");
	free(b.data);
	return m;
}

const char *const many_what[MANY_SITES + 1] = {
	"symptoms", "conditions", "precautions", "clearances", "sites of a precaution"
};

/* Record item @p i of a list of @p kind through the API. */
mfr_status_t many_add(mfr_intake *in, int kind, int i, int stride)
{
	char key[16];

	/* Spread over the whole model: small and large lists then touch
	 * memory alike (one cache line per entity), and the ratio measures
	 * the algorithm, not the cache (a test running beside this one once
	 * made a small list 2.5 times as fast per item as a large one). */
	i = kind == MANY_SYMPTOMS ? (i / 2) * stride * 2 + i % 2 : i * stride;

	if (kind == MANY_SYMPTOMS) {
		snprintf(key, sizeof(key), "a%d", i / 2);
		return mfr_intake_add_symptom(in, key, i % 2 ? MFR_SIDE_RIGHT : MFR_SIDE_LEFT,
					      5, 0, NULL);
	}
	if (kind == MANY_CONDITIONS) {
		snprintf(key, sizeof(key), "c%d", i);
		return mfr_intake_add_condition(in, key, NULL);
	}
	if (kind == MANY_SITES) {
		snprintf(key, sizeof(key), "a%d", i);
		return mfr_intake_add_precaution(in, "loc", key, MFR_SIDE_LEFT, NULL);
	}
	snprintf(key, sizeof(key), "p%d", i);
	return kind == MANY_CLEARANCES ? mfr_intake_add_clearance(in, key, NULL)
				       : mfr_intake_add_precaution(in, key, NULL, 0, NULL);
}

