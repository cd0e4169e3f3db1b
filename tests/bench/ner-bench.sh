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
# CPU seconds (user + sys) as well as wall time: on a shared machine the
# wall time also counts waiting for a core
/usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$BIN/tag-entities" --raw \
    "$tmp/news.txt" >"$tmp/out" || exit 1
ents=$(awk -F'\t' '$2 == "ent"' "$tmp/out" | wc -l)
read -r wall usr sys rss <"$tmp/time"
awk -v w="$words" -v b="$bytes" -v e="$ents" -v wall="$wall" -v cpu="$(echo "$usr $sys" | awk '{print $1 + $2}')" -v rss="$rss" 'BEGIN {
	printf "bench-ner: %d words (%.1f MB), %d entities: %.2f s CPU, %.0f tokens/s (%.1f MB/s) single-thread; wall %.2f s\n",
	    w, b / 1048576, e, cpu, w / cpu, b / 1048576 / cpu, wall
	printf "bench-ner: peak RSS %d KB for this %.1f MB single document\n", rss, b / 1048576 }'
# start-up with the model: 50 runs on empty input
t0=$(date +%s.%N)
i=0
while [ $i -lt 50 ]; do "$BIN/tag-entities" </dev/null >/dev/null; i=$((i + 1)); done
t1=$(date +%s.%N)
awk -v a="$t0" -v z="$t1" 'BEGIN { printf "bench-ner: start with the embedded model %.2f ms per run (process included)\n", (z - a) * 1000 / 50 }'
# the same model read from a file with --model
model=$(dirname "$0")/../../common/ner.model.bin
if [ -r "$model" ]; then
	t0=$(date +%s.%N)
	i=0
	while [ $i -lt 20 ]; do "$BIN/tag-entities" --model "$model" </dev/null >/dev/null; i=$((i + 1)); done
	t1=$(date +%s.%N)
	awk -v a="$t0" -v z="$t1" 'BEGIN { printf "bench-ner: start with --model FILE %.2f ms per run (process included)\n", (z - a) * 1000 / 20 }'
fi
# the same text as many small documents: memory must not grow with the stream
awk '{ printf "doc%d\traw\t0\t%d\t_\t%s\n", NR, length($0), $0 }' "$tmp/news.txt" >"$tmp/raw.tsv"
/usr/bin/time -f '%M' -o "$tmp/rss2" "$BIN/tag-entities" "$tmp/raw.tsv" >"$tmp/out2" || exit 1
echo "bench-ner: peak RSS $(cat "$tmp/rss2") KB for the same text as $(wc -l <"$tmp/raw.tsv") raw records ($(awk -F'\t' '$2 == "ent"' "$tmp/out2" | wc -l) entities)"
