# End-to-end benchmark, issue 9 (tests/bench/e2e.sh): pack-docs and the
# four filters over E2E_MB MB of generated articles, serially and under
# GNU parallel on all cores, next to cat.  The corpus is kept in
# $(O)/bench/e2e between runs.
BENCH += bench-e2e
E2E_MB ?= 100

bench-e2e: all
	@BIN=$(CURDIR)/$(O)/bin E2E_MB=$(E2E_MB) E2E_DIR=$(CURDIR)/$(O)/bench/e2e \
	    sh tests/bench/e2e.sh

.PHONY: bench-e2e
