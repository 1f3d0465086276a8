"""The turning shapes of the other standards: DIN 18040-2's squares, UK M4(3) (bathroom circle with the door closed,
living spaces' ellipse, bedrooms' 1200 mm square) and ADA's T-shape; ADA's 3/4 in for existing thresholds."""
from __future__ import annotations

from dataclasses import replace

import pytest

from planner.checks.doors import check_thresholds
from planner.checks.turning import check_turning_circles, free_ellipse, free_t_shape
from planner.rules import load_rules
from tests.plans import bathroom, single_room

DIN, M43, ADA = load_rules("de-din18040-2"), load_rules("uk-adm4-m43"), load_rules("us-ada")


def _turning(plan, rules, element="R1"):
    (f,) = [f for f in check_turning_circles(plan, rules) if f.element == element]
    return f


@pytest.mark.parametrize("side, status", [(1600, "pass"), (1500, "pass"), (1499, "fail")])
def test_din_asks_for_a_square_not_a_circle(side, status):
    f = _turning(single_room("bedroom", side, 3000), DIN)
    assert f.status == status and f.required == 1500
    assert f.code == ("TURNING_OK_SQUARE" if status == "pass" else "TURNING_TOO_SMALL")
    if status == "fail":
        assert f.measured == side


def test_din_an_l_shaped_room_holding_a_circle_but_no_square_fails():
    from shapely.geometry import Polygon
    # a 1500 mm circle needs only its own width; a square's corners need more: a room cut at 45° in two corners
    poly = Polygon([(0, 0), (1500, 0), (1500, 1100), (1100, 1500), (400, 1500), (0, 1100)])
    plan = single_room("bedroom", 1500, 1500)
    plan = plan.replace(rooms=(replace(plan.rooms[0], polygon=poly),))
    assert _turning(plan, load_rules("no-tek17")).measured >= 1400
    assert _turning(plan, DIN).status == "fail"


@pytest.mark.parametrize("side, status", [(1300, "pass"), (1200, "pass"), (1199, "fail")])
def test_m43_bedrooms_need_a_1200_square(side, status):
    f = _turning(single_room("bedroom", side, 3000), M43)
    assert (f.status, f.required) == (status, 1200)


@pytest.mark.parametrize("width, status, code", [(1500, "pass", "TURNING_OK"), (1400, "pass", "TURNING_OK_ELLIPSE"),
                                                 (1399, "fail", "TURNING_TOO_SMALL")])
def test_m43_living_spaces_accept_a_1700_by_1400_ellipse(width, status, code):
    f = _turning(single_room("living", width, 1700), M43)
    assert (f.status, f.code) == (status, code)


def test_m43_a_bathroom_ellipse_is_not_enough():
    assert _turning(single_room("bathroom", 1400, 1700), M43).status == "fail"


def test_m43_the_bathroom_circle_is_measured_with_the_door_closed():
    plan = bathroom(1600, 1600, door_swings_in=True)
    assert _turning(plan, load_rules("uk-adm4"), "R2").status == "fail"    # M4(2) stand-in: the swing counts
    assert _turning(plan, M43, "R2").status == "pass"


def test_free_ellipse_and_t_shape_exactly_at_their_size():
    from shapely.geometry import box
    assert free_ellipse(box(0, 0, 1700, 1400), 1700, 1400) is not None
    assert free_ellipse(box(0, 0, 1699, 1400), 1700, 1400) is None
    assert free_t_shape(box(0, 0, 1525, 1525), 1525, 915) is not None
    assert free_t_shape(box(0, 0, 1524, 1525), 1525, 915) is None


def test_ada_accepts_a_t_shape_where_the_circle_does_not_fit():
    from shapely.geometry import Polygon
    # a 1525 mm square room with its two lower corners taken (610 x 305 mm each): only a T fits
    t_room = Polygon([(305, 0), (1220, 0), (1220, 610), (1525, 610), (1525, 1525), (0, 1525), (0, 610), (305, 610)])
    plan = single_room("bedroom", 1525, 1525)
    plan = plan.replace(rooms=(replace(plan.rooms[0], polygon=t_room),))
    f = _turning(plan, ADA)
    assert (f.status, f.code) == ("pass", "TURNING_OK_T")
    narrower = Polygon([(306, 0), (1220, 0), (1220, 610), (1525, 610), (1525, 1525), (0, 1525), (0, 610), (306, 610)])
    plan = plan.replace(rooms=(replace(plan.rooms[0], polygon=narrower),))
    assert _turning(plan, ADA).status == "fail"


@pytest.mark.parametrize("height, status", [(13, "pass"), (19, "pass"), (20, "fail")])
def test_ada_existing_thresholds_up_to_three_quarter_inch(height, status):
    plan = bathroom()
    plan = plan.replace(doors=tuple(replace(d, threshold_mm=height) for d in plan.doors))
    found = {f.element: f for f in check_thresholds(plan, ADA)}
    assert found["D2"].status == status and found["D2"].rule == "ADA 404.2.5 (existing or altered thresholds)"
