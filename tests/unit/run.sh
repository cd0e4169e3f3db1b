#!/bin/sh
# Run each C unit test program given; print a closing total.
pass=0 fail=0
for t in "$@"; do
	if out=$("$t" 2>&1); then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		printf 'FAIL %s\n%s\n' "$t" "$out"
	fi
done
echo "unit: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
