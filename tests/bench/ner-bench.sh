#!/bin/sh
# tag-entities speed and memory: single-thread tokens per second on
# generated news-like text, the time to start and load the model, and peak
# resident memory.  Tokens are the words wc -w counts.
: "${BIN:=$(pwd)/bin}" "${NER_BENCH_MB:=8}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
awk -v mb="$NER_BENCH_MB" 'BEGIN {
	srand(7)
	split("Maria Chen|Ahmed Khalil|John Okafor|Lena Brandt|Ravi Patel|Sofia Duarte|Kenji Mori|Amara Nwosu", per, "|")
	split("Ministry of Finance|Brightwater Capital|United Nations|Norvik Energy|the central bank|Reuters|Atlas Mining Corp.|the World Bank", org, "|")
	split("Nairobi|Brazil|the U.S.|Lagos|Geneva|northern Italy|Jakarta|Ohio", loc, "|")
	split("said on Tuesday that|told reporters|warned in a statement that|announced|argued that", cue, "|")
	split("the plan would cut costs by 12 percent|talks with officials had stalled|exports rose sharply in March|the deal was worth $4.5 billion|new rules would take effect next year", what, "|")
	while (bytes < mb * 1048576) {
		s = ""
		for (k = 0; k < 4; k++) {
			p = per[int(rand() * 8) + 1]; o = org[int(rand() * 8) + 1]
			l = loc[int(rand() * 8) + 1]
			s = s sprintf("%s of %s %s %s in %s. ", p, o, cue[int(rand() * 5) + 1], what[int(rand() * 5) + 1], l)
		}
		print s; bytes += length(s) + 1
		if (rand() < 0.1) print ""
	}
}' >"$tmp/news.txt"
words=$(wc -w <"$tmp/news.txt")
bytes=$(wc -c <"$tmp/news.txt")
t0=$(date +%s.%N)
"$BIN/tag-entities" --raw "$tmp/news.txt" >"$tmp/out" || exit 1
t1=$(date +%s.%N)
ents=$(awk -F'\t' '$2 == "ent"' "$tmp/out" | wc -l)
awk -v w="$words" -v b="$bytes" -v e="$ents" -v a="$t0" -v z="$t1" 'BEGIN {
	printf "bench-ner: %d words (%.1f MB) in %.2f s: %.0f tokens/s, %.1f MB/s, %d entities\n",
	    w, b / 1048576, z - a, w / (z - a), b / 1048576 / (z - a), e }'
# start-up with the model: 50 runs on empty input
t0=$(date +%s.%N)
i=0
while [ $i -lt 50 ]; do "$BIN/tag-entities" </dev/null >/dev/null; i=$((i + 1)); done
t1=$(date +%s.%N)
awk -v a="$t0" -v z="$t1" 'BEGIN { printf "bench-ner: start and model load %.2f ms per run (process included)\n", (z - a) * 1000 / 50 }'
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f '%M' -o "$tmp/rss" "$BIN/tag-entities" --raw "$tmp/news.txt" >/dev/null
	echo "bench-ner: peak RSS $(cat "$tmp/rss") KB for a $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1048576}') MB single document"
	# the same text as many small documents: memory must not grow with the stream
	awk 'BEGIN { n = 0 } { printf "doc%d\traw\t0\t%d\t_\t%s\n", n++, length($0), $0 }' "$tmp/news.txt" >"$tmp/raw.tsv"
	/usr/bin/time -f '%M' -o "$tmp/rss2" "$BIN/tag-entities" "$tmp/raw.tsv" >/dev/null
	echo "bench-ner: peak RSS $(cat "$tmp/rss2") KB for the same text as $(wc -l <"$tmp/raw.tsv") raw records"
fi
