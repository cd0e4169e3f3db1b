#!/bin/sh
# --model loads a model file: the embedded one, written out, tags exactly as
# the built-in copy does; a truncated copy is refused with status 2.
top=$(cd "$(dirname "$0")/../.." && pwd)
m=$top/common/ner.model.bin
[ -r "$m" ] || exit 77
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
printf 'Maria Chen of Norvik Energy met Ravi Patel in Geneva.\nChen said talks would go on.\n' >"$tmp/in.txt"
tag-entities "$tmp/in.txt" >"$tmp/a" || exit 1
tag-entities --model "$m" "$tmp/in.txt" >"$tmp/b" || exit 1
cmp -s "$tmp/a" "$tmp/b" || { echo "model: --model gives other output" >&2; exit 1; }
grep -q "$(printf '\tent\t')" "$tmp/a" || { echo "model: no entities" >&2; exit 1; }
head -c 100000 "$m" >"$tmp/short.bin"
tag-entities --model "$tmp/short.bin" "$tmp/in.txt" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q 'truncated model' "$tmp/err" || { echo "model: truncated model accepted" >&2; exit 1; }
exit 0
