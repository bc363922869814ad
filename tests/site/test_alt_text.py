"""Every figure of every notebook has alt text in its cell's metadata, which the website's
``<img alt>`` carries (book/site_notebooks.py; myst-nb's own cell option):

    "metadata": {"mystnb": {"image": {"alt": "A sentence saying what the figure shows."}}}

One description per cell, so a cell outputs at most one figure. No browser or build needed.
"""
import nbformat
import pytest

from project_paths import notebook_paths
from support.site import figures

NOTEBOOKS = notebook_paths()


def alt_text(cell):
    alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt")
    return alt.strip() if isinstance(alt, str) else ""


def where(path, number, cell):
    first = next((line for line in cell.source.splitlines() if line.strip()), "")
    return f"{path.name} cell {number} (id {cell.get('id', '?')}): {first[:60]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_figure_has_alt_text_in_its_cell_metadata(path):
    nb = nbformat.read(path, as_version=4)
    missing = [where(path, n, cell) for n, cell, _ in figures(nb) if not alt_text(cell)]
    assert not missing, (
        f"{len(missing)} figure(s) without alt text; add cell metadata "
        '"mystnb": {"image": {"alt": "<one sentence: what the figure shows>"}} to:\n  '
        + "\n  ".join(missing))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_a_cell_outputs_at_most_one_figure(path):
    # The alt text is per cell: a second figure in the same cell would repeat the first's.
    nb = nbformat.read(path, as_version=4)
    several = [f"{where(path, n, cell)}: {count} figures"
               for n, cell, count in figures(nb) if count > 1]
    assert not several, "split these cells, one figure (and one alt text) each:\n  " + \
        "\n  ".join(several)


def test_the_notebooks_have_figures():
    assert sum(len(list(figures(nbformat.read(p, as_version=4)))) for p in NOTEBOOKS) > 10
