"""The website at a laptop's width (1280 px) and a phone's (390 px): nothing hidden sideways,
figures at their drawn size, one menu that opens, one search field, one previous/next bar;
the reader's dark setting followed; printed code wrapped. Measured on every page by the crawl
(conftest.py); screenshots in build/screenshots/site/.
"""
import re

import pytest

from support.site import FRAMES, NOTEBOOK_PAGES, PAGES, SCREENSHOTS

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


def _open_page(new_page, server, width, name="02-sliding-window-feature-maps.html"):
    page = new_page()
    page.set_viewport_size({"width": width, "height": 844 if width < 500 else 900})
    page.goto(server + name, wait_until="networkidle")
    return page


def _visible(page, selector):
    return page.eval_on_selector_all(selector, """els => els.filter(e => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
    }).length""")


def test_the_menu_opens_the_contents_on_a_phone(new_page, server):
    page = _open_page(new_page, server, 390)
    assert _visible(page, "nav.bd-links a") == 0          # the contents start closed
    buttons = page.locator("button.primary-toggle")
    assert buttons.count() == 1, "one menu button"
    buttons.click()
    page.wait_for_selector("dialog#pst-primary-sidebar-modal[open] nav.bd-links a",
                           state="visible", timeout=5_000)
    assert _visible(page, "nav.bd-links a") >= len(NOTEBOOK_PAGES)
    page.screenshot(path=str(SCREENSHOTS / "menu-open-390.png"))
    page.keyboard.press("Escape")
    page.wait_for_selector("dialog#pst-primary-sidebar-modal[open]", state="detached")
    assert not page.console_errors, page.console_errors


def test_the_menu_hides_and_shows_the_contents_at_1280_px(new_page, server):
    page = _open_page(new_page, server, 1280)
    sidebar = page.locator("#pst-primary-sidebar")
    assert sidebar.is_visible()
    page.locator("button.primary-toggle").click()
    sidebar.wait_for(state="hidden")
    page.locator("button.primary-toggle").click()
    sidebar.wait_for(state="visible")
    assert not page.console_errors, page.console_errors


@pytest.mark.parametrize("width", [1280, 390])
def test_one_search_field_and_one_previous_next_bar(new_page, server, width):
    page = _open_page(new_page, server, width)
    assert _visible(page, ".search-button__button") == 1, "one way to search"
    assert page.locator(".prev-next-area").count() == 1
    # the notebooks' own generated "< prev | Contents | next >" lines are not on the site
    assert "| Contents |" not in page.inner_text(".bd-article")


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


def test_printed_code_wraps(new_page, server):
    page = _open_page(new_page, server, 1280)
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 600, "height": 900})
    wide = page.eval_on_selector_all(
        ".bd-article pre", "els => els.filter(e => e.scrollWidth > e.clientWidth + 1).length")
    assert wide == 0, f"{wide} code blocks run off the printed page"
