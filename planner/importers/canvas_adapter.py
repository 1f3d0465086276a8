"""The drawing canvas's adapter: the only place that converts canvas pixels to plan millimetres and back.

The canvas (streamlit-drawable-canvas 0.13, Fabric.js 7) sends what was drawn as Fabric JSON, in pixels with
y pointing down. `CanvasFrame` maps those pixels to the plan's millimetres (y up, north up); `shapes` reads the
Fabric objects; `apply_shapes` turns each new shape into a room, door, fixture or entrance on the plan with
`planner.editing.plan_edit`; `plan_svg` draws the plan back as the canvas's background, in the same pixels.
No streamlit import here: everything is pure and unit-tested.
"""
from __future__ import annotations

import base64
import html
import math
from dataclasses import dataclass, field

from planner.editing import plan_edit
from planner.model.findings import Finding
from planner.model.plan import Plan, PlanError
from planner.rules import Rules
from planner.model.status import COLOURS, PASS, UNKNOWN, worst_by_element
from planner.importers.underlay import Underlay, underlay_svg

ORIGIN_SHARE = {"left": 0.0, "top": 0.0, "center": 0.5, "right": 1.0, "bottom": 1.0}
TOOLS = ("room_rect", "room_polygon", "door", "fixture", "entrance", "move")
SCALE_TOOL = "scale"      # a line along a known length over the plan image (planner/importers/underlay.py); no plan change
DRAWING_MODE = {"room_rect": "rect", "room_polygon": "polygon", "door": "point", "fixture": "point",
                "entrance": "point", "move": "line", SCALE_TOOL: "line"}


@dataclass(frozen=True, slots=True)
class CanvasFrame:
    """A canvas of width_px × height_px showing the plan at mm_per_px; (origin_x_mm, origin_y_mm) is the plan
    point at the canvas's lower-left corner."""

    width_px: int = 720
    height_px: int = 540
    mm_per_px: float = 20.0
    origin_x_mm: float = -1000.0
    origin_y_mm: float = -1000.0

    def __post_init__(self):
        if not (self.width_px > 0 and self.height_px > 0 and self.mm_per_px > 0):
            raise PlanError.text("err.canvas_size")

    @classmethod
    def for_view(cls, view_width_mm: float, width_px: int = 720, height_px: int = 540,
                 origin_x_mm: float = -1000.0, origin_y_mm: float = -1000.0) -> "CanvasFrame":
        """A frame whose width shows view_width_mm of the plan (the user's scale)."""
        if not 2000 <= view_width_mm <= 200000:
            raise PlanError.text("edit.view_width")
        return cls(width_px, height_px, view_width_mm / width_px, origin_x_mm, origin_y_mm)

    @classmethod
    def fit(cls, plan: Plan, width_px: int = 720, height_px: int = 540, margin_mm: float = 1000.0,
            grid_mm: float = 100.0) -> "CanvasFrame":
        """A frame that shows the whole plan with a margin, at a round scale (whole metres across)."""
        if not plan.rooms:
            return cls.for_view(12000, width_px, height_px)
        bounds = [r.polygon.bounds for r in plan.rooms]
        minx, miny = min(b[0] for b in bounds), min(b[1] for b in bounds)
        maxx, maxy = max(b[2] for b in bounds), max(b[3] for b in bounds)
        need = max(maxx - minx + 2 * margin_mm, (maxy - miny + 2 * margin_mm) * width_px / height_px)
        view = min(max(math.ceil(need / 1000.0) * 1000.0, 2000.0), 200000.0)
        mm_per_px = view / width_px
        ox = plan_edit.snap(minx - (view - (maxx - minx)) / 2, 1000)
        oy = plan_edit.snap(miny - (height_px * mm_per_px - (maxy - miny)) / 2, 1000)
        return cls(width_px, height_px, mm_per_px, ox, oy)

    @property
    def view_width_mm(self) -> float:
        return self.width_px * self.mm_per_px

    def to_mm(self, x_px: float, y_px: float) -> tuple[float, float]:
        return (self.origin_x_mm + x_px * self.mm_per_px, self.origin_y_mm + (self.height_px - y_px) * self.mm_per_px)

    def to_px(self, x_mm: float, y_mm: float) -> tuple[float, float]:
        return ((x_mm - self.origin_x_mm) / self.mm_per_px, self.height_px - (y_mm - self.origin_y_mm) / self.mm_per_px)

    def length_px(self, length_mm: float) -> float:
        return length_mm / self.mm_per_px

    def to_dict(self) -> dict:
        return {"width_px": self.width_px, "height_px": self.height_px, "mm_per_px": self.mm_per_px,
                "origin_x_mm": self.origin_x_mm, "origin_y_mm": self.origin_y_mm}


@dataclass(frozen=True, slots=True)
class Shape:
    """One thing drawn on the canvas, in canvas pixels: 'rect' or 'polygon' (corners), or 'point' (one)."""

    kind: str
    points_px: tuple[tuple[float, float], ...]


def _num(obj: dict, key: str, default: float = 0.0) -> float:
    value = obj.get(key, default)
    try:
        value = float(value)
    except (TypeError, ValueError):
        return default
    return value if math.isfinite(value) else default


def _origin(value, default: str = "center") -> float:
    if isinstance(value, (int, float)):
        return float(value)
    return ORIGIN_SHARE.get(str(value if value is not None else default), 0.5)


def _centre(obj: dict, width: float, height: float) -> tuple[float, float]:
    """The centre of a Fabric object in canvas pixels, from left/top, its origin, size, scale and stroke."""
    sx, sy, stroke = _num(obj, "scaleX", 1), _num(obj, "scaleY", 1), _num(obj, "strokeWidth", 0)
    if obj.get("strokeUniform"):
        w, h = width * sx + stroke, height * sy + stroke
    else:
        w, h = (width + stroke) * sx, (height + stroke) * sy
    ox, oy = _origin(obj.get("originX")), _origin(obj.get("originY"))
    angle = math.radians(_num(obj, "angle"))
    # left/top is where the origin point sits; the centre is offset from it in the object's rotated frame.
    dx, dy = (0.5 - ox) * w, (0.5 - oy) * h
    return (_num(obj, "left") + dx * math.cos(angle) - dy * math.sin(angle),
            _num(obj, "top") + dx * math.sin(angle) + dy * math.cos(angle))


def _place(obj: dict, local: list[tuple[float, float]], centre: tuple[float, float]) -> tuple[tuple[float, float], ...]:
    """Local points (relative to the object's centre, unscaled) to canvas pixels."""
    sx, sy = _num(obj, "scaleX", 1) * (-1 if obj.get("flipX") else 1), _num(obj, "scaleY", 1) * (-1 if obj.get("flipY") else 1)
    a = math.radians(_num(obj, "angle"))
    ca, sa = math.cos(a), math.sin(a)
    return tuple((centre[0] + x * sx * ca - y * sy * sa, centre[1] + x * sx * sa + y * sy * ca) for x, y in local)


def shapes(json_data: dict | None) -> list[Shape]:
    """The rectangles, closed polygons, points and straight lines ('line', its two ends) in a canvas's Fabric
    JSON, in drawing order; anything else (free lines, text) is skipped."""
    out: list[Shape] = []
    for obj in (json_data or {}).get("objects", []) or []:
        if not isinstance(obj, dict):
            continue
        kind = str(obj.get("type", "")).lower()
        if kind == "rect":
            w, h = _num(obj, "width"), _num(obj, "height")
            c = _centre(obj, w, h)
            corners = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]
            out.append(Shape("rect", _place(obj, corners, c)))
        elif kind == "polygon":
            pts = [(_num(p, "x"), _num(p, "y")) for p in obj.get("points", []) if isinstance(p, dict)]
            if len(pts) < 3:
                continue
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            w, h = max(xs) - min(xs), max(ys) - min(ys)
            mid = ((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2)
            c = _centre(obj, w, h)
            out.append(Shape("polygon", _place(obj, [(x - mid[0], y - mid[1]) for x, y in pts], c)))
        elif kind == "circle":
            r = _num(obj, "radius")
            out.append(Shape("point", (_centre(obj, 2 * r, 2 * r),)))
        elif kind == "line":
            # Fabric keeps a line's box (width × height about its centre) and which way its ends lie (x1..y2)
            w, h = _num(obj, "width"), _num(obj, "height")
            sx = 1 if _num(obj, "x2") >= _num(obj, "x1") else -1
            sy = 1 if _num(obj, "y2") >= _num(obj, "y1") else -1
            c = _centre(obj, w, h)
            out.append(Shape("line", _place(obj, [(-sx * w / 2, -sy * h / 2), (sx * w / 2, sy * h / 2)], c)))
    return out


@dataclass(frozen=True, slots=True)
class Tool:
    """What the next shape on the canvas becomes, and the numbers it gets."""

    kind: str = "room_rect"
    room_type: str = "bathroom"
    room_name: str = ""
    door_width_mm: float = 900.0
    hinge: str = "left"
    door_kind: str = "hinged"
    fixture_type: str = "wc"
    steps: int | None = None
    rise_mm: float | None = None
    grid_mm: float = 100.0
    names: dict = field(default_factory=dict)  # room type → default name in the user's language


def apply_shapes(plan: Plan, drawn: list[Shape], tool: Tool, frame: CanvasFrame,
                 rules: Rules) -> tuple[Plan, list[str], list[PlanError]]:
    """The plan with each drawn shape added as the tool says; the ids added; and one PlanError per shape
    that could not be used (the plan is then unchanged by that shape; `.message(lang)` says why)."""
    added, problems = [], []
    catch_mm = max(tool.grid_mm, 10 * frame.mm_per_px)  # about a fingertip: snap to a nearby room corner
    for shape in drawn:
        pts = [frame.to_mm(x, y) for x, y in shape.points_px]
        try:
            if shape.kind in ("rect", "polygon"):
                if tool.kind not in ("room_rect", "room_polygon"):
                    continue
                name = tool.room_name.strip() or tool.names.get(tool.room_type, "")
                count = sum(1 for r in plan.rooms if r.type == tool.room_type)
                if name and not tool.room_name.strip() and count:
                    name = f"{name} {count + 1}"
                plan, new_id = plan_edit.add_room(plan, pts, name, tool.room_type, rules, tool.grid_mm, catch_mm)
            elif tool.kind == "move":               # a drag from an element to where it goes
                if shape.kind != "line":
                    continue
                plan, new_id = plan_edit.move_at(plan, pts[0], pts[-1], rules, tool.grid_mm,
                                                 reach_mm=max(300.0, 15 * frame.mm_per_px))
            elif shape.kind == "line":
                continue
            elif tool.kind == "door":
                plan, new_id = plan_edit.add_door_at(plan, pts[0], tool.door_width_mm, rules, tool.hinge,
                                                     tool.door_kind, grid_mm=min(tool.grid_mm, 50),
                                                     reach_mm=max(600.0, 30 * frame.mm_per_px))
            elif tool.kind == "fixture":
                plan, new_id = plan_edit.add_fixture_at(plan, pts[0], tool.fixture_type, rules,
                                                        grid_mm=min(tool.grid_mm, 50))
            elif tool.kind == "entrance":
                door = plan_edit.nearest_door(plan, pts[0], reach_mm=max(1000.0, 40 * frame.mm_per_px))
                if door is None:
                    raise PlanError.text("edit.tap_door")
                plan, new_id = plan_edit.set_entrance(plan, rules, door, tool.steps, tool.rise_mm), "entrance"
            else:
                continue
            added.append(new_id)
        except PlanError as exc:
            problems.append(exc)
    return plan, added, problems


# ---------------------------------------------------------------------------------------------------------------
# The plan drawn back in canvas pixels, as SVG, for the canvas's background.

FIXTURE_FILL = {"wc": "#dbe9f6", "shower": "#cde8f0", "bath": "#cde8f0", "sink": "#dbe9f6", "bed": "#eee3d3",
                "kitchen": "#e9e4d8"}


def _pts(frame: CanvasFrame, coords) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in (frame.to_px(a, b) for a, b in coords))


def plan_svg(plan: Plan, frame: CanvasFrame, grid_mm: float = 100.0, findings: list[Finding] = (),
             labels: dict[str, str] | None = None, underlay: Underlay | None = None) -> str:
    """The plan as an SVG of exactly the canvas's size: the plan image traced over (faded), grid, rooms with name
    and size, doors with their swing (coloured by the door findings), fixtures, turning circles, and a scale bar.
    labels: element id → text."""
    labels = labels or {}
    W, H = frame.width_px, frame.height_px
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
           f'font-family="DejaVu Sans, Arial, sans-serif">', f'<rect width="{W}" height="{H}" fill="#ffffff"/>',
           underlay_svg(underlay, frame.to_px, frame.mm_per_px)]
    for step, colour, min_px in ((grid_mm, "#eef1f5", 6), (1000.0, "#d5dbe3", 0)):
        if step <= 0 or frame.length_px(step) < min_px:
            continue
        x0 = math.ceil(frame.origin_x_mm / step) * step
        x = x0
        while x <= frame.origin_x_mm + W * frame.mm_per_px:
            px = frame.to_px(x, 0)[0]
            out.append(f'<line x1="{px:.1f}" y1="0" x2="{px:.1f}" y2="{H}" stroke="{colour}" stroke-width="1"/>')
            x += step
        y = math.ceil(frame.origin_y_mm / step) * step
        while y <= frame.origin_y_mm + H * frame.mm_per_px:
            py = frame.to_px(0, y)[1]
            out.append(f'<line x1="0" y1="{py:.1f}" x2="{W}" y2="{py:.1f}" stroke="{colour}" stroke-width="1"/>')
            y += step
    door_status = worst_by_element(findings)
    for room in plan.rooms:
        out.append(f'<polygon points="{_pts(frame, room.polygon.exterior.coords)}" fill="#f7f4ec" '
                   f'fill-opacity="{0.6 if underlay is not None else 1}" stroke="#333" stroke-width="3" '
                   f'stroke-linejoin="miter"/>')
    for fx in plan.fixtures:
        out.append(f'<polygon points="{_pts(frame, fx.footprint.exterior.coords)}" '
                   f'fill="{FIXTURE_FILL.get(fx.type, "#eee")}" stroke="#4a6785" stroke-width="1.5"/>')
        c = frame.to_px(fx.footprint.centroid.x, fx.footprint.centroid.y)
        out.append(f'<text x="{c[0]:.1f}" y="{c[1] + 4:.1f}" font-size="11" text-anchor="middle" fill="#24425f">'
                   f'{html.escape(labels.get(fx.id, fx.type))}</text>')
    for f in findings:
        if f.check == "turning_circle" and f.geometry is not None and not f.geometry.is_empty:
            colour = COLOURS[f.status]
            dash = '' if f.status == PASS else ' stroke-dasharray="6 4"'
            out.append(f'<polygon points="{_pts(frame, f.geometry.exterior.coords)}" fill="{colour}" '
                       f'fill-opacity="0.08" stroke="{colour}" stroke-width="2"{dash}/>')
    for door in plan.doors:
        colour = COLOURS[door_status.get(door.id, UNKNOWN)]
        if door.opening is not None:
            (hx, hy), (lx, ly) = door.opening.coords[0], door.opening.coords[-1]
            a, b = frame.to_px(hx, hy), frame.to_px(lx, ly)
            out.append(f'<line x1="{a[0]:.1f}" y1="{a[1]:.1f}" x2="{b[0]:.1f}" y2="{b[1]:.1f}" stroke="#ffffff" '
                       f'stroke-width="5"/>')
        if door.swing is not None:
            out.append(f'<polygon points="{_pts(frame, door.swing.exterior.coords)}" fill="{colour}" '
                       f'fill-opacity="0.12" stroke="{colour}" stroke-width="1.5"/>')
        p = frame.to_px(door.position.x, door.position.y)
        out.append(f'<text x="{p[0] + 4:.1f}" y="{p[1] - 4:.1f}" font-size="11" font-weight="bold" '
                   f'fill="{colour}">{html.escape(door.id)}</text>')
    for room in plan.rooms:
        c = room.polygon.representative_point()
        x, y = frame.to_px(c.x, c.y)
        minx, miny, maxx, maxy = room.polygon.bounds
        size = f"{(maxx - minx) / 1000:.2f} × {(maxy - miny) / 1000:.2f} m".replace(".", ",")
        out.append(f'<text x="{x:.1f}" y="{y - 2:.1f}" font-size="13" font-weight="bold" text-anchor="middle" '
                   f'fill="#222">{html.escape(room.name or room.id)}</text>')
        out.append(f'<text x="{x:.1f}" y="{y + 13:.1f}" font-size="11" text-anchor="middle" fill="#555">'
                   f'{html.escape(size)}</text>')
    if plan.entrance is not None and plan.entrance.door and plan.door(plan.entrance.door) is not None:
        p = plan.door(plan.entrance.door).position
        x, y = frame.to_px(p.x, p.y)
        text = labels.get("entrance", "↑")
        out.append(f'<text x="{x:.1f}" y="{y + 22:.1f}" font-size="12" text-anchor="middle" fill="#6a1b9a" '
                   f'font-weight="bold">{html.escape(text)}</text>')
    bar_px = frame.length_px(1000.0)
    out.append(f'<line x1="10" y1="{H - 12}" x2="{10 + bar_px:.1f}" y2="{H - 12}" stroke="#222" stroke-width="3"/>'
               f'<text x="{14 + bar_px:.1f}" y="{H - 8}" font-size="11" fill="#222">1 m</text>')
    out.append("</svg>")
    return "".join(out)


def svg_data_url(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
