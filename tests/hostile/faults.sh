#!/bin/sh
# Faults around the data: output to a full disk (/dev/full) ends with
# status 1 and a message; an operand that cannot be read (missing, a
# directory, no permission) is reported by name while the others are still
# processed, and the run ends with status 1; a closed pipe (tool | head -1)
# ends the tool quietly: no message on stderr.
. "$(dirname "$0")/common.inc"

LC_ALL=C
export LC_ALL
cd "$t" || exit 2

printf 'Harbor council votes.\nThe council met on Tuesday. Mr. Lee said \342\200\234yes.\342\200\235\n' >good.txt
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "Line %d of a long article, said Ann Lee in Paris.\n", i }' >big.txt

for tool in $(tools); do
	if [ -w /dev/full ]; then
		n=full-$tool
		timeout "$HOSTILE_TIMEOUT" "$tool" big.txt >/dev/full 2>"$t/$n.err"
		st=$?
		runs=$((runs + 1))
		expect_status "$n" 1
		expect_err "$n" "^$tool: .*No space left on device"
	fi

	n=unreadable-$tool
	mkdir -p adir
	run_tool "$n" "$tool" missing.txt good.txt adir good.txt
	expect_status "$n" 1
	expect_err "$n" "^$tool: missing.txt: No such file or directory"
	expect_err "$n" "^$tool: adir: Is a directory"
	got=$(awk -F'\t' '$2 == "doc" && $1 == "good.txt"' "$t/$n.out" | wc -l)
	[ "$got" -eq 2 ] || fail "$n: good.txt came out $got times, not twice"

	if [ "$(id -u)" -ne 0 ]; then	# root reads anything
		n=noperm-$tool
		cp good.txt locked.txt
		chmod 000 locked.txt
		run_tool "$n" "$tool" locked.txt good.txt
		expect_status "$n" 1
		expect_err "$n" "^$tool: locked.txt: Permission denied"
		rm -f locked.txt
	fi

	n=pipe-$tool
	{ timeout "$HOSTILE_TIMEOUT" "$tool" big.txt 2>"$t/$n.err"; echo $? >"$t/$n.st"; } | head -1 >/dev/null
	st=$(cat "$t/$n.st")
	runs=$((runs + 1))
	# SIGPIPE (141), or 0 when the output fit in the pipe before head left
	[ "$st" -eq 141 ] || [ "$st" -eq 0 ] ||
		fail "$n: status $st after a closed pipe"
	expect_quiet "$n"
done
finish
