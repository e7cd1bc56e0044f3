# Two commands: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8501
PYTEST_ARGS ?=
WORKERS ?=
# create or upgrade the measurement store once, before any server process starts
INIT_STORE = $(BIN)/python -c "from streek.db import Store, database_url; from streek.db.engine import describe; Store(); print('Opslag van metingen:', describe(database_url()))"
# Independent tests run in parallel (pytest-xdist): one process per core (at most 4; tests/conftest.py),
# a test module stays on one worker (its module fixtures are built once) except the long browser modules,
# whose tests spread one by one, longest first (tests/conftest.py); each worker starts its own app server,
# browser and PostgreSQL only when a test there needs one. PYTEST_PARALLEL= runs them serially.
PYTEST_PARALLEL ?= -n auto --maxprocesses=4 --dist loadscope
# pip installs without compiling every module of every package to bytecode: that took ~20 s of a fresh
# set-up (~6.500 files, most never imported). tools/compile_imports.py then compiles what the app and
# the tests import, in one process (~3 s); the rest is compiled on first import. Bytecode is written
# into the ignored __pycache__/ folders also where PYTHONDONTWRITEBYTECODE is set: without it every
# process (app server, pytest worker, command) would compile its imports again (~3 s each) and every
# pytest worker would re-rewrite all test modules.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: run serve test install install-dev lint validate bench bench-load geo data fonts clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --no-compile -r requirements.txt
	$(BIN)/python tools/compile_imports.py
	touch $@

# The test set-up installs both requirement files in one pip run (one resolve) and compiles what the app
# and the tests import in one pass, with npm beside it; it then counts as the app's set-up too.
$(VENV)/.installed-dev: requirements.txt requirements-dev.txt tests/package.json | $(BIN)/python
	@command -v npm >/dev/null || { echo "npm ontbreekt (Debian: apt-get install npm): nodig voor axe-core in de toegankelijkheidstests"; exit 1; }
	$(BIN)/python -m pip install --quiet --no-compile -r requirements.txt -r requirements-dev.txt
	cd tests && npm ci --no-audit --no-fund --silent & npm=$$!; \
	  $(BIN)/python tools/compile_imports.py --dev; compiled=$$?; wait $$npm && exit $$compiled
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# beside the server, at low priority: draw every still picture once, so that the first visitor after a
# fresh start does not wait for them (tools/prerender.py; PRERENDER= switches it off). Then the launcher
# visits every main page once per language on each server process (STREEK_WARM=1, tools/warm.py).
PRERENDER ?= nice -n 19 $(BIN)/python tools/prerender.py &

## make run: set up .venv, check data/, start the app on http://localhost:$(PORT) (embedded SQLite store)
run: $(VENV)/.installed
	$(BIN)/python -m streek validate
	$(INIT_STORE)
	$(PRERENDER)
	STREEK_WARM=1 $(BIN)/python tools/serve.py run app.py --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

## make serve: like make run, but WORKERS Streamlit processes (default: one per CPU core) behind nginx
## on port $(PORT), with sticky sessions; for a room full of phones. Needs nginx (Debian: apt install nginx).
serve: $(VENV)/.installed
	$(BIN)/python -m streek validate
	$(INIT_STORE)
	$(PRERENDER)
	STREEK_WARM=1 $(BIN)/python tools/serve_multi.py app.py --port $(PORT) $(if $(WORKERS),--workers $(WORKERS))

## make test: set up .venv with test tools, then lint, validate data/ and run every test (browser tests included).
test: $(VENV)/.installed-dev
	$(BIN)/python -m streek validate
	$(BIN)/ruff check .
	$(BIN)/python -m pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .

validate: $(VENV)/.installed
	$(BIN)/python -m streek validate

## make bench: measure page run times and browser render times, print the table for the README
bench: $(VENV)/.installed-dev
	$(BIN)/python bench/run.py

## make bench-load: 40 simulated visitors (WebSocket level) against one process and against WORKERS
## workers behind nginx, app and empty page; writes the load table into bench/RESULTS.md
bench-load: $(VENV)/.installed-dev
	$(BIN)/python bench/load.py $(if $(WORKERS),--workers $(WORKERS))

## make data: rebuild data/statbel.csv and data/eurostat.csv from ../shared/data-sources (build step, not needed to run)
data: $(VENV)/.installed
	$(BIN)/python tools/build_statbel.py
	$(BIN)/python tools/build_eurostat.py

## make geo: rebuild geo/ from ../shared/geo with geopandas (build step, not needed to run)
geo: $(VENV)/.installed
	$(BIN)/python tools/build_geo.py

## make fonts: rebuild streek/fonts (Streek Sans) from the system's DejaVu Sans (build step, not needed to run)
fonts: $(VENV)/.installed
	$(BIN)/python tools/build_font.py

clean:
	rm -rf $(VENV) .pytest_cache test-output
