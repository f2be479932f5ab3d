/*
 * libmfr unit tests: helpers shared by the test files.
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_TEST_UTIL_H
#define MFR_TEST_UTIL_H

#include <check.h>
#include <stddef.h>

#include <mfr/mfr.h>

/*
 * The suite builders of this executable: meson passes them as
 * -DMFR_TEST_SUITES=X(area)X(area)..., each test-<area>.c defines
 * `Suite *mfr_test_<area>_suite(void)` and main.c runs them all.
 */
#ifdef MFR_TEST_SUITES
#define X(area) Suite *mfr_test_##area##_suite(void);
MFR_TEST_SUITES
#undef X
#endif

/* The last mfr_kind_t value: loops over every kind end here. */
#define MFR_TEST_LAST_KIND MFR_KIND_SCREENING

/* The test data directory: $MFR_TEST_DATA, else the source tree's
 * tests/data as configured at build time. */
const char *mfr_test_data_dir(void);

/* Write "<data dir>/<rel>" into buf (fails the test if it does not fit). */
void mfr_test_path(char *buf, size_t size, const char *rel);

/* The whole file at @p path, NUL-terminated, in malloc'd memory (free()).
 * Fails the test if it cannot be read. */
char *mfr_test_read(const char *path, size_t *size);

/* How many warnings of plan @p p carry the stable code @p code. */
uint32_t mfr_test_warning_count(const mfr_plan *p, const char *code);
/* The warnings of @p p about @p key (the subject key: a screening
 * question's, a precaution's), of code @p code (NULL: any code). */
uint32_t mfr_test_warnings_about(const mfr_plan *p, const char *code, const char *key);

/* Whether plan @p p kept out, on a precaution assumed until a question is
 * answered, a traced site that ranks above a step it works (then its
 * status asks for the answers first). Read from the English warnings. */
int mfr_test_assumed_above_work(const mfr_plan *p);

/* A fixture shared by the entity tests: the test model in use, loaded by
 * the setup functions and freed by mfr_test_teardown(). */
extern mfr_model *mfr_test_model;
void mfr_test_setup_minimal(void); /* models/minimal.json */
void mfr_test_setup_extra(void);   /* models/extra.json */
void mfr_test_teardown(void);

/* Load <data dir>/models/<name> from file; fails the test on error. */
mfr_model *mfr_test_load_model(const char *name);

/* A growable string for generated inputs: append printf-style; fails the
 * test when memory runs out. Free data with free(). */
typedef struct mfr_test_buf {
	char *data;
	size_t len, cap;
} mfr_test_buf;
void mfr_test_buf_add(mfr_test_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Size regressions (bench/bench-scaling.c, never a test): the least CPU
 * time of @p runs calls of fn(ctx), in seconds. The benchmark compares two
 * input sizes in one run (a ratio, never a wall-clock threshold): CPU time
 * is what the process used, whatever else the machine runs.
 */
double mfr_test_cpu_time(void (*fn)(void *ctx), void *ctx, int runs);
/* The positive integer in environment variable @p name, else @p dflt. */
int mfr_test_env_int(const char *name, int dflt);
/* The nearest region of @p kind that holds @p r (@p r itself if it is of
 * that kind), or NULL. */
const mfr_region *mfr_test_enclosing(const mfr_region *r, mfr_region_kind_t kind);
/* The outermost region holding @p r: its body part (head, trunk, a limb). */
const mfr_region *mfr_test_root(const mfr_region *r);

/* Whether @p s is valid UTF-8 (RFC 3629: no overlong forms, surrogates or
 * code points past U+10FFFF); checked here independently of the library. */
int mfr_test_utf8_valid(const char *s);

/* @p n copies of @p piece, in malloc'd memory (free()). */
char *mfr_test_repeat(const char *piece, int n);

/* A string getter's value, with "" for NULL (absent), for printing and
 * comparing. */
static inline const char *mfr_test_str(const char *s)
{
	return s ? s : "";
}

/* A text getter's value is @p want, or NULL (absent) when @p want is "". */
#define mfr_test_assert_text(got, want)                     \
	do {                                                \
		const char *got_ = (got), *want_ = (want);  \
		if (*want_)                                 \
			ck_assert_str_eq(got_, want_);      \
		else                                        \
			ck_assert_ptr_null(got_);           \
	} while (0)

/* The whole pipeline on the default model: an intake read from @p intake
 * (JSON), its trace, plan, and a program of @p sessions over @p weeks.
 * Fails the test on any error. Free with mfr_test_run_free(). */
typedef struct mfr_test_run {
	mfr_model *model;
	mfr_intake *intake;
	mfr_trace *trace;
	mfr_plan *plan;
	mfr_program *program;
} mfr_test_run;
void mfr_test_run_make(mfr_test_run *r, const char *intake, uint32_t sessions,
		       uint32_t weeks);
void mfr_test_run_free(mfr_test_run *r);

/* Fail with the error's message unless @p st is MFR_OK. Frees err. */
void mfr_test_assert_ok(mfr_status_t st, mfr_error *err, const char *what);

#endif /* MFR_TEST_UTIL_H */
