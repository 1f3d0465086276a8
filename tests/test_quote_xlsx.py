"""The contractor's quote sheet: it opens with openpyxl, and its lines add up to the funding plan, scheme by scheme."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, strategies as st
from openpyxl import load_workbook

from costing.__main__ import main as costing_main
from costing.plan import build_plan, contexts
from costing.quote_xlsx import _largest_remainder, quote_lines, quote_xlsx
from costing.schemes import NAMES
from planner.checks import assess
from planner.project.file import loads_project
from planner.rules import load_rules

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
REGRADE = {"choices": {"step_free_entrance:entrance": "step_free_entrance:entrance:regrade"}}
CASES = [("house-stepped-entrance", {}), ("house-stepped-entrance", REGRADE), ("flat-narrow-bathroom", {}),
         ("accessible-flat", {})]


def _plan(name: str, state: dict):
    project = loads_project((EXAMPLES / f"{name}.tilpass.json").read_bytes())
    plan, _ = project.measured_plan()
    return plan, build_plan(plan, assess(plan, load_rules(project.standard)), state)


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("name, state", CASES)
def test_sheet_lines_add_up_to_the_funding_plan(name, state, lang):
    plan, fp = _plan(name, state)
    ctx, fctx = contexts(state)
    book = load_workbook(io.BytesIO(quote_xlsx(fp, ctx.prices, fctx.rates["vat"].value, plan.name, lang)))
    rows = list(book.active.iter_rows(values_only=True))
    head = rows[3]
    lines = rows[4:4 + len(quote_lines(fp))]
    total = head.index("Sum inkl. mva" if lang == "nb" else "Total incl. VAT")
    ex, vat = total - 2, total - 1
    assert sum(r[total] for r in lines) == fp.total("total")
    for r in lines:
        assert r[ex] + r[vat] == r[total]
        assert abs(r[vat] - r[ex] * 0.25) <= 1
    used = [n for n in NAMES if fp.total(n)]
    for i, name_ in enumerate(used):
        assert sum(r[total + 2 + i] for r in lines) == fp.total(name_), name_
    for r in lines:   # each line's funding adds up to the line
        assert sum(r[total + 2:total + 2 + len(used)]) == r[total]
    if not fp.chosen:
        assert rows[4][0] in ("Ingen hindringer trenger tiltak.", "No barrier needs a remedy.")


def test_the_grant_is_laid_on_the_permanent_work_of_raising_the_ground():
    _, fp = _plan("house-stepped-entrance", REGRADE)
    grant_lines = [q for q in quote_lines(fp) if q.paid_by.get("nav_grant")]
    assert grant_lines and {q.line.item for q in grant_lines} <= {"regrade_base", "regrade_per_m2"}
    assert sum(q.paid_by["nav_grant"] for q in grant_lines) == fp.total("nav_grant") > 0


@given(st.integers(0, 10**6), st.lists(st.integers(0, 10**5), min_size=1, max_size=8))
def test_largest_remainder_shares_whole_kroner_within_capacity(amount, capacity):
    given_ = _largest_remainder(amount, capacity)
    assert sum(given_) == min(amount, sum(capacity))
    assert all(0 <= g <= c for g, c in zip(given_, capacity))


def test_cli_writes_the_sheet(tmp_path, capsys):
    out = tmp_path / "tilbud.xlsx"
    assert costing_main(["quote", str(EXAMPLES / "flat-narrow-bathroom.tilpass.json"), "--xlsx", str(out)]) == 0
    assert load_workbook(out).active.title == "Tilbud"
    assert "Skrev" in capsys.readouterr().out


def test_cli_sheet_to_a_missing_folder_is_one_sentence(tmp_path, capsys):
    code = costing_main(["quote", str(EXAMPLES / "flat-narrow-bathroom.tilpass.json"), "--xlsx",
                         str(tmp_path / "nope" / "x.xlsx"), "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "Choose another place" in err


@pytest.mark.parametrize("name, state", CASES)
def test_norwegian_sheet_has_no_english_or_raw_keys(name, state):
    import re
    from tests.test_report_pdf import ENGLISH
    plan, fp = _plan(name, state)
    ctx, fctx = contexts(state)
    book = load_workbook(io.BytesIO(quote_xlsx(fp, ctx.prices, fctx.rates["vat"].value, plan.name, "nb")))
    cells = [c for row in book.active.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    text = " ".join(c for c in cells if not c.startswith("=SUM("))
    assert not ENGLISH.findall(text), ENGLISH.findall(text)[:5]
    assert not re.search(r"\b[a-z]+(_[a-z]+)+\b", text)
