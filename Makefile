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

.PHONY: run test test-full lint clean dist install-desktop uninstall-desktop translations

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
	$(BIN)/mypy bench
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist

# The standalone application (a folder with its own Python and Qt; packaging/README.md):
# `make dist` builds dist/negotiation-tracker/, `make install-desktop` copies it under
# PREFIX with a menu entry and icon, `make uninstall-desktop` takes them away again.
BUNDLE := dist/negotiation-tracker
PREFIX ?= $(HOME)/.local
DIST_STAMP := $(VENV)/.installed-dist

# PyInstaller and the PostgreSQL driver, so the bundle can open a team server too.
$(DIST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dist,postgres]'
	touch $(DIST_STAMP)

dist: $(DIST_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/negotiation-tracker.spec
	@du -sh $(BUNDLE)

install-desktop:
	@test -x $(BUNDLE)/tracker || $(MAKE) dist
	packaging/install-desktop.sh $(BUNDLE) $(PREFIX)

uninstall-desktop:
	packaging/install-desktop.sh --uninstall $(PREFIX)

# The window's translations (docs/TRANSLATING.md): lupdate collects every tr() string of
# tracker/ui into the .ts files (new ones "unfinished", gone ones dropped), then lrelease
# compiles the .qm files the program loads. English holds only the plural forms.
# Translate the new strings in tracker_uk.ts (Qt Linguist: .venv/bin/pyside6-linguist),
# then run it again. The .qm files are committed, so installing needs no Qt tools.
TRANSLATIONS := tracker/ui/translations
LUPDATE = $(BIN)/pyside6-lupdate $(sort $(shell find tracker/ui -name "*.py")) -no-obsolete \
	-locations none

translations: $(STAMP)
	$(LUPDATE) -target-language uk_UA -ts $(TRANSLATIONS)/tracker_uk.ts
	$(LUPDATE) -target-language en_GB -pluralonly -ts $(TRANSLATIONS)/tracker_en.ts
	$(BIN)/pyside6-lrelease $(TRANSLATIONS)/tracker_uk.ts $(TRANSLATIONS)/tracker_en.ts
