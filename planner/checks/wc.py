"""Space at the WC: free floor ≥ 0.9 m on one side and ≥ 0.2 m on the other, a turning space in front and a
0.9 m passage to the side space (TEK17 § 12-9 (1) a)."""
from __future__ import annotations

from types import MappingProxyType

from shapely.geometry import LineString, Point, Polygon
from shapely.ops import unary_union

from planner.checks.memo import MEMO, MISSING, key as memo_key, keys as memo_keys
from planner.checks.reuse import reads
from planner.checks.space import (REACH_MM, by_room, clear_width_beside, door_way, door_ways, valid, fits_circle_in, fixture_obstacles, free_floor,
                                  outside_of, oriented_box, passage_joins, unit)
from planner.checks.turning import free_rectangle, rectangle_sizes
from planner.model.findings import FAIL, PASS, UNKNOWN, Finding, near_limit
from planner.model.plan import Fixture, Plan, Room
from planner.rules import Rules

CHECK = "wc_side_space"
WIDE, NARROW, PASSAGE = "wc_side_space_wide_mm", "wc_side_space_narrow_mm", "wc_passage_mm"
BACK_TIE_MM = 50.0   # edges this close to the wall are equally likely the back: the shorter one is


class WcFrame:
    """A WC's own directions: `axis` from the back (at the wall) to the front, `centre`, `width_mm` across and
    `depth_mm` along, and its two side edges with the unit vector pointing away from the bowl."""

    def __init__(self, footprint: Polygon, room: Room):
        corners = oriented_box(footprint)
        edges = [LineString([corners[i], corners[(i + 1) % 4]]) for i in range(4)]
        wall = room.polygon.exterior
        back = min(range(4), key=lambda i: (round(edges[i].centroid.distance(wall) / BACK_TIE_MM), edges[i].length))
        front = edges[(back + 2) % 4]
        b, f = edges[back].centroid, front.centroid
        self.axis = unit(f.x - b.x, f.y - b.y)
        self.centre = Point((b.x + f.x) / 2, (b.y + f.y) / 2)
        self.width_mm, self.depth_mm = edges[back].length, b.distance(f)
        self.sides = []
        for i in ((back + 1) % 4, (back + 3) % 4):
            m = edges[i].centroid
            self.sides.append((edges[i], unit(m.x - self.centre.x, m.y - self.centre.y)))

    def at(self, along: float, across: float) -> tuple[float, float]:
        """The point `along` mm towards the front of the centre and `across` mm to the first side's side."""
        ax, ay = self.axis
        sx, sy = self.sides[0][1]
        return (self.centre.x + ax * along + sx * across, self.centre.y + ay * along + sy * across)

    def box(self, along: tuple[float, float], across: tuple[float, float]) -> Polygon:
        (a0, a1), (c0, c1) = along, across
        return Polygon([self.at(a0, c0), self.at(a0, c1), self.at(a1, c1), self.at(a1, c0)])


def wcs_to_check(plan: Plan) -> list[tuple[Fixture, Room]]:
    """Every WC in a bathroom; a WC in a separate WC room is checked when no bathroom holds one (it is then the
    only toilet, the one TEK17 § 12-9 asks to be accessible), and a WC in a room whose name says nothing when
    neither holds one (a room with a WC in it is a bathroom or a WC, whatever its label)."""
    rooms = {r.id: r for r in plan.rooms}
    wcs = [(f, rooms[f.room]) for f in plan.fixtures if f.type == "wc" and f.room in rooms]
    for kind in ("bathroom", "wc", "other"):
        if found := [(f, r) for f, r in wcs if r.type == kind]:
            return found
    return []


def _judge(plan: Plan, rules: Rules, wc: Fixture, room: Room, frame: WcFrame, blocked: list,
           swings: list, room_doors: list | None = None) -> tuple[str, dict, object]:
    """(code, numbers, geometry to draw) for one WC with the fixtures `blocked` taking floor. room_doors: the
    plan's doors of the room, where the caller has them by room."""
    wide_req, narrow_req, passage = rules.value(WIDE), rules.value(NARROW), rules.value(PASSAGE)
    obstacles = unary_union([outside_of(room), *blocked])
    widths = [min(clear_width_beside(edge, out, obstacles), REACH_MM) for edge, out in frame.sides]
    wide_i = 0 if widths[0] >= widths[1] else 1
    wide, narrow = round(widths[wide_i]), round(widths[1 - wide_i])
    half_w, half_d = frame.width_mm / 2, frame.depth_mm / 2
    sign = 1 if wide_i == 0 else -1
    side_space = frame.box((-half_d, half_d), sorted((sign * half_w, sign * (half_w + min(wide, wide_req)))))
    numbers = {"wide": wide, "narrow": narrow}
    if wide < wide_req:
        return "WC_SIDE_SPACE_TOO_NARROW", numbers, side_space
    if narrow < narrow_req:
        return "WC_OTHER_SIDE_TOO_NARROW", numbers, side_space
    diameter = rules.value("turning_circle_diameter_mm")
    turning_floor = free_floor(room, [*blocked, wc.footprint, *swings])
    r = diameter / 2
    in_front = frame.box((half_d, REACH_MM), (-half_w - r, half_w + r))
    centre = fits_circle_in(turning_floor, diameter, in_front)
    turning = None if centre is None else centre.buffer(r, quad_segs=32)
    rect = rectangle_sizes(rules)
    if turning is None and rect is not None:
        ahead = frame.box((half_d, REACH_MM), (-half_w - rect[1], half_w + rect[1]))
        turning = free_rectangle(turning_floor.intersection(ahead), *rect)
    if turning is None:
        return "WC_NO_TURNING_IN_FRONT", numbers, side_space
    doors = [door_way(d, room) for d in (plan.doors if room_doors is None else room_doors) if room.id in d.rooms]
    if not doors:
        return "WC_PASSAGE_NO_DOOR", numbers, side_space
    moving_floor = free_floor(room, [*blocked, wc.footprint])
    if not passage_joins(moving_floor, passage, side_space, unary_union(doors)):
        return "WC_NO_PASSAGE_TO_SIDE", numbers, side_space
    return "WC_SIDE_SPACE_OK", numbers, unary_union([side_space, turning])


STATUS = {"WC_SIDE_SPACE_OK": PASS, "WC_PASSAGE_NO_DOOR": UNKNOWN}


def _outcome(plan: Plan, rules: Rules, wc: Fixture, room: Room, sure: list, unsure: list, swings: list,
             doors: list) -> tuple[str, str, dict, object]:
    """(code, status, numbers, geometry to draw) for one WC: judged with every obstacle, and where it fails
    only because of the unsure ones (unmeasured showers), judged again without them."""
    frame = WcFrame(valid(wc.footprint), room)
    code, numbers, geometry = _judge(plan, rules, wc, room, frame, sure + unsure, swings, doors)
    status = STATUS.get(code, FAIL)
    if status == FAIL and unsure and \
            _judge(plan, rules, wc, room, frame, sure, swings, doors)[0] == "WC_SIDE_SPACE_OK":
        code, status = "WC_IF_SHOWER_STEP_FREE", UNKNOWN
    return code, status, MappingProxyType(numbers), geometry   # read-only: the memo shares it


@reads("rooms", "fixtures", "doors.rooms", "doors.swing", "doors.way")
def check_wc_side_space(plan: Plan, rules: Rules) -> list[Finding]:
    """Each WC that must be accessible: the free floor on each side, the turning space in front of it and the
    passage to the side space. A step-free shower zone counts as floor (the guidance lets the side space double
    as the shower zone); a kerbed one does not; an unmeasured one makes the finding `unknown` when it decides.
    Basins take floor here: the guidance lets only the turning space pass under them. Does not apply where the
    standard gives no side-space values."""
    if WIDE not in rules.values:
        return []
    wide_req, narrow_req = rules.value(WIDE), rules.value(NARROW)
    margin = rules.value("remeasure_margin_mm")
    used = rules.refs(WIDE, NARROW, PASSAGE, "turning_circle_diameter_mm", "turning_rectangle_width_mm",
                      "turning_rectangle_length_mm", "shower_lip_max_mm", "remeasure_margin_mm")
    swings_of: dict[str, list] = {}
    for d in plan.doors:
        for rid in d.rooms:
            if d.swing is not None:
                swings_of.setdefault(rid, []).append(d.swing)
    fixtures_in = by_room(plan.fixtures, lambda f: (f.room,))
    doors_of = by_room(plan.doors, lambda d: dict.fromkeys(d.rooms))
    # what _judge reads of the rules, for the memo's key (planner/checks/memo.py)
    values = memo_key("rules", [rules.value(k) if k in rules.values else None for k in (
        WIDE, NARROW, PASSAGE, "turning_circle_diameter_mm", "turning_rectangle_width_mm",
        "turning_rectangle_length_mm")])
    findings = []
    checked = wcs_to_check(plan)
    # what each WC is judged with; then the outcomes, from the memo where those inputs were judged before (its
    # keys, and the door ways they hold, made together)
    todo = [(wc, room, None if valid(wc.footprint).area < 1.0 else (   # a damaged outline: nothing to measure
        *fixture_obstacles(plan, room.id, rules, skip=wc.id, fixtures=fixtures_in.get(room.id, [])),
        swings_of.get(room.id, []), doors_of.get(room.id, []))) for wc, room in checked]
    judged = [(wc, room, given) for wc, room, given in todo if given is not None]
    pairs = [(d, room) for _, room, (_, _, _, doors) in judged for d in doors if room.id in d.rooms]
    ways = iter(door_ways(pairs))   # all _judge reads of the doors
    keys = memo_keys(CHECK, [(wc.footprint, room.polygon, sure, unsure, swings,
                              [next(ways) for d in doors if room.id in d.rooms], values)
                             for wc, room, (sure, unsure, swings, doors) in judged])
    outcomes = iter(MEMO.find_all(keys))
    keys = iter(keys)
    for wc, room, given in todo:
        if given is None:
            findings.append(Finding(
                check=CHECK, code="WC_NO_FOOTPRINT", element=wc.id, status=UNKNOWN, measured=None,
                required=wide_req, rule=rules.clause(WIDE), message_key="wc_side.WC_NO_FOOTPRINT",
                params={"room": room.name or room.id, "wc": wc.id}, confidence=rules[WIDE].confidence,
                rule_values=used))
            continue
        outcome, k = next(outcomes), next(keys)
        if outcome is MISSING:
            outcome = _outcome(plan, rules, wc, room, *given)
            MEMO.put(k, outcome)
        code, status, numbers, geometry = outcome
        params = {"room": room.name or room.id, "wc": wc.id, "wide": f"{numbers['wide']:.0f}",
                  "narrow": f"{numbers['narrow']:.0f}", "wide_required": f"{wide_req:.0f}",
                  "narrow_required": f"{narrow_req:.0f}", "passage": f"{rules.value(PASSAGE):.0f}",
                  "diameter": f"{rules.value('turning_circle_diameter_mm'):.0f}"}
        narrow_decides = code == "WC_OTHER_SIDE_TOO_NARROW"
        measured, required = (numbers["narrow"], narrow_req) if narrow_decides else (numbers["wide"], wide_req)
        if geometry.area < 1.0:   # no side space at all: mark the WC itself
            geometry = wc.footprint.buffer(100.0)
        findings.append(Finding(
            check=CHECK, code=code, element=wc.id, status=status, measured=float(measured), required=required,
            rule=rules.clause(NARROW if narrow_decides else WIDE), message_key=f"wc_side.{code}", params=params,
            remeasure=near_limit(numbers["wide"], wide_req, margin) or near_limit(numbers["narrow"], narrow_req, margin),
            geometry=geometry, confidence=rules[WIDE].confidence, rule_values=used))
    if not checked and plan.rooms:   # one doubt about the plan, not one per bathroom (the WC may be anywhere)
        rooms = [r for r in plan.rooms if r.type in ("bathroom", "wc")]
        findings.append(Finding(
            check=CHECK, code="NO_WC_FOUND", element="plan", status=UNKNOWN, measured=None, required=wide_req,
            rule=rules.clause(WIDE), message_key="wc_side.NO_WC_FOUND" if rooms else "wc_side.NO_WC_ROOM",
            params={"room": ", ".join(r.name or r.id for r in rooms)}, confidence=rules[WIDE].confidence,
            rule_values=used))
    return findings
