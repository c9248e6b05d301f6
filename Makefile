# Keyworking: `make run` serves the demo, `make test` runs every check. Both set up from nothing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
PORT ?= 8000
# pytest-xdist workers: one per core, at most six (each has its own test database and pair of
# Redis databases; config/settings/test.py).
TEST_WORKERS ?= $(shell n=$$(nproc); [ "$$n" -gt 6 ] && n=6; echo $$n)

.PHONY: run test test-fast checks lint format lock setup browser stop clean bench

setup: $(VENV)/.installed node_modules/.installed browser

# Browser journeys drive Debian's Chromium (never a browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Install Debian's chromium package (sudo apt-get install chromium) for the browser journeys."; exit 1; fi; }

$(VENV)/.installed: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --requirement requirements.lock
	touch $@

node_modules/.installed: package.json package-lock.json frontend/nhsuk.scss
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent build
	touch $@

run: setup
	PORT=$(PORT) scripts/run.sh

test: setup checks
	$(BIN)/pytest --numprocesses=$(TEST_WORKERS) --durations=10

# For daily work: everything but the browser journeys, the reliability tests with real Celery
# workers and the API fuzz (the slowest module). `make test` is the whole truth, and what CI runs.
test-fast: $(VENV)/.installed node_modules/.installed checks
	$(BIN)/pytest --numprocesses=$(TEST_WORKERS) --ignore=tests/e2e --ignore=tests/isolation/test_api_fuzz.py -m "not slow"

checks: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

lint:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-resolve requirements.in into the pinned requirements.lock.
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet --upgrade pip
	.venv-lock/bin/python -m pip install --quiet --requirement requirements.in
	.venv-lock/bin/python -m pip freeze --exclude-editable > requirements.lock
	rm -rf .venv-lock

# Stop the private PostgreSQL and Redis under var/, and the benchmark's under var/bench (their data stays).
stop:
	$(BIN)/python -m config.devservices stop
	KEYWORKING_VAR_DIR=$(CURDIR)/var/bench $(BIN)/python -m config.devservices stop

clean: stop
	rm -rf $(VENV) node_modules var

# National-scale benchmark on its own data under var/bench (BENCH_PEOPLE=… for another size).
bench: $(VENV)/.installed
	scripts/bench.sh
