# split-sentences' accuracy against ../shared (issue 4): tests/eval/sbd-eval.sh.
EVAL += eval-sbd
eval-sbd: all
	@SHARED=$(SHARED) BIN=$(CURDIR)/$(O)/bin sh tests/eval/sbd-eval.sh

.PHONY: eval-sbd
