/*
 * libmfr unit tests: the out-of-memory sweep engine (oom.h).
 * SPDX-License-Identifier: MIT
 */
#include "oom.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "alloc.h"

#define SWEEP_LIMIT 200000L

/* Bytes of heap in use, or 0 where that cannot be known exactly. */
static size_t heap_in_use(void)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
	const char *tun = getenv("GLIBC_TUNABLES");

	if (tun && strstr(tun, "glibc.malloc.tcache_count=0")) {
		struct mallinfo2 mi = mallinfo2();

		return mi.uordblks + mi.hblkhd;
	}
#endif
	return 0;
}

/* ---- fault injection into jansson ---------------------------------------- */

/* The tests run one sweep at a time on one thread: plain statics do. */
static long json_countdown = -1, json_failures;
static int json_persistent;

static void *failing_json_malloc(size_t size)
{
	if (json_countdown >= 0) {
		if (json_countdown == 0) {
			json_failures++;
			if (!json_persistent)
				json_countdown = -1;
			return NULL;
		}
		json_countdown--;
	}
	return malloc(size);
}

static void arm(int jansson, long n, int persistent)
{
	if (jansson) {
		json_countdown = n;
		json_persistent = persistent;
		json_failures = 0;
		json_set_alloc_funcs(failing_json_malloc, free);
	} else {
		mfr__alloc_fail_after(n, persistent);
	}
}

/* Turn injection off; how many failures were injected. */
static long disarm(int jansson)
{
	long n = json_failures;

	json_countdown = -1;
	json_failures = 0;
	json_set_alloc_funcs(malloc, free);
	return jansson ? n : mfr__alloc_fail_after(-1, 0);
}

void mfr_oom_reset(void)
{
	disarm(1);
	disarm(0);
}

static long stride(void)
{
	return mfr_test_env_int("MFR_OOM_STRIDE", 1);
}

/* ---- one run -------------------------------------------------------------- */

/*
 * What a model computes on first use and keeps until it is freed (the
 * trace's reach lists, lib/trace.c) is not a leak: each operation runs
 * once, without faults and unmeasured, before its first measured run in a
 * process.
 */
static void warm(const mfr_oom_op *o)
{
	static const mfr_oom_op *warmed;
	void *out = NULL;

	if (warmed == o)
		return;
	warmed = o;
	if (o->prepare)
		o->prepare();
	if (o->run(&out, NULL) == MFR_OK && o->release && out)
		o->release(out);
	if (o->finish)
		o->finish();
}

/*
 * Nothing calls Check between the two heap measurements (its assertions
 * allocate), so what is to be asserted is recorded first.
 */
mfr_oom_outcome mfr_oom_run_once(const mfr_oom_op *o, int with_err, int jansson, long n,
				 int persistent)
{
	void *const sentinel = (void *)&sentinel;
	void *out = sentinel;
	mfr_error *err = NULL;
	mfr_oom_outcome r;

	warm(o);
	size_t before = heap_in_use();

	if (o->prepare)
		o->prepare();
	if (n >= 0)
		arm(jansson, n, persistent);
	r.st = o->run(&out, with_err ? &err : NULL);
	r.injected = disarm(jansson);

	int builds = o->release != NULL;
	int out_ok = !builds ? out == sentinel
		     : r.st == MFR_OK ? out != NULL && out != sentinel : out == NULL;
	int err_ok = r.st == MFR_OK ? err == NULL : !with_err || err != NULL;
	int err_status = mfr_error_status(err);
	int nomem_text = r.st != MFR_E_NOMEM || !with_err ||
			 strcmp(mfr_error_message(err), "out of memory") == 0;
	int same = !(r.st == MFR_OK && out_ok && builds && o->same) || o->same(out);
	int unchanged = r.st == MFR_OK || !o->unchanged || o->unchanged();

	if (r.st == MFR_OK && out_ok && builds)
		o->release(out);
	mfr_error_free(err);
	if (o->finish)
		o->finish();
	r.leaked = (long)(heap_in_use() - before);

	ck_assert_msg(out_ok, "%s: %s, out %p", o->name, mfr_status_name(r.st), out);
	ck_assert_msg(err_ok, "%s: %s, error %p", o->name, mfr_status_name(r.st),
		      (void *)err);
	if (r.st != MFR_OK && with_err)
		ck_assert_int_eq(err_status, r.st);
	ck_assert_msg(nomem_text, "%s: the NOMEM error has another message", o->name);
	ck_assert_msg(same, "%s: the output differs from the reference", o->name);
	ck_assert_msg(unchanged, "%s: failed (%s, allocation %ld) but changed its object",
		      o->name, mfr_status_name(r.st), n);
	ck_assert_msg(r.leaked == 0, "%s: %ld bytes leaked (%s, allocation %ld, %ld injected)",
		      o->name, r.leaked, mfr_status_name(r.st), n, r.injected);
	return r;
}

/* ---- the sweep ------------------------------------------------------------ */

long mfr_oom_sweep(const mfr_oom_op *o, int persistent, int with_err, int jansson)
{
	const char *mode = persistent ? "persistent" : "transient";
	long injected_runs = 0, n, step = stride();
	mfr_oom_outcome r;

	/* Warm up once: state made lazily on first use (stdio, jansson's hash
	 * seed) is not a leak. */
	r = mfr_oom_run_once(o, with_err, jansson, -1, 0);
	ck_assert_msg(r.st == o->own_status, "%s: %s with no fault", o->name,
		      mfr_status_name(r.st));

	for (n = 0; n < SWEEP_LIMIT; n += step) {
		r = mfr_oom_run_once(o, with_err, jansson, n, persistent);
		if (r.injected == 0) {
			/* Nothing left to fail: the operation completed. */
			ck_assert_msg(r.st == o->own_status, "%s: %s with no fault",
				      o->name, mfr_status_name(r.st));
			break;
		}
		injected_runs++;
		ck_assert_msg(r.st == MFR_E_NOMEM ||
			      (o->own_status != MFR_OK && r.st == o->own_status),
			      "%s: allocation %ld failed (%s) but the result is %s",
			      o->name, n, mode, mfr_status_name(r.st));
	}
	ck_assert_msg(n < SWEEP_LIMIT, "%s: the sweep did not terminate", o->name);
	/* Some fault must have been injected, except where the operation must
	 * not allocate at all (a failed lookup without an error object). */
	if ((o->flags & MFR_OOM_NEVER) ||
	    ((o->flags & MFR_OOM_QUIET) && (jansson || !with_err)))
		ck_assert_msg(injected_runs == 0, "%s: allocated, but need not", o->name);
	else
		ck_assert_msg(injected_runs > 0, "%s: no fault was injected", o->name);
	if (getenv("MFR_OOM_REPORT"))
		printf("oom: %-28s %-7s %-10s %-8s %ld allocations failed (stride %ld)\n",
		       o->name, jansson ? "jansson" : "library", mode,
		       with_err ? "error" : "no-error", injected_runs, step);
	return injected_runs;
}

void mfr_oom_sweep_mode(const mfr_oom_op *o, int mode, int jansson)
{
	int with_err = mode / 2 % 2, persistent = mode % 2;

	if (with_err && (o->flags & MFR_OOM_NO_ERR))
		return;
	if (jansson) {
		/* The library allocates only through its own allocator, and
		 * jansson only reads: an operation that parses nothing must not
		 * notice that jansson cannot allocate. */
		if (o->flags & MFR_OOM_NO_JANSSON) {
			mfr_oom_outcome r = mfr_oom_run_once(o, with_err, 1, 0, persistent);

			ck_assert_msg(r.injected == 0, "%s: allocated through jansson", o->name);
			ck_assert_msg(r.st == o->own_status, "%s: %s with jansson failing",
				      o->name, mfr_status_name(r.st));
		}
		return;
	}
	mfr_oom_sweep(o, persistent, with_err, jansson);
}

void mfr_oom_parse_first_allocation(const mfr_oom_op *o, int with_err)
{
	mfr_oom_outcome r;

	if (!(o->flags & MFR_OOM_PARSES))
		return;
	r = mfr_oom_run_once(o, with_err, 1, 0, 0);
	ck_assert_int_eq(r.injected, 1);
	ck_assert_msg(r.st == MFR_E_NOMEM, "%s: jansson out of memory gives %s",
		      o->name, mfr_status_name(r.st));
}
