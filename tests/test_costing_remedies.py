"""Remedies per finding and ramp sizing per TEK17 § 12-16, on plans built in memory."""
from __future__ import annotations

import pytest
from shapely.geometry import Point, box

from costing.plan import contexts
from costing.remedies import NAV_AID, OWNER, PERMANENT, size_ramp, remedies_for
from planner.checks import assess
from planner.model.plan import Door, Entrance, Fixture, Plan, Room
from planner.rules import load_rules

RULES = load_rules()


def flat(door_clear_mm=700, bath=True, rise_mm=None, space_mm=None, threshold_mm=None) -> Plan:
    rooms = (Room.from_rectangle("R1", "Bad", "bathroom", 0, 0, 3000, 3000),
             Room.from_rectangle("R2", "Gang", "hall", 3000, 0, 3000, 3000))
    doors = (Door("D1", Point(3000, 1500), door_clear_mm + 60, door_clear_mm, "measured", threshold_mm=threshold_mm,
                  rooms=("R1", "R2")),
             Door("D2", Point(6000, 1500), 1000, 940, "measured", threshold_mm=0, rooms=("R2",), exterior=True))
    fixtures = (Fixture("F1", "bath" if bath else "shower", box(0, 0, 700, 1700), room="R1",
                        lip_mm=None if bath else 0),)
    entrance = None if rise_mm is None else Entrance(rise_mm=rise_mm, door="D2", space_length_mm=space_mm)
    return Plan(rooms=rooms, doors=doors, fixtures=fixtures, entrance=entrance)


def remedies(plan: Plan, code: str, state: dict | None = None):
    ctx, _ = contexts(state)
    finding = next(f for f in assess(plan, RULES) if f.code == code)
    return {r.option: r for r in remedies_for(finding, plan, ctx)}


@pytest.mark.parametrize("rise_mm, slope, run_mm, landings", [
    (200, 1 / 15, 3000, 0),      # where the ground is not measured: 1:15, the slope TEK17 § 8-5 and NAV prefer
    (249, 1 / 15, 3735, 0),      # (1:12 only where that is what fits: tests/test_one_source_of_truth.py)
    (250, 1 / 15, 3750, 0),
    (300, 1 / 15, 4500, 0),      # the brief's example: 300 mm at 1:15 is a 4.5 m run
    (600, 1 / 15, 9000, 0),
    (1000, 1 / 15, 15000, 0),
    (1001, 1 / 15, 15015, 1),    # a 1.5 m rest landing per 1.0 m of rise
    (2100, 1 / 15, 31500, 2),
])
def test_ramp_slope_run_and_landings(rise_mm, slope, run_mm, landings):
    ramp = size_ramp(rise_mm)
    assert ramp.slope == slope and ramp.run_mm == pytest.approx(run_mm) and ramp.landings == landings
    assert ramp.total_length_mm == pytest.approx(run_mm + 1500 * landings + 1500)
    assert ramp.width_mm >= 900


@pytest.mark.parametrize("space_mm, fits", [(None, None), (5099, False), (5100, True), (6000, True), (8000, True)])
def test_ramp_fits_the_space_given(space_mm, fits):
    assert size_ramp(300, space_mm).fits is fits  # 1:15: 4.5 m + 1.5 m level area = 6.0 m; 1:12: 3.6 + 1.5 = 5.1 m


@pytest.mark.parametrize("bad", [0, -300, float("nan")])
def test_ramp_needs_a_positive_rise(bad):
    with pytest.raises(ValueError):
        size_ramp(bad)


def test_a_700_mm_door_gets_widening_paid_by_no_nav_route():
    options = remedies(flat(door_clear_mm=700), "DOOR_TOO_NARROW")
    assert "door_widen" in options and "offset_hinges" not in options  # 60 mm short: hinges cannot help
    assert all(line.route == OWNER for line in options["door_widen"].lines)
    assert options["door_widen"].total_nok > 0


def test_a_door_just_short_also_gets_swing_clear_hinges():
    options = remedies(flat(door_clear_mm=730), "DOOR_TOO_NARROW")
    assert options["offset_hinges"].total_nok < options["door_widen"].total_nok


def test_a_bathroom_with_only_a_bath():
    options = remedies(flat(bath=True), "BATH_ONLY")
    shower, lift = options["bath_to_shower"], options["bath_lift"]
    assert shower.adequate and shower.lasting and shower.route_nok(OWNER) > 0
    assert not lift.adequate and lift.route_nok(NAV_AID) == lift.total_nok


def test_threshold_ramp_is_lent_and_removal_is_building_work():
    options = remedies(flat(door_clear_mm=800, threshold_mm=40), "THRESHOLD_TOO_HIGH")
    assert options["threshold_ramp"].route_nok(NAV_AID) == options["threshold_ramp"].total_nok
    assert options["threshold_removal"].route_nok(OWNER) == options["threshold_removal"].total_nok


@pytest.mark.parametrize("rise_mm, space_mm, alternative, lift", [
    (300, 7000, "ramp", "platformlift"), (600, None, "ramp", "platformlift"),
    (600, 5000, "platformlift", "platformlift"), (1200, None, "platformlift", "shaftlift")])
def test_entrance_options_and_the_alternative_aid(rise_mm, space_mm, alternative, lift):
    options = remedies(flat(rise_mm=rise_mm, space_mm=space_mm), "ENTRANCE_STEPPED")
    assert {"ramp_lent", "ramp_built", "regrade", lift, "stairlift"} <= set(options)
    assert options["regrade"].grant_alternative == alternative
    assert options["ramp_lent"].ramp.run_mm == pytest.approx(size_ramp(rise_mm, space_mm).run_mm)
    assert options["regrade"].route_nok(PERMANENT) == options["regrade"].total_nok
    owner = {line.item for line in options[lift].lines if line.route == OWNER}
    assert {"lift_foundation", "electrical_circuit"} <= owner
    assert ("shaft_alarm_link" in owner) == (lift == "shaftlift")


def test_a_600_mm_ramp_costs_more_than_a_300_mm_ramp():
    low = remedies(flat(rise_mm=300), "ENTRANCE_STEPPED")["ramp_built"].total_nok
    high = remedies(flat(rise_mm=600), "ENTRANCE_STEPPED")["ramp_built"].total_nok
    assert high > low > 0


def test_stair_lift_in_a_shared_stairwell_carries_the_permit_fee():
    plan = flat(rise_mm=500)
    plain = remedies(plan, "ENTRANCE_STEPPED")["stairlift"]
    shared = remedies(plan, "ENTRANCE_STEPPED", {"answers": {"shared_stairwell": True}})["stairlift"]
    assert shared.total_nok - plain.total_nok == contexts({})[0].prices["stairlift_permit_fee"].value


def test_a_missing_price_leaves_the_remedy_unpriced():
    options = remedies(flat(), "DOOR_TOO_NARROW", {"prices": {"door_widen_internal": None}})
    assert options["door_widen"].total_nok is None
    assert options["door_widen"].missing_prices == ("door_widen_internal",)


def test_a_user_price_replaces_the_list_price():
    options = remedies(flat(), "DOOR_TOO_NARROW", {"prices": {"door_widen_internal": 31_000}})
    assert options["door_widen"].total_nok == 31_000


def test_sliding_door_is_offered_as_enough_only_where_the_swing_is_what_takes_the_room():
    from tests.plans import bathroom
    # An empty 1500 x 1800 bathroom whose 900 mm door swings in: the swing alone spoils the circle.
    swing_only = bathroom(1500, 1800, door_swings_in=True)
    assert remedies(swing_only, "TURNING_TOO_SMALL")["sliding_door"].adequate
    # The same room with a bath along the long wall: a sliding door does not help enough.
    with_bath = bathroom(1500, 1800, (("bath", (800, 0, 700, 1800), None),), door_swings_in=True)
    assert not remedies(with_bath, "TURNING_TOO_SMALL")["sliding_door"].adequate


def test_a_room_too_small_for_other_reasons_still_gets_a_priced_remedy():
    from tests.plans import single_room
    # 1250 mm wide: neither the circle nor the 1300 x 1800 mm rectangle fits
    assert set(remedies(single_room("bedroom", 1250, 3000), "TURNING_TOO_SMALL")) == {"room_enlarge"}


def test_a_wall_hung_basin_does_not_spoil_the_sliding_door_check():
    from dataclasses import replace
    from tests.plans import bathroom
    plan = bathroom(1500, 1800, (("sink", (1000, 1350, 500, 450), None),), door_swings_in=True)
    assert not remedies(plan, "TURNING_TOO_SMALL")["sliding_door"].adequate      # the basin counted
    hung = plan.replace(fixtures=tuple(replace(f, space_under=True) if f.type == "sink" else f for f in plan.fixtures))
    assert remedies(hung, "TURNING_TOO_SMALL")["sliding_door"].adequate
