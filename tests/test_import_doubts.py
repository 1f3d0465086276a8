"""Doubts: an imported plan checked for plausibility as a home (planner/importers/doubts.py)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from shapely.geometry import LineString, Point, Polygon

from planner.importers import read_dxf
from planner.importers.doubts import (AREA_LABEL_SHARE, FAMILY_RATIO, GRID_MIN_CELLS, LEAF_MAX_MM, ROOM_MAX_M2,
                                      PLAN_MIN_M2, ROOM_MIN_M2, SLIVER_WIDTH_MM, Doubt, find_doubts,
                                      plan_doubts)
from planner.model.plan import Door, Plan, Room
from tests.dxf_factory import flat, to_bytes

ROOT = Path(__file__).resolve().parents[1]


def codes(plan: Plan, facts: dict | None = None) -> set[str]:
    return {d.code for d in find_doubts(plan, facts)}


def rect(i: int, w_mm: float, d_mm: float, x_mm: float = 0.0, name: str = "") -> Room:
    return Room.from_rectangle(f"R{i}", name, "other", x_mm, 0.0, w_mm, d_mm)


def door(i: int, leaf_mm: float, rooms=("R1",)) -> Door:
    swing = Point(0, 0).buffer(leaf_mm, quad_segs=4)
    return Door(id=f"D{i}", position=Point(i * 1000.0, 0), leaf_width_mm=leaf_mm, clear_width_mm=leaf_mm - 50,
                swing=swing, rooms=rooms, opening=LineString([(0, 0), (leaf_mm, 0)]))


# rooms of a home: different sizes, none odd
HOME = (rect(1, 3000, 4000, 0), rect(2, 2000, 2500, 3000), rect(3, 4500, 5200, 5000), rect(4, 1500, 6000, 9500))


def test_a_plausible_home_has_no_doubts():
    plan = Plan(rooms=HOME, doors=tuple(door(i, w) for i, w in enumerate((800, 900, 900, 1000), 1)))
    assert find_doubts(plan, {}) == []


@pytest.mark.parametrize("area_m2, doubted", [(ROOM_MAX_M2 - 1, False), (ROOM_MAX_M2, False), (ROOM_MAX_M2 + 1, True)])
def test_a_room_larger_than_any_room_of_a_home(area_m2, doubted):
    plan = Plan(rooms=(*HOME, rect(5, 10_000, area_m2 * 100, 20_000)))
    assert ("ROOM_TOO_LARGE" in codes(plan)) is doubted


@pytest.mark.parametrize("area_m2, doubted", [(ROOM_MIN_M2 + 0.1, False), (ROOM_MIN_M2, False), (ROOM_MIN_M2 - 0.1, True)])
def test_a_room_smaller_than_a_closet(area_m2, doubted):
    plan = Plan(rooms=(*HOME, rect(5, 1000, area_m2 * 1000, 20_000)))
    assert ("ROOM_TOO_SMALL" in codes(plan)) is doubted


@pytest.mark.parametrize("rooms_m2, doubted", [((2.8, 2.8, 2.8, 2.8), True), ((PLAN_MIN_M2 - 0.1,), True),
                                               ((PLAN_MIN_M2,), False), ((6.0, 6.0, 4.0), False)])
def test_rooms_that_together_are_smaller_than_any_dwelling(rooms_m2, doubted):
    # a bathroom detail of a house's sheet read as the plan: its four cubicles are all the checks would see
    plan = Plan(rooms=tuple(rect(i, 1000, a * 1000, 5000 * i) for i, a in enumerate(rooms_m2, 1)))
    found = [d for d in find_doubts(plan, {}) if d.code == "PLAN_TOO_SMALL"]
    assert bool(found) is doubted
    if doubted:
        assert f"{len(rooms_m2)} room(s) read cover" in found[0].message("en")
        assert "m² til sammen" in found[0].message("nb")


@pytest.mark.parametrize("label_m2, doubted", [(12.0, False), (12.0 * (1 + AREA_LABEL_SHARE) - 0.01, False),
                                               (14.5, True), (5.0, True)])
def test_an_area_label_that_disagrees_with_its_room(label_m2, doubted):
    plan = Plan(rooms=HOME)   # R1 is 3 × 4 m = 12 m²
    found = find_doubts(plan, {"area_labels": [[1500.0, 2000.0, label_m2]]})
    mismatch = [d for d in found if d.code == "AREA_LABEL_MISMATCH"]
    assert bool(mismatch) is doubted
    if doubted:
        assert mismatch[0].elements == ("R1",)


@pytest.mark.parametrize("width_mm, doubted", [(SLIVER_WIDTH_MM + 50, False), (SLIVER_WIDTH_MM - 50, True)])
def test_many_sliver_rooms_are_strips_between_wall_lines(width_mm, doubted):
    strips = tuple(rect(10 + k, width_mm, 3000 + 700 * k, 20_000 + 2000 * k) for k in range(3))
    plan = Plan(rooms=(*HOME, *strips))
    assert ("SLIVER_ROOMS" in codes(plan)) is doubted


def test_two_narrow_shafts_in_a_home_are_no_doubt():
    shafts = tuple(rect(10 + k, 400, 1500 + 300 * k, 20_000 + 2000 * k) for k in range(2))
    assert "SLIVER_ROOMS" not in codes(Plan(rooms=(*HOME, *shafts)))


@pytest.mark.parametrize("cells, doubted", [(GRID_MIN_CELLS - 1, False), (GRID_MIN_CELLS, True)])
def test_a_regular_grid_of_cells_is_grid_lines_read_as_walls(cells, doubted):
    grid = tuple(rect(k + 1, 6000, 6000, 6000 * k) for k in range(cells))
    plan = Plan(rooms=(*grid, rect(99, 3000, 2000, -5000)))
    assert ("GRID_OF_CELLS" in codes(plan)) is doubted


@pytest.mark.parametrize("doors, doubted", [(5, False), (6, False), (7, True)])   # limit: 2 × 2 rooms + 2
def test_far_more_doors_than_rooms(doors, doubted):
    plan = Plan(rooms=HOME[:2], doors=tuple(door(i, 850) for i in range(1, doors + 1)))
    assert ("MANY_DOORS" in codes(plan)) is doubted


def test_door_shapes_touching_no_room_outnumbering_the_doors():
    plan = Plan(rooms=HOME, doors=(door(1, 900),))
    assert "DOORS_TOUCH_NO_ROOM" in codes(plan, {"doors_alone": 5})
    assert "DOORS_TOUCH_NO_ROOM" not in codes(plan, {"doors_alone": 1})


@pytest.mark.parametrize("leaf_mm, doubted", [(LEAF_MAX_MM, False), (2000.0, True), (450.0, True)])
def test_swings_outside_door_sizes(leaf_mm, doubted):
    plan = Plan(rooms=HOME, doors=(door(1, leaf_mm), door(2, leaf_mm), door(3, 900)))
    assert ("SWING_OUTSIDE_DOOR_SIZES" in codes(plan)) is doubted


def test_two_families_of_swing_radii():
    small, large = 700.0, 700.0 * FAMILY_RATIO + 10
    two = Plan(rooms=HOME, doors=tuple(door(i, w) for i, w in enumerate([small] * 3 + [large] * 3, 1)))
    assert "SWING_TWO_FAMILIES" in codes(two)
    closets_and_rooms = Plan(rooms=HOME, doors=tuple(door(i, w) for i, w in enumerate([600] * 3 + [900] * 3, 1)))
    assert "SWING_TWO_FAMILIES" not in codes(closets_and_rooms)


def test_two_names_in_one_room():
    plan = Plan(rooms=(*HOME[:3], rect(4, 5000, 6000, 9500, name="KITCHEN / GREAT ROOM")))
    found = [d for d in find_doubts(plan) if d.code == "TWO_NAMES_IN_ROOM"]
    assert found and found[0].elements == ("R4",)


def test_several_drawings_and_a_section_read_as_the_plan():
    facts = {"drawings": [{"index": 1, "kind": "plan"}, {"index": 2, "kind": "section",
                                                          "why_t": ["doubt.unknown", {"message": "no doors"}]}],
             "drawing_read": 2}
    found = codes(Plan(rooms=HOME), facts)
    assert {"SEVERAL_DRAWINGS", "NOT_A_FLOOR_PLAN"} <= found
    assert "NOT_A_FLOOR_PLAN" not in codes(Plan(rooms=HOME), {**facts, "drawing_read": 1})


def test_proxy_entities_say_how_to_export():
    found = [d for d in find_doubts(Plan(rooms=HOME), {"proxy_entities": {"AEC_WALL": 40, "ACAD_PROXY_ENTITY": 3}})]
    assert [d.code for d in found] == ["PROXY_ENTITIES"]
    assert "Export to AutoCAD" in found[0].message("en") and "43" in found[0].message("en")
    assert "Eksporter" in found[0].message("nb")


def test_every_doubt_reads_in_both_languages_without_raw_keys():
    plan = Plan(rooms=(*HOME, rect(5, 20_000, 20_000, 30_000), rect(6, 500, 500, 60_000, name="A / B")),
                doors=tuple(door(i, 2000) for i in range(1, 20)))
    facts = {"proxy_entities": {"AEC_WALL": 2}, "doors_alone": 30, "area_labels": [[1500.0, 2000.0, 30.0]],
             "drawings": [{"index": 1, "kind": "elevation", "why_t": ["doubt.unknown", {"message": "x"}]},
                          {"index": 2, "kind": "plan"}], "drawing_read": 1}
    found = find_doubts(plan, facts)
    assert len(found) >= 8
    for d in found:
        for lang in ("en", "nb"):
            text = d.message(lang)
            assert "doubt." not in text and "{" not in text, text
        assert Doubt.from_dict(json.loads(json.dumps(d.to_dict()))) == d


def test_confirmed_doubts_are_not_doubts_any_more():
    plan = Plan(rooms=HOME, import_report={"doubts": [Doubt("SEVERAL_DRAWINGS", ["doubt.unknown", {"message": "x"}]
                                                            ).to_dict()]})
    assert [d.code for d in plan_doubts(plan)] == ["SEVERAL_DRAWINGS"]
    assert plan_doubts(plan, ["SEVERAL_DRAWINGS"]) == []


def test_the_test_flat_is_read_without_doubts():
    result = read_dxf(to_bytes(flat()), name="flat.dxf")
    assert result.report["doubts"] == []
    assert result.report["facts"]["drawing_read"] == 1


def test_an_area_label_inside_a_misread_room_is_a_doubt_of_the_import():
    doc = flat()
    doc.modelspace().add_text("30 m2", height=150, dxfattribs={"layer": "A-AREA-IDEN", "insert": (2700, 1000)})
    report = read_dxf(to_bytes(doc), name="flat.dxf").report
    assert [d["code"] for d in report["doubts"]] == ["AREA_LABEL_MISMATCH"]


def _with_entity(data: bytes, entity: str) -> bytes:
    """The DXF with one more entity of a type the reader cannot see into, at the end of ENTITIES."""
    text = data.decode("utf-8")
    at = text.index("ENTITIES")
    end = text.index("\n  0\nENDSEC", at)
    return (text[:end] + f"\n  0\n{entity}\n  5\nFFFF1\n  8\nA-WALL" + text[end:]).encode("utf-8")


def test_an_autocad_architecture_wall_is_counted_and_doubted():
    data = _with_entity(to_bytes(flat()), "AEC_WALL")
    report = read_dxf(data, name="flat.dxf").report
    assert report["facts"]["proxy_entities"] == {"AEC_WALL": 1}
    assert "PROXY_ENTITIES" in [d["code"] for d in report["doubts"]]


def test_check_json_has_doubts_at_the_top(tmp_path):
    path = tmp_path / "flat.dxf"
    path.write_bytes(_with_entity(to_bytes(flat()), "ACAD_PROXY_ENTITY"))
    out = subprocess.run([sys.executable, "-m", "planner", "check", str(path), "--json", "--lang", "nb"],
                         capture_output=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout.decode("utf-8"))
    assert [(d["code"], d["elements"]) for d in data["doubts"]] == [("PROXY_ENTITIES", [])]
    assert "Eksporter" in data["doubts"][0]["message"]
    example = subprocess.run([sys.executable, "-m", "planner", "check", "examples/house-stepped-entrance.tilpass.json",
                              "--json"], capture_output=True, cwd=ROOT, timeout=120)
    assert json.loads(example.stdout)["doubts"] == []


@pytest.mark.parametrize("stored", [{"doubts": "x"}, {"doubts": [{"code": "A", "elements": 3, "message_t": "x"}]},
                                    {"doubts": [7, None]}])
def test_doubts_from_a_damaged_project_file_never_break_the_plan(stored):
    from planner.importers.doubts import open_doubts
    doubts = open_doubts(Plan(rooms=HOME, import_report=stored), {"confirmed_doubts": "not a list"})
    assert all(d.message("nb") is not None and isinstance(d.elements, tuple) for d in doubts)


def test_a_project_whose_plan_the_user_confirmed_has_no_doubts_on_the_command_line(tmp_path):
    from planner.importers.doubts import confirmed_source, open_doubts
    from planner.project.loading import open_bytes
    from planner.project.file import dumps_project
    project = open_bytes(_with_entity(to_bytes(flat()), "AEC_WALL"), "flat.dxf")
    assert [d.code for d in open_doubts(project.plan, project.source)] == ["PROXY_ENTITIES"]
    path = tmp_path / "flat.tilpass.json"
    for confirmed, expected in ((project, ["PROXY_ENTITIES"]),
                                (project.replace(source=confirmed_source(project.source, open_doubts(
                                    project.plan, project.source))), [])):
        path.write_text(dumps_project(confirmed), encoding="utf-8")
        out = subprocess.run([sys.executable, "-m", "planner", "check", str(path), "--json"], capture_output=True,
                             cwd=ROOT, timeout=120)
        assert [d["code"] for d in json.loads(out.stdout)["doubts"]] == expected


def _named(names: tuple[str, ...], types: tuple[str, ...] | None = None) -> Plan:
    types = types or ("other",) * len(names)
    rooms = tuple(Room.from_rectangle(f"R{i}", n, kind, i * 4000.0, 0.0, 3500, 3500)
                  for i, (n, kind) in enumerate(zip(names, types), 1))
    return Plan(rooms=rooms, doors=tuple(door(i, 900, (f"R{i}",)) for i in range(1, len(rooms) + 1)))


@pytest.mark.parametrize("names, types, doubted", [
    (("Eik", "Bjørk"), None, False),                                 # two named rooms: too few to judge
    (("Eik", "Bjørk", "Lønn"), None, True),                          # a planting plan
    (("日期", "图号", "设计", "审核"), None, True),                       # a title block's cells
    (("Møterom", "Kontor", "Bod", "Kjøkken"), ("other", "living", "storage", "kitchen"), False),   # a kitchen
    (("", "", "", ""), None, False),                                 # unnamed: other doubts judge it
])
def test_a_plan_whose_named_rooms_hold_no_room_of_a_home_is_doubted(names, types, doubted):
    found = {d.code: d for d in find_doubts(_named(names, types), {})}
    assert ("NOT_A_HOME" in found) == doubted
    if doubted:
        text = found["NOT_A_HOME"].message("nb")
        assert "kjøkken, bad, WC, soverom eller stue" in text and repr(names[0]) in text


@pytest.mark.parametrize("why, doubted", [("region.why.plan", False), ("region.why.plan_weak", True)])
def test_a_drawing_taken_for_a_plan_only_for_want_of_a_ground_line_is_doubted(why, doubted):
    """Found on a real sheet: with its wall and door layers ignored by name, the drawing left was a gate's
    elevation (four leaves read as rooms), taken for a plan because it had no ground line — and not doubted."""
    from planner.importers.doubts import FACT_DRAWING_READ, FACT_DRAWINGS
    evidence = {"swings": 0, "blocks": 0, "outlines": 0}
    facts = {FACT_DRAWINGS: [{"index": 1, "kind": "plan", "why_t": [why, evidence]}], FACT_DRAWING_READ: 1}
    plan = Plan(rooms=HOME, doors=tuple(door(i, w) for i, w in enumerate((800, 900, 900, 1000), 1)))
    assert ("WEAK_FLOOR_PLAN" in codes(plan, facts)) == doubted


@pytest.mark.parametrize("kind, area_m2, doubted", [("bathroom", 29.9, False), ("bathroom", 30.5, True),
                                                    ("wc", 78.9, True), ("living", 78.9, False)])
def test_a_bathroom_or_wc_larger_than_any_homes_is_doubted(kind, area_m2, doubted):
    """Found on a real sheet: the word TOILET of a small WC lay in the 79 m² parking and garden around it."""
    side = (area_m2 * 1e6) ** 0.5
    rooms = (*HOME[:3], Room.from_rectangle("R9", "Toilet", kind, 20000, 0, side, side))
    plan = Plan(rooms=rooms, doors=tuple(door(i, w) for i, w in enumerate((800, 900, 900, 1000), 1)))
    assert ("WET_ROOM_TOO_LARGE" in codes(plan)) == doubted
