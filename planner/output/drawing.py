"""Draw a plan with its findings: rooms, walls, doors, fixtures, turning circles, failing elements marked."""
from __future__ import annotations

import matplotlib
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.patches import Circle, Polygon as MplPolygon
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from planner.model.findings import FAIL, PASS, Finding
from planner.i18n import t
from planner.model.plan import Plan
from planner.model.numbers import fmt_number
from planner.model.status import COLOURS, worst

# Room names and ids come from files: a "$" in one must stay a dollar sign, never start mathtext.
matplotlib.rcParams["text.parse_math"] = False

ROOM_FILL = {"bathroom": "#dbeafe", "wc": "#dbeafe", "bedroom": "#ede9fe", "living": "#fef3c7",
             "kitchen": "#fde68a", "hall": "#e5e7eb", "storage": "#f3f4f6", "common": "#e5e7eb",
             "other": "#f9fafb"}
FIXTURE_FILL = "#94a3b8"
# checks whose finding is an area of floor, drawn shaded: the turning space, the space at the WC, ...
AREA_CHECKS = {"turning_circle", "wc_side_space", "free_passage", "entrance_landing", "door_side_space"}


# A label is drawn when the element's smaller side is at least this share of the plan's larger side, so a
# large building stays legible; every element is in the findings table whatever the drawing shows.
LABEL_SHARE = {"full": 0.12, "short": 0.03, "fixture": 0.04}
DOOR_LABELS_UP_TO_MM = 25_000  # on a larger plan only failing doors carry their id


def _bounds_mm(plan: Plan) -> tuple[float, float, float, float] | None:
    """The bounding box of the rooms, walls and doors [mm], or None for an empty plan."""
    shapes = [r.polygon for r in plan.rooms] + list(plan.walls) + [d.position for d in plan.doors]
    if not shapes:
        return None
    boxes = [g.bounds for g in shapes]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def _extent_mm(plan: Plan) -> float:
    """The larger side of the plan's bounding box [mm]."""
    bounds = _bounds_mm(plan)
    return 1.0 if bounds is None else max(bounds[2] - bounds[0], bounds[3] - bounds[1], 1.0)


def _size_mm(geom: BaseGeometry) -> float:
    """The smaller side of a shape's bounding box [mm]."""
    minx, miny, maxx, maxy = geom.bounds
    return min(maxx - minx, maxy - miny)


def _polys(geom: BaseGeometry | None) -> list[Polygon]:
    if geom is None or geom.is_empty:
        return []
    return [g for g in getattr(geom, "geoms", [geom]) if isinstance(g, Polygon)]


def _add_poly(ax, poly: Polygon, **style) -> None:
    ax.add_patch(MplPolygon(list(poly.exterior.coords), closed=True, **style))


def draw_plan(plan: Plan, findings: list[Finding] = (), lang: str = "nb", highlight: str | None = None,
              figsize: tuple[float, float] = (9, 7)) -> Figure:
    """A matplotlib Figure of the plan in metres, with each turning circle (green where it fits, red where the
    largest free circle falls short) and each door coloured by its worst finding."""
    fig = Figure(figsize=figsize, dpi=110)
    ax = fig.add_subplot(1, 1, 1)
    ax.set_aspect("equal")
    by_element: dict[str, list[Finding]] = {}
    for f in findings:
        by_element.setdefault(f.element, []).append(f)

    if plan.ignored:  # one collection each: a real drawing has thousands of lines
        ax.add_collection(LineCollection([list(line.coords) for line in plan.ignored], colors="#d0d7de",
                                         linewidths=0.5, zorder=1))
    for room in plan.rooms:
        fill = ROOM_FILL.get(room.type, ROOM_FILL["other"])
        edge = "#0969da" if highlight == room.id else "#57606a"
        _add_poly(ax, room.polygon, facecolor=fill, edgecolor=edge, linewidth=2 if highlight == room.id else 0.8,
                  zorder=2)
    if plan.walls:
        ax.add_collection(LineCollection([list(line.coords) for line in plan.walls], colors="#24292f",
                                         linewidths=1.6, zorder=3))
    extent = _extent_mm(plan)
    for fixture in plan.fixtures:
        for poly in _polys(fixture.footprint):
            _add_poly(ax, poly, facecolor=FIXTURE_FILL, edgecolor="#475569", linewidth=0.8, alpha=0.8, zorder=4)
        if _size_mm(fixture.footprint) >= LABEL_SHARE["fixture"] * extent:
            c = fixture.footprint.centroid
            ax.text(c.x, c.y, t(f"fixture.{fixture.type}", lang), fontsize=6.5, ha="center", va="center",
                    zorder=5, color="#0f172a")
    for f in findings:
        if f.check not in AREA_CHECKS or f.geometry is None:
            continue
        colour = COLOURS[f.status]
        for poly in _polys(f.geometry):
            _add_poly(ax, poly, facecolor=colour, alpha=0.18, edgecolor=colour, linewidth=1.4,
                      linestyle="-" if f.status == PASS else "--", zorder=6)
    for f in findings:   # a route that breaks, through the doors it passes
        if f.check == "step_free_route" and f.status != PASS and isinstance(f.geometry, LineString):
            xs, ys = f.geometry.xy
            ax.plot(xs, ys, color=COLOURS[f.status], linewidth=1.2, linestyle="--", zorder=6)
    for door in plan.doors:
        status = worst(f.status for f in by_element.get(door.id, []))
        colour = COLOURS[status]
        for poly in _polys(door.swing):
            _add_poly(ax, poly, facecolor="none", edgecolor=colour, linewidth=0.9, linestyle=":", zorder=7)
        if door.opening is not None:
            xs, ys = door.opening.xy
            ax.plot(xs, ys, color=colour, linewidth=4 if status == FAIL else 2.5, solid_capstyle="butt", zorder=8)
        if extent <= DOOR_LABELS_UP_TO_MM or status == FAIL:
            ax.annotate(door.id, door.xy, fontsize=7, color=colour, fontweight="bold", zorder=9,
                        xytext=(3, 3), textcoords="offset points")
        if status == FAIL:
            ax.add_patch(Circle(door.xy, max(door.leaf_width_mm * 0.45, 150), facecolor="none", edgecolor=colour,
                                linewidth=1.8, zorder=9))
    for room in plan.rooms:
        p = room.polygon.representative_point()
        size = _size_mm(room.polygon)
        if size >= LABEL_SHARE["full"] * extent:      # room to spare: name, id and area
            text, fontsize = f"{room.name or room.id}\n{room.id} · {fmt_number(room.area_m2, lang, 1)} m²", 7.5
        elif size >= LABEL_SHARE["short"] * extent:   # a small room on a large plan: its id (the tables say more)
            text, fontsize = room.id, 6
        else:
            continue
        ax.text(p.x, p.y, text, fontsize=fontsize, ha="center", va="center", zorder=10, color="#1f2328",
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "alpha": 0.7, "linewidth": 0})
    entrance = next((f for f in findings if f.check == "step_free_entrance"), None)
    if entrance is not None and isinstance(entrance.geometry, Point):
        ax.annotate(t("drawing.entrance", lang, rise=entrance.params.get("measured") or "?"),
                    (entrance.geometry.x, entrance.geometry.y), xytext=(0, -22), textcoords="offset points",
                    ha="center", fontsize=8, color=COLOURS[entrance.status], fontweight="bold", zorder=10,
                    arrowprops={"arrowstyle": "->", "color": COLOURS[entrance.status]})
    bounds = _bounds_mm(plan)
    if bounds is None:
        ax.autoscale_view()
        ax.margins(0.06)
    else:  # frame the plan itself; greyed geometry far outside it (a section, a title block) is cut off
        minx, miny, maxx, maxy = bounds
        pad = 0.06 * max(maxx - minx, maxy - miny, 1000.0)
        ax.set_xlim(minx - pad, maxx + pad)
        ax.set_ylim(miny - pad, maxy + pad)
    ticks = ax.get_xticks()
    ax.set_xticks(ticks, [f"{v / 1000:g}" for v in ticks])
    ticks = ax.get_yticks()
    ax.set_yticks(ticks, [f"{v / 1000:g}" for v in ticks])
    ax.set_xlabel("m")
    ax.tick_params(labelsize=7)
    ax.grid(True, linewidth=0.3, color="#d0d7de")
    fig.tight_layout()
    return fig


def plan_png(plan: Plan, findings: list[Finding] = (), lang: str = "nb", dpi: int = 130) -> bytes:
    import io
    buf = io.BytesIO()
    draw_plan(plan, findings, lang).savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()
