"""A step-free route from the entrance to the main functions on the entrance level (TEK17 § 12-2, § 12-7):
rooms joined by doors and openings, each door passable when its clear width and threshold pass."""
from __future__ import annotations

import heapq
import itertools
import re

from shapely.geometry import LineString, Point

from planner.checks.doors import check_door_widths, check_thresholds
from planner.checks.reuse import reads
from planner.model.findings import FAIL, PASS, UNKNOWN, Finding
from planner.model.plan import Door, Plan, Room
from planner.rules import Rules

CHECK = "step_free_route"
OUTSIDE = "outside"
# what a door costs on the route: a door that fails costs more than any number of doubtful ones
COST = {PASS: 0, UNKNOWN: 1, FAIL: 10_000}
STAIR = re.compile(r"trapp|stair|treppe|escalier|scala|escalera|trappe|trap\b", re.IGNORECASE)
MAIN_FUNCTIONS = ("living", "kitchen", "bedroom", "bathroom")
# a room holds a main function by its type, or by a fixture that only that function has
FIXTURE_OF = {"kitchen": "kitchen", "bedroom": "bed"}


def door_status(plan: Plan, rules: Rules) -> dict[str, tuple[str, str]]:
    """Door id -> (worst of its width and threshold findings, the code of that finding)."""
    worst: dict[str, tuple[str, str]] = {}
    for f in check_door_widths(plan, rules) + check_thresholds(plan, rules):
        old = worst.get(f.element)
        if old is None or COST[f.status] > COST[old[0]]:
            worst[f.element] = (f.status, f.code)
    return worst


def rooms_for(plan: Plan, function: str) -> list[Room]:
    """The rooms that hold a main function: by type, or (kitchen, bedroom) by a kitchen or a bed drawn in them."""
    holding = {f.room for f in plan.fixtures if f.type == FIXTURE_OF.get(function)}
    return [r for r in plan.rooms if r.type == function or r.id in holding]


def entrance_doors(plan: Plan) -> list[Door]:
    """The main entrance door when the plan names it, else every door to the outside."""
    named = plan.door(plan.entrance.door) if plan.entrance is not None and plan.entrance.door else None
    if named is not None:
        return [named]
    return [d for d in plan.doors if d.exterior or d.far_side == "outside"]


def _routes(plan: Plan, starts: list[Door], status: dict[str, tuple[str, str]]) -> dict[str, tuple[int, list[Door]]]:
    """Room id -> (cost, doors passed) of the cheapest route from outside through the entrance doors."""
    joins: dict[str, list[tuple[Door, str]]] = {}
    for d in plan.doors:
        if len(d.rooms) == 2:
            a, b = d.rooms
            joins.setdefault(a, []).append((d, b))
            joins.setdefault(b, []).append((d, a))
    best: dict[str, tuple[int, list[Door]]] = {}
    order = itertools.count()   # ties go to the route found first
    queue = [(COST[status.get(d.id, (UNKNOWN,))[0]], next(order), rid, [d]) for d in starts for rid in d.rooms]
    heapq.heapify(queue)
    while queue:
        cost, _, rid, doors = heapq.heappop(queue)
        if rid in best:
            continue
        best[rid] = (cost, doors)
        for door, other in joins.get(rid, []):
            if other not in best:
                step = COST[status.get(door.id, (UNKNOWN,))[0]]
                heapq.heappush(queue, (cost + step, next(order), other, doors + [door]))
    return best


def _line(plan: Plan, doors: list[Door], room: Room) -> LineString:
    pts = [d.position for d in doors] + [room.polygon.representative_point()]
    return LineString([(p.x, p.y) for p in pts]) if len(pts) > 1 else Point(pts[0]).buffer(1)


def other_levels(plan: Plan) -> str:
    """Why the plan may be one storey of several: '' (no sign), 'stair' (a stair room in it) or 'regions' (the
    drawing holds other plans: other storeys, or other sheets)."""
    if any(r.type == "common" and STAIR.search(r.name or "") for r in plan.rooms):
        return "stair"
    if len(plan.import_report.get("regions") or []) > 1:
        return "regions"
    return ""


@reads("rooms", "doors", "fixtures", "entrance.door", "report:regions")
def check_step_free_route(plan: Plan, rules: Rules) -> list[Finding]:
    """For each main function (living room, kitchen, a bedroom, a bathroom): can a wheelchair reach it from the
    entrance door through doors and openings that pass their width and threshold checks?

    `pass` when a route has only passing doors; `unknown` when the best route passes a door not yet measured
    (the finding names it); `fail` naming the first door that stops every route. A main function with no room
    on the plan is `fail` when the plan has a stair to another storey (TEK17 § 12-2 asks for every main function
    on the entrance level, and NAV's grant for rebuilding onto one level is for this), `unknown` otherwise
    (saying so when the drawing holds other plans, which may be other storeys). A plan with no main function at
    all gets one `unknown` finding. Does not apply where the standard names no route clause."""
    clause = rules.setting(CHECK, "clause")
    if not clause or not plan.rooms:
        return []
    confidence = rules.setting(CHECK, "confidence", "C")
    used = rules.refs("door_clear_width_entrance_mm", "door_clear_width_internal_mm", "threshold_max_mm",
                      "threshold_existing_max_mm")
    status = door_status(plan, rules)
    starts = entrance_doors(plan)
    routes = _routes(plan, starts, status) if starts else {}
    levels = other_levels(plan)
    findings = []

    def finding(function, code, state, element, geometry=None, **params):
        findings.append(Finding(
            check=CHECK, code=code, element=element, status=state, measured=None, required=0.0, rule=clause,
            message_key=f"route.{code}", params={"function": f"@function.{function}", **params},
            geometry=geometry, confidence=confidence, rule_values=used))

    holding = {function: rooms_for(plan, function) for function in MAIN_FUNCTIONS}
    if not any(holding.values()):   # not a home, or its rooms are not named: one finding, not four
        return [Finding(check=CHECK, code="NO_MAIN_FUNCTIONS", element="plan", status=UNKNOWN, measured=None,
                        required=0.0, rule=clause, message_key="route.NO_MAIN_FUNCTIONS",
                        confidence=confidence, rule_values=used)]
    for function, rooms in holding.items():
        if not rooms:
            if levels == "stair":
                finding(function, "NOT_ON_ENTRANCE_LEVEL", FAIL, "plan", why="@route.why.stair")
            elif levels == "regions":
                finding(function, "NOT_ON_THIS_PLAN", UNKNOWN, "plan")
            else:
                finding(function, "NO_ROOM_FOR_FUNCTION", UNKNOWN, "plan")
            continue
        if not starts:
            finding(function, "NO_ENTRANCE", UNKNOWN, "plan", room=rooms[0].name or rooms[0].id)   # the plan's doubt
            continue
        reached = [(routes[r.id], r) for r in rooms if r.id in routes]
        if not reached:
            room = rooms[0]
            finding(function, "NOT_CONNECTED", UNKNOWN, room.id, room.polygon, room=room.name or room.id)
            continue
        (cost, doors), room = min(reached, key=lambda x: (x[0][0], len(x[0][1])))
        name = room.name or room.id
        line = _line(plan, doors, room)
        path = " → ".join(d.id for d in doors)
        if cost == 0:
            finding(function, "ROUTE_OK", PASS, room.id, line, room=name, path=path)
            continue
        state = FAIL if cost >= COST[FAIL] else UNKNOWN
        breaking = next(d for d in doors if status.get(d.id, (UNKNOWN,))[0] == state)
        finding(function, "ROUTE_BLOCKED" if state == FAIL else "ROUTE_UNMEASURED", state, room.id, line,
                room=name, path=path, door=breaking.id, why=f"@route.door.{status.get(breaking.id, (UNKNOWN, 'x'))[1]}")
    return findings
