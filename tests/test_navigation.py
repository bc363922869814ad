"""Navigation cells and the contents list are generated; stale ones fail here (run: make nav)."""
import nbformat

import navigation
from project_paths import notebook_paths


def test_navigation_is_up_to_date():
    stale = navigation.stale(write=False)
    assert not stale, f"stale navigation in {stale}: run `make nav`"


def test_every_notebook_links_to_its_neighbours():
    paths = notebook_paths()
    assert paths[0].name == "00-index.ipynb"
    index = nbformat.read(paths[0], as_version=4)
    contents = "\n".join(c.source for c in index.cells if navigation.START in c.source)
    for i, path in enumerate(paths):
        nb = nbformat.read(path, as_version=4)
        first, last = nb.cells[0].source, nb.cells[-1].source
        assert first == last and first.startswith(navigation.MARK)
        if i:
            assert f"]({paths[i - 1].name})" in first and f"({path.name})" in contents
        if i + 1 < len(paths):
            assert f"]({paths[i + 1].name})" in first


def test_check_detects_a_stale_notebook(tmp_path):
    for path in notebook_paths():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    victim = tmp_path / "01-dot-product-neuron.ipynb"
    nb = nbformat.read(victim, as_version=4)
    nb.cells[0].source = nb.cells[0].source.replace("Contents", "Contants")
    nbformat.write(nb, victim)
    assert navigation.stale(tmp_path) == ["01-dot-product-neuron.ipynb"]
    navigation.stale(tmp_path, write=True)
    assert navigation.stale(tmp_path) == []
