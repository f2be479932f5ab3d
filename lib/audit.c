/*
 * libmfr - the audit trail every output carries (audit.h).
 * SPDX-License-Identifier: MIT
 */
#include "audit.h"

#include <string.h>

#include "alloc.h"
#include "text.h"

uint64_t mfr__fnv1a64(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3u;
	}
	return h;
}

mfr_status_t mfr__model_hash(mfr_model *m)
{
	char *text = NULL;
	mfr_status_t st = mfr_model_to_json(m, 0, NULL, MFR_JSON_COMPACT, &text, NULL);

	if (st != MFR_OK)
		return st;
	uint64_t h = mfr__fnv1a64(MFR_FNV1A64_BASIS, text, strlen(text));

	mfr__free(text);
	mfr__format(m->content_hash, sizeof(m->content_hash), "fnv1a64:%016llx",
		    (unsigned long long)h);
	return MFR_OK;
}

MFR_EXPORT const char *mfr_model_content_hash(const mfr_model *model)
{
	return model && model->content_hash[0] ? model->content_hash : NULL;
}

mfr_status_t mfr__audit_take(mfr_arena *arena, const mfr_intake *in, mfr_audit *out)
{
	out->intake_id = NULL;
	out->extensions = NULL;
	if (in->id && !(out->intake_id = mfr__arena_strdup(arena, in->id)))
		return MFR_E_NOMEM;
	if (in->extensions && !(out->extensions = mfr__arena_strdup(arena, in->extensions)))
		return MFR_E_NOMEM;
	out->symptoms = NULL;
	out->symptom_count = 0;
	out->conditions = NULL;
	out->condition_count = 0;
	out->answer_texts = NULL;
	if (in->answered && in->model->screening_count) {
		const char **a = mfr__arena_alloc(arena, in->model->screening_count * sizeof(*a));

		if (!a)
			return MFR_E_NOMEM;
		for (uint32_t i = 0; i < in->model->screening_count; i++)
			a[i] = in->answered[i] ? in->answered[i]->text : NULL;
		out->answer_texts = a;
	}
	if (in->symptom_count) {
		mfr_intake_symptom *s = mfr__arena_alloc(arena, in->symptom_count * sizeof(*s));

		if (!s)
			return MFR_E_NOMEM;
		memcpy(s, in->symptoms, in->symptom_count * sizeof(*s));
		out->symptoms = s;
		out->symptom_count = in->symptom_count;
	}
	if (in->condition_count) {
		const mfr_condition **c = mfr__arena_alloc(arena, in->condition_count * sizeof(*c));

		if (!c)
			return MFR_E_NOMEM;
		memcpy(c, in->conditions, in->condition_count * sizeof(*c));
		out->conditions = c;
		out->condition_count = in->condition_count;
	}
	return MFR_OK;
}

void mfr__audit_json(mfr_jw *w, const mfr_model *m, const mfr_audit *a)
{
	mfr__jw_key(w, "audit");
	mfr__jw_object(w);
	mfr__jw_put_str(w, "libmfr_version", mfr_version());
	mfr__jw_key(w, "model");
	mfr__jw_object(w);
	mfr__jw_put_str(w, "name", m->name);
	mfr__jw_put_str(w, "version", m->version);
	mfr__jw_put_str(w, "content_hash", m->content_hash);
	mfr__jw_object_end(w);
	mfr__jw_put_opt_str(w, "intake_id", a->intake_id);
	mfr__jw_object_end(w);
	if (a->extensions) {
		mfr__jw_key(w, "extensions");
		mfr__jw_raw(w, a->extensions, strlen(a->extensions));
	}
}
