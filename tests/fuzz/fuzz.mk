# Fuzzing (issue 8).  Each tests/fuzz/fuzz_NAME.c is a libFuzzer harness;
# built with the normal compiler and replay.c it is a program that runs
# every file of tests/fuzz/corpus/NAME/, which `make check` does.
#
#   make fuzz                         every harness, FUZZ_SECONDS each
#   make fuzz FUZZ=sbd FUZZ_SECONDS=600
#
# `make fuzz` builds the library again with clang, libFuzzer, ASan and UBSan
# in build-fuzz/; what a run finds goes to build-fuzz/corpus/NAME and
# crashing inputs to build-fuzz/crash-NAME-*, to be copied into the
# committed corpus once fixed.  A harness of a tool core is built only once
# that core exists in common/.

FUZZ_ALL := rec reader $(foreach t,sbd bp ner qt,$(if $(and $(wildcard common/$(t).c),$(wildcard tests/fuzz/fuzz_$(t).c)),$(t)))
# the rules loader every tool starts with (common/cfg.c)
FUZZ_ALL += cfg
FUZZ ?= $(FUZZ_ALL)
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FZ = build-fuzz

FUZZ_REPLAY := $(FUZZ_ALL:%=$(O)/tests/fuzz/replay_%)

$(O)/tests/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(LIB) | $(O)/tests/fuzz
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< tests/fuzz/replay.c $(LIB) $(LIBS)
$(O)/tests/fuzz:
	mkdir -p $@

.PHONY: fuzz-replay fuzz
CHECK += fuzz-replay
fuzz-replay: $(FUZZ_REPLAY)
	@for n in $(FUZZ_ALL); do \
		$(O)/tests/fuzz/replay_$$n tests/fuzz/corpus/$$n || exit 1; \
	done

FUZZ_CFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) -g -O1 $(PKG_CFLAGS) -Icommon \
	-fno-omit-frame-pointer -fno-sanitize-recover=all
FUZZ_SAN = address,undefined
# FUZZ_EXTRA: more flags, e.g. -fno-sanitize=nonnull-attribute in a
# separate FZ=build-fuzz-x to get past a known finding while it is fixed.
FUZZ_OBJ := $(LIB_SRC:common/%.c=$(FZ)/common/%.o)

$(FZ)/common/%.o: common/%.c $(wildcard common/*.h) $(LIB_DATA)
	@mkdir -p $(FZ)/common
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,$(FUZZ_SAN) $(FUZZ_EXTRA) -c -o $@ $<
$(FZ)/libnewsutils.a: $(FUZZ_OBJ)
	rm -f $@
	$(AR) rcs $@ $(FUZZ_OBJ)
# The record codec and reader need only the core of the library, so they
# can be fuzzed while a tool's half-written module does not build.
FUZZ_CORE := $(patsubst %,$(FZ)/common/%.o,arena buf u8 rec doc out)
$(FZ)/fuzz_rec $(FZ)/fuzz_reader: $(FZ)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_CORE)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer,$(FUZZ_SAN) $(FUZZ_EXTRA) -o $@ $< \
	    $(FUZZ_CORE) $(LIBS)
$(FZ)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FZ)/libnewsutils.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer,$(FUZZ_SAN) $(FUZZ_EXTRA) -o $@ $< \
	    $(FZ)/libnewsutils.a $(LIBS)

# -close_fd_mask=1: the harnesses never need stdout (library output is
# checked in memory); libFuzzer still reports on stderr.
fuzz: $(FUZZ:%=$(FZ)/fuzz_%)
	@for n in $(FUZZ); do \
		mkdir -p $(FZ)/corpus/$$n; \
		echo "fuzz: $$n for $(FUZZ_SECONDS) s"; \
		$(FZ)/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -close_fd_mask=1 \
		    -print_final_stats=1 -artifact_prefix=$(FZ)/crash-$$n- \
		    $(FZ)/corpus/$$n tests/fuzz/corpus/$$n 2>&1 | \
		    grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY|.*property failed)' ; \
		ls $(FZ)/crash-$$n-* 2>/dev/null && exit 1; \
	done; true
