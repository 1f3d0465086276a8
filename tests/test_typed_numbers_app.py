"""Typed garbage in the app (issue 12): refused with one sentence, the value before it kept; a value confirmed on
site becomes measured. AppTest, seeding the editors' edits as the browser sends them (text cells)."""
from __future__ import annotations

import pytest

from planner.model.fields import FIELD_RANGES
from tests.test_app import at, pk  # noqa: F401  (the app, run once, as a fixture)


def edit(at, key: str, row: int, **cells) -> None:
    at.session_state[pk(at, key)] = {"edited_rows": {str(row): cells}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception, at.exception


def measured(at) -> dict:
    return {(m.element, m.field): m for m in at.session_state["project"].measurements}


def warnings(at) -> str:
    return " ".join(w.value for w in at.warning)


def test_abc_as_a_threshold_is_refused_and_the_value_before_it_kept(at):
    before = measured(at).get(("D1", "threshold_mm"))
    edit(at, "measure_doors", 0, threshold="abc")
    assert measured(at).get(("D1", "threshold_mm")) == before
    assert "«abc» er ikke et tall" in warnings(at) and "Verdien fra før beholdes" in warnings(at)


def test_minus_300_as_a_door_width_is_refused_not_read_as_300(at):
    before = measured(at).get(("D1", "clear_width_mm"))
    edit(at, "measure_doors", 0, clear="-300")
    assert measured(at).get(("D1", "clear_width_mm")) == before
    assert "utenfor" in warnings(at)


@pytest.mark.parametrize("typed, value", [("1 200", 1200), ("86 cm", 860), ("0,9 m", 900), ("840", 840)])
def test_a_width_in_any_usual_form_is_measured(at, typed, value):
    edit(at, "measure_doors", 0, clear=typed)
    assert measured(at)[("D1", "clear_width_mm")].value == value


def test_confirming_the_drawn_width_in_the_table_makes_it_measured(at):
    door = at.session_state["project"].measured_plan()[0].doors[0]
    assert door.clear_width_source != "measured"
    shown = f"{door.clear_width_mm:,.0f}".replace(",", " ")
    edit(at, "measure_doors", 0, clear=shown)                  # the same number, typed on site
    m = measured(at)[(door.id, "clear_width_mm")]
    assert (m.value, m.source) == (round(door.clear_width_mm), "measured")


def test_1_200_with_a_dot_is_asked_about(at):
    before = measured(at).get(("D1", "clear_width_mm"))
    edit(at, "measure_doors", 0, clear="1.200")
    assert measured(at).get(("D1", "clear_width_mm")) == before
    assert "kan bety 1 200 eller 1,2" in warnings(at)


def test_the_entrance_rise_typed_as_text(at):
    before = measured(at).get(("entrance", "rise_mm"))
    at.text_input(key=pk(at, "measure_rise")).set_value("tjue").run()
    assert measured(at).get(("entrance", "rise_mm")) == before
    assert "«tjue» er ikke et tall" in warnings(at)
    at.text_input(key=pk(at, "measure_rise")).set_value("42 cm").run()
    assert measured(at)[("entrance", "rise_mm")].value == 420


@pytest.mark.parametrize("typed", ["-5000", "tjue", "22.000"])
def test_a_bad_price_is_refused_and_the_list_price_kept(at, typed):
    edit(at, "funding_prices", 0, price_inc_vat_nok=typed)
    assert not (at.session_state["project"].costing.get("prices") or {})
    assert "Verdien fra før beholdes" in warnings(at)


def test_a_price_typed_with_spaces_and_kroner_is_used(at):
    from costing.prices import default_prices
    first = next(iter(default_prices()))
    edit(at, "funding_prices", 0, price_inc_vat_nok="12 500 kr")
    assert at.session_state["project"].costing["prices"] == {first: 12500}


def test_a_quote_line_that_can_be_read_two_ways_is_left_out_and_said():
    from costing.quotes import read_quote
    data = "Beskrivelse;Sum\nUtvide dør;12.500\nFjerne terskel;3 500\n".encode()
    lines, notes = read_quote(data, "tilbud.csv")
    assert [(line.description, line.amount_nok) for line in lines] == [("Fjerne terskel", 3500)]
    from costing.texts import note_text
    assert any("Utvide dør" in note_text(n, "en") and "12 500 or 12,5" in note_text(n, "en") for n in notes)
    assert any("kan bety 12 500 eller 12,5" in note_text(n, "nb") for n in notes)


def test_the_ranges_table_covers_every_measured_field():
    from planner.model.fields import FIELD_LIMITS_MM
    assert set(FIELD_LIMITS_MM) <= set(FIELD_RANGES)


def test_the_price_table_speaks_norwegian_in_the_norwegian_ui(at):
    table = next(e for e in at.data_editor if "price_inc_vat_nok" in e.value.columns).value
    first = table.iloc[0]
    assert (first["item"], first["unit"], first["price_inc_vat_nok"]) == ("Utvide innvendig dør", "per dør", "22 000")
    assert not table.isna().any().any()
