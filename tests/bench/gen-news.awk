# gen-news.awk: synthetic news articles, deterministic from a seed.
#
#   LC_ALL=C awk -v seed=1 -v n=100 -v dir=DIR -f tests/bench/gen-news.awk
#   LC_ALL=C awk -v seed=1 -v bytes=100000000 -v dir=DIR -f tests/bench/gen-news.awk
#
# Writes DIR/000001.txt ... (one article each, a paragraph per line) until
# n articles or at least `bytes' bytes exist, and prints the file names, one
# a line, on standard output (for pack-docs --from-list).  hostile=1 also
# mixes in what scrapers produce and the record format must survive: CRLF,
# TABs, backslashes, invalid UTF-8, control bytes, empty and blank-only
# files, a first line that looks like a record, unbalanced quote marks.
# utf8=0 leaves out invalid UTF-8 (a JSON dump cannot hold it; NUL and
# control bytes it can, escaped).
#
# The text is made up here: headlines, datelines, bylines, quotes in every
# form extract-quotes knows, reported speech, abbreviations, numbers,
# initials, names and the boilerplate strip-boilerplate removes.  Any
# resemblance to real people or firms is chance.  The random numbers are our
# own (Park-Miller), not awk's rand(), so mawk and gawk give the same bytes.
# Run it under LC_ALL=C: the UTF-8 in the strings is copied byte for byte.

function rnd(k) {			# uniform integer in [0, k)
	st = (st * 48271) % 2147483647
	return int(st / 2147483647 * k)
}
function chance(p) { return rnd(1000) < p * 1000 }
function pick(list,    a, k) { k = split(list, a, "|"); return a[rnd(k) + 1] }

# One person of the article's cast: first and last name, pronoun, title,
# role and organisation; the first mention is the full name, later ones a
# surname, an honorific or a pronoun.
function newperson(i,    g) {
	g = rnd(2)
	pfirst[i] = g ? pick(FEMALE) : pick(MALE)
	plast[i] = pick(SURNAMES)
	if (chance(0.08)) pfirst[i] = substr(pfirst[i], 1, 1) "." pick("A|B|C|D|J|K|M|R|T|W") "."
	else if (chance(0.1)) pfirst[i] = pfirst[i] " " pick("A|B|C|D|J|K|M|R|T|W") "."
	phe[i] = g ? "she" : "he"
	phon[i] = g ? pick("Ms.|Dr.|Sen.|Gov.|Prof.") : pick("Mr.|Dr.|Sen.|Gov.|Gen.|Rep.")
	prole[i] = pick(ROLES) " " pick(ORGS)
	pseen[i] = 0
}
function who(i) {			# a mention of person i as a subject
	if (!pseen[i]) { pseen[i] = 1; last = i; return pfirst[i] " " plast[i] }
	if (last == i && chance(0.5)) return phe[i]
	last = i
	return chance(0.5) ? plast[i] : phon[i] " " plast[i]
}
function Who(i,    s) { s = who(i); return toupper(substr(s, 1, 1)) substr(s, 2) }
function someone() { return rnd(ncast) + 1 }

# Fill {X} slots in a template.
function fill(t,    out, i, j, key, v) {
	out = ""
	while ((i = index(t, "{")) > 0) {
		j = index(substr(t, i), "}")
		key = substr(t, i + 1, j - 2)
		out = out substr(t, 1, i - 1)
		t = substr(t, i + j)
		if (key == "city") v = city
		else if (key == "country") v = pick(COUNTRIES)
		else if (key == "org") v = pick(ORGS)
		else if (key == "co") v = pick(COMPANIES)
		else if (key == "topic") v = topic
		else if (key == "day") v = pick(DAYS)
		else if (key == "mon") v = pick(MONTHS)
		else if (key == "d") v = rnd(28) + 1
		else if (key == "year") v = 1990 + rnd(36)
		else if (key == "n") v = rnd(900) + 12
		else if (key == "k") v = (rnd(9) + 1) "," (100 + rnd(900))
		else if (key == "pct") v = rnd(12) "." rnd(10)
		else if (key == "amt") v = (rnd(40) + 1) "." rnd(10)
		else if (key == "time") v = (rnd(11) + 1) ":" pick("00|15|30|45")
		else if (key == "clause") v = fill(pick(CLAUSES))
		else if (key == "q") v = fill(pick(QUOTES))
		else if (key == "frag") v = pick(FRAGS)
		else if (key == "cue") v = pick(CUES)
		else if (key == "who") v = who(someone())
		else if (key == "Who") v = Who(someone())
		else if (key == "full") v = pick(MALE "|" FEMALE) " " pick(SURNAMES)
		else if (key == "paper") v = paper
		else v = "{" key "}"
		if (v ~ /\.$/ && substr(t, 1, 1) == ".")	# "the U.S." ends a sentence
			t = substr(t, 2)
		out = out v
	}
	return out t
}

function sentence(    p, w, s) {
	p = someone()
	w = rnd(100)
	if (w < 45) return fill(pick(FACTS))
	if (w < 55) return dot(Who(p) " " pick(CUES) " on " pick(DAYS) " that " fill(pick(CLAUSES)))
	if (w < 62) return dot("According to " who(p) ", " fill(pick(CLAUSES)))
	if (w < 67) return dot(ucfirst(fill(pick(CLAUSES))) ", according to " pick(ORGS))
	if (w < 77) return Who(p) " called the " pick("plan|proposal|ruling|deal|report") " " lq pick(FRAGS) "." rq
	if (w < 82) return "Critics have dismissed the so-called " lq pick(SCARE) rq " approach as " pick("naive|unworkable|a distraction|too costly") "."
	if (w < 86) return "The documentary " lq pick(TITLES) rq " is due to air on " pick(DAYS) "."
	if (w < 91) return lq pick(QUESTIONS) "?" rq " " who(p) " asked."
	s = Who(p)
	if (s ~ /^(He|She)$/) s = plast[p]
	return s ", " prole[p] ", " pick(CUES) " the " topic " was " pick("far from over|a test for the government|likely to drag on|a warning sign") "."
}
function ucfirst(s) { return toupper(substr(s, 1, 1)) substr(s, 2) }
function dot(s) { return s ~ /\.$/ ? s : s "." }	# "... Inc." ends a sentence

# A paragraph of reported facts, or one of the quote shapes of news.
function paragraph(    p, w, s, k, i, t, prev) {
	p = someone()
	w = rnd(100)
	if (w < 40) {
		s = prev = sentence(); k = rnd(3)
		for (i = 0; i < k; i++) {
			while ((t = sentence()) == prev)	# no sentence twice in a row
				;
			s = s " " (prev = t)
		}
		return s
	}
	if (w < 52) return lq fill(pick(QUOTES)) "," rq " " who(p) " said."
	if (w < 60) { s = who(p); return lq fill(pick(QUOTES)) "," rq " said " s ", " dot(prole[p]) }
	if (w < 66) return Who(p) " said: " lq fill(pick(QUOTES)) "." rq
	if (w < 74) return lq fill(pick(QUOTES)) "," rq " " who(p) " said. " lq fill(pick(QUOTES)) "." rq
	if (w < 80) {		# interrupted by its attribution
		s = lq fill(pick(QUOTES)) "," rq " " who(p) " " pick("said|added|told reporters") ", "
		k = fill(pick(QUOTES))
		return s lq tolower(substr(k, 1, 1)) substr(k, 2) "." rq
	}
	if (w < 84) return lq "He told me, " lsq fill(pick(QUOTES)) "," rsq " and then he left," rq " " who(p) " said."
	if (w < 88) {		# a quote over three paragraphs: no closing mark until the end
		s = lq fill(pick(QUOTES)) "," rq " " who(p) " said. " lq fill(pick(QUOTES)) "."
		s = s "\n" lq fill(pick(QUOTES)) ". " fill(pick(QUOTES)) "."
		return s "\n" lq fill(pick(QUOTES)) "." rq
	}
	if (w < 92) return "\"" fill(pick(QUOTES)) ",\" " who(p) " said."
	if (w < 96) return sentence() " Still, " who(p) " said the outcome was " lq pick(FRAGS) rq " and urged patience..."
	return Who(p) " did not respond to a request for comment. " sentence()
}

function headline(    h) {
	h = pick(HEADS)
	gsub(/\{city\}/, city, h); gsub(/\{topic\}/, Topic, h)
	return h
}
function boiler(    w) {
	w = rnd(8)
	if (w == 0) return "Advertisement"
	if (w == 1) return "Share this article"
	if (w == 2) return "Sign up for the " paper " morning newsletter to get the day's top stories in your inbox."
	if (w == 3) return "Related: " headline()
	if (w == 4) return "A view of the harbor in " city " on " pick(DAYS) ". (AP Photo/" fill("{full}") ")"
	if (w == 5) return "Story continues below advertisement"
	if (w == 6) return "Read more: " headline()
	return "Share on Facebook Share on X Email"
}
function footer(    w) {
	w = rnd(4)
	if (w == 0) return "Copyright " (2020 + rnd(7)) " " paper ". All rights reserved. This article may not be reproduced or redistributed without written permission."
	if (w == 1) return "© " (2020 + rnd(7)) " " paper ". All Rights Reserved."
	if (w == 2) return "Reporting by " fill("{full}") " in " city "; Additional reporting by " fill("{full}") "; Editing by " fill("{full}")
	return fill("{full}") " is a staff writer covering " pick(TOPICS) " for " paper "."
}

function article(    s, k, i, eol, sep, agency) {
	city = pick(CITIES); topic = pick(TOPICS); paper = pick(PAPERS)
	Topic = topic; gsub(/ a /, " A ", Topic)
	Topic = ucwords(Topic)
	ncast = rnd(3) + 2
	for (i = 1; i <= ncast; i++) newperson(i)
	last = 0
	sep = chance(0.5) ? "\n" : ""		# blank lines between paragraphs, or not
	s = headline() "\n" sep
	if (chance(0.4)) s = s "By " fill("{full}") (chance(0.3) ? " and " fill("{full}") : "") "\n" sep
	agency = pick("Reuters|AP|AFP|Ledger Wire|")
	s = s toupper(city) (agency != "" ? " (" agency ")" : "") " " pick("-|—|--") " " paragraph() "\n" sep
	k = rnd(14) + 5
	for (i = 0; i < k; i++) {
		if (chance(0.12)) s = s boiler() "\n" sep
		if (chance(0.04)) s = s "{mosads}" paragraph() "{/mosads}\n" sep
		else s = s paragraph() "\n" sep
	}
	if (chance(0.15)) s = s "Correction: An earlier version of this story gave the wrong date for the " pick("vote|hearing|meeting") ".\n" sep
	k = rnd(3)
	for (i = 0; i < k; i++) s = s footer() "\n" sep
	if (hostile) s = hostilize(s)
	if (chance(0.1)) sub(/\n+$/, "", s)	# last line without LF
	return s
}
function ucwords(s,    a, k, i, o) {
	k = split(s, a, " "); o = ""
	for (i = 1; i <= k; i++) o = o (i > 1 ? " " : "") ((a[i] ~ /^(of|in|and|the|for|a)$/ && i > 1) ? a[i] : ucfirst(a[i]))
	return o
}

# What scrapers get wrong, for the robustness of the property test.
function hostilize(s,    w) {
	w = rnd(20)
	if (w == 0) { gsub(/\n/, "\r\n", s); return s }
	if (w == 1) return ""
	if (w == 2) return " \n\t\n\n"
	if (w == 3) return "x\traw\t0\t9\t_\tnot a record really\n" s
	if (w == 4) { sub(/ /, "\t", s); sub(/ /, " C:\\path\\to\\file ", s); return s }
	if (w == 5) { sub(/ /, sprintf(" %c%c ", 1, 127), s); return s }
	if (w == 6) { sub(/ /, sprintf(" %c ", 0), s); return s }
	if (w == 10 && utf8) { sub(/ /, sprintf(" %c%c ", 255, 192), s); return s }
	if (w == 7) { sub(/ /, " " lq lq lq " ", s); return s }
	if (w == 8) { gsub(/\n/, " \r", s); return s }	# one long line of lone CRs
	if (w == 9) return "\357\273\277" s		# byte-order mark
	return s
}

BEGIN {
	if (seed == "") seed = 1
	if (utf8 == "") utf8 = 1
	st = (seed * 7919 + 104729) % 2147483647
	if (st <= 0) st += 2147483646
	if (dir == "") { print "usage: awk -v dir=DIR [-v seed=S] [-v n=N | -v bytes=B] [-v hostile=1] -f gen-news.awk" > "/dev/stderr"; exit 2 }
	if (n == "" && bytes == "") n = 100
	lq = "“"; rq = "”"; lsq = "‘"; rsq = "’"

	MALE = "James|David|Ahmed|Carlos|Hiroshi|Peter|Samuel|Viktor|Rajesh|Tomasz|Kwame|Luis|Daniel|Omar|Stefan|Michael"
	FEMALE = "Maria|Aisha|Elena|Grace|Mei|Sarah|Fatima|Ingrid|Priya|Lucy|Amara|Sofia|Hannah|Leila|Chloe|Yuki"
	SURNAMES = "Okafor|Lindqvist|Moreno|Tanaka|Brennan|Haddad|Kowalski|Nguyen|O’Brien|van der Berg|Fitzgerald|Abara|Castellano|Whitfield|Rahman|Dubois|McAllister|Da Silva|Petrov|Achterberg|bin Salleh|Ferreira|Hollis|Mensah"
	ROLES = "a spokeswoman for|a spokesman for|the chief executive of|a senior analyst at|the director of|a researcher at|the chairman of|a lawyer representing|an economist at|a board member of"
	ORGS = "the Ministry of Trade|the Northgate Institute|Meridian Holdings Inc.|the U.N. Security Council|the E.U. Commission|the World Bank|Harbor Freight Lines Corp.|the Port Authority|the Central Statistics Office|Brightwater Energy Ltd.|the National Farmers Union|the city council|Ostrava Rail Co.|the Supreme Court"
	COMPANIES = "Meridian Holdings|Brightwater Energy|Harbor Freight Lines|Kestrel Semiconductor|Lumen Foods|Ostrava Rail|Tidewater Bank|Quillon Pharma"
	CITIES = "Lagos|Oslo|Seattle|Nairobi|Lima|Osaka|Manila|Geneva|Ottawa|Karachi|Valparaiso|Gdansk|Accra|Brisbane|St. Louis|Porto"
	COUNTRIES = "the U.S.|the U.K.|Brazil|Kenya|Japan|Germany|India|Canada|Chile|Poland|Ghana|Australia|Portugal|Vietnam"
	TOPICS = "port strike|wildfire season|rate decision|transit project|election recount|vaccine rollout|drought|chip plant|housing plan|fishing dispute|pension reform|data breach"
	PAPERS = "The Daily Ledger|Northline Media|Harbor Press Group|The Evening Courier|Coastal News Service"
	DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
	MONTHS = "Jan.|Feb.|March|April|May|June|July|Aug.|Sept.|Oct.|Nov.|Dec."
	CUES = "said|told reporters|argued|warned|insisted|acknowledged|noted|wrote|added|claimed"
	HEADS = "{topic} Enters Third Day as Talks Stall in {city}|Officials in {city} Weigh Next Steps on {topic}|What the {topic} Means for Commuters|{city} Braces for Fallout From {topic}|Lawmakers Clash Over {topic} Costs|The {topic}, Explained|‘We Are Not Done’: {city} Leaders Vow to Press On|Inside the Fight Over the {topic} in {city}"
	FACTS = "The {topic} has drawn criticism from officials in {country} and {country}.|Shares of {co} fell {pct} percent to ${amt} in early trading on {day}.|The announcement came at about {time} a.m. local time, after talks that ran past midnight.|Officials expect the first results by {mon} {d}, though some analysts, e.g. those at {org}, think that is optimistic.|About {k} people were affected, according to figures released on {day}.|The plan, first proposed in {mon} {year}, would cost roughly ${amt} billion over {n} days.|It was the third such incident in {city} since {year}.|The company, founded by J.R. Hollis in {year}, employs about {k} people in the U.S. and the U.K.|Version {pct} of the software, released at {time} p.m. on {day}, fixed the flaw.|The council voted 7 vs. 5 to delay the measure, with one abstention.|Lawmakers from the U.S. Senate are expected to visit {city} next week.|The measure would also tighten rules for imports from the U.S. It would take effect on {mon} {d}.|Traffic on Route No. {d} was backed up for miles, i.e. well past the city limits.|Prices rose {pct} percent in {mon}, the fastest pace since {year}.|Details were posted at www.northline-news.example/reports and sent to subscribers.|Readers with information can write to tips@dailyledger.example.|The report runs to {n} pages... and most of it is tables.|Dr. {full} of {org} led the review, which began on {mon} {d}.|Ships, trucks, rail cars etc. were all held at the border.|Gov. {full} has not said whether the state will appeal.|The river rose {amt} meters overnight, the highest level in {d} years.|Under the deal, {co} Inc. will pay ${amt} million to settle the claims.|The talks in {city} ended without a joint statement.|Residents said the water reached the second floor of some homes by 4 p.m. Many were rescued by boat.|Turnout was {pct} percent, down from {amt} percent four years ago.|The hearing, set for 10 a.m. on {day}, was moved to the afternoon.|Neither side would say how much the settlement was worth.|The agency said it had received more than {k} complaints since {mon} {d}.|A second round of talks is planned for early {mon}, officials said.|Schools in three districts were closed on {day} as a precaution.|The proposal still needs approval from the E.U. and from regulators in the U.K.|Mr. and Mrs. {full} were among the first to return to their home.|Analysts at {org} cut their forecast for the year to {pct} percent.|The new line will carry about {k} passengers a day when it opens in {year}.|St. Mary’s Hospital said {n} people had been treated, most for minor injuries.|Officials declined to say whether the U.S. had been consulted.|A judge in {city} ordered both parties to return to court on {mon} {d}.|Exports to {country} fell for the {d}th month in a row."
	CLAUSES = "the talks had made real progress|prices would keep rising through the winter|no decision had been made about the {topic}|the company would cut about {n} jobs|the project was on schedule and within budget|the government had underestimated the cost of the {topic}|more inspectors would be sent to {city}|the figures were preliminary and could change|officials had been warned about the risk in {year}|the vote in {city} would go ahead as planned|the agreement would be signed before the end of {mon}|the cuts would fall hardest on small towns|a full report would be published within {d} days|the ministry had acted within the law|talks with the unions would resume on {day}"
	QUOTES = "We are not going to walk away from this table until there is a deal|Nobody expected the water to rise this fast|This is a good day for the people of {city}|I have said it before and I will say it again: the numbers do not lie|We need more time, and frankly we need more money|The families here deserve answers, not another committee|I don’t think anyone in {city} has seen a winter like this one|Our people have worked around the clock since {day}|There is no quick fix for a problem that took 20 years to build|We will look at every option, including going to court|It is too early to say what went wrong|If the rules had been followed, none of this would have happened|Every single household on this street has lost something|We were told the money was there, and it was not|I am proud of what the crew did under very hard conditions|Let me be clear: we did not sign anything|People are tired, they are angry, and they have every right to be|What we need now is a plan that lasts longer than one winter|The decision was made by the board, not by me|We have asked for the records three times and heard nothing back"
	FRAGS = "a step backward|deeply troubling|long overdue|a reasonable first step|unacceptable|the best of a bad set of options|a turning point|not worth the paper it is written on|a failure of leadership|cautiously optimistic|a matter of weeks"
	SCARE = "smart|green|fast-track|zero-tolerance|open door"
	TITLES = "Blue Ferry|The Long Winter|Salt and Iron|Harbor Lights"
	QUESTIONS = "Why now|Who is going to pay for it|What happens to the workers|Where was the oversight"

	bytes += 0; n += 0
	total = 0
	for (a = 1; (n > 0 && a <= n) || (n == 0 && total < bytes); a++) {
		f = sprintf("%s/%06d.txt", dir, a)
		s = article()
		printf "%s", s > f
		close(f)
		total += length(s)
		print f
	}
}
