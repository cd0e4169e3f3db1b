#!/bin/sh
# Pathological punctuation: 10,000 unbalanced quote marks (curly and
# straight, opening only, closing only, alternating, one per line and all on
# one line), long runs of abbreviations and of periods, ellipses and
# initials.  No tool may hang on them or let a stray mark swallow the rest
# of the document: each keeps the invariants, and extract-quotes writes no
# quote longer than the paragraph it is in (nu-check checks spans).
. "$(dirname "$0")/common.inc"

LC_ALL=C
export LC_ALL
cd "$t" || exit 2

awk 'BEGIN {
	for (i = 0; i < 10000; i++) printf "\342\200\234"; printf "\n"
	for (i = 0; i < 10000; i++) printf "\342\200\235 "; printf "\n"
	for (i = 0; i < 5000; i++) printf "\"a "; printf "\n"
	for (i = 0; i < 5000; i++) printf "\342\200\230x\342\200\231s "; printf "\n"
}' >marks-line.txt
awk 'BEGIN {
	for (i = 0; i < 10000; i++) {
		if (i % 3 == 0) printf "\342\200\234Opening but never closed, said Mr. Lee %d\n", i
		else if (i % 3 == 1) printf "A line that closes.\342\200\235 he said\n"
		else printf "\"Straight %d\n", i
	}
}' >marks-lines.txt
# an opening mark early, then ordinary paragraphs: no quote may run on
awk 'BEGIN {
	printf "Ann Lee said \342\200\234this never ends and\n"
	for (i = 0; i < 2000; i++) printf "Paragraph %d is ordinary news text about the port.\n", i
}' >stray.txt
awk 'BEGIN {
	for (i = 0; i < 10000; i++) printf "U.S. "; printf "\n"
	for (i = 0; i < 10000; i++) printf "Mr. Dr. Gen. Sen. "; printf "\n"
	for (i = 0; i < 50000; i++) printf "."; printf "\n"
	for (i = 0; i < 10000; i++) printf "... "; printf "\n"
	for (i = 0; i < 10000; i++) printf "J.R.R. "; printf "Tolkien.\n"
	for (i = 0; i < 10000; i++) printf "e.g., i.e., etc. vs. a.m. p.m. No. 1. "; printf "\n"
	for (i = 0; i < 10000; i++) printf "?!"; printf "\n"
	for (i = 0; i < 10000; i++) printf "1.5."; printf "\n"
}' >abbrev.txt

for f in marks-line.txt marks-lines.txt stray.txt abbrev.txt; do
	raw_case "$f"
done

# the stray mark: extract-quotes' quotes each stay inside one paragraph
n=stray.txt-extract-quotes
awk -F'\t' '$2 == "quote" { split($5, a, "|"); print a[1] }' "$t/$n.out" >q
[ "$(wc -l <q)" -lt 50 ] || fail "$n: $(wc -l <q) quotes from one stray mark"
finish
