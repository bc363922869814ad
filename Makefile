# The whole set-up is two commands:  make lab  (read)  and  make test  (check).
# Both create .venv on first use; nothing is installed outside it.

SHELL   := /bin/bash
PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
READER  := $(VENV)/.reader-installed
DEV     := $(VENV)/.dev-installed
SITE    := $(VENV)/.site-installed
# JupyterLab refuses to start as root unless told; token authentication stays on.
AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)
PYTEST_NB := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
XDIST   := -n 2 --dist loadfile
# The real-browser suites run on their own, serially, after the 2-core run (make test-browser,
# make test-site).
NO_BROWSER := --ignore=tests/browser --ignore=tests/site
# ruff's settings are in pyproject.toml ([tool.ruff]); notebooks are tested by nbval, not linted.
LINT    := $(BIN)/python -m ruff check helpers tests tools benchmarks

.PHONY: lab test lint test-unit test-notebooks test-browser book test-site execute nav student autograde test-min clean help

help:
	@echo "make lab      open JupyterLab on notebooks/00-index.ipynb (creates .venv)"
	@echo "make test     run every test: lint, unit tests and all notebooks under strict nbval"
	@echo "make lint     check the Python files with ruff (run first by make test)"
	@echo "make test-browser  run every notebook in JupyterLab in headless Chromium, move every slider"
	@echo "make book     build the website of the notebooks into build/book/html (offline, stored outputs)"
	@echo "make test-site  test that website in headless Chromium (links, maths, alt text, search)"
	@echo "make execute  re-run every notebook in place so stored outputs match the code"
	@echo "make nav      regenerate navigation, the contents list and the exercise tables"
	@echo "make student  write the nbgrader student release of every notebook to release/"
	@echo "make autograde [SUBMISSION=folder]  grade filled-in notebooks with nbgrader"
	@echo "make test-min run the tests against the lowest versions pyproject.toml allows"

# Dependencies are declared once, in pyproject.toml: the package's own plus the extras
# reader (JupyterLab, nbval, pytest), dev (tests, lint, CI) and instructor (nbgrader).
$(READER): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e ".[reader]"
	$(BIN)/python -c "import matplotlib.pyplot"   # build matplotlib's font cache now, not in a notebook
	touch $@

$(DEV): $(READER) pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[reader,dev,instructor]"
	touch $@

# root_dir is the repository (so helpers/ can be read too); the printed link opens 00-index.
lab: $(READER)
	$(BIN)/jupyter lab $(AS_ROOT) --ServerApp.root_dir=. \
	    --LabApp.default_url=/lab/tree/notebooks/00-index.ipynb

# Lint first, then the test runs (the browser ones serially, after the 2-core one: the notebooks
# in JupyterLab, then the website); all of them always run, and any of them failing fails.
test: $(DEV) $(SITE)
	status=0; \
	$(LINT) || status=1; \
	$(BIN)/python -m pytest tests notebooks $(PYTEST_NB) $(XDIST) $(NO_BROWSER) || status=1; \
	$(BIN)/python -m pytest tests/browser || status=1; \
	$(BIN)/python book/build.py && $(BIN)/python -m pytest tests/site || status=1; \
	exit $$status

lint: $(DEV)
	$(LINT)

test-unit: $(DEV)
	$(BIN)/python -m pytest tests $(NO_BROWSER)

# Skipped loudly without /usr/bin/chromium; a failure instead with CI=true or REQUIRE_BROWSER=1.
test-browser: $(DEV)
	$(BIN)/python -m pytest tests/browser

# The website (book/): Sphinx + myst-nb from the stored outputs, nothing executed, nothing
# fetched; the builder packages are the `site` extra, in the maintainers' venv.
$(SITE): $(DEV) pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[site]"
	touch $@

book: $(SITE)
	$(BIN)/python book/build.py

# Skipped loudly without /usr/bin/chromium; a failure instead with CI=true or REQUIRE_BROWSER=1.
test-site: book
	$(BIN)/python -m pytest tests/site

# one notebook:  make test-notebooks NB=notebooks/01-dot-product-neuron.ipynb
NB ?= notebooks
test-notebooks: $(DEV)
	$(BIN)/python -m pytest $(NB) $(PYTEST_NB) $(XDIST)

nav: $(DEV)
	$(BIN)/python tools/navigation.py
	$(BIN)/python tools/coursework.py table

execute: $(DEV)
	$(BIN)/python tools/navigation.py
	$(BIN)/python tools/coursework.py table
	$(BIN)/python tools/execute_notebooks.py $(if $(filter-out notebooks,$(NB)),$(NB),)

# Coursework (nbgrader, in a throw-away course directory under build/course):
student: $(DEV)
	$(BIN)/python tools/coursework.py release --out release

SUBMISSION ?= notebooks
autograde: $(DEV)
	$(BIN)/python tools/coursework.py autograde $(SUBMISSION)

# The lower bounds are tested, not guessed: install exactly those of requirements.txt (= the
# dependencies + reader extra of pyproject.toml; tests/test_environment.py checks), with the
# test extras (not the instructor ones: nbgrader needs a newer JupyterLab; its tests are skipped).
test-min:
	rm -rf .venv-min && $(PYTHON) -m venv .venv-min
	sed -E 's/>=/==/' requirements.txt > .venv-min/requirements-min.txt
	grep -vE '^(-r|nbgrader|playwright)' requirements-dev.txt > .venv-min/requirements-test.txt
	.venv-min/bin/python -m pip install --quiet -r .venv-min/requirements-min.txt \
	    -r .venv-min/requirements-test.txt -c .venv-min/requirements-min.txt
	.venv-min/bin/python -m pip install --quiet --no-deps -e .
	.venv-min/bin/python -c "import matplotlib.pyplot"
	.venv-min/bin/python -m pip list 2>/dev/null | grep -iE '^(numpy|matplotlib|jupyterlab|ipywidgets|nbval|pytest) '
	.venv-min/bin/python -m pytest tests notebooks $(PYTEST_NB) $(XDIST) $(NO_BROWSER) \
	    --ignore=tests/test_coursework.py

clean:
	rm -rf $(VENV) .venv-min .pytest_cache .hypothesis build release
