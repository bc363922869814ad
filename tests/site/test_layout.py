"""The website at a laptop's width (1280 px) and a phone's (390 px): nothing hidden sideways,
figures at their drawn size, one menu that opens, one search field, one previous/next bar;
the reader's dark setting followed; printed code wrapped. Measured on every page by the crawl
(conftest.py), which also uses the menu of one page (CHROME_PAGE) at both widths and prints
it; screenshots in build/screenshots/site/.
"""
import re

import pytest

from support.site import CHROME_PAGE, FRAMES, NOTEBOOK_PAGES, PAGES, SCREENSHOTS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", PAGES)
def test_nothing_scrolls_sideways_at_1280_px(crawl, name):
    wide = crawl[name]["wide"]
    assert not wide["page"], f"{name} scrolls sideways at 1280 px"
    # Code cells' lines are <= 80 characters (make lint) and fit the column; outputs wrap.
    code = [c["text"] for c in wide["code"]]
    assert not code, f"code or output scrolls sideways: {code}"
    assert not wide["outputs"], f"outputs wider than the column: {wide['outputs']}"
    assert not wide["maths"], f"display maths wider than the column: {wide['maths']}"


@pytest.mark.parametrize("name", PAGES)
def test_at_390_px_wide_maths_scrolls_in_its_own_box(crawl, name):
    narrow = crawl[name]["narrow"]
    assert not narrow["page"], f"{name} scrolls sideways at 390 px"
    clipped = [m["text"] for m in narrow["maths"] if not m["scrolls"]]
    assert not clipped, f"display maths clipped at 390 px (it must scroll): {clipped}"
    unreachable = [m["text"] for m in narrow["maths"] if not m["focusable"]]
    assert not unreachable, f"scrolling maths the keyboard cannot reach: {unreachable}"


@pytest.mark.parametrize("name", NOTEBOOK_PAGES)
def test_figures_are_shown_at_their_drawn_size_and_open_full_size(crawl, name):
    for width in ("wide", "narrow"):
        for fig in crawl[name][width]["figures"]:
            expected = min(fig["drawn"], fig["column"])
            if FRAMES.strip("/") in fig["src"]:  # an explorer's frame: a slider's view, no link;
                # on a phone it fills its box (the output area less the box's padding)
                assert fig["shown"] <= expected + 1, (name, width, fig)
                if width == "wide":
                    assert abs(fig["shown"] - expected) <= 1, (name, width, fig)
                continue
            assert abs(fig["shown"] - expected) <= 1, (name, width, fig)
            assert fig["link"] == fig["src"], f"{fig['src']} does not open full size: {fig}"


def _found(crawl, what, width):
    """What the crawl found on CHROME_PAGE at this width: its "chrome", or its "menu" used."""
    found = crawl[CHROME_PAGE][what][width]
    assert "error" not in found, f"{CHROME_PAGE}, {what} at {width} px: {found.get('error')}"
    return found


def test_the_menu_opens_the_contents_on_a_phone(crawl):
    menu = _found(crawl, "menu", 390)
    assert menu["contents_links_closed"] == 0              # the contents start closed
    assert menu["menu_buttons"] == 1, "one menu button"
    assert menu["contents_links_open"] >= len(NOTEBOOK_PAGES)     # (screenshot: menu-open-390)
    assert not menu["console_errors"], menu["console_errors"]


def test_the_menu_hides_and_shows_the_contents_at_1280_px(crawl):
    menu = _found(crawl, "menu", 1280)             # hidden, then shown again, by the menu button
    assert menu["sidebar_at_start"]
    assert not menu["console_errors"], menu["console_errors"]


@pytest.mark.parametrize("width", [1280, 390])
def test_one_search_field_and_one_previous_next_bar(crawl, width):
    chrome = _found(crawl, "chrome", width)
    assert chrome["search_fields"] == 1, "one way to search"
    assert chrome["prev_next_bars"] == 1
    # the notebooks' own generated "< prev | Contents | next >" lines are not on the site
    assert not chrome["own_navigation"]


def test_the_site_follows_the_readers_dark_setting(new_page, server):
    page = new_page()
    page.emulate_media(color_scheme="dark")
    page.goto(server + "04-convolution-as-matrix-multiplication.html", wait_until="networkidle")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    # the figures are white-background PNGs: in dark mode they sit on a light card, dimmed
    background, dimmed = page.eval_on_selector(".cell_output img", """img => [
        getComputedStyle(img).backgroundColor, getComputedStyle(img).filter]""")
    assert all(int(c) >= 200 for c in re.findall(r"\d+", background)[:3]), background
    assert "brightness" in dimmed, dimmed
    page.screenshot(path=str(SCREENSHOTS / "dark-1280.png"))


def test_printed_code_wraps(crawl):
    wide = crawl[CHROME_PAGE]["printed_wide_code"]
    assert not isinstance(wide, dict), f"{CHROME_PAGE} printed: {wide}"
    assert wide == 0, f"{wide} code blocks run off the printed page"
