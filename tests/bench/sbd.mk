# split-sentences against ICU's sentence BreakIterator (issue 4):
# tests/bench/sbd.sh.  The harness needs libicu-dev and is built only here.
BENCH += bench-sbd
SBD_MB ?= 50
ICU_PKG = icu-uc icu-i18n

$(O)/bench/sbd-icu: tests/bench/sbd-icu.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< \
	    $$(pkg-config --cflags --libs $(ICU_PKG) || echo -licui18n -licuuc -licudata)

$(O)/bench/sbd-time: tests/bench/sbd-time.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $<

$(O)/bench/sbd-lib: tests/bench/sbd-lib.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LIBS)

bench-sbd: all $(O)/bench/sbd-icu $(O)/bench/sbd-lib $(O)/bench/sbd-time
	@BIN=$(CURDIR)/$(O)/bin ICU=$(CURDIR)/$(O)/bench/sbd-icu \
	    SBD_TIME=$(CURDIR)/$(O)/bench/sbd-time \
	    SBDLIB=$(CURDIR)/$(O)/bench/sbd-lib SBD_MB=$(SBD_MB) \
	    SBD_DIR=$(CURDIR)/$(O)/bench/sbd sh tests/bench/sbd.sh

.PHONY: bench-sbd
