# The whole set-up is two commands:  make lab  (read)  and  make test  (check).
# Three virtual environments, each created on first use by uv (a fast pip; fetched once from PyPI
# into .uv/ unless `uv` is on the PATH); nothing is installed outside them:
#   .venv             the reader's: helpers + the `reader` extra (JupyterLab, nbval, pytest).
#                     make lab. Nothing else is ever installed into it: no nbgrader, so the
#                     reader's JupyterLab has no instructor menus or sidebars.
#   .venv-dev         the same + the `dev` extra (xdist, hypothesis, ruff, playwright, ...):
#                     make test, lint, execute, nav; tests/browser serves JupyterLab from it.
#   .venv-instructor  helpers + the `instructor` extra (nbgrader, with its own JupyterLab):
#                     make student, make autograde; the coursework tests call it.

SHELL   := /bin/bash
PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
DEV_VENV := .venv-dev
DEV_BIN := $(DEV_VENV)/bin
INSTRUCTOR_VENV := .venv-instructor
INSTRUCTOR_BIN := $(INSTRUCTOR_VENV)/bin
# uv: the one on the PATH, else a copy in .uv/ (pip-installed there once, from PyPI). A venv is
# made anew (--clear) when pyproject.toml changes, so it holds what is declared and nothing else.
# Packages are installed with their bytecode compiled (--compile-bytecode, 10-20 s a venv): where
# PYTHONDONTWRITEBYTECODE is set (as on this machine), every process would otherwise compile
# every module it imports (measured: import matplotlib.pyplot 2.2 s -> 0.5 s).
UV      := $(or $(shell command -v uv 2>/dev/null),.uv/bin/uv)
UV_VENV := $(UV) venv --quiet --seed --clear --python $(PYTHON)
UV_PIP  := $(UV) pip install --quiet --compile-bytecode --python
READER  := $(VENV)/.reader-only
DEV     := $(DEV_VENV)/.installed
INSTRUCTOR := $(INSTRUCTOR_VENV)/.installed
# The website builder sits beside nbgrader (the site shows the student version, made with
# nbgrader's own preprocessors): maintainer tools, never in the reader's environment.
SITE    := $(INSTRUCTOR_VENV)/.site-installed
# axe-core, the accessibility checker the website tests run in each page: from npm, pinned.
AXE_CORE := 4.14.1
AXE     := build/axe.min.js
# JupyterLab refuses to start as root unless told; token authentication stays on.
AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)
PYTEST_NB := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
# nbval's kernels are forked from a process that has imported their modules
# (tests/support/warm_kernels.py; each notebook still runs whole in a fresh kernel of its own).
WARM    := -p support.warm_kernels
XDIST   := -n 2 --dist loadfile
# The real-browser suites run on their own, serially, after the 2-core run (make test-browser,
# make test-site).
NO_BROWSER := --ignore=tests/browser --ignore=tests/site
# ruff's settings are in pyproject.toml ([tool.ruff]); notebooks are tested by nbval, and linted
# only for their line length: code lines <= 80 characters, so nothing scrolls sideways on the
# site or is cut on paper.
LINT    := $(DEV_BIN)/python -m ruff check helpers tests tools benchmarks book && \
           $(DEV_BIN)/python -m ruff check --select E501 --line-length 80 notebooks/*.ipynb

.PHONY: lab test lint test-unit test-notebooks test-browser book test-site execute nav student \
        autograde grades formgrader test-min requirements venvs clean help

help:
	@echo "make lab      open JupyterLab on notebooks/00-index.ipynb (creates .venv)"
	@echo "make test     run every test: lint, unit tests and all notebooks under strict nbval"
	@echo "make lint     check the Python files with ruff (run first by make test)"
	@echo "make test-browser  run every notebook in JupyterLab in headless Chromium, move every slider"
	@echo "make book     build the website of the notebooks into build/book/html (offline, stored outputs)"
	@echo "make test-site  test that website in headless Chromium (links, maths, layout, weight, axe)"
	@echo "make execute  re-run every notebook in place so stored outputs match the code"
	@echo "make nav      regenerate navigation, the contents list and the exercise tables"
	@echo "make student  write the student release to release/ and the class's gradebook to build/grading"
	@echo "make autograde SUBMISSIONS=folder  grade a class (one folder per student) into build/grading"
	@echo "make formgrader  grade the written answers by hand (nbgrader's formgrader, in JupyterLab)"
	@echo "make grades   write build/grading/grades.csv again (after grading written answers in formgrader)"
	@echo "make test-min run the tests against the lowest versions pyproject.toml allows"
	@echo "make requirements  write requirements.txt and environment.yml from pyproject.toml"
	@echo "make venvs    create .venv (reader), .venv-dev (tests) and .venv-instructor (nbgrader)"

# Dependencies are declared once, in pyproject.toml: the package's own plus the extras
# reader (JupyterLab, nbval, pytest), dev (tests, lint, CI) and instructor (nbgrader).
.uv/bin/uv:
	$(PYTHON) -m pip install --quiet --quiet --disable-pip-version-check --target .uv "uv>=0.9"

$(READER): pyproject.toml | $(UV)
	$(UV_VENV) $(VENV)
	$(UV_PIP) $(BIN)/python -e ".[reader]"
	$(BIN)/python -c "import matplotlib.pyplot"   # build matplotlib's font cache now, not in a notebook
	touch $@

$(DEV): pyproject.toml | $(UV)
	$(UV_VENV) $(DEV_VENV)
	$(UV_PIP) $(DEV_BIN)/python -e ".[reader,dev]"
	$(DEV_BIN)/python -c "import matplotlib.pyplot"
	touch $@

$(INSTRUCTOR): pyproject.toml | $(UV)
	$(UV_VENV) $(INSTRUCTOR_VENV)
	$(UV_PIP) $(INSTRUCTOR_BIN)/python -e ".[instructor]"
	$(INSTRUCTOR_BIN)/python -c "import matplotlib.pyplot"
	touch $@

venvs: $(READER) $(DEV) $(INSTRUCTOR)

# root_dir is the repository (so helpers/ can be read too); the printed link opens 00-index.
# tools/labextensions: a small JupyterLab plugin, served from the repository (nothing installed),
# so that a link to a heading of another notebook opens it scrolled there, not at its top.
lab: $(READER)
	$(BIN)/jupyter lab $(AS_ROOT) --ServerApp.root_dir=. \
	    --LabApp.default_url=/lab/tree/notebooks/00-index.ipynb \
	    --LabApp.extra_labextensions_path=tools/labextensions

# Lint first; then three runs side by side on the 2 cores: the unit tests and every notebook
# under strict nbval (pytest-xdist, 2 workers); the notebooks in JupyterLab (tests/browser); and
# the website, built then tested (tests/site). The browser suites spend much of their time
# waiting on a kernel or a page, so the three together fill the cores. Their output is kept in
# build/test-browser.log and build/test-site.log and printed after. All of them always run, and
# any of them failing fails. The tests run in .venv-dev; they also need the reader's .venv
# (tests/test_reader_env.py, tests/browser/test_make_lab.py) and .venv-instructor: nbgrader
# (tests/test_coursework.py, tests/test_release.py) and the site builder (make book).
BROWSER_LOG := build/test-browser.log
SITE_LOG := build/test-site.log
# OpenBLAS on one thread: three test streams already share the 2 cores, and its idle threads
# spin-wait (measured: 10-40x more CPU for one mid-size product on the busy machine).
test: export OPENBLAS_NUM_THREADS = 1
test: $(DEV) $(READER) $(INSTRUCTOR) $(SITE) $(AXE)
	@mkdir -p build
	status=0; \
	$(LINT) || status=1; \
	$(DEV_BIN)/python -m pytest tests/browser > $(BROWSER_LOG) 2>&1 & browser=$$!; \
	( $(INSTRUCTOR_BIN)/python tools/build_book.py && $(DEV_BIN)/python -m pytest tests/site \
	  ) > $(SITE_LOG) 2>&1 & site=$$!; \
	$(DEV_BIN)/python -m pytest tests notebooks $(PYTEST_NB) $(WARM) $(XDIST) $(NO_BROWSER) || status=1; \
	wait $$browser || status=1; \
	wait $$site || status=1; \
	echo "=== the notebooks in JupyterLab (tests/browser), run alongside ==="; \
	cat $(BROWSER_LOG); \
	echo "=== the website (make book, then tests/site), run alongside ==="; \
	cat $(SITE_LOG); \
	exit $$status

lint: $(DEV)
	$(LINT)

test-unit: $(DEV) $(READER) $(INSTRUCTOR)
	$(DEV_BIN)/python -m pytest tests $(NO_BROWSER)

# Skipped loudly without /usr/bin/chromium; a failure instead with CI=true or REQUIRE_BROWSER=1.
test-browser: $(DEV) $(READER)
	$(DEV_BIN)/python -m pytest tests/browser

# The website (book/): Sphinx + myst-nb from the stored outputs, nothing executed, nothing
# fetched; the builder packages are the `site` extra, in the maintainers' venv.
$(SITE): $(INSTRUCTOR) pyproject.toml
	$(UV_PIP) $(INSTRUCTOR_BIN)/python -e ".[instructor,site]"
	touch $@

# Its maths is typeset at build time by node (Debian: nodejs), else by MathJax in the browser.
book: $(SITE)
	$(INSTRUCTOR_BIN)/python tools/build_book.py

# axe-core, the accessibility checker tests/site runs in each page (AXE: see the top). Without
# npm (or the network) its tests are skipped loudly, a failure with CI=true, as without Chromium.
$(AXE):
	@mkdir -p build/axe-core
	-cd build/axe-core && npm pack --silent axe-core@$(AXE_CORE) > /dev/null && \
	  tar -xzf axe-core-$(AXE_CORE).tgz --strip-components=1 package/axe.min.js && \
	  mv axe.min.js ../axe.min.js && touch ../axe.min.js
	@rm -r build/axe-core

# Skipped loudly without /usr/bin/chromium; a failure instead with CI=true or REQUIRE_BROWSER=1.
test-site: book $(DEV) $(AXE)
	$(DEV_BIN)/python -m pytest tests/site

# one notebook:  make test-notebooks NB=notebooks/01-dot-product-neuron.ipynb
NB ?= notebooks
test-notebooks: $(DEV)
	$(DEV_BIN)/python -m pytest $(NB) $(PYTEST_NB) $(WARM) $(XDIST)

nav: $(DEV)
	$(DEV_BIN)/python tools/navigation.py
	$(DEV_BIN)/python tools/coursework.py table

execute: $(DEV)
	$(DEV_BIN)/python tools/navigation.py
	$(DEV_BIN)/python tools/coursework.py table
	$(DEV_BIN)/python tools/execute_notebooks.py $(if $(filter-out notebooks,$(NB)),$(NB),)

# Coursework, with nbgrader in its own environment. The release folder is self-contained:
# student notebooks, the helpers wheel (GunPoint inside, no notebooks) and a README.md for the
# instructor and the students. The class's grading folder (gradebook, feedback, grades.csv)
# persists between calls; it holds no instructor notebook (README.md, "Instructors").
GRADING ?= build/grading
student: $(INSTRUCTOR)
	$(INSTRUCTOR_BIN)/python tools/coursework.py release --out release --grading $(GRADING)

autograde: $(INSTRUCTOR)
	@test -n "$(SUBMISSIONS)" || { echo "usage: make autograde SUBMISSIONS=folder (one folder per student)"; exit 2; }
	$(INSTRUCTOR_BIN)/python tools/coursework.py autograde $(SUBMISSIONS) --release release --grading $(GRADING)

grades: $(INSTRUCTOR)
	$(INSTRUCTOR_BIN)/python tools/coursework.py grades --grading $(GRADING)

# nbgrader's formgrader (its JupyterLab extension) on the class's gradebook: the written answers
formgrader: $(INSTRUCTOR)
	cd $(GRADING) && $(abspath $(INSTRUCTOR_BIN))/jupyter lab $(AS_ROOT)

# The lower bounds are tested, not guessed: the reader's requirements pinned to exactly their lower
# bounds (requirements.txt, generated from pyproject.toml), with the dev extra's test tools (not
# the instructor's: nbgrader needs a newer JupyterLab; its tests are skipped).
test-min:
	rm -rf .venv-min && $(PYTHON) -m venv .venv-min
	sed -E 's/>=/==/' requirements.txt > .venv-min/requirements-min.txt
	.venv-min/bin/python -m pip install --quiet -e ".[reader,dev]" -c .venv-min/requirements-min.txt
	.venv-min/bin/python -c "import matplotlib.pyplot"
	.venv-min/bin/python -m pip list 2>/dev/null | grep -iE '^(numpy|matplotlib|jupyterlab|ipywidgets|nbval|pytest) '
	.venv-min/bin/python -m pytest tests notebooks $(PYTEST_NB) $(XDIST) $(NO_BROWSER) \
	    --ignore=tests/test_coursework.py --ignore=tests/test_wrong_answers.py \
	    --ignore=tests/test_release.py \
	    --ignore=tests/test_reader_env.py

# requirements.txt and environment.yml are generated from pyproject.toml (a test fails when stale)
requirements: $(DEV)
	$(DEV_BIN)/python tools/requirements.py

clean:
	rm -rf $(VENV) $(DEV_VENV) $(INSTRUCTOR_VENV) .venv-min .uv .pytest_cache .hypothesis build release
