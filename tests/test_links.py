"""Every intra-series link `NN-name.ipynb#anchor` in a notebook's markdown must land somewhere.

A link resolves when the linked notebook exists and the anchor is, in that notebook's markdown,
- an explicit anchor: `<a id="anchor"></a>` or `<a name="anchor"></a>`, or
- a heading: its slug (lower-case, punctuation dropped, spaces -> '-', as GitHub and most
  markdown renderers make it) or its raw text with spaces -> '-' (as JupyterLab makes it).
Links within one notebook, `](#anchor)`, are checked against that notebook the same way.
"""
import re
import urllib.parse
from pathlib import Path

import nbformat
import pytest

from project_paths import notebook_paths

NOTEBOOKS = notebook_paths()

# ](NN-x.ipynb#frag) or ](#frag)
LINK = re.compile(r"\]\(((?:\d\d-[^)#\s]*\.ipynb)?)#([^)\s]+)\)")
HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.+?)(?:\s+#+)?\s*$", re.M)
EXPLICIT = re.compile(r"""<a\s[^>]*?\b(?:id|name)\s*=\s*["']([^"']+)["']""", re.I)


def slug(heading):
    """Markdown-style slug of a heading: lower-case, punctuation dropped, spaces -> '-'."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def markdown_sources(nb):
    return [c.source for c in nb.cells if c.cell_type == "markdown"]


def anchors(nb):
    """Every fragment that lands in ``nb``: explicit anchors, heading slugs and raw headings."""
    found = set()
    for text in markdown_sources(nb):
        found |= set(EXPLICIT.findall(text))
        for heading in HEADING.findall(text):
            found |= {slug(heading), heading.strip().replace(" ", "-")}
    return found


def broken_links(path):
    """The links in notebook ``path`` that do not resolve, as readable strings ([] if none).

    Linked notebooks are looked up in the folder of ``path``.
    """
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    cache = {"": anchors(nb)}
    broken = []
    for text in markdown_sources(nb):
        for target, frag in LINK.findall(text):
            if target not in cache:
                other = path.parent / target
                cache[target] = (anchors(nbformat.read(other, as_version=4))
                                 if other.exists() else None)
            frag = urllib.parse.unquote(frag)
            shown = f"{target or path.name}#{frag}"
            if cache[target] is None:
                broken.append(f"{shown}: no notebook {target}")
            elif frag not in cache[target]:
                broken.append(f"{shown}: no heading or <a id=...> anchor {frag!r} in it")
    return list(dict.fromkeys(broken))           # each broken link once, in order


def test_there_are_notebooks_to_check():
    assert NOTEBOOKS and NOTEBOOKS[0].name == "00-index.ipynb"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_intra_series_link_resolves(path):
    broken = broken_links(path)
    assert not broken, (f"{path.name} has links that land nowhere (add the heading or an "
                        f"<a id=\"...\"></a> anchor, or fix the link):\n  " + "\n  ".join(broken))


def test_slugs_follow_the_markdown_rule():
    assert slug("3. Which row, which column?") == "3-which-row-which-column"
    assert slug("Q4. Is $W$ not a vector any more?") == "q4-is-w-not-a-vector-any-more"
    assert slug("The 20-minute path") == "the-20-minute-path"


def _write(folder, name, *markdown):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(m) for m in markdown])
    nbformat.write(nb, folder / name)
    return folder / name


def test_a_made_up_link_is_caught(tmp_path):
    _write(tmp_path, "01-target.ipynb",
           '<a id="q1-explicit"></a>\n## 3. Which row, which column?',
           "### Padding, stride and dilation\n\ntext", '<a name="old-style"></a>')
    index = _write(tmp_path, "00-index.ipynb",
                   "<a id=\"here\"></a>\n# Index\n\n"
                   "[explicit](01-target.ipynb#q1-explicit), "
                   "[slug](01-target.ipynb#3-which-row-which-column), "
                   "[raw](01-target.ipynb#3.-Which-row,-which-column?), "
                   "[other heading](01-target.ipynb#padding-stride-and-dilation), "
                   "[name=](01-target.ipynb#old-style), [same notebook](#here)",
                   "[made up](01-target.ipynb#q9-no-such-section) and "
                   "[missing notebook](07-missing.ipynb#anything) and [typo](#hree)")
    assert broken_links(index) == [
        "01-target.ipynb#q9-no-such-section: no heading or <a id=...> anchor "
        "'q9-no-such-section' in it",
        "07-missing.ipynb#anything: no notebook 07-missing.ipynb",
        "00-index.ipynb#hree: no heading or <a id=...> anchor 'hree' in it",
    ]


def test_links_in_code_cells_and_plain_urls_are_not_series_links(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("# see [x](01-nowhere.ipynb#nothing)"),
        nbformat.v4.new_markdown_cell("[thread](https://stats.stackexchange.com/questions/161093#x)"),
    ])
    nbformat.write(nb, tmp_path / "00-index.ipynb")
    assert broken_links(tmp_path / "00-index.ipynb") == []
