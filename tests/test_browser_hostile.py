"""A Markdown image in a label fetches nothing (issue 13): in a real Chromium, every request the page makes is
recorded while a drawing and a project whose names carry `![x](http://203.0.113.7/label.png)` are open."""
from __future__ import annotations

import json

import pytest

from tests import dxf_factory as F
from tests.conftest import ROOT
from tests.test_browser import offsite_requests, open_app, settle, shot  # noqa: F401 - offsite_requests: a fixture

pytestmark = pytest.mark.browser
LABEL = "Bad ![x](http://203.0.113.7/label.png)"


def test_a_markdown_image_in_a_room_label_fetches_nothing(page, st_url, offsite_requests, tmp_path):
    from playwright.sync_api import expect
    drawing = tmp_path / "label.dxf"
    drawing.write_bytes(F.to_bytes(F.flat()).replace(b"Soverom", LABEL.encode()))
    project = json.loads((ROOT / "examples" / "flat-narrow-bathroom.tilpass.json").read_text(encoding="utf-8"))
    project["plan"]["name"] = LABEL
    project["plan"]["rooms"][0]["name"] = LABEL
    named = tmp_path / "named.tilpass.json"
    named.write_text(json.dumps(project), encoding="utf-8")

    open_app(page, st_url)
    upload = page.get_by_test_id("stSidebar").get_by_test_id("stFileUploaderDropzoneInput")
    upload.set_input_files(str(named))
    expect(page.get_by_text(f"Åpen: {LABEL}")).to_be_visible()    # the name, as written, not an image
    settle(page)
    upload.set_input_files(str(drawing))
    expect(page.get_by_text("Åpen: label.dxf")).to_be_visible()
    settle(page)
    for tab in ("Hjemmebesøk", "Pusse opp?", "Kostnad, tilskudd", "Import", "Plan og funn"):
        page.get_by_role("tab", name=tab).first.click()
        settle(page)
    shot(page, "hostile-label")
    assert page.locator('img[src*="203.0.113.7"]').count() == 0
    assert not [url for url in offsite_requests if "203.0.113.7" in url], offsite_requests
    assert offsite_requests == [], "the page reached beyond this machine"
