/*
 * Runs a command and appends one line to a file: the wall time in
 * milliseconds, the peak resident memory in kB (the "Maximum resident set
 * size" that /usr/bin/time -v reports, from the same wait4 rusage) and the
 * exit status.
 *
 *   timeit RESULTS COMMAND [ARG]...
 *
 * The command's own output goes where timeit's goes. For bench/run.sh.
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    struct timespec start, end;
    struct rusage usage;
    FILE *results;
    int status;
    pid_t pid;

    if (argc < 3) {
        fprintf(stderr, "usage: timeit RESULTS COMMAND [ARG]...\n");
        return 2;
    }
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid = fork();
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    if (pid < 0 || wait4(pid, &status, 0, &usage) < 0) {
        perror("timeit");
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);

    results = fopen(argv[1], "a");
    if (results == NULL) {
        perror(argv[1]);
        return 1;
    }
    fprintf(results, "%.3f %ld %d\n",
            (end.tv_sec - start.tv_sec) * 1e3 +
                (end.tv_nsec - start.tv_nsec) / 1e6,
            usage.ru_maxrss, WIFEXITED(status) ? WEXITSTATUS(status) : 128);
    return fclose(results) == 0 ? 0 : 1;
}
