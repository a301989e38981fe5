# Two commands for a fresh machine: `make generate` and `make test`.
# Each creates or updates .venv from the pins in pyproject.toml first.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: generate test lint typecheck pytest drift goldens bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $(STAMP)

## Regenerate generated/ from the installed flyteidl.
generate: $(STAMP)
	$(PY) -m codegen

## Everything CI runs: lint, types, tests, and the drift check.
test: lint typecheck pytest drift

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: $(STAMP)
	$(PY) -m mypy src generated codegen

pytest: $(STAMP)
	$(PY) -m pytest -q

drift: $(STAMP)
	$(PY) -m codegen --check

## Rewrite the golden outputs of the generator tests from protos/fixtures.
goldens: $(STAMP)
	$(PY) -m tests.goldens refresh

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
