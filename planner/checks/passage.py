"""Free passage: ≥ 0.9 m outside the furniture drawn, in the entrance hall and the rooms for permanent stay, to
every door (TEK17 § 12-7 (4) c, § 12-8 (1)), and in the bathroom from the door to the shower zone (§ 12-9 (1) b)."""
from __future__ import annotations

import numpy as np
import shapely
from shapely.ops import unary_union

from planner.checks.memo import MEMO, MISSING, keys as memo_keys
from planner.checks.reuse import reads
from planner.checks.space import TOLERANCE_MM, door_ways, free_floor, shrunk_each, valid
from planner.model.findings import FAIL, PASS, UNKNOWN, Finding, near_limit
from planner.model.plan import Plan, Room
from planner.rules import Rules

CHECK = "free_passage"
ROOM_KEY, SHOWER_KEY = "free_passage_mm", "shower_passage_mm"


def _across(room: Room) -> int:
    """No passage in a room is wider than the larger side of its bounding box [mm]."""
    minx, miny, maxx, maxy = room.polygon.bounds
    return int(max(maxx - minx, maxy - miny)) + 1


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


def widest_each(ok_many, up_to_mm) -> list[int]:
    """For each item k, what widest(lambda w: ok(k, w), up_to_mm[k]) gives, by the same probes, with the probes of
    all items at one step made together: ok_many(items, widths_mm) -> for each of the items (indices) whether ok
    holds at its width (whole mm). One shapely call for many shapes costs a fraction of as many calls."""
    up = np.asarray(up_to_mm, dtype=np.int64).reshape(-1)
    if not len(up):
        return []
    first = np.asarray(ok_many(np.arange(len(up)), up), dtype=bool)
    low, high = np.zeros(len(up), dtype=np.int64), up.copy()
    while True:
        items = np.flatnonzero(~first & (high - low > 1))
        if not len(items):
            break
        mid = (low[items] + high[items]) // 2
        hit = np.asarray(ok_many(items, mid), dtype=bool)
        low[items[hit]] = mid[hit]
        high[items[~hit]] = mid[~hit]
    return np.where(first, up, low).tolist()


def _pieces(floors: np.ndarray, widths_mm: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The non-empty pieces of each (valid) floor a `width` wide wheelchair's middle can be on, in the order GEOS
    gives them, and the index of the floor each piece is of."""
    parts, which = shapely.get_parts(shrunk_each(floors, widths_mm / 2 - TOLERANCE_MM), return_index=True)
    keep = ~shapely.is_empty(parts)
    return parts[keep], which[keep]


def _reaches_every_door(floors: np.ndarray, doors: list[list], widths_mm: np.ndarray) -> np.ndarray:
    """For each floor, whether the largest piece of it a wheelchair of that width can be on (the first of equal
    largest ones) comes within half the width of each of its doors."""
    parts, which = _pieces(floors, widths_mm)
    ok = np.zeros(len(floors), dtype=bool)
    if not len(parts):
        return ok
    order = np.lexsort((np.arange(len(parts)), -shapely.area(parts), which))
    largest = order[np.r_[True, which[order][1:] != which[order][:-1]]]
    main, of = parts[largest], which[largest]
    pairs = [(k, d) for k, m in enumerate(of) for d in doors[m]]
    reach = widths_mm / 2 + TOLERANCE_MM
    ok[of] = True
    if pairs:
        piece, door = zip(*pairs)
        piece = np.array(piece)
        near = shapely.distance(main[piece], np.array(door, dtype=object)) <= reach[of[piece]]
        ok[of[piece[~near]]] = False
    return ok


def _joins(floors: np.ndarray, a: np.ndarray, b: np.ndarray, widths_mm: np.ndarray) -> np.ndarray:
    """For each floor, passage_joins(floor, width, a, b): one piece of it a wheelchair of that width can be on
    comes within half the width of both a and b."""
    parts, which = _pieces(floors, widths_mm)
    ok = np.zeros(len(floors), dtype=bool)
    if len(parts):
        reach = widths_mm[which] / 2 + TOLERANCE_MM
        both = (shapely.distance(parts, a[which]) <= reach) & (shapely.distance(parts, b[which]) <= reach)
        ok[which[both]] = True
    return ok


def _room_widths(items: list) -> list[int]:
    """The widest passage from each room's main free floor to every one of its doors: items (room, fixture
    footprints, door ways)."""
    floors = np.array([valid(free_floor(room, blocked)) for room, blocked, _ in items] + [None], dtype=object)[:-1]
    doors = [d for _, _, d in items]
    return widest_each(lambda k, w: _reaches_every_door(floors[k], [doors[i] for i in k], w),
                       [_across(room) for room, _, _ in items])


def _shower_widths(items: list) -> list[int]:
    """The widest passage from each bathroom's doors to its shower zone: items (room, footprints of the other
    fixtures, door ways, the shower's footprint)."""
    floors, at, entry = (np.array(x + [None], dtype=object)[:-1] for x in (
        [valid(free_floor(room, blocked)) for room, blocked, _, _ in items], [s for _, _, _, s in items],
        [unary_union(d) for _, _, d, _ in items]))
    return widest_each(lambda k, w: _joins(floors[k], at[k], entry[k], w), [_across(i[0]) for i in items])


def _widths(name: str, items: list, measure) -> list[int]:
    """measure(items), each width from the memo where those inputs (the room's outline, the footprints, the door
    ways and a shower's footprint) were measured before: a width depends on its own item alone, so measuring
    only the others gives the same numbers."""
    keys = memo_keys(name, [(item[0].polygon, *item[1:]) for item in items])
    widths = MEMO.find_all(keys)
    todo = [i for i, w in enumerate(widths) if w is MISSING]
    for i, width in zip(todo, measure([items[i] for i in todo])):
        widths[i] = width
        MEMO.put(keys[i], width)
    return widths


@reads("rooms", "fixtures", "doors.rooms", "doors.way")
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
    pairs = [(d, rooms[rid]) for d in plan.doors for rid in d.rooms if rid in rooms]
    doors_of: dict[str, list] = {}
    for (_, room), way in zip(pairs, door_ways(pairs)):
        doors_of.setdefault(room.id, []).append(way)
    findings = []

    def finding(element, code, status, measured, key, geometry, **params):
        findings.append(Finding(
            check=CHECK, code=code, element=element, status=status, measured=measured, required=rules.value(key),
            rule=rules.clause(key), message_key=f"passage.{code}",
            params={"required": f"{rules.value(key):.0f}", "measured": "" if measured is None else
                    f"{measured:.0f}", **params},
            remeasure=near_limit(measured, rules.value(key), margin), geometry=geometry,
            confidence=rules[key].confidence, rule_values=rules.refs(key, "remeasure_margin_mm")))

    # the rooms and showers to measure, in the order their findings come; each width is taken from the memo
    # (planner/checks/memo.py) where its room, fixtures and doors were measured before, and the rest measured
    # with every bisection at once
    todo, room_items, shower_items = [], [], []
    for room in plan.rooms:
        name = room.name or room.id
        doors = doors_of.get(room.id, [])
        fixtures = fixtures_of.get(room.id, [])
        if room.type in room_types:
            if not doors:
                finding(room.id, "PASSAGE_NO_DOOR", UNKNOWN, None, ROOM_KEY, room.polygon, room=name)
                todo.append(findings.pop())
                continue
            room_items.append((room, [f.footprint for f in fixtures], doors))
            todo.append(("room", room, name))
        if room.type == "bathroom" and SHOWER_KEY in rules.values:
            for shower in [f for f in fixtures if f.type == "shower"]:
                if not doors:
                    finding(shower.id, "SHOWER_PASSAGE_NO_DOOR", UNKNOWN, None, SHOWER_KEY, shower.footprint, room=name)
                    todo.append(findings.pop())
                    continue
                shower_items.append((room, [f.footprint for f in fixtures if f.id != shower.id], doors,
                                     shower.footprint))
                todo.append(("shower", shower, name))
    room_widths = iter(_widths("passage_room", room_items, _room_widths))
    shower_widths = iter(_widths("passage_shower", shower_items, _shower_widths))
    for item in todo:
        if isinstance(item, Finding):
            findings.append(item)
        elif item[0] == "room":
            _, room, name = item
            width = next(room_widths)
            ok = width >= required
            finding(room.id, "PASSAGE_OK" if ok else "PASSAGE_TOO_NARROW", PASS if ok else FAIL, width, ROOM_KEY,
                    None if ok else room.polygon, room=name)
        else:
            _, shower, name = item
            width = next(shower_widths)
            ok = width >= rules.value(SHOWER_KEY)
            finding(shower.id, "SHOWER_PASSAGE_OK" if ok else "SHOWER_PASSAGE_TOO_NARROW", PASS if ok else FAIL,
                    width, SHOWER_KEY, None if ok else shower.footprint, room=name)
    return findings
