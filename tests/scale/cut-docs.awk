# cut-docs.awk: cut a record stream at document boundaries into k chunks.
#
#   awk -v k=3 -v seed=1 -v out=DIR/chunk -f cut-docs.awk STREAM STREAM
#
# (the stream is named twice: the first pass counts documents.)  Writes
# out.001, out.002 ...: k files (fewer when there are fewer documents), each
# a run of whole documents, at cut points drawn with a seeded generator.  A
# document starts at a doc or raw record and where DOC changes, as in
# newsutils(7).  Prints the chunk file names.

function rnd(m) {
	st = (st * 48271) % 2147483647
	return int(st / 2147483647 * m)
}
function start(    f) {
	f = $1 != prevdoc || $2 == "doc" || $2 == "raw"
	prevdoc = $1
	return f
}
BEGIN { FS = "\t"; st = (seed * 7919 + 1) % 2147483647; if (st <= 0) st = 1 }
FNR == 1 { pass++; prevdoc = "\001" }
pass == 1 { if (start()) nd++; next }
FNR == 1 {
	# Knuth's selection sampling: k - 1 cuts among documents 2..nd.
	need = (k < nd ? k : nd) - 1
	for (j = 2; j <= nd; j++)
		if (rnd(nd - j + 1) < need) { cut[j] = 1; need-- }
	d = 0; c = 0
}
{
	if (start() && (++d == 1 || cut[d])) {
		if (c) close(name)
		name = sprintf("%s.%03d", out, ++c)
		print name
	}
	print > name
}
