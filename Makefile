# Two commands: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
PYTEST_ARGS ?=

.PHONY: run test install install-dev lint validate bench geo data clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt tests/package.json $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@command -v npm >/dev/null || { echo "npm ontbreekt (Debian: apt-get install npm): nodig voor axe-core in de toegankelijkheidstests"; exit 1; }
	cd tests && npm ci --no-audit --no-fund --silent
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## make run: set up .venv, check data/, start the app on http://localhost:$(PORT) (embedded SQLite store)
run: $(VENV)/.installed
	$(BIN)/python -m streek validate
	$(BIN)/python -c "from streek.db import Store, database_url; from streek.db.engine import describe; Store(); print('Opslag van metingen:', describe(database_url()))"
	$(BIN)/python tools/serve.py run app.py --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

## make test: set up .venv with test tools, then lint, validate data/ and run every test (browser tests included)
test: $(VENV)/.installed-dev
	$(BIN)/python -m streek validate
	$(BIN)/ruff check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .

validate: $(VENV)/.installed
	$(BIN)/python -m streek validate

## make bench: measure page run times and browser render times, print the table for the README
bench: $(VENV)/.installed-dev
	$(BIN)/python bench/run.py

## make data: rebuild data/statbel.csv from ../shared/data-sources (build step, not needed to run)
data: $(VENV)/.installed
	$(BIN)/python tools/build_statbel.py

## make geo: rebuild geo/ from ../shared/geo with geopandas (build step, not needed to run)
geo: $(VENV)/.installed
	$(BIN)/python tools/build_geo.py

clean:
	rm -rf $(VENV) .pytest_cache test-output
