"""The dimensioned sketch: a true scale on A4, room and door dimensions, the ramp laid out from the entrance."""
from __future__ import annotations

import math

import pytest
from shapely.ops import unary_union

from planner.checks import assess
from planner.rules import load_rules
from planner.output.sketch import (LANDSCAPE_PAPER_MM, MARGIN_PAPER_MM, PAPER_MM, EntranceWorks, choose_paper,
                            choose_scale, draw_sketch, outward, sketch_bytes, works_outline)
from tests.plans import bathroom, with_entrance

RAMP = EntranceWorks("ramp", rise_mm=350, slope=1 / 15, run_mm=5250, landings=0, landing_mm=1500,
                     top_landing_mm=1500, width_mm=900)
FITS_AT_50_MM = (PAPER_MM[0] - 2 * MARGIN_PAPER_MM) * 50   # the widest plan 1:50 takes


@pytest.mark.parametrize("width_mm, scale", [(1000, 20), (FITS_AT_50_MM, 50), (FITS_AT_50_MM + 1, 100),
                                             (14000, 100), (60000, 500)])
def test_scale_is_the_smallest_usual_one_that_fits_a4(width_mm, scale):
    assert choose_scale(width_mm, 1000) == scale


def test_a_wide_plan_goes_on_a_page_on_its_side_when_that_prints_it_larger():
    wide = (LANDSCAPE_PAPER_MM[0] - 2 * MARGIN_PAPER_MM) * 50     # fits 1:50 only on its side
    assert choose_paper(wide, 4000) == (50, LANDSCAPE_PAPER_MM)
    assert choose_paper(wide + 1, 4000) == (100, PAPER_MM)        # the same scale either way: upright
    assert choose_paper(4000, 8000) == (50, PAPER_MM)


def test_figure_is_the_size_it_prints():
    plan = with_entrance(bathroom(), 350)
    fig, scale = draw_sketch(plan, assess(plan, load_rules("no-tek17")), "nb", RAMP)
    width_mm = fig.get_figwidth() * 25.4
    xmin, xmax = fig.axes[0].get_xlim()
    assert math.isclose((xmax - xmin) / scale, width_mm, rel_tol=1e-6)   # 1 mm on paper is `scale` mm


def test_ramp_runs_straight_out_from_the_entrance_door_for_its_whole_length():
    plan = with_entrance(bathroom(), 350)
    pieces = works_outline(plan, RAMP)
    door = plan.door("D1")
    ux, uy = outward(plan, door)
    assert (ux, uy) == pytest.approx((0, -1))        # D1 is in the hall's lower wall
    whole = unary_union([p for _, p in pieces])
    assert whole.bounds[3] == pytest.approx(door.position.y)
    assert whole.bounds[3] - whole.bounds[1] == pytest.approx(RAMP.total_length_mm)
    assert not any(r.polygon.buffer(-1).intersects(whole) for r in plan.rooms)


def test_landings_sit_between_runs():
    works = EntranceWorks("ramp", 1200, 1 / 15, 18000, 1, 1500, 1500, 900)
    kinds = [k for k, _ in works_outline(with_entrance(bathroom(), 1200), works)]
    assert kinds == ["top", "run", "landing", "run"]


def test_svg_holds_the_dimensions_as_text():
    plan = with_entrance(bathroom(width_mm=2000, depth_mm=2400), 350)
    svg = sketch_bytes(plan, assess(plan, load_rules("no-tek17")), "nb", RAMP).decode("utf-8")
    for text in ("2 000", "2 400", "D2 fri 840", "Høydeforskjell 350 mm", "Rampe 6,75 m med stigning 1:15",
                 "Målestokk 1:"):
        assert text in svg, text


def test_png_is_a_png():
    plan = bathroom()
    assert sketch_bytes(plan, [], "en", fmt="png", dpi=60).startswith(b"\x89PNG")


def test_north_not_given_says_so():
    svg = sketch_bytes(bathroom(), [], "en").decode("utf-8")
    assert "north not given" in svg


def test_on_a_small_scale_only_doors_too_narrow_are_labelled_by_their_id():
    from planner.editing.builder import door_from_opening, plan_from_parts
    from planner.model.plan import Room
    rooms = [Room.from_rectangle("R1", "Gang", "hall", 0, 0, 60000, 6000),
             Room.from_rectangle("R2", "Bad", "bathroom", 0, 6000, 2000, 2400)]
    doors = [door_from_opening("D1", (30000, 0), (31000, 0), 1, rooms),       # wide enough
             door_from_opening("D2", (200, 6000), (900, 6000), 1, rooms)]     # 700 mm leaf: too narrow
    plan = plan_from_parts("long", rooms, doors, [])
    findings = assess(plan, load_rules("no-tek17"))
    assert {f.element for f in findings if f.code == "DOOR_TOO_NARROW"} == {"D2"}
    fig, scale = draw_sketch(plan, findings, "nb")
    assert scale > 100
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "D2" in texts and not any(x.startswith("D1") for x in texts)
    assert not any("fri" in x for x in texts)
    assert any(x.startswith("Gang") for x in texts) and not any(x.startswith("Bad") for x in texts)  # too small
