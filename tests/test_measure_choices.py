"""A choice nobody has made yet reads "Ikke angitt" in the measure tab's tables, never Streamlit's "None", and
choosing it again changes nothing; choosing it after a value clears the value."""
from __future__ import annotations

from planner.project.file import loads_project
from tests.test_app import ROOT
from ui.measure import _choice_changes, basin_table, door_table


def _plan():
    return loads_project((ROOT / "examples" / "house-stepped-entrance.tilpass.json").read_bytes()).plan


def test_an_unmade_choice_reads_not_said_in_norwegian():
    plan = _plan()
    assert set(basin_table(plan, "nb")["under"]) == {"Ikke angitt"}
    assert "Ikke angitt" in set(door_table(plan, "nb")["behind"]) and None not in set(door_table(plan, "nb")["behind"])


def test_not_said_is_no_change_and_clears_a_choice():
    base = basin_table(_plan(), "nb")
    assert _choice_changes(base, base.copy(), "under", "space_under", "nb") == []
    chosen = base.copy()
    chosen.loc[0, "under"] = "ja"
    (change,) = _choice_changes(base, chosen, "under", "space_under", "nb")
    assert change[1:] == ("space_under", 1)
    (cleared,) = _choice_changes(chosen, base, "under", "space_under", "nb")
    assert cleared[1:] == ("space_under", None)
