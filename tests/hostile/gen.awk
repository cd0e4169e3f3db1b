# gen.awk: the large inputs of the hostile tests (tests/hostile/big.sh) and
# of make bench-hostile, made the same way by both.
#
#   awk -v what=line -v n=BYTES -f gen.awk >line.txt
#	one line of news prose (abbreviations, quotes, numbers), no LF inside
#   awk -v what=tiny -v n=BYTES [-v count=FILE] -f gen.awk >tiny.tsv
#	tiny documents, one raw record each, every fifth with two lines;
#	count= gets the number of documents
# Run it under LC_ALL=C: the UTF-8 in the strings is copied byte for byte.
BEGIN {
	if (what == "line")
		line()
	else if (what == "tiny")
		tiny()
	else {
		print "gen.awk: what=line or what=tiny" > "/dev/stderr"
		exit 2
	}
}

function line(	s, i, x, len) {
	s[0] = "The council met on Tuesday in Portland, Maine. "
	s[1] = "Mr. Lee said the U.S. plan would cost $14.5 million by Sept. 2027. "
	s[2] = "\342\200\234We will not wait,\342\200\235 said Sen. Ann Kline of the E.U. delegation. "
	s[3] = "Shares of Acme Corp. rose 2.1% to $38.40 at 3 p.m. on Jan. 3... "
	s[4] = "Critics, led by Dr. J.R. Smith, called it \342\200\234a half-built pier.\342\200\235 "
	while (len < n) { x = s[i++ % 5]; printf "%s", x; len += length(x) }
}

function tiny(	i, t, u, l, len) {
	while (len < n) {
		i++
		t = (i % 5 == 0) ? "Title " i "\\nMr. Lee said \342\200\234yes.\342\200\235" : "Item " i " rose 2%."
		u = t; gsub(/\\n/, "\n", u)
		l = sprintf("doc%d\traw\t0\t%d\t_\t%s\n", i, length(u), t)
		printf "%s", l
		len += length(l)
	}
	if (count != "")
		print i > count
}
