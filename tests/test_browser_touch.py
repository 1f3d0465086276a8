"""A finger on a tablet, in a real Chromium: touch events dispatched through CDP (a touch-enabled context), never
mouse events — a mouse drag proves nothing about a finger. Portrait 820 × 1180 and landscape 1180 × 820.

Screenshots go to test-artifacts/ (look at them).
"""
from __future__ import annotations

import pytest

from tests.test_browser import canvas_box, finding, settle, shot

pytestmark = pytest.mark.browser
TABLETS = {"portrait": (820, 1180), "landscape": (1180, 820)}


class Finger:
    """Touches dispatched as a touchscreen sends them (Input.dispatchTouchEvent)."""

    def __init__(self, page):
        self.page = page
        self.cdp = page.context.new_cdp_session(page)

    def drag(self, x0: float, y0: float, x1: float, y1: float, steps: int = 8) -> None:
        self.cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x0, "y": y0}]})
        for i in range(1, steps + 1):
            x, y = x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps
            self.cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
        self.cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})

    def tap(self, x: float, y: float) -> None:
        self.cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
        self.cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})

    def tap_on(self, locator) -> None:
        locator.scroll_into_view_if_needed()
        box = locator.bounding_box()
        self.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


@pytest.fixture(params=list(TABLETS))
def tablet(request, browser, st_url):
    from playwright.sync_api import expect
    width, height = TABLETS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(st_url)
    expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=90_000)   # a loaded machine is slow
    settle(page)
    try:
        yield request.param, page, Finger(page)
    finally:
        context.close()


def test_a_finger_draws_a_room_and_a_door(tablet):
    from playwright.sync_api import expect
    name, page, finger = tablet
    finger.tap_on(page.get_by_role("tab", name="Tegn"))
    box = canvas_box(page)
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"], "the canvas is cut off"
    x0, y0 = box["x"] + box["width"] * 0.15, box["y"] + box["height"] * 0.15
    finger.drag(x0, y0, x0 + box["width"] * 0.3, y0 + box["height"] * 0.3)
    expect(page.get_by_text("La til R1.")).to_be_visible()
    expect(finding(page, "Snusirkel")).to_be_visible()
    settle(page)

    finger.tap_on(page.get_by_text("Dør", exact=True))       # choosing the door tool is a tap too
    settle(page)
    box = canvas_box(page)
    finger.tap(box["x"] + box["width"] * 0.15 + 3, box["y"] + box["height"] * 0.3)   # on the room's west wall
    expect(page.get_by_text("La til D1.")).to_be_visible()
    expect(finding(page, "Fri døråpning · D1")).to_be_visible()
    settle(page)
    canvas_box(page)
    shot(page, f"touch-{name}-room-and-door")

    finger.tap_on(page.get_by_text("Flytt", exact=True))       # select the move tool, then drag the room along
    settle(page)
    box = canvas_box(page)
    cx, cy = box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.3
    finger.drag(cx, cy, cx + box["width"] * 0.2, cy)
    expect(page.get_by_text("Flyttet R1.")).to_be_visible()
    settle(page)
    canvas_box(page)
    shot(page, f"touch-{name}-moved")


def test_every_tab_is_reachable_by_finger_and_nothing_is_wider_than_the_screen(tablet):
    from playwright.sync_api import expect
    name, page, finger = tablet
    sidebar_open = page.get_by_test_id("stSidebarCollapseButton").locator("button[aria-expanded=true]")
    if page.viewport_size["width"] <= 1024:
        expect(sidebar_open).to_have_count(0)                   # a narrow screen starts with the sidebar closed
    tabs = page.get_by_role("tab")
    labels = [tabs.nth(i).inner_text() for i in range(tabs.count())]
    assert len(labels) >= 7
    for label in labels:
        tab = page.get_by_role("tab", name=label, exact=True)
        finger.tap_on(tab)
        expect(tab).to_have_attribute("aria-selected", "true")
        box = tab.bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= page.viewport_size["width"] + 1, label
        settle(page)
        wide = page.evaluate('document.querySelector("[data-testid=stMain]").scrollWidth')
        assert wide <= page.viewport_size["width"], f"{label}: the page scrolls sideways ({wide} px)"
    finger.tap_on(page.get_by_role("tab", name="Kostnad, tilskudd", exact=True))
    settle(page)
    chart = page.get_by_test_id("stImage").filter(visible=True).first
    expect(chart).to_be_visible()
    chart.scroll_into_view_if_needed()
    assert chart.bounding_box()["width"] <= page.viewport_size["width"]
    shot(page, f"touch-{name}-costs")


def test_downloads_tapped_in_quick_succession_all_arrive_and_a_dwg_gets_the_apps_own_sentence(tablet, tmp_path):
    from playwright.sync_api import expect
    name, page, finger = tablet
    if name != "portrait":
        pytest.skip("once is enough: neither depends on the screen")
    finger.tap_on(page.get_by_role("tab", name="Lagre, rapport", exact=True))
    settle(page)
    arrived = []
    page.on("download", lambda download: arrived.append(download))
    buttons = [page.get_by_role("button", name=label) for label in ("Lagre prosjekt (.json)", "Last ned tegningen (PNG)")]
    for button in buttons:
        button.scroll_into_view_if_needed()
    for button in buttons:                                    # two taps, no waiting in between
        box = button.bounding_box()
        finger.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(600):                                      # wait for both (a loaded machine is slow)
        if len(arrived) == 2:
            break
        page.wait_for_timeout(100)
    assert sorted(d.suggested_filename.rsplit(".", 1)[-1] for d in arrived) == ["json", "png"]
    for download in arrived:
        assert download.failure() is None
        download.save_as(tmp_path / download.suggested_filename)
        assert (tmp_path / download.suggested_filename).stat().st_size > 100

    dwg = tmp_path / "tegning.dwg"
    dwg.write_bytes(b"AC1032\x00\x00binary")
    page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(str(dwg))
    expect(page.get_by_text("Dette er en DWG-fil").first).to_be_visible()
    expect(page.get_by_text("files are not allowed")).to_have_count(0)


def test_a_finger_traces_over_a_plan_image(tablet, tmp_path):
    """Upload a plan image, set its scale with a line along a 3 m wall, draw the hall over the image."""
    from playwright.sync_api import expect

    from tests.test_underlay import plan_image
    name, page, finger = tablet
    image = tmp_path / "prospekt.png"
    image.write_bytes(plan_image())
    finger.tap_on(page.get_by_role("tab", name="Tegn", exact=True))
    settle(page)
    finger.tap_on(page.get_by_text("Tegn over en plantegning", exact=False).first)
    page.get_by_test_id("stExpander").filter(has_text="Tegn over en plantegning") \
        .get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(image))
    expect(page.get_by_text("målestokken er ikke satt").first).to_be_visible()
    settle(page)
    finger.tap_on(page.get_by_text("Målestokk", exact=True))
    settle(page)
    box = canvas_box(page)
    # the image lies over the canvas from its lower-left corner, as wide as the canvas: the hall's south wall
    # runs 40 px above the image's foot, from 40 px to 40 + 3000 × 0.137 px
    scale = box["width"] / image_width()
    y = box["y"] + box["height"] - 40 * scale
    finger.drag(box["x"] + 40 * scale, y, box["x"] + (40 + 3000 * 0.137) * scale, y)
    expect(page.get_by_text("Linje tegnet").first).to_be_visible()
    length = page.get_by_test_id("stTextInput").filter(has_text="Hvor lang er linjen").locator("input")
    length.fill("3,00 m")
    finger.tap_on(page.get_by_role("button", name="Sett målestokken"))
    expect(page.get_by_text("1 piksel i bildet er 7,3 mm").first).to_be_visible()
    settle(page)
    finger.tap_on(page.get_by_text("Rom (rektangel)", exact=True))
    settle(page)
    box = canvas_box(page)
    finger.drag(box["x"] + box["width"] * 0.2, box["y"] + box["height"] * 0.3,
                box["x"] + box["width"] * 0.45, box["y"] + box["height"] * 0.6)
    expect(page.get_by_text("La til R1.")).to_be_visible()
    settle(page)
    canvas_box(page)
    shot(page, f"touch-{name}-traced")


def image_width() -> int:
    from tests.test_underlay import MARGIN_PX, PX_PER_MM
    return int(5000 * PX_PER_MM + 2 * MARGIN_PX)

