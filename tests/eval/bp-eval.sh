#!/bin/sh
# strip-boilerplate's accuracy on ../shared/data/boiler/plain_gold.jsonl
# (46 real scraped articles labelled line by line), with the scorer that
# ships in ../shared/eval.  The rules were written on the train split only;
# the test split (15 articles) is the number to quote.  The AEB set
# (automatic labels, held out: only its totals are ever looked at) checks
# that the rules carry over to articles nobody here has read.  Every figure
# this prints comes from one command, shown above it.  Skips without
# ../shared.
: "${BIN:=$(pwd)/bin}" "${SHARED:=../shared}"
gold=$SHARED/data/boiler/plain_gold.jsonl
score=$SHARED/eval/score_plain.py
if [ ! -r "$gold" ] || [ ! -r "$score" ]; then
	echo "eval-bp: $SHARED not found, skipped"
	exit 0
fi
PATH=$BIN:$PATH
export PATH
status=0
for split in train test all; do
	arg="--split $split"
	[ $split = all ] && arg=
	cmd="python3 $score --skip-ambiguous $arg --cmd 'strip-boilerplate --text'"
	echo "eval-bp: $cmd"
	eval "$cmd --gold $gold" | sed -n '3,4p' | sed 's/^/  /' || status=1
done
aeb=$SHARED/data/boiler/aeb_plain_auto.jsonl.gz
if [ -r "$aeb" ]; then
	cmd="python3 $score --skip-ambiguous --cmd 'strip-boilerplate --text'"
	echo "eval-bp: $cmd --gold $aeb"
	eval "$cmd --gold $aeb" | sed -n '3p' | sed 's/^/  /' || status=1
fi
exit $status
