"""The funding tab through Streamlit's AppTest: draws in both languages, a choice and an answer change the plan, a bad
price is said in the user's language."""
from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

SCRIPT = '''
import streamlit as st
from planner.checks import assess
from planner.rules import load_rules
from tests.test_costing_remedies import flat
from ui.funding import render_funding
plan = flat(rise_mm=600, space_mm=12000, threshold_mm=40)
lang = st.session_state.get("lang", "nb")
st.session_state["state"] = render_funding(plan, assess(plan, load_rules()), st.session_state.get("state", {}), lang)
'''


def run(lang: str = "nb") -> AppTest:
    at = AppTest.from_string(SCRIPT, default_timeout=30)
    at.session_state["lang"] = lang
    return at.run()


def test_draws_without_exception_in_both_languages():
    for lang in ("nb", "en"):
        at = run(lang)
        assert not at.exception, at.exception
        assert len(at.dataframe) >= 4


def test_choosing_an_option_and_answering_updates_the_state():
    at = run("en")
    box = at.selectbox(key=f"funding_choice_step_free_entrance:entrance__p0")
    box.set_value("step_free_entrance:entrance:ramp_built").run()
    assert not at.exception
    assert at.session_state["state"]["choices"]["step_free_entrance:entrance"].endswith(":ramp_built")
    at.radio(key=f"funding_q_member__p0").set_value(False).run()
    assert at.session_state["state"]["answers"]["member"] is False
    assert any("national insurance" in e.value for e in at.error)


def test_a_bad_price_is_said_in_the_users_language():
    for lang, sentence in (("nb", "door_widen_internal pris: -100 kr er utenfor 0–10 000 000 kr; sjekk tallet og "
                                  "enheten."),
                           ("en", "door_widen_internal price: -100 kr is outside 0–10 000 000 kr; check the number "
                                  "and its unit.")):
        at = AppTest.from_string(SCRIPT, default_timeout=30)
        at.session_state["lang"] = lang
        at.session_state["state"] = {"prices": {"door_widen_internal": -100}}  # e.g. from an edited project file
        at.run()
        assert not at.exception, at.exception
        assert [re.sub(r"\\(.)", r"\1", e.value) for e in at.error] == [sentence]   # as the page shows it
