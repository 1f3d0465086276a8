"""One money module (whole kroner, one VAT rounding, the user's VAT on every path) and one value-with-source type
(rule values, rates and prices, one confidence vocabulary)."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from costing.grants import alternative_cap
from costing.money import nok, with_vat_nok, without_vat_nok
from costing.plan import contexts
from costing.prices import load_prices
from costing.quotes import read_quote
from costing.rates import load_rates
from costing.texts import note_text
from planner.rules import load_rules
from planner.model.sourced import CONFIDENCE, Sourced

QUOTE_EX_VAT = "Beskrivelse;Beløp eks. mva\nNy dør til bad;1002\n".encode()


@pytest.mark.parametrize("amount, expected", [(1252.5, 1253), (1252.49, 1252), (0.5, 1), (2.5, 3), (-0.5, -1)])
def test_nok_rounds_half_up(amount, expected):
    assert nok(amount) == expected


def test_vat_on_1002_kr_is_rounded_once_to_1253_on_every_path():
    """Was 1 252 kr by the quote path (round half to even) and 1 253 kr by the rates path."""
    assert with_vat_nok(1002, 0.25) == 1253
    (line,), _ = read_quote(QUOTE_EX_VAT, "tilbud.csv")
    assert line.amount_nok == 1253
    rates = load_rates({"ramp_cap_small_ex_vat_nok": 1002})
    assert alternative_cap("ramp", 300, rates=rates).cap_nok == 1253
    assert without_vat_nok(1253, 0.25) == 1002


def test_a_quote_excluding_vat_takes_the_users_vat_rate():
    (line,), notes = read_quote(QUOTE_EX_VAT, "tilbud.csv", vat=0.15)
    assert line.amount_nok == with_vat_nok(1002, 0.15) == 1152
    assert any("15 % mva" in note_text(n, "nb") for n in notes)


APP = '''
import streamlit as st
from planner.checks import assess
from planner.rules import load_rules
from tests.test_costing_remedies import flat
from ui.funding import render_funding
plan = flat(rise_mm=600, space_mm=12000, threshold_mm=40)
st.session_state["state"] = render_funding(plan, assess(plan, load_rules()), st.session_state.get("state", {}), "en")
'''


def test_a_quote_imported_in_the_app_takes_the_vat_override():
    at = AppTest.from_string(APP, default_timeout=30)
    at.session_state["state"] = {"rates": {"vat": 0.15}}
    at.run()
    at.file_uploader(key="funding_quote_file__p0").upload("tilbud.csv", QUOTE_EX_VAT, "text/csv").run()
    assert not at.exception, at.exception
    assert [line["amount_nok"] for line in at.session_state["state"]["quote"]["lines"]] == [1152]


def test_rule_values_rates_and_prices_are_one_type_with_one_vocabulary():
    rule = load_rules()["threshold_max_mm"]
    rate = load_rates()["vat"]
    price = load_prices()["door_widen_internal"]
    assert all(isinstance(v, Sourced) for v in (rule, rate, price))
    assert {rule.confidence, rate.confidence, price.confidence} <= set(CONFIDENCE)


def test_a_users_own_value_is_marked_user_everywhere():
    rule = load_rules().with_overrides({"threshold_max_mm": 20})["threshold_max_mm"]
    rate = load_rates({"vat": 0.2})["vat"]
    typed = load_prices({"door_widen_internal": 9000})["door_widen_internal"]
    quoted = contexts({"quote": {"lines": [{"description": "Ny dør", "amount_nok": 9000, "option": "door_widen"}]}})
    quoted_price = load_prices(quote_prices={"door_widen_internal": 9000})["door_widen_internal"]
    assert {rule.confidence, rate.confidence, typed.confidence, quoted_price.confidence} == {"user"}
    assert "your quote" in quoted_price.source and "entered by you" in typed.source
    assert quoted[0].quoted == {"door_widen": 9000}


def test_an_unknown_confidence_mark_is_refused():
    with pytest.raises(ValueError, match="confidence"):
        Sourced("x_mm", 1, "mm", "somewhere", "quote")


def test_the_users_vat_rate_reaches_the_list_prices_too():
    """A VAT override changed quotes and caps but left every list price at 25 %."""
    plain = contexts({})[0].prices
    low = contexts({"rates": {"vat": 0.15}})[0].prices
    assert plain["door_widen_internal"].value == 22_000
    assert low["door_widen_internal"].value == with_vat_nok(17_600, 0.15) == 20_240
    assert low["stairlift_permit_fee"].value == plain["stairlift_permit_fee"].value   # a fee bears no VAT


def test_an_untouched_price_table_at_another_vat_rate_makes_no_overrides():
    from costing.prices import overrides_from_table
    low = contexts({"rates": {"vat": 0.15}})[0].prices
    rows = [{"item": p.key, "price_inc_vat_nok": p.value} for p in low.values()]
    assert overrides_from_table(rows, {}, 0.15) == {}


def test_the_funding_tab_at_another_vat_rate_leaves_the_prices_untouched():
    at = AppTest.from_string(APP, default_timeout=30)
    at.session_state["state"] = {"rates": {"vat": 0.15}}
    at.run()
    assert not at.exception, at.exception
    assert not at.session_state["state"].get("prices")
