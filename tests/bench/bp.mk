# strip-boilerplate speed and memory next to cat and tr (make bench).
BENCH += bench-bp
bench-bp: all
	@BIN=$(CURDIR)/$(O)/bin sh tests/bench/bp-bench.sh
