"""The one number parser (planner/model/numbers.py): what a person types becomes the number they meant, or one sentence."""
from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings, strategies as st

from planner.model.fields import FIELD_RANGES
from planner.project.measurements import make_measurement, parse_field
from planner.model.numbers import FieldRange, NumberError, parse_number

MM = FieldRange(0, 100_000_000, "mm")
NOK = FieldRange(0, 10_000_000, "nok")


@pytest.mark.parametrize("typed, value", [
    ("1200", 1200), ("1 200", 1200), ("1\u00a0200", 1200), ("1\u202f200", 1200), ("1 200,50", 1200.5),
    ("1 200.50", 1200.5), ("1.200,50", 1200.5), ("1,200.50", 1200.5), ("1.200.000", 1_200_000),
    ("1,200,000", 1_200_000), ("12 000 000", 12_000_000), ("1,5", 1.5), ("1.5", 1.5), ("0,25", 0.25), ("0.250", 0.25), ("  840 ", 840),
    ("+12", 12), ("86 cm", 860), ("86cm", 860), ("0,9 m", 900), ("3.60 m", 3600), ("25 mm", 25)])
def test_lengths_in_norwegian_and_english_forms(typed, value):
    assert parse_number(typed, "measure.field.clear_width_mm", MM) == pytest.approx(value)


@pytest.mark.parametrize("typed, value", [("22 000", 22000), ("22 000 kr", 22000), ("kr 22 000", 22000),
                                          ("40 250,-", 40250), ("12 500,00", 12500), ("12.500,00", 12500),
                                          ("1 000 NOK", 1000)])
def test_amounts_with_their_unit(typed, value):
    assert parse_number(typed, "measure.field.price_nok", NOK) == value


def test_an_amount_with_its_unit_twice_is_refused():
    with pytest.raises(NumberError, match="not a number"):
        parse_number("12 500 kr kr", "measure.field.price_nok", NOK)


@pytest.mark.parametrize("typed", ["1.200", "1,200", "40.250", "12,500"])
def test_one_separator_then_three_digits_is_asked_about_never_guessed(typed):
    with pytest.raises(NumberError) as info:
        parse_number(typed, "measure.field.price_nok", NOK)
    assert info.value.key == "num.ambiguous"
    whole = typed.replace(".", "").replace(",", "")
    assert f"{int(whole):,}".replace(",", " ") in info.value.message("nb")   # both readings are offered


@pytest.mark.parametrize("typed, key", [
    ("abc", "num.not_number"), ("tjue", "num.not_number"), ("", "num.not_number"), ("1e5", "num.not_number"),
    ("nan", "num.not_number"), ("inf", "num.not_number"), ("1..2", "num.not_number"), ("1 20", "num.not_number"),
    ("1,2,3", "num.not_number"), ("0x10", "num.not_number"), ("kr 12 kr", "num.not_number"), ("1" * 41, "num.not_number"), ("86 kr", "num.unit"), ("-300", "num.range"),
    ("−300", "num.range"), ("100000001", "num.range")])
def test_anything_else_is_refused_with_one_sentence(typed, key):
    with pytest.raises(NumberError) as info:
        parse_number(typed, "measure.field.clear_width_mm", MM)
    assert info.value.key == key
    for lang in ("nb", "en"):
        sentence = info.value.message(lang)
        assert not re.search(r"\. [A-ZÆØÅ]", sentence) and sentence.endswith(".") and "{" not in sentence


@pytest.mark.parametrize("value, ok", [(0, True), (500, True), (500.0001, False), (-0.0001, False)])
def test_a_range_is_inclusive_at_both_ends(value, ok):
    limits = FieldRange(0, 500, "mm")
    if ok:
        assert parse_number(str(value).replace(".", ","), "measure.field.threshold_mm", limits) == value
    else:
        with pytest.raises(NumberError):
            parse_number(str(value).replace(".", ","), "measure.field.threshold_mm", limits)


def test_a_whole_field_refuses_a_fraction():
    with pytest.raises(NumberError, match="whole"):
        parse_field("2,5", "steps")
    assert parse_field("2", "steps") == 2


def test_the_sentence_names_the_field_and_element_in_the_users_language():
    with pytest.raises(NumberError) as info:
        make_measurement("D2", "threshold_mm", "abc")
    assert info.value.message("nb").startswith("D2 terskel: «abc» er ikke et tall")
    assert info.value.message("en").startswith("D2 threshold: “abc” is not a number")


# Regressions named after what broke (issue 12)
def test_abc_as_a_threshold_is_refused_not_stored_as_0_mm():
    with pytest.raises(NumberError):
        make_measurement("D1", "threshold_mm", "abc")


def test_minus_300_as_a_door_width_is_refused_not_turned_into_300():
    with pytest.raises(NumberError, match="outside"):
        make_measurement("D1", "clear_width_mm", "-300")


@pytest.mark.parametrize("typed", ["-5000", "tjue"])
def test_minus_5000_or_tjue_as_a_price_is_refused_not_5000_or_0_kr(typed):
    from costing.errors import CostingError
    from costing.prices import price_number
    with pytest.raises(CostingError):
        price_number(typed, "door_widen")


def test_every_range_is_a_real_interval():
    for field, limits in FIELD_RANGES.items():
        assert limits.low < limits.high, field
        assert limits.unit in ("mm", "nok", "count", "code"), field


TYPED = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="0123456789 ,.-−+\u00a0kmcrNOK", max_size=20),
    st.from_regex(r"\A-?[0-9]{1,3}([ .,][0-9]{3}){0,3}([.,][0-9]{1,3})?( ?(mm|cm|m|kr))?\Z"),
)


@settings(max_examples=400, deadline=None)
@given(typed=TYPED, field=st.sampled_from(sorted(FIELD_RANGES)))
def test_random_text_is_a_number_in_range_or_refused(typed, field):
    limits = FIELD_RANGES[field]
    try:
        number = parse_field(typed, field)
    except NumberError as exc:
        for lang in ("nb", "en"):
            sentence = exc.message(lang)
            assert sentence and not re.search(r"\{[a-z_]+\}", sentence.replace(typed, "")), sentence
        return
    assert isinstance(number, float) and math.isfinite(number)
    assert limits.low <= number <= limits.high
    assert not limits.whole or number == int(number)


def test_costing_grant_permanent_cost_40_250_with_a_dot_is_asked_about_not_read_as_40_kr(capsys):
    from costing.__main__ import main
    assert main(["grant", "--rise-mm", "350", "--permanent-cost-nok", "40.250"]) == 2
    err = capsys.readouterr().err
    assert "40 250 or 40,25" in err and err.count("\n") == 1


@pytest.mark.parametrize("typed", ["40 250", "40250", "40 250 kr", "40250,00"])
def test_costing_grant_reads_the_cost_as_typed(typed, capsys):
    import json
    from costing.__main__ import main
    assert main(["grant", "--rise-mm", "35 cm", "--permanent-cost-nok", typed, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["permanent_cost_nok"] == 40250
