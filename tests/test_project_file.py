"""The project file: versioned JSON, lossless, with one sentence for anything that is not one."""
import json

import pytest

from examples.make_examples import EXAMPLES
from planner.model.plan import PlanError
from planner.project.file import FORMAT_VERSION, dumps_project, loads_project


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_examples_round_trip_losslessly(name):
    project = EXAMPLES[name]()
    again = loads_project(dumps_project(project).encode())
    assert again == project
    assert dumps_project(again) == dumps_project(project)


@pytest.mark.parametrize("data, words", [
    (b"", "not valid JSON"), (b"\xff\xfe", "not UTF-8"), (b"[1, 2]", "not a Tilpass project"),
    (b'{"format": "tilpass-project"}', "no valid format version"),
    (b'{"format": "tilpass-project", "version": 99, "plan": {}}', "newer than this Tilpass"),
    (b'{"format": "tilpass-project", "version": 1, "plan": {"rooms": [{"id": 1}]}}', "damaged"),
])
def test_broken_project_files_get_one_sentence(data, words):
    with pytest.raises(PlanError, match=words):
        loads_project(data)


def test_version_is_written():
    data = json.loads(dumps_project(EXAMPLES["accessible-flat"]()))
    assert (data["format"], data["version"]) == ("tilpass-project", FORMAT_VERSION)


def test_the_application_report_holds_findings_measurements_costs_and_sources():
    from costing.report import funding_html
    from planner.output.application_report import build_html
    from planner.checks import assess
    from planner.rules import load_rules
    project = EXAMPLES["house-stepped-entrance"]()
    plan = project.measured_plan()[0]
    rules = load_rules()
    findings = assess(plan, rules)
    html = build_html(project, findings, rules, "nb", b"png", funding_html(plan, findings, {}, "nb"))
    assert "Norge — TEK17" in html and "TEK17 § 12-4 (2) c" in html
    assert "To trinn à 175 mm" in html and "1.11.2026 kl. 11.00" in html  # a measurement, its note, its local time
    assert "Rampe utlånt fra NAV" in html and "Sjekkliste for søknaden" in html
    assert "<script" not in html.lower()


def test_the_report_says_measurements_in_words_and_units():
    from planner.output.application_report import build_html
    from planner.project.measurements import make_measurement
    from planner.rules import load_rules
    project = EXAMPLES["accessible-flat"]()
    project = project.with_measurement(make_measurement("D1", "far_side", 2))
    html = build_html(project, [], load_rules(), "nb")
    assert "bak døren" in html and "ute eller felles gang" in html
    assert "fri bredde" in html or "terskel" in html        # the example's own measurements, by name
    assert "far_side" not in html


def test_report_text_from_the_user_is_escaped():
    from planner.output.application_report import build_html
    from planner.rules import load_rules
    project = EXAMPLES["accessible-flat"]().replace(notes={"D1": "<script>alert(1)</script>"})
    html = build_html(project, [], load_rules(), "en")
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_a_plan_in_georeferenced_coordinates_round_trips():
    """Norwegian drawings are often in UTM: a northing of 6 600 km is 6.6e9 mm."""
    from planner.editing.builder import door_from_opening, plan_from_parts
    from planner.checks import assess
    from planner.model.plan import Room
    from planner.project.file import Project
    from planner.rules import load_rules
    x0, y0 = 597_000_000.0, 6_643_000_000.0
    rooms = [Room.from_rectangle("R1", "Bad", "bathroom", x0, y0, 2000, 2400)]
    doors = [door_from_opening("D1", (x0, y0 + 100), (x0, y0 + 1000), -1, rooms)]
    project = Project(plan_from_parts("utm", rooms, doors, []))
    again = loads_project(dumps_project(project))
    assert again == project
    turning = next(f for f in assess(again.plan, load_rules()) if f.check == "turning_circle")
    assert turning.measured > 1000
