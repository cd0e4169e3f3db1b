/*
 * ner_tok: the tagger's tokenizer.  The same function cuts the training
 * text and the text being tagged, so the model never sees a split it was
 * not trained on.  Hyphens split (U.S.-China gives U.S. - China), as in the
 * CoNLL files the project trains on.
 */
#include <string.h>

#include "buf.h"
#include "ner.h"
#include "u8.h"

/* Words whose following period belongs to them (titles, company
 * suffixes, months): without it "Mr." would end in a separate "." and look
 * like the end of a sentence to the features. */
static const char *const abbrevs[] = {
	"Adm", "Ave", "Blvd", "Bros", "Capt", "Cmdr", "Co", "Col", "Corp",
	"Dept", "Dr", "Ft", "Gen", "Gov", "Inc", "Jr", "Lt", "Ltd", "Maj",
	"Messrs", "Mr", "Mrs", "Ms", "Mt", "No", "Pres", "Prof", "Rep", "Rev",
	"Sen", "Sgt", "Sr", "St", "Supt", "Univ", "etc", "vs",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
	"Nov", "Dec", NULL
};

static inline int32_t
dec(const char *s, size_t n, size_t i, size_t *len)
{
	if (i >= n) {
		*len = 0;
		return -2;
	}
	if ((unsigned char)s[i] < 0x80) {
		*len = 1;
		return (unsigned char)s[i];
	}
	return u8_decode(s + i, n - i, len);
}

static inline int
isword(int32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9');
	if (c < 0)
		return 0;
	/* letters and digits, and combining marks that belong to them */
	return u8_isalnum(c) || (c >= 0x300 && c <= 0x36f);
}

static int
isapos(int32_t c)
{
	return c == '\'' || c == 0x2019;
}

int
ner_inlist(const char *const *list, const char *s, size_t n)
{
	size_t k, i;

	/* byte by byte, stopping at the first difference: no strlen() of
	 * every word of the list */
	for (k = 0; list[k]; k++) {
		for (i = 0; i < n && list[k][i] == s[i]; i++)
			;
		if (i == n && list[k][n] == '\0')
			return 1;
	}
	return 0;
}

/* Does the word s[0..n) take a following period: an abbreviation, a
 * single capital (an initial), or letters with inner periods (U.S, a.m)? */
static int
takesdot(const char *s, size_t n)
{
	size_t i;

	if (n == 1 && s[0] >= 'A' && s[0] <= 'Z')
		return 1;
	if (memchr(s, '.', n)) {
		for (i = 0; i < n; i++)
			if (s[i] >= '0' && s[i] <= '9')
				return 0;
		return 1;
	}
	return ner_inlist(abbrevs, s, n);
}

static size_t
push(struct ner_tok **v, size_t *cap, size_t k, size_t a, size_t b)
{
	if (k == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[k].start = a;
	(*v)[k].end = b;
	return k + 1;
}

static int
isurl(const char *s, size_t n, size_t i)
{
	return (n - i > 7 && memcmp(s + i, "http://", 7) == 0) ||
	    (n - i > 8 && memcmp(s + i, "https://", 8) == 0) ||
	    (n - i > 4 && memcmp(s + i, "www.", 4) == 0);
}

/* Is s[i..n) only closing marks and space?  A capital letter and period
 * there end a sentence ("Serie A.") rather than make an initial. */
static int
atend(const char *s, size_t n, size_t i)
{
	for (; i < n; i++) {
		/* ” and ’ */
		if (n - i >= 3 && memcmp(s + i, "\xe2\x80", 2) == 0 &&
		    (s[i + 2] == '\x9d' || s[i + 2] == '\x99')) {
			i += 2;
			continue;
		}
		if (s[i] == '\0' || !strchr(" \t\r\n\"')]", s[i]))
			return 0;
	}
	return 1;
}

/* End of a word starting at i (s[i] is a word character). */
static size_t
wordend(const char *s, size_t n, size_t i)
{
	size_t j = i, l, l2, l3, seg = i;
	int32_t c, p = -2, nx, nx2;

	for (;;) {
		c = dec(s, n, j, &l);
		if (c == -2)
			break;
		if (isword(c)) {
			p = c;
			j += l;
			continue;
		}
		nx = dec(s, n, j + l, &l2);
		if (isapos(c) && p >= 0 && u8_isalpha(p) && nx >= 0 &&
		    u8_isalpha(nx)) {
			/* the possessive 's is a token of its own */
			nx2 = dec(s, n, j + l + l2, &l3);
			if ((nx == 's' || nx == 'S') && !isword(nx2))
				break;
			j += l;
			continue;
		}
		if ((c == ',' || c == '.' || c == ':') && p >= '0' &&
		    p <= '9' && nx >= '0' && nx <= '9') {
			j += l;
			continue;
		}
		/* U.S, a.m: single letters joined by periods */
		if (c == '.' && nx >= 0 && u8_isalpha(nx) && p >= 0 &&
		    u8_isalpha(p) && j - seg <= 2) {
			nx2 = dec(s, n, j + l + l2, &l3);
			if (nx2 == '.' || !isword(nx2)) {
				j += l;
				seg = j;
				continue;
			}
		}
		if (c == '&' && p >= 'A' && p <= 'Z' && nx >= 'A' && nx <= 'Z') {
			j += l;
			continue;
		}
		break;
	}
	if (j < n && s[j] == '.' && takesdot(s + i, j - i) &&
	    !(j - i == 1 && atend(s, n, j + 1)))
		j++;
	return j;
}

size_t
ner_tokenize(const char *s, size_t n, struct ner_tok **v, size_t *cap)
{
	size_t i = 0, j, k = 0, l, l2, l3;
	int32_t c, nx, nx2;

	while (i < n) {
		c = dec(s, n, i, &l);
		if (u8_isspace(c)) {
			i += l;
			continue;
		}
		if (isurl(s, n, i)) {
			/* up to a space, a no-break or thin one too */
			for (j = i; j < n && (unsigned char)s[j] > ' ' &&
			    !u8_isspace(dec(s, n, j, &l)); j += l)
				;
			while (j > i + 4 && strchr(".,;:!?)\"'", s[j - 1]))
				j--;
		} else if (isword(c)) {
			j = wordend(s, n, i);
		} else if (c == '.' || c == '-' || c == '*' || c == '=') {
			for (j = i + 1; j < n && s[j] == s[i]; j++)
				;
		} else if (isapos(c)) {
			nx = dec(s, n, i + l, &l2);
			nx2 = dec(s, n, i + l + l2, &l3);
			j = i + l;
			if ((nx == 's' || nx == 'S') && !isword(nx2))
				j += l2;
		} else
			j = i + l;
		k = push(v, cap, k, i, j);
		i = j;
	}
	return k;
}

/*
 * Titles and roles, which CoNLL keeps out of a person's span ("President
 * Obama" is PER "Obama").  Some training sets put them inside; the
 * trainer takes them out and the tagger trims any it still predicts.
 */
static const char *const titles[] = {
	"adm", "admiral", "ambassador", "archbishop", "bishop", "brig",
	"capt", "captain", "cardinal", "ceo", "chairman", "chairwoman",
	"chancellor", "chief", "cmdr", "col", "colonel", "commander", "coach",
	"dame", "dean", "deputy", "det", "detective", "dr", "emperor",
	"empress", "father", "foreign", "former", "gen", "general", "gov",
	"governor", "imam", "inspector", "judge", "justice", "king", "lady",
	"lord", "lt", "maj", "major", "mayor", "minister", "miss", "mr", "mrs",
	"ms", "pastor", "pope", "pres", "president", "prime", "prince",
	"princess", "prof", "professor", "queen", "rabbi", "rep", "rev",
	"reverend", "secretary", "sen", "senator", "sgt", "sergeant", "sheikh",
	"sir", "sister", "speaker", "vice", NULL
};

int
ner_istitle(const char *s, size_t n)
{
	char low[16];
	size_t i, k;

	if (n > 0 && s[n - 1] == '.')
		n--;
	if (n == 0 || n >= sizeof low)
		return 0;
	for (i = 0; i < n; i++) {
		if ((unsigned char)s[i] >= 0x80)
			return 0;
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	}
	low[n] = '\0';
	for (k = 0; titles[k]; k++)
		if (strcmp(titles[k], low) == 0)
			return 1;
	return 0;
}

/* Leading tokens of a PER span tok[0..n) that are a title, as in
 * "Secretary of State", "Prime Minister", "Mr.": how many to drop. */
size_t
ner_titlelen(const char *text, const struct ner_tok *tok, size_t n)
{
	size_t k = 0, last = 0;

	while (k + 1 < n) {
		const char *w = text + tok[k].start;
		size_t len = tok[k].end - tok[k].start;

		if (ner_istitle(w, len) || (last && k == last + 1 &&
		    len == 5 && memcmp(w, "State", 5) == 0))
			last = ++k;
		else if (last && k == last && ((len == 2 &&
		    memcmp(w, "of", 2) == 0) || (len == 3 &&
		    memcmp(w, "the", 3) == 0)))
			k++;
		else
			break;
	}
	return last;
}
