"""A drawn plan and the same plan as a DXF give the same findings: drawing is as good as having CAD."""
import pytest

from planner.checks import assess
from planner.output.dxf_export import plan_to_dxf_bytes
from planner.model.plan import Plan
from planner.rules import load_rules
from tests.drawn_flat import drawn_flat

RULES = load_rules()


def _subject(plan: Plan, element: str) -> tuple:
    """What a finding is about, independent of the ids each route hands out."""
    if (room := plan.room(element)) is not None:
        return ("room", room.name)
    if (door := plan.door(element)) is not None:
        return ("door", round(door.position.x), round(door.position.y))
    if (fx := plan.fixture(element)) is not None:
        return ("fixture", fx.type, plan.room(fx.room).name if fx.room else None)
    return (element,)


def findings_by_meaning(plan: Plan) -> dict:
    """(check, subject) → (status, measured). The entrance is left out: its rise is not part of a DXF."""
    out = {(f.check, _subject(plan, f.element)): (f.status, f.measured)
           for f in assess(plan, RULES) if f.check != "step_free_entrance"}
    assert len(out) == len([f for f in assess(plan, RULES) if f.check != "step_free_entrance"])
    return out


def test_the_drawn_flat_has_what_a_person_drew():
    plan = drawn_flat(RULES)
    assert sorted(r.name for r in plan.rooms) == ["Bad", "Gang", "Soverom", "Stue"]
    assert sum(d.exterior for d in plan.doors) == 1
    assert plan.entrance.rise_mm == 350 and plan.entrance.steps == 2
    statuses = {(f.check, _subject(plan, f.element)): f.status for f in assess(plan, RULES)}
    bath_door = next(d for d in plan.doors if any(plan.room(r).name == "Bad" for r in d.rooms))
    assert statuses[("door_clear_width", _subject(plan, bath_door.id))] == "fail"    # the 700 mm bathroom door
    assert statuses[("step_free_shower", ("room", "Bad"))] == "fail"                 # bathtub only
    assert statuses[("turning_circle", ("room", "Bad"))] == "fail"
    assert statuses[("turning_circle", ("room", "Stue"))] == "pass"
    assert statuses[("step_free_entrance", ("entrance",))] == "fail"


def test_drawn_plan_and_its_dxf_get_the_same_findings():
    try:
        from planner.importers import read_dxf
    except ImportError:
        pytest.skip("planner.importers.read_dxf is not there yet")
    drawn = drawn_flat(RULES)
    imported = read_dxf(plan_to_dxf_bytes(drawn), name="tegnet.dxf").plan
    assert len(imported.rooms) == len(drawn.rooms) and len(imported.doors) == len(drawn.doors)
    got, want = findings_by_meaning(imported), findings_by_meaning(drawn)
    assert got.keys() == want.keys()
    for key, (status, measured) in want.items():
        assert got[key][0] == status, key
        # the DXF's door arcs are tessellated a little differently: free circles may differ by a few mm
        assert (got[key][1] is None) == (measured is None) and abs((got[key][1] or 0) - (measured or 0)) <= 5, key
