"""Who lives there: the profile sets which checks apply and the values they use, each override marked; saved in the
project, given on the command line, chosen in the app."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner.model.plan import PlanError
from planner.project.profile import KINDS, WIDTH_KEYS, Profile, assess_for, person_rules
from planner.project.file import dumps_project, loads_project
from planner.rules import load_rules
from tests.plans import bathroom

ROOT = Path(__file__).resolve().parents[1]
RULES = load_rules("no-tek17")


def test_without_a_profile_the_standard_is_used_unchanged():
    plan = bathroom()
    assert person_rules(RULES, None) is RULES
    from planner.checks import assess
    assert [f.code for f in assess_for(plan, RULES, None)] == [f.code for f in assess(plan, RULES)]


@pytest.mark.parametrize("width, door_mm", [(650, 760), (660, 760), (661, 761), (820, 920)])
def test_a_chair_wider_than_the_standard_allows_for_raises_the_door_width(width, door_mm):
    rules = person_rules(RULES, Profile("manual_wheelchair", width_mm=width))
    assert rules.value("door_clear_width_internal_mm") == door_mm
    assert rules["door_clear_width_internal_mm"].confidence == ("user" if door_mm != 760 else "C")


def test_the_turning_diameter_typed_is_the_one_checked():
    from planner.checks.turning import check_turning_circles
    from tests.plans import single_room
    plan = single_room("bedroom", 1700, 1700)
    assert check_turning_circles(plan, RULES)[0].status == "pass"
    person = Profile("electric_wheelchair", turning_mm=1800)
    (f,) = [f for f in assess_for(plan, RULES, person) if f.check == "turning_circle"]
    assert (f.status, f.required) == ("fail", 1800)


@pytest.mark.parametrize("kind", ["rollator", "walking_aid", "none"])
def test_wheelchair_checks_do_not_apply_to_a_person_who_walks(kind):
    found = {f.check for f in assess_for(bathroom(), RULES, Profile(kind, width_mm=900))}
    assert not found & {"wc_side_space", "door_side_space"}
    assert person_rules(RULES, Profile(kind, width_mm=900)) is RULES   # no chair, no overrides


def test_every_kind_has_words_and_every_overridable_value_a_name():
    from planner.i18n import t
    for kind in KINDS:
        assert t(f"profile.kind.{kind}", "nb") != f"profile.kind.{kind}"
    for key in (*WIDTH_KEYS, "turning_circle_diameter_mm"):
        assert t(f"profile.rule.{key}", "nb") != f"profile.rule.{key}"


def test_the_profile_is_saved_in_the_project():
    project = loads_project((ROOT / "examples" / "accessible-flat.tilpass.json").read_bytes())
    assert project.person is None
    project = project.replace(profile=Profile("electric_wheelchair", width_mm=700, turning_mm=1800).to_dict())
    again = loads_project(dumps_project(project))
    assert again.person == Profile("electric_wheelchair", width_mm=700, turning_mm=1800)


@pytest.mark.parametrize("bad", [{"kind": "hovercraft"}, {"kind": "rollator", "width_mm": -5}, ["x"]])
def test_a_damaged_profile_in_a_file_is_left_out_with_one_sentence(bad):
    """The rest of the project opens (checked by the standard alone); the profile is left out and said."""
    from planner.i18n import render
    data = json.loads((ROOT / "examples" / "accessible-flat.tilpass.json").read_text(encoding="utf-8"))
    data["profile"] = bad
    opened = loads_project(json.dumps(data))
    assert opened.person is None and opened.plan.rooms
    (notice,) = [render(n, "en") for n in opened.notices]
    assert "profile" in notice and notice.endswith(".") and "\n" not in notice


@pytest.mark.parametrize("text, profile", [("rollator", Profile("rollator")),
                                           ("manual_wheelchair:width=700,turning=1600",
                                            Profile("manual_wheelchair", width_mm=700, turning_mm=1600))])
def test_profile_argument(text, profile):
    assert Profile.parse(text) == profile


@pytest.mark.parametrize("text", ["hover", "rollator:width", "rollator:speed=3", "manual_wheelchair:width=abc"])
def test_bad_profile_argument_is_one_sentence(text):
    with pytest.raises(PlanError):
        Profile.parse(text)


def test_cli_profile_overrides_are_shown_and_in_the_json():
    example = str(ROOT / "examples" / "accessible-flat.tilpass.json")
    out = subprocess.run([sys.executable, "-m", "planner", "check", example, "--profile",
                          "electric_wheelchair:width=820", "--json"], capture_output=True, text=True, cwd=ROOT)
    data = json.loads(out.stdout)
    assert data["profile"]["kind"] == "electric_wheelchair"
    assert data["profile"]["overrides"]["door_clear_width_internal_mm"] == 920
    assert any(f["element"] == "D5" and f["status"] == "fail" for f in data["findings"])   # 840 mm < 920
    bad = subprocess.run([sys.executable, "-m", "planner", "check", example, "--profile", "hover"],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_app_profile_is_chosen_saved_and_changes_the_findings():
    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.sidebar.button(key="open_example").set_value(True)
    at.selectbox(key="example_choice").set_value("accessible-flat").run()
    at.button(key="open_example").click().run()
    assert not at.exception
    before = {m.label: m.value for m in at.metric}
    at.selectbox(key="profile_kind").set_value("electric_wheelchair").run()
    at.number_input(key="profile_width_mm").set_value(820).run()
    assert not at.exception
    assert at.session_state["project"].person == Profile("electric_wheelchair", width_mm=820)
    after = {m.label: m.value for m in at.metric}
    assert int(after["Hindringer"]) > int(before["Hindringer"])
    at.selectbox(key="profile_kind").set_value("rollator").run()
    assert at.session_state["project"].person == Profile("rollator")


def test_a_profile_number_that_is_no_number_is_left_out_and_said():
    data = json.loads((ROOT / "examples" / "accessible-flat.tilpass.json").read_text(encoding="utf-8"))
    data["profile"] = {"kind": "manual_wheelchair", "turning_mm": float("nan")}
    project = loads_project(json.dumps(data))
    assert project.notices and (project.person is None or project.person.turning_mm is None)


def test_an_error_whose_params_share_names_with_the_sentence_around_it_renders_whole():
    """A damaged profile's own sentence has a `what` param, as the 'left out' sentence around it has: both read."""
    from planner.i18n import render, said
    inner = said("err.profile.size", what="@profile.size.width_mm", value="-5", low=300, high=3000)
    text = render(said("proj.left_out", what=said("proj.what.field", field="profile"), why=inner), "nb")
    assert text.startswith("Feltet profile i prosjektfilen") and "Stolbredden -5" in text
