/*
 * embed: data files linked into a binary as they are (rules, the model),
 * so that there is no install-time data path to get wrong.
 *
 *   EMBED(sbd_rules, "common/sbd.yaml");
 *
 * defines const char sbd_rules[] and size_t sbd_rules_len.  The path is
 * relative to the directory the compiler runs in (the top of the tree, as
 * the Makefile does it), and the object must depend on the file there.
 * The data is followed by a NUL byte that sbd_rules_len does not count.
 */
#ifndef EMBED_H
#define EMBED(sym, path)						\
	__asm__(".section .rodata\n"					\
	    ".balign 16\n"						\
	    ".global " #sym "\n"					\
	    #sym ":\n"							\
	    ".incbin \"" path "\"\n"					\
	    #sym "_end:\n"						\
	    ".byte 0\n"							\
	    ".balign 8\n"						\
	    ".global " #sym "_len\n"					\
	    #sym "_len:\n"						\
	    ".quad " #sym "_end - " #sym "\n"				\
	    ".previous\n");						\
	extern const char sym[];					\
	extern const size_t sym##_len

#endif
