"""The plan as DXF for a contractor's CAD, with the findings on layers of their own: read back with ezdxf, and
read back by Tilpass itself as the same plan (the findings layers are ignored)."""
from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import ezdxf
import pytest

from costing.report import entrance_works
from planner.checks import assess
from planner.output.dxf_export import (DIMENSIONS_LAYER, DOOR_FAIL_LAYER, FINDINGS_LAYER, TURNING_LAYER, WORKS_LAYER,
                                plan_to_dxf_bytes)
from planner.importers import read_dxf
from planner.project.file import loads_project
from planner.rules import load_rules

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NAMES = sorted(p.name.removesuffix(".tilpass.json") for p in EXAMPLES.glob("*.tilpass.json"))


def _export(name: str):
    project = loads_project((EXAMPLES / f"{name}.tilpass.json").read_bytes())
    plan, _ = project.measured_plan()
    findings = assess(plan, load_rules(project.standard))
    data = plan_to_dxf_bytes(plan, findings, "nb", entrance_works(plan, findings, {}))
    return plan, findings, data, ezdxf.read(io.StringIO(data.decode("utf-8")))


@pytest.mark.parametrize("name", NAMES)
def test_findings_layers_read_back(name):
    plan, findings, _, doc = _export(name)
    entities = Counter((e.dxf.layer, e.dxftype()) for e in doc.modelspace())
    turning = [f for f in findings if f.check == "turning_circle" and f.geometry is not None]
    assert sum(n for (layer, kind), n in entities.items() if layer == TURNING_LAYER and kind != "TEXT") == \
        sum(len(getattr(f.geometry, "geoms", [f.geometry])) for f in turning)
    failing_doors = {f.element for f in findings if f.status == "fail" and plan.door(f.element) is not None}
    at_doors = [f for f in findings if f.status == "fail" and (plan.door(f.element) is not None
                                                               or f.check == "step_free_entrance")]
    assert entities[(DOOR_FAIL_LAYER, "CIRCLE")] == len(at_doors)   # a stepped entrance rings its door
    assert entities[(FINDINGS_LAYER, "MTEXT")] == sum(1 for f in findings if f.status != "pass")
    assert entities[(DIMENSIONS_LAYER, "DIMENSION")] >= len(plan.rooms)
    texts = " ".join(e.text for e in doc.modelspace().query("MTEXT"))
    for door in failing_doors:
        assert f"{door}: " in texts
    for layer in (TURNING_LAYER, DOOR_FAIL_LAYER, FINDINGS_LAYER, DIMENSIONS_LAYER):
        assert layer in doc.layers


def test_a_room_dimension_is_the_rooms_inner_size():
    plan, _, _, doc = _export("accessible-flat")
    measured = sorted(round(d.get_measurement()) for d in doc.modelspace().query("DIMENSION"))
    room = plan.rooms[0].polygon.bounds
    assert round(room[2] - room[0]) in measured and round(room[3] - room[1]) in measured


def test_the_ramp_is_drawn_outside_the_stepped_entrance():
    plan, _, _, doc = _export("house-stepped-entrance")
    outlines = doc.modelspace().query(f'LWPOLYLINE[layer=="{WORKS_LAYER}"]')
    assert len(outlines) >= 2    # the level area at the door and the ramp
    from shapely.geometry import Polygon
    for outline in outlines:
        piece = Polygon([p[:2] for p in outline.get_points()])
        assert not any(r.polygon.buffer(-1).intersects(piece) for r in plan.rooms)


@pytest.mark.parametrize("name", NAMES)
def test_the_exported_plan_reads_back_as_the_same_plan(name):
    plan, _, data, _ = _export(name)
    again = read_dxf(data, name=f"{name}.dxf").plan
    assert (len(again.rooms), len(again.doors), len(again.fixtures)) == \
        (len(plan.rooms), len(plan.doors), len(plan.fixtures))
