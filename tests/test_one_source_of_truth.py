"""One source of truth: the project's standard is saved and used everywhere, costing takes the Rules and asks the
registered check (never a finding's message params), texts show the numbers of the rule or rate they come from,
and ramps are sized at 1:15 where the ground allows and 1:12 where that is what fits."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from costing.plan import build_plan, contexts
from costing.remedies import remedies_for, size_ramp
from costing.texts import note_text
from planner.checks import assess
from planner.project.file import dumps_project, loads_project
from planner.rules import load_rules
from tests.plans import bathroom
from tests.test_costing_remedies import flat

ROOT = Path(__file__).resolve().parents[1]
TEK17, BBR = load_rules("no-tek17"), load_rules("se-bbr")


def _options(plan, code: str, rules=TEK17, state: dict | None = None, strip_params: bool = False):
    ctx, _ = contexts(state, rules)
    finding = next(f for f in assess(plan, rules) if f.code == code)
    if strip_params:
        finding = replace(finding, params={})
    return {r.option: r for r in remedies_for(finding, plan, ctx)}


# --- costing reads no rule value out of a finding's message params ---------------------------------------------

def test_costing_does_not_read_the_turning_rectangle_from_the_findings_message_params():
    """A 1400 x 1900 mm bathroom whose door swings in: with a sliding door the 1300 x 1800 mm rectangle fits (the
    circle does not). Costing took the rectangle from finding.params, so a finding without them lost it."""
    plan = bathroom(1400, 1900, door_swings_in=True)
    assert _options(plan, "TURNING_TOO_SMALL")["sliding_door"].adequate
    assert _options(plan, "TURNING_TOO_SMALL", strip_params=True)["sliding_door"].adequate


def test_the_sliding_door_note_says_the_circle_of_the_standard_in_use():
    """Under se-bbr (a 1 300 mm circle) the note said 1 500 mm."""
    plan = bathroom(1200, 1200, door_swings_in=True)
    sliding = _options(plan, "TURNING_TOO_SMALL", rules=BBR)["sliding_door"]
    assert not sliding.adequate
    texts = [note_text(n, lang) for n in sliding.notes for lang in ("en", "nb")]
    assert any("1300 mm" in x for x in texts) and not any("1500" in x for x in texts)


# --- texts take their numbers from the rate -----------------------------------------------------------------------

def test_the_grants_rule_text_follows_an_overridden_rate():
    """After the ramp rate was set to 35 000 kr the cap was 43 750 kr but the text still said 29 700 kr."""
    fp = build_plan(flat(rise_mm=300, space_mm=12000), assess(flat(rise_mm=300, space_mm=12000), TEK17),
                    {"rates": {"ramp_cap_small_ex_vat_nok": 35000}, "choices": {}}, TEK17)
    (barrier,) = [b for b in fp.barriers if b.finding.code == "ENTRANCE_STEPPED"]
    grant = barrier.splits[f"{barrier.key}:ramp_built"].detail["grant"]
    assert grant["cap_nok"] == 43_750
    assert "35 000 kr" in grant["cap_rule"] and "29 700" not in grant["cap_rule"]
    from planner.i18n import t
    assert "35 000 kr + 25 % mva" in t(grant["cap_rule_key"], "nb", **grant["cap_params"])


# --- ramps: 1:15 where the ground allows, 1:12 where that is what fits (TEK17 § 8-5, NAV) -------------------------

@pytest.mark.parametrize("rise_mm, space_mm, slope, total_mm, fits", [
    (400, None, 1 / 15, 7500, None),    # ground not measured: the preferred 1:15
    (400, 7500, 1 / 15, 7500, True),    # exactly at the limit: 6.0 m run + 1.5 m level square
    (400, 7499, 1 / 12, 6300, True),    # 1:15 does not fit, 1:12 does: 4.8 m + 1.5 m
    (400, 7000, 1 / 12, 6300, True),    # the example
    (400, 6299, 1 / 12, 6300, False),   # neither fits: the shortest is shown, marked as not fitting
    (600, 9000, 1 / 12, 10200, False),  # 7.2 m at 1:12 is two stretches of at most 5.0 m: one rest landing
])
def test_ramp_at_1_15_where_the_ground_allows_and_1_12_where_that_fits(rise_mm, space_mm, slope, total_mm, fits):
    ramp = size_ramp(rise_mm, space_mm, rules=TEK17)
    assert (ramp.slope, ramp.total_length_mm, ramp.fits) == (pytest.approx(slope), pytest.approx(total_mm), fits)


def test_a_400_mm_step_with_7_m_of_ground_gets_a_ramp_and_the_ramp_cap_not_a_lift():
    """Tilpass said the 1:15 ramp did not fit, chose a platform lift and capped the grant at its price."""
    plan = flat(rise_mm=400, space_mm=7000)
    fp = build_plan(plan, assess(plan, TEK17), {}, TEK17)
    (barrier,) = [b for b in fp.barriers if b.finding.code == "ENTRANCE_STEPPED"]
    built = barrier.remedy(f"{barrier.key}:ramp_built")
    assert built.fits is True and built.grant_alternative == "ramp"
    assert barrier.splits[built.id].detail["grant"]["cap_nok"] == 37_125


# --- the project's standard: saved, restored, used by the commands ------------------------------------------------

def test_the_standard_chosen_in_the_app_is_saved_with_the_project():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.selectbox(key="standard").set_value("uk-adm4").run()
    assert not at.exception, at.exception
    project = at.session_state["project"]
    assert project.standard == "uk-adm4"
    assert json.loads(dumps_project(project))["standard"] == "uk-adm4"


def _example_saved_with(standard: str) -> bytes:
    saved = loads_project((ROOT / "examples" / "flat-narrow-bathroom.tilpass.json").read_bytes())
    return dumps_project(saved.replace(standard=standard)).encode()


def _opened_in_the_app(standard: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.file_uploader(key="upload").upload("p.tilpass.json", _example_saved_with(standard), "application/json").run()
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_project_opened_in_the_app_brings_its_standard():
    at = _opened_in_the_app("se-bbr")
    assert at.selectbox(key="standard").value == "se-bbr"
    assert at.session_state["project"].standard == "se-bbr"


@pytest.fixture
def bbr_project(tmp_path) -> Path:
    path = tmp_path / "p.tilpass.json"
    path.write_bytes(_example_saved_with("se-bbr"))
    return path


def _run(main, argv, capsys) -> dict:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_planner_check_uses_the_projects_standard_unless_told(bbr_project, capsys):
    from planner.__main__ import main
    assert _run(main, ["check", str(bbr_project), "--json"], capsys)["standard"] == "se-bbr"
    assert _run(main, ["check", str(bbr_project), "--json", "--standard", "us-ada"], capsys)["standard"] == "us-ada"


def test_costing_options_uses_the_projects_standard_and_names_it(bbr_project, capsys):
    from costing.__main__ import main
    assert _run(main, ["options", str(bbr_project), "--json"], capsys)["standard"] == "se-bbr"
    assert _run(main, ["options", str(bbr_project), "--json", "--standard", "no-tek17"], capsys)["standard"] \
        == "no-tek17"


def test_a_project_naming_an_unknown_standard_gets_one_sentence(tmp_path, capsys):
    from planner.__main__ import main
    path = tmp_path / "p.tilpass.json"
    path.write_bytes(_example_saved_with("xx-none"))
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "xx-none" in err and "no-tek17" in err and "Traceback" not in err


# --- findings carry typed references to the rule values they used -------------------------------------------------

def test_every_finding_names_the_rule_values_it_was_judged_by():
    plan = flat(rise_mm=300, threshold_mm=40)
    findings = assess(plan, TEK17)
    assert findings and all(f.rule_values for f in findings)
    for f in findings:
        assert all(v is TEK17[v.key] for v in f.rule_values)
    turning = next(f for f in findings if f.check == "turning_circle")
    assert turning.rule_value("turning_rectangle_width_mm").value == 1300
    assert turning.to_dict()["rule_values"]["turning_circle_diameter_mm"] == 1500


def test_an_overridden_rule_value_reaches_the_finding_marked_as_the_users():
    rules = TEK17.with_overrides({"threshold_max_mm": 20})
    (f,) = [f for f in assess(flat(threshold_mm=22), rules) if f.check == "threshold" and f.element == "D1"]
    assert f.status == "fail" and f.rule_value("threshold_max_mm").confidence == "user"


# --- one status module: the canvas and the PNG paint a status alike -----------------------------------------------

def test_the_canvas_paints_unknown_in_the_unknown_colour_not_the_fail_colour():
    from planner.importers import canvas_adapter
    from planner.output import drawing
    from planner.importers.canvas_adapter import CanvasFrame, plan_svg
    from planner.model.findings import Finding
    from planner.model.status import COLOURS
    plan = bathroom(1500, 1800)
    room = plan.room("R2")
    unknown = Finding(check="turning_circle", code="TURNING_IF_SPACE_UNDER", element="R2", status="unknown",
                      measured=1400, required=1500, rule="TEK17 § 12-9", message_key="turning.if_space_under",
                      geometry=room.polygon)
    frame = CanvasFrame(width_px=720, height_px=540, mm_per_px=20.0, origin_x_mm=-3500.0, origin_y_mm=-500.0)
    svg = plan_svg(plan, frame, 100, [unknown])
    assert f'fill="{COLOURS["unknown"]}" fill-opacity="0.08"' in svg
    assert f'fill="{COLOURS["fail"]}" fill-opacity="0.08"' not in svg
    assert canvas_adapter.COLOURS is drawing.COLOURS is COLOURS


def test_a_door_with_an_unmeasured_threshold_is_unknown_on_the_canvas():
    from planner.importers.canvas_adapter import CanvasFrame, plan_svg
    from planner.model.status import COLOURS
    plan = flat(door_clear_mm=900, threshold_mm=None)
    findings = [f for f in assess(plan, TEK17) if f.element == "D1"]
    assert {f.status for f in findings} == {"pass", "unknown"}
    svg = plan_svg(plan, CanvasFrame(width_px=720, height_px=540, mm_per_px=20.0, origin_x_mm=-500.0,
                                     origin_y_mm=-500.0), 100, findings)
    assert f'fill="{COLOURS["unknown"]}">D1</text>' in svg


@pytest.mark.parametrize("statuses, expected", [((), "unknown"), (("pass",), "pass"), (("pass", "unknown"), "unknown"),
                                                (("unknown", "fail", "pass"), "fail")])
def test_worst_status(statuses, expected):
    from planner.model.status import worst
    assert worst(statuses) == expected


# --- doors: the estimate's error is the rule value ---------------------------------------------------------------

@pytest.mark.parametrize("deduction_mm, remeasure", [(60, True), (40, True), (39, False)])
def test_an_estimated_door_width_near_the_limit_is_marked_by_the_rule_value_not_a_bare_60(deduction_mm, remeasure):
    from planner.model.plan import SOURCE_ESTIMATED
    plan = flat(door_clear_mm=800)
    plan = plan.replace(doors=tuple(replace(d, clear_width_source=SOURCE_ESTIMATED) if d.id == "D1" else d
                                    for d in plan.doors))
    rules = TEK17.with_overrides({"door_leaf_to_clear_deduction_mm": deduction_mm})
    (f,) = [f for f in assess(plan, rules) if f.check == "door_clear_width" and f.element == "D1"]
    assert (f.status, f.remeasure) == ("pass", remeasure)   # 800 mm against 760 mm: 40 mm over



# --- one accessible bathroom suffices (TEK17 § 12-9) ---------------------------------------------------------------

def _two_bathrooms(first_mm: tuple[float, float], second_mm: tuple[float, float]):
    from shapely.geometry import Point, box
    from planner.model.plan import Door, Fixture, Plan, Room
    hall = Room.from_rectangle("R1", "Gang", "hall", 0, 0, 3000, 3000)
    a = Room.from_rectangle("B1", "Bad", "bathroom", 3000, 0, *first_mm)
    b = Room.from_rectangle("B2", "Bad 2", "bathroom", 0, 3000, *second_mm)
    doors = (Door("D1", Point(3000, 500), 960, 900, "measured", threshold_mm=0, rooms=("R1", "B1")),
             Door("D2", Point(500, 3000), 960, 900, "measured", threshold_mm=0, rooms=("R1", "B2")))
    fixtures = (Fixture("S1", "shower", box(3000 + first_mm[0] - 900, 0, 3000 + first_mm[0], 900), room="B1",
                        lip_mm=0),
                Fixture("S2", "shower", box(0, 3000 + second_mm[1] - 900, 900, 3000 + second_mm[1]), room="B2",
                        lip_mm=0))
    return Plan(rooms=(hall, a, b), doors=doors, fixtures=fixtures)


def _turning_barriers(fp):
    return [b for b in fp.barriers if b.finding.check == "turning_circle"]


def test_a_second_small_bathroom_gets_no_rebuild_when_the_first_is_accessible():
    """The whole-home plan rebuilt a second small bathroom for 200 000 kr although one accessible one is enough."""
    plan = _two_bathrooms((2500, 2500), (1200, 1400))
    findings = assess(plan, TEK17)
    fp = build_plan(plan, findings, {}, TEK17)
    (small,) = _turning_barriers(fp)
    assert small.finding.element == "B2" and small.key in fp.spare
    assert fp.total("total") == 0 and not fp.chosen
    assert any(why == "fund.spare" for _, why in fp.left_out())


def test_when_no_bathroom_is_accessible_only_one_is_rebuilt():
    plan = _two_bathrooms((1200, 1400), (1200, 1400))
    fp = build_plan(plan, assess(plan, TEK17), {}, TEK17)
    first, second = _turning_barriers(fp)
    assert (first.key in fp.spare) != (second.key in fp.spare)
    assert len([s for s in fp.chosen if "turning_circle" in s.remedy_id]) == 1


def test_a_spare_bathroom_the_user_chose_a_remedy_for_is_counted():
    plan = _two_bathrooms((2500, 2500), (1200, 1400))
    findings = assess(plan, TEK17)
    (small,) = _turning_barriers(build_plan(plan, findings, {}, TEK17))
    fp = build_plan(plan, findings, {"choices": {small.key: small.chosen}}, TEK17)
    assert small.key not in fp.spare and fp.total("total") > 0


def test_the_ramp_text_takes_its_clause_and_level_square_from_the_rules_and_writes_decimal_commas():
    from planner.i18n import t
    ramp = size_ramp(400, 7000, rules=TEK17)
    nb = t("fund.ramp", "nb", **ramp.text_params("nb"), fits="")
    assert "1:12" in nb and "6,3 m lang" in nb and "1,5 m flatt" in nb and "§ 8-5" in nb
    swedish = size_ramp(400, rules=BBR)
    assert "2,0 m flatt" in t("fund.ramp", "nb", **swedish.text_params("nb"), fits="")


def test_a_basin_stop_of_the_site_visit_shows_the_turning_finding_of_its_room():
    from planner.project.visit import findings_for
    plan = bathroom(1500, 1800, (("sink", (1000, 1350, 500, 450), None),))
    findings = assess(plan, TEK17)
    basin = next(f.id for f in plan.fixtures if f.type == "sink")
    assert {(f.check, f.element) for f in findings_for(plan, findings, basin)} == {("turning_circle", "R2")}
    assert all(f.element == "D2" for f in findings_for(plan, findings, "D2"))


def test_a_project_naming_an_unknown_standard_is_said_in_the_app_not_silently_replaced():
    at = _opened_in_the_app("xx-*none*")
    warning = next(w.value for w in at.sidebar.warning if "xx-" in w.value)
    assert "xx-?none?" in warning and "TEK17" in warning
    assert at.session_state["project"].standard == "no-tek17"
