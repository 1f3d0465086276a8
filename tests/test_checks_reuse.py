"""A check gives its findings again only when nothing it reads has changed (planner/checks/reuse.py): what each
check reads is what it declares, a change to any declared part is measured again, a change elsewhere is not."""
from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from planner.checks import CHECKS, assess
from planner.checks import reuse
from planner.checks.memo import MEMO
from planner.model.plan import Entrance, Plan
from planner.project.loading import open_path
from planner.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
RULES = load_rules()
# the plan's methods and the fields they read
METHODS = {"room": "rooms", "door": "doors", "fixture": "fixtures", "fixtures_in": "fixtures",
           "doors_of": "doors"}


def _example(name: str) -> Plan:
    return open_path(ROOT / "examples" / f"{name}.tilpass.json").plan


class _Report(dict):
    """An import report that records the entries read."""

    def __init__(self, data: dict, seen: set):
        super().__init__(data)
        self.seen = seen

    def get(self, key, default=None):
        self.seen.add(reuse.REPORT + key)
        return super().get(key, default)

    def __getitem__(self, key):
        self.seen.add(reuse.REPORT + key)
        return super().__getitem__(key)

    def __iter__(self):
        self.seen.add(reuse.REPORT + "*")
        return super().__iter__()

    def items(self):
        self.seen.add(reuse.REPORT + "*")
        return super().items()


class _Element:
    """A room, door, fixture or the entrance, whose every attribute read is recorded as `doors.swing` and so on."""

    def __init__(self, element, collection: str, seen: set):
        object.__setattr__(self, "_element", element)
        object.__setattr__(self, "_collection", collection)
        object.__setattr__(self, "_seen", seen)

    def __getattr__(self, name):
        seen = object.__getattribute__(self, "_seen")
        seen.add(f"{object.__getattribute__(self, '_collection')}.{name}")
        return getattr(object.__getattribute__(self, "_element"), name)


class _Recorded:
    """A plan whose every attribute read is recorded by the part of the plan it reads, and each field read of its
    rooms, doors and fixtures by the field."""

    def __init__(self, plan: Plan):
        object.__setattr__(self, "_plan", plan)
        object.__setattr__(self, "seen", set())

    def _wrapped(self, collection: str, value):
        seen = object.__getattribute__(self, "seen")
        if value is None:
            return None
        if isinstance(value, (tuple, list)):
            return type(value)(_Element(v, collection, seen) for v in value)
        return _Element(value, collection, seen)

    def __getattr__(self, name):
        seen = object.__getattribute__(self, "seen")
        plan = object.__getattribute__(self, "_plan")
        if name == "import_report":
            return _Report(plan.import_report, seen)
        if name in ("rooms", "doors", "fixtures", "entrance"):
            return self._wrapped(name, getattr(plan, name))
        if name in METHODS:
            method = getattr(plan, name)
            return lambda *args: self._wrapped(METHODS[name], method(*args))
        seen.add(name)
        return getattr(plan, name)


def _plans() -> list[Plan]:
    """The examples, with an entrance measured and a report that names regions and a format, so that the checks'
    every branch that reads those is taken."""
    plans = []
    for name in ("accessible-flat", "flat-narrow-bathroom", "house-stepped-entrance"):
        plan = _example(name)
        plans.append(plan)
        plans.append(plan.replace(import_report={**plan.import_report, "format": "roomplan",
                                                 "regions": [{"id": 1}, {"id": 2}]}))
        if plan.entrance is not None:
            plans.append(plan.replace(entrance=replace(plan.entrance, landing_mm=1600.0)))
        # no door known to lead outside: the door checks then look for passages that lead nowhere
        inward = tuple(replace(d, exterior=False, far_side=None) for d in plan.doors)
        plans.append(plan.replace(doors=inward))
        # doors without a leaf drawn, without an opening drawn, and fixtures nobody has looked at
        swingless = tuple(replace(d, swing=None) for d in plan.doors)
        plans.append(plan.replace(doors=swingless))
        plans.append(plan.replace(doors=swingless, import_report={**plan.import_report, "format": "roomplan"}))
        plans.append(plan.replace(doors=tuple(replace(d, opening=None) for d in plan.doors)))
        plans.append(plan.replace(fixtures=tuple(replace(f, lip_mm=None, space_under=None) for f in plan.fixtures)))
        plans.append(plan.replace(doors=inward, entrance=Entrance(rise_mm=40.0, door=plan.doors[0].id)))
    return plans


def _declared_covers(declared: set, seen: str) -> bool:
    """True when reading `seen` (a part, or `doors.swing`) is within what a check declares: the part, the field,
    or a field made of it (reuse.DERIVED)."""
    collection, _, field = seen.partition(".")
    return seen in declared or collection in declared or any(
        f"{collection}.{name}" in declared and field in made_of for name, (made_of, _) in reuse.DERIVED.items())


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_each_check_reads_only_what_it_declares(name):
    check = CHECKS[name]
    declared = set(check.reads)
    for plan in _plans():
        recorded = _Recorded(plan)
        assert check.measure(recorded, RULES) == check.measure(plan, RULES)   # recording changes nothing
        undeclared = {p for p in recorded.seen if not _declared_covers(declared, p)}
        assert not undeclared, f"{name} reads {sorted(undeclared)} but declares {sorted(declared)}"


def test_every_check_declares_what_it_reads():
    for name, check in CHECKS.items():
        assert getattr(check, "reads", None), f"{name} is not decorated with reuse.reads"


def test_the_same_plan_gives_the_same_findings_without_measuring():
    reuse.forget()
    plan = _example("flat-narrow-bathroom")
    first = assess(plan, RULES)
    MEMO.clear()
    hits = MEMO.hits
    again = assess(plan.replace(name="another name"), RULES)   # a part no check reads
    assert again == first
    assert MEMO.hits == hits and len(MEMO) == 0, "a check measured again though nothing it reads changed"


def test_an_entrance_measured_measures_only_the_checks_that_read_the_entrance():
    reuse.forget()
    plan = _example("house-stepped-entrance")
    before = {name: check(plan, RULES) for name, check in CHECKS.items()}
    changed = plan.replace(entrance=replace(plan.entrance or Entrance(), rise_mm=123.0, landing_mm=1400.0))
    after = {name: check(changed, RULES) for name, check in CHECKS.items()}
    for name, check in CHECKS.items():
        given_again = len(after[name]) == len(before[name]) and all(
            a is b for a, b in zip(after[name], before[name]))
        reads_it = any(p in ("entrance", "entrance.rise_mm", "entrance.landing_mm") for p in check.reads)
        assert given_again == (not reads_it) or not before[name], name
        assert after[name] == check.measure(changed, RULES), name


def test_a_changed_door_is_measured_again():
    reuse.forget()
    plan = _example("flat-narrow-bathroom")
    before = {(f.check, f.element): f for f in assess(plan, RULES)}
    door = plan.doors[0]
    changed = plan.replace(doors=(replace(door, clear_width_mm=(door.clear_width_mm or 800.0) + 123.0),
                                  *plan.doors[1:]))
    after = {(f.check, f.element): f for f in assess(changed, RULES)}
    reuse.forget()
    fresh = {(f.check, f.element): f for f in assess(changed, RULES)}
    assert after == fresh
    assert after[("door_clear_width", door.id)].measured == (door.clear_width_mm or 800.0) + 123.0
    assert before[("door_clear_width", door.id)].measured != after[("door_clear_width", door.id)].measured


def test_a_moved_room_and_other_rules_are_measured_again():
    from shapely import affinity
    reuse.forget()
    plan = _example("accessible-flat")
    assess(plan, RULES)
    room = plan.rooms[0]
    moved = plan.replace(rooms=(replace(room, polygon=affinity.translate(room.polygon, 1.0, 0.0)), *plan.rooms[1:]))
    reuse.forget()
    fresh = assess(moved, RULES)
    assess(plan, RULES)
    assert assess(moved, RULES) == fresh
    other = RULES.with_overrides({"turning_circle_diameter_mm": 1600.0})
    reuse.forget()
    fresh_other = assess(plan, other)
    assess(plan, RULES)
    assert assess(plan, other) == fresh_other
    assert fresh_other != assess(plan, RULES)


def test_same_compares_elements_by_value_and_tuples_by_length():
    a = _example("accessible-flat")
    b = _example("accessible-flat")     # read again: equal elements, other objects
    assert a.rooms is not b.rooms and reuse.same(a.rooms, b.rooms)
    assert not reuse.same(a.rooms, a.rooms[:-1])
    assert not reuse.same(a.rooms, (replace(a.rooms[0], name="x"), *a.rooms[1:]))


def test_kept_calls_are_bounded_and_the_lock_holds_under_threads():
    reuse.forget()
    plans = [_example("accessible-flat").replace(rooms=_example("accessible-flat").rooms[:k]) for k in range(1, 4)]
    expected = [assess(p, RULES) for p in plans]
    errors = []

    def run(k):
        try:
            for _ in range(5):
                assert assess(plans[k % len(plans)], RULES) == expected[k % len(plans)]
        except AssertionError as err:
            errors.append(err)
    threads = [threading.Thread(target=run, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for check in CHECKS.values():
        assert len(_kept(check)) <= reuse.KEPT


def _kept(check):
    closure = dict(zip(check.__code__.co_freevars, (c.cell_contents for c in check.__closure__)))
    return closure["kept"]


def _given_again(before: list, after: list) -> bool:
    return bool(before) and len(before) == len(after) and all(a is b for a, b in zip(after, before))


def test_a_door_width_measured_leaves_the_checks_that_read_only_the_leaves_alone():
    reuse.forget()
    plan = _example("flat-narrow-bathroom")
    door = plan.doors[0]
    before = {name: check(plan, RULES) for name, check in CHECKS.items()}
    changed = plan.replace(doors=(replace(door, clear_width_mm=(door.clear_width_mm or 800.0) + 40.0),
                                  *plan.doors[1:]))
    after = {name: check(changed, RULES) for name, check in CHECKS.items()}
    for name in ("turning_circle", "door_side_space", "free_passage", "wc_side_space"):
        assert _given_again(before[name], after[name]) or not before[name], name
    assert not _given_again(before["door_clear_width"], after["door_clear_width"])
    for name, check in CHECKS.items():
        assert after[name] == check.measure(changed, RULES), name


def test_a_door_width_measured_where_no_opening_is_drawn_measures_the_passage_again():
    reuse.forget()
    plan = _example("flat-narrow-bathroom")
    plan = plan.replace(doors=tuple(replace(d, opening=None) for d in plan.doors))   # ways from width and middle
    before = CHECKS["free_passage"](plan, RULES)
    door = plan.doors[0]
    changed = plan.replace(doors=(replace(door, clear_width_mm=(door.clear_width_mm or 800.0) - 300.0),
                                  *plan.doors[1:]))
    after = CHECKS["free_passage"](changed, RULES)
    assert before and not _given_again(before, after)
    assert after == CHECKS["free_passage"].measure(changed, RULES)
