/*
 * libmfr unit tests: fascial lines (branches, nodes, sides, derived
 * crossings) and trigger-point referrals.
 * SPDX-License-Identifier: MIT
 */
#include "util-keys.h"

/* The model under test: the shared fixture of util.h. */
#define model (mfr_test_model)
#define setup_minimal mfr_test_setup_minimal
#define setup_extra mfr_test_setup_extra
#define teardown mfr_test_teardown

static const mfr_line *line(const char *key)
{
	const mfr_line *l = mfr_model_line(model, key);

	ck_assert_msg(l != NULL, "no line %s", key);
	return l;
}

/* Check one node: kind, side, crossing flags, note and region keys. */
static void check_node(const mfr_line_node *n, int kind, int side, int crosses,
		       int may_cross, const char *note, const char *r0, const char *r1)
{
	ck_assert_ptr_nonnull(n);
	ck_assert_int_eq(mfr_line_node_kind(n), kind);
	ck_assert_int_eq(mfr_line_node_side(n), side);
	ck_assert_int_eq(mfr_line_node_crosses(n), crosses);
	ck_assert_int_eq(mfr_line_node_may_cross(n), may_cross);
	mfr_test_assert_text(mfr_line_node_note(n), note);
	ck_assert_uint_eq(mfr_line_node_region_count(n), r1 ? 2 : 1);
	ck_assert_str_eq(mfr_region_key(mfr_line_node_region_at(n, 0)), r0);
	if (r1)
		ck_assert_str_eq(mfr_region_key(mfr_line_node_region_at(n, 1)), r1);
	ck_assert_ptr_null(mfr_line_node_region_at(n, r1 ? 2 : 1));
}

START_TEST(minimal_test_line)
{
	const mfr_line *l = line("test_line");
	const mfr_line_branch *b;

	ck_assert_str_eq(mfr_line_key(l), "test_line");
	ck_assert_str_eq(mfr_line_abbrev(l), "TL");
	ck_assert_str_eq(mfr_line_name(l), "Test Line");
	ck_assert_uint_eq(mfr_line_index(l), 0);
	ck_assert_int_eq(mfr_line_evidence(l), MFR_EVIDENCE_STRONG);
	ASSERT_KEYS(l, mfr_line_evidence_source_count, mfr_line_evidence_source_at,
		    mfr_source_key, "src_b");
	ck_assert_int_eq(mfr_line_crosses(l), 1);
	ASSERT_PROVENANCE(mfr_line_provenance(l), "", 0, "src_a");

	ck_assert_uint_eq(mfr_line_branch_count(l), 1);
	ck_assert_ptr_null(mfr_line_branch_at(l, 1));
	b = mfr_line_branch_at(l, 0);
	ck_assert_str_eq(mfr_line_branch_key(b), "main");
	ck_assert_str_eq(mfr_line_branch_name(b), "main branch");
	ck_assert_ptr_eq(mfr_line_branch_line(b), l);
	ck_assert_uint_eq(mfr_line_branch_node_count(b), 3);
	ck_assert_ptr_null(mfr_line_branch_node_at(b, 3));
	/* ipsi -> mid -> contra: entering back_muscle crosses; the midline
	 * station itself does not. */
	check_node(mfr_line_branch_node_at(b, 0), MFR_NODE_TRACK, MFR_LINE_IPSI, 0, 0,
		   "", "calf_muscle", NULL);
	check_node(mfr_line_branch_node_at(b, 1), MFR_NODE_STATION, MFR_LINE_MID, 0, 1,
		   "", "sacrum", NULL);
	check_node(mfr_line_branch_node_at(b, 2), MFR_NODE_TRACK, MFR_LINE_CONTRA, 1, 0,
		   "crosses", "back_muscle", NULL);
	ck_assert_ptr_eq(mfr_line_node_region_at(mfr_line_branch_node_at(b, 1), 0),
			 mfr_model_region(model, "sacrum"));
}
END_TEST

START_TEST(minimal_plain_line)
{
	const mfr_line *l = line("plain_line");
	const mfr_line_branch *b = mfr_line_branch_at(l, 0);

	ck_assert_str_eq(mfr_line_abbrev(l), "PL");
	ck_assert_str_eq(mfr_line_name(l), "Plain Line");
	ck_assert_uint_eq(mfr_line_index(l), 1);
	ck_assert_int_eq(mfr_line_evidence(l), MFR_EVIDENCE_NOT_ASSESSED);
	ASSERT_NO_KEYS(l, mfr_line_evidence_source_count, mfr_line_evidence_source_at);
	ck_assert_int_eq(mfr_line_crosses(l), 0);
	ck_assert_uint_eq(mfr_line_branch_count(l), 1);
	ck_assert_str_eq(mfr_line_branch_key(b), "main");
	ck_assert_ptr_null(mfr_line_branch_name(b));
	ck_assert_uint_eq(mfr_line_branch_node_count(b), 2);
	check_node(mfr_line_branch_node_at(b, 0), MFR_NODE_TRACK, MFR_LINE_IPSI, 0, 0,
		   "", "calf_muscle", "back_muscle");
	check_node(mfr_line_branch_node_at(b, 1), MFR_NODE_TRACK, MFR_LINE_IPSI, 0, 0,
		   "", "back_muscle", NULL);
}
END_TEST

START_TEST(minimal_referral)
{
	const mfr_referral *r = mfr_model_referral(model, "calf_muscle_trp1");

	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(mfr_referral_key(r), "calf_muscle_trp1");
	ck_assert_uint_eq(mfr_referral_index(r), 0);
	ck_assert_ptr_eq(mfr_referral_muscle(r), mfr_model_region(model, "calf_muscle"));
	ck_assert_str_eq(mfr_referral_trigger_point(r), "mid belly");
	ck_assert_uint_eq(mfr_referral_zone_count(r), 2);
	ck_assert_str_eq(mfr_region_key(mfr_referral_zone_area(mfr_referral_zone_at(r, 0))), "heel");
	ck_assert_int_eq(mfr_referral_zone_kind(mfr_referral_zone_at(r, 0)), MFR_ZONE_ESSENTIAL);
	ck_assert_int_eq(mfr_referral_zone_bilateral(mfr_referral_zone_at(r, 0)), 0);
	ck_assert_str_eq(mfr_region_key(mfr_referral_zone_area(mfr_referral_zone_at(r, 1))), "calf");
	ck_assert_int_eq(mfr_referral_zone_kind(mfr_referral_zone_at(r, 1)), MFR_ZONE_SPILLOVER);
	ck_assert_int_eq(mfr_referral_zone_bilateral(mfr_referral_zone_at(r, 1)), 1);
	ck_assert_ptr_null(mfr_referral_zone_area(mfr_referral_zone_at(r, 2)));
	ck_assert_int_eq(mfr_referral_zone_kind(mfr_referral_zone_at(r, 2)), 0);
	ck_assert_int_eq(mfr_referral_zone_bilateral(mfr_referral_zone_at(r, 2)), 0);
	ck_assert_int_eq(mfr_referral_split_convention(r), 1);
	ck_assert_int_eq(mfr_referral_disputed(r), 1);
	ASSERT_PROVENANCE(mfr_referral_provenance(r), "sources disagree", 0, "src_a");
}
END_TEST

START_TEST(extra_spiral)
{
	const mfr_line *l = line("spiral");
	const mfr_line_branch *a, *p;

	ck_assert_str_eq(mfr_line_abbrev(l), "SPL");
	ck_assert_int_eq(mfr_line_evidence(l), MFR_EVIDENCE_LIMITED);
	ck_assert_int_eq(mfr_line_crosses(l), 1);
	ASSERT_PROVENANCE(mfr_line_provenance(l), "a convention", 1, "s1");
	ck_assert_uint_eq(mfr_line_branch_count(l), 2);
	a = mfr_line_branch_at(l, 0);
	p = mfr_line_branch_at(l, 1);
	ck_assert_str_eq(mfr_line_branch_key(a), "anterior");
	ck_assert_ptr_null(mfr_line_branch_name(a));
	ck_assert_str_eq(mfr_line_branch_key(p), "posterior");
	ck_assert_str_eq(mfr_line_branch_name(p), "posterior limb");
	ck_assert_ptr_eq(mfr_line_branch_line(p), l);

	/* contra, mid, contra: the same side again does not cross, even across
	 * the midline; then ipsi crosses. The first lateral node never does. */
	ck_assert_uint_eq(mfr_line_branch_node_count(a), 4);
	check_node(mfr_line_branch_node_at(a, 0), MFR_NODE_TRACK, MFR_LINE_CONTRA, 0, 0,
		   "", "glute", NULL);
	check_node(mfr_line_branch_node_at(a, 1), MFR_NODE_STATION, MFR_LINE_MID, 0, 0,
		   "", "spine", NULL);
	check_node(mfr_line_branch_node_at(a, 2), MFR_NODE_TRACK, MFR_LINE_CONTRA, 0, 0,
		   "", "glute", NULL);
	check_node(mfr_line_branch_node_at(a, 3), MFR_NODE_TRACK, MFR_LINE_IPSI, 1, 0,
		   "", "hip", NULL);
	/* Each branch starts afresh: mid then ipsi does not cross. */
	ck_assert_uint_eq(mfr_line_branch_node_count(p), 2);
	check_node(mfr_line_branch_node_at(p, 0), MFR_NODE_STATION, MFR_LINE_MID, 0, 0,
		   "", "spine", "trunk");
	check_node(mfr_line_branch_node_at(p, 1), MFR_NODE_TRACK, MFR_LINE_IPSI, 0, 1,
		   "", "thigh_fascia", "glute");
}
END_TEST

START_TEST(extra_flat_and_referral)
{
	const mfr_line *l = line("flat");
	const mfr_referral *r = mfr_model_referral_at(model, 0);
	const mfr_line_branch *b = mfr_line_branch_at(l, 0);

	ck_assert_int_eq(mfr_line_evidence(l), MFR_EVIDENCE_NONE);
	ASSERT_KEYS(l, mfr_line_evidence_source_count, mfr_line_evidence_source_at,
		    mfr_source_key, "s1");
	/* contra, contra: no crossing. */
	ck_assert_int_eq(mfr_line_crosses(l), 0);
	check_node(mfr_line_branch_node_at(b, 0), MFR_NODE_TRACK, MFR_LINE_CONTRA, 0, 0,
		   "", "hip", NULL);
	check_node(mfr_line_branch_node_at(b, 1), MFR_NODE_TRACK, MFR_LINE_CONTRA, 0, 0,
		   "", "thigh_fascia", NULL);

	ck_assert_str_eq(mfr_referral_key(r), "glute_trp");
	ck_assert_str_eq(mfr_referral_trigger_point(r), "upper glute");
	ck_assert_uint_eq(mfr_referral_zone_count(r), 1);
	ck_assert_str_eq(mfr_region_key(mfr_referral_zone_area(mfr_referral_zone_at(r, 0))), "trunk");
	ck_assert_int_eq(mfr_referral_zone_kind(mfr_referral_zone_at(r, 0)), MFR_ZONE_ESSENTIAL);
	ck_assert_int_eq(mfr_referral_zone_bilateral(mfr_referral_zone_at(r, 0)), 0);
	ck_assert_int_eq(mfr_referral_split_convention(r), 0);
	ck_assert_int_eq(mfr_referral_disputed(r), 0);
	ASSERT_PROVENANCE(mfr_referral_provenance(r), "", 0, "s1");
}
END_TEST

Suite *mfr_test_lines_suite(void)
{
	Suite *s = suite_create("lines");
	TCase *tc = tcase_create("minimal");

	tcase_add_checked_fixture(tc, setup_minimal, teardown);
	tcase_add_test(tc, minimal_test_line);
	tcase_add_test(tc, minimal_plain_line);
	tcase_add_test(tc, minimal_referral);
	suite_add_tcase(s, tc);

	tc = tcase_create("extra");
	tcase_add_checked_fixture(tc, setup_extra, teardown);
	tcase_add_test(tc, extra_spiral);
	tcase_add_test(tc, extra_flat_and_referral);
	suite_add_tcase(s, tc);

	tc = tcase_create("null");
	suite_add_tcase(s, tc);
	return s;
}
