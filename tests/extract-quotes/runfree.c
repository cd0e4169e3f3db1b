/*
 * qt_run_free() leaves qt_run() able to start again: run every document
 * of a stream, freeing in between, and the output is that of one run.
 * Built and run by runfree.sh.
 */
#include <stdio.h>

#include "doc.h"
#include "out.h"
#include "qt.h"

int
main(int argc, char **argv)
{
	struct qt_rules *r;
	struct reader *rd;
	struct doc d;
	struct out o;

	if (argc != 2 || (rd = rd_open(argv[1], RD_AUTO)) == NULL)
		return 2;
	r = qt_rules_new(qt_default_cfg());
	out_init(&o, OUT_TSV, 0, NULL);
	while (rd_next(rd, &d) == 1) {
		out_doc(&o, d.name, d.namelen);
		qt_run(r, QT_ALLFORMS, &d, &o);
		qt_run_free();
		qt_run_free();		/* twice is harmless too */
	}
	rd_close(rd);
	out_close(&o);
	qt_rules_free(r);
	return 0;
}
