/*
 * libmfr unit tests: the out-of-memory sweep engine (STYLE pattern 14),
 * shared by the sweeps of every public entry point (test-oom*.c).
 *
 * For each operation, make allocation N fail for N = 0, 1, 2, ... until the
 * operation succeeds with nothing injected; once transient (only that
 * allocation fails) and once persistent (every later one fails too), with
 * and without an error object. Every failing iteration must return
 * MFR_E_NOMEM (an invalid input: its own status or MFR_E_NOMEM), leave the
 * out-parameter NULL (or what the operation changes as it was) and leak
 * nothing.
 *
 * Leaks show under valgrind and ASan. A plain run also compares the heap in
 * use before and after each iteration when glibc's per-thread cache is off
 * (GLIBC_TUNABLES=glibc.malloc.tcache_count=0, as meson sets it), since
 * cached chunks count as in use.
 *
 * The library's allocations go through mfr__alloc_fail_after(); jansson's do
 * not, and jansson only reads: the serializers write into the library's own
 * buffer (lib/json-writer.h), so with every jansson allocation failing they
 * must still succeed (MFR_OOM_NO_JANSSON). Under the parsers jansson's
 * allocator is not swept: jansson 2.14's parser corrupts its own heap when
 * an allocation fails in the middle of a token (lex_save() drops the
 * failure; akheron/jansson#362), which no caller can survive. Only its
 * first allocation (the lexer's buffer) is failed there, which jansson
 * reports without a message: that must be MFR_E_NOMEM.
 *
 * $MFR_OOM_STRIDE (default 1: every allocation) makes a sweep fail only
 * every Nth allocation, for the slow valgrind and TSan runs; the plain run
 * sweeps every index. With $MFR_OOM_REPORT set, each sweep prints how many
 * allocations it failed.
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_TEST_OOM_H
#define MFR_TEST_OOM_H

#include "util.h"

/* Operation flags. */
enum {
	/* A parse: no jansson sweep (see above), only its first allocation. */
	MFR_OOM_PARSES = 1 << 0,
	/* May allocate only to describe a failure: without an error object it
	 * must not allocate at all, nor through jansson (a failed lookup). */
	MFR_OOM_QUIET = 1 << 1,
	/* The function takes no error object: swept without one only. */
	MFR_OOM_NO_ERR = 1 << 2,
	/* Never allocates through jansson (a serializer): with every jansson
	 * allocation failing it must still succeed. */
	MFR_OOM_NO_JANSSON = 1 << 3,
	/* Never allocates, in any mode: no fault may be injected. */
	MFR_OOM_NEVER = 1 << 4,
};

typedef struct mfr_oom_op {
	const char *name;
	/* Run once; return the status and set *out to what was built (freed
	 * with release), or NULL. An operation that builds nothing (it changes
	 * what prepare made) leaves *out alone and has no release. */
	mfr_status_t (*run)(void **out, mfr_error **err);
	void (*release)(void *out);
	mfr_status_t own_status; /* MFR_OK, or the status of an invalid input */
	unsigned flags;
	/* Optional, run before and after each run, outside the faults: make
	 * and free what the operation changes. */
	void (*prepare)(void);
	void (*finish)(void);
	/* Optional: after a failed run, 1 when what it changes is as prepare()
	 * left it (a rejected change changes nothing). */
	int (*unchanged)(void);
	/* Optional: 1 when what a successful run built is right (the same as
	 * without faults). Called with injection off. */
	int (*same)(const void *out);
} mfr_oom_op;

typedef struct mfr_oom_outcome {
	mfr_status_t st;
	long injected;
	long leaked; /* bytes, when the heap can be measured */
} mfr_oom_outcome;

/*
 * One run of @p o with allocation @p n failing (none for n < 0), in the
 * library (@p jansson 0) or in jansson (1); checks the outcome (Check
 * assertions) and returns it.
 */
mfr_oom_outcome mfr_oom_run_once(const mfr_oom_op *o, int with_err, int jansson, long n,
				 int persistent);

/* The whole sweep of @p o in one mode; returns how many runs failed an
 * allocation. */
long mfr_oom_sweep(const mfr_oom_op *o, int persistent, int with_err, int jansson);

/* The loop tests' four modes of one operation: _i % 4 = with_err * 2 +
 * persistent. Skips the error-object modes of an MFR_OOM_NO_ERR op. */
void mfr_oom_sweep_mode(const mfr_oom_op *o, int mode, int jansson);

/* The same for jansson's first allocation in a parse: the load must say
 * out of memory. */
void mfr_oom_parse_first_allocation(const mfr_oom_op *o, int with_err);

/* Turn every injection off and give jansson back malloc and free. */
void mfr_oom_reset(void);

/*
 * The sweep tests of a test file over its own ops[] (Check loop tests: _i is
 * op * 4 + mode for the sweeps, op * 2 + with-error for the parse test).
 * Each file registers them with tcase_add_loop_test().
 */
#define MFR_OOM_LIBRARY_TESTS(ops)                              \
	START_TEST(library_faults)                              \
	{                                                       \
		mfr_oom_sweep_mode(&(ops)[_i / 4], _i % 4, 0);  \
	}                                                       \
	END_TEST

#define MFR_OOM_JANSSON_TESTS(ops)                              \
	START_TEST(jansson_faults)                              \
	{                                                       \
		mfr_oom_sweep_mode(&(ops)[_i / 4], _i % 4, 1);  \
	}                                                       \
	END_TEST

/* jansson's first allocation in a parse (the lexer's buffer) fails without
 * a message or position; a load must say out of memory, not report a syntax
 * error with no reason at line -1. */
#define MFR_OOM_PARSE_TESTS(ops)                                        \
	START_TEST(jansson_parse_first_allocation)                      \
	{                                                               \
		mfr_oom_parse_first_allocation(&(ops)[_i / 2], _i % 2); \
	}                                                               \
	END_TEST

#endif /* MFR_TEST_OOM_H */
