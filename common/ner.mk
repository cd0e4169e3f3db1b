# tag-entities' model: `make model` retrains common/ner.model.bin from the
# open training sets in $(SHARED) (and nothing else: dev and test files are
# for tests/eval/ner-eval.sh only).  A file name's ":TYPES" says which types
# that set annotates, so its untagged tokens are not taken as evidence
# against the others (BTC has no MISC; WNUT-17 and GUM mark only some).
NER_DATA = $(SHARED)/data/ner
NER_TRAIN = \
	$(NER_DATA)/wikigold/train.conll \
	$(NER_DATA)/wnut17/train.conll:PER,ORG,LOC \
	$(NER_DATA)/btc/train.conll:PER,ORG,LOC \
	$(NER_DATA)/gum_ne/train_open.conll:PER,ORG,LOC \
	$(NER_DATA)/synthetic/synthetic.jsonl
NER_EPOCHS = 6

model: $(O)/bin/tag-entities
	$(O)/bin/tag-entities --train common/ner.model.new \
	    --epochs $(NER_EPOCHS) --gazetteer common/ner_gaz.tsv $(NER_TRAIN)
	mv common/ner.model.new common/ner.model.bin

EVAL += eval-ner
eval-ner: all
	@SHARED=$(SHARED) BIN=$(CURDIR)/$(O)/bin sh tests/eval/ner-eval.sh

BENCH += bench-ner
bench-ner: all
	@BIN=$(CURDIR)/$(O)/bin sh tests/bench/ner-bench.sh

CLEAN += common/ner.model.new
