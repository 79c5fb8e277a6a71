# The two commands of the quick start are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
OUT ?= demo-output

.PHONY: demo notebook test fuzz lint typecheck docs bench clean browser pg-start pg-stop

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

$(VENV)/.jupyter: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[jupyter]'
	touch $@ $(VENV)/.demo

## notebook: install JupyterLab into .venv and open the tour notebook
notebook: $(VENV)/.jupyter
	$(VENV)/bin/jupyter lab examples/tour.ipynb $(if $(filter 0,$(shell id -u)),--allow-root,)

# the report and notebook checks drive Debian's chromium (installed when missing: CI runs as root)
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; }

$(VENV)/.docs: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[notebook,docs]'
	touch $@

## demo: install into .venv and run the seed-report story (writes $(OUT)/)
demo: $(VENV)/.demo
	$(VENV)/bin/claimtrack demo --out $(OUT)

## test: lint, type-check and run the whole suite (with a PostgreSQL server for the claim base)
test: $(VENV)/.test browser lint typecheck pg-start
	status=0; CLAIMTRACK_PG_URL=$$(cat $(PG_DIR)/url 2>/dev/null) MPLBACKEND=Agg \
		$(PY) -m pytest -q || status=$$?; $(MAKE) --no-print-directory pg-stop; exit $$status

# -- PostgreSQL for the claim base tests ---------------------------------------------
# The claim base tests run on SQLite and on a real PostgreSQL server: a throwaway
# cluster from Debian's postgresql package (initdb + pg_ctl; as the postgres user when
# run as root) in $(PG_DIR), on 127.0.0.1 and a socket there, whose URL the suite gets
# as CLAIMTRACK_PG_URL. If it cannot start, `make test` goes on and the PostgreSQL
# tests fail saying why (install it with: apt-get install -y postgresql).
PG_DIR ?= $(CURDIR)/.pg
PG_CLUSTER = $(PY) tests/base/pgcluster.py

## pg-start / pg-stop: start (or stop and remove) the throwaway PostgreSQL cluster
pg-start: $(VENV)/.test
	@$(PG_CLUSTER) stop $(PG_DIR)
	-$(PG_CLUSTER) start $(PG_DIR)

pg-stop: $(VENV)/.test
	$(PG_CLUSTER) stop $(PG_DIR)

## fuzz: the suite again on fresh random examples (make test uses fixed ones), FUZZ_RUNS times
FUZZ_RUNS ?= 3
fuzz: $(VENV)/.test browser
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
