# The library never prints and never exits (STYLE.md, habit 4): errors and
# warnings go back to the caller. Checked on what its objects call, from
# `nm -u` of libpngplot.a (the archive holds only pngplot's own objects;
# the shared library would also list what its dependencies need).
#
# Allowed, because they cannot reach the terminal or end the process:
#   fwrite  gnuplot_run.c writes the gnuplot script into the file it has
#           just opened in its own temporary folder (gnuplot's standard
#           output goes to /dev/null, its standard error to a file read back
#           into the error message);
#   write   png.c writes the PNG into the file it opened at the caller's
#           path (a temporary one renamed into place);
#   longjmp libpng's error path, kept inside png.c's one setjmp function.
# Neither stdout nor stderr may be referenced at all, so a stream those
# writes go to is never a standard one.
. "$PP_REPO/tests/lib.sh"
lib="$PP_REPO/$BUILD/libpngplot.a"

banned="printf vprintf fprintf vfprintf dprintf vdprintf
    __printf_chk __vprintf_chk __fprintf_chk __vfprintf_chk __dprintf_chk
    puts fputs putchar fputc putc putchar_unlocked fputc_unlocked
    fputs_unlocked perror psignal psiginfo
    exit _exit _Exit quick_exit abort __assert_fail __assert_perror_fail
    err errx verr verrx warn warnx vwarn vwarnx error error_at_line
    stdout stderr"

if ! command -v nm >/dev/null 2>&1; then
    skip library_never_prints_or_exits "no nm (binutils)"
    exit 0
fi
if [ ! -f "$lib" ]; then
    fail library_never_prints_or_exits "no $lib"
    exit 0
fi

# "object.o: symbol" for every undefined symbol (versions cut: puts@GLIBC).
nm -A -u "$lib" 2>/dev/null |
    awk '{ sub(/:$/, "", $1); n = split($1, p, ":"); s = $NF
           sub(/@.*/, "", s); print p[n] ": " s }' | sort -u >"$TMP/undefined"
if [ ! -s "$TMP/undefined" ]; then
    fail library_never_prints_or_exits "nm listed nothing for $lib"
    exit 0
fi
found=""
for s in $banned; do
    hits=$(grep -E ": $s\$" "$TMP/undefined" | tr '\n' ' ')
    [ -n "$hits" ] && found="$found$hits"
done
if [ -z "$found" ]; then
    pass library_never_prints_or_exits
else
    fail library_never_prints_or_exits "the library calls $found"
fi

# The allowed writers are where the comment above says, and nowhere else.
others=$(grep -E ': (fwrite|write)$' "$TMP/undefined" |
    grep -vE '^(gnuplot_run\.o: fwrite|png\.o: write)$' | tr '\n' ' ')
if [ -z "$others" ]; then
    pass library_writes_only_its_own_files
else
    fail library_writes_only_its_own_files "new writers: $others (check they cannot print, then allow them here)"
fi
