/*
 * libmfr - the intake's JSON form (doc/intake-format.md): reading, with
 * errors that name the place, and canonical writing.
 * SPDX-License-Identifier: MIT
 */
#include <jansson.h>
#include <string.h>

#include "alloc.h"
#include "audit.h"
#include "error.h"
#include "file.h"
#include "intake-private.h"
#include "json-reader.h"
#include "json-scan.h"
#include "json-writer.h"
#include "names.h"

#define SIDE_BOTH (-1) /* "both": the symptom is added once on each side */

/* Report a builder's problem at the current path. */
static mfr_status_t at_path(mfr_reader *rd, const mfr_problem *why)
{
	if (why->status == MFR_E_NOMEM)
		return mfr__rd_nomem(rd);
	return mfr__rd_fail(rd, why->status, "%s", why->text);
}

/* The optional "side" member: 0 when absent, SIDE_BOTH for "both". */
static mfr_status_t read_side(mfr_reader *rd, json_t *obj, int allow_both, int *side)
{
	json_t *v = json_object_get(obj, "side");

	*side = 0;
	if (!v)
		return MFR_OK;
	size_t mark = mfr__rd_push(rd, ".side");
	mfr_status_t st = MFR_OK;

	if (allow_both && json_is_string(v) && strcmp(json_string_value(v), "both") == 0)
		*side = SIDE_BOTH;
	else if (json_is_string(v) && !(*side = mfr__value_of(&mfr__side_names,
							      json_string_value(v))))
		st = mfr__rd_fail(rd, MFR_E_UNKNOWN, "unknown side \"%s\"; use \"left\", "
				  "\"right\"%s or \"midline\"", json_string_value(v),
				  allow_both ? ", \"both\"" : "");
	else if (!json_is_string(v))
		st = mfr__rd_fail(rd, MFR_E_TYPE, "expected a side (a string), found %s",
				  mfr__rd_type_name(v));
	mfr__rd_pop(rd, mark);
	return st;
}

static const char *const symptom_members[] = {
	"region", "side", "segment", "intensity", "onset", NULL
};

static mfr_status_t read_symptom(mfr_reader *rd, mfr_intake *in, json_t *obj)
{
	const char *region;
	json_t *v;
	int side, onset = MFR_ONSET_UNSPECIFIED;
	json_int_t intensity = MFR_INTAKE_DEFAULT_INTENSITY;
	mfr_problem why;

	if (!json_is_object(obj))
		return mfr__rd_fail(rd, MFR_E_TYPE, "expected a symptom object "
				    "{\"region\": ..., \"side\": ...}, found %s",
				    mfr__rd_type_name(obj));
	TRY(mfr__rd_check_members(rd, obj, symptom_members, "a symptom"));
	json_t *segment = json_object_get(obj, "segment");
	if (segment && (json_object_get(obj, "region") || json_object_get(obj, "side"))) {
		mfr__rd_push(rd, json_object_get(obj, "region") ? ".region" : ".side");
		return mfr__rd_fail(rd, MFR_E_CONSTRAINT, "a symptom names either a "
				    "\"segment\" of the body map or a \"region\" and its "
				    "\"side\", not both; a segment stands for its sites");
	}
	if (segment) {
		TRY(mfr__rd_member(rd, obj, "segment", 1, JSON_INTEGER,
				   "a body-map segment id (a whole number)", &v));
		region = NULL;
		side = 0;
	} else {
		TRY(mfr__rd_member(rd, obj, "region", 1, JSON_STRING, "a region key", &v));
		region = json_string_value(v);
		TRY(read_side(rd, obj, 1, &side));
	}
	TRY(mfr__rd_member(rd, obj, "intensity", 0, JSON_INTEGER,
			   "a whole number from 0 to 10", &v));
	if (v)
		intensity = json_integer_value(v);
	if ((v = json_object_get(obj, "onset"))) {
		size_t mark = mfr__rd_push(rd, ".onset");
		mfr_status_t st = MFR_OK;
		const char *s = json_is_string(v) ? json_string_value(v) : NULL;

		if (s && strcmp(s, "acute") == 0)
			onset = MFR_ONSET_ACUTE;
		else if (s && strcmp(s, "chronic") == 0)
			onset = MFR_ONSET_CHRONIC;
		else if (!s || strcmp(s, "unspecified") != 0)
			st = mfr__rd_fail(rd, s ? MFR_E_UNKNOWN : MFR_E_TYPE,
					  "onset must be \"acute\", \"chronic\" or "
					  "\"unspecified\"");
		mfr__rd_pop(rd, mark);
		TRY(st);
	}

	if (intensity < INT32_MIN || intensity > INT32_MAX) {
		/* Past what the builder takes: say so here, with the value given
		 * (it once said "intensity -1"). */
		size_t mark = mfr__rd_push(rd, ".intensity");
		mfr_status_t st = mfr__rd_fail(rd, MFR_E_RANGE, "intensity %" JSON_INTEGER_FORMAT
					     " is out of range; use 0 (none) to 10 (worst "
					     "imaginable)", intensity);
		mfr__rd_pop(rd, mark);
		return st;
	}
	if (segment) {
		if (mfr__intake_segment(in, json_integer_value(segment), (int32_t)intensity,
					onset, &why) == MFR_OK)
			return MFR_OK;
		size_t mark = mfr__rd_push(rd, "%s", why.status == MFR_E_REFERENCE ? ".segment"
					   : why.status == MFR_E_RANGE &&
					   (intensity < 0 || intensity > 10) ? ".intensity" : "");
		mfr_status_t st = at_path(rd, &why);
		mfr__rd_pop(rd, mark);
		return st;
	}
	const mfr_region *r = mfr_model_region(in->model, region);

	if (side == SIDE_BOTH && r && r->laterality == MFR_LATERALITY_MIDLINE)
		side = MFR_SIDE_MIDLINE; /* "both" sides of the midline: itself */
	for (int k = 0; k < (side == SIDE_BOTH ? 2 : 1); k++) {
		int s = side == SIDE_BOTH ? (k ? MFR_SIDE_RIGHT : MFR_SIDE_LEFT) : side;

		if (mfr__intake_symptom(in, region, s, (int32_t)intensity, onset,
					&why) == MFR_OK)
			continue;
		/* Point at the member the problem is about. */
		int bad_intensity = intensity < 0 || intensity > 10;
		const char *field = why.status == MFR_E_REFERENCE ? ".region"
				  : why.status == MFR_E_RANGE ? (bad_intensity ? ".intensity" : "")
				  : json_object_get(obj, "side") ? ".side" : "";
		size_t mark = mfr__rd_push(rd, "%s", field);
		mfr_status_t st = at_path(rd, &why);
		mfr__rd_pop(rd, mark);
		return st;
	}
	return MFR_OK;
}

static const char *const precaution_members[] = { "key", "region", "side", NULL };

static mfr_status_t read_precaution(mfr_reader *rd, mfr_intake *in, json_t *item)
{
	const char *key, *region = NULL;
	json_t *v;
	int side = 0;
	mfr_problem why;

	if (json_is_string(item)) {
		key = json_string_value(item);
	} else if (json_is_object(item)) {
		TRY(mfr__rd_check_members(rd, item, precaution_members, "a precaution"));
		TRY(mfr__rd_member(rd, item, "key", 1, JSON_STRING, "a precaution key", &v));
		key = json_string_value(v);
		TRY(mfr__rd_member(rd, item, "region", 0, JSON_STRING, "a region key", &v));
		region = v ? json_string_value(v) : NULL;
		TRY(read_side(rd, item, 0, &side));
	} else {
		return mfr__rd_fail(rd, MFR_E_TYPE, "expected a precaution key or an "
				    "object {\"key\": ..., \"region\": ..., \"side\": ...}, "
				    "found %s", mfr__rd_type_name(item));
	}
	if (mfr__intake_precaution(in, key, region, side, &why) == MFR_OK)
		return MFR_OK;

	/* Point at the member the problem is about. */
	const char *field = "";
	if (json_is_object(item)) {
		if (why.status == MFR_E_REFERENCE)
			field = mfr__model_find(in->model, MFR_KIND_PRECAUTION, key) < 0
				? ".key" : ".region";
		else if (why.status == MFR_E_CONSTRAINT && json_object_get(item, "side") &&
			 mfr_model_precaution(in->model, key) &&
			 mfr_model_precaution(in->model, key)->scope == MFR_SCOPE_LOCAL)
			field = ".side";
	}
	size_t mark = mfr__rd_push(rd, "%s", field);
	mfr_status_t st = at_path(rd, &why);
	mfr__rd_pop(rd, mark);
	return st;
}

/* A list of an intake document holds at most MFR_INTAKE_MAX_ITEMS items
 * (the builders check the same of what they record, "both" sides and
 * answers included): said at the list, before anything is read. */
static mfr_status_t check_count(mfr_reader *rd, const char *name, size_t n)
{
	if (n <= MFR_INTAKE_MAX_ITEMS)
		return MFR_OK;
	size_t mark = mfr__rd_push(rd, "%s", name);
	mfr_status_t st = mfr__rd_fail(rd, MFR_E_RANGE, "%zu items; an intake lists at most "
				     "%d: record each site or key once, and split what "
				     "belongs to several clients", n, MFR_INTAKE_MAX_ITEMS);
	mfr__rd_pop(rd, mark);
	return st;
}

/* Read every item of array member @p name with @p read_item. */
static mfr_status_t read_list(mfr_reader *rd, mfr_intake *in, json_t *root, const char *name,
			    mfr_status_t (*read_item)(mfr_reader *, mfr_intake *, json_t *))
{
	json_t *arr, *item;
	size_t i;

	TRY(mfr__rd_array(rd, root, name, 0, 0, &arr));
	if (!arr)
		return MFR_OK;
	TRY(check_count(rd, name, json_array_size(arr)));
	json_array_foreach(arr, i, item) {
		size_t mark = mfr__rd_push(rd, "%s[%zu]", name, i);
		mfr_status_t st = read_item(rd, in, item);

		mfr__rd_pop(rd, mark);
		TRY(st);
	}
	return MFR_OK;
}

/* A plain key item (conditions, clearances) for the builder @p add. */
static mfr_status_t read_key(mfr_reader *rd, mfr_intake *in, json_t *item,
			   mfr_status_t (*add)(mfr_intake *, const char *, mfr_problem *))
{
	mfr_problem why;

	if (!json_is_string(item))
		return mfr__rd_fail(rd, MFR_E_TYPE, "expected a key (a string), found %s",
				    mfr__rd_type_name(item));
	return add(in, json_string_value(item), &why) == MFR_OK ? MFR_OK : at_path(rd, &why);
}

static mfr_status_t read_condition(mfr_reader *rd, mfr_intake *in, json_t *item)
{
	return read_key(rd, in, item, mfr__intake_condition);
}

static mfr_status_t read_clearance(mfr_reader *rd, mfr_intake *in, json_t *item)
{
	return read_key(rd, in, item, mfr__intake_clearance);
}

static const char *const answer_members[] = {
	"question", "answer", "region", "side", NULL
};

static mfr_status_t read_answer(mfr_reader *rd, mfr_intake *in, json_t *item)
{
	const char *question, *answer, *region;
	json_t *v;
	int side;
	mfr_problem why;

	if (!json_is_object(item))
		return mfr__rd_fail(rd, MFR_E_TYPE, "expected an answer object "
				    "{\"question\": ..., \"answer\": ...}, found %s",
				    mfr__rd_type_name(item));
	TRY(mfr__rd_check_members(rd, item, answer_members, "an answer"));
	TRY(mfr__rd_member(rd, item, "question", 1, JSON_STRING, "a screening question key", &v));
	question = json_string_value(v);
	TRY(mfr__rd_member(rd, item, "answer", 1, JSON_STRING, "an answer key", &v));
	answer = json_string_value(v);
	TRY(mfr__rd_member(rd, item, "region", 0, JSON_STRING, "a region key", &v));
	region = v ? json_string_value(v) : NULL;
	TRY(read_side(rd, item, 0, &side));
	if (mfr__intake_answer(in, question, answer, region, side, &why) == MFR_OK)
		return MFR_OK;
	const char *field = "";
	if (why.status == MFR_E_REFERENCE)
		field = mfr__model_find(in->model, MFR_KIND_SCREENING, question) < 0 ? ".question"
			: region && !mfr_model_region(in->model, region) ? ".region" : ".answer";
	size_t mark = mfr__rd_push(rd, "%s", field);
	mfr_status_t st = at_path(rd, &why);
	mfr__rd_pop(rd, mark);
	return st;
}

static mfr_status_t read_scope(mfr_reader *rd, mfr_intake *in, json_t *item)
{
	int access = 0;
	mfr_problem why;

	TRY(mfr__rd_parse_enum(rd, item, &mfr__access_names, &access));
	return mfr__intake_scope(in, access, &why) == MFR_OK ? MFR_OK : at_path(rd, &why);
}

/* "stages": {"pregnancy": 2, ...}, after the precautions they qualify. */
static mfr_status_t read_stages(mfr_reader *rd, mfr_intake *in, json_t *root)
{
	json_t *obj, *v;
	const char *key;
	mfr_problem why;

	TRY(mfr__rd_member(rd, root, "stages", 0, JSON_OBJECT,
			   "an object {\"precaution\": stage, ...}", &obj));
	if (!obj)
		return MFR_OK;
	TRY(check_count(rd, "stages", json_object_size(obj)));
	json_object_foreach(obj, key, v) {
		size_t mark = mfr__rd_push(rd, "stages.%s", key);
		mfr_status_t st = MFR_OK;

		if (!json_is_integer(v))
			st = mfr__rd_fail(rd, MFR_E_TYPE, "expected a stage (a whole number), "
					  "found %s", mfr__rd_type_name(v));
		else if (mfr__intake_stage(in, key, json_integer_value(v), &why) != MFR_OK)
			st = at_path(rd, &why);
		mfr__rd_pop(rd, mark);
		TRY(st);
	}
	return MFR_OK;
}

static const char *const intake_members[] = {
	"id", "symptoms", "conditions", "precautions", "answers", "stages", "scopes",
	"clearances", "session_minutes", "positions", "extensions", NULL
};

/* The object at the reader's current path, as compact text passed on as it
 * is written (its tokens unchanged, the whitespace between them dropped). */
static mfr_status_t read_raw_object(mfr_reader *rd, mfr_intake *in, const char *path)
{
	mfr_json_place at;
	mfr_problem why;

	mfr__json_locate(rd->text, rd->text_size, path, &at);
	size_t start = (size_t)at.offset;
	size_t end = mfr__json_value_end(rd->text, rd->text_size, start);
	char *compact = mfr__malloc(end - start + 1);

	if (!compact)
		return mfr__rd_nomem(rd);
	size_t n = mfr__json_minify(rd->text + start, end - start, compact);
	mfr_status_t st = mfr__intake_extensions(in, compact, n, &why);

	mfr__free(compact);
	return st == MFR_OK ? MFR_OK : at_path(rd, &why);
}

/* "id" and "extensions": the clinic's, carried into every output. */
static mfr_status_t read_audit(mfr_reader *rd, mfr_intake *in, json_t *root)
{
	json_t *v;
	mfr_problem why;

	TRY(mfr__rd_member(rd, root, "id", 0, JSON_STRING,
			   "a string (the clinic's id for this intake)", &v));
	if (v && mfr__intake_id(in, json_string_value(v), &why) != MFR_OK) {
		size_t mark = mfr__rd_push(rd, "id");
		mfr_status_t st = at_path(rd, &why);

		mfr__rd_pop(rd, mark);
		return st;
	}
	TRY(mfr__rd_member(rd, root, "extensions", 0, JSON_OBJECT,
			   "an object (the clinic's own members, passed on as they are)",
			   &v));
	if (!v)
		return MFR_OK;
	size_t mark = mfr__rd_push(rd, "extensions");
	mfr_status_t st = read_raw_object(rd, in, "extensions");

	mfr__rd_pop(rd, mark);
	return st;
}

static mfr_status_t read_intake(mfr_reader *rd, mfr_intake *in, json_t *root)
{
	json_t *v;
	mfr_problem why;

	if (!json_is_object(root))
		return mfr__rd_fail(rd, MFR_E_TYPE, "an intake is a JSON object, found %s",
				    mfr__rd_type_name(root));
	TRY(mfr__rd_check_members(rd, root, intake_members, "an intake"));
	TRY(read_audit(rd, in, root));
	TRY(read_list(rd, in, root, "symptoms", read_symptom));
	TRY(read_list(rd, in, root, "conditions", read_condition));
	TRY(read_list(rd, in, root, "precautions", read_precaution));
	TRY(read_list(rd, in, root, "answers", read_answer));
	TRY(read_stages(rd, in, root));
	TRY(read_list(rd, in, root, "scopes", read_scope));
	TRY(read_list(rd, in, root, "clearances", read_clearance));
	TRY(mfr__rd_member(rd, root, "session_minutes", 0, JSON_INTEGER,
			   "a whole number of minutes", &v));
	if (v && mfr__intake_minutes(in, json_integer_value(v), &why) != MFR_OK) {
		mfr__rd_push(rd, "session_minutes");
		return at_path(rd, &why);
	}
	if (json_object_get(root, "positions")) {
		uint32_t mask;

		TRY(mfr__rd_mask(rd, root, "positions", 1, &mfr__position_names, &mask));
		in->positions = mask;
	}
	return MFR_OK;
}

MFR_EXPORT mfr_status_t mfr_intake_from_json(const mfr_model *model, const char *data,
					   size_t size, const char *name,
					   mfr_intake **out, mfr_error **err)
{
	/* The reader's copies go to a scratch arena that dies with the read:
	 * the intake keeps pointers into the model, never into the document.
	 * (The reader had no arena at all: a copy would have written
	 * through NULL.) Nothing is allocated until a copy is made. */
	mfr_arena scratch = { NULL, 1024 };
	mfr_reader rd = { .err = err, .source = name ? name : "<buffer>", .model = model,
			  .arena = &scratch, .what = "an intake",
			  .fix = "an intake is one client's record: check that this is "
				 "the document meant",
			  .max_bytes = MFR_INTAKE_MAX_BYTES };
	mfr_intake *in = NULL;
	json_t *root = NULL;
	mfr_status_t st;

	if (out)
		*out = NULL;
	MFR__ERR_ENTRY(err);
	if (!model || !data || !out)
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_intake_from_json: model, data and out "
				      "must not be NULL");
	st = mfr_intake_new(model, &in);
	if (st != MFR_OK)
		return mfr__error_nomem(err);
	st = mfr__rd_parse(&rd, data, size, &root);
	if (st == MFR_OK) {
		st = read_intake(&rd, in, root);
		json_decref(root);
	}
	mfr__arena_release(&scratch);
	if (st != MFR_OK) {
		mfr_intake_free(in);
		return st;
	}
	*out = in;
	return MFR_OK;
}

MFR_EXPORT mfr_status_t mfr_intake_load_file(const mfr_model *model, const char *path,
					   mfr_intake **out, mfr_error **err)
{
	char *data = NULL;
	size_t size = 0;
	mfr_status_t st;

	if (out)
		*out = NULL;
	MFR__ERR_ENTRY(err);
	if (!model || !path || !out)
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_intake_load_file: model, path and out "
				      "must not be NULL");
	st = mfr__read_file(path, (size_t)MFR_INTAKE_MAX_BYTES + 1, &data, &size, err);
	if (st != MFR_OK)
		return st;
	st = mfr_intake_from_json(model, data, size, path, out, err);
	mfr__free(data);
	return st;
}

/* ---- writing ---- */

/* The members of a site: region, and side when the region has sides. */
static void site_members(mfr_jw *w, const mfr_region *r, int side)
{
	mfr__jw_put_str(w, "region", r->key);
	if (r->laterality == MFR_LATERALITY_BILATERAL)
		mfr__jw_put_name(w, "side", &mfr__side_names, side);
}

/* Whether @p a sets a precaution (its answer is then written as the
 * precautions it set, so that reading the document back records them once). */
static int sets_precautions(const mfr_screening_answer *a)
{
	return a->precaution_count != 0;
}

/* The answers that set no precaution ("no"): written so that a document
 * read back still records that the question was asked. */
static void answers_json(mfr_jw *w, const mfr_intake *in)
{
	uint32_t n = 0;

	for (uint32_t i = 0; in->answered && i < in->model->screening_count; i++)
		n += in->answered[i] && !sets_precautions(in->answered[i]);
	if (!n)
		return;
	mfr__jw_key(w, "answers");
	mfr__jw_array(w);
	for (uint32_t i = 0; i < in->model->screening_count; i++) {
		const mfr_screening_answer *a = in->answered[i];

		if (!a || sets_precautions(a))
			continue;
		mfr__jw_object(w);
		mfr__jw_put_str(w, "question", in->model->screening[i].key);
		mfr__jw_put_str(w, "answer", a->key);
		mfr__jw_object_end(w);
	}
	mfr__jw_array_end(w);
}

static void intake_json(mfr_jw *w, const mfr_intake *in)
{
	mfr__jw_object(w);
	mfr__jw_put_opt_str(w, "id", in->id);
	mfr__jw_key(w, "symptoms");
	mfr__jw_array(w);
	for (uint32_t i = 0; i < in->symptom_count; i++) {
		const mfr_intake_symptom *s = &in->symptoms[i];

		mfr__jw_object(w);
		site_members(w, s->region, s->side);
		mfr__jw_put_int(w, "intensity", s->intensity);
		if (s->onset)
			mfr__jw_put_str(w, "onset", mfr_onset_name(s->onset));
		mfr__jw_object_end(w);
	}
	mfr__jw_array_end(w);
	mfr__jw_key(w, "conditions");
	mfr__jw_array(w);
	for (uint32_t i = 0; i < in->condition_count; i++)
		mfr__jw_string(w, in->conditions[i]->key);
	mfr__jw_array_end(w);
	mfr__jw_key(w, "precautions");
	mfr__jw_array(w);
	for (uint32_t i = 0; i < in->precaution_count; i++) {
		const mfr_intake_precaution *p = &in->precautions[i];

		mfr__jw_object(w);
		mfr__jw_put_str(w, "key", p->precaution->key);
		if (p->region)
			site_members(w, p->region, p->side);
		mfr__jw_object_end(w);
	}
	mfr__jw_array_end(w);
	answers_json(w, in);
	if (in->stage_count) {
		mfr__jw_key(w, "stages");
		mfr__jw_object(w);
		for (uint32_t i = 0; i < in->stage_count; i++) {
			mfr__jw_key_str(w, in->stages[i].precaution->key);
			mfr__jw_int(w, in->stages[i].stage);
		}
		mfr__jw_object_end(w);
	}
	if (in->scopes)
		mfr__jw_put_mask(w, "scopes", &mfr__access_names, in->scopes);
	mfr__jw_key(w, "clearances");
	mfr__jw_array(w);
	for (uint32_t i = 0; i < in->clearance_count; i++)
		mfr__jw_string(w, in->clearances[i]->key);
	mfr__jw_array_end(w);
	mfr__jw_put_int(w, "session_minutes", in->minutes);
	mfr__jw_put_mask(w, "positions", &mfr__position_names, in->positions);
	if (in->extensions) {
		mfr__jw_key(w, "extensions");
		mfr__jw_raw(w, in->extensions, strlen(in->extensions));
	}
	mfr__jw_object_end(w);
}

MFR_EXPORT mfr_status_t mfr_intake_to_json(const mfr_intake *in, uint32_t flags,
					 char **out, mfr_error **err)
{
	mfr_jw w;

	if (out)
		*out = NULL;
	MFR__ERR_ENTRY(err);
	if (!in || !out || (flags & ~MFR_JSON_COMPACT))
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_intake_to_json: pass an intake and an out "
				      "pointer; flags may only hold MFR_JSON_COMPACT");
	mfr__jw_init(&w, flags, 0);
	intake_json(&w, in);
	return mfr__jw_finish(&w, out, err);
}

/* ---- extensions through the API ---- */

MFR_EXPORT mfr_status_t mfr_intake_set_extensions(mfr_intake *in, const char *json,
						mfr_error **err)
{
	mfr_arena scratch = { NULL, 1024 };
	mfr_reader rd = { .err = err, .source = "<extensions>", .model = NULL,
			  .arena = &scratch, .what = "an intake's extensions",
			  .fix = "extensions travel with every output: keep them to what "
				 "the clinic's software needs",
			  .max_bytes = MFR_INTAKE_MAX_BYTES };
	mfr_json_place at;
	json_t *root = NULL;
	mfr_status_t st;

	MFR__ERR_ENTRY(err);
	if (!in)
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_intake_set_extensions: intake is NULL");
	if (!json) {
		mfr_problem why;

		return mfr__intake_extensions(in, NULL, 0, &why);
	}
	size_t size = strlen(json);

	/* Inside an intake document the object is one level deeper. */
	if (mfr__json_too_deep(json, size, MFR_JSON_MAX_DEPTH - 1, &at))
		return mfr__error_set(err, MFR_E_RANGE,
				      &(mfr_where){ "<extensions>", "", at.line, at.column,
						    at.offset },
				      "<extensions>:%d:%d: nested deeper than %d levels; "
				      "an intake document (with its extensions one level "
				      "down) nests at most %d", (int)at.line, (int)at.column,
				      MFR_JSON_MAX_DEPTH - 1, MFR_JSON_MAX_DEPTH);
	st = mfr__rd_parse(&rd, json, size, &root);
	if (st == MFR_OK && !json_is_object(root))
		st = mfr__rd_fail(&rd, MFR_E_TYPE, "extensions must be a JSON object "
				  "{\"member\": ...}, found %s", mfr__rd_type_name(root));
	if (st == MFR_OK)
		st = read_raw_object(&rd, in, "");
	json_decref(root);
	mfr__arena_release(&scratch);
	return st;
}
