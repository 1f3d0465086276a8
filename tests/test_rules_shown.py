"""The rule values under the plan (ui/plan_view.render_rules): their table is made and sent only while its box is
open, and the box stays open (or closed) when the language changes. Through AppTest, the box's state set as its
on_change does; the click itself in tests/test_browser_rules.py."""
from __future__ import annotations

import ui.texts  # noqa: F401  (registers the words of the rule box)
from planner.i18n import t
from tests.test_app import at  # noqa: F401  (the app, run once, as a fixture)
from ui.plan_view import RULES_OPEN


def _tables(at) -> list[list[str]]:
    return [list(frame.value.columns) for frame in at.dataframe]


def test_the_rule_values_are_sent_only_while_their_box_is_open(at):  # noqa: F811
    rules_columns = [t("rules.col.what", "nb"), t("rules.col.value", "nb")]
    assert [e.label for e in at.expander] == [t("rules.title", "nb")]
    assert len(at.dataframe) == 1                   # closed, as it starts: only the findings
    at.session_state[RULES_OPEN] = True
    at.run()
    assert len(at.dataframe) == 2 and _tables(at)[1][:2] == rules_columns
    at.session_state[RULES_OPEN] = False
    at.run()
    assert len(at.dataframe) == 1


def test_an_open_rule_box_stays_open_in_the_other_language(at):  # noqa: F811
    at.session_state[RULES_OPEN] = True
    at.run()
    at.selectbox(key="lang").set_value("en").run()
    assert not at.exception, at.exception
    assert [e.label for e in at.expander] == [t("rules.title", "en")]
    assert len(at.dataframe) == 2 and _tables(at)[1][:2] == [t("rules.col.what", "en"), t("rules.col.value", "en")]
