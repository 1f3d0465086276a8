"""Projects survive save and open losslessly: drawn plans, measurements, notes and photos; old files still open."""
import json
from pathlib import Path

import pytest

from planner.project import visit
from planner.project.loading import open_bytes
from planner.model.plan import PlanError
from planner.project.file import FORMAT_VERSION, Project, dumps_project, loads_project
from planner.rules import load_rules
from tests.drawn_flat import FRAME, drawn_flat

ROOT = Path(__file__).resolve().parents[1]
RULES = load_rules()
JPEG, PNG = b"\xff\xd8\xff\xe0", b"\x89PNG\r\n\x1a\n"
PHOTO = JPEG + bytes(range(256)) * 40  # any bytes after an image's signature: photos are kept as they came


def visited(project: Project) -> Project:
    """A site visit's worth of values, notes and photos on any project."""
    door = project.plan.doors[0].id
    project = visit.set_value(project, door, "clear_width_mm", 812.5, taken_at="2026-11-22T10:00:00+00:00")
    project = visit.set_value(project, door, "threshold_mm", 22, source="estimated")
    project = visit.set_value(project, "entrance", "rise_mm", 360)
    project = visit.set_note(project, door, "Terskel i eik; «løs» list\nmå festes")
    project = visit.add_photo(project, door, "dør 1.jpg", "image/jpeg", PHOTO, taken_at="2026-11-22T10:02:00+00:00")
    return visit.add_photo(project, "entrance", "trapp.png", "image/png", PNG + PHOTO[::-1])


def assert_lossless(project: Project) -> Project:
    text = dumps_project(project)
    again = loads_project(text.encode("utf-8"))
    assert dumps_project(again) == text                      # nothing lost or changed on the way
    assert again.measurements == project.measurements        # values, sources and times
    assert again.notes == project.notes and again.photos == project.photos
    assert again.measured_plan()[0].to_dict() == loads_project(text).measured_plan()[0].to_dict()
    return again


def test_a_drawn_plan_with_a_site_visit_round_trips():
    plan = drawn_flat(RULES)
    project = visited(Project(plan=plan, source={"kind": "drawn", "drawing": FRAME.to_dict(), "grid_mm": 100}))
    again = assert_lossless(project)
    assert again.plan.to_dict() == plan.to_dict()
    assert [r.polygon.equals(s.polygon) for r, s in zip(again.plan.rooms, plan.rooms)] == [True] * len(plan.rooms)
    assert again.source["drawing"] == FRAME.to_dict()
    assert again.plan.entrance.steps == 2 and again.plan.entrance.rise_source == "drawn"
    m = visit.measured(again, plan.doors[0].id, "clear_width_mm")
    assert (m.value, m.source, m.taken_at) == (812.5, "measured", "2026-11-22T10:00:00+00:00")
    assert visit.photo_bytes(visit.photos_of(again, plan.doors[0].id)[0][1]) == PHOTO


def test_a_dxf_plan_with_added_measurements_saves_the_same_way():
    pytest.importorskip("planner.importers")
    project = open_bytes((ROOT / "examples" / "flat-narrow-bathroom.dxf").read_bytes(), "flat-narrow-bathroom.dxf")
    assert project.source["kind"] == "dxf"
    assert_lossless(visited(project))


def test_the_file_says_its_format_and_version():
    data = json.loads(dumps_project(Project(plan=drawn_flat(RULES))))
    assert data["format"] == "tilpass-project" and data["version"] == FORMAT_VERSION


def test_a_version_1_file_from_before_site_visits_still_opens():
    """The oldest shape: no notes, photos, costing or source, and measurements without source or time."""
    old = {"format": "tilpass-project", "version": 1, "standard": "no-tek17",
           "plan": {"name": "Gammel", "units": "mm",
                    "rooms": [{"id": "R1", "name": "Bad", "type": "bathroom",
                               "polygon": [[0, 0], [2000, 0], [2000, 2400], [0, 2400]]}],
                    "doors": [{"id": "D1", "position": [0, 1200], "leaf_width_mm": 800, "clear_width_mm": 740}],
                    "fixtures": []},
           "measurements": [{"element": "D1", "field": "threshold_mm", "value": 30}]}
    project = loads_project(json.dumps(old).encode())
    assert project.plan.name == "Gammel" and project.notes == {} and project.photos == ()
    assert project.measurements[0].source == "measured"
    assert project.measured_plan()[0].door("D1").threshold_mm == 30
    assert_lossless(visited(project))


def test_the_committed_examples_open():
    for path in sorted((ROOT / "examples").glob("*.tilpass.json")):
        assert loads_project(path.read_bytes()).plan.rooms


@pytest.mark.parametrize("version, words", [(FORMAT_VERSION + 1, "newer"), (None, "format version"),
                                            (0, "format version")])
def test_a_file_from_a_newer_tilpass_or_none_is_one_sentence(version, words):
    data = json.loads(dumps_project(Project(plan=drawn_flat(RULES))))
    data["version"] = version
    with pytest.raises(PlanError, match=words):
        loads_project(json.dumps(data).encode())
