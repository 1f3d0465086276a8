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
    expect(page.get_by_test_id("stMetric").first).to_be_visible()
    settle(page)
    try:
        yield request.param, page, Finger(page)
    finally:
        context.close()


def test_a_finger_draws_a_room_and_a_door(tablet):
    from playwright.sync_api import expect
    name, page, finger = tablet
    finger.tap_on(page.get_by_role("tab", name="Tegn en plan"))
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
