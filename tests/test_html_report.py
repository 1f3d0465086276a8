"""Regressions of the HTML report: it had no photos, UTC times, a replaced value beside the one in use, and an
English rules table with raw keys in a Norwegian report."""
from __future__ import annotations

import re

from costing.report import funding_html
from planner.output.application_report import build_html
from planner.checks import assess
from planner.rules import load_rules
from tests.test_report_pdf import _project


def _html(name: str, lang: str) -> str:
    project = _project(name)
    plan, _ = project.measured_plan()
    rules = load_rules(project.standard)
    findings = assess(plan, rules)
    return build_html(project, findings, rules, lang, None, funding_html(plan, findings, {}, lang))


def _rows(html: str) -> list[list[str]]:
    return [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html)]


def test_html_report_embeds_the_site_photos():
    html = _html("flat-narrow-bathroom", "nb")
    assert "src='data:image/jpeg;base64," in html and "Bilde av D1: dør.jpg, 1.11.2026 kl. 11.00" in html


def test_html_report_times_are_local_not_utc():
    html = _html("house-stepped-entrance", "nb")
    assert "UTC" not in html and "1.11.2026 kl. 11.00" in html   # stored as 10:00 UTC


def test_html_report_shows_only_the_value_in_use_not_the_one_it_replaced():
    rows = [r for r in _rows(_html("accessible-flat", "nb")) if r[:2] == ["D1", "terskel"]]
    assert [r[2] for r in rows] == ["20 mm"]   # the file holds 0 mm, then 20 mm measured later


def test_html_rules_table_is_norwegian_without_raw_keys():
    html = _html("accessible-flat", "nb")
    rules = html[html.index("Kravverdier og kilder"):]
    assert not re.search(r"\b[a-z]+(_[a-z]+)+\b", rules)
    assert "Et resultat så nær grensen skal måles på nytt" in rules and "URL / note" not in rules
    assert "A result this close" not in rules
