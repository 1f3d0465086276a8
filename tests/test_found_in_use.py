"""Regressions found by using Tilpass as its users would, each named after what went wrong."""
from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from planner.checks.doors import check_door_widths, check_thresholds
from planner.project.loading import open_bytes
from planner.model.plan import PlanError
from planner.rules import load_rules
from tests.plans import bathroom

ROOT = Path(__file__).resolve().parents[1]
RULES = load_rules("no-tek17")


def _door(plan, door_id, **changes):
    return plan.replace(doors=tuple(replace(d, **changes) if d.id == door_id else d for d in plan.doors))


@pytest.mark.parametrize("clear_mm, status, shown", [(759.6, "fail", "759,6"), (759.99999999, "pass", "760"),
                                                     (760.0, "pass", "760")])
def test_a_door_width_is_compared_as_given_not_rounded_first(clear_mm, status, shown):
    plan = _door(bathroom(), "D2", clear_width_mm=clear_mm, clear_width_source="measured")
    finding = next(f for f in check_door_widths(plan, RULES) if f.element == "D2")
    assert finding.status == status and f"{shown} mm" in finding.message("nb")


def test_a_threshold_over_the_limit_by_a_fraction_says_its_fraction():
    plan = _door(bathroom(), "D2", threshold_mm=25.4, threshold_source="measured")
    finding = next(f for f in check_thresholds(plan, RULES) if f.element == "D2")
    assert finding.status == "fail" and "25,4 mm" in finding.message("nb") and "25.4 mm" in finding.message("en")


def test_screen_into_a_folder_that_does_not_exist_is_one_sentence(tmp_path, capsys):
    from planner.__main__ import main
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "accessible-flat.tilpass.json", folder)
    assert main(["screen", str(folder), "--out", str(tmp_path / "no" / "such" / "r.xlsx"), "--lang", "nb"]) == 2
    err = capsys.readouterr().err
    assert "finnes ikke" in err and "Traceback" not in err


def test_a_json_file_that_is_neither_a_project_nor_a_scan_is_not_called_a_dxf():
    with pytest.raises(PlanError) as raised:
        open_bytes(b'{"shopping": ["milk"]}', "liste.json")
    assert "JSON" in raised.value.message("nb") and "DXF-tegning" not in raised.value.message("nb")


def test_a_scanned_door_eighty_metres_wide_is_left_out_and_said():
    from planner.importers.roomplan import read_roomplan
    from tests import roomplan_factory as rp
    doc = rp.two_rooms()
    doc["doors"].append(rp.surface("door", (3, 1.0), (3, 81.0), height_m=2.0, isOpen=False))
    plan = read_roomplan(rp.as_bytes(doc))
    assert all(d.clear_width_mm < 5000 for d in plan.doors)
    assert any("wider than 5 m" in i["what"] for i in plan.import_report["ignored"])


def test_a_renovation_measure_already_met_costs_nothing():
    from costing.plan import contexts
    from costing.renovation import MET, renovation_plan
    from planner.checks import assess
    from planner.project.file import loads_project
    project = loads_project((ROOT / "examples" / "accessible-flat.tilpass.json").read_bytes())
    plan, _ = project.measured_plan()
    ctx, _ = contexts({}, RULES)
    advice = renovation_plan(plan, assess(plan, RULES), RULES, ctx.prices, rooms=["R2"], ctx=ctx)
    met = [a for a in advice if a.status == MET]
    assert met and all(a.during_nok is None and a.after_nok is None for a in met)


def test_an_entrance_with_steps_but_no_rise_is_not_called_step_free():
    from planner.checks.entrance import check_entrance
    from tests.plans import with_entrance
    (finding,) = check_entrance(with_entrance(bathroom(), 0, steps=3), RULES)
    assert finding.status == "unknown" and finding.code == "ENTRANCE_CONTRADICTS"
    (stepped,) = check_entrance(with_entrance(bathroom(), 350, steps=2), RULES)
    assert "(2 trinn)" in stepped.message("nb") and "(2 steps)" in stepped.message("en")


def test_a_ramp_of_five_and_a_quarter_metres_is_not_written_five_point_two():
    from planner.i18n import fmt_decimal
    assert fmt_decimal(5.25, "nb") == "5,3" and fmt_decimal(5.25, "en") == "5.3"


def test_the_norwegian_unit_question_names_the_unit_in_norwegian():
    from planner.importers.report import units_unknown
    text = units_unknown("cm").message("nb")
    assert "centimeter" in text and "centimetres" not in text and "centimetres" in units_unknown("cm").message("en")


def test_the_day_points_only_to_rooms_the_home_has():
    from planner.project import daily
    rooms, _ = daily.focus({"toilet": {"answer": "hard"}}, present={"bathroom", "hall", "entrance"})
    assert rooms == ["bathroom"]


def test_screen_refuses_no_workers_and_a_source_that_is_not_there(tmp_path, capsys):
    from planner.__main__ import main
    assert main(["screen", str(ROOT / "examples"), "--out", str(tmp_path / "r.csv"), "--workers", "0"]) == 2
    assert "at least 1" in capsys.readouterr().err
    assert main(["screen", str(tmp_path / "nonexist"), "--out", str(tmp_path / "r.csv")]) == 2
    assert "nonexist" in capsys.readouterr().err


def test_a_text_that_formats_its_own_numbers_still_formats_them():
    from planner.i18n import register, t
    register({"test.own_format": {"en": "{w:.0f} m and {x} m", "nb": "{w:.0f} m og {x} m"}})
    assert t("test.own_format", "nb", w=12.4, x=1.5) == "12 m og 1,5 m"


@pytest.mark.parametrize("name", ["Felles gang", "Fellesgang", "Felles korridor"])
def test_a_shared_corridor_is_no_hall_of_the_flat(name):
    from planner.importers.rooms import room_type
    assert room_type(name) == "common"   # so the flat's door onto it must be 860 mm (TEK17 § 12-13 (2) a), not 760


def test_a_scanned_room_is_not_said_to_have_turning_space_while_its_door_swings_are_unknown():
    from planner.checks.turning import check_turning_circles
    from planner.importers.roomplan import read_roomplan
    from tests import roomplan_factory as rp
    plan = read_roomplan(rp.as_bytes(rp.two_rooms()))
    assert plan.doors and all(d.swing is None for d in plan.doors)
    findings = check_turning_circles(plan, RULES)
    assert findings and not any(f.status == "pass" for f in findings)
    assert any(f.code == "TURNING_SWING_UNKNOWN" and "dørene slår" in f.message("nb") for f in findings)
