"""Proxy objects (AutoCAD Architecture walls, doors and spaces) are counted and said, and the thin strips
between wall lines never become rooms."""
from __future__ import annotations

import pytest
from shapely.geometry import Polygon, box

from planner.i18n import render
from planner.importers import read_dxf
from planner.importers.proxies import is_proxy
from planner.importers.rooms import shape_ok
from tests import dxf_factory as F
from tests.test_import_dxf import check_flat

PROXY = "0\nACAD_PROXY_ENTITY\n5\n{handle}\n100\nAcDbEntity\n8\nA-WALL\n100\nAcDbProxyEntity\n90\n499\n91\n{cls}\n95\n0\n"
AEC_WALL = "0\nAEC_WALL\n5\n{handle}\n100\nAcDbEntity\n8\nA-WALL\n"


def with_entities(doc, texts: list[str]) -> bytes:
    """The document as DXF bytes with raw entity texts added at the end of the ENTITIES section."""
    text = F.to_bytes(doc).decode("utf-8")
    head, tail = text.split("ENTITIES\n", 1)
    body, rest = tail.split("0\nENDSEC\n", 1)
    return (head + "ENTITIES\n" + body + "".join(texts) + "0\nENDSEC\n" + rest).encode("utf-8")


@pytest.mark.parametrize("dxftype, proxy", [("ACAD_PROXY_ENTITY", True), ("AEC_WALL", True), ("AEC_SPACE", True),
                                            ("AECB_DOOR", True), ("LINE", False), ("ACAD_TABLE", False)])
def test_what_counts_as_a_proxy(dxftype, proxy):
    assert is_proxy(dxftype) is proxy


def test_proxy_entities_are_counted_and_the_user_told_how_to_export():
    extra = [PROXY.format(handle=f"F{n:03X}", cls=500 + n) for n in range(12)] + \
            [AEC_WALL.format(handle=f"E{n:03X}") for n in range(3)]
    result = read_dxf(with_entities(F.flat("mm"), extra))
    assert result.report["proxy_entities"] == 15
    warning = next(w for w in result.report["warnings_t"] if w[0] == "imp.warn.proxies")
    assert "Export to AutoCAD" in render(warning, "en") and "vanlig DXF" in render(warning, "nb")
    check_flat(result.plan)


def test_a_plain_drawing_has_no_proxies():
    assert read_dxf(F.to_bytes(F.flat("mm"))).report["proxy_entities"] == 0


@pytest.mark.parametrize("width_mm, room", [(300, False), (500, False), (549, False), (551, True), (900, True)])
def test_a_strip_between_wall_lines_is_no_room_at_its_width(width_mm, room):
    assert shape_ok(box(0, 0, 8000, width_mm)) is room


def test_a_small_closet_is_still_a_room():
    assert shape_ok(box(0, 0, 700, 1500))


def test_an_l_shaped_wall_strip_is_no_room():
    strip = Polygon([(0, 0), (6000, 0), (6000, 300), (300, 300), (300, 5000), (0, 5000)])
    assert not shape_ok(strip)


def test_double_line_walls_give_rooms_not_their_strips():
    """A flat with 300 mm thick walls drawn as two lines each, closed at the ends: the strips between the lines
    are as long as rooms and 3 m² or more, but as thin as a wall."""
    doc = F.new_doc("mm")
    msp = doc.modelspace()
    outer, t = (0, 0, 8000, 5000), 300
    for x0, y0, x1, y1 in (outer, (t, t, 8000 - t, 5000 - t)):
        msp.add_lwpolyline([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], close=True, dxfattribs={"layer": "A-WALL"})
    # an inner wall from the south to the north wall, 300 mm thick, with a door opening in it
    for x in (4000, 4300):
        msp.add_line((x, t), (x, 2000), dxfattribs={"layer": "A-WALL"})
        msp.add_line((x, 2900), (x, 5000 - t), dxfattribs={"layer": "A-WALL"})
    for y in (2000, 2900):
        msp.add_line((4000, y), (4300, y), dxfattribs={"layer": "A-WALL"})
    F.add_door_arc(msp, (4000, 2000), (4000, 2900), -1)
    for name, x in (("Stue", 2000), ("Soverom", 6000)):
        msp.add_text(name, height=150, dxfattribs={"layer": "A-AREA-IDEN", "insert": (x, 2500)})
    plan = read_dxf(F.to_bytes(doc)).plan
    assert sorted(r.name for r in plan.rooms) == ["Soverom", "Stue"]
