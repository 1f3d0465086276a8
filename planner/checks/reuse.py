"""A check's findings again when nothing it reads has changed.

Each check says which parts of the plan it reads (`@reads("rooms", "fixtures", "doors.swing")`): the plan's fields
by name, `doors.swing` for one field of each of the plan's doors (or rooms, fixtures, or of its entrance),
`doors.way` for what a door way is made of (`DERIVED`), and `report:KEY` for one entry of its import report.
Called with a plan whose parts are those of an earlier call and with the same rules, it gives that call's
findings again (in a new list) without measuring anything.

The contract:

- **Same means the same values.** A part is the same when it is the very same object, or, for a tuple of plan
  elements, the same number of elements each the very same object or equal to it (frozen dataclasses compare
  field by field, geometry coordinate by coordinate) — in the fields the check reads of them, where it names
  them; the rules are the same object or equal. A door's width measured makes that door a new object with a new
  width: the checks that read door widths measure again (their geometry then comes from the checks' memo,
  `planner/checks/memo.py`), and a check that reads only the doors' leaves and rooms, the turning space say,
  gives its findings again at once, as every check that does not read the entrance does after an entrance step
  was measured.
- **What a check reads is what it says.** A test runs every check on plans whose every attribute access is
  recorded and fails when a check reads a part it does not declare (`tests/test_checks_reuse.py`).
- **Everything held is frozen**: plans, their elements, rules and findings cannot change after they are made,
  so a finding given again is the finding that would be made again.
- **Bounded and thread-safe**: each check keeps its last `KEPT` calls (the sessions of one server share them, a
  few plans open at once), behind one lock; the check itself runs outside it.
"""
from __future__ import annotations

import functools
import threading
from collections import deque
from typing import Any, Callable

from planner.checks.space import has_opening
from planner.model.findings import Finding
from planner.model.plan import Plan
from planner.rules import Rules

KEPT = 4          # calls kept per check: a few sessions with different plans open at once
REPORT = "report:"


def _way(door) -> tuple:
    """What space.door_way reads of a door: its opening, and only where none is drawn its middle and clear width."""
    return (door.opening,) if has_opening(door) else (door.opening, door.position, door.clear_width_mm)


# Fields made of others, compared by what the check reads of them: (the fields they are read from, the value)
DERIVED: dict[str, tuple[tuple[str, ...], Callable[[Any], Any]]] = {
    "way": (("opening", "position", "clear_width_mm"), _way),
}


def part_of(plan: Plan, name: str) -> Any:
    """The part `name` of the plan: a field, or `report:KEY` for an entry of the import report."""
    if name.startswith(REPORT):
        return (plan.import_report or {}).get(name[len(REPORT):])
    return getattr(plan, name)


def same(a: Any, b: Any, fields: tuple[str, ...] = ()) -> bool:
    """True when a and b are the same object or equal; tuples element by element, each the same or equal — in
    `fields` only, where given."""
    if a is b:
        return True
    if isinstance(a, tuple) and isinstance(b, tuple):
        if len(a) != len(b):
            return False
        if fields:
            return all(x is y or _same_fields(x, y, fields) for x, y in zip(a, b))
        return all(x is y or _equal(x, y) for x, y in zip(a, b))
    if fields:      # one element (the entrance), or None
        return a is not None and b is not None and _same_fields(a, b, fields)
    return _equal(a, b)


def _same_fields(x: Any, y: Any, fields: tuple[str, ...]) -> bool:
    return all(_equal(_field(x, f), _field(y, f)) for f in fields)


def _field(element: Any, name: str) -> Any:
    return DERIVED[name][1](element) if name in DERIVED else getattr(element, name)


def _equal(a: Any, b: Any) -> bool:
    if a is b:
        return True
    try:
        return bool(a == b)
    except Exception:    # a value that cannot say (an array's truth): not known to be the same, so not reused
        return False


def _parts(parts: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """(part of the plan, the fields read of each of its elements, () for all of them), in the order declared."""
    whole = [p for p in parts if "." not in p]
    out: dict[str, tuple[str, ...]] = {p: () for p in whole}
    for p in parts:
        if "." in p and not p.startswith(REPORT):
            collection, field = p.split(".", 1)
            if collection not in whole:
                out[collection] = (*out.get(collection, ()), field)
    return list(out.items())


def reads(*parts: str) -> Callable:
    """Decorate check(plan, rules) -> findings, which reads only these parts of the plan (see the module's
    contract), to give its findings again for the same parts and rules."""
    spec = _parts(parts)

    def wrap(check: Callable[[Plan, Rules], list[Finding]]) -> Callable[[Plan, Rules], list[Finding]]:
        kept: deque = deque(maxlen=KEPT)
        lock = threading.Lock()
        _CLEARS.append(kept.clear)

        @functools.wraps(check)
        def checked(plan: Plan, rules: Rules) -> list[Finding]:
            inputs = tuple(part_of(plan, name) for name, _ in spec)
            with lock:
                held = list(kept)
            for held_inputs, held_rules, findings in reversed(held):
                if same(held_rules, rules) and all(
                        same(x, y, fields) for x, y, (_, fields) in zip(held_inputs, inputs, spec)):
                    return list(findings)
            findings = check(plan, rules)
            with lock:
                kept.append((inputs, rules, tuple(findings)))
            return findings
        checked.reads = parts
        checked.measure = check   # the check itself, never given again: for the tests of what it reads
        return checked
    return wrap


def forget() -> None:
    """Nothing kept: each decorated check measures again on its next call (the benchmark's first readings)."""
    for clear in _CLEARS:
        clear()


_CLEARS: list[Callable[[], None]] = []
