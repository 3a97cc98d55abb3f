# Làng nghề Lạng Sơn — everyday commands. `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install run migrate demo test test-postgres screenshots lint format messages check-deploy clean

help: ## list the commands
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml requirements/constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# --no-compile: Python compiles what a process imports on first use (and keeps it); compiling
	# every installed module up front was 12 of the install's 32 seconds.
	$(PY) -m pip install --quiet --no-compile -c requirements/constraints.txt -e ".[dev]"
	touch $@

# axe-core for the accessibility checks of the browser tests (skipped, with the reason, without npm).
node_modules/.package-lock.json: package.json package-lock.json
	if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the accessibility checks will be skipped"; fi

install: $(INSTALLED) node_modules/.package-lock.json ## create .venv and install the pinned dependencies (and axe-core when npm exists)

migrate: install ## apply database migrations (SQLite under var/ unless DATABASE_URL says otherwise)
	mkdir -p var
	$(PY) manage.py migrate --no-input

demo: migrate ## load the sample content (safe to run again)
	$(PY) manage.py load_demo

run: demo ## install, migrate, load the demo and serve http://127.0.0.1:8000
	$(PY) manage.py runserver $(HOST):$(PORT)

# `make test TESTS=tests/search` runs only the search tests; PYTEST_ARGS takes options (-x, -k …);
# WORKERS=1 runs in one process. A worker out of work takes tests queued for another (worksteal).
# Each process tests on a copy of a migrated template database, built once per set of migration
# files and kept in var/test-templates/ (tests/databases.py); `PYTEST_ARGS=--create-db` rebuilds it.
TESTS ?=
WORKERS ?= auto
test: install ## run the whole test suite, browser journeys included (SQLite unless DATABASE_URL is set)
	mkdir -p var
	$(BIN)/pytest --numprocesses $(WORKERS) --dist worksteal --durations=25 $(PYTEST_ARGS) $(TESTS)

screenshots: install ## run the browser journeys keeping each step's screenshot in test-artifacts/ (phone width, vi, en, zh-hans)
	mkdir -p var
	SCREENSHOTS=1 $(BIN)/pytest --numprocesses $(WORKERS) --dist worksteal tests/browser

lint: install ## check code style, templates and migrations
	mkdir -p var
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check themes/templates
	$(PY) manage.py makemigrations --check --dry-run

format: install ## rewrite code and templates in the house style
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml themes/templates

messages: install ## extract interface strings into locale/ and compile them
	$(PY) manage.py makemessages --no-obsolete -l vi -l en -l zh_Hans -i ".venv/*" -i "var/*"
	$(PY) manage.py compilemessages -l vi -l en -l zh_Hans --ignore ".venv/*"

.PHONY: bench-search
BENCH_SCALE ?= 10000
BENCH_ROUNDS ?= 10
bench-search: migrate ## time search and autocomplete (p50, p95) on the demo at BENCH_SCALE=10000 products; DATABASE_URL for PostgreSQL
	$(PY) manage.py load_demo --scale $(BENCH_SCALE)
	# As production answers a search made afresh: debug off, the page's shared parts kept.
	DEBUG=0 FRAGMENT_CACHE_SECONDS=600 $(PY) manage.py search_benchmark --rounds $(BENCH_ROUNDS)

.PHONY: bench
BENCH_SCALE ?= 10000
bench: install ## load the demo at BENCH_SCALE into PostgreSQL (BENCH_DATABASE_URL, db `bench`), serve it with gunicorn and print wrk's table, cold and warm
	$(PY) bench/run.py --scale $(BENCH_SCALE) $(BENCH_ARGS)

.PHONY: bench-editor-day
EDITOR_DAY_ARGS ?= --minutes 10
bench-editor-day: install ## replay visitors while a page is published and a price changes every minute (bench/editor_day.py) on the data `make bench` loaded
	$(PY) bench/run.py --skip-load --editor-day $(EDITOR_DAY_ARGS)

check-deploy: install ## run Django's deployment checks under the production settings
	DJANGO_SETTINGS_MODULE=config.settings.production \
	SECRET_KEY=$${SECRET_KEY:-check-deploy-$$(head -c 32 /dev/urandom | base64)} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-langnghe.example} \
	CACHE_URL=$${CACHE_URL:-redis://127.0.0.1:6379/1} \
	$(PY) manage.py check --deploy --fail-level WARNING

clean: ## remove the virtual environment and local data
	rm -rf $(VENV) var
