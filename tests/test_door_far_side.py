"""A door with a room on one side: an entrance when the other side is outside the walls, else its requirement
(760 or 860 mm) is not known and a width between the two is `unknown`, never `pass` nor `fail`."""
from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import LineString, Point, box

from planner.checks import assess
from planner.importers.outside import outside
from planner.model.plan import SOURCE_MEASURED, Door, Plan, Room
from planner.rules import load_rules

# a 10 x 8 m building with a 900 mm gap in its south wall and an inner wall at x = 5 m with a door gap
WALLS = np.array([(0, 0, 4000, 0), (4900, 0, 10000, 0), (10000, 0, 10000, 8000), (10000, 8000, 0, 8000),
                  (0, 8000, 0, 0), (5000, 0, 5000, 3000), (5000, 3900, 5000, 8000)], dtype=float)


OPENINGS = np.array([(4000, 0, 4900, 0), (5000, 3000, 5000, 3900)], dtype=float)   # the two doorways


def test_points_outside_the_walls_escape_and_points_inside_do_not():
    pts = np.array([(4450, -700), (-3000, 4000), (12000, 9000),       # outside: in front of the gap, west, NE
                    (2000, 2000), (7500, 6000), (5000, 3450), (4450, 700)])   # inside, incl. at both doorways
    assert outside(pts, np.vstack([WALLS, OPENINGS])).tolist() == [True, True, True, False, False, False, False]
    # without the doorways as obstacles a ray from inside escapes through the open gap in line with it
    assert outside(pts[-1:], WALLS).tolist() == [True]


def _plan(width: float, rooms: tuple[str, ...], exterior: bool) -> Plan:
    r1 = Room(id="R1", name="Soverom", type="bedroom", polygon=box(0, 0, 5000, 8000))
    r2 = Room(id="R2", name="Stue", type="living", polygon=box(5000, 0, 10000, 8000))
    door = Door(id="D1", position=Point(5000, 3450), leaf_width_mm=width + 60, clear_width_mm=width,
                clear_width_source=SOURCE_MEASURED, rooms=rooms, exterior=exterior,
                opening=LineString([(5000, 3000), (5000, 3900)]))
    return Plan(rooms=(r1, r2) if len(rooms) == 2 else (r1,), doors=(door,))


@pytest.mark.parametrize("width, status", [(900, "pass"), (800, "unknown"), (700, "fail")])
def test_a_door_to_an_unknown_space_inside_is_unknown_between_the_two_requirements(width, status):
    finding = next(f for f in assess(_plan(width, ("R1",), exterior=False), load_rules())
                   if f.check == "door_clear_width")
    assert finding.status == status
    if status == "fail":
        assert finding.required == 760          # too narrow even inside the dwelling
    if status == "unknown":
        assert "760" in finding.message("en") and "860" in finding.message("en")


@pytest.mark.parametrize("rooms, exterior, status", [(("R1",), True, "fail"), (("R1", "R2"), False, "pass")])
def test_entrance_and_internal_doors_are_judged_as_before(rooms, exterior, status):
    finding = next(f for f in assess(_plan(800, rooms, exterior), load_rules()) if f.check == "door_clear_width")
    assert finding.status == status


def test_an_imported_door_to_a_space_inside_the_walls_is_not_an_entrance():
    """The gallery flat without the bedroom's outline and name: the bedroom door leads to a space inside the walls
    that is no room; the front door still leads outside."""
    from planner.importers import read_dxf
    from tests import dxf_factory as F
    doc = F.flat("mm")
    msp = doc.modelspace()
    for e in list(msp):
        if (e.dxftype() == "LWPOLYLINE" and (4000, 4000) in [tuple(p) for p in e.get_points("xy")]) or \
                (e.dxftype() in ("TEXT", "MTEXT") and "Soverom" in e.plain_text()):
            msp.delete_entity(e)
    result = read_dxf(F.to_bytes(doc))
    plan = result.plan
    assert {r.name for r in plan.rooms} == {"Gang", "Bad"}
    front = min(plan.doors, key=lambda d: d.position.y)
    bedroom = max(plan.doors, key=lambda d: d.position.y)
    assert front.exterior and not bedroom.exterior and len(bedroom.rooms) == 1
    assert any("not known" in g["what"] for g in result.report["guesses"])


@pytest.mark.parametrize("code, status", [(1, "pass"), (2, "fail")])
def test_saying_what_is_behind_the_door_settles_its_requirement(code, status):
    from planner.project.measurements import apply_measurements, make_measurement
    plan, problems = apply_measurements(_plan(800, ("R1",), exterior=False), [make_measurement("D1", "far_side", code)])
    assert not problems
    finding = next(f for f in assess(plan, load_rules()) if f.check == "door_clear_width")
    assert finding.status == status
    assert finding.required == (760 if code == 1 else 860)


def test_far_side_takes_only_its_two_codes_and_survives_a_save():
    from planner.project.measurements import make_measurement
    from planner.model.plan import Door, PlanError
    for bad in (0, 3, 1.5, "ute"):
        with pytest.raises(PlanError):
            make_measurement("D1", "far_side", bad)
    door = _plan(800, ("R1",), exterior=False).doors[0]
    from dataclasses import replace
    again = Door.from_dict(replace(door, far_side="outside").to_dict())
    assert again.far_side == "outside"
    assert Door.from_dict({**door.to_dict(), "far_side": "somewhere"}).far_side is None
