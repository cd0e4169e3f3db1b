#!/bin/sh
# Cross-validation on the training files only, for choosing between
# variants of the tagger (features, weights, epochs, --caps) without
# looking at any test set: trains one model per fold with --holdout 5
# --fold K (K = 0..4, so every training document is held out once) and
# prints the mean held-out F1 per file, over the fully annotated files,
# per type there, and on the held-out text recased.  Extra arguments go to
# --train before the files (e.g. --caps 16); NER_TRAIN and NER_EPOCHS come
# from common/ner.mk.  One bag per fold: differences under about one point
# are within the noise of the folds.
#
# With python3 and $SHARED/eval, each fold's model then tags its held-out
# documents as tag-entities does (a file's held-out documents as one raw
# document, one sentence per line, through adapt.py ner, as eval-ner tags
# the report sets), so that what the tagger does after decoding (names
# spread through the document, particles, titles) is measured too; the
# last line gives conlleval F1 per file (PER, ORG and LOC only where a
# file's ":TYPES" says so), over all files (all four types, as the
# trainer's "all") and over the fully annotated files, pooled over the
# folds.
#
# NER_FOLDS_KEEP=DIR keeps each fold's model, log and held-out documents
# in DIR and reuses them when they are there: a change to what ner_tag()
# does after decoding is then measured on the same fold models without
# training them again.  Use one DIR per training setup and seed, and
# never for a change to the features or the trainer.
: "${BIN:=$(pwd)/bin}" "${NER_EPOCHS:=10}" "${GAZ:=common/ner_gaz.tsv}"
: "${SHARED:=../shared}"
if [ -z "$NER_TRAIN" ]; then
	echo "ner-folds: NER_TRAIN not set (run it as make eval-ner-folds)" >&2
	exit 2
fi
for f in $NER_TRAIN; do
	if [ ! -r "${f%%[:@]*}" ]; then
		echo "ner-folds: ${f%%[:@]*} missing, skipped"
		exit 0
	fi
done
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
tagged=
if command -v python3 >/dev/null && [ -r "$SHARED/eval/adapt.py" ]; then
	tagged=1
fi
nfiles=$(echo $NER_TRAIN | wc -w)
for k in 0 1 2 3 4; do
	keep=${NER_FOLDS_KEEP:+$NER_FOLDS_KEEP/fold$k}
	if [ -n "$keep" ] && [ -s "$keep.bin" ] && [ -s "$keep.log" ] &&
	    { [ -z "$tagged" ] || [ -s "$keep.dump" ]; }; then
		cp "$keep.bin" "$tmp/m.bin" && cp "$keep.log" "$tmp/log" &&
		    { [ -z "$tagged" ] || cp "$keep.dump" "$tmp/dump"; } ||
		    exit 1
	else
		# shellcheck disable=SC2086
		"$BIN/tag-entities" --train "$tmp/m.bin" --holdout 5 \
		    --fold $k --epochs "$NER_EPOCHS" --bags 1 \
		    --gazetteer "$GAZ" ${tagged:+--dump-holdout "$tmp/dump"} \
		    "$@" $NER_TRAIN 2>"$tmp/log" ||
		    { cat "$tmp/log" >&2; exit 1; }
		if [ -n "$keep" ]; then
			mkdir -p "$NER_FOLDS_KEEP" &&
			    cp "$tmp/m.bin" "$keep.bin" &&
			    cp "$tmp/log" "$keep.log" &&
			    { [ -z "$tagged" ] || cp "$tmp/dump" "$keep.dump"; } ||
			    exit 1
		fi
	fi
	grep '^held out' "$tmp/log" | sed 's/.*file://' | tee -a "$tmp/folds" |
	    sed "s/^/ner-folds: fold $k:/"
	[ -n "$tagged" ] || continue
	# the dump's documents by file (-DOCSTART- gives its index), gold
	# column only
	awk -v d="$tmp/g" '
	$1 == "-DOCSTART-" { f = d "." $4; print "-DOCSTART-\tO" > f; next }
	NF == 0 { print "" > f; next }
	{ print $1 "\t" $2 > f }' "$tmp/dump"
	i=0
	while [ $i -lt "$nfiles" ]; do
		if [ -s "$tmp/g.$i" ]; then
			python3 "$SHARED/eval/adapt.py" ner "$tmp/g.$i" \
			    "$BIN/tag-entities" --model "$tmp/m.bin" \
			    >"$tmp/p" || exit 1
			cat "$tmp/g.$i" >>"$tmp/G.$i"
			cat "$tmp/p" >>"$tmp/P.$i"
			rm -f "$tmp/g.$i"
		fi
		i=$((i + 1))
	done
done
awk -v files="$NER_TRAIN" '
{
	for (i = 1; i <= NF; i++)
		if ($i ~ /^[0-9.]+$/)
			s[i] += $i
	if (NF > n)
		n = NF
	last = $0
	rows++
}
END {
	nf = split(files, f, " ")
	printf "ner-folds: mean of %d folds:", rows
	for (i = 1; i <= nf; i++) {
		sub(/.*\/data\/ner\//, "", f[i])
		printf " %s %.2f", f[i], s[i] / rows
	}
	split(last, w, " ")
	for (i = nf + 1; i <= n; i++)
		printf " %s", (w[i] ~ /^[0-9.]+$/) ? sprintf("%.2f", s[i] / rows) : w[i]
	printf "\n"
}' "$tmp/folds"
[ -n "$tagged" ] || exit 0
f1() {
	python3 "$SHARED/eval/conlleval.py" "$@" |
	    sed -n 's/.*FB1: *\([0-9.]*\).*/\1/p' | head -1
}
line="ner-folds: tagged, pooled over the folds:"
i=0
: >"$tmp/GF"
: >"$tmp/PF"
for f in $NER_TRAIN; do
	types=
	case $f in
	*:*)	types=--types=${f##*:}; types=${types%%@*} ;;
	*)	cat "$tmp/G.$i" >>"$tmp/GF"; cat "$tmp/P.$i" >>"$tmp/PF" ;;
	esac
	name=${f##*/data/ner/}
	line="$line ${name%%:*} $(f1 "$tmp/G.$i" "$tmp/P.$i" $types)"
	cat "$tmp/G.$i" >>"$tmp/GA"
	cat "$tmp/P.$i" >>"$tmp/PA"
	i=$((i + 1))
done
echo "$line all $(f1 "$tmp/GA" "$tmp/PA") fully annotated $(f1 "$tmp/GF" "$tmp/PF")"
