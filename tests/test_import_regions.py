"""Several plans in one file, layer roles given by the user, and transformed (nested, mirrored) drawings."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.importers import read_dxf
from planner.model.plan import PlanError
from tests import dxf_factory as F


def two_flats(offset_mm: float = 20_000):
    doc = F.flat()
    msp = doc.modelspace()
    first = len(msp)
    F.flat(doc=doc, fixtures=False)
    for e in list(msp)[first:]:
        e.translate(offset_mm, 0, 0)
    return doc


def test_two_plans_side_by_side_are_two_regions():
    data = F.to_bytes(two_flats())
    result = read_dxf(data)
    assert [r["index"] for r in result.report["regions"]] == [1, 2]
    assert len(result.plan.rooms) == 3 and any("--region" in w for w in result.report["warnings"])
    right = read_dxf(data, region=2).plan
    assert len(right.rooms) == 3 and all(r.polygon.bounds[0] >= 19_000 for r in right.rooms)
    with pytest.raises(PlanError, match="no region 3"):
        read_dxf(data, region=3)


def test_layer_roles_given_by_the_user_win():
    doc = F.flat(outlines=False)
    for e in doc.modelspace():
        if e.dxf.layer == "A-WALL":
            e.dxf.layer = "STUFF-17"
    data = F.to_bytes(doc)
    result = read_dxf(data, layer_roles={"STUFF-17": "walls"})
    assert len(result.plan.rooms) == 3 and result.report["layers"]["STUFF-17"] == "walls"
    with pytest.raises(PlanError, match="not one of"):
        read_dxf(data, layer_roles={"STUFF-17": "furniture"})


@pytest.mark.parametrize("rotation, xscale", [(0, 1), (90, 1), (37, 1), (0, -1), (180, -1)])
def test_plan_inside_a_rotated_or_mirrored_block(rotation, xscale):
    doc = F.new_doc("mm")
    block = doc.blocks.new("PLAN")
    F.flat(space=block, doc=doc, door_style="block")
    doc.modelspace().add_blockref("PLAN", (5000, 5000), dxfattribs={"rotation": rotation, "xscale": xscale})
    plan = read_dxf(F.to_bytes(doc)).plan
    assert sorted(r.name for r in plan.rooms) == ["Bad", "Gang", "Soverom"]
    assert sorted(round(d.leaf_width_mm) for d in plan.doors) == [800, 900, 900]
    assert sum(d.exterior for d in plan.doors) == 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(-30, 30), st.integers(-30, 30), st.integers(1, 12), st.integers(1, 12)),
                min_size=1, max_size=60))
def test_raster_groups_of_grid_boxes_are_the_pairwise_groups(rects):
    """GridBlobs (runs on a raster) and _blobs (overlapping pairs) part grid boxes alike: overlap or a shared
    stretch of edge joins, a shared corner does not."""
    from planner.importers.regions import GridBlobs, _blobs
    grid = np.array([(x, y, x + w, y + h) for x, y, w, h in rects], dtype=float)
    grid = np.unique(grid, axis=0)
    raster = GridBlobs.build(grid)
    boxes, group = _blobs(grid)
    same_pair = group[:, None] == group[None, :]
    same_raster = raster.box_blob[:, None] == raster.box_blob[None, :]
    assert np.array_equal(same_pair, same_raster)
    # every cell of a box answers that box's group
    centres = grid[:, :2]
    assert np.array_equal(raster.at(centres), raster.box_blob)
