/*
 * libmfr tests: bad inputs written as small cases (tests/data/bad/: model.cases, intake.cases).
 * SPDX-License-Identifier: MIT
 *
 * A case shows the one thing it breaks: it is either a few edits over a
 * valid document ("over minimal.json" then "set regions[heel].parent
 * \"heal\"") or a short text, and it says what the failure must be. The
 * file format is described in tests/data/bad/README.md; the Python binding
 * reads the same files (bindings/python/test_libmfr.py).
 */
#ifndef MFR_TEST_UTIL_CASES_H
#define MFR_TEST_UTIL_CASES_H

#include <stddef.h>

#define MFR_CASE_MAX_OPS 16
#define MFR_CASE_MAX_MESSAGES 8

typedef struct mfr_case_op {
	int kind; /* 's'et, 'a'ppend, 'r'emove */
	char *path;
	char *value; /* JSON text; NULL for remove */
} mfr_case_op;

typedef struct mfr_case {
	char *name;
	int line; /* where it starts in its file */
	char *over; /* the base document: a file under models/, or "default" */
	mfr_case_op ops[MFR_CASE_MAX_OPS];
	int n_ops;
	char *text; /* the input itself, when not over a base */
	size_t text_len;
	char *status;
	char *path; /* NULL when not given */
	int at_line, at_column; /* -1 when not given */
	char *messages[MFR_CASE_MAX_MESSAGES];
	int n_messages;
} mfr_case;

typedef struct mfr_case_file {
	mfr_case *cases;
	int count;
	char error[256]; /* why the file could not be read, or "" */
} mfr_case_file;

/* Read tests/data/@p rel; on a malformed file, f->error says where. */
void mfr_cases_read(mfr_case_file *f, const char *rel);
void mfr_cases_free(mfr_case_file *f);

/* The input of @p c: its text, or its base with its edits applied, as
 * indented JSON. malloc'd; asserts (fails the test) on a bad edit. */
char *mfr_case_input(const mfr_case *c, size_t *size);

/* The expected path of @p c with each [key] selector replaced by the index
 * of the item with that key in @p input; into @p out. */
void mfr_case_path(const mfr_case *c, const char *input, size_t size, char *out,
		   size_t out_size);

/* Check that the place of an error (line, column, byte offset) is that of
 * the value its path @p path names in @p input (or of the deepest value
 * on that path that exists), by reading the value back from the text. */
void mfr_case_check_place(const mfr_case *c, const char *input, size_t size,
			  const char *path, int line, int column, long long offset);

#endif /* MFR_TEST_UTIL_CASES_H */
