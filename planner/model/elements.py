"""Which rooms a finding is about: the room itself, a fixture's room, or the room a door leads into."""
from __future__ import annotations

from planner.model.findings import Finding
from planner.model.plan import Plan

# Rooms a passage is made through: a door between one of these and another room belongs to the other room.
CIRCULATION = frozenset({"hall", "common", "other", "storage"})


def rooms_of(finding: Finding, plan: Plan) -> list[str]:
    """The ids of the rooms a finding is about (none for the entrance or the whole plan)."""
    if plan.room(finding.element) is not None:
        return [finding.element]
    fixture = plan.fixture(finding.element)
    if fixture is not None:
        return [fixture.room] if fixture.room else []
    door = plan.door(finding.element)
    if door is not None:
        rooms = [r for r in door.rooms if plan.room(r) is not None]
        inner = [r for r in rooms if plan.room(r).type not in CIRCULATION]
        return inner or rooms
    return []
