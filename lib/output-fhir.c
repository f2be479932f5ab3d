/*
 * libmfr - plans and programs as a FHIR R4 (4.0.1) Bundle (MFR_FORMAT_FHIR;
 * doc/fhir-format.md): a CarePlan proposing one ServiceRequest per step,
 * the intake's conditions as Conditions, and a placeholder Patient, so
 * that every reference resolves inside the Bundle.
 * SPDX-License-Identifier: MIT
 *
 * It claims only what libmfr's sources say (shared/clinical/reference.md,
 * section 7): CPT 97140 is named and said to be unverified; a site's
 * SNOMED CT code is given only where the model has one, and its side in
 * the text (the sources give no R4 coding for laterality on a bodySite);
 * a condition is "unconfirmed": libmfr records it, it does not diagnose.
 * The output is the same bytes for the same plan: there is no timestamp,
 * and the fullUrls are urn:uuid values derived from a hash of the plan.
 */
#include "output-private.h"

#include <string.h>

#include "json-writer.h"
#include "plan-private.h"
#include "program-private.h"
#include "text.h"

/* The disclaimer is the English table's ("disclaimer"): data formats
 * are written in English (doc/messages.md). */
#define DISCLAIMER mfr__msg_template(NULL, "disclaimer")
#define SNOMED "http://snomed.info/sct"
#define ICD10CM "http://hl7.org/fhir/sid/icd-10-cm"
#define CPT "http://www.ama-assn.org/go/cpt"
#define CPT_NOTE "CPT 97140 (\"manual therapy techniques, each 15 minutes\") is " \
	"unverified in libmfr's sources: confirm it, and the units to bill, with the payer."

/* The Bundle being written: its writer and what names its resources. */
typedef struct fhir {
	mfr_jw w;
	uint64_t seed; /* hash of the plan or program: the fullUrls' source */
	const mfr_model *model;
	const mfr_audit *audit;
} fhir;

/* Resource indexes, hence fullUrls: the Patient, the Conditions, the
 * CarePlan, then the ServiceRequests in order. */
#define PATIENT 0u
#define CONDITION(i) (1u + (i))
#define CAREPLAN(f) (1u + (f)->audit->condition_count)
#define REQUEST(f, i) (2u + (f)->audit->condition_count + (i))

static uint64_t hash_str(uint64_t h, const char *s)
{
	return mfr__fnv1a64(h, s ? s : "", s ? strlen(s) + 1 : 1);
}

static uint64_t hash_u32(uint64_t h, uint32_t v)
{
	return mfr__fnv1a64(h, &v, sizeof(v));
}

/* What the fullUrls derive from: the model, the intake's id and
 * conditions, and every session's status and steps. */
static uint64_t plan_hash(uint64_t h, const mfr_plan *p)
{
	h = hash_u32(h, p->status);
	for (uint32_t i = 0; i < p->step_count; i++) {
		const mfr_plan_step *s = &p->steps[i];

		h = hash_str(h, mfr_region_key(s->region));
		h = hash_str(h, mfr_technique_key(s->technique));
		h = hash_u32(h, (uint32_t)s->side << 24 | (uint32_t)s->position << 16 |
				(uint32_t)s->pressure << 8 | s->approach);
		h = hash_u32(h, s->seconds);
	}
	return h;
}

static uint64_t seed_of(const mfr_model *m, const mfr_audit *a)
{
	uint64_t h = hash_str(MFR_FNV1A64_BASIS, "libmfr-fhir");

	h = hash_str(h, m->content_hash);
	h = hash_str(h, a->intake_id);
	for (uint32_t i = 0; i < a->condition_count; i++)
		h = hash_str(h, mfr_condition_key(a->conditions[i]));
	for (uint32_t i = 0; i < a->symptom_count; i++) {
		h = hash_str(h, mfr_region_key(a->symptoms[i].region));
		h = hash_u32(h, (uint32_t)a->symptoms[i].side << 8 |
				(uint32_t)a->symptoms[i].intensity);
	}
	return h;
}

/* "urn:uuid:..." of resource @p index: 128 bits of the seed's hash, as an
 * RFC 9562 version 8 (custom) UUID. */
static void urn(const fhir *f, uint32_t index, char buf[48])
{
	uint64_t hi = hash_u32(hash_u32(f->seed, index), 0);
	uint64_t lo = hash_u32(hi, 1);

	hi = (hi & ~0xf000ull) | 0x8000ull;                       /* version 8 */
	lo = (lo & ~(0xc0ull << 56)) | (0x80ull << 56);           /* variant 10 */
	mfr__format(buf, 48, "urn:uuid:%08x-%04x-%04x-%04x-%012llx",
		    (unsigned)(hi >> 32), (unsigned)(hi >> 16 & 0xffff), (unsigned)(hi & 0xffff),
		    (unsigned)(lo >> 48), (unsigned long long)(lo & 0xffffffffffffull));
}

/* A member "KEY": {"reference": URN} (@p key a literal). */
#define reference(f, key, index) reference_quoted((f), MFR_JW_NAME(key), (index))
static void reference_quoted(fhir *f, const char *quoted, size_t len, uint32_t index)
{
	char buf[48];

	urn(f, index, buf);
	mfr__jw_key_quoted(&f->w, quoted, len);
	mfr__jw_object(&f->w);
	mfr__jw_put_str(&f->w, "reference", buf);
	mfr__jw_object_end(&f->w);
}

/* An array of a Reference to each Condition. */
static void condition_refs(fhir *f)
{
	char buf[48];

	mfr__jw_array(&f->w);
	for (uint32_t i = 0; i < f->audit->condition_count; i++) {
		urn(f, CONDITION(i), buf);
		mfr__jw_object(&f->w);
		mfr__jw_put_str(&f->w, "reference", buf);
		mfr__jw_object_end(&f->w);
	}
	mfr__jw_array_end(&f->w);
}

/* A Coding: {"system", "code"}. */
static void coding(mfr_jw *w, const char *system, const char *code)
{
	mfr__jw_object(w);
	mfr__jw_put_str(w, "system", system);
	mfr__jw_put_str(w, "code", code);
	mfr__jw_object_end(w);
}

/* A CodeableConcept of one code of @p system. */
static void concept(mfr_jw *w, const char *system, const char *code)
{
	mfr__jw_object(w);
	mfr__jw_key(w, "coding");
	mfr__jw_array(w);
	coding(w, system, code);
	mfr__jw_array_end(w);
	mfr__jw_object_end(w);
}

/* An Annotation: {"text": @p text}. */
static void annotation(mfr_jw *w, const char *text)
{
	mfr__jw_object(w);
	mfr__jw_put_str(w, "text", text);
	mfr__jw_object_end(w);
}

/* Start entry @p index: {"fullUrl": ..., "resource": {"resourceType": TYPE, */
static void entry(fhir *f, uint32_t index, const char *type)
{
	char buf[48];

	urn(f, index, buf);
	mfr__jw_object(&f->w);
	mfr__jw_put_str(&f->w, "fullUrl", buf);
	mfr__jw_key(&f->w, "resource");
	mfr__jw_object(&f->w);
	mfr__jw_put_str(&f->w, "resourceType", type);
}

static void entry_end(fhir *f)
{
	mfr__jw_object_end(&f->w);
	mfr__jw_object_end(&f->w);
}

/* The Bundle's opening: its audit trail, in meta.tag and identifier. */
static void bundle_start(fhir *f)
{
	mfr_jw *w = &f->w;

	mfr__jw_object(w);
	mfr__jw_put_str(w, "resourceType", "Bundle");
	mfr__jw_key(w, "meta");
	mfr__jw_object(w);
	mfr__jw_key(w, "tag");
	mfr__jw_array(w);
	mfr__jw_object(w);
	mfr__jw_put_str(w, "system", "urn:libmfr:library");
	mfr__jw_put_str(w, "version", mfr_version());
	mfr__jw_put_str(w, "code", "libmfr");
	mfr__jw_put_str(w, "display", DISCLAIMER);
	mfr__jw_object_end(w);
	mfr__jw_object(w);
	mfr__jw_put_str(w, "system", "urn:libmfr:model");
	mfr__jw_put_str(w, "version", f->model->version);
	mfr__jw_put_str(w, "code", f->model->content_hash);
	mfr__jw_put_str(w, "display", f->model->name);
	mfr__jw_object_end(w);
	mfr__jw_array_end(w);
	mfr__jw_object_end(w);
	if (f->audit->intake_id) {
		mfr__jw_key(w, "identifier");
		mfr__jw_object(w);
		mfr__jw_put_str(w, "system", "urn:libmfr:intake-id");
		mfr__jw_put_str(w, "value", f->audit->intake_id);
		mfr__jw_object_end(w);
	}
	mfr__jw_put_str(w, "type", "collection");
	mfr__jw_key(w, "entry");
	mfr__jw_array(w);
	/* The placeholder Patient, tagged as one: the receiving system puts
	 * its own in its place. */
	entry(f, PATIENT, "Patient");
	mfr__jw_key(w, "meta");
	mfr__jw_object(w);
	mfr__jw_key(w, "tag");
	mfr__jw_array(w);
	mfr__jw_object(w);
	mfr__jw_put_str(w, "system", "urn:libmfr:placeholder");
	mfr__jw_put_str(w, "code", "placeholder");
	mfr__jw_put_str(w, "display", "libmfr knows no patient: replace this Patient "
			"with the client's record");
	mfr__jw_object_end(w);
	mfr__jw_array_end(w);
	mfr__jw_object_end(w);
	entry_end(f);
}

/* One Condition per condition of the intake. */
static void conditions(fhir *f)
{
	mfr_jw *w = &f->w;

	for (uint32_t i = 0; i < f->audit->condition_count; i++) {
		const mfr_condition *c = f->audit->conditions[i];

		entry(f, CONDITION(i), "Condition");
		mfr__jw_key(w, "clinicalStatus");
		concept(w, "http://terminology.hl7.org/CodeSystem/condition-clinical", "active");
		mfr__jw_key(w, "verificationStatus");
		concept(w, "http://terminology.hl7.org/CodeSystem/condition-ver-status",
			"unconfirmed");
		mfr__jw_key(w, "code");
		mfr__jw_object(w);
		mfr__jw_key(w, "coding");
		mfr__jw_array(w);
		for (uint32_t k = 0; k < mfr_condition_icd10cm_count(c); k++)
			coding(w, ICD10CM, mfr_condition_icd10cm_at(c, k));
		for (uint32_t k = 0; k < mfr_condition_snomed_count(c); k++)
			coding(w, SNOMED, mfr_condition_snomed_at(c, k));
		mfr__jw_array_end(w);
		mfr__jw_put_str(w, "text", mfr_condition_name(c));
		mfr__jw_object_end(w);
		reference(f, "subject", PATIENT);
		mfr__jw_key(w, "note");
		mfr__jw_array(w);
		annotation(w, "Recorded at intake; libmfr does not diagnose, so it is "
			   "unconfirmed here.");
		mfr__jw_array_end(w);
		entry_end(f);
	}
}

/* A name of the API ("side_lying") as words. */
static void words(mfr_text *t, const char *name)
{
	for (; *name; name++)
		mfr__text_add(t, "%c", *name == '_' ? ' ' : *name);
}

/* The ServiceRequest of step @p s, the @p n -th of the Bundle; @p when
 * says which session it belongs to ("" for a single plan). */
static void request(fhir *f, const mfr_plan_step *s, uint32_t n, const char *when)
{
	mfr_jw *w = &f->w;
	char site[160], buf[1024], dur[32];
	const char *snomed = mfr_region_snomed(s->region);
	mfr_text t;

	entry(f, REQUEST(f, n), "ServiceRequest");
	mfr__jw_put_str(w, "status", "draft");
	mfr__jw_put_str(w, "intent", "proposal");
	mfr__jw_key(w, "code");
	mfr__jw_object(w);
	mfr__jw_key(w, "coding");
	mfr__jw_array(w);
	coding(w, CPT, "97140");
	mfr__jw_array_end(w);
	mfr__jw_put_str(w, "text", "Myofascial release");
	mfr__jw_object_end(w);
	reference(f, "subject", PATIENT);
	mfr__jw_key(w, "occurrenceTiming");
	mfr__jw_object(w);
	mfr__jw_key(w, "repeat");
	mfr__jw_object(w);
	mfr__jw_put_int(w, "count", 1);
	mfr__jw_put_int(w, "duration", s->seconds);
	mfr__jw_put_str(w, "durationUnit", "s");
	mfr__jw_object_end(w);
	mfr__jw_object_end(w);
	if (f->audit->condition_count) {
		mfr__jw_key(w, "reasonReference");
		condition_refs(f);
	}
	mfr__site_name(site, sizeof(site), s->region, s->side);
	mfr__jw_key(w, "bodySite");
	mfr__jw_array(w);
	mfr__jw_object(w);
	if (snomed) {
		mfr__jw_key(w, "coding");
		mfr__jw_array(w);
		coding(w, SNOMED, snomed);
		mfr__jw_array_end(w);
	}
	mfr__jw_put_str(w, "text", site);
	mfr__jw_object_end(w);
	mfr__jw_array_end(w);
	mfr__jw_key(w, "note");
	mfr__jw_array(w);
	mfr__text_init(&t, buf, sizeof(buf));
	mfr__text_add(&t, "%s%s: %s, %s, ", when, site, mfr_technique_name(s->technique),
		      mfr_approach_name(s->approach));
	words(&t, mfr_pressure_name(s->pressure));
	mfr__text_put(&t, " pressure, ");
	words(&t, mfr_position_name(s->position));
	if (s->lying)
		mfr__text_add(&t, " on the %s side", mfr_side_name(s->lying));
	mfr__text_put(&t, ", ");
	mfr__text_put(&t, mfr__duration_words(dur, s->seconds));
	mfr__text_add(&t, " (%s). %s", mfr_phase_name(s->phase), s->rationale);
	annotation(w, buf);
	annotation(w, CPT_NOTE);
	mfr__jw_array_end(w);
	entry_end(f);
}

/* The notes of a session's CarePlan: its status, the precautions kept, the
 * home care given; @p when prefixes each ("" or "Session 1: "). */
static void session_notes(mfr_jw *w, const mfr_plan *p, const char *when)
{
	char buf[1024];
	const char *meaning = mfr__plan_status_meaning(p);

	if (meaning)
		mfr__format(buf, sizeof(buf), "%sStatus: %s", when, meaning);
	else
		mfr__format(buf, sizeof(buf), "%sStatus: %s: see the precautions.", when,
			    mfr_plan_status_name(p->status));
	annotation(w, buf);
	for (uint32_t i = 0; i < p->warning_count; i++) {
		if (!mfr__warning_is_precaution(&p->warnings[i]))
			continue;
		mfr__format(buf, sizeof(buf), "%sPrecaution observed: %s", when,
			    p->warnings[i].text);
		annotation(w, buf);
	}
	for (uint32_t i = 0; i < p->aftercare_count; i++) {
		mfr__format(buf, sizeof(buf), "%s%s%s", when,
			    p->aftercare[i]->kind == MFR_AFTERCARE_RED_FLAG ? "Red flag: "
			    : "Home care: ", p->aftercare[i]->text);
		annotation(w, buf);
	}
}

/* The CarePlan: @p title, the intake's symptoms, the conditions it
 * addresses, an activity per request (@p n of them), and @p notes. */
static void care_plan(fhir *f, const char *title, uint32_t n,
		      void (*notes)(fhir *, const void *), const void *obj)
{
	mfr_jw *w = &f->w;
	char buf[1024], site[160];
	mfr_text t;

	entry(f, CAREPLAN(f), "CarePlan");
	mfr__jw_put_str(w, "status", "draft");
	mfr__jw_put_str(w, "intent", "proposal");
	mfr__jw_put_str(w, "title", title);
	mfr__text_init(&t, buf, sizeof(buf));
	mfr__text_put(&t, DISCLAIMER);
	mfr__text_put(&t, " Symptoms recorded at intake: ");
	for (uint32_t i = 0; i < f->audit->symptom_count; i++) {
		const mfr_intake_symptom *s = &f->audit->symptoms[i];

		mfr__site_name(site, sizeof(site), s->region, s->side);
		mfr__text_add(&t, "%s%s %d/10", i ? ", " : "", site, (int)s->intensity);
	}
	mfr__text_put(&t, ".");
	mfr__jw_put_str(w, "description", buf);
	reference(f, "subject", PATIENT);
	if (f->audit->condition_count) {
		mfr__jw_key(w, "addresses");
		condition_refs(f);
	}
	if (n) {
		mfr__jw_key(w, "activity");
		mfr__jw_array(w);
		for (uint32_t i = 0; i < n; i++) {
			mfr__jw_object(w);
			reference(f, "reference", REQUEST(f, i));
			mfr__jw_object_end(w);
		}
		mfr__jw_array_end(w);
	}
	mfr__jw_key(w, "note");
	mfr__jw_array(w);
	notes(f, obj);
	mfr__jw_array_end(w);
	entry_end(f);
}

static void plan_notes(fhir *f, const void *obj)
{
	const mfr_plan *p = obj;

	session_notes(&f->w, p, "");
	if (p->step_count)
		annotation(&f->w, CPT_NOTE);
}

static void program_notes(fhir *f, const void *obj)
{
	const mfr_program *pg = obj;
	char buf[1024], when[64];
	mfr_text t;
	uint32_t steps = 0;

	mfr__text_init(&t, buf, sizeof(buf));
	mfr__text_put(&t, "Sessions on days");
	for (uint32_t i = 0; i < pg->count; i++)
		mfr__text_add(&t, "%s %u", i ? "," : "", pg->sessions[i].day + 1);
	mfr__text_put(&t, ", at least 2 days apart; reassess at sessions");
	for (uint32_t i = 0, n = 0; i < pg->count; i++)
		if (pg->sessions[i].reassess)
			mfr__text_add(&t, "%s %u", n++ ? "," : "", i + 1);
	mfr__text_put(&t, ".");
	annotation(&f->w, buf);
	for (uint32_t i = 0; i < pg->count; i++) {
		mfr__format(buf, sizeof(buf), "Session %u, day %u: %s", i + 1,
			    pg->sessions[i].day + 1, pg->sessions[i].focus);
		annotation(&f->w, buf);
	}
	for (uint32_t i = 0; i < pg->count; i++) {
		mfr__format(when, sizeof(when), "Session %u: ", i + 1);
		session_notes(&f->w, pg->sessions[i].plan, when);
		steps += pg->sessions[i].plan->step_count;
	}
	if (steps)
		annotation(&f->w, CPT_NOTE);
}

static void fhir_init(fhir *f, uint32_t flags, const mfr_plan *p)
{
	mfr__jw_init(&f->w, flags, 16384);
	f->model = p->model;
	f->audit = &p->audit;
	f->seed = seed_of(p->model, &p->audit);
}

static mfr_status_t fhir_finish(fhir *f, char **out, mfr_error **err)
{
	mfr__jw_array_end(&f->w);
	mfr__jw_object_end(&f->w);
	return mfr__jw_finish(&f->w, out, err);
}

mfr_status_t mfr__plan_fhir(const mfr_plan *plan, uint32_t flags, char **out,
			    mfr_error **err)
{
	fhir f;

	fhir_init(&f, flags, plan);
	f.seed = plan_hash(f.seed, plan);
	bundle_start(&f);
	conditions(&f);
	care_plan(&f, "Myofascial release: one session", plan->step_count, plan_notes, plan);
	for (uint32_t i = 0; i < plan->step_count; i++)
		request(&f, &plan->steps[i], i, "");
	return fhir_finish(&f, out, err);
}

mfr_status_t mfr__program_fhir(const mfr_program *pg, uint32_t flags, char **out,
			       mfr_error **err)
{
	fhir f;
	char title[96], when[64];
	uint32_t n = 0;

	fhir_init(&f, flags, pg->sessions[0].plan);
	for (uint32_t i = 0; i < pg->count; i++) {
		f.seed = hash_u32(f.seed, pg->sessions[i].day);
		f.seed = plan_hash(f.seed, pg->sessions[i].plan);
		n += pg->sessions[i].plan->step_count;
	}
	mfr__format(title, sizeof(title), "Myofascial release: %u session%s over %u week%s",
		    pg->count, pg->count == 1 ? "" : "s", pg->weeks, pg->weeks == 1 ? "" : "s");
	bundle_start(&f);
	conditions(&f);
	care_plan(&f, title, n, program_notes, pg);
	n = 0;
	for (uint32_t i = 0; i < pg->count; i++) {
		const mfr_plan *p = pg->sessions[i].plan;

		mfr__format(when, sizeof(when), "Session %u, day %u: ", i + 1,
			    pg->sessions[i].day + 1);
		for (uint32_t k = 0; k < p->step_count; k++)
			request(&f, &p->steps[k], n++, when);
	}
	return fhir_finish(&f, out, err);
}
