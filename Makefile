# The study's pipeline. `make all` builds everything from data/raw; `make test` runs the test suite.
# Reviewer overrides (no file edits): make all P02="-p bootstrap_reps 200 -p seed 7"
#   values are JSON (numbers, true/false, lists) or plain strings; lists of codes may omit quotes: [USC,KOR].
SHELL := /bin/bash
.DELETE_ON_ERROR:
.SUFFIXES:
# Independent notebooks run side by side on the 2 cores; every log line names its notebook.
MAKEFLAGS += --jobs=2 --output-sync=line

PYTHON_BASE ?= python3.11
VENV        ?= .venv
PY          := $(VENV)/bin/python
STAMP       := $(VENV)/.installed-$(shell sha256sum requirements.lock | cut -c1-12)

NOTEBOOKS   := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))
NAMES       := $(notdir $(basename $(NOTEBOOKS)))
EXECUTED    := $(addprefix reports/,$(addsuffix .ipynb,$(NAMES)))
ARGS        := $(addprefix reports/.params/,$(addsuffix .args,$(NAMES)))
LIB         := $(wildcard lib/*.py) tools/run_notebook.py tools/render_html.py tools/nbtemplate/study/index.html.j2
RAW_FILES   := $(filter-out data/raw/SHA256SUMS,$(shell find data/raw -type f ! -name '.*' 2>/dev/null | sort))
PROCESSED   := $(addprefix data/processed/,china_year.csv china_year_sources.csv country_year.csv films.csv \
                 films_origin_coverage.csv cluster_year.csv competitiveness.csv)
# every lib module: the builders import shared helpers (parse, cluster_data, indicators, io, ...)
BUILDERS    := $(wildcard lib/*.py lib/raw/*.py lib/processed/*.py)

# Small parameters for `make quick` (smoke runs into build/quick, committed outputs untouched).
QUICK_02 := -p bootstrap_reps 20
QUICK_04 := -p n_draws 200

.PHONY: all data raw test quick lab bench clean clean-outputs help venv lock FORCE

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16

all: data $(EXECUTED) reports/index.html ## build processed data, run every notebook, write reports/, figures/
	@echo "[make] study up to date: open reports/index.html"

venv: $(STAMP) ## create .venv with the pinned dependencies and the project kernel

$(STAMP): requirements.lock
	@test -x $(PY) || { echo "[venv] creating $(VENV) with $(PYTHON_BASE)"; \
	  $(PYTHON_BASE) -m venv $(VENV) || python3 -m venv $(VENV); }
	@echo "[venv] installing pinned dependencies (requirements.lock)"
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@$(PY) tools/install_kernel.py
	@rm -f $(VENV)/.installed-*; touch $@

data: $(PROCESSED) ## check raw checksums, build and validate data/processed/

$(PROCESSED): data/processed/.built ;

data/processed/.built: data/raw/SHA256SUMS $(RAW_FILES) $(BUILDERS) | $(STAMP)
	@$(PY) -m lib.processed
	@touch $@

raw: | $(STAMP) ## rebuild data/raw/ from ../shared/data (then commit it)
	@$(PY) -m lib.raw

# Parameter overrides are file prerequisites: changing P01 re-runs notebook 01 (and what reads its values).
# A static pattern rule keeps them ordinary files: make must not delete them as intermediates.
# $(file) writes the value as given: no shell quoting between the command line and the runner.
$(ARGS): reports/.params/%.args: FORCE
	$(shell mkdir -p $(@D))$(file >$@.new,$(P$(firstword $(subst _, ,$*))))
	@if cmp -s $@.new $@; then rm $@.new; else mv $@.new $@; fi

reports/%.ipynb: notebooks/%.ipynb reports/.params/%.args $(LIB) | $(STAMP)
	@$(PY) tools/run_notebook.py $< $@ --html reports/$*.html --params "$$(cat reports/.params/$*.args)"

reports/00_data.ipynb: $(PROCESSED) data/raw/SHA256SUMS data/raw/SOURCES.md
reports/01_current_state.ipynb: $(PROCESSED)
reports/02_mechanism.ipynb: $(PROCESSED) data/raw/SHA256SUMS
reports/03_foreign_experience.ipynb: $(PROCESSED) data/raw/SHA256SUMS
# 04 reads the values recorded by 01-03 (not 00), plus processed data and raw facts.
reports/04_recommendations.ipynb: $(PROCESSED) data/raw/SHA256SUMS \
  reports/01_current_state.ipynb reports/02_mechanism.ipynb reports/03_foreign_experience.ipynb

reports/index.html: $(EXECUTED) tools/make_index.py | $(STAMP)
	@$(PY) tools/make_index.py

QUICK := $(addprefix build/quick/reports/,$(addsuffix .ipynb,$(NAMES)))
quick: $(QUICK) ## run every notebook with small parameters into build/quick (smoke test, always re-runs)

# FORCE: a smoke test runs every time; 04 still waits for the values of 01-03 (in build/quick).
build/quick/reports/%.ipynb: notebooks/%.ipynb $(PROCESSED) FORCE | $(STAMP)
	@$(PY) tools/run_notebook.py $< $@ --out-root build/quick --params '$(QUICK_$(firstword $(subst _, ,$*)))'

build/quick/reports/04_recommendations.ipynb: $(addprefix build/quick/reports/,$(addsuffix .ipynb,\
  01_current_state 02_mechanism 03_foreign_experience))

test: $(STAMP) ## run the test suite (includes a clean-rebuild reproducibility check)
	@$(PY) -m pytest

lab: $(STAMP) ## open JupyterLab on the project kernel
	@$(VENV)/bin/jupyter lab --notebook-dir=notebooks

bench: $(STAMP) ## time cold/no-op/one-notebook builds and the tests -> reports/bench.json
	@$(PY) tools/bench.py

lock: ## re-resolve requirements.in into requirements.lock and environment.yml
	@$(PY) -m pip install --quiet -r requirements.in && $(PY) -m pip freeze --exclude-editable > requirements.lock
	@$(PY) tools/write_environment.py

clean-outputs: ## delete generated outputs (processed data, figures, reports; the benchmark record stays)
	@rm -rf data/processed/* data/processed/.built figures/* build/quick
	@find reports -mindepth 1 -maxdepth 1 ! -name bench.json -exec rm -rf {} +

clean: clean-outputs ## delete outputs and the virtual environment
	@rm -rf $(VENV) build

FORCE:
