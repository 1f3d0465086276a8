"""The rule values' box in a real browser: a click opens it with its table (sent only then, ui/plan_view.render_rules)
and it stays open with the table in English after a language switch."""
from __future__ import annotations

import pytest

import ui.texts  # noqa: F401  (registers the words of the rule box)
from planner.i18n import t
from tests.test_browser import open_app, settle, shot

pytestmark = pytest.mark.browser


def test_the_rule_box_opens_on_a_click_and_stays_open_in_english(page, st_url):
    from playwright.sync_api import expect
    open_app(page, st_url)
    tables = page.get_by_test_id("stDataFrame")
    expect(tables).to_have_count(1)                 # the findings; the rule values' box is closed
    page.get_by_text(t("rules.title", "nb"), exact=True).click()
    expect(tables).to_have_count(2)
    settle(page)
    page.get_by_role("combobox", name="Språk / Language").click()
    page.get_by_role("option", name="English", exact=True).click()
    expect(page.get_by_text(t("rules.title", "en"), exact=True)).to_be_visible()
    settle(page)
    expect(tables).to_have_count(2)
    expect(tables.nth(1)).to_be_visible()
    tables.nth(1).scroll_into_view_if_needed()
    shot(page, "rules-open-en")
