/*
 * libmfr unit tests: the names and parse functions of every enumeration,
 * status names and messages, the version, and NULL handling of the error
 * object and the destructors.
 * SPDX-License-Identifier: MIT
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

typedef struct enum_case {
	const char *what;
	const char *(*name)(int value);
	const int *values;
	const char *const *names;
	size_t count;
	const int *bad; /* values that must give NULL; ends with INT_MIN */
} enum_case;

/* Each name function takes its enumeration's type: called here with any
 * int, each value converted as a caller's would be. */
#define NAME_INT(fn, type)                      \
	static const char *fn##_name(int value) \
	{                                       \
		return mfr_##fn##_name((type)value); \
	}
NAME_INT(onset, mfr_onset_t)
NAME_INT(relation, mfr_relation_t)
NAME_INT(distance, mfr_distance_t)
NAME_INT(side, mfr_side_t)
NAME_INT(position, mfr_position_t)
NAME_INT(depth, mfr_depth_t)
NAME_INT(pressure, mfr_pressure_t)
NAME_INT(evidence, mfr_evidence_t)
NAME_INT(kind, mfr_kind_t)
NAME_INT(access, mfr_access_t)
NAME_INT(frequency, mfr_frequency_t)
NAME_INT(aftercare_kind, mfr_aftercare_kind_t)
NAME_INT(region_kind, mfr_region_kind_t)
NAME_INT(laterality, mfr_laterality_t)
NAME_INT(node_kind, mfr_node_kind_t)
NAME_INT(line_side, mfr_line_side_t)
NAME_INT(zone_kind, mfr_zone_kind_t)
NAME_INT(family, mfr_family_t)
NAME_INT(approach, mfr_approach_t)
NAME_INT(suits, mfr_suits_t)
NAME_INT(scope, mfr_scope_t)
NAME_INT(severity, mfr_severity_t)
NAME_INT(warning_kind, mfr_warning_kind_t)
NAME_INT(plan_status, mfr_plan_status_t)
NAME_INT(phase, mfr_phase_t)

#define ARR(...) __VA_ARGS__
#define ENUM_CASE(fn, vals, nms, bads)                                        \
	{ #fn, fn##_name, (const int[]){ ARR vals },                         \
	  (const char *const[]){ ARR nms },                                   \
	  sizeof((const int[]){ ARR vals }) / sizeof(int),                    \
	  (const int[]){ ARR bads, INT_MIN } }

static const enum_case enums[] = {
	ENUM_CASE(side, (MFR_SIDE_LEFT, MFR_SIDE_RIGHT, MFR_SIDE_MIDLINE),
		  ("left", "right", "midline"), (0, 4, -1, INT_MAX)),
	ENUM_CASE(position, (MFR_POSITION_PRONE, MFR_POSITION_SUPINE,
			     MFR_POSITION_SIDE_LYING, MFR_POSITION_SEATED,
			     MFR_POSITION_STANDING),
		  ("prone", "supine", "side_lying", "seated", "standing"),
		  (0, 3, 0x20, (int)MFR_POSITION_ALL, -1, INT_MAX)),
	ENUM_CASE(depth, (MFR_DEPTH_SUPERFICIAL, MFR_DEPTH_INTERMEDIATE, MFR_DEPTH_DEEP),
		  ("superficial", "intermediate", "deep"), (0, 4, -1)),
	ENUM_CASE(pressure, (MFR_PRESSURE_VERY_LIGHT, MFR_PRESSURE_LIGHT,
			     MFR_PRESSURE_MODERATE, MFR_PRESSURE_FIRM),
		  ("very_light", "light", "moderate", "firm"), (0, 5, -1)),
	ENUM_CASE(evidence, (MFR_EVIDENCE_NOT_ASSESSED, MFR_EVIDENCE_NONE,
			     MFR_EVIDENCE_LIMITED, MFR_EVIDENCE_MODERATE,
			     MFR_EVIDENCE_STRONG),
		  ("not_assessed", "none", "limited", "moderate", "strong"),
		  (-1, 5, 6, INT_MAX)),
	ENUM_CASE(kind, (MFR_KIND_REGION, MFR_KIND_LINE, MFR_KIND_REFERRAL,
			 MFR_KIND_TECHNIQUE, MFR_KIND_CONDITION, MFR_KIND_PRECAUTION,
			 MFR_KIND_SOURCE, MFR_KIND_AFTERCARE, MFR_KIND_DANGER_ZONE,
			 MFR_KIND_SCREENING),
		  ("region", "line", "referral", "technique", "condition",
		   "precaution", "source", "aftercare", "danger_zone", "screening"),
		  (0, MFR_TEST_LAST_KIND + 1, -1)),
	ENUM_CASE(access, (MFR_ACCESS_EXTERNAL, MFR_ACCESS_INTRA_ORAL, MFR_ACCESS_INTRA_PELVIC),
		  ("external", "intra_oral", "intra_pelvic"), (0, 3, 8, -1)),
	ENUM_CASE(frequency, (MFR_FREQUENCY_COMMON, MFR_FREQUENCY_OCCASIONAL, MFR_FREQUENCY_RARE),
		  ("common", "occasional", "rare"), (0, 4, -1)),
	ENUM_CASE(aftercare_kind, (MFR_AFTERCARE_GENERAL, MFR_AFTERCARE_RED_FLAG),
		  ("general", "red_flag"), (0, 3, -1)),
	ENUM_CASE(region_kind, (MFR_REGION_PART, MFR_REGION_AREA, MFR_REGION_MUSCLE,
				MFR_REGION_CONNECTIVE, MFR_REGION_BONE, MFR_REGION_JOINT),
		  ("part", "area", "muscle", "connective", "bone", "joint"), (0, 7, -1)),
	ENUM_CASE(laterality, (MFR_LATERALITY_BILATERAL, MFR_LATERALITY_MIDLINE),
		  ("bilateral", "midline"), (0, 3, -1)),
	ENUM_CASE(node_kind, (MFR_NODE_STATION, MFR_NODE_TRACK),
		  ("station", "track"), (0, 3, -1)),
	ENUM_CASE(line_side, (MFR_LINE_IPSI, MFR_LINE_CONTRA, MFR_LINE_MID),
		  ("ipsi", "contra", "mid"), (0, 4, -1)),
	ENUM_CASE(zone_kind, (MFR_ZONE_ESSENTIAL, MFR_ZONE_SPILLOVER),
		  ("essential", "spillover"), (0, 3, -1)),
	ENUM_CASE(family, (MFR_FAMILY_SUSTAINED_PRESSURE, MFR_FAMILY_CROSS_HAND,
			   MFR_FAMILY_SKIN_ROLLING, MFR_FAMILY_DIRECT,
			   MFR_FAMILY_INDIRECT, MFR_FAMILY_REBOUNDING,
			   MFR_FAMILY_TRANSVERSE_PLANE, MFR_FAMILY_UNWINDING,
			   MFR_FAMILY_FRICTION, MFR_FAMILY_INDUCTION,
			   MFR_FAMILY_TRIGGER_POINT_RELEASE),
		  ("sustained_pressure", "cross_hand", "skin_rolling", "direct",
		   "indirect", "rebounding", "transverse_plane", "unwinding",
		   "friction", "induction", "trigger_point_release"), (0, 12, -1)),
	ENUM_CASE(approach, (MFR_APPROACH_DIRECT, MFR_APPROACH_INDIRECT,
			     MFR_APPROACH_EITHER),
		  ("direct", "indirect", "either"), (0, 4, -1)),
	ENUM_CASE(suits, (MFR_SUITS_BROAD_PLANE, MFR_SUITS_FOCAL_POINT,
			  MFR_SUITS_SUPERFICIAL_LAYER, MFR_SUITS_SCAR,
			  MFR_SUITS_TRANSVERSE_PLANE, MFR_SUITS_LIMB,
			  MFR_SUITS_WHOLE_BODY),
		  ("broad_plane", "focal_point", "superficial_layer", "scar",
		   "transverse_plane", "limb", "whole_body"), (0, 3, 0x80, 0x7f, -1)),
	ENUM_CASE(scope, (MFR_SCOPE_GLOBAL, MFR_SCOPE_LOCAL),
		  ("global", "local"), (0, 3, -1)),
	ENUM_CASE(severity, (MFR_SEVERITY_ABSOLUTE, MFR_SEVERITY_RELATIVE),
		  ("absolute", "relative"), (0, 3, -1)),
	ENUM_CASE(warning_kind, (MFR_WARNING_REFER_OUT, MFR_WARNING_NEEDS_CLEARANCE,
				 MFR_WARNING_MODIFIED, MFR_WARNING_SITE_EXCLUDED,
				 MFR_WARNING_UNREACHABLE, MFR_WARNING_TIME, MFR_WARNING_ACUTE,
				 MFR_WARNING_NO_SITES, MFR_WARNING_SCOPE,
				 MFR_WARNING_DANGER_ZONE, MFR_WARNING_POSITION, MFR_WARNING_DOSE,
				 MFR_WARNING_UNSCREENED),
		  ("refer_out", "needs_clearance", "modified", "site_excluded", "unreachable",
		   "time", "acute", "no_sites", "scope", "danger_zone", "position", "dose",
		   "unscreened"),
		  (0, 14, -1)),
	ENUM_CASE(plan_status, (MFR_PLAN_OK, MFR_PLAN_NEEDS_CLEARANCE, MFR_PLAN_REFER_OUT,
				MFR_PLAN_NEEDS_ANSWERS),
		  ("ok", "needs_clearance", "refer_out", "needs_answers"), (0, 5, -1)),
	ENUM_CASE(phase, (MFR_PHASE_ASSESSMENT, MFR_PHASE_TREATMENT, MFR_PHASE_INTEGRATION),
		  ("assessment", "treatment", "integration"), (0, 4, -1)),
	ENUM_CASE(onset, (MFR_ONSET_UNSPECIFIED, MFR_ONSET_ACUTE, MFR_ONSET_CHRONIC),
		  ("unspecified", "acute", "chronic"), (3, -1)),
	ENUM_CASE(relation, (MFR_RELATION_LINE, MFR_RELATION_REFERRAL,
			     MFR_RELATION_HIERARCHY, MFR_RELATION_ADJACENCY),
		  ("line", "referral", "hierarchy", "adjacency"), (0, 3, 0x10, -1)),
	ENUM_CASE(distance, (MFR_DISTANCE_LOCAL, MFR_DISTANCE_ADJACENT,
			     MFR_DISTANCE_DISTANT, MFR_DISTANCE_CONTRALATERAL),
		  ("local", "adjacent", "distant", "contralateral"), (0, 5, -1)),
};

#define N_ENUMS (int)(sizeof(enums) / sizeof(enums[0]))

START_TEST(enum_names)
{
	const enum_case *e = &enums[_i];

	for (size_t k = 0; k < e->count; k++) {
		const char *n = e->name(e->values[k]);

		ck_assert_msg(n != NULL, "%s %d has no name", e->what, e->values[k]);
		ck_assert_str_eq(n, e->names[k]);
		/* Distinct values, distinct names. */
		for (size_t j = 0; j < k; j++)
			ck_assert_str_ne(n, e->names[j]);
	}
	for (const int *b = e->bad; *b != INT_MIN; b++)
		ck_assert_msg(e->name(*b) == NULL, "%s_name(%d) is not NULL", e->what, *b);
	ck_assert_ptr_null(e->name(INT_MIN));
	/* The last member of every enumeration fixes its width; it is no value. */
	ck_assert_ptr_null(e->name(0x7fffffff));
}
END_TEST

/* The enumerations with a parse function: every name parses back to its
 * value; unknown names, wrong case and NULL fail, leaving *out alone. */
#define CHECK_PARSE(fn, type, idx)                                              \
	do {                                                                    \
		const enum_case *e_ = &enums[idx];                              \
		type v_;                                                        \
		ck_assert_str_eq(e_->what, #fn);                                \
		for (size_t k_ = 0; k_ < e_->count; k_++) {                     \
			v_ = (type)-7;                                          \
			ck_assert_int_eq(mfr_##fn##_parse(e_->names[k_], &v_), MFR_OK); \
			ck_assert_int_eq((int)v_, e_->values[k_]);              \
			ck_assert_str_eq(mfr_##fn##_name(v_), e_->names[k_]);   \
		}                                                               \
		static const char *const unknown_[] = {                         \
			"", "nope", "Left", "PRONE", " deep", "firm ", "region_",   \
			"not assessed", "0", "1" };                             \
		for (size_t k_ = 0; k_ < sizeof(unknown_) / sizeof(*unknown_); k_++) { \
			v_ = (type)-7;                                          \
			ck_assert_int_eq(mfr_##fn##_parse(unknown_[k_], &v_),   \
					 MFR_E_UNKNOWN);                        \
			ck_assert_int_eq((int)v_, -7);                          \
		}                                                               \
		v_ = (type)-7;                                                  \
		ck_assert_int_eq(mfr_##fn##_parse(NULL, &v_), MFR_E_INVALID);   \
		ck_assert_int_eq((int)v_, -7);                                  \
		ck_assert_int_eq(mfr_##fn##_parse(e_->names[0], NULL), MFR_E_INVALID); \
		ck_assert_int_eq(mfr_##fn##_parse(NULL, NULL), MFR_E_INVALID);  \
	} while (0)

START_TEST(enum_parse)
{
	CHECK_PARSE(side, mfr_side_t, 0);
	CHECK_PARSE(position, mfr_position_t, 1);
	CHECK_PARSE(depth, mfr_depth_t, 2);
	CHECK_PARSE(pressure, mfr_pressure_t, 3);
	CHECK_PARSE(evidence, mfr_evidence_t, 4);
	CHECK_PARSE(kind, mfr_kind_t, 5);
	CHECK_PARSE(access, mfr_access_t, 6);
}
END_TEST

START_TEST(enum_order)
{
	/* Pressure and evidence are ordered scales. */
	ck_assert_int_lt(MFR_PRESSURE_VERY_LIGHT, MFR_PRESSURE_LIGHT);
	ck_assert_int_lt(MFR_PRESSURE_MODERATE, MFR_PRESSURE_FIRM);
	ck_assert_int_eq(MFR_EVIDENCE_NOT_ASSESSED, 0);
	ck_assert_int_lt(MFR_EVIDENCE_LIMITED, MFR_EVIDENCE_STRONG);
	ck_assert_uint_eq(MFR_POSITION_ALL,
			  (unsigned)(MFR_POSITION_PRONE | MFR_POSITION_SUPINE |
				     MFR_POSITION_SIDE_LYING | MFR_POSITION_SEATED |
				     MFR_POSITION_STANDING));
}
END_TEST

#define STATUS(x) { x, #x }
static const struct {
	int status;
	const char *name;
} statuses[] = {
	STATUS(MFR_OK), STATUS(MFR_E_INVALID), STATUS(MFR_E_NOMEM), STATUS(MFR_E_IO),
	STATUS(MFR_E_SYNTAX), STATUS(MFR_E_VERSION), STATUS(MFR_E_TYPE),
	STATUS(MFR_E_MISSING), STATUS(MFR_E_UNKNOWN), STATUS(MFR_E_RANGE),
	STATUS(MFR_E_DUPLICATE), STATUS(MFR_E_REFERENCE), STATUS(MFR_E_CYCLE),
	STATUS(MFR_E_CONSTRAINT), STATUS(MFR_E_NOTFOUND),
};
#define N_STATUSES (sizeof(statuses) / sizeof(statuses[0]))

START_TEST(status_names)
{
	for (size_t i = 0; i < N_STATUSES; i++) {
		int st = statuses[i].status;

		/* Stable numbers: 0, -1, -2, ... in declaration order (-15,
		 * MFR_E_ABI until 0.2.0, is a gap: never reused). */
		ck_assert_int_eq(st, -(int)i);
		ck_assert_str_eq(mfr_status_name(st), statuses[i].name);
		ck_assert_ptr_nonnull(mfr_strerror(st));
		ck_assert_str_ne(mfr_strerror(st), "");
		ck_assert_str_ne(mfr_strerror(st), "unknown status");
		for (size_t j = 0; j < i; j++)
			ck_assert_str_ne(mfr_strerror(st), mfr_strerror(statuses[j].status));
	}
	ck_assert_str_eq(mfr_strerror(MFR_OK), "success");
	ck_assert_str_eq(mfr_strerror(MFR_E_NOMEM), "out of memory");

	static const int unknown[] = { 1, 2, -15, -16, -17, 100, -100, INT_MAX, INT_MIN };
	for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		ck_assert_str_eq(mfr_strerror(unknown[i]), "unknown status");
		ck_assert_str_eq(mfr_status_name(unknown[i]), "MFR_E_UNKNOWN_STATUS");
	}
}
END_TEST

START_TEST(version)
{
	char want[32];

	snprintf(want, sizeof(want), "%d.%d.%d", MFR_VERSION_MAJOR, MFR_VERSION_MINOR,
		 MFR_VERSION_PATCH);
	ck_assert_str_eq(mfr_version(), want);
	ck_assert_uint_eq(mfr_version_number(), MFR_VERSION_NUMBER);
	ck_assert_uint_eq(mfr_version_number(), (uint32_t)(MFR_VERSION_MAJOR * 10000 +
			  MFR_VERSION_MINOR * 100 + MFR_VERSION_PATCH));
	ck_assert_ptr_eq(mfr_version(), mfr_version());
}
END_TEST

/* The error getters given NULL are in tests/test-api.c, with every other
 * getter's. */
START_TEST(null_error_and_destructors)
{
	mfr_error_free(NULL);
	mfr_model_free(NULL);
	mfr_free(NULL);
}
END_TEST

START_TEST(error_object)
{
	/* A real error: every getter is consistent with the failure. */
	static const char doc[] = "{\"format\": \"libmfr-model\", \"format_version\": 2}";
	mfr_model *m = NULL;
	mfr_error *err = NULL;

	ck_assert_int_eq(mfr_model_load_buffer(doc, sizeof(doc) - 1, "v2.json", &m, &err),
			 MFR_E_VERSION);
	ck_assert_ptr_null(m);
	ck_assert_int_eq(mfr_error_status(err), MFR_E_VERSION);
	ck_assert_str_eq(mfr_error_source(err), "v2.json");
	ck_assert_str_eq(mfr_error_path(err), "format_version");
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "v2.json"));
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "version 2"));
	/* The place of the offending value, found after the parse. */
	ck_assert_int_eq(mfr_error_line(err), 1);
	ck_assert_int_eq(mfr_error_column(err), 46);
	ck_assert_int_eq(mfr_error_offset(err), 45);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "v2.json:1:46: format_version: "));
	mfr_error_free(err);

	/* Without a name the source is "<buffer>". */
	err = NULL;
	ck_assert_int_eq(mfr_model_load_buffer(doc, sizeof(doc) - 1, NULL, &m, &err),
			 MFR_E_VERSION);
	ck_assert_str_eq(mfr_error_source(err), "<buffer>");
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "<buffer>"));
	mfr_error_free(err);

	/* A syntax error has a position. */
	err = NULL;
	ck_assert_int_eq(mfr_model_load_buffer("{\n  \"a\": }", 11, "s.json", &m, &err),
			 MFR_E_SYNTAX);
	ck_assert_int_eq(mfr_error_line(err), 2);
	ck_assert_int_gt(mfr_error_column(err), 0);
	ck_assert_int_ge(mfr_error_offset(err), 0);
	ck_assert_ptr_null(mfr_error_path(err)); /* absent: NULL, never "" */
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "s.json:2:"));
	mfr_error_free(err);
}
END_TEST

/* The error rule (mfr/common.h): *err must be NULL on entry. Given an
 * error already, every function that takes one returns MFR_E_INVALID, sets
 * its out parameter to NULL, changes nothing and leaves *err as it was. */
START_TEST(error_rule)
{
	static const char doc[] = "{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\"}]}";
	mfr_test_run r;
	mfr_model *m2;
	mfr_intake *in2;
	mfr_trace *t2;
	mfr_plan *p2;
	mfr_program *pg2;
	mfr_error *old = NULL, *err;
	char *text, path[4096];

	mfr_test_run_make(&r, doc, 2, 1);
	mfr_model *m = r.model;
	mfr_intake *in = r.intake;
	/* An error the caller forgot to free and reset. */
	ck_assert_int_eq(mfr_intake_add_condition(in, "no_such", &old), MFR_E_REFERENCE);
	ck_assert_ptr_nonnull(old);
	err = old;
	mfr_test_path(path, sizeof(path), "models/minimal.json");

#define REFUSED(call, outp)                                            \
	do {                                                           \
		outp = (void *)1;                                      \
		ck_assert_int_eq(call, MFR_E_INVALID);                 \
		ck_assert_ptr_null(outp);                              \
		ck_assert_ptr_eq(err, old);                            \
	} while (0)
	REFUSED(mfr_model_default(&m2, &err), m2);
	REFUSED(mfr_model_load_file(path, &m2, &err), m2);
	REFUSED(mfr_model_load_buffer("{}", 2, NULL, &m2, &err), m2);
	REFUSED(mfr_model_to_json(m, 0, NULL, 0, &text, &err), text);
	REFUSED(mfr_intake_from_json(m, doc, sizeof(doc) - 1, NULL, &in2, &err), in2);
	REFUSED(mfr_intake_load_file(m, path, &in2, &err), in2);
	REFUSED(mfr_intake_to_json(in, 0, &text, &err), text);
	REFUSED(mfr_trace_run(in, NULL, &t2, &err), t2);
	REFUSED(mfr_trace_to_json(r.trace, 0, &text, &err), text);
	REFUSED(mfr_plan_run(in, NULL, &p2, &err), p2);
	REFUSED(mfr_plan_to_json(r.plan, 0, &text, &err), text);
	REFUSED(mfr_program_run(in, 2, 1, NULL, &pg2, &err), pg2);
	REFUSED(mfr_program_to_json(r.program, 0, &text, &err), text);
#undef REFUSED

	/* The builders change nothing, even with arguments that are valid. */
	ck_assert_int_eq(mfr_intake_add_symptom(in, "heel", MFR_SIDE_RIGHT, 5, 0, &err),
			 MFR_E_INVALID);
	ck_assert_int_eq(mfr_intake_add_condition(in, "plantar_fasciitis", &err), MFR_E_INVALID);
	ck_assert_int_eq(mfr_intake_add_precaution(in, "pregnancy", NULL, 0, &err),
			 MFR_E_INVALID);
	ck_assert_int_eq(mfr_intake_set_stage(in, "pregnancy", 1, &err), MFR_E_INVALID);
	ck_assert_int_eq(mfr_intake_add_scope(in, MFR_ACCESS_INTRA_ORAL, &err), MFR_E_INVALID);
	ck_assert_int_eq(mfr_intake_add_answer(in, "pregnancy", "no", NULL, 0, &err),
			 MFR_E_INVALID);
	ck_assert_int_eq(mfr_intake_add_clearance(in, "pregnancy", &err), MFR_E_INVALID);
	ck_assert_int_eq(mfr_intake_set_minutes(in, 30, &err), MFR_E_INVALID);
	ck_assert_int_eq(mfr_intake_set_positions(in, MFR_POSITION_PRONE, &err), MFR_E_INVALID);
	ck_assert_ptr_eq(err, old);
	ck_assert_int_eq(mfr_error_status(err), MFR_E_REFERENCE);
	ck_assert_uint_eq(mfr_intake_symptom_count(in), 1);
	ck_assert_uint_eq(mfr_intake_condition_count(in), 0);
	ck_assert_uint_eq(mfr_intake_precaution_count(in), 0);
	ck_assert_uint_eq(mfr_intake_clearance_count(in), 0);
	ck_assert_uint_eq(mfr_intake_scopes(in), 0);
	ck_assert_uint_eq(mfr_intake_minutes(in), MFR_INTAKE_DEFAULT_MINUTES);
	ck_assert_uint_eq(mfr_intake_positions(in), MFR_POSITION_ALL);

	/* Freed and reset, the same error variable works again. */
	mfr_error_free(err);
	err = NULL;
	ck_assert_int_eq(mfr_intake_set_minutes(in, 30, &err), MFR_OK);
	ck_assert_ptr_null(err);
	ck_assert_uint_eq(mfr_intake_minutes(in), 30);
	mfr_test_run_free(&r);
}
END_TEST

Suite *mfr_test_names_suite(void)
{
	Suite *s = suite_create("names");
	TCase *tc = tcase_create("enums");

	tcase_add_loop_test(tc, enum_names, 0, N_ENUMS);
	tcase_add_test(tc, enum_parse);
	tcase_add_test(tc, enum_order);
	suite_add_tcase(s, tc);

	tc = tcase_create("status");
	tcase_add_test(tc, status_names);
	tcase_add_test(tc, version);
	tcase_add_test(tc, null_error_and_destructors);
	tcase_add_test(tc, error_object);
	tcase_add_test(tc, error_rule);
	suite_add_tcase(s, tc);
	return s;
}
