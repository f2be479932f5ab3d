/*
 * libmfr fuzz targets: replay a corpus without libFuzzer.
 * SPDX-License-Identifier: MIT
 *
 *   replay-<target> FILE|DIR...
 *
 * Feeds each file (each regular file of each directory, in name order) to
 * the target's LLVMFuzzerTestOneInput(), as libFuzzer would, so the corpus
 * in the tree runs as an ordinary test under any compiler, valgrind and the
 * sanitizers: a fixed crash stays fixed. A crash aborts; an empty corpus is
 * a failure too, since a corpus that vanished would otherwise pass.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

/* Weak: only some targets define it. */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

/* Run the target on the file at @p path; returns 1 when it was run. */
static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	long size;
	uint8_t *data;

	if (!f || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		fprintf(stderr, "replay: cannot read %s\n", path);
		exit(EXIT_FAILURE);
	}
	/* A copy of exactly @p size bytes, as libFuzzer passes: ASan then
	 * sees a read one past the end. */
	data = malloc(size ? (size_t)size : 1);
	if (!data || fread(data, 1, (size_t)size, f) != (size_t)size) {
		fprintf(stderr, "replay: cannot read %s\n", path);
		exit(EXIT_FAILURE);
	}
	fclose(f);
	LLVMFuzzerTestOneInput(data, (size_t)size);
	free(data);
	return 1;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Run the target on each regular file of @p dir, in name order; returns
 * how many. */
static int replay_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int count = 0;

	if (!d) {
		fprintf(stderr, "replay: cannot open %s\n", dir);
		exit(EXIT_FAILURE);
	}
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = realloc(names, cap * sizeof(*names));
		}
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		if (!names || !(names[n] = malloc(len))) {
			fputs("replay: out of memory\n", stderr);
			exit(EXIT_FAILURE);
		}
		snprintf(names[n++], len, "%s/%s", dir, e->d_name);
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), by_name);
	for (size_t i = 0; i < n; i++) {
		struct stat st;

		if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode))
			count += replay_file(names[i]);
		free(names[i]);
	}
	free(names);
	return count;
}

int main(int argc, char **argv)
{
	int count = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return EXIT_FAILURE;
	}
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			count += replay_dir(argv[i]);
		else
			count += replay_file(argv[i]);
	}
	/* On stderr: a target may send stdout to /dev/null. */
	fprintf(stderr, "replayed %d input%s\n", count, count == 1 ? "" : "s");
	return count > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
