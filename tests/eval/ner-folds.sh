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
: "${BIN:=$(pwd)/bin}" "${NER_EPOCHS:=10}" "${GAZ:=common/ner_gaz.tsv}"
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
for k in 0 1 2 3 4; do
	# shellcheck disable=SC2086
	"$BIN/tag-entities" --train "$tmp/m.bin" --holdout 5 --fold $k \
	    --epochs "$NER_EPOCHS" --bags 1 --gazetteer "$GAZ" "$@" $NER_TRAIN \
	    2>"$tmp/log" || { cat "$tmp/log" >&2; exit 1; }
	grep '^held out' "$tmp/log" | sed 's/.*file://' | tee -a "$tmp/folds" |
	    sed "s/^/ner-folds: fold $k:/"
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
