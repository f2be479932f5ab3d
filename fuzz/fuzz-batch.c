/*
 * Fuzz target: `mfr batch` lines (cli_batch_line(), tools/cmd-batch.c).
 * SPDX-License-Identifier: MIT
 *
 * The input is what `mfr batch` reads on standard input: it is split into
 * lines as the command splits it (on '\n'; a last line without one counts;
 * NUL bytes stay in a line), and each line goes to cli_batch_line() on the
 * default model, trace or plan as a hash of the input picks. The rows are
 * checked as the command promises (doc/guide.md): exactly one per line, each
 * a JSON object, an error row holding the batch line number.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fuzz.h"

/* Check the rows @p out holds for @p lines input lines. */
static void check_rows(const char *out, size_t size, unsigned long first,
		       unsigned long lines)
{
	unsigned long rows = 0;

	for (const char *p = out; p < out + size; rows++) {
		const char *nl = memchr(p, '\n', (size_t)(out + size - p));
		json_error_t jerr;
		json_t *row;

		if (!nl)
			fuzz_fail("a batch row without its newline", p);
		row = json_loadb(p, (size_t)(nl - p), 0, &jerr);
		if (!json_is_object(row))
			fuzz_fail("a batch row that is not a JSON object", jerr.text);
		json_t *line = json_object_get(row, "line");
		if (line && (json_integer_value(line) < 0 ||
			     (unsigned long)json_integer_value(line) != first + rows))
			fuzz_fail("an error row with the wrong line number", NULL);
		json_decref(row);
		p = nl + 1;
	}
	if (rows != lines)
		fuzz_fail("not exactly one batch row per line", NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const mfr_model *m = fuzz_default_model();
	uint32_t h = fuzz_hash(data, size);
	/* A large line number too: the error rows print it. */
	unsigned long first = h & 2 ? 1 + (h >> 2) : 1, lineno = first;
	char *out = NULL, *line = malloc(size + 1);
	size_t outsize = 0;
	FILE *f = open_memstream(&out, &outsize);

	if (!line || !f)
		fuzz_fail("out of memory", NULL);
	for (size_t start = 0; start < size; lineno++) {
		const uint8_t *nl = memchr(data + start, '\n', size - start);
		size_t len = nl ? (size_t)(nl - (data + start)) : size - start;

		/* NUL-terminated and without its newline, as read_line() gives. */
		memcpy(line, data + start, len);
		line[len] = '\0';
		cli_batch_line(f, m, (int)(h & 1), line, len, lineno);
		start += len + 1;
	}
	if (fclose(f) != 0)
		fuzz_fail("the rows cannot be written", NULL);
	check_rows(out, outsize, first, lineno - first);
	free(out);
	free(line);
	return 0;
}
