# Two commands for a fresh machine: `make generate` and `make test`.
# Each creates or updates .venv from the pins in pyproject.toml first.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: generate idl-diff test lint typecheck pytest drift goldens bench fuzz compat docs flytekit-tests install-matrix clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $(STAMP)

# Every tree under generated/: flyteidl (flytemodels), flyteidl2 (flytemodels.v2) and the flytekit family (flytemodels.flytekit).
IDL_CONFIGS := --config protos/flyteidl.toml --config protos/flyteidl2.toml --config protos/flytekit.toml

## Regenerate generated/ from the installed flyteidl and flyteidl2; prints what changed since the last run
## (after a version bump) and fails if an override in src/ uses something the IDL no longer has. flyteidl's
## docstrings come from the pinned npm release of its .proto files ([comments] in protos/flyteidl.toml),
## fetched once into .cache/npm: the first run, and the drift check on a fresh clone, need the npm registry.
generate: $(STAMP)
	$(PY) -m codegen $(IDL_CONFIGS)

## Compare two IDL inputs: `make idl-diff OLD=flyteidl==1.10.7 [NEW=installed] [ARGS=--markdown]`.
idl-diff: $(STAMP)
	$(PY) -m codegen diff $(OLD) $(or $(NEW),installed) $(ARGS)

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
	$(PY) -m codegen --check $(IDL_CONFIGS)

BENCH_STAMP := $(VENV)/.installed-bench

$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev,bench]"
	touch $(BENCH_STAMP)

## Benchmark raw protobuf, flytekit.models and both flytemodels families (build, read, convert, flytekit's own code end to end): prints the table, writes bench/results.{json,png}. About 2 minutes.
bench: $(BENCH_STAMP)
	$(PY) -m bench

FUZZ_SECONDS ?= 300
FUZZ_STAMP := $(VENV)/.installed-fuzz

$(FUZZ_STAMP): $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev,fuzz]"
	touch $(FUZZ_STAMP)

## Fuzz from_bytes of every model with atheris for FUZZ_SECONDS; prints inputs tried and crashes found.
fuzz: $(FUZZ_STAMP)
	$(PY) -m fuzz --seconds $(FUZZ_SECONDS)

DOCS_STAMP := $(VENV)/.installed-docs

$(DOCS_STAMP): $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e ".[dev,docs]"
	touch $(DOCS_STAMP)

## Build the API reference site into site/ (about 25 s), then open it in headless Chromium (tests/test_docs_site.py):
## search, a message's fields, cross-links. Installs Debian's chromium first where there is none and apt-get can
## (as root); elsewhere set CHROMIUM to a Chromium binary, or the test skips and says why.
docs: $(DOCS_STAMP)
	$(PY) -m apidocs
	test -n "$$CHROMIUM" || command -v chromium >/dev/null || ! command -v apt-get >/dev/null || [ "$$(id -u)" != 0 ] || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)
	$(PY) -m pytest -q tests/test_docs_site.py

# Interpreters for install-matrix, e.g. PYTHONS="python3.11 /opt/python3.13/bin/python3.13"; empty: each python3.X
# the classifiers in pyproject.toml name that runs here.
PYTHONS ?=

## Build the wheel and install it in fresh venvs at the lowest and highest releases its ranges allow, with and
## without the flyteidl2 extra, per Python in PYTHONS; smoke-test each (tools/install_matrix.py). Needs PyPI;
## about a minute.
install-matrix: $(STAMP)
	$(PY) tools/install_matrix.py $(foreach python,$(PYTHONS),--python $(python))

## Rewrite the golden outputs of the generator tests from protos/fixtures.
goldens: $(STAMP)
	$(PY) -m tests.goldens refresh

## Rewrite docs/flytekit_compat.md, the flytekit.models compatibility table, from tests/flytekit_compat.
compat: $(STAMP)
	$(PY) -m tests.flytekit_compat

# flytekit's own unit tests (third-party, read-only, beside the repo) in a venv of their own: their pins
# (flytekit 1.16.24) are not the dev pins. Reinstalled when the suite's pins or pyproject.toml change.
FLYTEKIT_TESTS ?= ../shared/flytekit-tests
FK_VENV := .venv-flytekit
FK_PY := $(FK_VENV)/bin/python
FK_STAMP := $(FK_VENV)/.installed

$(FK_STAMP): pyproject.toml $(FLYTEKIT_TESTS)/requirements.txt $(FLYTEKIT_TESTS)/constraints.txt
	test -x $(FK_PY) || $(PYTHON) -m venv $(FK_VENV)
	$(FK_PY) -m pip install --quiet --disable-pip-version-check \
		-r $(FLYTEKIT_TESTS)/requirements.txt -c $(FLYTEKIT_TESTS)/constraints.txt -e .
	$(FK_PY) -c "import flytemodels.flytekit.literals"
	touch $(FK_STAMP)

## Run flytekit's unit tests on flytekit as shipped and on flytemodels (flytekit.models -> flytemodels.flytekit);
## fails on a test that passes on the first only. Several minutes; `ARGS="--only models --reuse-baseline"`.
flytekit-tests: $(FK_STAMP)
	$(FK_PY) -m tests.flytekit_suite --tests $(FLYTEKIT_TESTS) $(ARGS)

clean:
	rm -rf $(VENV) $(FK_VENV) build dist site .mypy_cache .pytest_cache .ruff_cache
