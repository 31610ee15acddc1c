# Self-documenting: `make help` lists every target with the line above it.
# Every target builds the virtual environment first if it is missing or out of date.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STATEMENT ?= $(wildcard seeds/*.txt)
# JupyterLab refuses to start as root unless told; a container or a locked-down machine often runs as root
LAB_FLAGS := $(if $(filter 0,$(shell id -u)),--allow-root,)

.DEFAULT_GOAL := help
.PHONY: help report test lab notebooks compare bench validate clean

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m compileall -q lib  # bytecode for lib/ too, even where PYTHONDONTWRITEBYTECODE is set
	touch $@

## Build the environment (first time only) and write the report for the seed statement to outputs/
report: $(VENV)/.installed
	$(BIN)/python -m readout run $(STATEMENT)

## Run the whole test suite: unit and end-to-end tests, and nbval on the committed notebooks
test: $(VENV)/.installed
	$(BIN)/python -m pytest

## Open JupyterLab on the notebooks (Run All works: lib/ is installed as the package `readout`)
lab: $(VENV)/.installed
	$(BIN)/jupyter lab $(LAB_FLAGS) notebooks/

## Re-execute the committed notebooks on the seed in place, after changing lib/ or a notebook
notebooks: $(VENV)/.installed
	$(BIN)/jupyter nbconvert --to notebook --execute --inplace \
	    --NotebookClient.record_timing=False notebooks/[0-9]*.ipynb notebooks/compare.ipynb notebooks/diff.ipynb

## Compare the seed with the demonstration statements (seeds/demo/) in one report, outputs/comparison/
compare: $(VENV)/.installed
	$(BIN)/python -m readout compare seeds seeds/demo

## Print performance figures: report time; structure, tone, topic and actor measures against their floors; the corpus engine
bench: $(VENV)/.installed
	$(BIN)/python bench/report_time.py
	$(BIN)/python bench/structure_throughput.py
	$(BIN)/python bench/sentiment_throughput.py
	$(BIN)/python bench/topics_throughput.py
	$(BIN)/python bench/actions_throughput.py
	$(BIN)/python bench/corpus_throughput.py

## Measure the actor readings on the labelled development corpus (../shared/corpus), misses included
validate: $(VENV)/.installed
	$(BIN)/python -m readout validate ../shared/corpus \
	    --precision bench/samples/actor_mentions_judged.csv --precision bench/samples/actor_references_judged.csv

## Delete the environment and every generated report
clean:
	rm -rf $(VENV) outputs/*/ outputs/.building-* outputs/.locks lib/*.egg-info

help:
	@awk '/^## /{doc=substr($$0,4); next} /^[a-z][a-z-]*:/{if(doc){split($$0,t,":"); printf "  make %-10s %s\n", t[1], doc}; doc=""}' $(MAKEFILE_LIST)
