"""The website is light and accessible: each page weighs at most 1.2 MB on a cold load (what it
fetches from the site; explorer frames aside), the site folder at most 10 MB; axe-core finds no
serious or critical violation on any page; code blocks have copy buttons; no empty index.
"""
import pytest

from project_paths import SITE
from support.site import FRAMES, NOTEBOOK_PAGES, PAGE_BYTES, PAGES, SITE_BYTES, axe_or_fail

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", PAGES)
def test_a_page_weighs_at_most_1_2_mb_on_a_cold_load(crawl, name):
    sizes = crawl[name]["bytes"]
    biggest = sorted(sizes.items(), key=lambda item: -item[1])[:5]
    assert sum(sizes.values()) <= PAGE_BYTES, \
        f"{name}: {sum(sizes.values()):,} bytes; the biggest: {biggest}"


def test_the_site_folder_is_at_most_10_mb(site):
    files = [p for p in site.rglob("*") if p.is_file() and FRAMES not in f"/{p.as_posix()}"]
    total = sum(p.stat().st_size for p in files)
    assert total <= SITE_BYTES, f"{total:,} bytes in {SITE}"


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_serious_violation(crawl, name):
    axe_or_fail()
    serious = [v for v in crawl[name]["axe"] if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(f"{v['impact']} {v['id']}: {v['help']} at {v['where']}"
                                  for v in serious)


@pytest.mark.parametrize("name", NOTEBOOK_PAGES)
def test_code_cells_have_copy_buttons(crawl, name):
    assert crawl[name]["copy_buttons"] == crawl[name]["code_cells"]


def test_no_empty_index_is_built_or_linked(crawl):
    assert not (SITE / "genindex.html").exists()
    linked = [name for name in PAGES if any("genindex" in url for url in crawl[name]["links"])]
    assert not linked, linked
