"""IFC models built in memory with ifcopenshell's API: rooms, door widths at pass / limit / fail, the rooms a door
joins, storeys, steps, fixtures, units and damaged files."""
from __future__ import annotations

import builtins
import json
import math

import pytest

from tests import ifc_factory as F  # skips the module when ifcopenshell is not installed
from planner.checks import assess
from planner.importers.ifc import is_ifc, read_ifc
from planner.project.loading import open_bytes
from planner.model.plan import SOURCE_DRAWN, SOURCE_ESTIMATED, PlanError
from planner.rules import load_rules

RULES = load_rules()


def findings_of(plan, check):
    return {f.element: f for f in assess(plan, RULES) if f.check == check}


@pytest.fixture(scope="module")
def flat_plan():
    return read_ifc(F.flat(0.9).bytes(), name="flat.ifc")


def test_spaces_become_rooms_with_their_names_and_types(flat_plan):
    rooms = {r.name: r for r in flat_plan.rooms}
    assert set(rooms) == {"Gang", "Bad"}
    assert (rooms["Gang"].type, rooms["Bad"].type) == ("hall", "bathroom")
    assert rooms["Gang"].area_m2 == pytest.approx(5.0, abs=0.01)
    assert rooms["Bad"].polygon.bounds == pytest.approx((2000, 0, 5000, 2500), abs=1)
    assert flat_plan.import_report["rooms_from"] == "outlines"   # a space is a room outline, as the import tab says


def test_a_space_without_a_long_name_is_named_by_its_name():
    m = F.Model()
    level = m.storey("1")
    m.space(level, "Soverom 2", None, 0, 0, 3, 3)
    (room,) = read_ifc(m.bytes()).rooms
    assert (room.name, room.type) == ("Soverom 2", "bedroom")


def test_sanitary_terminals_become_fixtures_in_their_room_once_each(flat_plan):
    bath = next(r for r in flat_plan.rooms if r.name == "Bad")
    assert sorted((f.type, f.room) for f in flat_plan.fixtures) == [("shower", bath.id), ("sink", bath.id),
                                                                    ("wc", bath.id)]
    wc = next(f for f in flat_plan.fixtures if f.type == "wc")
    assert wc.footprint.area == pytest.approx(0.4 * 0.65 * 1e6, rel=0.01)


def test_the_door_between_two_spaces_joins_them_and_the_exterior_door_is_the_entrance(flat_plan):
    inner = next(d for d in flat_plan.doors if len(d.rooms) == 2)
    outer = next(d for d in flat_plan.doors if len(d.rooms) == 1)
    assert {flat_plan.room(r).name for r in inner.rooms} == {"Gang", "Bad"}
    assert not inner.exterior and outer.exterior
    assert inner.position.coords[0] == pytest.approx((2000, 1250), abs=1)


def test_steps_by_the_exterior_door_are_the_entrance_rise(flat_plan):
    entrance = flat_plan.entrance
    assert (entrance.steps, entrance.rise_mm, entrance.rise_source) == (2, 340, SOURCE_DRAWN)
    assert entrance.door == next(d.id for d in flat_plan.doors if d.exterior)
    finding = findings_of(flat_plan, "step_free_entrance")["entrance"]
    assert finding.status == "fail"


# Clear width = OverallWidth − 2 × lining thickness − leaf thickness: a 50 mm lining and a 40 mm leaf take 140 mm.

@pytest.mark.parametrize("overall_m, status, remeasure", [
    (0.950, "pass", False),     # 810 mm clear
    (0.900, "pass", True),      # exactly the 760 mm a door inside the dwelling needs
    (0.899, "fail", True),
    (0.800, "fail", False),
])
def test_door_clear_width_from_its_lining_at_pass_limit_and_fail(overall_m, status, remeasure):
    plan = read_ifc(F.flat(overall_m).bytes())
    door = next(d for d in plan.doors if len(d.rooms) == 2)
    assert door.clear_width_mm == pytest.approx(overall_m * 1000 - 140, abs=0.05)
    assert door.clear_width_source == SOURCE_DRAWN
    finding = findings_of(plan, "door_clear_width")[door.id]
    assert (finding.status, finding.remeasure, finding.required) == (status, remeasure, 760)


def test_a_door_without_lining_properties_is_estimated_with_the_rules_deduction():
    plan = read_ifc(F.flat(0.9, lining_m=None, panel_m=None).bytes())
    door = next(d for d in plan.doors if len(d.rooms) == 2)
    assert (door.clear_width_mm, door.clear_width_source) == (840, SOURCE_ESTIMATED)


def test_a_lining_without_a_leaf_thickness_assumes_one_and_says_the_width_is_estimated():
    plan = read_ifc(F.flat(0.9, panel_m=None).bytes())
    door = next(d for d in plan.doors if len(d.rooms) == 2)
    assert (door.clear_width_mm, door.clear_width_source) == (760, SOURCE_ESTIMATED)
    assert any("leaf thickness assumed" in g["why"] for g in plan.import_report["guesses"])


def test_without_space_boundaries_a_door_joins_the_spaces_on_either_side_of_it():
    plan = read_ifc(F.flat(0.9, boundary=False).bytes())
    inner = next(d for d in plan.doors if d.position.x == pytest.approx(2000, abs=1))
    assert {plan.room(r).name for r in inner.rooms} == {"Gang", "Bad"}
    assert any(g["why_t"][0] == "ifc.why.beside" for g in plan.import_report["guesses"])


def test_a_space_boundary_wins_over_the_geometry_when_they_disagree():
    m = F.Model()
    level = m.storey("1")
    a = m.space(level, "1", "Stue", 0, 0, 4, 4)
    b = m.space(level, "2", "Soverom", 4, 0, 8, 4)
    c = m.space(level, "3", "Bod", 8, 0, 10, 4)
    m.door(level, 4.0, 1.0, 0.9, math.pi / 2, bounds=(a, c))      # the model says it joins the living room and store
    plan = read_ifc(m.bytes())
    names = {plan.room(r).name for r in plan.doors[0].rooms}
    assert names == {"Stue", "Bod"}


def test_a_floor_level_difference_at_a_door_is_its_step():
    m = F.Model()
    level = m.storey("1")
    low = m.space(level, "1", "Stue", 0, 0, 4, 4)
    high = m.space(level, "2", "Kjøkken", 4, 0, 8, 4, floor_m=0.15)
    m.door(level, 4.0, 1.0, 1.0, math.pi / 2, lining_m=0.05, panel_m=0.04, bounds=(low, high))
    plan = read_ifc(m.bytes())
    (door,) = plan.doors
    assert (door.threshold_mm, door.threshold_source) == (150, SOURCE_DRAWN)
    assert findings_of(plan, "threshold")[door.id].status == "fail"


def test_a_level_floor_leaves_the_threshold_unknown(flat_plan):
    assert all(d.threshold_mm is None for d in flat_plan.doors)
    assert {f.status for f in findings_of(flat_plan, "threshold").values()} == {"unknown"}


def two_storeys() -> bytes:
    m = F.Model()
    ground = m.storey("Underetasje", 0.0)
    upper = m.storey("1. etasje", 2.8)
    m.space(ground, "U1", "Bod", 0, 0, 3, 3)
    for k, name in enumerate(("Stue", "Soverom", "Bad")):
        m.space(upper, f"1{k}", name, 4 * k, 0, 4 * k + 4, 4, floor_m=2.8)
    return m.bytes()


def test_storeys_are_regions_the_one_with_most_rooms_is_read_and_another_can_be_chosen():
    data = two_storeys()
    plan = read_ifc(data)
    assert sorted(r.name for r in plan.rooms) == ["Bad", "Soverom", "Stue"]
    report = plan.import_report
    assert [r["name"] for r in report["regions"]] == ["Underetasje", "1. etasje"]
    assert [r["bbox_mm"] for r in report["regions"]] == [pytest.approx([0, 0, 3000, 3000], abs=1),
                                                         pytest.approx([0, 0, 12000, 4000], abs=1)]
    assert report["region"] == 2 and report["warnings_t"][0][0] == "ifc.warn.storeys"
    assert [r.name for r in read_ifc(data, region=1).rooms] == ["Bod"]
    with pytest.raises(PlanError, match="no storey 3; its storeys are 1, 2"):
        read_ifc(data, region=3)


def test_cli_reads_an_ifc_storey_with_region_and_json(tmp_path, capsys):
    from planner.__main__ import main
    path = tmp_path / "house.ifc"
    path.write_bytes(two_storeys())
    assert main(["check", str(path), "--region", "1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in out["rooms"]] == ["Bod"]
    assert out["import"]["format"] == "ifc" and out["import"]["region"] == 1
    path.write_bytes(F.flat(0.899).bytes())
    assert main(["check", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    inner = next(d["id"] for d in out["doors"] if len(d["rooms"]) == 2)
    width = next(f for f in out["findings"] if f["check"] == "door_clear_width" and f["element"] == inner)
    assert (width["status"], width["measured"]) == ("fail", 759)


@pytest.mark.parametrize("unit, scale", [("MILLI", 1000.0), ("CENTI", 100.0), (None, 1.0)])
def test_the_files_length_unit_gives_millimetres(unit, scale):
    plan = read_ifc(F.flat(0.9, unit=unit).bytes())
    assert plan.import_report["units"]["used"] == {1000.0: "mm", 100.0: "cm", 1.0: "m"}[scale]
    assert sorted(round(r.area_m2, 2) for r in plan.rooms) == [5.0, 7.5]
    assert next(d for d in plan.doors if len(d.rooms) == 2).clear_width_mm == pytest.approx(760, abs=0.1)


def test_a_file_without_a_length_unit_is_read_in_the_unit_its_doors_fit():
    m = F.flat(0.9)
    for assignment in m.f.by_type("IfcUnitAssignment"):
        m.f.remove(assignment)
    plan = read_ifc(m.bytes())
    assert plan.import_report["units"]["used"] == "mm"
    assert plan.import_report["units"]["why_t"][0] == "ifc.unit.doors"


def test_an_ifc_model_is_told_by_its_content_and_opens_like_a_dxf():
    data = F.flat(0.9).bytes()
    assert is_ifc(data) and not is_ifc(b"0\nSECTION\n2\nHEADER\n")
    project = open_bytes(data, "model.step")
    assert project.source["kind"] == "ifc" and len(project.plan.rooms) == 2


def test_spaces_without_shapes_end_in_one_sentence():
    m = F.Model()
    level = m.storey("1")
    m.space(level, "1", "Stue", 0, 0, 4, 4, shape=False)
    with pytest.raises(PlanError, match="have no shape"):
        read_ifc(m.bytes())


def test_a_model_without_spaces_ends_in_one_sentence():
    m = F.Model()
    m.storey("Plan 1")
    with pytest.raises(PlanError) as caught:
        read_ifc(m.bytes())
    assert "no rooms (IfcSpace) on storey Plan 1" in caught.value.message("en")
    assert "ingen rom (IfcSpace) i etasjen Plan 1" in caught.value.message("nb")


HEADER = b"ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION((''),'2;1');\nFILE_NAME('','',(''),(''),'','','');\n" \
         b"FILE_SCHEMA(('IFC4'));\nENDSEC;\nDATA;\n"


@pytest.mark.parametrize("data, says", [
    (HEADER + b"#1=IFCPROJECT('x',$,$,$,$,$,$,$,$);\n#2=IFCWALL(#1,,,;\nENDSEC;\n", "no rooms (IfcSpace)"),
    (HEADER[:60], "cannot be read"),
    (HEADER + b"#1=IFCSPACE(\x00\xff\xfe" * 3 + b"\nENDSEC;\nEND-ISO-10303-21;\n", "no rooms (IfcSpace)"),
    (HEADER.replace(b"IFC4", b"AP214") + b"ENDSEC;\nEND-ISO-10303-21;\n", "cannot be read"),
    (lambda: HEADER + b"\n#1=IFCCARTESIANPOINT((0.,0.));" * 1_500_001, "more than the 1,500,000"),
], ids=["broken entity", "cut off", "binary", "not ifc", "too many entities"])
def test_a_damaged_ifc_ends_in_one_sentence_in_both_languages(data, says):
    data = data() if callable(data) else data        # the large one is built only when its test runs
    with pytest.raises(PlanError) as caught:
        open_bytes(data, "model.ifc")
    english, norwegian = caught.value.message("en"), caught.value.message("nb")
    assert says in english and english.endswith(".") and norwegian.endswith(".") and norwegian != english


def test_without_ifcopenshell_an_ifc_upload_gets_a_sentence(monkeypatch):
    real_import = builtins.__import__

    def no_ifcopenshell(name, *args, **kwargs):
        if name.startswith("ifcopenshell"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)
    monkeypatch.setattr(builtins, "__import__", no_ifcopenshell)
    with pytest.raises(PlanError, match="needs the ifcopenshell package"):
        open_bytes(HEADER + b"ENDSEC;\nEND-ISO-10303-21;\n", "model.ifc")


def test_a_sliding_door_loses_only_its_lining_not_a_leaf():
    m = F.Model()
    level = m.storey("1")
    a = m.space(level, "1", "Stue", 0, 0, 4, 4)
    b = m.space(level, "2", "Soverom", 4, 0, 8, 4)
    m.door(level, 4.0, 1.0, 0.9, math.pi / 2, lining_m=0.05, panel_m=0.04, operation="SLIDING_TO_LEFT",
           bounds=(a, b))
    (door,) = read_ifc(m.bytes()).doors
    assert (door.kind, door.clear_width_mm) == ("sliding", 800)


def test_storeys_are_named_by_their_name_not_a_long_id():
    m = F.Model()
    level = m.storey("Erdgeschoss")
    level.LongName = "ACID00000001-0000"
    m.space(level, "1", "Stue", 0, 0, 4, 4)
    m.space(m.storey("Dach", 2.7), "2", "Loft", 0, 0, 4, 4, floor_m=2.7)
    assert [r["name"] for r in read_ifc(m.bytes()).import_report["regions"]] == ["Erdgeschoss", "Dach"]


def test_costing_options_read_an_ifc_model_like_a_dxf(tmp_path):
    from costing.options_cli import load_plan_and_state
    path = tmp_path / "flat.ifc"
    path.write_bytes(F.flat(0.8).bytes())
    plan, _, _, _ = load_plan_and_state(str(path), None, [])
    assert plan.import_report["format"] == "ifc" and len(plan.rooms) == 2


def test_a_zone_space_around_the_rooms_is_an_area_outline_not_a_room():
    m = F.Model()
    level = m.storey("1")
    m.space(level, "BTA", "Leilighet", 0, 0, 10, 4)
    m.space(level, "1", "Stue", 0, 0, 6, 4)
    m.space(level, "2", "Soverom", 6, 0, 10, 4)
    plan = read_ifc(m.bytes())
    assert sorted(r.name for r in plan.rooms) == ["Soverom", "Stue"]
    assert any("area outlines" in i["what"] for i in plan.import_report["ignored"])


def test_an_ifc2x3_model_reads_alike_its_flow_terminals_by_name(monkeypatch):
    import ifcopenshell.api.owner.settings as owner
    monkeypatch.setattr(owner, "get_user", owner.get_user)          # restored after the test: the factory sets
    monkeypatch.setattr(owner, "get_application", owner.get_application)   # an owner history for IFC2X3
    m = F.Model(schema="IFC2X3")
    level = m.storey("Plan 1")
    m.space(level, "1", "Stue", 0, 0, 4, 4)
    m.space(level, "2", "Bad", 4, 0, 7, 4)
    door = F.run("root.create_entity", m.f, ifc_class="IfcDoor", name="Door")
    door.OverallWidth = 900
    F.run("spatial.assign_container", m.f, products=[door], relating_structure=level)
    m._place(door, 4.0, 1.0, 0.0, math.pi / 2)
    wc = F.run("root.create_entity", m.f, ifc_class="IfcFlowTerminal", name="WC-skål")
    F.run("spatial.assign_container", m.f, products=[wc], relating_structure=level)
    m._box(wc, 0.4, 0.6, 0.8)
    m._place(wc, 6, 3)
    plan = read_ifc(m.bytes())
    assert plan.import_report["ifc"]["schema"] == "IFC2X3"
    assert [(r.name, r.type) for r in plan.rooms] == [("Stue", "living"), ("Bad", "bathroom")]
    assert [(d.clear_width_mm, len(d.rooms), d.kind) for d in plan.doors] == [(840, 2, "hinged")]
    assert [(f.type, plan.room(f.room).name) for f in plan.fixtures] == [("wc", "Bad")]


def test_a_door_placed_at_its_middle_is_still_read_where_its_shape_is():
    m = F.Model()
    level = m.storey("1")
    a = m.space(level, "1", "Stue", 0, 0, 4, 4)
    b = m.space(level, "2", "Soverom", 4, 0, 8, 4)
    door = m.door(level, 4.0, 2.0, 0.9, math.pi / 2, bounds=(a, b))        # origin at the door's middle...
    profile = m.f.create_entity("IfcRectangleProfileDef", ProfileType="AREA", XDim=900, YDim=100)  # centred on it
    rep = F.run("geometry.add_profile_representation", m.f, context=m.body, profile=profile, depth=2.1)
    F.run("geometry.assign_representation", m.f, product=door, representation=rep)
    (read,) = read_ifc(m.bytes()).doors
    assert read.position.coords[0] == pytest.approx((4000, 2000), abs=60)


def test_a_door_without_a_width_is_left_out_and_said_so():
    m = F.Model()
    level = m.storey("1")
    a = m.space(level, "1", "Stue", 0, 0, 4, 4)
    b = m.space(level, "2", "Soverom", 4, 0, 8, 4)
    door = m.door(level, 4.0, 1.0, 0.9, math.pi / 2, bounds=(a, b))
    door.OverallWidth = None
    plan = read_ifc(m.bytes())
    assert plan.doors == ()
    assert [w[0] for w in plan.import_report["warnings_t"]] == ["ifc.warn.no_width"]
