"""The funding tab's amounts (Husbanken's expected grant, the start loan, the alternative aid's price) are typed
as a person writes them and read by the one number parser: "12 500 kr" is 12 500, letters are one sentence and
the amount before them is kept, empty is "not given"."""
from __future__ import annotations

from tests.test_app import at, pk  # noqa: F401  (the app, run once, as a fixture)


def _costing(at) -> dict:
    return at.session_state["project"].costing


def _box(at, name: str):
    return at.text_input(key=pk(at, f"funding_{name}"))


def test_an_amount_typed_with_spaces_and_kroner_is_used_and_shown_the_norwegian_way(at):
    _box(at, "husbanken_expected_nok").set_value("12 500 kr").run()
    assert _costing(at)["husbanken_expected_nok"] == 12_500
    assert _box(at, "husbanken_expected_nok").value == "12 500 kr"   # what was typed stays in the box


def test_letters_are_one_sentence_and_the_amount_before_is_kept(at):
    _box(at, "startlan_nok").set_value("50 000").run()
    _box(at, "startlan_nok").set_value("femti tusen").run()
    assert _costing(at)["startlan_nok"] == 50_000
    assert any("femti tusen" in e.value and "Verdien fra før beholdes" in e.value for e in at.error)


def test_an_emptied_box_is_not_given(at):
    _box(at, "alternative_price_nok").set_value("95 000").run()
    assert _costing(at)["alternative_price_nok"] == 95_000
    _box(at, "alternative_price_nok").set_value("").run()
    assert _costing(at).get("alternative_price_nok") is None
