# extract-quotes' accuracy against ../shared (issues 6 and 7):
# tests/eval/qt-eval.sh.  Skips cleanly without ../shared.
EVAL += eval-qt
eval-qt: all
	@SHARED=$(SHARED) BIN=$(CURDIR)/$(O)/bin sh tests/eval/qt-eval.sh

.PHONY: eval-qt
