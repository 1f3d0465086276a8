"""The dimensioned sketch for an application: the plan at a true scale on A4, with room dimensions, door clear
widths, the entrance rise and the ramp or raised ground outside it, turning circles, north arrow and scale bar.

Lengths are millimetres in the drawing's frame. The figure is made at the size it prints (`paper_mm`), so the
scale it states (1:50, 1:100, …) holds on paper; as SVG it goes into the PDF report as vector graphics.
"""
from __future__ import annotations

import io
import math
from dataclasses import dataclass

import matplotlib
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyArrow, Polygon as MplPolygon, Rectangle
from shapely.affinity import rotate
from shapely.affinity import translate
from shapely.geometry import LineString, Point, Polygon, box

from planner.geometry import RoomIndex
from planner.output.drawing import ROOM_FILL, _bounds_mm, _polys
from planner.model.status import COLOURS, worst
from planner.model.findings import FAIL, PASS, UNKNOWN, Finding
from planner.i18n import fmt_decimal, fmt_mm, register, t
from planner.model.plan import Door, Plan

SCALES = (20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)
PAPER_MM = (180.0, 200.0)        # the drawing's share of an upright A4 page inside its margins
LANDSCAPE_PAPER_MM = (267.0, 140.0)  # … and of an A4 page on its side
MARGIN_PAPER_MM = 16.0           # room on paper around the plan for the outer dimensions, arrow and scale bar
MM_PER_INCH = 25.4
DIM_OFFSET_PAPER_MM = 6.0        # outer dimension lines stand this far off the plan on paper
RAISED_FILL = "#eadfce"          # raised ground: the colour of gravel
# On paper a room needs this much [mm] to carry its dimensions and name legibly; at scales smaller than
# 1:DOOR_LABELS_UP_TO_SCALE only failing doors are labelled (the findings table lists every door)
DIMENSION_MIN_PAPER_MM = 14.0
LABEL_MIN_PAPER_MM = 9.0
DOOR_LABELS_UP_TO_SCALE = 100

register({
    "sketch.scale": {"en": "Scale 1:{scale} printed on A4", "nb": "Målestokk 1:{scale} utskrevet på A4"},
    "sketch.north_unknown": {"en": "N? (north not given: the arrow is the drawing's up)",
                             "nb": "N? (nord er ikke oppgitt: pilen viser tegningens opp)"},
    "sketch.door": {"en": "{id} clear {width}", "nb": "{id} fri {width}"},
    "sketch.rise": {"en": "Rise {rise} mm", "nb": "Høydeforskjell {rise} mm"},
    "sketch.rise_unknown": {"en": "Rise not measured", "nb": "Høydeforskjell ikke målt"},
    "sketch.ramp": {"en": "Ramp {length} m at 1:{slope}, width {width} mm",
                    "nb": "Rampe {length} m med stigning 1:{slope}, bredde {width} mm"},
    "sketch.raised": {"en": "Raised ground {length} m, fall 1:{slope}, width {width} mm",
                      "nb": "Hevet terreng {length} m, fall 1:{slope}, bredde {width} mm"},
    "sketch.landing": {"en": "landing", "nb": "repos"},
    "sketch.top_landing": {"en": "level {size}", "nb": "plan {size}"},
    "sketch.turning": {"en": "Ø {d}", "nb": "Ø {d}"},
    "sketch.mm": {"en": "Dimensions in mm", "nb": "Mål i mm"},
})


@dataclass(frozen=True, slots=True)
class EntranceWorks:
    """The works chosen at the entrance, sized by the caller (costing): kind "ramp" or "raised_ground".

    rise_mm: the rise bridged; slope: as a ratio (1/15); run_mm: the sloped length; landings: rest landings
    of landing_mm between the runs; top_landing_mm: the level area outside the door; width_mm: across."""

    kind: str
    rise_mm: float
    slope: float
    run_mm: float
    landings: int
    landing_mm: float
    top_landing_mm: float
    width_mm: float

    @property
    def total_length_mm(self) -> float:
        return self.top_landing_mm + self.run_mm + self.landings * self.landing_mm


def entrance_door(plan: Plan) -> Door | None:
    """The door the entrance rise belongs to: the one the plan names, else the first exterior door."""
    named = plan.door(plan.entrance.door) if plan.entrance is not None and plan.entrance.door else None
    return named or next((d for d in plan.doors if d.exterior), None)


def outward(plan: Plan, door: Door) -> tuple[float, float]:
    """The unit vector across a door's opening that points away from the plan's rooms."""
    if door.opening is not None:
        (x0, y0), (x1, y1) = door.opening.coords[0], door.opening.coords[-1]
        length = math.dist((x0, y0), (x1, y1)) or 1.0
        nx, ny = -(y1 - y0) / length, (x1 - x0) / length
    else:
        nx, ny = 0.0, -1.0
    probe = Point(door.position.x + nx * 300, door.position.y + ny * 300)
    inside = RoomIndex(plan.rooms).room_at(probe) is not None
    return (-nx, -ny) if inside else (nx, ny)


def works_outline(plan: Plan, works: EntranceWorks) -> list[tuple[str, Polygon]]:
    """The pieces of the entrance works as polygons in the plan's frame: ("top", …), ("run", …), ("landing", …),
    laid out straight out from the entrance door. Empty when the plan has no entrance door."""
    door = entrance_door(plan)
    if door is None:
        return []
    ux, uy = outward(plan, door)
    angle = math.degrees(math.atan2(uy, ux))
    pieces, along = [], 0.0
    half = works.width_mm / 2
    top_half = max(half, works.top_landing_mm / 2)
    pieces.append(("top", box(0, -top_half, works.top_landing_mm, top_half)))
    along = works.top_landing_mm
    runs = works.landings + 1
    run = works.run_mm / runs
    for i in range(runs):
        pieces.append(("run", box(along, -half, along + run, half)))
        along += run
        if i < works.landings:
            pieces.append(("landing", box(along, -half, along + works.landing_mm, half)))
            along += works.landing_mm
    x, y = door.position.x, door.position.y
    return [(kind, _place(poly, angle, x, y)) for kind, poly in pieces]


def _place(poly: Polygon, angle: float, x: float, y: float) -> Polygon:
    return translate(rotate(poly, angle, origin=(0, 0)), x, y)


def choose_paper(width_mm: float, height_mm: float) -> tuple[int, tuple[float, float]]:
    """The scale and page (upright or on its side) that print a width × height [mm] plan largest; upright when
    both give the same scale."""
    return min(((choose_scale(width_mm, height_mm, paper), i, paper)
                for i, paper in enumerate((PAPER_MM, LANDSCAPE_PAPER_MM))))[::2]


def choose_scale(width_mm: float, height_mm: float, paper_mm: tuple[float, float] = PAPER_MM) -> int:
    """The smallest usual scale at which a width × height [mm] plan and its margins fit on paper_mm."""
    for scale in SCALES:
        if (width_mm / scale + 2 * MARGIN_PAPER_MM <= paper_mm[0]
                and height_mm / scale + 2 * MARGIN_PAPER_MM <= paper_mm[1]):
            return scale
    return SCALES[-1]


def _bounds(plan: Plan, extra: list[Polygon]) -> tuple[float, float, float, float]:
    """The plan's bounding box [mm] (planner.output.drawing) grown to take in the entrance works."""
    boxes = [b for b in [_bounds_mm(plan)] if b is not None] + [g.bounds for g in extra]
    if not boxes:
        return (0.0, 0.0, 1000.0, 1000.0)
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _dimension(ax, a: tuple[float, float], b: tuple[float, float], text: str, colour: str = "#1f2328",
               size: float = 6.5, tick_mm: float = 80.0) -> None:
    """An architect's dimension line from a to b with slashed ends and its length text above the middle."""
    length = math.dist(a, b) or 1.0
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    lines = [[a, b]]
    for px, py in (a, b):  # a 45° slash at each end
        dx, dy = (ux - uy) * tick_mm * 0.7, (uy + ux) * tick_mm * 0.7
        lines.append([(px - dx, py - dy), (px + dx, py + dy)])
    # one collection per dimension: a large plan has hundreds, and a Line2D each would take seconds
    ax.add_collection(LineCollection(lines, colors=colour, linewidths=(0.5, 0.8, 0.8), zorder=11))
    if ux < -1e-9 or (abs(ux) <= 1e-9 and uy < 0):   # text reads left to right, or bottom to top
        ux, uy = -ux, -uy
    ax.annotate(text, ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), xytext=(-uy * 5, ux * 5), textcoords="offset points",
                ha="center", va="center", rotation=math.degrees(math.atan2(uy, ux)), fontsize=size, color=colour,
                zorder=12,
                bbox={"boxstyle": "square,pad=0.05", "facecolor": "white", "alpha": 0.8, "linewidth": 0})


def _chord(poly: Polygon, horizontal: bool, inset_mm: float) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The longest inner length of a room along a horizontal (vertical) line inset_mm above (right of) its
    lowest (leftmost) edge [mm]: for a rectangle, its width (depth)."""
    minx, miny, maxx, maxy = poly.bounds
    line = (LineString([(minx - 1, miny + inset_mm), (maxx + 1, miny + inset_mm)]) if horizontal
            else LineString([(minx + inset_mm, miny - 1), (minx + inset_mm, maxy + 1)]))
    cut = poly.intersection(line)
    parts = [g for g in getattr(cut, "geoms", [cut]) if isinstance(g, LineString) and not g.is_empty]
    if not parts:
        return None
    part = max(parts, key=lambda g: g.length)
    return part.coords[0], part.coords[-1]


def room_chords(plan: Plan, inset_mm: float) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Each room's inner width and depth as (start, end) points [mm], inset_mm in from its lower and left edges."""
    out = []
    for room in plan.rooms:
        for horizontal in (True, False):
            chord = _chord(room.polygon, horizontal, inset_mm)
            if chord is not None and math.dist(*chord) > 2 * inset_mm:
                out.append(chord)
    return out


def draw_sketch(plan: Plan, findings: list[Finding] = (), lang: str = "nb", works: EntranceWorks | None = None,
                north_deg: float | None = None) -> tuple[Figure, int]:
    """The sketch as a Figure the size it prints, and its scale (1:scale). north_deg: where north points,
    in degrees counter-clockwise from the drawing's up; None when nobody has said (the arrow says so)."""
    outline = works_outline(plan, works) if works is not None else []
    minx, miny, maxx, maxy = _bounds(plan, [p for _, p in outline])
    scale, _ = choose_paper(maxx - minx, maxy - miny)
    margin = MARGIN_PAPER_MM * scale
    width_paper = (maxx - minx) / scale + 2 * MARGIN_PAPER_MM
    height_paper = (maxy - miny) / scale + 2 * MARGIN_PAPER_MM + 10  # room below for the legend
    fig = Figure(figsize=(width_paper / MM_PER_INCH, height_paper / MM_PER_INCH))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(minx - margin, maxx + margin)
    ax.set_ylim(miny - margin - 10 * scale, maxy + margin)
    ax.set_aspect("equal")
    ax.axis("off")
    by_element: dict[str, list[Finding]] = {}
    for f in findings:
        by_element.setdefault(f.element, []).append(f)
    tick = 1.0 * scale  # 1 mm on paper

    for room in plan.rooms:
        ax.add_patch(MplPolygon(list(room.polygon.exterior.coords), closed=True, linewidth=0.6,
                                facecolor=ROOM_FILL.get(room.type, ROOM_FILL["other"]), edgecolor="#57606a",
                                alpha=0.6, zorder=2))
    if plan.walls:
        ax.add_collection(LineCollection([list(w.coords) for w in plan.walls], colors="#24292f", linewidths=1.4,
                                         zorder=3))
    for fixture in plan.fixtures:
        for poly in _polys(fixture.footprint):
            ax.add_patch(MplPolygon(list(poly.exterior.coords), closed=True, facecolor="white",
                                    edgecolor="#475569", linewidth=0.6, zorder=4))
    for f in findings:
        if f.check != "turning_circle" or f.geometry is None:
            continue
        colour = COLOURS[f.status]
        for poly in _polys(f.geometry):
            ax.add_patch(MplPolygon(list(poly.exterior.coords), closed=True, facecolor="none", edgecolor=colour,
                                    linewidth=0.9, linestyle="-" if f.status == PASS else "--", zorder=6))
            c = poly.centroid
            if f.measured:
                below = c.y - (poly.bounds[3] - poly.bounds[1]) * 0.3   # under the room's name
                ax.text(c.x, below, t("sketch.turning", lang, d=fmt_mm(f.measured)), fontsize=5.5, color=colour,
                        ha="center", va="center", zorder=7)
    for a, b in room_chords(plan, 3.5 * tick):
        if math.dist(a, b) >= DIMENSION_MIN_PAPER_MM * tick:   # a room too small on paper to carry its numbers
            _dimension(ax, a, b, fmt_mm(math.dist(a, b)), colour="#57606a", tick_mm=tick)
    for room in plan.rooms:
        p = room.polygon.representative_point()
        minx_r, miny_r, maxx_r, maxy_r = room.polygon.bounds
        if min(maxx_r - minx_r, maxy_r - miny_r) < LABEL_MIN_PAPER_MM * tick:
            continue
        ax.text(p.x, p.y, f"{room.name or room.id}\n{room.area_m2:.1f} m²".replace(".", ","),
                fontsize=6.5, ha="center", va="center", zorder=10, color="#1f2328",
                bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "alpha": 0.6, "linewidth": 0})
    for door in plan.doors:
        statuses = [f.status for f in by_element.get(door.id, [])]
        width_status = next((f.status for f in by_element.get(door.id, []) if f.check == "door_clear_width"),
                            UNKNOWN)
        colour = COLOURS[worst(statuses)]
        for poly in _polys(door.swing):
            ax.add_patch(MplPolygon(list(poly.exterior.coords), closed=True, facecolor="none", edgecolor=colour,
                                    linewidth=0.5, linestyle=":", zorder=7))
        if door.opening is not None:
            xs, ys = door.opening.xy
            ax.plot(xs, ys, color=colour, linewidth=2.2, solid_capstyle="butt", zorder=8)
        if scale <= DOOR_LABELS_UP_TO_SCALE or width_status == FAIL:   # small scale: only doors too narrow
            label = t("sketch.door", lang, id=door.id, width=fmt_mm(door.clear_width_mm)) \
                if scale <= DOOR_LABELS_UP_TO_SCALE else door.id   # … by their id: the table has the widths
            ax.annotate(label, door.xy, xytext=(4, -8), textcoords="offset points", fontsize=6,
                        color=COLOURS[width_status], fontweight="bold", zorder=12,
                        bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "alpha": 0.85, "linewidth": 0})
        if FAIL in statuses:
            ax.add_patch(Circle(door.xy, max(door.leaf_width_mm * 0.5, min(4 * tick, door.leaf_width_mm)),
                                facecolor="none",
                                edgecolor=COLOURS[FAIL], linewidth=1.2, zorder=9))
    _entrance(ax, plan, findings, works, outline, lang)
    _outer_dimensions(ax, (minx, miny, maxx, maxy), scale)
    _north_arrow(ax, maxx + margin * 0.55, maxy + margin * 0.35, scale, north_deg, lang)
    _scale_bar(ax, minx, miny - margin - 6 * scale, scale, lang)
    return fig, scale


def _entrance(ax, plan: Plan, findings: list[Finding], works: EntranceWorks | None,
              outline: list[tuple[str, Polygon]], lang: str) -> None:
    entrance = next((f for f in findings if f.check == "step_free_entrance"), None)
    door = entrance_door(plan)
    if entrance is None or door is None:
        return
    colour = COLOURS[entrance.status]
    rise = t("sketch.rise", lang, rise=fmt_mm(entrance.measured)) if entrance.measured is not None \
        else t("sketch.rise_unknown", lang)
    ux, uy = outward(plan, door)
    for kind, poly in outline:
        fill = RAISED_FILL if works.kind == "raised_ground" else "#f6f8fa"   # no hatch: fpdf2 drops SVG patterns
        ax.add_patch(MplPolygon(list(poly.exterior.coords), closed=True, facecolor=fill, edgecolor="#0969da",
                                linewidth=0.8, zorder=5))
        if kind == "landing":
            c = poly.centroid
            ax.text(c.x, c.y, t("sketch.landing", lang), fontsize=5.5, ha="center", va="center", color="#0969da",
                    zorder=6)
    if outline:
        top = outline[0][1]
        end = (door.position.x + ux * works.total_length_mm, door.position.y + uy * works.total_length_mm)
        side = (-uy, ux)
        off = works.width_mm / 2 + 400
        a = (door.position.x + side[0] * off, door.position.y + side[1] * off)
        b = (end[0] + side[0] * off, end[1] + side[1] * off)
        _dimension(ax, a, b, fmt_mm(works.total_length_mm), colour="#0969da")
        for kind, poly in outline:
            if kind == "run":   # an arrow up the slope, towards the door
                (x0, y0), (x1, y1) = poly.centroid.coords[0], poly.centroid.coords[0]
                half = works.run_mm / (works.landings + 1) * 0.4
                ax.annotate("", (x0 - ux * half, y0 - uy * half), xytext=(x0 + ux * half, y0 + uy * half),
                            arrowprops={"arrowstyle": "->", "color": "#0969da", "linewidth": 0.8}, zorder=6)
        key = "sketch.ramp" if works.kind == "ramp" else "sketch.raised"
        ax.annotate(t(key, lang, length=fmt_decimal(works.total_length_mm / 1000, lang, 2),
                      slope=round(1 / works.slope), width=fmt_mm(works.width_mm)), end, xytext=(ux * 12, uy * 12),
                    textcoords="offset points", ha="center", va="center", fontsize=7, color="#0969da", zorder=13,
                    bbox={"boxstyle": "square,pad=0.15", "facecolor": "white", "alpha": 0.9, "linewidth": 0})
        c = top.centroid
        ax.text(c.x, c.y, t("sketch.top_landing", lang, size=f"{fmt_mm(works.top_landing_mm)} × "
                                                         f"{fmt_mm(works.top_landing_mm)}"),
                fontsize=5.5, ha="center", va="center", color="#0969da", zorder=6)
    ax.annotate(rise, door.xy, xytext=(ux * 30, uy * 30 - 10), textcoords="offset points", ha="center",
                fontsize=7, color=colour, fontweight="bold", zorder=13,
                arrowprops={"arrowstyle": "->", "color": colour, "linewidth": 0.8},
                bbox={"boxstyle": "square,pad=0.15", "facecolor": "white", "alpha": 0.9, "linewidth": 0})


def _outer_dimensions(ax, bounds: tuple[float, float, float, float], scale: int) -> None:
    minx, miny, maxx, maxy = bounds
    off = DIM_OFFSET_PAPER_MM * scale
    _dimension(ax, (minx, miny - off), (maxx, miny - off), fmt_mm(maxx - minx), size=7, tick_mm=scale)
    _dimension(ax, (minx - off, miny), (minx - off, maxy), fmt_mm(maxy - miny), size=7, tick_mm=scale)


def _north_arrow(ax, x: float, y: float, scale: int, north_deg: float | None, lang: str) -> None:
    length = 8 * scale
    angle = math.radians(90 + (north_deg or 0.0))
    dx, dy = math.cos(angle) * length, math.sin(angle) * length
    ax.add_patch(FancyArrow(x - dx / 2, y - dy / 2, dx, dy, width=0.8 * scale, head_width=3 * scale,
                            head_length=3 * scale, length_includes_head=True, color="#1f2328", zorder=12))
    text = "N" if north_deg is not None else t("sketch.north_unknown", lang)
    ax.text(x + dx / 2, y + dy / 2 + 1.5 * scale, text, fontsize=6 if north_deg is None else 8,
            ha="right" if north_deg is None else "center", va="bottom", zorder=12)


def _scale_bar(ax, x: float, y: float, scale: int, lang: str) -> None:
    """A bar of a round length about 40 mm long on paper, in black and white quarters, with the scale."""
    target = 40 * scale
    length = next(v for v in (100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 1e9)
                  if v >= target / 2)
    height = 1.2 * scale
    for i in range(4):
        ax.add_patch(Rectangle((x + i * length / 4, y), length / 4, height, facecolor="#1f2328" if i % 2 == 0
                               else "white", edgecolor="#1f2328", linewidth=0.5, zorder=12))
    ax.text(x, y + height * 1.6, "0", fontsize=6, ha="center", va="bottom", zorder=12)
    ax.text(x + length, y + height * 1.6, f"{length / 1000:g} m".replace(".", ","), fontsize=6, ha="center",
            va="bottom", zorder=12)
    ax.text(x + length * 1.15, y, t("sketch.scale", lang, scale=scale) + " · " + t("sketch.mm", lang),
            fontsize=6.5, ha="left", va="bottom", zorder=12)


def sketch_bytes(plan: Plan, findings: list[Finding] = (), lang: str = "nb", works: EntranceWorks | None = None,
                 fmt: str = "svg", dpi: int = 200) -> bytes:
    """The sketch as SVG (text kept as text, so it stays searchable in the PDF) or PNG bytes."""
    fig, _ = draw_sketch(plan, findings, lang, works)
    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        fig.savefig(buf, format=fmt, dpi=dpi, metadata=None if fmt == "png" else {"Date": None})
    return buf.getvalue()
