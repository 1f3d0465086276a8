"""A contractor's quote as CSV or Excel: lines read, VAT handled, mapped to remedies, prices replaced."""
from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from costing.plan import contexts
from costing.quotes import QuoteError, quote_state, quoted_amounts, read_quote
from costing.remedies import remedies_for
from costing.texts import note_text
from planner.checks import assess
from planner.rules import load_rules
from tests.test_costing_remedies import flat

CSV = ("Tilbud nr 12;;\nBeskrivelse;Antall;Sum inkl. mva\nUtvide døråpning bad, ny karm og dør;1;24 500\n"
       "Fjerne terskel;1;3.200,00\nRiving av badekar;1;9000\nMembran og flis, sluk;1;71000\nRigg og drift;1;5000\n"
       "Sum;;112 700\n").encode("utf-8")


def test_csv_quote_lines_and_mapping():
    lines, notes = read_quote(CSV, "tilbud.csv")
    options = {line.description: line.option for line in lines}
    assert options["Utvide døråpning bad, ny karm og dør"] == "door_widen"
    assert options["Fjerne terskel"] == "threshold_removal"
    assert options["Riving av badekar"] == options["Membran og flis, sluk"] == "bath_to_shower"
    assert options["Rigg og drift"] is None
    assert "Sum" not in options  # a total line is not work
    totals = quoted_amounts(quote_state(lines, "tilbud.csv"))
    assert totals == {"door_widen": 24_500, "threshold_removal": 3_200, "bath_to_shower": 80_000}


def test_excel_quote_excluding_vat_gets_vat_added():
    wb = Workbook()
    ws = wb.active
    ws.append(["Description", "Amount excl. VAT"])
    ws.append(["Raise the ground at the entrance, fill and paving", 40_000])
    ws.append(["Handrail", None])
    buf = io.BytesIO()
    wb.save(buf)
    lines, notes = read_quote(buf.getvalue(), "quote.xlsx")
    assert [(line.option, line.amount_nok) for line in lines] == [("regrade", 50_000)]
    texts = [note_text(n, "en") for n in notes]
    assert any("excluding VAT" in n for n in texts) and any("skipped" in n for n in texts)


def test_a_quote_replaces_the_list_price_of_the_mapped_remedy():
    plan = flat(door_clear_mm=700)
    finding = next(f for f in assess(plan, load_rules()) if f.code == "DOOR_TOO_NARROW")
    lines, _ = read_quote(CSV, "tilbud.csv")
    ctx, _ = contexts({"quote": quote_state(lines, "tilbud.csv")})
    widen = next(r for r in remedies_for(finding, plan, ctx) if r.option == "door_widen")
    assert widen.total_nok == 24_500


def test_user_can_remap_a_line():
    lines, _ = read_quote(CSV, "tilbud.csv")
    state = quote_state(lines, "tilbud.csv")
    state["lines"][4]["option"] = "bath_to_shower"  # "Rigg og drift" belongs to the bathroom job
    assert quoted_amounts(state)["bath_to_shower"] == 85_000


@pytest.mark.parametrize("data", [b"", b"just,some\nwords,here\n", b"PK\x03\x04broken zip", b"\xff\xfe\x00junk"])
def test_unreadable_quotes_give_one_sentence(data):
    with pytest.raises(QuoteError) as info:
        read_quote(data, "x.xlsx" if data.startswith(b"PK") else "x.csv")
    assert "\n" not in str(info.value)


def test_kr_inside_a_word_is_not_an_amount_column_but_kr_on_its_own_is():
    from costing.quotes import read_quote
    lines, _ = read_quote("Beskrivelse;Kr\nNy dør til bad;12 000\n".encode(), "tilbud.csv")
    assert [line.amount_nok for line in lines] == [12000]
