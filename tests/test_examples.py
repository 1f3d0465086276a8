"""The example plans tell the stories the README promises, and the committed files match their script."""
from pathlib import Path

import pytest

from examples.make_examples import EXAMPLES, example_files
from planner.checks import assess, summary
from planner.project.file import loads_project
from planner.rules import load_rules

HERE = Path(__file__).resolve().parents[1] / "examples"
RULES = load_rules()


def _findings(name):
    plan, problems = loads_project((HERE / f"{name}.tilpass.json").read_bytes()).measured_plan()
    assert problems == []
    return plan, assess(plan, RULES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_committed_example_files_match_the_script(name):
    for filename, data in example_files()[name].items():
        committed = (HERE / filename).read_bytes()
        if filename.endswith(".dxf"):  # the header carries save times and GUIDs; the drawing itself must match
            committed, data = _entities(committed), _entities(data)
        assert committed == data, f"run `python -m examples.make_examples` ({filename})"


def _entities(dxf: bytes) -> bytes:
    start = dxf.index(b"ENTITIES")
    return dxf[start:dxf.index(b"ENDSEC", start)]


def test_flat_has_a_narrow_bathroom_door_and_only_a_bathtub():
    plan, findings = _findings("flat-narrow-bathroom")
    bath = next(r for r in plan.rooms if r.type == "bathroom")
    door = next(d for d in plan.doors if bath.id in d.rooms)
    width = next(f for f in findings if f.check == "door_clear_width" and f.element == door.id)
    shower = next(f for f in findings if f.check == "step_free_shower" and f.element == bath.id)
    assert width.status == "fail" and width.measured < 760
    assert shower.code == "BATH_ONLY"


def test_house_has_a_stepped_entrance_with_a_known_rise():
    plan, findings = _findings("house-stepped-entrance")
    entrance = next(f for f in findings if f.check == "step_free_entrance")
    assert entrance.status == "fail" and plan.entrance.rise_mm == 350 and plan.entrance.steps == 2


def test_accessible_flat_passes_everything():
    _, findings = _findings("accessible-flat")
    assert summary(findings) == {"pass": len(findings), "fail": 0, "unknown": 0}
