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


class _Recorded:
    """A plan whose every attribute read is recorded by the part of the plan it reads."""

    def __init__(self, plan: Plan):
        object.__setattr__(self, "_plan", plan)
        object.__setattr__(self, "seen", set())

    def __getattr__(self, name):
        seen = object.__getattribute__(self, "seen")
        plan = object.__getattribute__(self, "_plan")
        if name == "import_report":
            return _Report(plan.import_report, seen)
        seen.add(METHODS.get(name, name))
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
        plans.append(plan.replace(doors=inward, entrance=Entrance(rise_mm=40.0, door=plan.doors[0].id)))
    return plans


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_each_check_reads_only_what_it_declares(name):
    check = CHECKS[name]
    declared = set(check.reads)
    for plan in _plans():
        recorded = _Recorded(plan)
        check.measure(recorded, RULES)
        undeclared = recorded.seen - declared
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
        assert given_again == ("entrance" not in check.reads) or not before[name], name
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
