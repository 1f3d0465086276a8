"""Apple RoomPlan scans: the two real ones in the corpus, scans built in memory, and damaged files."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from planner.checks import assess
from planner.project.loading import open_bytes
from planner.model.plan import SOURCE_SCANNED, PlanError
from planner.importers.roomplan import is_roomplan, read_roomplan
from planner.rules import load_rules
from tests import roomplan_factory as rp

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "roomplan"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus/roomplan")
MULTIROOM = CORPUS / "roomplan-capturedstructure-multiroom.json"
SINGLE = CORPUS / "roomplan-capturedstructure-single.json"
corpus = pytest.mark.skipif(not MULTIROOM.exists(), reason="the RoomPlan corpus is not on this machine")


def by_id(findings, check):
    return {f.element: f for f in findings if f.check == check}


# The real scans, counted on a drawing of the plan each gives (walls, doors, objects and section labels laid over
# the rooms read): the flat has two bedrooms, a bathroom and a hall whose walls stay open towards the unscanned
# part of the flat; the living room is one closed room with two doors and only furniture in it.

@corpus
def test_the_scanned_flat_has_its_four_rooms_four_doors_and_its_bathroom_fixtures():
    plan = read_roomplan(MULTIROOM.read_bytes(), name=MULTIROOM.name)
    assert sorted(r.type for r in plan.rooms) == ["bathroom", "bedroom", "bedroom", "other"]
    assert len(plan.doors) == 4
    assert all(d.clear_width_source == SOURCE_SCANNED for d in plan.doors)
    assert sorted(round(d.leaf_width_mm) for d in plan.doors) == [634, 724, 730, 751]   # the scan's widths, in mm
    assert sorted(f.type for f in plan.fixtures) == ["bed", "bed", "sink", "wc"]
    bathroom = next(r for r in plan.rooms if r.type == "bathroom")
    assert {f.type for f in plan.fixtures_in(bathroom.id)} == {"wc", "sink"}
    assert 4.0 < bathroom.area_m2 < 5.5
    # the bathroom door joins it to a bedroom; two doors join the hall to the bedrooms; one leads out of the scan
    assert sorted(len(d.rooms) for d in plan.doors) == [1, 2, 2, 2]
    assert [d for d in plan.doors_of(bathroom.id) if len(d.rooms) == 2]
    assert not any(d.exterior for d in plan.doors)
    # the hall's walls do not close: the report says the floor's edge closed it
    hall = next(r for r in plan.rooms if r.type == "other")
    assert any(g["why_t"][0] == "rp.why.floor" and f"room {hall.id} " in g["what"] for g in plan.import_report["guesses"])


@corpus
def test_the_scanned_living_room_is_one_room_with_two_doors_and_no_fixtures():
    plan = read_roomplan(SINGLE.read_bytes(), name=SINGLE.name)
    assert [r.type for r in plan.rooms] == ["living"]
    assert 14.5 < plan.rooms[0].area_m2 < 16.0
    assert len(plan.doors) == 2 and plan.fixtures == ()
    assert all(d.rooms == (plan.rooms[0].id,) and not d.exterior for d in plan.doors)
    report = plan.import_report
    assert report["format"] == "roomplan" and report["found"]["doors"] == 2 and report["units"]["used"] == "m"
    assert report["rooms_from"] == "walls"     # one of the words the import tab has a text for


@corpus
@pytest.mark.parametrize("path", [MULTIROOM, SINGLE], ids=["multiroom", "single"])
def test_a_real_scan_opens_like_any_plan_and_every_check_runs_on_it(path):
    project = open_bytes(path.read_bytes(), path.name)
    assert project.source["kind"] == "roomplan"
    findings = assess(project.plan, load_rules())
    assert {f.check for f in findings} >= {"door_clear_width", "threshold", "turning_circle"}
    assert all(f.status == "unknown" for f in findings if f.check == "threshold")   # a scan sees no threshold


# Door widths: the open leaf takes the 60 mm deduction off the scanned opening, and a scanned width near the limit
# is marked for re-measuring (a scan is a few centimetres either way).

@pytest.mark.parametrize("opening_m, status, remeasure", [
    (0.900, "pass", False),    # 840 mm clear, 80 mm above the 760 mm a door inside a dwelling needs
    (0.820, "pass", True),     # exactly 760 mm clear: passes, but a scan cannot promise the last centimetres
    (0.819, "fail", True),
    (0.700, "fail", False),
])
def test_a_scanned_door_width_at_pass_limit_and_fail(opening_m, status, remeasure):
    plan = read_roomplan(rp.as_bytes(rp.two_rooms(opening_m)))
    (door,) = plan.doors
    assert door.leaf_width_mm == pytest.approx(opening_m * 1000, abs=0.1)
    assert door.clear_width_mm == pytest.approx(opening_m * 1000 - 60, abs=0.1)
    assert len(door.rooms) == 2
    finding = by_id(assess(plan, load_rules()), "door_clear_width")[door.id]
    assert (finding.status, finding.remeasure, finding.required) == (status, remeasure, 760)


def test_a_scan_becomes_rooms_by_section_with_fixtures_in_them_metres_to_mm():
    plan = read_roomplan(rp.as_bytes(rp.two_rooms()))
    rooms = {r.type: r for r in plan.rooms}
    assert set(rooms) == {"bathroom", "bedroom"}
    assert rooms["bathroom"].area_m2 == pytest.approx(7.5, abs=0.1)
    assert rooms["bedroom"].area_m2 == pytest.approx(10.0, abs=0.1)
    minx, miny, maxx, maxy = rooms["bathroom"].polygon.bounds     # not mirrored: x and y as seen from above
    assert (minx, miny, maxx, maxy) == pytest.approx((0, 0, 3000, 2500), abs=15)
    fixtures = {f.type: f for f in plan.fixtures}
    assert set(fixtures) == {"wc", "sink", "bath", "bed"}                # the table is furniture, not a fixture
    assert {fixtures[k].room for k in ("wc", "sink", "bath")} == {rooms["bathroom"].id}
    assert fixtures["bed"].room == rooms["bedroom"].id
    assert fixtures["bath"].footprint.area == pytest.approx(1.6 * 0.7 * 1e6, rel=0.01)
    assert plan.doors[0].rooms == tuple(sorted(plan.doors[0].rooms)) or len(plan.doors[0].rooms) == 2
    ignored = " ".join(i["what"] for i in plan.import_report["ignored"])
    assert "'table'" in ignored


@pytest.mark.parametrize("degrees", [0, 17, 30, 90, 143])
def test_a_scan_taken_at_any_heading_gives_the_same_rooms(degrees):
    doc = rp.two_rooms()
    angle = math.radians(degrees)
    c, s = math.cos(angle), math.sin(angle)

    def turn(item):      # rotate the whole scan about the vertical axis
        m = item["transform"]
        for col in (0, 4, 8, 12):
            x, z = m[col], m[col + 2]
            m[col], m[col + 2] = c * x + s * z, -s * x + c * z
        return item
    for key in ("walls", "doors", "objects", "floors"):
        doc[key] = [turn(i) for i in doc[key]]
    for sec in doc["sections"]:
        x, z = sec["center"][0], sec["center"][2]
        sec["center"][0], sec["center"][2] = c * x + s * z, -s * x + c * z
    plan = read_roomplan(rp.as_bytes(doc))
    assert sorted((r.type, round(r.area_m2, 1)) for r in plan.rooms) == [("bathroom", 7.5), ("bedroom", 10.0)]
    assert len(plan.doors[0].rooms) == 2
    assert {f.type: f.room for f in plan.fixtures}["wc"] == next(r.id for r in plan.rooms if r.type == "bathroom")


def test_walls_that_do_not_close_give_the_whole_floor_as_one_room_and_say_so():
    doc = rp.two_rooms()
    doc["walls"] = doc["walls"][:1]            # only one wall was scanned: the floor's edge closes one space
    plan = read_roomplan(rp.as_bytes(doc))
    assert len(plan.rooms) == 1 and plan.rooms[0].area_m2 == pytest.approx(17.5, abs=0.1)
    assert "rp.warn.open_walls" in [w[0] for w in plan.import_report["warnings_t"]]
    doc["floors"] = []                         # ...and without a floor there is nothing to close it
    with pytest.raises(PlanError, match="1 walls of the RoomPlan scan do not close"):
        read_roomplan(rp.as_bytes(doc))


def test_a_floor_without_walls_that_close_is_one_room_that_says_so():
    doc = rp.two_rooms()
    doc["walls"] = [rp.surface("wall", (1, 1), (2, 1))]     # a wall standing free on the floor
    doc["sections"] = []
    plan = read_roomplan(rp.as_bytes(doc))
    assert len(plan.rooms) == 1 and plan.rooms[0].area_m2 == pytest.approx(17.5, abs=0.1)
    assert "rp.warn.whole_floor" in [w[0] for w in plan.import_report["warnings_t"]]


def test_a_room_whose_walls_stay_open_is_closed_by_the_floor_edge_and_named_in_a_warning():
    doc = rp.two_rooms()
    doc["walls"] = [w for w in doc["walls"] if w["transform"][12] != 7]    # the bedroom's far wall is missing
    plan = read_roomplan(rp.as_bytes(doc))
    rooms = {r.type: r for r in plan.rooms}
    assert rooms["bedroom"].area_m2 == pytest.approx(10.0, abs=0.1)
    (warning,) = [w for w in plan.import_report["warnings_t"] if w[0] == "rp.warn.open_walls"]
    assert warning[1]["rooms"] == rooms["bedroom"].id


def test_a_scan_without_section_labels_takes_each_closed_space_as_a_room_of_unknown_kind():
    doc = rp.two_rooms()
    doc["sections"] = []
    plan = read_roomplan(rp.as_bytes(doc))
    assert sorted(r.type for r in plan.rooms) == ["other", "other"]
    assert len(plan.doors[0].rooms) == 2


def test_two_labels_in_one_space_are_one_room_that_says_so():
    doc = rp.two_rooms()
    doc["walls"] = [w for w in doc["walls"] if w["transform"][12] != 3]      # the wall between them is gone
    doc["doors"] = []
    plan = read_roomplan(rp.as_bytes(doc))
    assert len(plan.rooms) == 1
    assert plan.import_report["guesses"][0]["why_t"][0] == "rp.why.two_labels"
    assert "rp.model.issue.no_doors" not in plan.import_report["issues_t"]
    assert [i[0] for i in plan.import_report["issues_t"]] == ["imp.model.issue.no_doors"]


def test_a_scan_of_two_storeys_reads_the_larger_and_lets_the_other_be_chosen():
    doc = rp.two_rooms()
    upstairs = rp.box(0, 0, 4, 3, story=1)
    doc["walls"] += upstairs
    doc["sections"].append(rp.section("bedroom", 2, 1.5, story=1))
    plan = read_roomplan(rp.as_bytes(doc))
    assert len(plan.rooms) == 2
    assert plan.import_report["warnings_t"][0][0] == "rp.warn.stories"
    assert [(r["index"], r["story"]) for r in plan.import_report["regions"]] == [(1, 0), (2, 1)]
    upper = read_roomplan(rp.as_bytes(doc), region=2)
    assert [(r.type, round(r.area_m2)) for r in upper.rooms] == [("bedroom", 12)]
    assert upper.import_report["regions"][1]["bbox_mm"] == pytest.approx([0, 0, 4000, 3000], abs=1)
    with pytest.raises(PlanError, match="no storey 5; its storeys are 1, 2"):
        read_roomplan(rp.as_bytes(doc), region=5)


def test_a_scanned_width_keeps_its_source_through_a_project_file():
    from planner.project.file import Project, dumps_project, loads_project
    plan = read_roomplan(rp.as_bytes(rp.two_rooms()))
    again = loads_project(dumps_project(Project(plan=plan)).encode("utf-8")).plan
    assert again.doors[0].clear_width_source == SOURCE_SCANNED


# Damaged and hostile files: one sentence, in both languages, never a traceback.

def _broken(change) -> bytes:
    doc = rp.two_rooms()
    change(doc)
    return json.dumps(doc).encode("utf-8")


HOSTILE = {
    "not json": b'{"walls": [ "transform" "dimensions"',
    "nan": _broken(lambda d: d["walls"][0]["dimensions"].__setitem__(0, float("nan"))),
    "infinity in a transform": _broken(lambda d: d["doors"][0]["transform"].__setitem__(12, float("inf"))),
    "missing transform": _broken(lambda d: d["walls"][1].pop("transform")),
    "missing dimensions": _broken(lambda d: d["doors"][0].pop("dimensions")),
    "short transform": _broken(lambda d: d["walls"][0].__setitem__("transform", [1, 0, 0])),
    "text for a number": _broken(lambda d: d["objects"][0]["dimensions"].__setitem__(1, "wide")),
    "walls not a list": _broken(lambda d: d.__setitem__("walls", {"transform": 1, "dimensions": 2})),
    "huge list": _broken(lambda d: d.__setitem__("objects", [d["objects"][0]] * 6000)),
    "a kilometre away": _broken(lambda d: d["walls"][0]["transform"].__setitem__(12, 1e5)),
    "section without centre": _broken(lambda d: d["sections"][0].pop("center")),
    "no walls": _broken(lambda d: d.__setitem__("walls", [])),
    "a wall standing on end": _broken(lambda d: d["walls"][0].__setitem__(
        "transform", [0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 1])),
    "deep nesting": b'{"walls": [], "transform": 1, "dimensions": 1, "sections": ' + b"[" * 100_000 + b"]" * 100_000
                    + b"}",
}


@pytest.mark.parametrize("data", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_damaged_scan_ends_in_one_sentence_in_both_languages(data):
    with pytest.raises(PlanError) as caught:
        open_bytes(data, "scan.json")
    english, norwegian = caught.value.message("en"), caught.value.message("nb")
    assert english.count(". ") == 0 and english.endswith(".") and "\n" not in english
    assert norwegian != english and norwegian.endswith(".")
    assert "{" not in english and "{" not in norwegian


def test_a_scan_is_told_by_its_content_whatever_its_name():
    data = rp.as_bytes(rp.two_rooms())
    assert is_roomplan(data)
    assert open_bytes(data, "IMG_0042.txt").source["kind"] == "roomplan"
    assert not is_roomplan(b'{"format": "tilpass-project", "plan": {}}')


def test_cli_checks_a_scan_with_json(tmp_path, capsys):
    from planner.__main__ import main
    path = tmp_path / "scan.json"
    path.write_bytes(rp.as_bytes(rp.two_rooms(0.82)))
    assert main(["check", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["import"]["format"] == "roomplan"
    assert [d["clear_width_source"] for d in out["doors"]] == ["scanned"]
    door = next(f for f in out["findings"] if f["check"] == "door_clear_width")
    assert (door["status"], door["remeasure"]) == ("pass", True)


def test_costing_options_read_a_scan_like_a_dxf(tmp_path):
    from costing.options_cli import load_plan_and_state
    path = tmp_path / "scan.json"
    path.write_bytes(rp.as_bytes(rp.two_rooms(0.7)))
    plan, state, standard, _ = load_plan_and_state(str(path), None, ["D1.clear_width_mm=700"])
    assert (plan.doors[0].clear_width_mm, plan.doors[0].clear_width_source) == (700, "measured")
    assert plan.import_report["format"] == "roomplan"


def test_a_door_a_few_centimetres_wide_is_a_scanning_artefact_not_a_failing_door():
    doc = rp.two_rooms()
    doc["doors"].append(rp.surface("door", (3, 2.0), (3, 2.05), height_m=2.0, isOpen=False))
    plan = read_roomplan(rp.as_bytes(doc))
    assert len(plan.doors) == 1
    assert any("narrower than 200 mm" in i["what"] for i in plan.import_report["ignored"])
