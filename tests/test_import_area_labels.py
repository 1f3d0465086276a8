"""Rooms drawn as closed outlines on a layer of another name, recognised by the area label inside them."""
from __future__ import annotations

import pytest

from planner.importers import read_dxf
from planner.importers.rooms import label_area_m2
from tests.dxf_factory import new_doc, to_bytes


def _house(units: str, k: float, *, label_m2: float) -> bytes:
    """Two rooms 5 x 4 m and 3 x 2 m (in drawing units of k mm) on layer "propspetti", wall lines outside them,
    the first labelled with its area (or label_m2)."""
    doc = new_doc(units)
    msp = doc.modelspace()
    for x0, y0, x1, y1 in ((0, 0, 5000, 4000), (5300, 0, 8300, 2000)):
        msp.add_lwpolyline([(x0 / k, y0 / k), (x1 / k, y0 / k), (x1 / k, y1 / k), (x0 / k, y1 / k)], close=True,
                           dxfattribs={"layer": "propspetti"})
    msp.add_lwpolyline([(-300 / k, -300 / k), (8600 / k, -300 / k), (8600 / k, 4300 / k), (-300 / k, 4300 / k)],
                       close=True, dxfattribs={"layer": "muratura"})
    msp.add_text(f"mq={label_m2:.2f}", dxfattribs={"layer": "aperture", "height": 200 / k}).set_placement(
        (2000 / k, 2000 / k))
    msp.add_text("mq=6.00", dxfattribs={"layer": "aperture", "height": 200 / k}).set_placement((6000 / k, 1000 / k))
    return to_bytes(doc)


@pytest.mark.parametrize("text, m2", [("mq=28.51", 28.51), ("10 m2", 10.0), ("855 SQ. FT.", 79.43),
                                      ("A=12,5", 12.5), ("28.51", None), ("H=2.60 cm", None), ("KITCHEN", None)])
def test_label_area_m2(text, m2):
    assert label_area_m2(text) == (pytest.approx(m2, abs=0.01) if m2 else None)


def test_outlines_with_their_area_label_inside_are_rooms():
    plan = read_dxf(_house("mm", 1.0, label_m2=20.0)).plan
    assert sorted(round(r.polygon.area / 1e6, 1) for r in plan.rooms) == [6.0, 20.0]


def test_an_outline_whose_area_is_not_its_label_is_no_room():
    # a label frame or a piece of furniture: the area it encloses is not the area written in it
    plan = read_dxf(_house("mm", 1.0, label_m2=35.0)).plan
    assert sorted(round(r.polygon.area / 1e6, 1) for r in plan.rooms) == [6.0]


def test_area_labels_overrule_a_header_that_lies_about_the_unit():
    # header millimetres, geometry in metres, nothing else (no doors) to tell the unit by
    result = read_dxf(_house("mm", 1000.0, label_m2=20.0))
    assert result.plan.units == "m"
    assert sorted(round(r.polygon.area / 1e6, 1) for r in result.plan.rooms) == [6.0, 20.0]
    assert any("area label" in w for w in result.report["warnings"])
