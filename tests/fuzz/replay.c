/*
 * replay: the main() a harness gets when it is built without libFuzzer, so
 * that `make check` runs every committed corpus file through the same
 * LLVMFuzzerTestOneInput() the fuzzer drives.  Operands are files or
 * directories (every regular file in them, in name order).  A harness
 * reports a broken property by abort(), as under the fuzzer.
 */
#include <dirent.h>
#include <err.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static size_t nrun;

static void
run_file(const char *path)
{
	FILE *fp;
	char *p = NULL;
	size_t n = 0, cap = 0, k;

	if ((fp = fopen(path, "rb")) == NULL)
		err(1, "%s", path);
	for (;;) {
		if (n == cap) {
			cap = cap ? 2 * cap : 65536;
			if ((p = realloc(p, cap)) == NULL)
				err(1, NULL);
		}
		if ((k = fread(p + n, 1, cap - n, fp)) == 0)
			break;
		n += k;
	}
	if (ferror(fp))
		err(1, "%s", path);
	fclose(fp);
	LLVMFuzzerTestOneInput((const uint8_t *)p, n);
	free(p);
	nrun++;
}

static int
byname(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
run_dir(const char *dir)
{
	DIR *dp;
	struct dirent *e;
	struct stat st;
	char **names = NULL, *path;
	size_t n = 0, i;

	if ((dp = opendir(dir)) == NULL)
		err(1, "%s", dir);
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if ((names = realloc(names, (n + 1) * sizeof(*names))) == NULL ||
		    asprintf(&names[n], "%s/%s", dir, e->d_name) < 0)
			err(1, NULL);
		n++;
	}
	closedir(dp);
	qsort(names, n, sizeof(*names), byname);
	for (i = 0; i < n; i++) {
		path = names[i];
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			run_file(path);
		free(path);
	}
	free(names);
}

int
main(int argc, char **argv)
{
	struct stat st;
	const char *prog = argv[0];
	int i;

	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	if (argc < 2) {
		fprintf(stderr, "usage: %s file-or-dir ...\n", prog);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) < 0)
			err(1, "%s", argv[i]);
		if (S_ISDIR(st.st_mode))
			run_dir(argv[i]);
		else
			run_file(argv[i]);
	}
	fprintf(stderr, "%s: %zu inputs replayed\n", prog, nrun);
	return 0;
}
