"""Sheets with several drawings: each found, floor plans told from sections and elevations, the plan read."""
from __future__ import annotations

import pytest

from planner.importers import read_dxf
from planner.importers.regions import PLAN, SECTION, SECTION_OR_ELEVATION, STRUCTURAL
from tests.dxf_factory import flat, to_bytes

PLAN_AT, ELEVATION_AT = 0.0, 20_000.0     # mm; the flat is 4 × 4 m, the gap between drawings 16 m


def add_elevation(msp, x0: float, *, title: str | None = None, siding: int = 60, ground_tilt: float = 0.0) -> None:
    """A house seen from the side: a ground line wider than the house, walls, a gable roof, windows and siding
    (many lines: the elevation outweighs the plan), all on the wall layer as careless exporters leave them."""
    w, h = 8000.0, 3000.0
    line = lambda a, b: msp.add_line(a, b, dxfattribs={"layer": "A-WALL"})  # noqa: E731
    line((x0 - 2000, 0), (x0 + w + 2000, ground_tilt * (w + 4000)))
    for x in (x0, x0 + w):
        line((x, 0), (x, h))
    line((x0, h), (x0 + w / 2, h + 2500))
    line((x0 + w / 2, h + 2500), (x0 + w, h))
    for k in range(siding):
        y = 150 + k * (h - 300) / siding
        line((x0 + 50, y), (x0 + 1500, y))
    for wx in (x0 + 2000, x0 + 5000):
        msp.add_lwpolyline([(wx, 1000), (wx + 1200, 1000), (wx + 1200, 2200), (wx, 2200)], close=True,
                           dxfattribs={"layer": "A-WALL"})
    if title:
        msp.add_text(title, height=300, dxfattribs={"layer": "A-ANNO", "insert": (x0, -1000)})


def sheet(**elevation) -> bytes:
    doc = flat()
    add_elevation(doc.modelspace(), ELEVATION_AT, **elevation)
    return to_bytes(doc)


def test_the_floor_plan_is_read_even_when_the_elevation_beside_it_is_larger():
    result = read_dxf(sheet(), name="sheet.dxf")
    kinds = {d["index"]: d["kind"] for d in result.report["regions"]}
    assert kinds == {1: PLAN, 2: SECTION_OR_ELEVATION}
    assert result.report["regions"][1]["entity_count"] > result.report["regions"][0]["entity_count"]
    assert result.report["region"] == 1
    assert sorted(r.name for r in result.plan.rooms) == ["Bad", "Gang", "Soverom"]
    assert [d["code"] for d in result.report["doubts"]] == ["SEVERAL_DRAWINGS"]


@pytest.mark.parametrize("title, kind", [("SNITT A-A", SECTION), ("SECTION B", SECTION), ("FASADE MOT SØR", "elevation"),
                                         ("South elevation", "elevation"), ("Stue", SECTION_OR_ELEVATION)])
def test_a_title_says_which_of_section_or_elevation(title, kind):
    result = read_dxf(sheet(title=title), name="sheet.dxf")
    assert [d["kind"] for d in result.report["regions"]] == [PLAN, kind]


def test_a_sloping_ground_line_is_ground_too():
    result = read_dxf(sheet(ground_tilt=0.1), name="sheet.dxf")
    assert [d["kind"] for d in result.report["regions"]] == [PLAN, SECTION_OR_ELEVATION]


def test_a_title_alone_does_not_make_a_plan_a_section():
    doc = flat()
    doc.modelspace().add_text("SNITT A-A", height=300, dxfattribs={"layer": "A-ANNO", "insert": (500, 3500)})
    assert [d["kind"] for d in read_dxf(to_bytes(doc)).report["regions"]] == [PLAN]


def test_reading_the_elevation_on_purpose_is_refused_or_doubted():
    from planner.model.plan import PlanError
    with pytest.raises(PlanError) as refused:
        read_dxf(sheet(title="FASADE"), name="sheet.dxf", region=2)
    assert refused.value.report["regions"][1]["kind"] == "elevation"
    doc = flat()      # room names in its windows: now it gives a "plan", which says what it looks like
    add_elevation(doc.modelspace(), ELEVATION_AT, title="FASADE")
    for x, name in ((ELEVATION_AT + 2500, "Stue"), (ELEVATION_AT + 5500, "Kjøkken")):
        doc.modelspace().add_text(name, height=150, dxfattribs={"layer": "A-AREA-IDEN", "insert": (x, 1500)})
    report = read_dxf(to_bytes(doc), name="sheet.dxf", region=2).report
    doubts = {d["code"]: d["message"] for d in report["doubts"]}
    assert "NOT_A_FLOOR_PLAN" in doubts and "an elevation" in doubts["NOT_A_FLOOR_PLAN"]


def test_a_framing_plan_of_joists_is_structural():
    doc = flat()
    msp = doc.modelspace()
    for k in range(24):
        msp.add_line((ELEVATION_AT, k * 400.0), (ELEVATION_AT + 6000, k * 400.0), dxfattribs={"layer": "A-WALL"})
    for x in (ELEVATION_AT, ELEVATION_AT + 6000):
        msp.add_line((x, -300), (x, 9500), dxfattribs={"layer": "A-WALL"})
    kinds = [d["kind"] for d in read_dxf(to_bytes(doc)).report["regions"]]
    assert kinds == [PLAN, STRUCTURAL]


@pytest.mark.parametrize("mid, end", [((707.1, 707.1), (0.0, 1000.0)), ((707.1, -707.1), (0.0, -1000.0))])
def test_an_arc_in_the_overlay_follows_the_arc_through_its_middle(mid, end):
    import numpy as np
    from planner.importers.regions import _arc_polylines
    arc = np.array([[0.0, 0.0, 1000.0, 0.0, *mid, *end]])
    pts = _arc_polylines(arc).reshape(-1, 2)
    assert np.allclose(np.hypot(pts[:, 0], pts[:, 1]), 1000.0)
    assert np.allclose(pts[0], (1000, 0)) and np.allclose(pts[-1], end, atol=0.1)
    assert (np.sign(pts[1:-1, 1]) == np.sign(mid[1])).all()      # the short way, through the middle


def test_a_small_flat_with_one_door_beside_a_larger_section_is_a_plan_of_its_own():
    """Was: the flat's 14 pieces were a stray mark, the section the only drawing, and the sheet was refused."""
    from tests.dxf_factory import new_doc
    doc = new_doc("mm")
    msp = doc.modelspace()
    wall = lambda a, b: msp.add_line(a, b, dxfattribs={"layer": "A-WALL"})  # noqa: E731
    for off in (0, 200):
        x0, y0, x1, y1 = off, off, 9000 - off, 6000 - off
        for a, b in (((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)), ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))):
            wall(a, b)
    for x in (4950, 5050):
        wall((x, 200), (x, 1000))
        wall((x, 1900), (x, 5800))
    msp.add_arc((5050, 1000), 900, 0, 90, dxfattribs={"layer": "A-DOOR"})
    msp.add_line((5050, 1000), (5050, 1900), dxfattribs={"layer": "A-DOOR"})
    for x, name in ((2000, "Stue"), (6500, "Soverom")):
        msp.add_text(name, height=200, dxfattribs={"layer": "A-AREA-IDEN", "insert": (x, 3000)})
    add_elevation(msp, 30_000, title="SNITT A-A")
    result = read_dxf(to_bytes(doc))
    assert [d["kind"] for d in result.report["regions"]] == [PLAN, SECTION]
    assert result.report["region"] == 1
    assert sorted(r.name for r in result.plan.rooms) == ["Soverom", "Stue"]


def _segs(*lines) -> "np.ndarray":
    import numpy as np
    return np.array([[*a, *b] for a, b in lines], dtype=float)


def _bbox(seg):
    return (seg[:, [0, 2]].min(), seg[:, [1, 3]].min(), seg[:, [0, 2]].max(), seg[:, [1, 3]].max())


def test_a_plan_in_single_lines_is_no_section_its_bottom_wall_ends_in_corners():
    """Found on a real drawing: one room drawn in single lines was called "a section or an elevation"."""
    from planner.importers.regions import _ground_line
    plan = _segs(((0, 0), (8000, 0)), ((8000, 0), (8000, 5000)), ((8000, 5000), (0, 5000)), ((0, 5000), (0, 0)),
                 ((4000, 0), (4000, 5000)))
    assert not _ground_line(plan, _bbox(plan))
    ground = _segs(((-2000, 0), (10000, 0)), ((0, 0), (0, 3000)), ((8000, 0), (8000, 3000)),
                   ((0, 3000), (8000, 3000)))          # an elevation: the ground runs on past the house
    assert _ground_line(ground, _bbox(ground))


def test_an_outer_wall_whose_inner_line_is_broken_by_the_walls_meeting_it_is_a_wall():
    """Found on a real drawing: the inner line of the bottom wall, in five pieces where the inner walls join it,
    was not counted as the outer line's twin, and the plan was called a section."""
    from planner.importers.regions import _ground_line
    pieces = [((150 + k * 2600, 150), (150 + k * 2600 + 2450, 150)) for k in range(5)]   # 94 % of the outer line
    walls = [((150 + k * 2600 + 2450, 150), (150 + k * 2600 + 2450, 4000)) for k in range(5)]
    plan = _segs(((-500, 0), (13500, 0)), *pieces, *walls)    # overshooting ends: no corners to go by
    assert not _ground_line(plan, _bbox(plan))
    alone = _segs(((-500, 0), (13500, 0)), *pieces[:2], *walls)   # two pieces: 38 %, no twin
    assert _ground_line(alone, _bbox(alone))
