"""Regions split at gaps of about 4 m (docs/dxf.md), and what lies inside a plan's drawn extent stays with it."""
from __future__ import annotations

import pytest

from planner.importers import read_dxf
from tests import dxf_factory as F

FLAT_WIDTH = 4000
# the flat with a 14 x 12 m garage beside it: the garage's name is 6 m and more from every wall
GARAGE = ("Garasje", FLAT_WIDTH, 0, 14_000, 12_000)


def shifted(doc, build, dx: float) -> None:
    """Draw build(doc) into doc's model space, moved dx to the right."""
    msp = doc.modelspace()
    first = len(msp)
    build(doc)
    for e in list(msp)[first:]:
        e.translate(dx, 0, 0)


def flat_with_garage(doc):
    msp = doc.modelspace()
    F.flat(doc=doc, fixtures=False, outlines=False)
    F.add_walls(msp, [GARAGE], [])
    _, x, y, w, d = GARAGE
    msp.add_text("Garasje", height=150, dxfattribs={"layer": "A-AREA-IDEN", "insert": (x + w / 2, y + d / 2)})
    return doc


def placed(doc, origin: float) -> bytes:
    """The file with the whole drawing moved origin to the right and up: wherever a grid falls, the gap counts."""
    for e in doc.modelspace():
        e.translate(origin, origin, 0)
    return F.to_bytes(doc)


# at 100, 1234 and 1900 a grid of half the gap (2 m) joined the two flats; at 0 it happened not to
ORIGINS = [0, 100, 1234, 1900]


@pytest.mark.parametrize("origin", ORIGINS)
def test_two_small_plans_6_m_apart_are_two_regions(origin):
    doc = F.flat()
    shifted(doc, lambda d: F.flat(doc=d, fixtures=False), FLAT_WIDTH + 6000)
    data = placed(doc, origin)
    result = read_dxf(data)
    assert [r["index"] for r in result.report["regions"]] == [1, 2]
    assert len(result.plan.rooms) == 3
    assert all(r.polygon.bounds[2] <= origin + FLAT_WIDTH for r in result.plan.rooms)
    right = read_dxf(data, region=2).plan
    assert sorted(r.name for r in right.rooms) == ["Bad", "Gang", "Soverom"]
    assert all(r.polygon.bounds[0] >= origin + FLAT_WIDTH + 6000 for r in right.rooms)


@pytest.mark.parametrize("origin", ORIGINS)
def test_a_label_inside_a_large_room_stays_with_its_plan(origin):
    doc = flat_with_garage(F.new_doc("mm"))
    garage_right = GARAGE[1] + GARAGE[3]
    shifted(doc, lambda d: F.flat(doc=d, fixtures=False), garage_right + 6000)   # another plan 6 m away
    data = placed(doc, origin)
    result = read_dxf(data, region=1)
    assert len(result.report["regions"]) == 2
    rooms = {r.name: r for r in result.plan.rooms}
    assert {"Gang", "Bad", "Soverom", "Garasje"} <= set(rooms)
    assert round(rooms["Garasje"].polygon.area / 1e6) == 168
    other = read_dxf(data, region=2).plan
    assert sorted(r.name for r in other.rooms) == ["Bad", "Gang", "Soverom"]


def test_a_wing_far_smaller_than_the_main_plan_is_a_region_not_dropped():
    """45 wall pieces beside 1 200: under 5 % of the largest, but enough walls to hold rooms."""
    import numpy as np

    from planner.importers.extract import Primitives
    from planner.importers.regions import find_regions
    main = [(x * 500.0, y * 500.0, x * 500.0 + 400, y * 500.0) for x in range(40) for y in range(30)]
    wing = [(100_000 + x * 500.0, y * 500.0, 100_000 + x * 500.0 + 400, y * 500.0) for x in range(9) for y in range(5)]
    segs = np.array(main + wing)
    p = Primitives(seg=segs, seg_layer=["A-WALL"] * len(segs), seg_group=[-1] * len(segs))
    regions, member = find_regions(p, gap_mm=4000, counts=np.ones(len(segs)))
    assert sorted(r.entity_count for r in regions) == [45, 1200]
    stray = Primitives(seg=np.array(main + wing[:10]), seg_layer=["A-WALL"] * 1210, seg_group=[-1] * 1210)
    assert len(find_regions(stray, gap_mm=4000, counts=np.ones(1210))[0]) == 1  # ten marks stay out
