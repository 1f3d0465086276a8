"""The DXF importer on plans built in memory: units, rooms, labels, doors, fixtures and deterministic ids."""
from __future__ import annotations

import pytest
from shapely.geometry import Point

from planner.checks import assess
from planner.importers import read_dxf, UnitsUnknownError
from planner.importers.rooms import room_type
from planner.model.plan import ROOM_TYPES, PlanError
from planner.rules import load_rules
from tests import dxf_factory as F

DEDUCTION = load_rules().value("door_leaf_to_clear_deduction_mm")


def rooms_by_name(plan):
    return {r.name: r for r in plan.rooms}


def door_at(plan, x, y, tolerance_mm=30):
    return next(d for d in plan.doors if d.position.distance(Point(x, y)) <= tolerance_mm)


def check_flat(plan):
    rooms = rooms_by_name(plan)
    assert set(rooms) == {"Gang", "Bad", "Soverom"}
    assert (rooms["Gang"].type, rooms["Bad"].type, rooms["Soverom"].type) == ("hall", "bathroom", "bedroom")
    assert rooms["Bad"].area_m2 == pytest.approx(5.0, abs=0.05)
    assert len(plan.doors) == 3
    entrance = door_at(plan, 750, 0)
    assert entrance.leaf_width_mm == pytest.approx(900, abs=1)
    assert entrance.clear_width_mm == pytest.approx(900 - DEDUCTION, abs=1)
    assert entrance.exterior and entrance.rooms == (rooms["Gang"].id,)
    bath = door_at(plan, 1500, 700)
    assert bath.leaf_width_mm == pytest.approx(800, abs=1)
    assert set(bath.rooms) == {rooms["Gang"].id, rooms["Bad"].id} and not bath.exterior
    assert bath.swing is not None and rooms["Bad"].polygon.buffer(1).contains(bath.swing)


@pytest.mark.parametrize("units", ["mm", "cm", "m", "in", "ft"])
def test_each_unit_gives_the_same_plan_in_millimetres(units):
    result = read_dxf(F.to_bytes(F.flat(units)), name="flat")
    assert result.plan.units == units
    assert result.report["units"]["used"] == units
    check_flat(result.plan)


@pytest.mark.parametrize("style", ["arc", "bare-arc", "block"])
def test_door_styles(style):
    check_flat(read_dxf(F.to_bytes(F.flat(door_style=style))).plan)


def test_mtext_labels_lose_their_formatting():
    plan = read_dxf(F.to_bytes(F.flat(mtext=True))).plan
    names = sorted(r.name for r in plan.rooms)
    assert names == ["Bad", "Gang", "Soverom"]   # the area in the label ("Gang 12 m²") is no part of the name
    assert {r.type for r in plan.rooms} == {"hall", "bathroom", "bedroom"}


def test_percent_u_codes_are_stripped():
    doc = F.flat(outlines=True)
    doc.modelspace().add_text("%%uKJØKKEN", height=100, dxfattribs={"layer": "A-AREA-IDEN", "insert": (-5000, 0)})
    plan = read_dxf(F.to_bytes(doc)).plan
    assert "Gang" in rooms_by_name(plan)


def test_rooms_from_walls_when_there_are_no_outlines():
    result = read_dxf(F.to_bytes(F.flat(outlines=False)))
    assert result.report["rooms_from"] == "walls"
    check_flat(result.plan)


def test_outlines_win_over_walls():
    assert read_dxf(F.to_bytes(F.flat())).report["rooms_from"] == "outlines"


def test_fixtures_have_their_footprint_and_room():
    plan = read_dxf(F.to_bytes(F.flat())).plan
    rooms = rooms_by_name(plan)
    kinds = {f.type: f for f in plan.fixtures}
    assert set(kinds) == {"bath", "wc"}
    assert kinds["bath"].footprint.area == pytest.approx(1700 * 700)
    assert kinds["bath"].room == rooms["Bad"].id and kinds["wc"].room == rooms["Bad"].id


def test_ids_are_deterministic_and_ordered():
    a = read_dxf(F.to_bytes(F.flat())).plan
    b = read_dxf(F.to_bytes(F.flat(door_style="block"))).plan
    assert [r.id for r in a.rooms] == ["R1", "R2", "R3"]
    assert [d.id for d in a.doors] == ["D1", "D2", "D3"]
    assert [(r.id, r.name) for r in a.rooms] == [(r.id, r.name) for r in b.rooms]
    assert [d.id for d in a.doors] == [d.id for d in b.doors]


def test_plan_goes_through_all_checks():
    result = read_dxf(F.to_bytes(F.flat()))
    findings = assess(result.plan, load_rules())
    assert {f.check for f in findings} >= {"door_clear_width", "threshold", "step_free_shower", "turning_circle"}
    assert result.plan.import_report == result.report
    assert result.plan.walls and all(w.length > 0 for w in result.plan.walls)


def test_binary_dxf_reads_like_ascii():
    check_flat(read_dxf(F.binary_bytes(F.flat())).plan)


@pytest.mark.parametrize("units", [None])
def test_unitless_drawing_asks_for_the_unit_with_a_guess(units):
    data = F.to_bytes(F.flat(units))
    with pytest.raises(UnitsUnknownError) as err:
        read_dxf(data)
    assert err.value.guess == "mm" and "door" in err.value.why
    assert "--units mm" in str(err.value)
    check_flat(read_dxf(data, units="mm").plan)


def test_unitless_centimetre_drawing_guesses_centimetres():
    doc = F.flat("cm")
    doc.header["$INSUNITS"] = 0
    with pytest.raises(UnitsUnknownError) as err:
        read_dxf(F.to_bytes(doc))
    assert err.value.guess == "cm"
    assert "centimetres" in str(err.value)


def test_header_that_lies_is_overruled_and_said_so():
    doc = F.flat("in")
    doc.header["$INSUNITS"] = 4   # says mm, drawn in inches
    result = read_dxf(F.to_bytes(doc))
    assert result.plan.units == "in"
    assert result.report["units"]["header"] == "mm" and result.report["units"]["inferred"] == "in"
    assert any("inches" in w for w in result.report["warnings"])
    check_flat(result.plan)


def test_forced_unit_wins_over_the_header():
    doc = F.flat("cm")
    result = read_dxf(F.to_bytes(doc), units="cm")
    assert result.report["units"]["why"] == "chosen by the user"
    with pytest.raises(PlanError, match="Unknown unit"):
        read_dxf(F.to_bytes(doc), units="furlong")


@pytest.mark.parametrize("name, kind", [
    ("Bad", "bathroom"), ("BADEROM", "bathroom"), ("Master Bath", "bathroom"), ("Salle de bain", "bathroom"),
    ("WC", "wc"), ("Toalett", "wc"), ("Sanitaires F", "wc"), ("Hovedsoverom", "bedroom"), ("Bedroom 2", "bedroom"),
    ("Stue", "living"), ("Living / Dining", "living"), ("Kjøkken", "kitchen"), ("Køkken", "kitchen"),
    ("Cuisine", "kitchen"), ("Gang", "hall"), ("Entré", "hall"), ("Hallway", "hall"), ("Corridor", "hall"),
    ("Bod", "storage"), ("Lager", "storage"), ("W.I.C.", "storage"), ("Trapperom", "common"),
    ("Stairwell", "common"), ("Fællesrum", "common"), ("Værksted", "other"), ("Badminton court", "other"),
])
def test_room_types_from_names(name, kind):
    assert room_type(name) == kind
    assert kind in ROOM_TYPES


def test_outlines_labelled_only_with_furniture_are_not_rooms():
    from shapely.geometry import box

    from planner.importers.rooms import furniture_outlines, is_furniture
    assert is_furniture("Table") and is_furniture("Worktable") and not is_furniture("Classroom")
    polys = [box(0, 0, 1500, 800), box(2000, 0, 6000, 4000)]
    texts = [(700, 400, "Table", "classrooms"), (4000, 2000, "Classroom", "areas"), (3000, 1000, "Desk", "x")]
    assert furniture_outlines(polys, texts, {"classrooms": "rooms", "areas": "rooms"}) == [True, False]
