"""Tracing over a plan image (planner/importers/underlay.py with the canvas adapter): scale from one known length, then
rooms, a door and fixtures drawn over it give the same findings as the same plan typed in as numbers."""
from __future__ import annotations

import io

import pytest

from planner.editing import plan_edit
from planner.importers.canvas_adapter import CanvasFrame, Shape, Tool, apply_shapes, plan_svg
from planner.checks import assess
from planner.model.plan import Plan, PlanError
from planner.project.file import Project, dumps_project, loads_project
from planner.rules import load_rules
from planner.importers.underlay import Underlay

RULES = load_rules()
# The flat as typed in: a hall 3 000 × 2 400 and a bathroom 2 000 × 2 400 east of it [mm], a door between them
# 800 mm wide, a WC and a shower in the bathroom.
ROOMS = [("Gang", "hall", (0, 0, 3000, 2400)), ("Bad", "bathroom", (3000, 0, 5000, 2400))]
DOOR = ((3000, 1200), 800)
FIXTURES = [("wc", (4700, 2100)), ("shower", (4600, 300))]
PX_PER_MM, MARGIN_PX = 0.137, 40        # how the "scanned" image happens to be drawn: nobody tells the app


def numbers_plan() -> Plan:
    plan = Plan(units="mm")
    for name, kind, (x0, y0, x1, y1) in ROOMS:
        plan, _ = plan_edit.add_room(plan, [(x0, y0), (x1, y0), (x1, y1), (x0, y1)], name, kind, RULES)
    plan, _ = plan_edit.add_door_at(plan, (DOOR[0][0] - 100, DOOR[0][1]), DOOR[1], RULES)
    for kind, point in FIXTURES:
        plan, _ = plan_edit.add_fixture_at(plan, point, kind, RULES)
    return plan


def image_px(x_mm: float, y_mm: float, height_px: int) -> tuple[float, float]:
    return MARGIN_PX + x_mm * PX_PER_MM, height_px - (MARGIN_PX + y_mm * PX_PER_MM)


def plan_image() -> bytes:
    """The flat as an estate agent's plan image: walls as thick lines, nothing else readable by a machine."""
    from PIL import Image, ImageDraw
    width, height = int(5000 * PX_PER_MM + 2 * MARGIN_PX), int(2400 * PX_PER_MM + 2 * MARGIN_PX)
    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    for _, _, (x0, y0, x1, y1) in ROOMS:
        (a, b), (c, d) = image_px(x0, y1, height), image_px(x1, y0, height)
        draw.rectangle((a, b, c, d), outline="black", width=3)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def traced_plan() -> tuple[Plan, Underlay]:
    data = plan_image()
    underlay = Underlay.read(data, "plan.png")
    h = underlay.height_px
    frame = CanvasFrame.for_view(12000, 720, 540)
    underlay = underlay.fitted(frame.origin_x_mm, frame.origin_y_mm, frame.view_width_mm)
    to_canvas = lambda x_mm, y_mm: frame.to_px(*_image_to_mm(underlay, *image_px(x_mm, y_mm, h)))  # noqa: E731
    # the scale: a line along the hall's south wall, "this wall is 3,00 m", drawn on the canvas
    start, end = to_canvas(0, 0), to_canvas(3000, 0)
    underlay = underlay.scaled_by(frame.to_mm(*start), frame.to_mm(*end), 3000)
    x0, y0, x1, y1 = underlay.bounds_mm
    frame = CanvasFrame.for_view(12000, 720, 540, plan_edit.snap(x0, 1000) - 1000, plan_edit.snap(y0, 1000) - 1000)
    to_canvas = lambda x_mm, y_mm: frame.to_px(*_image_to_mm(underlay, *image_px(x_mm, y_mm, h)))  # noqa: E731
    plan = Plan(units="mm")
    for name, kind, (a, b, c, d) in ROOMS:          # each room dragged over its outline on the image
        rect = Shape("rect", (to_canvas(a, d), to_canvas(c, d), to_canvas(c, b), to_canvas(a, b)))
        plan, added, problems = apply_shapes(plan, [rect], Tool(kind="room_rect", room_type=kind, room_name=name),
                                             frame, RULES)
        assert added and not problems
    tap = Shape("point", (to_canvas(DOOR[0][0] - 100, DOOR[0][1]),))
    plan, added, problems = apply_shapes(plan, [tap], Tool(kind="door", door_width_mm=DOOR[1]), frame, RULES)
    assert added and not problems
    for kind, point in FIXTURES:
        plan, added, problems = apply_shapes(plan, [Shape("point", (to_canvas(*point),))],
                                             Tool(kind="fixture", fixture_type=kind), frame, RULES)
        assert added and not problems
    return plan, underlay


def _image_to_mm(underlay: Underlay, u: float, v: float) -> tuple[float, float]:
    return underlay.origin_x_mm + u * underlay.mm_per_px, underlay.origin_y_mm + (underlay.height_px - v) * underlay.mm_per_px


def _summary(plan: Plan) -> list[tuple]:
    return sorted((f.check, f.element, f.status, f.code) for f in assess(plan, RULES))


def test_a_plan_traced_over_an_image_gets_the_same_findings_as_the_plan_typed_in():
    typed = numbers_plan()
    traced, underlay = traced_plan()
    assert underlay.scaled and underlay.mm_per_px == pytest.approx(1 / PX_PER_MM, rel=0.01)
    assert _summary(traced) == _summary(typed)
    for a, b in zip(typed.rooms, traced.rooms):
        assert b.polygon.area == pytest.approx(a.polygon.area)
    assert [round(d.clear_width_mm) for d in traced.doors] == [round(d.clear_width_mm) for d in typed.doors]


def test_the_underlay_is_saved_in_the_project_and_read_back():
    traced, underlay = traced_plan()
    back = loads_project(dumps_project(Project(plan=traced, underlay=underlay)))
    assert back.underlay == underlay


def test_the_underlay_is_drawn_faded_under_the_plan():
    traced, underlay = traced_plan()
    svg = plan_svg(traced, CanvasFrame.fit(traced), underlay=underlay)
    assert svg.index("<image ") < svg.index("<polygon ") and 'opacity="0.35"' in svg


def test_a_pdf_page_becomes_an_underlay():
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    out = io.BytesIO()
    pdf.save(out)
    underlay = Underlay.read(out.getvalue(), "arkiv.pdf")
    assert underlay.mime == "image/png" and underlay.height_px > underlay.width_px
    with pytest.raises(PlanError, match="no page 3"):
        Underlay.read(out.getvalue(), "arkiv.pdf", page=3)


@pytest.mark.parametrize("data", [b"", b"not an image", b"%PDF-1.4 broken", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50])
def test_what_is_not_a_plan_image_gets_one_sentence(data):
    with pytest.raises(PlanError) as info:
        Underlay.read(data, "plan.png")
    assert "plan.png" in info.value.message("nb")


def test_a_scale_line_of_a_few_pixels_is_refused():
    underlay = Underlay.read(plan_image(), "plan.png")
    with pytest.raises(PlanError, match="too short"):
        underlay.scaled_by((0, 0), (10, 0), 3000)


@pytest.mark.parametrize("damage", [{"mm_per_px": float("nan")}, {"width_px": 1}, {"image": "!!"},
                                    {"scaled": "yes"}, {"mm_per_px": 0}])
def test_a_damaged_underlay_in_a_project_file_is_left_out_and_said(damage):
    """The plan traced over it opens; only the image is left out, with a sentence naming it."""
    traced, underlay = traced_plan()
    raw = Project(plan=traced, underlay=underlay).to_dict()
    raw["underlay"].update(damage)
    import json
    from planner.i18n import render
    opened = loads_project(json.dumps(raw))
    assert opened.underlay is None and [r.id for r in opened.plan.rooms] == [r.id for r in traced.rooms]
    notices = [render(n, "nb") for n in opened.notices]   # a NaN is also said where it was found
    assert notices[-1].startswith("Feltet underlay") and all(n.endswith(".") for n in notices)


def test_the_draw_tab_takes_a_plan_image_and_its_scale_from_a_line_drawn_over_it():
    """The app: upload the image, draw the scale line (the canvas's answer seeded as the browser sends it), type
    its length, and the image is scaled."""
    from streamlit.testing.v1 import AppTest

    from tests.test_app import APP
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.file_uploader(key="draw_underlay_upload").upload("plan.png", plan_image(), "image/png").run()
    assert not at.exception, at.exception
    underlay = at.session_state["draw_underlay"]
    assert underlay is not None and not underlay.scaled
    assert any("målestokken er ikke satt" in w.value for w in at.warning)
    at.radio(key="draw_tool").set_value("scale").run()
    frame = CanvasFrame.for_view(12000, 720, 540, *at.session_state["draw_origin"])
    (x0, y0), (x1, y1) = (frame.to_px(*_image_to_mm(underlay, *image_px(x, 0, underlay.height_px)))
                          for x in (0, 3000))
    line = {"type": "Line", "left": (x0 + x1) / 2, "top": (y0 + y1) / 2, "width": abs(x1 - x0),
            "height": abs(y1 - y0), "x1": x0, "y1": y0, "x2": x1, "y2": y1, "originX": "center",
            "originY": "center", "strokeWidth": 0, "scaleX": 1, "scaleY": 1, "angle": 0}
    at.session_state[f"draw_canvas_{at.session_state['draw_gen']}"] = {
        "drawing": {"raw": {"objects": [line]}, "data": None}}
    at.run()
    assert at.session_state["draw_scale_line"] is not None
    at.text_input(key="draw_scale_length").set_value("3,00 m")
    at.button[[b.label for b in at.button].index("Sett målestokken")].click().run()
    assert not at.exception, at.exception
    scaled = at.session_state["draw_underlay"]
    assert scaled.scaled and scaled.mm_per_px == pytest.approx(1 / PX_PER_MM, rel=0.02)


def test_a_drag_moves_the_fixture_the_door_or_the_room_under_the_finger():
    from planner.importers.canvas_adapter import shapes
    plan = numbers_plan()
    frame = CanvasFrame.for_view(12000, 720, 540)
    move = Tool(kind="move")

    def drag(start_mm, end_mm):
        (x0, y0), (x1, y1) = frame.to_px(*start_mm), frame.to_px(*end_mm)
        line = {"type": "Line", "left": (x0 + x1) / 2, "top": (y0 + y1) / 2, "width": abs(x1 - x0),
                "height": abs(y1 - y0), "x1": x0, "y1": y0, "x2": x1, "y2": y1, "strokeWidth": 2,
                "originX": "center", "originY": "center"}
        return shapes({"objects": [line]})

    wc = next(f for f in plan.fixtures if f.type == "wc")
    moved, added, problems = apply_shapes(plan, drag(wc.footprint.centroid.coords[0], (4200, 2000)), move, frame,
                                          RULES)
    assert added == [wc.id] and not problems
    assert moved.fixture(wc.id).footprint.centroid.x < wc.footprint.centroid.x
    bath = plan.rooms[1]
    moved, added, problems = apply_shapes(plan, drag((4000, 1500), (4000, 2500)), move, frame, RULES)
    assert added == [bath.id] and moved.room(bath.id).polygon.bounds[1] == bath.polygon.bounds[1] + 1000
    assert all(moved.fixture(f.id).footprint.bounds[1] == f.footprint.bounds[1] + 1000
               for f in plan.fixtures if f.room == bath.id)              # its fixtures came along
    assert moved.doors[0].position.equals(plan.doors[0].position)  # the door to the hall stays in their wall
    _, added, problems = apply_shapes(plan, drag((-5000, -5000), (0, 0)), move, frame, RULES)
    assert not added and "nothing to move" in str(problems[0])
