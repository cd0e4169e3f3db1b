/*
 * sbd-time: run a command with its standard input from INPUT (standard
 * output and error are its own), and write to RESULT the CPU time it took
 * (user + system, in seconds, to the microsecond), its wall time and its
 * peak resident set size in KiB.  /usr/bin/time gives CPU time to the
 * hundredth of a second, a step of several percent of a run of
 * split-sentences on the bench input.
 *
 *   sbd-time RESULT INPUT COMMAND [ARG ...]
 *
 * Built only by make bench.
 */
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <err.h>
#include <fcntl.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static double
secs(struct timeval tv)
{
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

int
main(int argc, char *argv[])
{
	struct rusage ru;
	struct timespec t0, t1;
	FILE *res;
	pid_t pid;
	int status, in;

	if (argc < 4) {
		fprintf(stderr, "usage: sbd-time result input command [arg ...]\n");
		return 2;
	}
	if ((res = fopen(argv[1], "w")) == NULL)
		err(2, "%s", argv[1]);
	if ((in = open(argv[2], O_RDONLY)) < 0)
		err(2, "%s", argv[2]);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((pid = fork()) < 0)
		err(2, "fork");
	if (pid == 0) {
		if (dup2(in, 0) < 0)
			err(127, "dup2");
		execvp(argv[3], argv + 3);
		err(127, "%s", argv[3]);
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		err(2, "wait4");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(res, "%.6f %.3f %ld\n", secs(ru.ru_utime) + secs(ru.ru_stime),
	    (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, ru.ru_maxrss);
	if (fclose(res) == EOF)
		err(2, "%s", argv[1]);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "sbd-time: %s failed\n", argv[3]);
		return 1;
	}
	return 0;
}
