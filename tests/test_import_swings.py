"""Door swings told by their geometry: an arc with a leaf from its centre, of a size that fits the drawing — not
hinge or frame arcs, door knobs, desk curves or arcs in furniture blocks (planner/importers/swings.py)."""
from __future__ import annotations

import math

import numpy as np
import pytest

from planner.importers import UnitsUnknownError, read_dxf
from planner.importers.extract import Primitives
from planner.importers.swings import (REJ_FAMILY, REJ_LAYER, REJ_NO_LEAF, REJ_SCALE, REJ_SWEEP, families,
                                      sort_swings)
from tests import dxf_factory as F
from tests.test_import_dxf import check_flat


def arcs(rows, seg=()):
    """Primitives with arcs (cx, cy, r, start°, end°) on layer 0 and segments (x1, y1, x2, y2)."""
    out = []
    for cx, cy, r, a0, a1 in rows:
        am = (a0 + a1) / 2
        out.append([cx, cy, *(v for a in (a0, am, a1) for v in (cx + r * math.cos(math.radians(a)),
                                                                 cy + r * math.sin(math.radians(a))))])
    seg = np.array(seg, dtype=float).reshape(-1, 4)
    return Primitives(seg=seg, seg_layer=[None] * len(seg), seg_group=[-1] * len(seg),
                      arc=np.array(out, dtype=float).reshape(-1, 8), arc_layer=[None] * len(out),
                      arc_group=[-1] * len(out))


def leaf(cx, cy, r, angle_deg):
    return (cx, cy, cx + r * math.cos(math.radians(angle_deg)), cy + r * math.sin(math.radians(angle_deg)))


ROLES = {"0": "walls"}


@pytest.mark.parametrize("length, is_swing", [(0.74, False), (0.75, True), (1.0, True), (1.2, True), (1.21, False)])
def test_a_leaf_is_as_long_as_the_radius(length, is_swing):
    p = arcs([(0, 0, 800, 0, 90)], [leaf(0, 0, 800 * length, 90)])
    s = sort_swings(p, ROLES, 8000)
    assert len(s.doors) == int(is_swing)
    assert s.rejected.get(REJ_NO_LEAF, 0) == int(not is_swing)


@pytest.mark.parametrize("sweep, kept", [(14, False), (15, True), (90, True), (135, True), (136, False)])
def test_sweep_at_the_limits(sweep, kept):
    p = arcs([(0, 0, 800, 0, sweep)], [leaf(0, 0, 800, sweep)])
    s = sort_swings(p, ROLES, 8000)
    assert len(s.doors) == int(kept) and s.rejected.get(REJ_SWEEP, 0) == int(not kept)


@pytest.mark.parametrize("extent, kept", [(2900, False), (3000, True), (240_000, True), (241_000, False)])
def test_a_swing_fits_the_drawing_at_the_limits(extent, kept):
    p = arcs([(0, 0, 800, 0, 90)], [leaf(0, 0, 800, 90)])
    s = sort_swings(p, ROLES, extent)
    assert len(s.doors) == int(kept) and s.rejected.get(REJ_SCALE, 0) == int(not kept)


def test_arcs_on_furniture_layers_are_no_swings():
    p = arcs([(0, 0, 800, 0, 90)], [leaf(0, 0, 800, 90)])
    s = sort_swings(p, {"0": "fixtures"}, 8000)
    assert not len(s.doors) and s.rejected[REJ_LAYER] == 1


def test_families_split_where_radii_jump():
    radii = np.array([30.0, 800, 32, 900, 1000, 35])
    assert sorted(sorted(radii[f].tolist()) for f in families(radii)) == [[30, 32, 35], [800, 900, 1000]]


def test_many_hinge_arcs_with_leaves_do_not_outvote_three_door_swings():
    hinges = [(x * 300.0, 0, 30, 0, 90) for x in range(20)]
    doors = [(x * 3000.0, 5000, 850, 0, 90) for x in range(3)]
    seg = [leaf(cx, cy, r, 90) for cx, cy, r, _, _ in hinges + doors]
    s = sort_swings(arcs(hinges + doors, seg), ROLES, 12_000)
    assert s.radii.tolist() == [850, 850, 850]
    assert s.rejected[REJ_SCALE] == 20


def test_a_second_family_of_swings_door_sized_in_another_unit_is_counted_apart():
    # 60 units: 600 mm doors in centimetres, where the drawing would be 120 m wide; 850: doors in millimetres
    rows = [(x * 2000.0, 0, 850, 0, 90) for x in range(5)] + [(x * 250.0, 4000, 60, 0, 90) for x in range(40)]
    s = sort_swings(arcs(rows, [leaf(cx, cy, r, 90) for cx, cy, r, _, _ in rows]), ROLES, 12_000)
    assert len(s.doors) == 5 and s.rejected[REJ_FAMILY] == 40
    assert [(f["count"], f["fits_drawing"]) for f in s.to_dict()["families"]] == [(40, True), (5, True)]


def test_narrow_and_wide_doors_are_one_family_of_doors():
    rows = [(x * 2000.0, 0, 600, 0, 90) for x in range(5)] + [(x * 2000.0, 4000, 1250, 0, 90) for x in range(2)]
    s = sort_swings(arcs(rows, [leaf(cx, cy, r, 90) for cx, cy, r, _, _ in rows]), ROLES, 12_000)
    assert len(s.doors) == 7 and not s.rejected


def hinge_details(doc, k=1.0, layer="A-DOOR"):
    """Thirty hinge/frame arcs of 30 mm with their little leaves, on the door layer."""
    msp = doc.modelspace()
    for n in range(30):
        F.add_door_arc(msp, (100 + n * 120, 3900), (130 + n * 120, 3900), 1, k=k, layer=layer)


def test_hinge_arcs_do_not_make_a_unitless_plan_inches():
    doc = F.flat(None)
    hinge_details(doc)
    with pytest.raises(UnitsUnknownError) as err:
        read_dxf(F.to_bytes(doc))
    assert err.value.guess == "mm"
    result = read_dxf(F.to_bytes(doc), units="mm")
    check_flat(result.plan)
    assert result.report["swings"]["rejected"][REJ_FAMILY] == 30


def test_door_knob_blocks_are_no_doors():
    doc = F.flat("mm")
    knob = doc.blocks.new("DOOR KNOB")
    knob.add_arc((0, 0), 30, 0, 90)
    knob.add_line((0, 0), (0, 30))
    for n in range(50):
        doc.modelspace().add_blockref("DOOR KNOB", (200 + n * 70, 3800), dxfattribs={"layer": "A-DOOR"})
    check_flat(read_dxf(F.to_bytes(doc)).plan)


def test_desk_curves_in_a_furniture_block_are_no_doors():
    doc = F.flat("mm")
    desk = doc.blocks.new("WORKSTATION-CURVED")
    desk.add_arc((0, 0), 800, 0, 90)
    desk.add_line((0, 0), (800, 0))
    desk.add_line((0, 0), (0, 800))
    for x, y in ((2200, 2300), (3000, 2300), (2200, 3000)):
        doc.modelspace().add_blockref(desk.name, (x, y))
    check_flat(read_dxf(F.to_bytes(doc)).plan)


def test_loose_desk_curves_without_a_leaf_are_no_doors():
    doc = F.flat("mm")
    msp = doc.modelspace()
    for x in (2300, 3100):
        msp.add_arc((x, 2800), 700, 0, 90)       # a desk's rounded corner: tangent lines, none from the centre
        msp.add_line((x + 700, 2800), (x + 700, 2300))
    result = read_dxf(F.to_bytes(doc))
    check_flat(result.plan)
    assert result.report["swings"]["rejected"][REJ_NO_LEAF] == 2


def test_a_leaf_drawn_as_a_rectangle_makes_a_swing():
    doc = F.flat("mm", walls=True)
    # replace the entrance's leaf line by a 40 mm thick leaf rectangle (the leaf stands open along +y)
    msp = doc.modelspace()
    for e in list(msp.query("LINE[layer=='A-DOOR']")):
        if e.dxf.start.isclose((300, 0, 0)):
            msp.delete_entity(e)
    msp.add_lwpolyline([(300, 0), (300, 900), (340, 900), (340, 0)], close=True, dxfattribs={"layer": "A-WALL"})
    result = read_dxf(F.to_bytes(doc))
    assert result.report["swings"]["door_swings"] == 3


def _exploded(doc, pieces: int, kind: str = "LWPOLYLINE", wobble: float = 0.0) -> None:
    """Every arc of the drawing replaced by an open polyline of `pieces` straight pieces through it (each vertex
    moved wobble × the radius off the circle, every other one out), as exports and converters draw arcs."""
    msp = doc.modelspace()
    for arc in list(msp.query("ARC")):
        (cx, cy, _), r = arc.dxf.center, arc.dxf.radius
        a0, a1 = math.radians(arc.dxf.start_angle), math.radians(arc.dxf.end_angle)
        a1 = a1 if a1 > a0 else a1 + 2 * math.pi
        pts = [(cx + r * (1 + wobble * (-1) ** k) * math.cos(a0 + (a1 - a0) * k / pieces),
                cy + r * (1 + wobble * (-1) ** k) * math.sin(a0 + (a1 - a0) * k / pieces)) for k in range(pieces + 1)]
        if kind == "LWPOLYLINE":
            msp.add_lwpolyline(pts, dxfattribs={"layer": arc.dxf.layer})
        else:
            msp.add_polyline2d(pts, dxfattribs={"layer": arc.dxf.layer})
        msp.delete_entity(arc)


@pytest.mark.parametrize("pieces, kind", [(12, "LWPOLYLINE"), (6, "POLYLINE"), (40, "LWPOLYLINE")])
def test_a_swing_drawn_as_straight_pieces_is_a_swing(pieces, kind):
    """Converted and exported drawings draw arcs as polylines of short straight pieces: the flat reads the same."""
    doc = F.flat("mm")
    _exploded(doc, pieces, kind)
    result = read_dxf(F.to_bytes(doc))
    check_flat(result.plan)
    assert result.report["swings"]["door_swings"] == 3


@pytest.mark.parametrize("pieces, wobble", [(4, 0.0), (12, 0.02)])
def test_a_polyline_of_few_pieces_or_off_the_circle_is_no_arc(pieces, wobble):
    """Four pieces could be any bend; vertices 2 % of the radius off a circle are not on one."""
    doc = F.flat("mm")
    _exploded(doc, pieces, wobble=wobble)
    try:
        report = read_dxf(F.to_bytes(doc)).report
    except Exception as err:   # noqa: BLE001 - the flat without its swings may well be refused
        report = err.report
    assert report["swings"]["door_swings"] == 0


def _flat_with_swings_on_the_walls(explode: int | None, bulged: bool = False):
    """The flat without room outlines, its swings and leaves on the wall layer: as arcs, as polylines of
    `explode` straight pieces, or (bulged) as one-edge bulged polylines."""
    doc = F.flat("mm", outlines=False)
    msp = doc.modelspace()
    for e in msp:
        if e.dxf.layer == "A-DOOR":
            e.dxf.layer = "A-WALL"
    if explode:
        _exploded(doc, explode)
    if bulged:
        for arc in list(msp.query("ARC")):
            (cx, cy, _), r = arc.dxf.center, arc.dxf.radius
            a0, a1 = math.radians(arc.dxf.start_angle), math.radians(arc.dxf.end_angle)
            sweep = (a1 - a0) % (2 * math.pi)
            msp.add_lwpolyline([(cx + r * math.cos(a0), cy + r * math.sin(a0), 0, 0, math.tan(sweep / 4)),
                                (cx + r * math.cos(a1), cy + r * math.sin(a1), 0, 0, 0)], format="xyseb",
                               dxfattribs={"layer": "A-WALL"})
            msp.delete_entity(arc)
    return read_dxf(F.to_bytes(doc)).plan


@pytest.mark.parametrize("explode, bulged", [(12, False), (40, False), (None, True)])
def test_a_swing_drawn_as_a_polyline_on_the_wall_layer_cuts_nothing_out_of_its_room(explode, bulged):
    """Drawn as an ARC, a swing on the wall layer is no wall line; drawn as a polyline it was, and with its leaf
    cut a quarter disc out of the room it opens into. The rooms are those of the arcs, to the square millimetre."""
    want = _flat_with_swings_on_the_walls(None)
    got = _flat_with_swings_on_the_walls(explode, bulged)
    assert len(got.doors) == len(want.doors) == 3
    assert sorted(round(r.polygon.area) for r in got.rooms) == sorted(round(r.polygon.area) for r in want.rooms)


def test_a_wall_end_at_the_latch_stays_a_wall_beside_the_swing_pieces():
    """Only chords of the swing go: a wall's end cap leaving the latch along the circle's tangent (its far end a
    few millimetres off the circle, its middle outside it) stays, as does a line from the hinge."""
    from planner.importers.pipeline import Walls, _without_swing_pieces
    r, turn = 900.0, math.radians(30)   # turned, so that nothing lies on the bounding box of the swing

    def at(x, y):
        return x * math.cos(turn) - y * math.sin(turn), x * math.sin(turn) + y * math.cos(turn)
    swing = np.array([[*at(0, 0), *at(r, 0), *at(r * math.cos(math.pi / 4), r * math.sin(math.pi / 4)), *at(0, r)]])
    chords = [(*at(r * math.cos(a), r * math.sin(a)), *at(r * math.cos(b), r * math.sin(b)))
              for a, b in zip(np.linspace(0, math.pi / 2, 9)[:-1], np.linspace(0, math.pi / 2, 9)[1:])]
    cap, leaf = (*at(r, 0), *at(r, 80)), (*at(0, 0), *at(0, r))
    seg = np.array([cap, leaf, *chords], dtype=float)
    walls = _without_swing_pieces(Walls(seg=seg, lines=(), layers=["A-WALL"], unused=np.zeros(len(seg), bool)), swing)
    assert walls.seg.tolist() == [list(cap), list(leaf)]
