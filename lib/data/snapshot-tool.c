/*
 * libmfr build tool: compile a model file into the C source of the default
 * model: its text (for mfr_model_default_text() and `mfr model export`) and
 * its prepared snapshot (lib/snapshot.h), so that mfr_model_default() copies
 * and relocates instead of parsing.
 *
 * Usage: mfr-snapshot MODEL.json OUTPUT.c
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "snapshot.h"

typedef struct layout {
	const unsigned char *model, *data; /* the live model and its block */
	size_t used;                       /* bytes of the block in use */
	size_t empty;                      /* snapshot offset of a "" */
	unsigned char *blob;
	uint32_t *relocs;
	size_t nrelocs, cap;
	int failed;
} layout;

/* The snapshot offset of an address in the live model, or SIZE_MAX. */
static size_t offset_of(const layout *l, const void *p)
{
	const unsigned char *c = p;

	if (c >= l->model && c < l->model + sizeof(mfr_model))
		return (size_t)(c - l->model);
	if (c >= l->data && c < l->data + l->used)
		return MFR_SNAPSHOT_HEADER + (size_t)(c - l->data);
	return SIZE_MAX;
}

static void visit(void *slot, void *ctx)
{
	layout *l = ctx;
	const void *target;
	uintptr_t stored = 0;
	size_t at = offset_of(l, slot);

	memcpy(&target, slot, sizeof(target));
	if (at == SIZE_MAX) {
		fprintf(stderr, "mfr-snapshot: a pointer field outside the model\n");
		l->failed = 1;
		return;
	}
	if (target) {
		size_t to = offset_of(l, target);

		/* The loader's defaults for absent strings are the literal "". */
		if (to == SIZE_MAX && *(const char *)target == '\0')
			to = l->empty;
		if (to == SIZE_MAX) {
			fprintf(stderr, "mfr-snapshot: a pointer to outside the model\n");
			l->failed = 1;
			return;
		}
		stored = (uintptr_t)to + 1;
	}
	memcpy(l->blob + at, &stored, sizeof(stored));
	if (l->nrelocs == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4096;
		l->relocs = realloc(l->relocs, l->cap * sizeof(*l->relocs));
		if (!l->relocs) {
			l->failed = 1;
			l->cap = l->nrelocs = 0;
			return;
		}
	}
	l->relocs[l->nrelocs++] = (uint32_t)at;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static void write_bytes(FILE *out, const char *decl, const unsigned char *p, size_t n)
{
	fprintf(out, "%s[] = {", decl);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s%u,", i % 24 ? "" : "\n\t", p[i]);
	fprintf(out, "\n\t0\n};\n");
}

int main(int argc, char **argv)
{
	char *text = NULL;
	size_t size = 0;
	mfr_model *m = NULL;
	mfr_error *err = NULL;
	layout l = { 0 };

	if (argc != 3) {
		fprintf(stderr, "usage: %s MODEL.json OUTPUT.c\n", argv[0]);
		return 2;
	}
	if (mfr__read_file(argv[1], (size_t)MFR_MODEL_MAX_BYTES + 1, &text, &size, &err) != MFR_OK ||
	    mfr__model_parse(text, size, argv[1], &m, &err) != MFR_OK) {
		fprintf(stderr, "mfr-snapshot: %s\n", mfr_error_message(err));
		return 1;
	}
	/* Load again into one block large enough for all of it, plus "". */
	size_t capacity = mfr__arena_capacity(&m->arena) + 64;
	mfr_model_free(m);
	if (mfr__model_parse_in(text, size, argv[1], capacity, &m, &err) != MFR_OK) {
		fprintf(stderr, "mfr-snapshot: %s\n", mfr_error_message(err));
		return 1;
	}
	char *empty = mfr__arena_alloc(&m->arena, 1);
	if (!empty || mfr__arena_single(&m->arena, &l.data, &l.used) != 0) {
		fprintf(stderr, "mfr-snapshot: the model does not fit one block\n");
		return 1;
	}
	l.model = (const unsigned char *)m;
	l.empty = offset_of(&l, empty);

	size_t blob_size = MFR_SNAPSHOT_HEADER + l.used;
	l.blob = calloc(1, blob_size);
	if (!l.blob)
		return 1;
	memcpy(l.blob, m, sizeof(*m));
	memcpy(l.blob + MFR_SNAPSHOT_HEADER, l.data, l.used);
	/* The snapshot's model owns no arena: it is one allocation. */
	memset(l.blob + offsetof(mfr_model, arena), 0, sizeof(m->arena));
	mfr__model_walk(m, visit, &l);
	if (l.failed)
		return 1;
	qsort(l.relocs, l.nrelocs, sizeof(*l.relocs), cmp_u32);

	FILE *out = fopen(argv[2], "w");
	if (!out) {
		perror(argv[2]);
		return 1;
	}
	fprintf(out, "/* Generated from %s by mfr-snapshot: do not edit. */\n"
		"#include <stddef.h>\n#include <stdint.h>\n\n", argv[1]);
	write_bytes(out, "const unsigned char mfr__default_model_text",
		    (const unsigned char *)text, size);
	fprintf(out, "const size_t mfr__default_model_size = %zu;\n\n", size);
	write_bytes(out, "_Alignas(16) const unsigned char mfr__default_snapshot", l.blob,
		    blob_size);
	fprintf(out, "const size_t mfr__default_snapshot_size = %zu;\n\n", blob_size);
	fprintf(out, "const uint32_t mfr__default_relocs[] = {");
	for (size_t i = 0; i < l.nrelocs; i++)
		fprintf(out, "%s%u,", i % 12 ? "" : "\n\t", l.relocs[i]);
	fprintf(out, "\n\t0\n};\nconst size_t mfr__default_reloc_count = %zu;\n", l.nrelocs);
	if (fclose(out) != 0) {
		perror(argv[2]);
		return 1;
	}
	free(l.blob);
	free(l.relocs);
	free(text);
	mfr_model_free(m);
	return 0;
}
