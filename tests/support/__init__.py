"""What several test modules share, imported as ``support.<module>`` (pytest's ``pythonpath``
in pyproject.toml puts tests/ on sys.path), never from one conftest or test module into another.

- ``labserver``: a throw-away JupyterLab and headless Chromium (tests/browser, tests/site)
- ``site``: the website's pages and whether the site tests can run here (tests/site)
- ``venvs``: the project's other environments, or a skip (a failure under CI=true)
- ``exercises``: nbgrader's exercise cells, code run in a kernel (coursework, release)
- ``wheel_venv``: a wheel installed into a fresh venv, as the grader does (packaging)
"""
