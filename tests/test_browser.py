"""The app in a real Chromium: only what a browser can show — the canvas, uploads, downloads, a tablet's width.

Screenshots go to test-artifacts/ (look at them). Wiring and logic are tested faster with AppTest elsewhere.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ARTIFACTS, ROOT

pytestmark = pytest.mark.browser
CANVAS = '[data-testid="stBidiComponentIsolated"] canvas.upper-canvas'


def settle(page) -> None:
    """Wait until the script has finished and nothing on the page is stale."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=30_000)
    page.wait_for_function('document.querySelectorAll("[data-stale=\\"true\\"]").length === 0', timeout=30_000)


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def open_app(page, url: str) -> None:
    from playwright.sync_api import expect
    page.goto(url)
    expect(page.get_by_test_id("stMetric").first).to_be_visible()
    settle(page)


def rooms_and_doors(page):
    """The value of the "Rom / dører" metric above the tabs."""
    return page.get_by_test_id("stMetric").filter(has_text="Rom / dører").get_by_test_id("stMetricValue")


def finding(page, text: str):
    """A line of the Draw tab's findings list."""
    return page.get_by_role("listitem").filter(has_text=text).first


def canvas_box(page, width: float | None = None) -> dict:
    """The drawing canvas's box on the page; with width, once the canvas has taken that width (it is laid out
    again after the rerun that chose its size, later on a busy machine)."""
    from playwright.sync_api import expect
    canvas = page.locator(CANVAS)
    expect(canvas).to_be_visible()
    canvas.scroll_into_view_if_needed()
    page.wait_for_timeout(400)  # the canvas's background image is loaded after the element appears
    box = canvas.bounding_box()
    for _ in range(50):
        if width is None or abs(box["width"] - width) <= 2:
            break
        page.wait_for_timeout(200)
        box = canvas.bounding_box()
    return box


@pytest.fixture
def offsite_requests(page):
    """Every request the page makes to anything but this machine: there must be none (privacy)."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url)
            if not request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "http://localhost", "ws://localhost",
                                           "data:", "blob:", "about:")) else None)
    return seen


def test_first_screen_then_draw_a_room_and_a_door(page, st_url, offsite_requests):
    from playwright.sync_api import expect
    open_app(page, st_url)
    expect(page.get_by_text("Åpen: Enebolig med trapp")).to_be_visible()
    expect(page.get_by_test_id("stImage").first).to_be_visible()          # the checked example plan
    shot(page, "01-first-screen")

    page.get_by_role("tab", name="Tegn").click()
    box = canvas_box(page)
    # drag a room: 150 × 120 px at 12 m across = 2.5 × 2.0 m (after snapping), a bathroom by default
    x0, y0 = box["x"] + 100, box["y"] + 100
    page.mouse.move(x0, y0)
    page.mouse.down()
    page.mouse.move(x0 + 70, y0 + 50, steps=5)
    page.mouse.move(x0 + 150, y0 + 120, steps=5)
    page.mouse.up()
    expect(page.get_by_text("La til R1.")).to_be_visible()
    expect(finding(page, "Snusirkel")).to_be_visible()                   # the turning-circle finding appears
    settle(page)

    page.get_by_text("Dør", exact=True).click()                            # the door tool
    settle(page)
    box = canvas_box(page)
    page.mouse.click(box["x"] + 107, box["y"] + 160)                       # just inside the west wall
    expect(page.get_by_text("La til D1.")).to_be_visible()
    expect(finding(page, "Fri døråpning · D1")).to_be_visible()          # the door's width finding
    expect(finding(page, "Terskel · D1")).to_be_visible()
    settle(page)
    page.locator(CANVAS).scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    shot(page, "02-drawn-room-and-door")

    page.get_by_role("button", name="Bruk denne planen").click()
    expect(page.get_by_text("Åpen: Min bolig")).to_be_visible()
    settle(page)
    expect(rooms_and_doors(page)).to_have_text("1 / 1")
    assert offsite_requests == [], "the page reached beyond this machine"


def test_upload_a_dxf_then_save_and_reopen_the_project(page, st_url, tmp_path):
    from playwright.sync_api import expect
    open_app(page, st_url)
    upload = page.get_by_test_id("stSidebar").get_by_test_id("stFileUploaderDropzoneInput")
    upload.set_input_files(str(ROOT / "examples" / "flat-narrow-bathroom.dxf"))
    expect(page.get_by_text("Åpen: flat-narrow-bathroom.dxf")).to_be_visible()
    settle(page)
    shot(page, "03-dxf-uploaded")
    # Regression: the browser sent the house example's entrance fields (350 mm, 2 steps) back on the next run
    # and they became measurements of the uploaded plan. Make a run happen, then look.
    page.get_by_text("alle", exact=True).click()
    settle(page)
    page.get_by_role("tab", name="Målinger").click()
    expect(page.get_by_text("Ingenting er målt ennå").filter(visible=True)).to_be_visible()

    page.get_by_role("tab", name="Lagre, rapport").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Lagre prosjekt (.json)").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    data = json.loads(saved.read_text("utf-8"))
    assert data["format"] == "tilpass-project" and len(data["plan"]["rooms"]) == 5

    page.get_by_test_id("stSidebar").get_by_role("button", name="Åpne eksempel").click()
    expect(page.get_by_text("Åpen: Enebolig med trapp")).to_be_visible()
    upload.set_input_files(str(saved))
    expect(page.get_by_text("Åpen: flat-narrow-bathroom.dxf")).to_be_visible()   # the saved plan is back
    settle(page)
    expect(rooms_and_doors(page)).to_have_text("5 / 5")


def test_site_visit_on_a_tablet(browser, st_url):
    from playwright.sync_api import expect
    context = browser.new_context(viewport={"width": 820, "height": 1180}, has_touch=True)
    page = context.new_page()
    try:
        open_app(page, st_url)
        page.get_by_role("tab", name="Hjemmebesøk").click()
        expect(page.get_by_text("Inngang: nivåforskjell").first).to_be_visible()
        page.get_by_role("button", name="Neste ▶").click()
        expect(page.get_by_role("heading", name="Dør D1: Entré ↔ ute")).to_be_visible()
        settle(page)
        width = page.get_by_test_id("stTextInput").filter(has_text="Fri bredde (mm)").locator("input")
        width.fill("830")
        width.press("Enter")
        expect(page.get_by_text("Fri bredde 830 mm").filter(visible=True).first).to_be_visible()   # the result follows at once
        settle(page)
        note = page.get_by_test_id("stTextArea").filter(has_text="Notat").locator("textarea")
        note.fill("Dørstopper kan flyttes")
        note.press("Tab")
        settle(page)
        page.get_by_role("heading", name="Dør D1: Entré ↔ ute").scroll_into_view_if_needed()
        shot(page, "04-site-visit-tablet")
        # nothing is wider than the tablet: no sideways scrolling on the visit tab
        overflow = page.evaluate('document.querySelector("[data-testid=stMain]").scrollWidth')
        assert overflow <= 820
        page.get_by_role("tab", name="Tegn").click()
        settle(page)   # the tab is drawn by the rerun its click starts: a box opened before that is replaced
        size = page.get_by_test_id("stSelectbox").filter(has_text="Tegneflate")
        for _ in range(3):   # a choice made while a rerun replaces the box is lost: made again until it shows
            size.click()
            page.get_by_role("option", name="nettbrett (460 × 460)").click()
            settle(page)
            if "nettbrett" in size.inner_text():
                break
        box = canvas_box(page, width=460)
        assert box["width"] == pytest.approx(460, abs=2)
        page.mouse.move(box["x"] + 60, box["y"] + 60)           # a finger-drawn room fits on the tablet canvas
        page.mouse.down()
        page.mouse.move(box["x"] + 200, box["y"] + 180, steps=6)
        page.mouse.up()
        expect(page.get_by_text("La til R1.")).to_be_visible()
        settle(page)
        canvas_box(page)
        shot(page, "05-draw-tablet")
    finally:
        context.close()
