import re
"""The app with a doubted plan: doubts above the findings, findings provisional until the user confirms the plan."""

from planner.project.file import dumps_project, loads_project
from tests.dxf_factory import flat, to_bytes
from tests.test_app import _count, at  # noqa: F401  (at: the fixture, the app run once)
from tests.test_import_doubts import _with_entity


def labels(at) -> list[str]:
    return [m.label for m in at.metric]


def test_a_doubted_drawing_shows_its_doubts_and_provisional_findings_until_confirmed(at):
    assert "Hindringer" in labels(at)            # the example: no doubts, nothing provisional
    data = _with_entity(to_bytes(flat()), "AEC_WALL")
    at.file_uploader(key="upload").upload("flat.dxf", data, "application/dxf").run()
    assert not at.exception
    texts = [x.value for x in at.text]
    assert any("Eksporter" in x for x in texts) and not any("PROXY_ENTITIES" in x for x in texts)   # words, no raw code
    assert "Hindringer (foreløpig)" in labels(at)
    assert any("Foreløpig" in c.value for c in at.caption)
    at.button(key="confirm_doubts").click().run()
    assert not at.exception
    project = at.session_state["project"]
    assert project.source["confirmed_doubts"] == ["PROXY_ENTITIES"]
    assert "Hindringer" in labels(at) and not any(x.startswith("PROXY_ENTITIES") for x in (y.value for y in at.text))
    saved = loads_project(dumps_project(project).encode("utf-8"))
    assert saved.source["confirmed_doubts"] == ["PROXY_ENTITIES"]


def test_the_html_report_of_a_doubted_plan_says_its_findings_are_provisional():
    from planner.output.application_report import build_html
    from planner.checks import assess
    from planner.importers.doubts import confirmed_source, open_doubts
    from planner.project.loading import open_bytes
    from planner.rules import load_rules
    project = open_bytes(_with_entity(to_bytes(flat()), "AEC_WALL"), "flat.dxf")
    rules = load_rules()
    findings = assess(project.plan, rules)
    html = build_html(project, findings, rules, "nb")
    assert "Funnene er foreløpige" in html and "Eksporter" in html
    confirmed = project.replace(source=confirmed_source(project.source, open_doubts(project.plan, project.source)))
    assert "foreløpige" not in build_html(confirmed, findings, rules, "nb")


def test_a_sheet_of_drawings_offers_a_thumbnail_of_each_and_reads_the_floor_plan(at):
    from tests.test_import_sheets import sheet
    images_before = _count(at._tree, "Image")
    at.file_uploader(key="upload").upload("sheet.dxf", sheet(title="FASADE"), "application/dxf").run()
    assert not at.exception
    assert at.session_state["project"].plan.import_report["region"] == 1
    radio = next(r for r in at.radio if r.key and r.key.startswith("import_region"))
    shown = [re.sub(r"\\(.)", r"\1", str(o)).split(",")[0] for o in radio.options]   # as the page shows them
    assert shown == ["1: plantegning", "2: fasade"]
    assert _count(at._tree, "Image") >= images_before + 2      # the two thumbnails
    assert any(x.value.startswith("Arket inneholder 2 tegninger") for x in at.text)   # words, not the raw code
    assert not any("SEVERAL_DRAWINGS" in x.value for x in at.text)



def test_pointing_at_a_line_says_what_its_layer_holds_and_reads_the_drawing_again(at):
    at.file_uploader(key="upload").upload("flat.dxf", to_bytes(flat()), "application/dxf").run()
    assert len(at.session_state["project"].plan.doors) == 3
    key = f"overlay__p{at.session_state['generation']}"
    # what the browser sends when a line on A-DOOR is tapped (the chart's point selection "line", by layer)
    at.session_state[key] = {"selection": {"line": [{"layer": "A-DOOR"}]}}
    at.run()
    assert "Laget A-DOOR (lest som: Dører). Hva inneholder det?" in [x.value for x in at.text]
    at.button(key=f"overlay_role_ignore__p{at.session_state['generation']}").click().run()
    assert not at.exception
    project = at.session_state["project"]
    assert len(project.plan.doors) == 0 and project.source["layer_roles"] == {"A-DOOR": "ignore"}
    overlay = project.plan.import_report["overlay"]   # the ignored layer's lines are still there to point at
    assert any(overlay["layers"][k] == "A-DOOR" for *_, k in overlay["lines"])


def test_the_overlay_fills_rooms_marks_doors_fades_ignored_layers_and_picks_lines_by_layer():
    from planner.importers import read_dxf
    from ui.overlay_view import SELECTION, overlay_chart
    doc = flat()
    doc.modelspace().add_line((0, -2000), (4000, -2000), dxfattribs={"layer": "DIMENSIONS"})
    plan = read_dxf(to_bytes(doc)).plan
    spec = overlay_chart(plan, plan.import_report).to_dict()
    rooms, seen, target, doors = spec["layer"]
    assert len(rooms["data"]["values"]["features"]) == 3 and rooms["mark"]["type"] == "geoshape"
    assert len(doors["data"]["values"]["features"]) == 3
    lines = {f["layer"]: f["faded"] for f in seen["data"]["values"]["features"]}
    assert lines["DIMENSIONS"] is True and lines["A-WALL"] is False
    param = spec["params"][0]     # altair lifts a layer's selection to the top, naming the layer it is on
    assert param["name"] == SELECTION and param["select"]["fields"] == ["layer"] and param["views"] == [target["name"]]


def test_a_refused_drawing_shows_its_lines_to_point_at_and_reads_again_with_the_role_given(at):
    from tests.test_cli_refusal import lonely_walls
    at.file_uploader(key="upload").upload("walls.dxf", lonely_walls(), "application/dxf").run()
    refused = at.session_state["refused_upload"]
    assert refused["report"]["layers"]["Strek"] == "ignore"     # loose lines, read as nothing
    key = f"refused_overlay_{refused['n']}__p{at.session_state['generation']}"
    at.session_state[key] = {"selection": {"line": [{"layer": "Strek"}]}}
    at.run()
    assert "Laget Strek (lest som: Overse). Hva inneholder det?" in [x.value for x in at.text]
    at.button(key=f"refused_overlay_{refused['n']}_role_walls__p{at.session_state['generation']}").click().run()
    assert not at.exception
    again = at.session_state["refused_upload"]       # still no plan, but read with the role the user gave
    assert again["n"] == refused["n"] + 1 and again["roles"] == {"Strek": "walls"}
    assert again["report"]["layers"]["Strek"] == "walls"
