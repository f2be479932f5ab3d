/*
 * libmfr tests: bad inputs written as small cases (util-cases.h).
 * SPDX-License-Identifier: MIT
 */
#include "util-cases.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ---- reading a case file (outside a test: no assertions) ------------------ */

static char *dup_str(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	if (p)
		memcpy(p, s, n);
	return p;
}

static int read_all(const char *path, char **out)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (!f)
		return 0;
	do {
		if (cap - len < 4096) {
			char *p = realloc(buf, cap = cap ? cap * 2 : 65536);

			if (!p) {
				free(buf);
				fclose(f);
				return 0;
			}
			buf = p;
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
	} while (n > 0);
	fclose(f);
	buf[len] = '\0';
	*out = buf;
	return 1;
}

static void file_error(mfr_case_file *f, const char *rel, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void file_error(mfr_case_file *f, const char *rel, int line, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (f->error[0])
		return;
	n = snprintf(f->error, sizeof(f->error), "%s:%d: ", rel, line);
	va_start(ap, fmt);
	vsnprintf(f->error + n, sizeof(f->error) - (size_t)n, fmt, ap);
	va_end(ap);
}

/* A "text" line: the rest of the line, with \xHH as a byte. */
static void add_text(mfr_case *c, const char *s)
{
	size_t n = strlen(s);
	char *p = realloc(c->text, c->text_len + n + 2);

	if (!p)
		return;
	c->text = p;
	for (size_t i = 0; i < n; i++) {
		unsigned v;

		if (s[i] == '\\' && s[i + 1] == 'x' && sscanf(s + i + 2, "%2x", &v) == 1) {
			c->text[c->text_len++] = (char)v;
			i += 3;
		} else {
			c->text[c->text_len++] = s[i];
		}
	}
	c->text[c->text_len++] = '\n';
	c->text[c->text_len] = '\0';
}

/* One line of a case: "WORD ARGUMENT". Returns 0 when it is not understood. */
static int case_line(mfr_case *c, const char *word, char *arg)
{
	if (strcmp(word, "over") == 0 && !c->over) {
		c->over = dup_str(arg);
	} else if (strcmp(word, "set") == 0 || strcmp(word, "append") == 0 ||
		   strcmp(word, "remove") == 0) {
		char *value = NULL;

		if (c->n_ops == MFR_CASE_MAX_OPS)
			return 0;
		if (word[0] != 'r') {
			value = strchr(arg, ' ');
			if (!value)
				return 0;
			*value++ = '\0';
		}
		c->ops[c->n_ops].kind = word[0];
		c->ops[c->n_ops].path = dup_str(arg);
		c->ops[c->n_ops++].value = value ? dup_str(value) : NULL;
	} else if (strcmp(word, "text") == 0) {
		add_text(c, arg);
	} else if (strcmp(word, "text-empty") == 0) {
		free(c->text);
		c->text = dup_str("");
		c->text_len = 0;
	} else if (strcmp(word, "status") == 0 && !c->status) {
		c->status = dup_str(arg);
	} else if (strcmp(word, "path") == 0 && !c->path) {
		c->path = dup_str(arg);
	} else if (strcmp(word, "at") == 0) {
		return sscanf(arg, "%d:%d", &c->at_line, &c->at_column) == 2;
	} else if (strcmp(word, "message") == 0 && c->n_messages < MFR_CASE_MAX_MESSAGES) {
		c->messages[c->n_messages++] = dup_str(arg);
	} else {
		return 0;
	}
	return 1;
}

static int case_complete(const mfr_case *c)
{
	return c->status && c->n_messages > 0 && (c->path || c->at_line >= 0) &&
	       (c->text != NULL) != (c->over != NULL);
}

void mfr_cases_read(mfr_case_file *f, const char *rel)
{
	char path[4096], *text, *line, *save = NULL;
	int lineno = 0;
	mfr_case *c = NULL;

	memset(f, 0, sizeof(*f));
	snprintf(path, sizeof(path), "%s/%s", mfr_test_data_dir(), rel);
	if (!read_all(path, &text)) {
		file_error(f, rel, 0, "cannot read it");
		return;
	}
	/* Lines one by one, keeping empty ones (text lines may be empty). */
	for (line = text; line && !f->error[0]; line = save) {
		char *nl = strchr(line, '\n'), *word, *arg;

		save = nl ? nl + 1 : NULL;
		if (nl)
			*nl = '\0';
		lineno++;
		if (nl && nl > line && nl[-1] == '\r')
			nl[-1] = '\0';
		word = line + strspn(line, " ");
		if (!*word || *word == '#')
			continue;
		arg = strchr(word, ' ');
		if (arg)
			*arg++ = '\0';
		else
			arg = word + strlen(word);
		if (strcmp(word, "case") == 0) {
			if (c && !case_complete(c))
				file_error(f, rel, c->line, "case %s needs an input, a status, "
					   "a message and a path or a place", c->name);
			mfr_case *p = realloc(f->cases, sizeof(*p) * (size_t)(f->count + 1));
			if (!p) {
				file_error(f, rel, lineno, "out of memory");
				break;
			}
			f->cases = p;
			c = &f->cases[f->count++];
			memset(c, 0, sizeof(*c));
			c->name = dup_str(arg);
			c->line = lineno;
			c->at_line = c->at_column = -1;
		} else if (!c || !case_line(c, word, arg)) {
			file_error(f, rel, lineno, "cannot read \"%s\"", word);
		}
	}
	if (c && !case_complete(c))
		file_error(f, rel, c->line, "case %s is incomplete", c->name);
	free(text);
}

void mfr_cases_free(mfr_case_file *f)
{
	for (int i = 0; i < f->count; i++) {
		mfr_case *c = &f->cases[i];

		free(c->name);
		free(c->over);
		free(c->text);
		free(c->status);
		free(c->path);
		for (int k = 0; k < c->n_ops; k++) {
			free(c->ops[k].path);
			free(c->ops[k].value);
		}
		for (int k = 0; k < c->n_messages; k++)
			free(c->messages[k]);
	}
	free(f->cases);
	memset(f, 0, sizeof(*f));
}

/* ---- paths: "regions[heel].adjacent[1]" ----------------------------------- */

/* The next step of @p *p: a member name, or a selector in brackets (an
 * index, or the key of an item). Returns 0 at the end. */
static int next_step(const char **p, char *step, size_t size, int *is_selector)
{
	const char *s = *p;
	size_t n;

	if (*s == '.')
		s++;
	if (!*s)
		return 0;
	*is_selector = *s == '[';
	if (*is_selector) {
		s++;
		n = strcspn(s, "]");
	} else {
		n = strcspn(s, ".[");
	}
	ck_assert_msg(n < size, "path step too long: %s", *p);
	memcpy(step, s, n);
	step[n] = '\0';
	s += n;
	if (*is_selector && *s == ']')
		s++;
	*p = s;
	return 1;
}

/* The index an array selector names: a number, or the key of an item;
 * -1 when none. */
static long select_item(json_t *arr, const char *sel)
{
	size_t i;
	json_t *item;
	char *end;
	long idx = strtol(sel, &end, 10);

	if (*sel && !*end)
		return idx >= 0 && (size_t)idx < json_array_size(arr) ? idx : -1;
	json_array_foreach(arr, i, item) {
		const char *key = json_string_value(json_object_get(item, "key"));

		if (key && strcmp(key, sel) == 0)
			return (long)i;
	}
	return -1;
}

/* The value @p path names in @p root, as far as it exists; the resolved
 * path (indexes for selectors) into @p out when it is not NULL. Sets
 * *whole when every step was found. */
static json_t *walk(json_t *root, const char *path, char *out, size_t size, int *whole)
{
	char step[256];
	int is_sel;
	size_t used = 0;
	json_t *v = root;

	*whole = 1;
	if (out && size)
		out[0] = '\0';
	while (next_step(&path, step, sizeof(step), &is_sel)) {
		json_t *next = NULL;
		long idx = -1;

		if (!*whole)
			; /* past a step that is missing: only the text is built */
		else if (is_sel && json_is_array(v) && (idx = select_item(v, step)) >= 0)
			next = json_array_get(v, (size_t)idx);
		else if (!is_sel && json_is_object(v))
			next = json_object_get(v, step);
		if (out) {
			int n = is_sel && idx >= 0 ? snprintf(out + used, size - used, "[%ld]", idx)
				: is_sel ? snprintf(out + used, size - used, "[%s]", step)
				: snprintf(out + used, size - used, "%s%s", used ? "." : "", step);
			used += n > 0 && (size_t)n < size - used ? (size_t)n : 0;
		}
		if (!next)
			*whole = 0;
		if (next)
			v = next;
		else if (!out)
			break;
	}
	return v;
}

/* ---- applying the edits ---------------------------------------------------- */

static json_t *load_base(const mfr_case *c)
{
	json_error_t je;
	json_t *root;

	if (strcmp(c->over, "default") == 0) {
		size_t n;
		const char *text = mfr_model_default_text(&n);

		root = json_loadb(text, n, 0, &je);
	} else {
		char rel[256], path[4096];

		snprintf(rel, sizeof(rel), "models/%s", c->over);
		mfr_test_path(path, sizeof(path), rel);
		root = json_load_file(path, 0, &je);
	}
	ck_assert_msg(root != NULL, "%s: base %s: %s", c->name, c->over, je.text);
	return root;
}

/* Split @p path into the container it names and its last step. */
static json_t *parent_of(const mfr_case *c, json_t *root, const char *path, char *last,
			 int *last_is_sel)
{
	const char *p = path, *prev = path;
	char step[256];
	int is_sel;
	json_t *v = root;

	while (next_step(&p, step, sizeof(step), &is_sel)) {
		if (!*p) {
			snprintf(last, 256, "%s", step);
			*last_is_sel = is_sel;
			return v;
		}
		json_t *next = NULL;

		if (is_sel && json_is_array(v)) {
			long idx = select_item(v, step);
			next = idx >= 0 ? json_array_get(v, (size_t)idx) : NULL;
		} else if (!is_sel) {
			next = json_object_get(v, step);
		}
		ck_assert_msg(next != NULL, "%s: no \"%s\" in the base (at %s)", c->name, step,
			      prev);
		v = next;
		prev = p;
	}
	ck_abort_msg("%s: empty path", c->name);
	return NULL;
}

static void apply(const mfr_case *c, json_t *root, const mfr_case_op *op)
{
	char last[256];
	int is_sel, rc;
	json_error_t je;
	json_t *value = NULL, *parent = parent_of(c, root, op->path, last, &is_sel);

	if (op->value) {
		value = json_loads(op->value, JSON_DECODE_ANY, &je);
		ck_assert_msg(value != NULL, "%s: value %s: %s", c->name, op->value, je.text);
	}
	if (op->kind == 'a') {
		json_t *arr = is_sel ? json_array_get(parent, (size_t)select_item(parent, last))
				     : json_object_get(parent, last);

		ck_assert_msg(json_is_array(arr), "%s: %s is not an array", c->name, op->path);
		rc = json_array_append_new(arr, value);
	} else if (is_sel) {
		long idx = json_is_array(parent) ? select_item(parent, last) : -1;

		ck_assert_msg(idx >= 0, "%s: no item [%s] in %s", c->name, last, op->path);
		rc = op->kind == 's' ? json_array_set_new(parent, (size_t)idx, value)
				     : json_array_remove(parent, (size_t)idx);
	} else {
		ck_assert_msg(json_is_object(parent), "%s: %s is not in an object", c->name,
			      op->path);
		rc = op->kind == 's' ? json_object_set_new(parent, last, value)
				     : json_object_del(parent, last);
	}
	ck_assert_msg(rc == 0, "%s: cannot apply to %s", c->name, op->path);
}

char *mfr_case_input(const mfr_case *c, size_t *size)
{
	if (c->text) {
		char *t = malloc(c->text_len + 1);

		ck_assert_ptr_nonnull(t);
		memcpy(t, c->text, c->text_len + 1);
		*size = c->text_len;
		return t;
	}
	json_t *root = load_base(c);

	for (int k = 0; k < c->n_ops; k++)
		apply(c, root, &c->ops[k]);
	char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

	json_decref(root);
	ck_assert_ptr_nonnull(text);
	*size = strlen(text);
	return text;
}

void mfr_case_path(const mfr_case *c, const char *input, size_t size, char *out,
		   size_t out_size)
{
	size_t bom = size >= 3 && memcmp(input, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	json_t *root = json_loadb(input + bom, size - bom, 0, NULL);
	int whole;

	if (!root) { /* a syntax case: its path is as written */
		snprintf(out, out_size, "%s", c->path ? c->path : "");
		return;
	}
	walk(root, c->path ? c->path : "", out, out_size, &whole);
	json_decref(root);
}

void mfr_case_check_place(const mfr_case *c, const char *input, size_t size,
			  const char *path, int line, int column, long long offset)
{
	size_t bom = size >= 3 && memcmp(input, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	json_t *root = json_loadb(input + bom, size - bom, 0, NULL), *want, *found;
	json_error_t je;
	int whole, l = 1, col = 1;

	ck_assert_msg(root != NULL, "%s: the input does not parse", c->name);
	ck_assert_msg(offset >= (long long)bom && (size_t)offset < size,
		      "%s: offset %lld outside the input", c->name, offset);
	/* The line and column are those of the offset (characters after the
	 * byte-order mark). */
	for (size_t i = bom; i < (size_t)offset; i++) {
		if (input[i] == '\n') {
			l++;
			col = 1;
		} else if (((unsigned char)input[i] & 0xC0) != 0x80) {
			col++;
		}
	}
	ck_assert_msg(l == line && col == column, "%s: %d:%d is not the place of byte %lld "
		      "(%d:%d)", c->name, line, column, offset, l, col);
	/* The value read back from there is the one the path names. */
	want = walk(root, path, NULL, 0, &whole);
	found = json_loadb(input + offset, size - (size_t)offset,
			   JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK, &je);
	ck_assert_msg(found != NULL && json_equal(found, want), "%s: the value at %d:%d is "
		      "not the one at %s", c->name, line, column, path);
	json_decref(found);
	json_decref(root);
}
