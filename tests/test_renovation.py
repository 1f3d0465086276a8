"""Renovating anyway: the measures per room with their cost during and after the work; the fall walk; the day in
the home. A bathroom that can take each measure and one that cannot."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from costing.plan import contexts
from costing.renovation import (MET, NEEDED, RECOMMENDED, UNKNOWN_NOW, enlargement, measures,
                                renovation_plan, renovation_state)
from planner.project import daily, falls
from planner.checks import CHECKS, assess
from planner.model.plan import Entrance, Fixture, Plan, Room
from planner.project.file import Project, dumps_project, loads_project
from planner.rules import load_rules
from shapely.geometry import box

ROOT = Path(__file__).resolve().parents[1]
RULES = load_rules()


def bathroom(width_mm: float, depth_mm: float, lip_mm: float | None = 0) -> Plan:
    """A bathroom with a shower in one corner and a WC in another, nothing else."""
    room = Room(id="R1", name="Bad", type="bathroom", polygon=box(0, 0, width_mm, depth_mm))
    shower = Fixture("F1", "shower", box(0, 0, 900, 900), "R1", lip_mm=lip_mm,
                     lip_source=None if lip_mm is None else "measured")
    wc = Fixture("F2", "wc", box(width_mm - 400, depth_mm - 700, width_mm, depth_mm), "R1")
    return Plan(name="Bad", rooms=(room,), doors=(), fixtures=(shower, wc))


def advice_for(plan: Plan, **kw) -> dict[str, object]:
    findings = assess(plan, RULES)
    ctx, _ = contexts({})
    return {a.measure.id: a for a in renovation_plan(plan, findings, RULES, ctx.prices, ctx=ctx, **kw)}


def test_a_large_bathroom_with_a_step_free_shower_meets_what_a_plan_can_show():
    got = advice_for(bathroom(2800, 2800, lip_mm=0), rooms=["R1"])
    assert got["turning_space"].status == MET and got["step_free_shower"].status == MET
    assert got["grab_rail_backing"].status == RECOMMENDED   # walls cannot be seen in a plan
    assert got["turning_space"].enlarge is None


def test_a_small_bathroom_with_a_kerb_needs_both_and_says_how_far_to_move_a_wall():
    plan = bathroom(1600, 1700, lip_mm=80)
    got = advice_for(plan, rooms=["R1"])
    assert got["step_free_shower"].status == NEEDED and got["turning_space"].status == NEEDED
    grow = got["turning_space"].enlarge
    assert grow is not None and 0 < grow.by_mm <= 2000
    # The move it names really makes the turning check pass, and a 50 mm smaller one does not.
    minx, miny, maxx, maxy = plan.rooms[0].polygon.bounds
    strip = {"north": lambda d: box(minx, maxy, maxx, maxy + d), "south": lambda d: box(minx, miny - d, maxx, miny),
             "east": lambda d: box(maxx, miny, maxx + d, maxy), "west": lambda d: box(minx - d, miny, minx, maxy)}
    def passes(by: float) -> bool:
        grown = Room("R1", "Bad", "bathroom", plan.rooms[0].polygon.union(strip[grow.side](by)))
        return any(f.status == "pass" for f in CHECKS["turning_circle"](plan.replace(rooms=(grown,)), RULES))
    assert passes(grow.by_mm) and not passes(grow.by_mm - 50)
    # Afterwards costs more than during the work, for each measure with both prices.
    for a in got.values():
        if a.during_nok is not None and a.after_nok is not None and a.status == NEEDED:
            assert a.after_nok > a.during_nok, a.measure.id


def test_an_unmeasured_kerb_is_unknown_not_met():
    got = advice_for(bathroom(2800, 2800, lip_mm=None), rooms=["R1"])
    assert got["step_free_shower"].status == UNKNOWN_NOW


def test_a_bathroom_that_no_one_wall_move_within_the_limit_fixes_says_it_needs_a_new_layout(monkeypatch):
    import costing.renovation as reno
    monkeypatch.setattr(reno, "ENLARGE_MAX_MM", 300)   # beyond this a wall move is not an enlargement
    # a kerbed tray takes floor (a step-free one is floor the turning space may use, and 300 mm would do)
    got = advice_for(bathroom(1600, 1700, lip_mm=60), rooms=["R1"])["turning_space"]
    assert got.status == NEEDED and got.enlarge is None and got.cannot_fit


def test_a_room_not_chosen_gets_no_measures_and_a_new_build_gets_every_room():
    plan = bathroom(2800, 2800).replace(entrance=Entrance(rise_mm=0, rise_source="measured"))
    assert advice_for(plan, rooms=[]) == {}
    rooms = {a.room for a in renovation_plan(plan, assess(plan, RULES), RULES, contexts({})[0].prices,
                                             new_build=True)}
    assert rooms == {"R1", "entrance"}


def test_every_measure_has_a_source_a_mark_and_prices_that_exist():
    prices = contexts({})[0].prices
    for m in measures():
        assert m.source and m.confidence in ("C", "S", "U", "A")
        assert all(item in prices for item in m.during + m.after + m.after_if_bath), m.id


def test_the_house_example_shows_a_renovation_plan_for_its_bathroom():
    project = loads_project((ROOT / "examples" / "house-stepped-entrance.tilpass.json").read_bytes())
    assert renovation_state(project.costing) == (["R4"], False)
    out = subprocess.run([sys.executable, "-m", "costing", "options",
                          str(ROOT / "examples" / "house-stepped-entrance.tilpass.json"), "--json"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    reno = json.loads(out.stdout)["renovation"]
    assert {r["room"] for r in reno} == {"R4"}
    shower = next(r for r in reno if r["measure"] == "step_free_shower")
    assert shower["status"] == "needed" and shower["after_nok"] > shower["during_nok"] > 0


def test_fall_walk_items_apply_by_room_and_survive_a_save():
    plan = bathroom(2800, 2800).replace(entrance=Entrance(rise_mm=350, steps=2))
    ids = {(room, item.id) for room, _, item in falls.items_for(plan)}
    assert ("entrance", "stair_rails") in ids and ("R1", "anti_slip") in ids and ("R1", "rugs_cables") not in ids
    answers = {"R1": {"anti_slip": {"answer": "action", "at": "2026-12-01T10:00:00+00:00"}},
               "R9": {"bogus": {"answer": "action"}}, "R1x": "junk"}
    project = Project(plan=plan, falls=falls.validate(answers))
    again = loads_project(dumps_project(project))
    assert again.falls == {"R1": {"anti_slip": {"answer": "action", "at": "2026-12-01T10:00:00+00:00"}}}
    assert [(room, item.id) for room, item in falls.to_do(plan, again.falls)] == [("R1", "anti_slip")]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_day_in_the_home_points_to_rooms_and_checks_and_describes_daily_life(lang):
    answers = daily.validate({"wash": {"answer": "cannot", "note": "Faller i dusjen ![x](http://x)"},
                              "cook": {"answer": "easy"}, "nonsense": {"answer": "cannot"}})
    assert set(answers) == {"wash", "cook"}
    rooms, checks = daily.focus(answers)
    assert rooms == ["bathroom"] and "step_free_shower" in checks and all(c in CHECKS for c in checks)
    text = daily.describe(answers, lang)
    assert len(text) == 2 and "![x](http://x)" in text[0]   # the user's words kept verbatim, shown as text
    if lang == "nb":
        assert text[0].startswith("Vaske seg og dusje: klarer det ikke")


def test_the_report_shows_the_renovation_plan_the_fall_walk_and_the_day():
    from costing.report import funding_html, renovation_html
    from planner.output.application_report import build_html
    project = loads_project((ROOT / "examples" / "house-stepped-entrance.tilpass.json").read_bytes())
    project = project.replace(falls={"R4": {"anti_slip": {"answer": "action", "at": ""}}},
                              daily={"wash": {"answer": "cannot", "note": "<b>glatt</b>"}})
    plan, _ = project.measured_plan()
    findings = assess(plan, RULES)
    extra = funding_html(plan, findings, project.costing, "nb") + renovation_html(plan, findings, project.costing,
                                                                                  RULES, "nb")
    html = build_html(project, findings, RULES, "nb", None, extra)
    assert "Dusj rett på gulvet" in html and "Fallforebygging" in html and "sklimatte" in html
    assert "Vaske seg og dusje: klarer det ikke — &lt;b&gt;glatt&lt;/b&gt;" in html   # escaped, never markup


def test_the_pdf_shows_the_day_the_fall_walk_and_the_renovation_plan():
    import io
    from pypdf import PdfReader
    from costing.package import application_pdf
    project = loads_project((ROOT / "examples" / "house-stepped-entrance.tilpass.json").read_bytes())
    project = project.replace(falls={"R4": {"anti_slip": {"answer": "action", "at": ""}}},
                              daily={"wash": {"answer": "cannot", "note": "Kommer seg ikke over kanten"}})
    pdf = application_pdf(project, RULES, "nb")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    for expected in ("Dagen i hjemmet", "Kommer seg ikke over kanten", "Fallforebygging", "sklimatte",
                     "Dusj rett på gulvet"):
        assert expected in flat, expected
