"""Site measurements override the drawing; bad values get one sentence."""
import pytest

from planner.project.measurements import apply_measurements, make_measurement, parse_measure_arg
from planner.model.plan import PlanError
from planner.project.file import Project, dumps_project, loads_project
from tests.plans import bathroom


def test_parse_cli_form():
    m = parse_measure_arg("D2.threshold_mm=40")
    assert (m.element, m.field, m.value, m.source) == ("D2", "threshold_mm", 40.0, "measured")
    assert m.taken_at


@pytest.mark.parametrize("text, words", [("D2=40", "ID.FIELD=VALUE"), ("D2.height=40", "unknown field"),
                                         ("D2.threshold_mm=abc", "not a number"),
                                         ("D2.threshold_mm=-5", "outside"), ("D2.clear_width_mm=8.6", "outside"),
                                         ("D2.threshold_mm=nan", "not a number")])
def test_bad_measurements_say_what_is_wrong(text, words):
    with pytest.raises(PlanError, match=words):
        parse_measure_arg(text)


def test_comma_decimal_is_accepted():
    assert parse_measure_arg("F1.lip_mm=12,5").value == 12.5


def test_measured_clear_width_replaces_the_estimate():
    plan, problems = apply_measurements(bathroom(), [parse_measure_arg("D2.clear_width_mm=790")])
    door = plan.door("D2")
    assert (door.clear_width_mm, door.clear_width_source, problems) == (790, "measured", [])


def test_entrance_measurements_create_the_entrance():
    plan, _ = apply_measurements(bathroom(), [parse_measure_arg("entrance.rise_mm=350"),
                                              parse_measure_arg("entrance.steps=2")])
    assert (plan.entrance.rise_mm, plan.entrance.steps) == (350, 2)


def test_a_measurement_for_a_missing_element_is_kept_but_reported():
    project = Project(bathroom()).with_measurement(make_measurement("D9", "threshold_mm", 10))
    plan, problems = project.measured_plan()
    assert problems and "D9" in problems[0]
    assert loads_project(dumps_project(project)).measurements == project.measurements


def test_the_last_measurement_of_a_field_wins():
    project = Project(bathroom())
    project = project.with_measurement(make_measurement("D2", "threshold_mm", 40))
    project = project.with_measurement(make_measurement("D2", "threshold_mm", 10))
    assert project.measured_plan()[0].door("D2").threshold_mm == 10
    assert len(project.measurements) == 1


def test_a_plan_error_with_a_text_key_speaks_both_languages():
    error = PlanError.text("edit.wall_short", length="500", width="800")
    assert str(error) == "That wall is 500 mm long, too short for a 800 mm door."
    assert error.message("nb") == "Den veggen er 500 mm lang, for kort for en dør på 800 mm."
    assert PlanError("plain").message("nb") == "plain"
