# strip-boilerplate's accuracy against ../shared (skips without it).
EVAL += eval-bp
eval-bp: all
	@SHARED=$(SHARED) BIN=$(CURDIR)/$(O)/bin sh tests/eval/bp-eval.sh
