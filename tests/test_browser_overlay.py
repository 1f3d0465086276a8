"""In Chromium: tap a line of the drawing as read, say its layer holds nothing to read, and it is read again."""
from __future__ import annotations

import pytest

from tests.dxf_factory import flat, to_bytes
from tests.test_browser import open_app, settle, shot

pytestmark = pytest.mark.browser


def test_tap_a_wall_of_the_drawing_as_read_and_ignore_its_layer(browser, st_url, tmp_path):
    from playwright.sync_api import expect
    path = tmp_path / "flat.dxf"
    path.write_bytes(to_bytes(flat()))
    ctx = browser.new_context(viewport={"width": 1180, "height": 1600}, has_touch=True)
    page = ctx.new_page()
    try:
        open_app(page, st_url)
        page.get_by_test_id("stSidebar").get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
        expect(page.get_by_text("Åpen: flat.dxf")).to_be_visible()
        settle(page)
        page.get_by_role("tab", name="Import").click()
        chart = page.get_by_test_id("stVegaLiteChart").filter(visible=True).first
        expect(chart).to_be_visible()
        chart.scroll_into_view_if_needed()
        page.wait_for_timeout(500)    # vega draws after the element appears
        shot(page, "overlay-read")
        box = page.locator("[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg").filter(
            visible=True).first.bounding_box()
        # the flat's top wall is the top of the drawing: tap down the middle of the chart until a tap meets it
        # (the chart's padding around the fitted drawing is vega's to choose)
        picked = page.get_by_text("Laget A-WALL (lest som: Vegger). Hva inneholder det?")
        for step in range(0, int(box["height"] / 3), 6):
            page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + step)
            settle(page)
            if picked.is_visible():
                break
        expect(picked).to_be_visible()
        shot(page, "overlay-picked")
        page.get_by_role("button", name="Overse").click()
        settle(page)
        expect(page.get_by_text("Laget A-WALL").first).not_to_be_visible()
        shot(page, "overlay-reread")
    finally:
        ctx.close()
