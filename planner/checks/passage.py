"""Free passage: ≥ 0.9 m outside the furniture drawn, in the entrance hall and the rooms for permanent stay, to
every door (TEK17 § 12-7 (4) c, § 12-8 (1)), and in the bathroom from the door to the shower zone (§ 12-9 (1) b)."""
from __future__ import annotations

from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from planner.checks.space import TOLERANCE_MM, door_way, free_floor, passage_joins, shrunk, valid
from planner.findings import FAIL, PASS, UNKNOWN, Finding, near_limit
from planner.model import Plan, Room
from planner.rules import Rules

CHECK = "free_passage"
ROOM_KEY, SHOWER_KEY = "free_passage_mm", "shower_passage_mm"


def _across(room: Room) -> int:
    """No passage in a room is wider than the larger side of its bounding box [mm]."""
    minx, miny, maxx, maxy = room.polygon.bounds
    return int(max(maxx - minx, maxy - miny)) + 1


def _main_floor(floor: BaseGeometry, width_mm: float) -> BaseGeometry | None:
    """The largest piece of the floor (valid) a `width_mm` wide wheelchair's middle can be on, or None."""
    core = shrunk(floor, width_mm / 2 - TOLERANCE_MM)
    parts = [p for p in getattr(core, "geoms", [core]) if not p.is_empty]
    return max(parts, key=lambda p: p.area) if parts else None


def _reaches_every_door(floor: BaseGeometry, width_mm: float, doors: list) -> bool:
    """floor: valid."""
    main = _main_floor(floor, width_mm)
    reach = width_mm / 2 + TOLERANCE_MM
    return main is not None and all(main.distance(d) <= reach for d in doors)


def widest(ok, up_to_mm: int) -> int:
    """The widest whole-millimetre passage up to up_to_mm for which ok(width_mm) holds (0 when none does); ok
    must hold for every width below one for which it holds."""
    if ok(up_to_mm):
        return up_to_mm
    low, high = 0, up_to_mm
    while high - low > 1:
        mid = (low + high) // 2
        low, high = (mid, high) if ok(mid) else (low, mid)
    return low


def check_free_passage(plan: Plan, rules: Rules) -> list[Finding]:
    """Each hall and room for permanent stay: the widest passage, outside fixtures and furniture drawn (beds,
    kitchen fittings), from its main free floor to every door, against 900 mm; each shower: the widest passage
    from the bathroom's door to the shower zone. Door swings do not block a passage. Windows are not in the plan
    model, so the passage to the window is not checked. A room with no door drawn is `unknown`. Does not apply
    where the standard gives no passage width."""
    if ROOM_KEY not in rules.values:
        return []
    required, margin = rules.value(ROOM_KEY), rules.value("remeasure_margin_mm")
    room_types = set(rules.setting(CHECK, "room_types", []))
    fixtures_of: dict[str, list] = {}
    for f in plan.fixtures:
        fixtures_of.setdefault(f.room, []).append(f)
    rooms = {r.id: r for r in plan.rooms}
    doors_of: dict[str, list] = {}
    for d in plan.doors:
        for rid in d.rooms:
            if rid in rooms:
                doors_of.setdefault(rid, []).append(door_way(d, rooms[rid]))
    findings = []

    def finding(element, code, status, measured, key, geometry, **params):
        findings.append(Finding(
            check=CHECK, code=code, element=element, status=status, measured=measured, required=rules.value(key),
            rule=rules.clause(key), message_key=f"passage.{code}",
            params={"required": f"{rules.value(key):.0f}", "measured": "" if measured is None else
                    f"{measured:.0f}", **params},
            remeasure=near_limit(measured, rules.value(key), margin), geometry=geometry,
            confidence=rules[key].confidence, rule_values=rules.refs(key, "remeasure_margin_mm")))

    for room in plan.rooms:
        name = room.name or room.id
        doors = doors_of.get(room.id, [])
        fixtures = fixtures_of.get(room.id, [])
        if room.type in room_types:
            if not doors:
                finding(room.id, "PASSAGE_NO_DOOR", UNKNOWN, None, ROOM_KEY, room.polygon, room=name)
                continue
            floor = valid(free_floor(room, [f.footprint for f in fixtures]))
            width = widest(lambda w: _reaches_every_door(floor, w, doors), _across(room))
            ok = width >= required
            finding(room.id, "PASSAGE_OK" if ok else "PASSAGE_TOO_NARROW", PASS if ok else FAIL, width, ROOM_KEY,
                    None if ok else room.polygon, room=name)
        if room.type == "bathroom" and SHOWER_KEY in rules.values:
            for shower in [f for f in fixtures if f.type == "shower"]:
                if not doors:
                    finding(shower.id, "SHOWER_PASSAGE_NO_DOOR", UNKNOWN, None, SHOWER_KEY, shower.footprint, room=name)
                    continue
                floor = free_floor(room, [f.footprint for f in fixtures if f.id != shower.id])
                entry = unary_union(doors)
                width = widest(lambda w: passage_joins(floor, w, shower.footprint, entry), _across(room))
                ok = width >= rules.value(SHOWER_KEY)
                finding(shower.id, "SHOWER_PASSAGE_OK" if ok else "SHOWER_PASSAGE_TOO_NARROW", PASS if ok else FAIL,
                        width, SHOWER_KEY, None if ok else shower.footprint, room=name)
    return findings
