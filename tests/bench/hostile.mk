# Hostile sizes at full scale (issue 8): tests/bench/hostile.sh times every
# tool on a 50 MB line and a 200 MB stream of tiny raw-record documents,
# each at a quarter and at full size (linear time: about 4x), shows that
# peak memory does not grow with the stream's length, then runs the
# hostile size tests (tests/hostile/big.sh) at HOSTILE_SCALE=100.
BENCH += bench-hostile
HOSTILE_BENCH_DIR = $(O)/bench/hostile

bench-hostile: all $(TESTBIN)
	@BIN=$(CURDIR)/$(O)/bin TESTBIN=$(CURDIR)/$(O)/tests/bin \
	    DIR=$(CURDIR)/$(HOSTILE_BENCH_DIR) sh tests/bench/hostile.sh

.PHONY: bench-hostile
