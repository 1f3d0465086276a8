"""The application package as a person gets it: fill in the applicant in a real Chromium, download the PDF, read it."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.test_browser import open_app, settle, shot

pytestmark = pytest.mark.browser


def test_the_applicant_typed_in_the_app_is_in_the_downloaded_pdf(page, st_url, tmp_path):
    from playwright.sync_api import expect
    open_app(page, st_url)
    page.get_by_role("tab", name="Lagre, rapport").click()
    page.get_by_text("Søknad: husstand, bolig og hvem som var på befaring").click()
    box = page.get_by_label("Søker")
    expect(box).to_be_visible()
    box.fill("Åse Ødegård")
    box.press("Enter")
    settle(page)
    shot(page, "package-01-form")
    with page.expect_download() as info:
        page.get_by_role("button", name="Søknadsrapport (PDF, A4)").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.name.endswith("-soknad.pdf")
    reader = PdfReader(io.BytesIO(saved.read_bytes()))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "Åse Ødegård" in text and "Tilpasning av bolig: søknadsvedlegg" in text
    assert "(ikke fylt ut)" in text   # the address was left empty and says so
