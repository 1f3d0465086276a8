"""The renovation, fall-walk and day-in-the-home screens through AppTest, in Norwegian."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.app_tabs import opened

ROOT = Path(__file__).resolve().parents[1]


def pk(at, name: str) -> str:
    return f"{name}__p{at.session_state['generation']}"


def test_renovation_fall_walk_and_the_day_are_saved_in_the_project():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    opened(at, "renovate")
    # The house example is renovating its bathroom: its measures are listed with the cost now and afterwards.
    table = next(d.value for d in at.dataframe if "Tiltak" in d.value.columns)
    assert "Dusj rett på gulvet" in set(table["Tiltak"]) and set(table["Rom"]) == {"Bad"}
    assert all("kr" in v for v in table["Kostnad etterpå"] if v)
    at.multiselect(key=pk(at, "reno_rooms")).set_value(["R4", "entrance"]).run()
    assert at.session_state["project"].costing["renovation"] == {"rooms": ["R4", "entrance"], "new_build": False}
    table = next(d.value for d in at.dataframe if "Tiltak" in d.value.columns)
    assert "Inngang" in set(table["Rom"])

    opened(at, "visit")
    at.radio(key=pk(at, "fall_R4_anti_slip")).set_value("action").run()
    assert at.session_state["project"].falls["R4"]["anti_slip"]["answer"] == "action"
    assert any("sklimatte" in x.value for x in at.text)

    opened(at, "day")
    at.radio(key=pk(at, "day_wash")).set_value("cannot").run()
    at.text_input(key=pk(at, "day_note_wash")).set_value("Kommer seg ikke over dusjkanten").run()
    assert at.session_state["project"].daily["wash"] == {"answer": "cannot", "note": "Kommer seg ikke over dusjkanten"}
    assert any("Betyr mest for denne personen" in x.value and "Bad" in x.value for x in at.text)
    assert not at.exception, at.exception
