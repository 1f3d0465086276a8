"""Site visit: the walk through the elements, values with source and time, notes and photos, and the tab itself."""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from planner.project import visit
from planner.checks import assess
from planner.model.plan import PlanError
from planner.project.file import Project, dumps_project, loads_project
from planner.rules import load_rules
from tests.plans import bathroom, with_entrance

ROOT = Path(__file__).resolve().parents[1]
RULES = load_rules()
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")


def project() -> Project:
    plan = bathroom(fixtures=(("shower", (1000, 1400, 900, 900), None),))
    return Project(plan=with_entrance(plan, None))


def test_the_walk_is_entrance_then_doors_then_showers():
    items = visit.visit_items(project().plan)
    assert [(i.element, i.kind) for i in items] == [("entrance", "entrance"), ("D1", "door"), ("D2", "door"),
                                                    ("F1", "shower")]
    assert items[1].fields == ("clear_width_mm", "threshold_mm")


def test_a_value_keeps_its_source_and_time_and_changes_the_finding():
    p = project()
    unknown = {f.element: f.status for f in assess(p.measured_plan()[0], RULES) if f.check == "threshold"}
    assert unknown["D2"] == "unknown"
    p = visit.set_value(p, "D2", "threshold_mm", 40, taken_at="2026-11-22T10:00:00+00:00")
    m = visit.measured(p, "D2", "threshold_mm")
    assert (m.value, m.source, m.taken_at) == (40, "measured", "2026-11-22T10:00:00+00:00")
    status = {f.element: f.status for f in assess(p.measured_plan()[0], RULES) if f.check == "threshold"}
    assert status["D2"] == "fail"
    # the same value typed again keeps its first time; a new value gets a new time
    assert visit.set_value(p, "D2", "threshold_mm", 40) is p
    p = visit.set_value(p, "D2", "threshold_mm", "15", source="estimated")
    assert visit.measured(p, "D2", "threshold_mm").source == "estimated"
    assert visit.set_value(p, "D2", "threshold_mm", None).measurements == ()


@pytest.mark.parametrize("value", [-5, 9999, "abc"])
def test_implausible_values_are_one_sentence(value):
    with pytest.raises(PlanError) as err:
        visit.set_value(project(), "D2", "threshold_mm", value)
    assert str(err.value).endswith(".") and "\n" not in str(err.value)


def test_entrance_rise_steps_and_space():
    p = project()
    for field, value in (("rise_mm", 350), ("steps", 2), ("space_length_mm", 4000)):
        p = visit.set_value(p, "entrance", field, value)
    entrance = p.measured_plan()[0].entrance
    assert (entrance.rise_mm, entrance.steps, entrance.space_length_mm) == (350, 2, 4000)
    assert [f.status for f in assess(p.measured_plan()[0], RULES) if f.check == "step_free_entrance"] == ["fail"]


def test_notes_and_photos_attach_to_elements_and_survive_save_and_open():
    p = visit.set_note(project(), "D2", "Eiketerskel, 40 mm")
    p = visit.add_photo(p, "D2", "terskel.png", "image/png", PNG, taken_at="2026-11-22T10:01:00+00:00")
    p = visit.add_photo(p, "F1", "dusj.png", "image/png", PNG)
    again = loads_project(dumps_project(p))
    assert again.notes == {"D2": "Eiketerskel, 40 mm"}
    assert [x["element"] for x in again.photos] == ["D2", "F1"]
    assert visit.photo_bytes(visit.photos_of(again, "D2")[0][1]) == PNG
    assert visit.remove_photo(again, 0).photos == (again.photos[1],)
    assert visit.set_note(again, "D2", "  ").notes == {}
    with pytest.raises(PlanError):
        visit.add_photo(p, "D2", "empty.jpg", "image/jpeg", b"")


# --- the tab, through AppTest ------------------------------------------------------------------------------------

@pytest.fixture
def at():
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.run()
    assert not app.exception, app.exception
    return app


def _visit_inputs(at) -> list[str]:
    return [w.key for w in at.text_input if w.key and w.key.startswith("visit_")]


def test_the_tab_records_a_measured_width_and_shows_the_result(at):
    at.button(key="visit_next").click().run()           # from the entrance to door D1
    key = next(k for k in _visit_inputs(at) if k.endswith("_D1_clear_width_mm"))
    at.text_input(key=key).set_value("820").run()
    assert not at.exception
    m = visit.measured(at.session_state["project"], "D1", "clear_width_mm")
    assert m.value == 820 and m.source == "measured" and m.taken_at
    shown = " ".join(e.value for e in [*at.error, *at.success, *at.warning])
    assert "820" in shown                               # the door's result updated with the new width


def test_the_tab_keeps_a_note_and_an_uploaded_photo(at):
    at.text_area(key=next(t.key for t in at.text_area if t.key.endswith("_entrance_note"))).input("To trinn").run()
    uploader = next(u for u in at.get("file_uploader") if (u.key or "").endswith("_entrance_upload"))
    uploader.upload("trapp.png", PNG, "image/png").run()
    assert not at.exception
    p = at.session_state["project"]
    assert p.notes["entrance"] == "To trinn"
    assert [x["name"] for x in p.photos if x["element"] == "entrance"] == ["trapp.png"]
    at.run()                                            # a rerun does not add the same photo twice
    assert len([x for x in at.session_state["project"].photos if x["element"] == "entrance"]) == 1


def test_basins_come_last_and_take_a_yes_or_no():
    from planner.model.plan import Fixture
    from shapely.geometry import box
    plan = project().plan
    plan = plan.replace(fixtures=(*plan.fixtures, Fixture("F9", "sink", box(0, 0, 500, 450), room=plan.rooms[0].id)))
    items = visit.visit_items(plan)
    assert (items[-1].element, items[-1].kind, items[-1].fields) == ("F9", "basin", ("space_under",))
    p = visit.set_value(project().replace(plan=plan), "F9", "space_under", 1)
    measured, problems = p.measured_plan()
    assert not problems and measured.fixture("F9").space_under is True
