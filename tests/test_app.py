"""The app's wiring through streamlit.testing.v1.AppTest: no browser, real script."""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.app_tabs import opened
from ui.tabs import choose

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")


def _count(node, kind: str) -> int:
    own = type(node).__name__ == kind
    return own + sum(_count(child, kind) for child in getattr(node, "children", {}).values())


def pk(at, name: str) -> str:
    """The key of a widget bound to the open project (ui/keys.py)."""
    return f"{name}__p{at.session_state['generation']}"


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.fixture
def at():
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    assert not app.exception, app.exception
    return app


def test_first_screen_shows_a_checked_example(at):
    values = metrics(at)
    assert int(values["Hindringer"]) > 0 and int(values["OK"]) > 0
    assert at.session_state["project"].plan.name == "Enebolig med trapp"
    assert _count(at._tree, "Image") >= 1  # the plan drawing


def test_changing_a_measurement_updates_the_findings(at):
    fails = int(metrics(at)["Hindringer"])
    # D1's threshold is 30 mm in the example (a barrier); measure it again at 10 mm.
    choose(at.session_state, "measure")
    at.session_state[pk(at, "measure_doors")] = {"edited_rows": {"0": {"threshold": 10.0}}, "added_rows": [],
                                         "deleted_rows": []}
    at.run()
    assert not at.exception
    # the threshold and the step-free route through the front door to each of the four main functions
    assert int(metrics(at)["Hindringer"]) == fails - 5
    saved = {(m.element, m.field): m.value for m in at.session_state["project"].measurements}
    assert saved[("D1", "threshold_mm")] == 10


def test_clearing_a_measured_cell_goes_back_to_the_drawing(at):
    choose(at.session_state, "measure")
    at.session_state[pk(at, "measure_doors")] = {"edited_rows": {"0": {"threshold": None}}, "added_rows": [],
                                         "deleted_rows": []}
    at.run()
    fields = {(m.element, m.field) for m in at.session_state["project"].measurements}
    assert ("D1", "threshold_mm") not in fields


def test_switching_language(at):
    at.selectbox(key="lang").set_value("en").run()
    assert not at.exception
    assert "Barriers" in metrics(at)
    assert any("What stops a wheelchair" in m.value for m in at.markdown)
    at.selectbox(key="lang").set_value("nb").run()
    assert "Hindringer" in metrics(at)


def test_opening_another_example(at):
    at.selectbox(key="example_choice").set_value("accessible-flat").run()
    at.button(key="open_example").click().run()
    assert not at.exception
    assert metrics(at)["Hindringer"] == "0"


def test_a_broken_upload_gets_one_sentence_and_keeps_the_plan(at):
    at.file_uploader(key="upload").upload("broken.dxf", b"\x00\x01garbage", "application/dxf").run()
    assert not at.exception
    assert at.error and "broken.dxf" in at.error[0].value
    assert at.session_state["project"].plan.name == "Enebolig med trapp"


def test_uploading_a_project_file_opens_it(at):
    data = (ROOT / "examples" / "flat-narrow-bathroom.tilpass.json").read_bytes()
    at.file_uploader(key="upload").upload("mine.json", data, "application/json").run()
    assert not at.exception
    assert at.session_state["project"].plan.name == "Leilighet med smalt bad"


def test_entrance_rise_entered_in_the_form(at):
    opened(at, "measure")
    at.text_input(key=pk(at, "measure_rise")).set_value("500").run()
    assert not at.exception
    assert at.session_state["project"].measured_plan()[0].entrance.rise_mm == 500


def test_a_drawing_without_units_asks_for_them_and_suggests_one(at):
    import io

    from examples.make_examples import build_narrow_bathroom_flat
    from planner.output.dxf_export import plan_to_dxf
    doc = plan_to_dxf(build_narrow_bathroom_flat().plan)
    doc.header["$INSUNITS"] = 0
    for entity in doc.modelspace():
        entity.scale_uniform(0.1)  # drawn in centimetres
    stream = io.StringIO()
    doc.write(stream)
    at.file_uploader(key="upload").upload("cm.dxf", stream.getvalue().encode(), "application/dxf").run()
    assert not at.exception
    assert at.warning and "cm.dxf" in at.warning[0].value
    assert at.radio(key="units_choice").value == "cm"
    assert at.session_state["project"].plan.name == "Enebolig med trapp"  # nothing replaced until confirmed
    at.button(key="units_read").click().run()
    plan = at.session_state["project"].plan
    assert (plan.units, len(plan.rooms)) == ("cm", 5)
    bath_door = min(plan.doors, key=lambda d: d.leaf_width_mm)
    assert round(bath_door.leaf_width_mm) == 700


def test_norway_is_the_default_standard_and_others_can_be_chosen(at):
    from planner.i18n import t

    def rules_in_table():   # the rule column of the findings table (problems only)
        table = next(d.value for d in at.dataframe if t("col.check", "nb") in d.value.columns)
        return set(table[t("col.rule", "nb")])
    assert at.selectbox(key="standard").value == "no-tek17"
    assert any(r.startswith("TEK17") for r in rules_in_table())
    at.selectbox(key="standard").set_value("us-ada").run()
    assert not at.exception
    # the example's 30 mm front-door threshold is over ADA's 3/4 in for existing thresholds too
    assert "ADA 404.2.5 (existing or altered thresholds)" in rules_in_table()
    assert not any(r.startswith("TEK17") for r in rules_in_table())


def test_uploaded_dxf_shows_its_import_report_and_layer_roles_can_be_changed(at):
    data = (ROOT / "examples" / "flat-narrow-bathroom.dxf").read_bytes()
    at.file_uploader(key="upload").upload("flat.dxf", data, "application/dxf").run()
    assert not at.exception
    opened(at, "import")
    plan = at.session_state["project"].plan
    assert (len(plan.rooms), len(plan.doors)) == (5, 5)
    assert "Rom" in [m.label for m in at.metric]  # the import report's counts (Norwegian)
    layers = list(plan.import_report["layers"])
    row = layers.index("A-DOOR")
    at.session_state[pk(at, "import_layers")] = {"edited_rows": {str(row): {"role": "ignore"}}, "added_rows": [],
                                         "deleted_rows": []}
    at.run()
    at.button(key="import_reread").click().run()
    assert not at.exception
    project = at.session_state["project"]
    assert len(project.plan.doors) == 0
    assert project.source["layer_roles"]["A-DOOR"] == "ignore"  # saved with the project


def test_streamlit_is_set_to_send_nothing_anywhere():
    import tomllib
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False
    assert config["browser"]["serverAddress"]  # else Streamlit looks up the external IP at start-up
    assert config["server"]["headless"] is True  # else it may ask for an e-mail address


def test_a_refused_drawing_is_explained_in_norwegian(at):
    at.file_uploader(key="upload").upload("tegning.dxf", b"AC1032\x00\x00binary", "application/dxf").run()  # a DWG, renamed
    assert not at.exception
    assert "DWG-fil" in at.error[0].value and "tegning.dxf" in at.error[0].value
    at.selectbox(key="lang").set_value("en").run()
    assert "This is a DWG file" in at.error[0].value


def test_opening_another_project_starts_its_widgets_afresh(at):
    """The browser sends a widget's last value back by its key: the entrance fields of the house example
    (350 mm, 2 steps) must not become measurements of the next plan."""
    opened(at, "measure")
    first = pk(at, "measure_rise")
    data = (ROOT / "examples" / "flat-narrow-bathroom.dxf").read_bytes()
    at.file_uploader(key="upload").upload("flat.dxf", data, "application/dxf").run()
    assert pk(at, "measure_rise") != first
    assert at.text_input(key=pk(at, "measure_rise")).value == ""
    assert at.session_state["project"].measurements == ()


def test_two_sessions_open_the_same_drawing():
    """A second browser tab opening a drawing another tab already opened (this once crashed on a cache replay)."""
    data = (ROOT / "examples" / "flat-narrow-bathroom.dxf").read_bytes()
    for _ in range(2):
        session = AppTest.from_file(APP, default_timeout=60).run()
        session.file_uploader(key="upload").upload("flat.dxf", data, "application/dxf").run()
        assert not session.exception
        assert session.session_state["project"].plan.name == "flat.dxf"


def test_a_measurement_whose_element_is_gone_is_shown_not_silently_dropped(at):
    from planner.project.measurements import make_measurement
    at.session_state["project"] = at.session_state["project"].with_measurement(
        make_measurement("D99", "threshold_mm", 10))
    at.run()
    assert not at.exception
    assert any("D99" in w.value for w in at.warning)


def test_a_refused_drawing_offers_its_layer_roles_and_reads_again_with_them(at):
    """The walls sit on a layer named like a note: refused, with the layers shown; giving that layer the role
    'walls' makes the plan."""
    import sys
    sys.path.insert(0, str(ROOT))
    from tests import dxf_factory as F
    doc = F.new_doc("mm")
    msp = doc.modelspace()
    F.add_walls(msp, F.FLAT_ROOMS, F.FLAT_DOORS, layer="A-ANNO-NOTE")    # a layer name that reads as annotation
    for hinge, closed, side in F.FLAT_DOORS:
        F.add_door_arc(msp, hinge, closed, side)
    for name, x, y, w, d in F.FLAT_ROOMS:
        msp.add_text(name, height=150, dxfattribs={"layer": "A-AREA-IDEN", "insert": (x + w / 2, y + d / 2)})
    before = at.session_state["project"].plan.name
    at.file_uploader(key="upload").upload("notes.dxf", F.to_bytes(doc), "application/dxf").run()
    assert not at.exception
    assert at.session_state["project"].plan.name == before      # refused: the open plan is kept
    assert at.error and "notes.dxf" in at.error[0].value
    # the page's own words: no command-line options, a layer role by the name the app's role box gives it
    assert "CLI" not in at.error[0].value and "--layer-role" not in at.error[0].value
    assert "'walls'" not in at.error[0].value
    refused = at.session_state["refused_upload"]
    layers = list(refused["report"]["layers"])
    assert refused["report"]["layers"]["A-ANNO-NOTE"] == "ignore"
    key = f"refused_layers_{refused['n']}__p{at.session_state['generation']}"
    at.session_state[key] = {"edited_rows": {str(layers.index("A-ANNO-NOTE")): {"role": "walls"}},
                             "added_rows": [], "deleted_rows": []}
    at.run()
    at.button(key=f"refused_reread_{refused['n']}").click().run()
    assert not at.exception
    project = at.session_state["project"]
    assert {r.name for r in project.plan.rooms} == {"Gang", "Bad", "Soverom"}
    assert project.source["layer_roles"]["A-ANNO-NOTE"] == "walls"
    assert "refused_upload" not in at.session_state


def test_saying_what_is_behind_a_door_settles_an_unknown_width(at):
    """A door into a hall the drawing does not close: its width is unknown until the user says what is behind it."""
    import sys
    sys.path.insert(0, str(ROOT))
    from tests import dxf_factory as F
    doc = F.flat("mm")
    msp = doc.modelspace()
    for e in list(msp):
        if (e.dxftype() == "LWPOLYLINE" and (4000, 4000) in [tuple(p) for p in e.get_points("xy")]) or \
                (e.dxftype() in ("TEXT", "MTEXT") and "Soverom" in e.plain_text()):
            msp.delete_entity(e)
    at.file_uploader(key="upload").upload("flat.dxf", F.to_bytes(doc), "application/dxf").run()
    assert not at.exception
    plan = at.session_state["project"].plan
    door = max(plan.doors, key=lambda d: d.position.y)          # the bedroom door, now to an unknown space
    row = [d.id for d in plan.doors].index(door.id)

    def width_status():
        from planner.checks import assess
        from planner.rules import load_rules
        measured, _ = at.session_state["project"].measured_plan()
        return next(f.status for f in assess(measured, load_rules())
                    if f.check == "door_clear_width" and f.element == door.id)
    choose(at.session_state, "measure")
    at.session_state[pk(at, "measure_doors")] = {"edited_rows": {str(row): {"clear": 800.0}}, "added_rows": [],
                                                 "deleted_rows": []}
    at.run()
    assert width_status() == "unknown"
    at.session_state[pk(at, "measure_doors")] = {
        "edited_rows": {str(row): {"clear": 800.0, "behind": "inne i boligen"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception
    assert width_status() == "pass"
    saved = {(m.element, m.field): m.value for m in at.session_state["project"].measurements}
    assert saved[(door.id, "far_side")] == 1


def test_the_unit_can_be_changed_and_the_drawing_read_again(at):
    data = (ROOT / "examples" / "flat-narrow-bathroom.dxf").read_bytes()
    at.file_uploader(key="upload").upload("flat.dxf", data, "application/dxf").run()
    plan = at.session_state["project"].plan
    assert plan.units == "mm"
    bath = next(r.polygon.area for r in plan.rooms if r.name == "Bad")
    opened(at, "import")
    at.selectbox(key=pk(at, "import_units")).set_value("cm").run()
    at.button(key="import_reread").click().run()
    assert not at.exception
    plan = at.session_state["project"].plan
    assert plan.units == "cm" and plan.import_report["units"]["why"] == "chosen by the user"
    assert next(r.polygon.area for r in plan.rooms if r.name == "Bad") == pytest.approx(bath * 100, rel=1e-6)


def test_a_basin_with_free_floor_under_it_settles_the_bathroom_turning_space(at):
    """The default example's bathroom has room to turn only if its basin is wall-hung: unknown until someone says."""
    def bathroom():
        from planner.checks import assess
        from planner.rules import load_rules
        measured, _ = at.session_state["project"].measured_plan()
        return next(f for f in assess(measured, load_rules()) if f.check == "turning_circle" and f.element == "R4")
    assert bathroom().code == "TURNING_IF_SPACE_UNDER" and bathroom().status == "unknown"
    choose(at.session_state, "measure")
    at.session_state[pk(at, "measure_basins")] = {"edited_rows": {"0": {"under": "ja"}}, "added_rows": [],
                                                  "deleted_rows": []}
    at.run()
    assert not at.exception
    assert bathroom().status == "pass"
    at.session_state[pk(at, "measure_basins")] = {"edited_rows": {"0": {"under": "nei"}}, "added_rows": [],
                                                  "deleted_rows": []}
    at.run()
    assert bathroom().status == "fail"
