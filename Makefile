# pngplot: a plain Makefile. `make` builds the library, the command and the
# examples; `make demo` also installs missing Debian packages (as root) and
# renders the examples into out/; `make test` runs every test.

PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
CFLAGS ?= -O2 -g
SANITIZE ?=
WERROR ?=

BUILD ?= build
ifeq ($(SANITIZE),1)
BUILD := build-sanitize
SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=undefined
endif
# `make fuzz` builds the library this way (clang only) for libFuzzer.
ifeq ($(SANITIZE),fuzz)
BUILD := build-fuzz
SAN_FLAGS = -fsanitize=fuzzer-no-link,address,undefined \
            -fno-omit-frame-pointer -fno-sanitize-recover=undefined
endif

PKGS = freetype2 libpng jansson libdeflate zlib
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# libcsv ships no pkg-config file.
DEP_LIBS = $(PKG_LIBS) -lcsv -lm
# The command links its libraries statically when the archives are there
# (Debian's -dev packages ship them): it starts about 0.4 ms sooner than
# when it resolves ten shared libraries. The C library stays shared, so
# valgrind (make memcheck) and the sanitizers can watch its allocations;
# failing that, nothing is linked statically.
STATIC_PKG_LIBS := $(shell pkg-config --static --libs-only-l $(PKGS) 2>/dev/null)
STATIC_DEP_LIBS = -Wl,-Bstatic $(filter-out -lm,$(STATIC_PKG_LIBS)) -lcsv \
    -Wl,-Bdynamic -lm
# ... and as a position-dependent executable: a PIE must patch about 1,900
# addresses (FreeType's and libpng's tables) at every start, which costs
# 0.2 ms a run (bench/NOTES.md, second pass).
COMMAND_LDFLAGS = -no-pie

VERSION = 0.1.0
SONAME = libpngplot.so.0

PP_CFLAGS = -std=c99 -Wall -Wextra -pedantic -D_POSIX_C_SOURCE=200809L \
            -fPIC -Iinclude -Isrc $(PKG_CFLAGS) \
            -DPP_DEFAULT_FONT_DIR='"$(PREFIX)/share/pngplot/fonts"' \
            -DPP_DOC_DIR='"$(PREFIX)/share/doc/pngplot"' \
            $(if $(WERROR),-Werror) $(SAN_FLAGS) $(CFLAGS)
PP_LDFLAGS = $(SAN_FLAGS) $(LDFLAGS)

LIB_SRC := $(wildcard src/*.c)
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
CLI_SRC := $(wildcard src/cli/*.c)
CLI_OBJ := $(CLI_SRC:src/cli/%.c=$(BUILD)/obj/cli/%.o)
TEST_SRC := $(wildcard tests/unit/test_*.c)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_SRC := $(wildcard tests/tools/*.c)
TOOL_BIN := $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tools/%)
EXAMPLE_SRC := $(wildcard examples/*.c)
EXAMPLE_BIN := $(EXAMPLE_SRC:examples/%.c=$(BUILD)/examples/%)

STATIC_LIB = $(BUILD)/libpngplot.a
SHARED_LIB = $(BUILD)/$(SONAME)
COMMAND = $(BUILD)/pngplot

.PHONY: all lib examples tests test demo golden install uninstall clean deps \
        check-deps bench
.DEFAULT_GOAL := all

all: $(STATIC_LIB) $(SHARED_LIB) $(COMMAND) examples

lib: $(STATIC_LIB) $(SHARED_LIB)

# Says which Debian package is missing before the compiler does. Run on
# every make (it takes milliseconds), not once into a stamp: a package
# removed after the first build would otherwise end in a compiler error.
# Order-only, so passing it rebuilds nothing.
check-deps:
	@CC='$(CC)' sh scripts/check-deps.sh

deps:
	@sh scripts/install-deps.sh

$(BUILD)/obj/%.o: src/%.c include/pngplot.h src/pp_internal.h $(wildcard src/*.h) | check-deps
	@mkdir -p $(dir $@)
	$(CC) $(PP_CFLAGS) -c $< -o $@

# The installed fonts folder is compiled in: the files that use it are
# built again when PREFIX changes (make install PREFIX=... after make).
$(BUILD)/prefix: FORCE
	@mkdir -p $(BUILD)
	@echo '$(PREFIX)' | cmp -s - $@ 2>/dev/null || echo '$(PREFIX)' >$@

$(BUILD)/obj/text.o $(BUILD)/obj/cli/pngplot.o: $(BUILD)/prefix

.PHONY: FORCE
FORCE:

$(STATIC_LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(SHARED_LIB): $(LIB_OBJ) src/pngplot.map
	$(CC) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=src/pngplot.map \
	    $(PP_LDFLAGS) -o $@ $(LIB_OBJ) $(DEP_LIBS)
	ln -sf $(SONAME) $(BUILD)/libpngplot.so

$(COMMAND): $(CLI_OBJ) $(STATIC_LIB)
	$(CC) $(PP_LDFLAGS) $(COMMAND_LDFLAGS) -o $@ $(CLI_OBJ) $(STATIC_LIB) \
	    $(STATIC_DEP_LIBS) 2>/dev/null || \
	$(CC) $(PP_LDFLAGS) -o $@ $(CLI_OBJ) $(STATIC_LIB) $(DEP_LIBS)

examples: $(EXAMPLE_BIN)

$(BUILD)/examples/%: examples/%.c $(STATIC_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(PP_CFLAGS) $(PP_LDFLAGS) -o $@ $< $(STATIC_LIB) $(DEP_LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h tests/unit/render_harness.h $(STATIC_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(PP_CFLAGS) $(PP_LDFLAGS) -o $@ $< $(STATIC_LIB) $(DEP_LIBS)

$(BUILD)/tools/%: tests/tools/%.c $(STATIC_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(PP_CFLAGS) $(PP_LDFLAGS) -o $@ $< $(STATIC_LIB) $(DEP_LIBS)

# The example CSVs come from a generator of our own that needs only the C
# library; `make examples-data` rebuilds it and rewrites examples/data/*.csv.
GEN_DATA = $(BUILD)/tools/generate-data
GEN_CFLAGS = -std=c99 -Wall -Wextra -pedantic $(if $(WERROR),-Werror) $(CFLAGS)

$(GEN_DATA): examples/data/generate.c
	@mkdir -p $(dir $@)
	$(CC) $(GEN_CFLAGS) $(PP_LDFLAGS) -o $@ $<

.PHONY: examples-data
examples-data: $(GEN_DATA)
	$(GEN_DATA) examples/data

tests: all $(TEST_BIN) $(TOOL_BIN) $(GEN_DATA)

# Fuzz targets (tests/fuzz/). `make test` replays the seeds and the
# reproducers in tests/bad/fuzz/ through them with a plain main; `make fuzz`
# builds them with clang's libFuzzer and runs each for FUZZ_TIME seconds
# (FUZZ_JOBS at once). Corpora and crashes stay out of git.
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
REPLAY_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/replay/%)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
FUZZ_TIME ?= 60
FUZZ_JOBS ?= 1

tests: $(REPLAY_BIN)

$(BUILD)/replay/%: tests/fuzz/%.c tests/fuzz/replay.c tests/fuzz/fuzz.h \
                   $(STATIC_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(PP_CFLAGS) $(PP_LDFLAGS) -o $@ $< tests/fuzz/replay.c \
	    $(STATIC_LIB) $(DEP_LIBS)

$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(STATIC_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(PP_CFLAGS) -fsanitize=fuzzer $(PP_LDFLAGS) -o $@ $< \
	    $(STATIC_LIB) $(DEP_LIBS)

.PHONY: fuzz fuzzers
fuzzers: $(FUZZ_BIN)

fuzz:
	@$(MAKE) --no-print-directory SANITIZE=fuzz CC=clang fuzzers
	@BUILD=build-fuzz FUZZ_TIME=$(FUZZ_TIME) FUZZ_JOBS=$(FUZZ_JOBS) \
	    sh tests/fuzz/run.sh

test: tests
	@BUILD=$(BUILD) sh tests/run.sh

demo: deps
	@$(MAKE) -s --no-print-directory all
	@BUILD=$(BUILD) sh scripts/render-examples.sh

# Times pngplot against gnuplot and matplotlib (see bench/run.sh); no part
# of `make test`.
bench: all
	@BUILD=$(BUILD) CC=$(CC) sh bench/run.sh

# The examples (also with --html and as gnuplot scripts) and the error
# suite under valgrind's memcheck (a normal build: valgrind cannot run the
# sanitizers' one).
.PHONY: memcheck
memcheck: all
	@BUILD=$(BUILD) sh scripts/memcheck.sh

# Rewrites golden/*.png from the current renderer: only on purpose, after
# looking at the differences.
golden: tests
	@BUILD=$(BUILD) PP_REPO=$(CURDIR) sh tests/cli/golden.sh update

install: $(STATIC_LIB) $(SHARED_LIB) $(COMMAND)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib \
	    $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	    $(DESTDIR)$(PREFIX)/share/pngplot/fonts \
	    $(DESTDIR)$(PREFIX)/share/doc/pngplot
	install -m 755 $(COMMAND) $(DESTDIR)$(PREFIX)/bin/pngplot
	install -m 644 $(STATIC_LIB) $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(SHARED_LIB) $(DESTDIR)$(PREFIX)/lib/
	ln -sf $(SONAME) $(DESTDIR)$(PREFIX)/lib/libpngplot.so
	install -m 644 include/pngplot.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 fonts/*.ttf fonts/LICENSE $(DESTDIR)$(PREFIX)/share/pngplot/fonts/
	install -m 644 README.md docs/spec.md $(DESTDIR)$(PREFIX)/share/doc/pngplot/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' \
	    src/pngplot.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/pngplot.pc
	@# A new shared library in a folder the dynamic linker searches
	@# (/usr/local/lib) is found only once its cache is rebuilt.
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ] && \
	    command -v ldconfig >/dev/null 2>&1; then ldconfig; fi

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/pngplot $(DESTDIR)$(PREFIX)/lib/libpngplot.a \
	    $(DESTDIR)$(PREFIX)/lib/$(SONAME) $(DESTDIR)$(PREFIX)/lib/libpngplot.so \
	    $(DESTDIR)$(PREFIX)/include/pngplot.h \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig/pngplot.pc
	rm -rf $(DESTDIR)$(PREFIX)/share/pngplot $(DESTDIR)$(PREFIX)/share/doc/pngplot

clean:
	rm -rf build build-sanitize build-fuzz out
