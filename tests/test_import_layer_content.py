"""Layer roles from what a layer holds as well as its name: axis grids are never walls, gross/net area outlines
are never rooms, text-only layers are annotation (planner/importers/layer_content.py, rooms.area_outlines)."""
from __future__ import annotations

import numpy as np
import pytest

from planner.i18n import render
from planner.importers import read_dxf
from planner.importers.layer_content import is_axis_grid
from planner.importers.layers import guess_role
from tests import dxf_factory as F
from tests.test_import_dxf import check_flat


def grid(bays_x, bays_y, span=20_000.0):
    """Axis lines (mm) at the given bays in x and y, each as long as span."""
    xs, ys = np.cumsum([0, *bays_x]), np.cumsum([0, *bays_y])
    return np.array([[x, -1000, x, span] for x in xs] + [[-1000, y, span, y] for y in ys], dtype=float)


@pytest.mark.parametrize("bays, is_grid", [((3600, 4800, 6000), True), ((1000, 3000), True), ((999, 1200), False),
                                           ((2000, 6000), True), ((2000, 6001), False)])
def test_axis_grid_at_the_limits_of_its_bays(bays, is_grid):
    assert is_axis_grid(grid(bays, bays), 21_000) is is_grid


def test_short_lines_are_no_axis_grid():
    seg = grid((3600, 4800), (3600, 4800))
    seg[:, 3] = np.where(seg[:, 0] == seg[:, 2], seg[:, 1] + 2000, seg[:, 3])   # the x axes now 2 m long
    assert not is_axis_grid(seg, 21_000)


@pytest.mark.parametrize("name", ["AXIS", "A-GRID", "S-GRID", "轴线", "軸線", "Achse", "_0-1_基準線"])
def test_axis_layer_names(name):
    role, why = guess_role(name)
    assert role == "ignore" and "axis" in render(why, "en")


@pytest.mark.parametrize("name", ["GIA", "NIA", "A-AREA-GROS", "BRA", "BTA", "Area scheme 1", "GROSS AREA"])
def test_area_outline_layer_names_are_never_rooms(name):
    assert guess_role(name)[0] == "ignore"


def unnamed_walls_flat(*, grid_layer=None, linetype=None):
    """The gallery flat with its walls and doors on layer L1 (no layer named for walls), and perhaps an axis
    grid on another unnamed layer."""
    doc = F.flat("mm", outlines=False, walls=False, door_style="none")
    doc.layers.remove("A-WALL")
    doc.layers.add("L1")
    msp = doc.modelspace()
    F.add_walls(msp, F.FLAT_ROOMS, F.FLAT_DOORS, layer="L1")
    for hinge, closed, side in F.FLAT_DOORS:
        F.add_door_arc(msp, hinge, closed, side, layer="L1")
    if grid_layer:
        doc.layers.add(grid_layer, linetype=linetype or "Continuous")
        for x1, y1, x2, y2 in grid((2000, 2000), (2000, 2000), span=4200.0) - [0, 0, 0, 0]:
            msp.add_line((x1 - 300, y1 - 300), (x2 - 300, y2 - 300), dxfattribs={"layer": grid_layer})
    return doc


def test_the_flat_reads_with_walls_on_an_unnamed_layer():
    check_flat(read_dxf(F.to_bytes(unnamed_walls_flat())).plan)


def test_an_axis_grid_on_an_unnamed_layer_is_not_read_as_walls():
    result = read_dxf(F.to_bytes(unnamed_walls_flat(grid_layer="L2")))
    assert result.report["layers"]["L2"] == "ignore"
    assert "axis" in result.report["layer_reasons"]["L2"]
    check_flat(result.plan)


def test_a_layer_in_a_centre_linetype_is_axis_lines():
    doc = unnamed_walls_flat(grid_layer="L3", linetype="CENTER")
    doc.linetypes.add("CENTER", pattern=[2.0, 1.25, -0.25, 0.25, -0.25])
    result = read_dxf(F.to_bytes(doc))
    assert result.report["layers"]["L3"] == "ignore"
    assert "CENTER" in result.report["layer_reasons"]["L3"]


def test_an_outline_around_the_whole_flat_is_no_room():
    doc = F.flat("mm")
    doc.modelspace().add_lwpolyline([(0, 0), (4000, 0), (4000, 4000), (0, 4000)], close=True,
                                    dxfattribs={"layer": "A-AREA"})
    result = read_dxf(F.to_bytes(doc))
    check_flat(result.plan)
    assert result.report["dropped"]["imp.dropped.area_outline"] == 1


def test_a_gross_area_outline_on_a_room_layer_across_the_walls_gives_way_to_the_walls():
    doc = F.flat("mm", outlines=False)
    doc.modelspace().add_lwpolyline([(-100, -100), (4100, -100), (4100, 4100), (-100, 4100)], close=True,
                                    dxfattribs={"layer": "A-AREA"})
    result = read_dxf(F.to_bytes(doc))
    assert result.report["found"]["rooms"] == 3 and result.report["dropped"]["imp.dropped.area_outline"] == 1


def test_a_layer_of_texts_alone_is_annotation():
    doc = F.flat("mm")
    doc.layers.add("T7")
    doc.modelspace().add_text("Tegnet av NN", dxfattribs={"layer": "T7", "insert": (0, -800)})
    result = read_dxf(F.to_bytes(doc))
    assert result.report["layers"]["T7"] == "labels"
    assert "texts" in result.report["layer_reasons"]["T7"]
