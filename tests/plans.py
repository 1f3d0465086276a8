"""A named gallery of small test plans, built in memory from numbers."""
from __future__ import annotations

from planner.editing.builder import door_from_opening, fixture, plan_from_parts
from planner.model.plan import Entrance, Plan, Room


def bathroom(width_mm: float = 2000, depth_mm: float = 2400, fixtures: tuple = (), door_leaf_mm: float = 900,
             door_swings_in: bool = False) -> Plan:
    """A hall with an entrance, and a bathroom east of it; the door to the bathroom is in the shared wall."""
    rooms = [Room.from_rectangle("R1", "Gang", "hall", -3000, 0, 3000, 3000),
             Room.from_rectangle("R2", "Bad", "bathroom", 0, 0, width_mm, depth_mm)]
    doors = [door_from_opening("D1", (-2500, 0), (-1500, 0), 1, rooms),
             door_from_opening("D2", (0, 100), (0, 100 + door_leaf_mm), -1 if door_swings_in else 1, rooms)]
    fx = [fixture(f"F{i + 1}", kind, *box, rooms=rooms, lip_mm=lip) for i, (kind, box, lip) in enumerate(fixtures)]
    return plan_from_parts("test", rooms, doors, fx)


def single_room(kind: str, width_mm: float, depth_mm: float) -> Plan:
    return plan_from_parts("test", [Room.from_rectangle("R1", kind, kind, 0, 0, width_mm, depth_mm)], [], [])


def with_entrance(plan: Plan, rise_mm: float | None, steps: int | None = None) -> Plan:
    return plan.replace(entrance=Entrance(rise_mm=rise_mm, steps=steps, door="D1"))
