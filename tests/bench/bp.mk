# strip-boilerplate speed and memory next to cat and tr (make bench).
BENCH += bench-bp
bench-bp: all
	@BIN=$(CURDIR)/$(O)/bin sh tests/bench/bp-bench.sh
# Same output from an OLD strip-boilerplate and this one (speed work).
.PHONY: bp-same
bp-same: all
	@test -n "$(OLD)" || { echo "usage: make bp-same OLD=path/to/strip-boilerplate" >&2; exit 2; }
	@BIN=$(CURDIR)/$(O)/bin SHARED=$(SHARED) sh tests/bench/bp-same.sh $(OLD) $(CURDIR)/$(O)/bin/strip-boilerplate
