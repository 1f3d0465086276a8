"""A two-room flat with a bathroom, drawn the way a person does it in the app: rectangles, taps and typed rooms.

The canvas objects are Fabric 7 JSON exactly as the browser sends them, so this goes through the same adapter.
"""
from __future__ import annotations

from planner.importers.canvas_adapter import CanvasFrame, Tool, apply_shapes, shapes
from planner.model.plan import Plan
from planner.importers.rooms_by_numbers import RoomRequest, add_room
from planner.rules import Rules

# 12 m across a 720 px canvas (the app's default scale): 1 px = 16.67 mm; origin 1 m outside the flat.
FRAME = CanvasFrame.for_view(12000, 720, 540, -1000.0, -1000.0)


def rect(x_mm: float, y_mm: float, w_mm: float, d_mm: float) -> dict:
    """The Rect the rectangle tool sends for a drag over this room, a few pixels off, as a hand would be."""
    left, bottom = FRAME.to_px(x_mm, y_mm)
    right, top = FRAME.to_px(x_mm + w_mm, y_mm + d_mm)
    return {"type": "Rect", "left": left + 1.3, "top": top - 0.8, "width": right - left - 0.6,
            "height": bottom - top + 1.1, "originX": "left", "originY": "top", "strokeWidth": 2,
            "strokeUniform": True, "scaleX": 1, "scaleY": 1, "angle": 0}


def tap(x_mm: float, y_mm: float) -> dict:
    x, y = FRAME.to_px(x_mm, y_mm)
    return {"type": "Circle", "left": x - 6, "top": y, "radius": 5, "strokeWidth": 2, "originX": "left",
            "originY": "center", "width": 10, "height": 10}


def draw(plan: Plan, rules: Rules, objects: list[dict], **tool) -> Plan:
    plan, added, problems = apply_shapes(plan, shapes({"objects": objects}), Tool(**tool), FRAME, rules)
    assert not problems, problems
    assert len(added) == len(objects)
    return plan


def drawn_flat(rules: Rules) -> Plan:
    """Hall 2.0 × 3.4 m with the entrance (2 steps, 350 mm); living room 4.0 × 5.2 m west of it; bedroom 3.0 ×
    3.0 m north-east; bathroom 1.7 × 2.2 m typed by numbers, with a bathtub, WC and sink, and a 700 mm door."""
    plan = draw(Plan(), rules, [rect(0, 0, 2000, 3400)], kind="room_rect", room_type="hall", room_name="Gang")
    plan = draw(plan, rules, [rect(-4000, 0, 4000, 5200)], kind="room_rect", room_type="living", room_name="Stue")
    plan = draw(plan, rules, [rect(2000, 2200, 3000, 3000)], kind="room_rect", room_type="bedroom",
                room_name="Soverom")
    plan, _ = add_room(plan, RoomRequest(name="Bad", type="bathroom", width_mm=1700, depth_mm=2200,
                                         door_width_mm=700, door_wall="west", door_offset_mm=1550,
                                         fixtures=("bath", "wc", "sink"), beside="R1", side="east"), rules)
    plan = draw(plan, rules, [tap(1000, 40)], kind="door", door_width_mm=1000)              # entrance, into hall
    plan = draw(plan, rules, [tap(-40, 2250)], kind="door", door_width_mm=900)              # into the living room
    plan = draw(plan, rules, [tap(2040, 2850)], kind="door", door_width_mm=900, hinge="right")  # bedroom
    plan = draw(plan, rules, [tap(1000, 60)], kind="entrance", steps=2, rise_mm=350)
    return plan.replace(name="Tegnet leilighet")
