# quizapp — two commands: `make run` serves the app, `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
PORT ?= 5000
HOST ?= 127.0.0.1
# Empty: gunicorn.conf.py picks (workers min(2 x cores + 1, 4), 1 thread each).
WEB_CONCURRENCY ?=
THREADS ?=
ACCESS_LOG ?= -
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app quizapp

.PHONY: run dev test e2e lint bench install install-test migrate sync clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "quizapp needs Python 3.11 or newer")'
	@echo "== creating the virtual environment $(VENV)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip

# The app runs from this folder, so only its dependencies are installed (listed in
# pyproject.toml); building the project itself as a package only added a setuptools warning.
REQUIREMENTS = $(BIN)/python -c 'import sys, tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; print("\n".join(p["dependencies"] + [r for x in sys.argv[1:] for r in p["optional-dependencies"][x]]))'

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	@echo "== installing quizapp's dependencies into $(VENV) (about a minute the first time)"
	@$(REQUIREMENTS) > $(VENV)/requirements.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check -r $(VENV)/requirements.txt
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	@echo "== installing the test tools into $(VENV)"
	@$(REQUIREMENTS) test > $(VENV)/requirements-test.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check -r $(VENV)/requirements-test.txt
	@touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

migrate: install
	@echo "== bringing the database up to date (flask db upgrade)"
	$(FLASK) db upgrade

sync: migrate
	@echo "== copying the question bank (questions/) into the database"
	$(FLASK) bank sync

run: sync
	@echo "== serving quizapp on http://$(HOST):$(PORT)/ (Ctrl-C stops it; the first account to register becomes the admin)"
	env $(if $(WEB_CONCURRENCY),,-u WEB_CONCURRENCY) $(if $(THREADS),,-u THREADS) \
		HOST=$(HOST) PORT=$(PORT) ACCESS_LOG=$(ACCESS_LOG) \
		$(if $(WEB_CONCURRENCY),WEB_CONCURRENCY=$(WEB_CONCURRENCY)) $(if $(THREADS),THREADS=$(THREADS)) \
		$(BIN)/gunicorn -c gunicorn.conf.py wsgi:app

# A development set-up reads the articles from ../shared/seeds when it is there (never committed).
DEV_ARTICLES ?= $(wildcard $(abspath ../shared/seeds))

dev: sync
	@echo "quizapp (debug) on http://$(HOST):$(PORT)/"
	$(if $(QUIZAPP_ARTICLES_DIR),,$(if $(DEV_ARTICLES),QUIZAPP_ARTICLES_DIR=$(DEV_ARTICLES))) \
		$(FLASK) --debug run --host $(HOST) --port $(PORT)

lint: install-test
	$(BIN)/ruff check .

# The suite runs on SQLite; with QUIZAPP_TEST_DATABASE_URL set it runs on PostgreSQL too
# (.ci/start-postgres starts a private server and prints the URL). Three processes at the same
# time, each with its own temporary and cache folders: the SQLite run (its output below), the
# browser tests (on SQLite) and the PostgreSQL run, whose outputs are printed when all are
# done. Any of them failing fails `make test`.
TMP_ROOT := $(or $(TMPDIR),/tmp)/quizapp-tests-$(shell id -u)
PYTEST := $(BIN)/python -m pytest

test: install-test
	$(BIN)/ruff check .
	@if [ -z "$$QUIZAPP_TEST_DATABASE_URL" ] && [ "$$CI" = "true" ]; then \
		echo "CI=true but QUIZAPP_TEST_DATABASE_URL is unset: the PostgreSQL run may not be skipped in CI" >&2; \
		exit 1; \
	fi
	@mkdir -p test-results $(TMP_ROOT); rm -f test-results/e2e.log test-results/postgres.log; pids=""; \
	trap 'kill $$pids 2>/dev/null' INT TERM; \
	echo "== browser tests on SQLite: test-results/e2e.log, printed at the end"; \
	env -u QUIZAPP_TEST_DATABASE_URL $(PYTEST) tests/e2e --basetemp=$(TMP_ROOT)/e2e \
		-o cache_dir=.pytest_cache/e2e $(PYTEST_ARGS) > test-results/e2e.log 2>&1 & pids="$$!"; \
	if [ -n "$$QUIZAPP_TEST_DATABASE_URL" ]; then \
		echo "== the suite on PostgreSQL: test-results/postgres.log, printed at the end"; \
		$(PYTEST) -m "not sqlite_only and not e2e" --basetemp=$(TMP_ROOT)/postgres \
			-o cache_dir=.pytest_cache/postgres $(PYTEST_ARGS) > test-results/postgres.log 2>&1 & \
		pids="$$pids $$!"; \
	else \
		echo "PostgreSQL run skipped: no QUIZAPP_TEST_DATABASE_URL (start one with .ci/start-postgres)"; \
	fi; \
	echo "== the suite on SQLite, browser tests apart"; \
	env -u QUIZAPP_TEST_DATABASE_URL $(PYTEST) -m "not e2e" --basetemp=$(TMP_ROOT)/sqlite $(PYTEST_ARGS); \
	failed=$$?; \
	for pid in $$pids; do wait $$pid || failed=1; done; \
	for log in e2e postgres; do \
		[ -f test-results/$$log.log ] || continue; \
		echo "== test-results/$$log.log"; cat test-results/$$log.log; \
	done; \
	exit $$failed

# Only the browser tests (Playwright + /usr/bin/chromium); `make test` runs them too.
# A failed test leaves a screenshot in test-results/e2e/.
e2e: install-test
	env -u QUIZAPP_TEST_DATABASE_URL $(BIN)/python -m pytest tests/e2e $(PYTEST_ARGS)

bench: install-test
	@for b in bench/*.py; do case $$b in */__init__.py|*/wsgi_*.py) continue;; esac; \
		echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
