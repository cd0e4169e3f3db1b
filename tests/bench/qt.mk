# extract-quotes speed and memory on generated news with entity records
# present (issue 6): tests/bench/qt-bench.sh.
BENCH += bench-qt
bench-qt: all $(O)/tests/bin/nu-cat
	@BIN=$(CURDIR)/$(O)/bin TESTBIN=$(CURDIR)/$(O)/tests/bin \
	    sh tests/bench/qt-bench.sh

.PHONY: bench-qt
