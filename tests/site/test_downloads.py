"""Each notebook's page offers its student notebook and the helpers wheel for download
(book/site_pages.py); the source, Binder and issue links are there only when book/conf.py
names the repository (tests/site/test_site_mechanisms.py builds a page with one), so with
none configured they are absent, not broken.
"""
import re
import zipfile

import nbformat
import pytest

from project_paths import SITE
from support.site import NOTEBOOK_PAGES

pytestmark = pytest.mark.browser


def _download_links(crawl, name):
    return [url.rsplit("/", 1)[-1] for url in crawl[name]["links"]
            if url.endswith((".ipynb", ".whl"))]


@pytest.mark.parametrize("name", NOTEBOOK_PAGES)
def test_each_page_links_its_student_notebook_and_the_wheel(crawl, name):
    links = _download_links(crawl, name)
    notebook = name.replace(".html", ".ipynb")
    assert notebook in links, links
    nb = nbformat.read(SITE / notebook, as_version=4)
    text = nbformat.writes(nb)
    assert not re.search(r"BEGIN (SOLUTION|HIDDEN TESTS)", text), f"{notebook} has answers"
    assert not any(cell.get("outputs") for cell in nb.cells), "released without outputs"
    wheels = [link for link in links if link.endswith(".whl")]
    assert len(wheels) == 1, links
    with zipfile.ZipFile(SITE / "_downloads" / wheels[0]) as wheel:
        assert "helpers/__init__.py" in wheel.namelist()


def test_without_a_repository_url_there_are_no_repository_links(crawl):
    for name in NOTEBOOK_PAGES:
        outside = [url for url in crawl[name]["links"]
                   if re.search(r"mybinder\.org|/issues/new|/blob/", url)]
        assert not outside, (name, outside)
