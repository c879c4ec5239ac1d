# Two commands a new user needs: `make run` opens the window on the sample scenario,
# `make test` runs the whole suite headless. Both build .venv first when it is missing or stale.
# `make test-full` is the same suite with hypothesis's long profile (many more examples).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?=
# Test workers (pytest-xdist): one per core. PYTEST_ARGS come after, so `-n 0` there runs
# in one process (e.g. to use a debugger), and file names there narrow the run.
PYTEST_WORKERS ?= auto
# Compiled modules, and pytest's rewritten test modules, are cached under .venv even where
# PYTHONDONTWRITEBYTECODE is set (the source tree stays clean): otherwise every worker
# rewrites every test module and every `python -m tracker` child compiles the package anew.
PYTEST := env -u PYTHONDONTWRITEBYTECODE PYTHONPYCACHEPREFIX=$(CURDIR)/$(VENV)/pycache \
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(PYTEST_WORKERS)

.PHONY: run test test-full lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/tracker $(if $(DB),--db $(DB),--sample)

# The quick hypothesis profile ("default", tests/conftest.py): every property, fewer examples.
test: $(STAMP)
	HYPOTHESIS_PROFILE=default $(PYTEST) $(PYTEST_ARGS)

test-full: $(STAMP)
	HYPOTHESIS_PROFILE=full $(PYTEST) $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check tracker tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
