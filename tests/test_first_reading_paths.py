"""The quicker ways the checks measure a plan read for the first time, each held to the plain way it replaces on
random plans and at the exact limit: the entrance landing's squares tried as drawn against the parts near the door
(not buffered and tested against the union of the ground), the side widths cut by the room and met by the
fixtures (not by a 20 m box less the room), and the turning rectangle ruled out by one inward buffer where no box
can fit (not by sweeping the box along every edge)."""
from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from shapely import affinity
from shapely.geometry import LineString, Point, Polygon, box
from shapely.ops import unary_union

from planner.checks.door_side import WALL_FACE_MM, along_the_wall, check_door_side_space
from planner.checks.landing import STEP_MM, free_field
from planner.checks.space import (REACH_MM, TOLERANCE_MM, clear_width_in_room, has_opening, in_the_way, unit,
                                  valid)
from planner.checks.turning import cannot_hold_box, check_turning_circles, free_rectangle, swept_centres
from planner.editing.builder import door_from_opening, fixture, plan_from_parts
from planner.model.plan import Plan, Room
from planner.rules import load_rules

RULES = load_rules("no-tek17")


# --- the entrance landing ----------------------------------------------------------------------------------------


# --- the plain ways the checks measured before, which the quicker ones are held to ---------------------------------

def outside_of(room: Room):
    """Everything around the room that is not its floor (walls and beyond), within REACH_MM."""
    minx, miny, maxx, maxy = room.polygon.bounds
    return box(minx - REACH_MM, miny - REACH_MM, maxx + REACH_MM, maxy + REACH_MM).difference(valid(room.polygon))


def clear_width_beside(edge: LineString, outward: tuple[float, float], obstacles) -> float:
    """The free distance [mm] from an edge, straight out along `outward`, over the edge's whole length, to the
    nearest obstacle (REACH_MM when nothing is in the way): the band 1 mm short of each end met with them."""
    (x1, y1), (x2, y2) = edge.coords[0], edge.coords[-1]
    ex, ey = unit(x2 - x1, y2 - y1)
    x1, y1, x2, y2 = x1 + ex, y1 + ey, x2 - ex, y2 - ey
    ox, oy = outward[0] * REACH_MM, outward[1] * REACH_MM
    inside = Polygon([(x1, y1), (x2, y2), (x2 + ox, y2 + oy), (x1 + ox, y1 + oy)]).intersection(obstacles)
    parts = np.array(list(getattr(inside, "geoms", [inside])), dtype=object)
    hit = parts[in_the_way(parts)]   # polygons that are not slivers
    return REACH_MM if not len(hit) else float(min(edge.distance(g) for g in hit))


def latch_side(door, room: Room):
    """(The latch end of the opening, the unit vector along the wall away from the hinge, the unit vector into
    the room), or None for a door that is not side-hung or has no swing or opening drawn."""
    if door.swing is None or not has_opening(door) or door.swing.is_empty or door.kind != "hinged":
        return None
    a, b = Point(door.opening.coords[0]), Point(door.opening.coords[-1])
    pivot = Point(door.swing.exterior.coords[0])   # swings are drawn from the hinge
    hinge, latch = (a, b) if a.distance(pivot) <= b.distance(pivot) else (b, a)
    along = along_the_wall(room.polygon, (door.position.x, door.position.y), unit(latch.x - hinge.x, latch.y - hinge.y))
    into = (-along[1], along[0])
    probe = Point(door.position.x + into[0] * 150, door.position.y + into[1] * 150)
    if room.polygon.distance(probe) > room.polygon.distance(
            Point(door.position.x - into[0] * 150, door.position.y - into[1] * 150)):
        into = (-into[0], -into[1])
    return latch, along, into


def _reveal(door, room: Room, latch: Point, along, into) -> float:
    """The depth of the door's reveal on the room's side, door by door: each jamb probed 30 mm beyond it along the
    wall, 450 mm into the room; both as deep as each other (to 20 mm) and at most 450 mm, else 0."""
    a, b = door.opening.coords[0], door.opening.coords[-1]
    hinge = b if Point(a).distance(latch) < Point(b).distance(latch) else a

    def depth(x: float, y: float) -> float:
        met = LineString([(x, y), (x + into[0] * 450, y + into[1] * 450)]).intersection(room.polygon)
        return math.inf if met.is_empty else Point(x, y).distance(met)
    at_latch = depth(latch.x + along[0] * 30, latch.y + along[1] * 30)
    at_hinge = depth(hinge[0] - along[0] * 30, hinge[1] - along[1] * 30)
    return at_latch if at_latch <= 450 and abs(at_latch - at_hinge) <= 20 else 0.0


def _latch_space(door, plan: Plan, rooms: dict, fixtures_of: dict, required: float, cap: float):
    """The latch side space of one door, measured door by door: (room id, width, space to draw) or None."""
    from planner.checks.door_side import NO_ROOM, swing_room
    room = swing_room(door, plan, rooms)
    side = None if room is None else latch_side(door, room)
    if side is None:   # a side-hung door beside a room of the plan whose leaf opens into none of them: NO_ROOM
        hung = door.swing is not None and has_opening(door) and not door.swing.is_empty and door.kind == "hinged"
        hung = hung and any(r in rooms for r in door.rooms)
        return NO_ROOM if room is None and hung else None
    latch, along, into = side
    deep = _reveal(door, room, latch, along, into)
    latch = Point(latch.x + into[0] * deep, latch.y + into[1] * deep)
    start = (latch.x + into[0] * WALL_FACE_MM, latch.y + into[1] * WALL_FACE_MM)
    end = (start[0] + into[0] * required, start[1] + into[1] * required)
    fixtures = [valid(f) for f in fixtures_of.get(room.id, [])]
    width = float(round(min(clear_width_in_room(LineString([start, end]), along, room, fixtures), cap)))
    far = (latch.x + along[0] * min(width, required), latch.y + along[1] * min(width, required))
    geometry = LineString([start, end, (end[0] + along[0] * min(width, required), end[1] + along[1] *
                                        min(width, required)), far]).convex_hull
    return room.id, width, geometry

def field_square_by_square(door, plan: Plan, side_mm: float, outward: tuple[float, float]):
    """The landing's first free square found the plain way: each square, nearest first, buffered inwards by
    TOLERANCE_MM and tested against the union of every room and wall of the plan, the outward swing, and its way
    out against that union less the door's own wall."""
    (x1, y1), (x2, y2) = door.opening.coords[0], door.opening.coords[-1]
    ux, uy = unit(x2 - x1, y2 - y1)
    nx, ny = outward
    px, py = door.position.x, door.position.y
    inside = unary_union([valid(r.polygon) for r in plan.rooms if r.id in door.rooms])
    taken = unary_union([r.polygon for r in plan.rooms] + list(plan.walls))
    swing = Polygon() if door.swing is None else valid(door.swing)
    swing = swing if swing.difference(inside).area > 1.0 else Polygon()
    w = door.opening.length / 2 - TOLERANCE_MM
    reveal = Polygon([(px - ux * w, py - uy * w), (px + ux * w, py + uy * w),
                      (px + ux * w + nx * 600, py + uy * w + ny * 600), (px - ux * w + nx * 600, py - uy * w + ny * 600)])
    beyond = taken.difference(reveal)
    half = side_mm / 2
    for out in np.arange(0.0, door.leaf_width_mm + 600 + 1, STEP_MM):
        for along in np.arange(-half, half + 1, STEP_MM):
            cx, cy = px + nx * (out + half) + ux * along, py + ny * (out + half) + uy * along
            square = Polygon([(cx + sx * ux * half + sy * nx * half, cy + sx * uy * half + sy * ny * half)
                              for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))])
            field = square.buffer(-TOLERANCE_MM, join_style="mitre")
            way = LineString([(px + nx, py + ny), (px + nx * (out + 1), py + ny * (out + 1))])
            if not (field.intersects(taken) or field.intersects(swing) or way.intersects(beyond)):
                return square
    return None


def turned(angle: float):
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    return lambda x, y: (c * x - s * y, s * x + c * y)


def random_entrance(rng: np.random.Generator) -> tuple[Plan, tuple[float, float]]:
    """A hall with its entrance door in the south wall, turned by a random angle, with random walls, sheds and a
    leaf that may open outwards in front of it; and the unit vector pointing out of the door."""
    at = turned(float(rng.uniform(0, 360)))
    width, depth = float(rng.uniform(2500, 5000)), float(rng.uniform(2000, 4000))
    hall = Room(id="R1", name="Gang", type="hall",
                polygon=Polygon([at(0, 0), at(width, 0), at(width, depth), at(0, depth)]))
    leaf = float(rng.uniform(700, 1000))
    x0 = float(rng.uniform(200, width - leaf - 200))
    hinge, latch = at(x0, 0), at(x0 + leaf, 0)
    rooms = [hall]
    for k in range(int(rng.integers(0, 3))):       # sheds in front of the façade, not touching the hall
        sx, sy = float(rng.uniform(-3000, width + 1000)), float(rng.uniform(-4000, -800))
        sw, sd = float(rng.uniform(400, 2000)), float(rng.uniform(300, min(2000, -sy - 400)))
        rooms.append(Room(id=f"S{k}", name="Bod", type="storage",
                          polygon=Polygon([at(sx, sy), at(sx + sw, sy), at(sx + sw, sy + sd), at(sx, sy + sd)])))
    door = door_from_opening("D1", hinge, latch, int(rng.choice([-1, 1])), rooms)
    walls = []
    for _ in range(int(rng.integers(0, 4))):
        a = (float(rng.uniform(-3000, width + 3000)), float(rng.uniform(-4000, -100)))
        b = (a[0] + float(rng.uniform(-3000, 3000)), a[1] + float(rng.uniform(-2000, 2000)))
        walls.append(LineString([at(*a), at(*b)]))
    walls.append(LineString([at(-1000, 0), at(x0, 0)]))     # the façade's face, up to the opening
    plan = Plan(rooms=tuple(rooms), doors=(door,), walls=tuple(walls))
    ox, oy = at(0, -1)
    return plan, (ox, oy)


@pytest.mark.parametrize("seed", range(4))
def test_the_landing_found_from_the_tree_is_the_square_found_by_buffering_each(seed):
    rng = np.random.default_rng(seed)
    found = none = 0
    for _ in range(12):
        plan, outward = random_entrance(rng)
        (door,) = plan.doors
        parts = [r.polygon for r in plan.rooms] + list(plan.walls)
        got = free_field(door, plan, 1500.0, shapely.STRtree(parts), parts)
        want = field_square_by_square(door, plan, 1500.0, outward)
        if want is None:
            assert got is None
            none += 1
        else:
            assert isinstance(got, Polygon) and got.equals_exact(want, 1e-6)
            found += 1
    assert found and none      # squares found near, far and nowhere


@pytest.mark.parametrize("out_mm, found", [(1500, True), (1499, False)])
def test_the_landing_at_the_limit_of_a_wall_across_a_turned_door(out_mm, found):
    # a wall parallel to the façade out_mm in front of a door turned 30°: a 1500 mm field fits exactly, or not
    at = turned(30)
    hall = Room(id="R1", name="Gang", type="hall", polygon=Polygon([at(0, 0), at(4000, 0), at(4000, 3000),
                                                                      at(0, 3000)]))
    door = door_from_opening("D1", at(1500, 0), at(2400, 0), 1, [hall])
    plan = Plan(rooms=(hall,), doors=(door,), walls=(LineString([at(-3000, -out_mm), at(7000, -out_mm)]),))
    parts = [hall.polygon, *plan.walls]
    got = free_field(door, plan, 1500.0, shapely.STRtree(parts), parts)
    assert isinstance(got, Polygon) if found else got is None
    want = field_square_by_square(door, plan, 1500.0, at(0, -1))
    assert (want is None) == (got is None)


# --- the side widths ---------------------------------------------------------------------------------------------

def random_room_and_fixtures(rng: np.random.Generator) -> tuple[Room, list]:
    """A room, rectangular or L-shaped, and fixtures in it: boxes and turned boxes, some overlapping each other,
    some reaching through the wall."""
    w, d = float(rng.uniform(1500, 5000)), float(rng.uniform(1500, 5000))
    outline = box(0, 0, w, d)
    if rng.random() < 0.5:
        outline = outline.difference(box(w * float(rng.uniform(0.3, 0.7)), d * float(rng.uniform(0.3, 0.7)),
                                         w + 1, d + 1))
    fixtures = []
    for _ in range(int(rng.integers(0, 6))):
        x, y = float(rng.uniform(-200, w)), float(rng.uniform(-200, d))
        f = box(x, y, x + float(rng.uniform(200, 1200)), y + float(rng.uniform(200, 1200)))
        fixtures.append(affinity.rotate(f, float(rng.choice([0, 0, 15, 45]))))
    return Room(id="R", name="Rom", type="bedroom", polygon=outline), fixtures


@pytest.mark.parametrize("seed", range(6))
def test_the_width_beside_an_edge_cut_by_the_room_is_the_width_beside_it_within_the_box(seed):
    rng = np.random.default_rng(seed)
    for _ in range(25):
        room, fixtures = random_room_and_fixtures(rng)
        minx, miny, maxx, maxy = room.polygon.bounds
        start = room.polygon.representative_point() if rng.random() < 0.3 else Point(
            rng.uniform(minx, maxx), rng.uniform(miny, maxy))
        angle = float(rng.choice([0, 90, 180, 270, rng.uniform(0, 360)]))
        along = (math.cos(math.radians(angle)), math.sin(math.radians(angle)))
        length = float(rng.uniform(100, 1500))
        edge = LineString([(start.x, start.y), (start.x + along[0] * length, start.y + along[1] * length)])
        outward = (-along[1], along[0]) if rng.random() < 0.5 else (along[1], -along[0])
        fixtures = [valid(f) for f in fixtures]
        want = clear_width_beside(edge, outward, unary_union([outside_of(room), *fixtures]))
        got = clear_width_in_room(edge, outward, room, fixtures)
        assert round(got) == round(want) and math.isclose(got, want, abs_tol=1e-6), (got, want)


def random_doors_between_two_rooms(rng: np.random.Generator) -> tuple[list, dict, dict]:
    """A hall and a room side by side, turned by a random angle, with doors of every kind in the wall between
    them and in the outer walls, leaves opening either way, and fixtures in both rooms."""
    at = turned(float(rng.uniform(0, 360)))
    depth = float(rng.uniform(2000, 5000))

    def rect(id, type, x0, x1):
        return Room(id=id, name=id, type=type, polygon=Polygon([at(x0, 0), at(x1, 0), at(x1, depth), at(x0, depth)]))
    rooms = [rect("R1", "hall", -float(rng.uniform(1500, 3000)), 0), rect("R2", "bedroom", 0,
                                                                              float(rng.uniform(1500, 4000)))]
    doors = []
    for k in range(6):
        y = float(rng.uniform(-200, depth - 700))
        leaf = float(rng.uniform(700, 1000))
        x = 0.0 if k < 4 else float(rng.uniform(-1000, 1000))
        hinge, latch = ((x, y), (x, y + leaf)) if k < 4 else ((x, depth), (x + leaf, depth))
        if rng.random() < 0.5:
            hinge, latch = latch, hinge
        doors.append(door_from_opening(f"D{k}", at(*hinge), at(*latch), int(rng.choice([-1, 1])), rooms,
                                       kind=str(rng.choice(["hinged", "hinged", "hinged", "double", "sliding"]))))
    fixtures = {}
    for room in rooms:
        minx, miny, maxx, maxy = room.polygon.bounds
        for _ in range(int(rng.integers(0, 4))):
            x, y = float(rng.uniform(minx, maxx)), float(rng.uniform(miny, maxy))
            fixtures.setdefault(room.id, []).append(box(x, y, x + float(rng.uniform(200, 900)),
                                                        y + float(rng.uniform(200, 900))))
    return [d for d in doors if d.swing is not None], {r.id: r for r in rooms}, fixtures


@pytest.mark.parametrize("seed", range(4))
def test_the_latch_spaces_measured_together_are_those_measured_door_by_door(seed):
    from planner.checks.door_side import _latch_spaces
    rng = np.random.default_rng(seed)
    measured = 0
    for _ in range(6):
        doors, rooms, fixtures = random_doors_between_two_rooms(rng)
        plan = Plan(rooms=tuple(rooms.values()), doors=tuple(doors))
        together = _latch_spaces(doors, rooms, fixtures, 500.0, 5000.0)
        for door, got in zip(doors, together):
            want = _latch_space(door, plan, rooms, fixtures, 500.0, 5000.0)
            assert (got is None) == (want is None)
            if want is not None:
                assert got[:2] == want[:2] and (got[2] is want[2] is None or got[2].equals_exact(want[2], 0))
                measured += want[2] is not None
    assert measured


def latch_beside_a_cupboard(gap_mm: float) -> Plan:
    """A bedroom whose door, in its west wall, opens into it with its latch to the north; a cupboard stands
    gap_mm north of the latch, away from the wall."""
    room = Room.from_rectangle("R1", "Soverom", "bedroom", 0, 0, 4000, 4000)
    hall = Room.from_rectangle("R2", "Gang", "hall", -2000, 0, 2000, 4000)
    door = door_from_opening("D1", (0, 1000), (0, 1900), -1, [room, hall])
    cupboard = fixture("F1", "wardrobe", 100, 1900 + gap_mm, 600, 800, [room, hall])
    return plan_from_parts("test", [room, hall], [door], [cupboard])


@pytest.mark.parametrize("gap, status", [(600, "pass"), (500, "pass"), (499, "fail")])
def test_a_fixture_at_the_limit_of_the_latch_side_space(gap, status):
    plan = latch_beside_a_cupboard(gap)
    (f,) = check_door_side_space(plan, RULES)
    assert (f.status, f.measured, f.required) == (status, gap, 500)


# --- the turning rectangle ---------------------------------------------------------------------------------------

def random_floor(rng: np.random.Generator) -> Polygon:
    """A room's free floor: a rectangle, maybe L-shaped, less door swings (quarter discs) and fixtures, turned a
    little or not at all."""
    w, d = float(rng.uniform(1000, 4000)), float(rng.uniform(1000, 4000))
    floor = box(0, 0, w, d)
    if rng.random() < 0.4:
        floor = floor.difference(box(w * float(rng.uniform(0.3, 0.8)), d * float(rng.uniform(0.3, 0.8)), w, d))
    for _ in range(int(rng.integers(0, 3))):
        corner = (float(rng.choice([0, w])), float(rng.uniform(0, d)))
        floor = floor.difference(Point(corner).buffer(float(rng.uniform(600, 1000)), quad_segs=8))
    for _ in range(int(rng.integers(0, 3))):
        x, y = float(rng.uniform(0, w)), float(rng.uniform(0, d))
        floor = floor.difference(box(x, y, x + float(rng.uniform(300, 900)), y + float(rng.uniform(300, 900))))
    floor = affinity.rotate(floor, float(rng.choice([0, 0, 90, 7, 33])), origin=(0, 0))
    parts = [g for g in getattr(floor, "geoms", [floor]) if isinstance(g, Polygon) and not g.is_empty]
    return max(parts, key=lambda g: g.area) if parts else box(0, 0, w, d)


@pytest.mark.parametrize("seed", range(5))
def test_a_box_is_ruled_out_only_where_sweeping_finds_no_place_for_it(seed):
    rng = np.random.default_rng(seed)
    ruled_out = fits = 0
    for _ in range(60):
        floor = random_floor(rng)
        half_x, half_y = float(rng.uniform(400, 1200)), float(rng.uniform(400, 1200))
        swept = swept_centres(floor, half_x, half_y)
        if cannot_hold_box(floor, half_x, half_y):
            assert swept.is_empty, (floor.wkt, half_x, half_y)
            ruled_out += 1
        fits += not swept.is_empty
    assert ruled_out and fits      # both kinds of floor were met, so the comparison was made both ways


@pytest.mark.parametrize("seed", range(3))
def test_a_box_a_hair_smaller_than_the_room_is_never_ruled_out(seed):
    # the sweep's own limit: a box 0.01 mm narrower than a rectangular floor (turned or not) fits, and is kept
    rng = np.random.default_rng(seed)
    for _ in range(20):
        w, d = float(rng.uniform(1000, 4000)), float(rng.uniform(1000, 4000))
        floor = affinity.rotate(box(0, 0, w, d), float(rng.choice([0, 90, 180])), origin=(0, 0))
        assert not cannot_hold_box(floor, w / 2 - 0.01, d / 2 - 0.01) or \
            not cannot_hold_box(floor, d / 2 - 0.01, w / 2 - 0.01)


@pytest.mark.parametrize("width, status, code", [(1300, "pass", "TURNING_OK_RECTANGLE"),
                                                 (1299, "fail", "TURNING_TOO_SMALL")])
def test_the_turning_rectangle_at_its_limit(width, status, code):
    # a bedroom width x 1800 mm: too narrow for the Ø 1500 mm circle; the 1300 x 1800 mm rectangle fits or not
    room = Room.from_rectangle("R1", "Soverom", "bedroom", 0, 0, width, 1800)
    (f,) = check_turning_circles(plan_from_parts("test", [room], [], []), RULES)
    assert (f.status, f.code, f.measured) == (status, code, float(width))


@pytest.mark.parametrize("side, status", [(1500, "pass"), (1499, "fail")])
def test_the_turning_circle_at_its_limit_in_a_room_with_a_swing(side, status):
    # a square bedroom with its door in a corner whose leaf sweeps the room: a 1500 mm circle fits beside the swing
    # when the room is side x (side + 900) mm, or not
    room = Room.from_rectangle("R1", "Soverom", "bedroom", 0, 0, side, side + 900)
    hall = Room.from_rectangle("R2", "Gang", "hall", -2000, 0, 2000, side + 900)
    door = door_from_opening("D1", (0, 0), (0, 900), -1, [room, hall])
    (f,) = [f for f in check_turning_circles(plan_from_parts("test", [room, hall], [door], []), RULES)
            if f.element == "R1"]
    assert f.status == status


@pytest.mark.parametrize("seed", range(3))
def test_the_rectangle_found_is_the_one_the_sweep_finds(seed):
    # where the rectangle is not ruled out, it is placed by the sweep as before: the same rectangle
    rng = np.random.default_rng(seed)
    for _ in range(15):
        floor = random_floor(rng)
        got = free_rectangle(floor, 1300, 1800)
        e = np.asarray(floor.exterior.coords)
        k = int(np.argmax(np.hypot(*np.diff(e, axis=0).T)))
        angle = float(np.degrees(np.arctan2(e[k + 1, 1] - e[k, 1], e[k + 1, 0] - e[k, 0])))
        part = affinity.rotate(floor, -angle, origin=(0, 0))
        want = None
        for half_x, half_y in ((900.0, 650.0), (650.0, 900.0)):
            centres = swept_centres(part, half_x - 0.5, half_y - 0.5)
            if not centres.is_empty:
                c = centres.representative_point()
                want = affinity.rotate(shapely.box(c.x - half_x, c.y - half_y, c.x + half_x, c.y + half_y), angle,
                                       origin=(0, 0))
                break
        assert (got is None) == (want is None)
        assert got is None or got.equals_exact(want, 0)


@pytest.mark.parametrize("seed", range(2))
def test_a_swept_box_made_from_a_line_of_its_points_is_the_hull_of_the_points(seed):
    # swept_centres makes each edge's hull from its eight points as a line, not as a multipoint: the same hull
    from planner.geometry import edges as ring_edges
    rng = np.random.default_rng(seed)
    for _ in range(20):
        e = ring_edges(random_floor(rng), holes=True)
        half = np.array([(-1, -1), (1, -1), (1, 1), (-1, 1)]) * (float(rng.uniform(400, 1200)),
                                                                  float(rng.uniform(400, 1200)))
        pts = np.concatenate([e[:, None, :2] + half, e[:, None, 2:] + half], axis=1)
        assert list(shapely.to_wkb(shapely.convex_hull(shapely.linestrings(pts)))) == \
            list(shapely.to_wkb(shapely.convex_hull(shapely.multipoints(pts))))


def _door_in_a_thick_wall(bedroom: Polygon, x: float) -> Plan:
    """A bedroom east of a 200 mm wall and a hall west of it; the door's opening drawn at x (y 1000 to 1900,
    hinge to the south), its leaf opening into the bedroom, the latch to the north."""
    room = Room("R1", "Soverom", "bedroom", bedroom)
    hall = Room.from_rectangle("R2", "Gang", "hall", -2200, 0, 2000, 4000)
    return plan_from_parts("test", [room, hall], [door_from_opening("D1", (x, 1000), (x, 1900), -1, [room, hall])], [])


def test_the_latch_side_space_starts_at_the_face_of_the_wall_the_door_stands_in():
    """The opening is drawn at the hall's face of the wall and the bedroom's outline runs into the wall's
    thickness at the door (a reveal): the space beside the latch is the bedroom's floor from the wall's face, 2 100
    mm to its north wall, not the 0 mm between the opening line and the reveal's side."""
    bedroom = Polygon([(0, 0), (4000, 0), (4000, 4000), (0, 4000), (0, 1900), (-200, 1900), (-200, 1000), (0, 1000)])
    (f,) = check_door_side_space(_door_in_a_thick_wall(bedroom, -200), RULES)
    assert (f.status, f.measured) == ("pass", 2100)


def test_a_nib_beside_the_latch_alone_is_no_reveal_and_takes_the_space():
    """A 300 mm wall end standing into the room right beside the latch (none beside the hinge) is in the way."""
    bedroom = box(0, 0, 4000, 4000).difference(box(0, 1900, 300, 2000))
    (f,) = check_door_side_space(_door_in_a_thick_wall(bedroom, 0), RULES)
    assert (f.status, f.measured) == ("fail", 0)


def test_a_leaf_drawn_a_degree_off_its_wall_measures_the_latch_side_along_the_wall():
    """The opening runs from the hinge to a latch 15 mm into the hall (the arc drawn a degree short of the wall):
    the latch side space lies along the bedroom's wall, 2 100 mm to its north wall, not across the wall."""
    room, hall = Room.from_rectangle("R1", "Soverom", "bedroom", 0, 0, 4000, 4000), \
        Room.from_rectangle("R2", "Gang", "hall", -2000, 0, 2000, 4000)
    door = door_from_opening("D1", (0, 1000), (-15, 1000 + math.sqrt(900 ** 2 - 15 ** 2)), -1, [room, hall])
    (f,) = check_door_side_space(plan_from_parts("test", [room, hall], [door], []), RULES)
    assert (f.status, f.measured) == ("pass", 2100)


def test_a_sliver_between_the_latch_and_a_leaf_drawn_as_the_room_outline_is_not_in_the_way():
    """The kitchen's outline runs along a closed leaf drawn 1,5 degrees askew, leaving a notch a few millimetres
    wide between the leaf and the wall; the latch stands at its foot, half a millimetre above the kitchen's
    floor: the space beside the latch is the 400 mm to the south wall, not the notch's 0 mm."""
    room = Room("R1", "Kjøkken", "kitchen", Polygon([(-3000, 0), (0, 0), (0, 400), (-19.2, 400), (0, 1130),
                                                      (0, 2000), (-3000, 2000)]))
    hall = Room.from_rectangle("R2", "Gang", "hall", 0, 0, 2000, 2000)
    door = door_from_opening("D1", (0, 1130), (-14.6, 400.5), -1, [room, hall])
    (f,) = check_door_side_space(plan_from_parts("test", [room, hall], [door], []), RULES)
    assert f.status == "fail" and 395 <= f.measured <= 401, f.measured


def test_a_door_whose_leaf_only_grazes_the_room_behind_it_opens_into_no_room_of_the_plan():
    """The leaf opens west into a space the plan holds no room for; the bedroom east of the wall, whose outline
    runs into the wall's thickness at the door, meets a corner of the swing: the door does not open into the
    bedroom, and the space beside its latch is not measured there but said to be unknown; an entrance door
    opening outwards is the landing check's and has none."""
    from dataclasses import replace as with_
    bedroom = Polygon([(0, 0), (4000, 0), (4000, 4000), (0, 4000), (0, 1900), (-200, 1900), (-200, 1000), (0, 1000)])
    room = Room("R1", "Soverom", "bedroom", bedroom)
    door = with_(door_from_opening("D1", (-199, 1000), (-199, 1900), 1, [room]), exterior=False)
    assert door.swing.intersection(bedroom).area > 1.0 and door.rooms == ("R1",)
    (f,) = check_door_side_space(plan_from_parts("test", [room], [door], []), RULES)
    assert (f.status, f.code, f.measured) == ("unknown", "DOOR_SIDE_SPACE_NO_ROOM", None)
    assert "not a room of the plan" in f.message("en") and "500 mm" in f.message("en")
    assert check_door_side_space(plan_from_parts("test", [room], [with_(door, exterior=True)], []), RULES) == []


def test_a_door_at_the_back_of_a_recess_deeper_than_a_wall_has_no_space_beside_its_latch():
    """A door 600 mm back in a recess as wide as its opening: the recess's sides are walls beside the latch, not a
    reveal, and there is no room to pull the door open."""
    bedroom = Polygon([(0, 0), (4000, 0), (4000, 4000), (0, 4000), (0, 1900), (-600, 1900), (-600, 1000), (0, 1000)])
    (f,) = check_door_side_space(_door_in_a_thick_wall(bedroom, -600), RULES)
    assert (f.status, f.measured) == ("fail", 0)
