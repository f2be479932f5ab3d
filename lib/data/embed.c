/*
 * libmfr build tool: turn a data file into a C source that defines it as a
 * NUL-terminated array, so the default model is compiled into the library.
 * Usage: mfr-embed INPUT OUTPUT SYMBOL
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	FILE *in, *out;
	int c;
	unsigned long n = 0;

	if (argc != 4) {
		fprintf(stderr, "usage: %s INPUT OUTPUT SYMBOL\n", argv[0]);
		return 2;
	}
	in = fopen(argv[1], "rb");
	if (!in) {
		perror(argv[1]);
		return 1;
	}
	out = fopen(argv[2], "w");
	if (!out) {
		perror(argv[2]);
		fclose(in);
		return 1;
	}
	fprintf(out, "/* Generated from %s by mfr-embed: do not edit. */\n"
		"#include <stddef.h>\n\n"
		"const unsigned char %s_text[] = {\n", argv[1], argv[3]);
	while ((c = fgetc(in)) != EOF) {
		fprintf(out, "%s0x%02x,", n % 16 ? "" : "\n\t", (unsigned)c);
		n++;
	}
	fprintf(out, "\n\t0x00\n};\n\nconst size_t %s_size = %lu;\n", argv[3], n);
	if (ferror(in) || fclose(out) != 0) {
		fprintf(stderr, "mfr-embed: I/O error\n");
		fclose(in);
		return 1;
	}
	fclose(in);
	return 0;
}
