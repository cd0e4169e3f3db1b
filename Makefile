# newsutils: see README.md.  Plain GNU make; no configure step.
#
#   make                    build the tools (cmd/*.c, each linked with common/)
#   make check              every test: unit, data-driven, man lint, fuzz replay
#   make SANITIZE=address,undefined check
#   make SIMD=no check      the same without the SSE2 fast paths
#   make bench              speed and memory, next to reference tools
#   make eval               accuracy numbers against ../shared (skips without it)
#   make model              retrain tag-entities' model from ../shared
#   make install PREFIX=/usr/local DESTDIR=
#
# Each tool or test area may add a fragment (common/*.mk, tests/*/*.mk) that
# appends to BENCH, EVAL, CHECK or CLEAN and defines its own targets, so that
# adding a tool does not mean editing this file.

PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
SHARED ?= ../shared

PKGS = libutf8proc yaml-0.1
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lutf8proc -lyaml)

CC ?= cc
OPT ?= -O2
WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
CFLAGS ?= -g $(OPT)
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(PKG_CFLAGS) -Icommon
ifneq ($(WERROR),)
ALL_CFLAGS += -Werror
endif
ifneq ($(SANITIZE),)
ALL_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=$(SANITIZE)
endif
# SIMD=no builds the portable code that a machine without SSE2 (arm64, for
# one) runs in place of the SSE2 fast paths; CI checks that it passes the
# same tests, so output never depends on the instruction set.
ifeq ($(SIMD),no)
ALL_CFLAGS += -U__SSE2__
endif
LIBS = $(PKG_LIBS) -lm

# Objects of a sanitized or SIMD=no build live apart, so switching knobs
# never mixes them.
O = build$(if $(SANITIZE),-$(subst $(comma),-,$(SANITIZE)))$(if $(filter no,$(SIMD)),-nosimd)
comma := ,

LIB_SRC := $(sort $(wildcard common/*.c))
LIB_OBJ := $(LIB_SRC:common/%.c=$(O)/common/%.o)
LIB := $(O)/libnewsutils.a
# Data embedded with EMBED() (embed.h): rebuild the library when it changes.
LIB_DATA := $(wildcard common/*.yaml common/*.bin common/*.txt common/*.tsv)

CMD_SRC := $(sort $(wildcard cmd/*.c))
PROGS := $(CMD_SRC:cmd/%.c=%)
BIN := $(PROGS:%=$(O)/bin/%)

MANS := $(sort $(wildcard man/*.1 man/*.7))

BENCH =
EVAL =
CHECK =
CLEAN =

.PHONY: all check bench eval model install uninstall clean lint-man unit-tests data-tests memcheck
all: $(BIN) bin

# bin/ is a stable place for the current build's tools (tests and docs use it).
bin: $(BIN)
	@mkdir -p bin
	@for p in $(PROGS); do ln -sf $(abspath $(O))/bin/$$p bin/$$p; done
.PHONY: bin

$(O)/common/%.o: common/%.c $(wildcard common/*.h) $(LIB_DATA) | $(O)/common
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

$(O)/bin/%: cmd/%.c $(LIB) $(wildcard common/*.h) | $(O)/bin
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LIBS)

$(O)/common $(O)/bin $(O)/tests:
	mkdir -p $@

# C unit tests: tests/unit/*.c, each a program that exits non-zero on failure.
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
UNIT := $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)
$(O)/tests/%: tests/unit/%.c $(LIB) tests/unit/unit.h | $(O)/tests
	$(CC) $(ALL_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(LIB) $(LIBS)

# Test-only programs (tests/lib/*.c), on PATH for the data tests.
TESTBIN_SRC := $(sort $(wildcard tests/lib/*.c))
TESTBIN := $(TESTBIN_SRC:tests/lib/%.c=$(O)/tests/bin/%)
$(O)/tests/bin/%: tests/lib/%.c $(LIB) $(wildcard tests/lib/*.yaml) | $(O)/tests/bin
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LIBS)
$(O)/tests/bin:
	mkdir -p $@

-include $(sort $(wildcard common/*.mk tests/*/*.mk))

unit-tests: $(UNIT)
	@sh tests/unit/run.sh $(UNIT)

data-tests: all $(TESTBIN)
	@BIN=$(CURDIR)/$(O)/bin TESTBIN=$(CURDIR)/$(O)/tests/bin \
	    SHARED=$(SHARED) sh tests/run.sh tests

lint-man:
	@if command -v mandoc >/dev/null; then \
		mandoc -Tlint -Wwarning $(MANS) && echo "man: $(words $(MANS)) pages lint clean"; \
	else echo "man: mandoc not installed, lint skipped"; fi

check: all unit-tests data-tests lint-man $(CHECK)

# The record reader's tests under valgrind: the codec unit test, and the
# reader's data tests with nu-cat and pack-docs run through memcheck.
memcheck: $(UNIT) $(TESTBIN) all
	@command -v valgrind >/dev/null || { echo "memcheck: valgrind not installed"; exit 1; }
	@rm -rf $(O)/vg && mkdir -p $(O)/vg
	@for p in $(TESTBIN) $(BIN); do \
		printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite %s "$$@"\n' \
		    $(CURDIR)/$$p > $(O)/vg/$${p##*/}; chmod +x $(O)/vg/$${p##*/}; done
	@valgrind -q --error-exitcode=99 --leak-check=full $(O)/tests/rec
	@BIN=$(CURDIR)/$(O)/vg TESTBIN= SHARED=$(SHARED) sh tests/run.sh tests/records
	@BIN=$(CURDIR)/$(O)/vg TESTBIN= SHARED=$(SHARED) sh tests/run.sh tests/pack-docs

bench: all $(BENCH)

eval: all $(EVAL)

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7
	for p in $(PROGS); do install -m 755 $(O)/bin/$$p $(DESTDIR)$(BINDIR)/$$p; done
	for m in $(MANS); do s=$${m##*.}; install -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s/; done

uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(BINDIR)/$$p; done
	for m in $(MANS); do s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; done

clean:
	rm -rf build build-* bin $(CLEAN)
