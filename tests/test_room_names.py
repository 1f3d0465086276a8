"""Room names: a bathroom with its toilet is a bathroom in five languages, and areas or sizes are never names."""
from __future__ import annotations

import pytest

from planner.checks.shower import check_step_free_shower
from planner.editing.builder import fixture, plan_from_parts
from planner.importers.rooms import clean_name, room_type
from planner.model.plan import Room
from planner.rules import load_rules


@pytest.mark.parametrize("name", ["Bad/WC", "Dusj/WC", "Bad/toalett", "Bathroom/WC", "Bath/Toilet", "Bad og WC",
                                  "Badeværelse/toilet", "Badrum/WC", "Badrum/toalett", "Badezimmer/WC", "Dusche/WC",
                                  "BAD/WC 4,2 m²"])
def test_regression_compound_bathroom_names_are_bathrooms_not_separate_wcs(name):
    assert room_type(name) == "bathroom"


@pytest.mark.parametrize("name", ["WC", "Toalett", "Gjeste-WC", "Toilet", "Powder room", "TOIL."])
def test_a_wc_alone_is_still_a_wc(name):
    assert room_type(name) == "wc"


@pytest.mark.parametrize("label, name", [("Gang 7,5 m²", "Gang"), ("Gang 7,5 m2", "Gang"), ("Soverom BRA 12 m2", "Soverom"),
                                         ("Stue (4,2 x 5,1 m)", "Stue"), ("KITCHEN 12'6 x 14'", "KITCHEN"),
                                         ("Master Bath 855 SQ. FT.", "Master Bath"), ("Entré 4.2m2", "Entré"),
                                         ("10 m2", ""), ("Bad 2", "Bad 2"), ("Rom 101", "Rom 101")])
def test_regression_areas_and_sizes_are_never_names(label, name):
    assert clean_name(label) == name


def test_a_bath_only_bad_wc_gets_the_bath_only_finding_not_no_bathroom_found():
    rooms = [Room.from_rectangle("R1", "Bad/WC", room_type("Bad/WC"), 0, 0, 2000, 2400)]
    plan = plan_from_parts("test", rooms, [], [fixture("F1", "bath", 1300, 0, 700, 1700, rooms)])
    (f,) = check_step_free_shower(plan, load_rules())
    assert (f.code, f.status) == ("BATH_ONLY", "fail")
