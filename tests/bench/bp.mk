# strip-boilerplate speed and memory next to cat and tr (make bench); CPU
# time to the microsecond from sbd-time (tests/bench/sbd.mk builds it).
BENCH += bench-bp
bench-bp: all $(O)/bench/sbd-time
	@BIN=$(CURDIR)/$(O)/bin BP_TIME=$(CURDIR)/$(O)/bench/sbd-time \
	    sh tests/bench/bp-bench.sh
# Same output from an OLD strip-boilerplate and this one (speed work).
.PHONY: bp-same
bp-same: all
	@test -n "$(OLD)" || { echo "usage: make bp-same OLD=path/to/strip-boilerplate" >&2; exit 2; }
	@BIN=$(CURDIR)/$(O)/bin SHARED=$(SHARED) sh tests/bench/bp-same.sh $(OLD) $(CURDIR)/$(O)/bin/strip-boilerplate
