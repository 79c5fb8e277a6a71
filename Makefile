# The two commands of the quick start are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
OUT ?= demo-output

.PHONY: demo test fuzz lint typecheck docs bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.demo: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[notebook]'
	touch $@

# the suite runs the example notebook, builds the docs strictly and runs a local Dask
# cluster, so it needs those extras
$(VENV)/.test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[notebook,test,docs,dask]'
	touch $@ $(VENV)/.demo $(VENV)/.docs

$(VENV)/.docs: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[notebook,docs]'
	touch $@

## demo: install into .venv and run the seed-report story (writes $(OUT)/)
demo: $(VENV)/.demo
	$(VENV)/bin/claimtrack demo --out $(OUT)

## test: lint, type-check and run the whole suite
test: $(VENV)/.test lint typecheck
	MPLBACKEND=Agg $(PY) -m pytest -q

## fuzz: the suite again on fresh random examples (make test uses fixed ones), FUZZ_RUNS times
FUZZ_RUNS ?= 3
fuzz: $(VENV)/.test
	for run in $$(seq $(FUZZ_RUNS)); do \
		CLAIMTRACK_HYPOTHESIS=fuzz MPLBACKEND=Agg $(PY) -m pytest -q -x tests || exit 1; \
	done

## docs: build the guide strictly (any warning fails) into site/
docs: $(VENV)/.docs
	$(VENV)/bin/mkdocs build --strict --site-dir site

lint: $(VENV)/.test
	$(VENV)/bin/ruff check claimtrack tests examples benchmarks
	$(VENV)/bin/ruff format --check claimtrack tests examples benchmarks
	$(VENV)/bin/lint-imports

typecheck: $(VENV)/.test
	$(VENV)/bin/mypy

bench: $(VENV)/.test
	$(PY) benchmarks/link.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache .hypothesis
