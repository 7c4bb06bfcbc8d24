# Secretaría Virtual — the two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint format lock messages demo clean help stack-up stack-down stack-check
.DEFAULT_GOAL := help

help:
	@echo "make run    install, migrate, load the demo data and serve http://127.0.0.1:8000 (Ctrl-C stops)"
	@echo "make test   install test dependencies, run ruff, the import layers check and the whole test suite"
	@echo "make lock   re-pin requirements/*.txt from requirements/*.in"
	@echo "make stack-check  bring up nginx + 2 gunicorn + PostgreSQL + Redis/RQ + S3 (moto), check it through nginx, stop it"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.base: requirements/base.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/base.txt
	touch $@

$(VENV)/.test: requirements/test.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/test.txt
	touch $@ $(VENV)/.base

run: $(VENV)/.base
	DEV_MODE=1 $(BIN)/python manage.py migrate --noinput
	DEV_MODE=1 $(BIN)/python manage.py collectstatic --noinput -v0
	DEV_MODE=1 $(BIN)/python manage.py load_demo
	@echo "Serving http://127.0.0.1:8000 — press Ctrl-C to stop the site and the worker."
	DEV_MODE=1 PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho -f Procfile start

test: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

lint: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock: | $(BIN)/python
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 requirements/base.in -o requirements/base.txt
	$(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 requirements/test.in -o requirements/test.txt

messages: $(VENV)/.test
	DEV_MODE=1 $(BIN)/python manage.py makemessages -l es -l en --no-obsolete --ignore '.venv/*' --ignore 'var/*'
	DEV_MODE=1 $(BIN)/python manage.py compilemessages_py

# The scaled stack on this machine (deploy/stack-up; docs/admin/scale-out.md).
stack-up: $(VENV)/.test
	deploy/stack-up up

stack-down:
	deploy/stack-up down

stack-check: $(VENV)/.test
	deploy/stack-check

clean:
	rm -rf $(VENV) var
