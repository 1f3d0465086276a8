"""The canvas adapter: pixels ↔ millimetres, Fabric JSON → shapes, and shapes → rooms, doors and fixtures."""
import math
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.importers.canvas_adapter import CanvasFrame, Shape, Tool, apply_shapes, plan_svg, shapes, svg_data_url
from planner.checks import assess
from planner.model.plan import Plan, PlanError
from planner.rules import load_rules

RULES = load_rules()
FRAME = CanvasFrame(width_px=720, height_px=540, mm_per_px=20.0, origin_x_mm=0.0, origin_y_mm=0.0)


def rect(left, top, width, height, **extra):
    """A Rect as the canvas's rectangle tool sends it (Fabric 7: origin left/top, uniform stroke)."""
    return {"type": "Rect", "left": left, "top": top, "width": width, "height": height, "originX": "left",
            "originY": "top", "strokeWidth": 0, "strokeUniform": True, "scaleX": 1, "scaleY": 1, "angle": 0, **extra}


def point(x, y, radius=5, stroke=2):
    """A Circle as the point tool sends it: left is the tap minus radius and half the stroke, origin left/center."""
    return {"type": "Circle", "left": x - (radius + stroke / 2), "top": y, "radius": radius, "strokeWidth": stroke,
            "originX": "left", "originY": "center", "width": 2 * radius, "height": 2 * radius}


def test_pixels_to_millimetres_puts_north_up():
    assert FRAME.to_mm(0, 540) == (0.0, 0.0)          # lower-left corner of the canvas is the origin
    assert FRAME.to_mm(100, 440) == (2000.0, 2000.0)  # right and up
    assert FRAME.to_px(2000.0, 2000.0) == (100.0, 440.0)


@given(st.floats(-1e5, 1e5), st.floats(-1e5, 1e5), st.floats(1, 200))
def test_to_px_and_back_is_the_identity(x, y, scale):
    frame = CanvasFrame(720, 540, scale, -3000.0, 1000.0)
    bx, by = frame.to_mm(*frame.to_px(x, y))
    assert math.isclose(bx, x, abs_tol=1e-6) and math.isclose(by, y, abs_tol=1e-6)


def test_the_user_sets_the_scale_as_metres_across():
    frame = CanvasFrame.for_view(12000, 600, 400)
    assert frame.mm_per_px == 20.0 and frame.view_width_mm == 12000
    with pytest.raises(PlanError, match="between 2 m and 200 m"):
        CanvasFrame.for_view(100)


def test_fabric_rect_with_origin_scale_and_stroke():
    [s] = shapes({"objects": [rect(100, 50, 60, 40)]})
    assert s.kind == "rect" and s.points_px == ((100, 50), (160, 50), (160, 90), (100, 90))
    # centre origin, scaled ×2: the centre stays at left/top
    [s] = shapes({"objects": [rect(200, 200, 50, 25, originX="center", originY="center", scaleX=2, scaleY=2)]})
    assert s.points_px[0] == pytest.approx((150, 175)) and s.points_px[2] == pytest.approx((250, 225))


def test_fabric_polygon_point_and_junk():
    poly = {"type": "Polygon", "left": 10, "top": 10, "originX": "left", "originY": "top", "strokeWidth": 0,
            "width": 100, "height": 50, "points": [{"x": 10, "y": 10}, {"x": 110, "y": 10}, {"x": 10, "y": 60}]}
    got = shapes({"objects": [poly, point(30, 40), {"type": "Path"}, "junk", {"type": "Rect", "left": "x"}]})
    assert [s.kind for s in got] == ["polygon", "point", "rect"]
    assert [c for xy in got[0].points_px for c in xy] == pytest.approx([10, 10, 110, 10, 10, 60])
    assert got[1].points_px[0] == pytest.approx((30, 40))
    assert shapes(None) == [] and shapes({}) == []


def draw(plan, objects, **tool):
    return apply_shapes(plan, shapes({"objects": objects}), Tool(**tool), FRAME, RULES)


def test_a_dragged_rectangle_becomes_a_room_snapped_to_the_grid():
    # 101..251 px → 2020..5020 mm, snapped to 100 mm: 2000..5000
    plan, added, problems = draw(Plan(), [rect(101, 300, 150, 120)], kind="room_rect", room_type="bathroom",
                                 names={"bathroom": "Bad"})
    assert added == ["R1"] and problems == []
    room = plan.rooms[0]
    assert room.name == "Bad" and room.type == "bathroom"
    assert room.polygon.bounds == (2000.0, 2400.0, 5000.0, 4800.0)


def test_a_second_room_snaps_to_the_first_and_never_overlaps_it():
    plan, _, _ = draw(Plan(), [rect(100, 300, 100, 100)], kind="room_rect", room_type="hall")
    # starts 3 px (60 mm) inside the hall: caught on the hall's wall, the overlap is left to the hall
    plan, added, _ = draw(plan, [rect(197, 300, 100, 100)], kind="room_rect", room_type="bathroom")
    a, b = plan.rooms
    assert a.polygon.intersection(b.polygon).area == 0
    assert b.polygon.bounds[0] == a.polygon.bounds[2]


def test_too_small_a_room_is_one_sentence_and_changes_nothing():
    plan, added, problems = draw(Plan(), [rect(100, 100, 2, 2)], kind="room_rect", room_type="hall")
    assert added == [] and plan.rooms == () and len(problems) == 1 and str(problems[0]).endswith(".")
    assert problems[0].message("nb") != str(problems[0])  # the sentence exists in Norwegian too


def two_rooms() -> Plan:
    """A 2 × 3 m hall (R1) and a 2 × 2.4 m bathroom (R2) east of it, drawn as two rectangles."""
    plan, _, _ = draw(Plan(), [rect(100, 240, 100, 150), rect(200, 240, 100, 120)], kind="room_rect",
                      room_type="hall", names={"hall": "Gang"})
    return plan.replace(rooms=(plan.rooms[0], replace(plan.rooms[1], name="Bad", type="bathroom")))


def test_a_tap_on_a_shared_wall_makes_a_door_between_the_rooms_swinging_to_the_tap_side():
    plan = two_rooms()
    # shared wall at x = 200 px = 4000 mm; tap 4 px to the right, inside the bathroom
    plan, added, problems = draw(plan, [point(204, 300)], kind="door", door_width_mm=800)
    assert added == ["D1"] and problems == []
    door = plan.doors[0]
    assert set(door.rooms) == {"R1", "R2"} and not door.exterior
    assert door.leaf_width_mm == pytest.approx(800)
    assert door.swing.centroid.x > 4000  # swings into the bathroom
    assert door.position.x == pytest.approx(4000)


def test_a_door_tap_far_from_any_wall_is_refused():
    plan, added, problems = draw(two_rooms(), [point(600, 30)], kind="door")
    assert added == [] and "wall" in str(problems[0]) and "vegg" in problems[0].message("nb")


def test_a_fixture_tap_puts_it_against_the_nearest_wall_inside_the_room():
    plan = two_rooms()
    plan, added, _ = draw(plan, [point(290, 250)], kind="fixture", fixture_type="wc")
    fx = plan.fixture(added[0])
    assert fx.room == "R2" and plan.room("R2").polygon.buffer(1).contains(fx.footprint)


def test_entrance_tool_marks_the_tapped_door_with_steps_and_rise():
    plan = two_rooms()
    plan, _, _ = draw(plan, [point(150, 390)], kind="door", door_width_mm=1000)  # south wall of the hall
    assert plan.doors[0].exterior
    plan, added, _ = draw(plan, [point(150, 392)], kind="entrance", steps=2, rise_mm=350)
    assert plan.entrance.door == "D1" and plan.entrance.rise_mm == 350 and plan.entrance.steps == 2
    assert plan.entrance.rise_source == "drawn"


def test_drawn_plan_gets_turning_circle_and_door_findings():
    plan = two_rooms()
    plan, _, _ = draw(plan, [point(204, 300)], kind="door", door_width_mm=800)
    checks = {(f.check, f.element) for f in assess(plan, RULES)}
    assert ("turning_circle", "R2") in checks and ("door_clear_width", "D1") in checks


def test_svg_background_has_the_canvas_size_and_the_elements():
    plan = two_rooms()
    svg = plan_svg(plan, FRAME, 100, assess(plan, RULES))
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" width="720" height="540"')
    assert "Gang" in svg and svg.count("<polygon") >= 2
    assert svg_data_url(svg).startswith("data:image/svg+xml;base64,")


def test_fit_frames_the_whole_plan():
    plan = two_rooms()
    frame = CanvasFrame.fit(plan, 720, 540)
    for room in plan.rooms:
        for x, y in room.polygon.exterior.coords:
            px, py = frame.to_px(x, y)
            assert 0 <= px <= 720 and 0 <= py <= 540


# --- the Draw tab through AppTest: the canvas's value is seeded as the browser would send it ----------------------

def _app():
    from pathlib import Path

    from streamlit.testing.v1 import AppTest
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def _canvas(at, *objects):
    gen = at.session_state["draw_gen"]
    at.session_state[f"draw_canvas_{gen}"] = {"drawing": {"raw": {"objects": list(objects)}, "data": None}}
    at.run()
    assert not at.exception, at.exception


def test_draw_tab_room_table_edit_undo_and_use():
    at = _app()
    _canvas(at, rect(100, 100, 150, 120))                 # the default 12 m view: 2.5 × 2.0 m hall
    plan = at.session_state["draw_plan"]
    assert [r.type for r in plan.rooms] == ["hall"] and any("R1" in s.value for s in at.success)
    # the numbers table: make the room 3 m wide; the drawing follows
    gen = at.session_state["draw_gen"]
    at.session_state[f"draw_rooms_{gen}"] = {"edited_rows": {"0": {"width_mm": 3000}}, "added_rows": [],
                                             "deleted_rows": []}
    at.run()
    minx, _, maxx, _ = at.session_state["draw_plan"].rooms[0].polygon.bounds
    assert maxx - minx == 3000
    at.button(key="draw_undo").click().run()
    minx, _, maxx, _ = at.session_state["draw_plan"].rooms[0].polygon.bounds
    assert maxx - minx == 2500
    at.button(key="draw_use").click().run()
    assert not at.exception
    assert at.session_state["project"].plan.rooms[0].type == "hall"
    assert at.session_state["project"].source["kind"] == "drawn"


def test_draw_tab_rooms_by_numbers_form_adds_a_furnished_bathroom():
    at = _app()
    at.button(key="FormSubmitter:draw_rbn_form_bathroom-Legg til rommet").click().run()
    assert not at.exception
    plan = at.session_state["draw_plan"]
    assert [r.type for r in plan.rooms] == ["bathroom"]
    assert sorted(f.type for f in plan.fixtures) == ["shower", "sink", "wc"]
