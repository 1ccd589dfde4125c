# checker: two commands on a fresh machine — `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= reports-out

.PHONY: demo test test-fast install install-test lint eval bench screenshot clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'

## demo: create .venv, install, audit the bundled example articles
demo: install
	$(BIN)/checker audit examples/ --out $(OUT)/
	@echo "Open $(OUT)/index.html in a browser."

## test: install test dependencies and run the whole test suite (CI runs this)
test: install-test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

## test-fast: the quick local loop (skips slow accuracy evaluations and the browser test)
test-fast: install-test
	$(BIN)/python -m pytest -q -m "not slow and not browser"

lint: install-test
	$(BIN)/ruff check .

## eval: accuracy evaluations on ../shared/data (attribution, claims, hedging, the learned claim
## decision's CV figures, real news, genre, page chrome)
eval: install
	$(BIN)/python -m evaluation.attribution
	$(BIN)/python -m evaluation.source_rows --split dev --sample 0
	$(BIN)/python -m evaluation.claims --polnear
	$(BIN)/python -m evaluation.hedging
	$(BIN)/python -m evaluation.claim_decision
	$(BIN)/python -m evaluation.realnews
	$(BIN)/python -m evaluation.genre --heldout
	$(BIN)/python -m evaluation.chrome --heldout

## bench: cold start of `checker check` on a short draft, then throughput and memory on
## 1,000+ PolNeAR articles; both against proselint 0.16 in the same run; then HTML page
## sizes and index.html open time at 20,000 and 100,000 rows in headless Chromium; then the
## Dask engine on a 2-worker LocalCluster against --jobs 2 on the same corpus; then the
## growth of analysis time on pathological inputs (10k, 100k, 1M characters; exponents)
bench: install
	$(BIN)/python -m pip install --quiet 'proselint>=0.16,<0.17'
	$(BIN)/python bench/cold_start.py
	$(BIN)/python bench/run.py
	$(BIN)/python bench/html_report.py
	$(BIN)/python -m pip install --quiet -e '.[dask]'
	$(BIN)/python bench/dask_bench.py
	$(BIN)/python bench/growth.py

clean:
	rm -rf $(OUT) bench-out .pytest_cache .ruff_cache
