# sitrep — the two commands a fresh machine needs: `make demo` and `make test`.
PY      ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
EXTRAS  ?= dev,web,postgres,dask
comma   := ,
STAMP   := $(VENV)/.installed-$(subst $(comma),-,$(EXTRAS))

.PHONY: setup demo test lint fast-test bench docs clean lock train

$(STAMP): pyproject.toml requirements.lock
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q --require-hashes -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: $(STAMP)

## Build a database from the bundled sample corpus, write brief.html, print how to browse it.
demo: setup
	$(BIN)/sitrep demo

## Everything CI runs: system packages for the browser and PostgreSQL tests, lint, types, tests.
test: setup
	bash scripts/test.sh

lint: setup
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

## Tests without the browser and PostgreSQL parts (no root needed).
fast-test: setup
	$(BIN)/pytest -m "not browser and not postgres"

## Regenerate the hashed lock from pyproject.toml (all extras).
lock:
	bash scripts/lock.sh

## Rebuild the typer training set (data/typer/) and retrain the packaged event typer (deterministic).
train: setup
	$(BIN)/python scripts/build_typer_data.py
	$(BIN)/python scripts/train_typer.py

docs: setup
	$(BIN)/python scripts/gen_cli_reference.py > docs/cli.md

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist src/*.egg-info
