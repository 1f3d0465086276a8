"""Rooms by numbers and editing a plan's numbers: the same plan the canvas draws, built and changed by typing."""
import pytest

from planner.editing import plan_edit
from planner.checks import assess
from planner.model.plan import Plan, PlanError
from planner.importers.rooms_by_numbers import RoomRequest, add_room, furnish
from planner.rules import load_rules

RULES = load_rules()


def flat() -> Plan:
    """Hall 2000 × 3000 with the entrance door in the south wall; bathroom 2000 × 2400 east of it, door in the
    shared west wall, WC, shower and sink."""
    plan, _ = add_room(Plan(), RoomRequest.from_template("hall", "Gang"), RULES)
    plan, _ = add_room(plan, RoomRequest.from_template("bathroom", "Bad"), RULES)
    return plan


def test_bathroom_2000_by_2400_with_door_800_wc_in_the_corner_and_shower():
    plan, room_id = add_room(Plan(), RoomRequest(name="Bad", type="bathroom", width_mm=2000, depth_mm=2400,
                                                 door_width_mm=800, door_wall="north", fixtures=("wc", "shower")),
                             RULES)
    room = plan.room(room_id)
    assert room.polygon.bounds == (0, 0, 2000, 2400)
    [door] = plan.doors
    assert door.leaf_width_mm == pytest.approx(800) and door.position.y == pytest.approx(2400)
    assert door.exterior  # nothing north of it yet
    kinds = {f.type: f for f in plan.fixtures}
    assert set(kinds) == {"wc", "shower"}
    minx, miny, maxx, maxy = kinds["wc"].footprint.bounds
    assert (minx in (0, 2000 - (maxx - minx))) and (miny in (0, 2400 - (maxy - miny)))  # in a corner
    for f in plan.fixtures:
        assert f.room == room_id and f.footprint.intersection(door.swing).area == 0


def test_rooms_land_beside_each_other_and_the_shared_door_joins_them():
    plan = flat()
    hall, bath = plan.rooms
    assert bath.polygon.bounds[0] == hall.polygon.bounds[2]
    entrance, inner = plan.doors
    assert entrance.exterior and entrance.rooms == (hall.id,)
    assert set(inner.rooms) == {hall.id, bath.id}
    checks = {(f.check, f.element, f.status) for f in assess(plan, RULES)}
    assert ("turning_circle", bath.id, "fail") in checks        # 2.0 × 2.4 m with WC, shower, sink and a door
    assert ("door_clear_width", inner.id, "fail") in checks     # an 800 mm leaf leaves 740 mm clear (< 760)
    shower = next(f for f in plan.fixtures if f.type == "shower")
    assert ("step_free_shower", shower.id, "unknown") in checks  # the kerb is not measured yet


def test_overlapping_room_is_one_sentence():
    plan = flat()
    with pytest.raises(PlanError, match="overlap"):
        add_room(plan, RoomRequest.from_template("bedroom", "Soverom", beside="R1", side="east"), RULES)


def test_bad_numbers_are_one_sentence():
    with pytest.raises(PlanError, match="millimetres"):
        add_room(Plan(), RoomRequest(name="x", type="hall", width_mm=2, depth_mm=3), RULES)
    with pytest.raises(PlanError, match="does not fit"):
        add_room(Plan(), RoomRequest(name="x", type="hall", width_mm=1000, depth_mm=3000, door_width_mm=900,
                                     door_wall="south", door_offset_mm=100), RULES)


def test_a_fixture_that_does_not_fit_says_so():
    plan, room_id = add_room(Plan(), RoomRequest(name="Bod", type="storage", width_mm=1000, depth_mm=1000,
                                                 door_width_mm=900, door_wall="south"), RULES)
    with pytest.raises(PlanError, match="does not fit"):
        furnish(plan, room_id, ("bath",), RULES)


def test_editing_a_room_width_moves_its_wall_and_the_findings_follow():
    plan = flat()
    bath = plan.room("R2")
    wider = plan_edit.edit_room(plan, "R2", {"width_mm": 3000, "name": "Baderom"}, RULES)
    assert wider.room("R2").polygon.bounds == (2000, 0, 5000, 2400) and wider.room("R2").name == "Baderom"
    before = {f.element: f.measured for f in assess(plan, RULES) if f.check == "turning_circle"}
    after = {f.element: f.measured for f in assess(wider, RULES) if f.check == "turning_circle"}
    assert after[bath.id] > before[bath.id]


def test_editing_a_door_width_hinge_and_swing():
    plan = flat()
    door_id = plan.doors[1].id
    spec = plan_edit.spec_from_door(plan.door(door_id))
    assert plan_edit.swing_room(plan, spec) == "R2"  # the template's door opens into the bathroom
    changed = plan_edit.edit_door(plan, door_id, {"width_mm": 1000, "hinge": "right", "opens_into": "R1"}, RULES)
    new = plan_edit.spec_from_door(changed.door(door_id))
    assert new.width_mm == pytest.approx(1000) and new.hinge == "right"
    assert plan_edit.swing_room(changed, new) == "R1"
    assert (new.x_mm, new.y_mm) == pytest.approx((spec.x_mm, spec.y_mm))
    with pytest.raises(PlanError, match="can only open into"):
        plan_edit.edit_door(plan, "D1", {"opens_into": "R2"}, RULES)


@pytest.mark.parametrize("hinge", ["left", "right"])
@pytest.mark.parametrize("side", [1, -1])
@pytest.mark.parametrize("angle", [0.0, 90.0, 30.0])
def test_door_numbers_round_trip(hinge, side, angle):
    spec = plan_edit.DoorSpec("D9", 1000.0, 2000.0, angle, 850.0, side, hinge)
    door = plan_edit.door_from_spec(spec, [], RULES)
    back = plan_edit.spec_from_door(door)
    assert (back.hinge, back.swing_side) == (hinge, side)
    assert back.wall_angle_deg == pytest.approx(angle, abs=0.01) and back.width_mm == pytest.approx(850, abs=0.2)


def test_deleting_a_room_takes_its_fixtures_and_its_own_doors():
    plan = flat()
    smaller = plan_edit.delete(plan, "R2", RULES)
    assert [r.id for r in smaller.rooms] == ["R1"]
    assert all(f.room != "R2" for f in smaller.fixtures) and not smaller.fixtures
    assert [d.id for d in smaller.doors] == ["D1"]  # the door into the bathroom went with it
    with pytest.raises(PlanError):
        plan_edit.delete(plan, "nothing", RULES)


def test_ids_are_never_reused_while_the_element_exists():
    assert plan_edit.next_id("R", {"R1", "R3", "D1"}) == "R4"
    assert plan_edit.next_id("F", set()) == "F1"
