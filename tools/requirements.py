#!/usr/bin/env python3
"""Write requirements.txt and environment.yml from pyproject.toml, where every dependency is
declared once.

    python tools/requirements.py          # rewrite both (make requirements)
    python tools/requirements.py --check  # exit 1 and name the stale ones (used by tests)

Both describe the reader's environment, the package's dependencies + the ``reader`` extra:
requirements.txt for Binder and ``pip install -r`` (its lower bounds are what ``make test-min``
pins), environment.yml for conda-forge, with python pinned and helpers installed from the clone.
"""
import sys

try:
    import tomllib
except ModuleNotFoundError:                                   # Python 3.10
    import tomli as tomllib

import generated
from project_paths import ROOT

CONDA_PYTHON = "3.11"
HEADER = ("# Generated from pyproject.toml by tools/requirements.py (make requirements): "
          "change pyproject.toml, not this file.")


def reader_requirements(pyproject=ROOT / "pyproject.toml"):
    """The package's dependencies + the ``reader`` extra, as written in ``pyproject``."""
    project = tomllib.loads(pyproject.read_text())["project"]
    reqs = [*project["dependencies"], *project["optional-dependencies"]["reader"]]
    marked = [r for r in reqs if ";" in r]
    if marked:
        raise SystemExit(f"pyproject.toml: environment.yml cannot hold the markers of {marked}; "
                         "the reader's requirements must hold for every platform")
    return reqs


def requirements_txt(reqs):
    return "\n".join([HEADER, "# The reader's environment (pip install -r, Binder).", *reqs]) + "\n"


def environment_yml(reqs):
    lines = [HEADER, "# The reader's environment for conda / mamba / Binder.",
             "name: conv-as-matmul", "channels:", "  - conda-forge", "dependencies:",
             f"  - python={CONDA_PYTHON}", "  - pip", *(f"  - {r}" for r in reqs),
             "  - pip:", "      - -e ."]
    return "\n".join(lines) + "\n"


GENERATED = {"requirements.txt": requirements_txt, "environment.yml": environment_yml}


def stale(folder=ROOT, write=False):
    """Names of the generated files in ``folder`` that differ from what this script writes."""
    reqs = reader_requirements(folder / "pyproject.toml")
    out = []
    for name, render in GENERATED.items():
        path, text = folder / name, render(reqs)
        if not path.is_file() or path.read_text() != text:
            out.append(name)
            if write:
                path.write_text(text)
    return out


def main(argv=None):
    return generated.main(argv, __doc__, stale, "requirements", "requirements")


if __name__ == "__main__":
    sys.exit(main())
