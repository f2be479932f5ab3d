/*
 * libmfr unit tests: assertions over the lists entities hold.
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_TEST_UTIL_KEYS_H
#define MFR_TEST_UTIL_KEYS_H

#include <string.h>

#include "util.h"

/*
 * Assert that the list (countfn(obj), atfn(obj, i)) holds exactly the
 * entities whose keys (through keyfn) are the remaining arguments, in order,
 * and that the index past the end gives NULL.
 */
#define ASSERT_KEYS(obj, countfn, atfn, keyfn, ...)                            \
	do {                                                                   \
		static const char *const exp_[] = { __VA_ARGS__ };             \
		const uint32_t n_ = (uint32_t)(sizeof(exp_) / sizeof(exp_[0])); \
		ck_assert_uint_eq(countfn(obj), n_);                            \
		for (uint32_t i_ = 0; i_ < n_; i_++) {                          \
			ck_assert_ptr_nonnull(atfn(obj, i_));                   \
			ck_assert_str_eq(keyfn(atfn(obj, i_)), exp_[i_]);       \
		}                                                               \
		ck_assert_ptr_null(atfn(obj, n_));                              \
		ck_assert_ptr_null(atfn(obj, UINT32_MAX));                      \
	} while (0)

/* Assert that the list is empty. */
#define ASSERT_NO_KEYS(obj, countfn, atfn)               \
	do {                                             \
		ck_assert_uint_eq(countfn(obj), 0);      \
		ck_assert_ptr_null(atfn(obj, 0));        \
	} while (0)

/* Assert the provenance of an entity: its note, convention flag, sources. */
#define ASSERT_PROVENANCE(prov, note, convention, ...)                           \
	do {                                                                     \
		const mfr_provenance *p_ = (prov);                               \
		ck_assert_ptr_nonnull(p_);                                       \
		mfr_test_assert_text(mfr_provenance_note(p_), note);             \
		ck_assert_int_eq(mfr_provenance_is_convention(p_), convention);  \
		ASSERT_KEYS(p_, mfr_provenance_source_count,                     \
			    mfr_provenance_source_at, mfr_source_key, __VA_ARGS__); \
	} while (0)

#endif /* MFR_TEST_UTIL_KEYS_H */
