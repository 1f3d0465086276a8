"""Draw a plan with its findings: rooms, walls, doors, fixtures, turning circles, failing elements marked; and the
overview of a large plan, each room filled by the worst of its findings, with the parts it is read in numbered."""
from __future__ import annotations

import math

import matplotlib
import numpy as np
import shapely
from matplotlib.collections import EllipseCollection, LineCollection
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from planner.model.findings import FAIL, PASS, Finding
from planner.model.gc_pause import with_gc_paused
from planner.output.labels import Labels, text_outline
from planner.i18n import register, t
from planner.model.plan import Plan
from planner.model.numbers import fmt_number
from planner.model.status import COLOURS, ORDER, UNKNOWN, worst, worst_by_element

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
# Outlines are drawn to a 5 000th of the plan's larger side (or of the part's), less than a pixel of the largest
# picture made of it (a page at 200 dpi): a turning circle keeps its 64 corners on a flat's picture, not on a city
# block's.
FINE_PER_EXTENT = 5000
SIMPLIFY_FROM_CORNERS = 16   # a rectangle, a door's leaf and its arc are drawn as they are

register({
    "drawing.labels_left_out": {
        "en": "{n} labels left out where they would overlap others: choose a part of the plan to read them.",
        "nb": "{n} etiketter er utelatt der de ville overlappet andre: velg en del av planen for å lese dem."},
    "drawing.labels_left_out_part": {
        "en": "{n} labels left out where they would overlap others; the tables below list every element.",
        "nb": "{n} etiketter er utelatt der de ville overlappet andre; tabellene under viser alle elementene."},
    "drawing.label_left_out": {
        "en": "One label left out where it would overlap another; the tables below list every element.",
        "nb": "Én etikett er utelatt der den ville overlappet en annen; tabellene under viser alle elementene."}})


def _bounds_mm(plan: Plan) -> tuple[float, float, float, float] | None:
    """The bounding box of the rooms, walls and doors [mm], or None for an empty plan."""
    shapes = [r.polygon for r in plan.rooms] + list(plan.walls) + [d.position for d in plan.doors]
    if not shapes:
        return None
    boxes = shapely.bounds(np.array(shapes, dtype=object))   # one call: a building has thousands of shapes
    boxes = boxes[~np.isnan(boxes).any(axis=1)]
    if not len(boxes):
        return None
    return (float(boxes[:, 0].min()), float(boxes[:, 1].min()), float(boxes[:, 2].max()), float(boxes[:, 3].max()))


def _extent_mm(plan: Plan) -> float:
    """The larger side of the plan's bounding box [mm]."""
    bounds = _bounds_mm(plan)
    return 1.0 if bounds is None else max(bounds[2] - bounds[0], bounds[3] - bounds[1], 1.0)


def _sizes_mm(geoms: list[BaseGeometry]) -> np.ndarray:
    """The smaller side of each shape's bounding box [mm], in one call to shapely."""
    if not geoms:
        return np.empty(0)
    b = shapely.bounds(np.array(geoms, dtype=object))
    return np.minimum(b[:, 2] - b[:, 0], b[:, 3] - b[:, 1])


def _polys(geom: BaseGeometry | None) -> list[Polygon]:
    if geom is None or geom.is_empty:
        return []
    return [g for g in getattr(geom, "geoms", [geom]) if isinstance(g, Polygon)]


def _split(geoms: list[BaseGeometry]) -> list[np.ndarray]:
    """The x, y coordinates of each geometry, in one call to shapely (a real drawing has tens of thousands)."""
    if not geoms:
        return []
    coords, index = shapely.get_coordinates(np.array(geoms, dtype=object), return_index=True)
    return np.split(coords, np.flatnonzero(np.diff(index)) + 1)


def _lines_patch(lines: list[BaseGeometry], **style) -> PathPatch | None:
    """Many lines of one style as one path: one draw call, no object per line."""
    if not lines:
        return None
    coords, index = shapely.get_coordinates(np.array(lines, dtype=object), return_index=True)
    if not len(coords):
        return None
    codes = np.full(len(coords), MplPath.LINETO, dtype=np.uint8)
    codes[np.r_[True, np.diff(index) != 0]] = MplPath.MOVETO   # the first point of each line
    return PathPatch(MplPath(coords, codes), fill=False, **style)


def _add_lines(ax, lines, **style) -> None:
    patch = _lines_patch(list(lines), **style)
    if patch is not None:
        _add_shape(ax, patch)


def _inside(geom: BaseGeometry | None, view: tuple[float, float, float, float] | None) -> bool:
    if view is None or geom is None:
        return True
    minx, miny, maxx, maxy = geom.bounds
    return maxx >= view[0] and minx <= view[2] and maxy >= view[1] and miny <= view[3]


def _within(items: list, geom_of, view: tuple[float, float, float, float] | None) -> list:
    """The items whose geometry (geom_of(item), None counts as inside) reaches into view, their bounds found in one
    call to shapely: a part of a building of thousands of rooms is drawn from its own few."""
    if view is None or not items:
        return list(items)
    geoms = np.array([geom_of(i) for i in items], dtype=object)
    b = shapely.bounds(geoms)   # NaN for None or empty: kept, as _inside keeps them
    keep = ~((b[:, 2] < view[0]) | (b[:, 0] > view[2]) | (b[:, 3] < view[1]) | (b[:, 1] > view[3]))
    return [i for i, k in zip(items, keep) if k]


def _polygon_parts(geoms: list[BaseGeometry | None]) -> np.ndarray:
    """The polygons among the shapes and their parts (each of a multipolygon's), empty ones left out; None is
    nothing. One call to shapely: a building's findings hold tens of thousands of shapes."""
    parts = shapely.get_parts(np.array(geoms, dtype=object))
    return parts[(shapely.get_type_id(parts) == shapely.GeometryType.POLYGON) & ~shapely.is_empty(parts)]


def _add_polygons(ax, styled: list[tuple[tuple, BaseGeometry | None]], style, fine_mm: float = 0.0) -> None:
    """The polygons of shapes drawn as one patch for each style they take, in the order the styles first come:
    (style's arguments, shape) pairs, and style(*arguments) the patch's keywords. One path of thousands of rings is
    one draw call and no object per ring (a PolyCollection makes a path for each); where shapes of one style overlap
    (the turning circles of two rooms that meet) both are filled, once. fine_mm: a detail the picture cannot show
    (a fraction of a pixel); outlines are simplified to it, so a circle on a building's picture is not drawn with
    the 64 corners it has on a flat's."""
    groups: dict[tuple, list[BaseGeometry | None]] = {}
    for args, geom in styled:
        groups.setdefault(args, []).append(geom)
    for args, geoms in groups.items():
        polys = _polygon_parts(geoms)
        many = shapely.get_num_coordinates(polys) > SIMPLIFY_FROM_CORNERS if fine_mm > 0 else None
        if many is not None and many.any():
            polys[many] = shapely.simplify(polys[many], fine_mm, preserve_topology=False)
            polys = polys[~shapely.is_empty(polys)]
        if len(polys):
            _add_shape(ax, _closed_patch(_outlines_path(polys), **style(*args)))


def _add_shape(ax, patch: PathPatch) -> None:
    """Added as an artist, not a patch, and left out of the layout: the axes' limits are set from the plan itself
    (_frame), so matplotlib need not walk every vertex of the path to find its extent, neither for the limits nor
    for the margins around the axes."""
    patch.set_in_layout(False)
    ax.add_artist(patch)


def draw_plan(plan: Plan, findings: list[Finding] = (), lang: str = "nb", highlight: str | None = None,
              figsize: tuple[float, float] = (9, 7), view: tuple[float, float, float, float] | None = None) -> Figure:
    """A matplotlib Figure of the plan in metres, with each turning circle (green where it fits, red where the
    largest free circle falls short) and each door coloured by its worst finding. view: (min x, min y, max x,
    max y) in mm, the part of the plan to show (the whole plan when None). Shapes of one kind are drawn as one
    collection; a label that would overlap another is left out, and the picture says how many were. The figure's
    labels_shown lists the labels drawn, each with the box of its letters [mm]."""
    fig = Figure(figsize=figsize, dpi=110)
    ax = fig.add_subplot(1, 1, 1)
    ax.set_aspect("equal")
    of_element = worst_by_element(findings)
    if view is not None:   # what shows in the part, with the margin _frame gives it
        pad = FRAME_PAD * max(view[2] - view[0], view[3] - view[1], 1000.0)
        view = (view[0] - pad, view[1] - pad, view[2] + pad, view[3] + pad)
    rooms = _within(plan.rooms, lambda r: r.polygon, view)
    doors = _within(plan.doors, lambda d: d.position, view)
    fixtures = _within(plan.fixtures, lambda f: f.footprint, view)
    findings = _within(list(findings), lambda f: f.geometry if isinstance(f.geometry, BaseGeometry) else None, view)

    extent = _extent_mm(plan) if view is None else max(view[2] - view[0], view[3] - view[1], 1.0)
    fine = extent / FINE_PER_EXTENT
    _add_lines(ax, _within(plan.ignored, lambda g: g, view), edgecolor="#d0d7de", linewidth=0.5, zorder=1)
    shown = [r for r in rooms if r.polygon is not None and not r.polygon.is_empty]
    # the highlighted room last, so that its outline lies over its neighbours'
    _add_polygons(ax, [((ROOM_FILL.get(r.type, ROOM_FILL["other"]), r.id == highlight), r.polygon)
                       for r in sorted(shown, key=lambda r: r.id == highlight)],
                  lambda fill, lit: {"facecolor": fill, "edgecolor": "#0969da" if lit else "#57606a",
                                     "linewidth": 2 if lit else 0.8, "zorder": 2}, fine)
    _add_lines(ax, _within(plan.walls, lambda g: g, view), edgecolor="#24292f", linewidth=1.6, zorder=3)
    _add_polygons(ax, [((), f.footprint) for f in fixtures], lambda: {
        "facecolor": FIXTURE_FILL, "edgecolor": "#475569", "linewidth": 0.8, "alpha": 0.8, "zorder": 4}, fine)
    _add_polygons(ax, [((f.status,), f.geometry) for f in findings if f.check in AREA_CHECKS], lambda status: {
        "facecolor": COLOURS[status], "edgecolor": COLOURS[status], "alpha": 0.18, "linewidth": 1.4,
        "linestyle": "-" if status == PASS else "--", "zorder": 6}, fine)
    routes = [f for f in findings if f.check == "step_free_route" and f.status != PASS
              and isinstance(f.geometry, LineString)]
    if routes:   # a route that breaks, through the doors it passes
        ax.add_collection(LineCollection(_split([f.geometry for f in routes]), colors=[COLOURS[f.status] for f in routes],
                                         linewidths=1.2, linestyles="--", zorder=6))
    status = {d.id: of_element.get(d.id, UNKNOWN) for d in doors}
    _add_polygons(ax, [((COLOURS[status[d.id]],), d.swing) for d in doors], lambda colour: {
        "facecolor": "none", "edgecolor": colour, "linewidth": 0.9, "linestyle": ":", "zorder": 7}, fine)
    for level in ORDER[::-1]:   # the openings, the failing ones last (over the rest) and broader
        _add_lines(ax, [d.opening for d in doors if d.opening is not None and status[d.id] == level], zorder=8,
                   edgecolor=COLOURS[level], linewidth=4 if level == FAIL else 2.5, capstyle="butt")
    failing = [d for d in doors if status[d.id] == FAIL]
    if failing:
        ax.add_collection(EllipseCollection([2 * max(d.leaf_width_mm * 0.45, 150) for d in failing],
                                            [2 * max(d.leaf_width_mm * 0.45, 150) for d in failing],
                                            np.zeros(len(failing)), units="xy", offsets=[d.xy for d in failing],
                                            offset_transform=ax.transData, facecolors="none",
                                            edgecolors=COLOURS[FAIL], linewidths=1.8, zorder=9))
    _frame(ax, plan, view, pad=view is None, lang=lang)
    labels = Labels(ax, fig)
    # labels, the most telling first: failing doors, rooms (large ones first), other doors, fixtures
    for door in sorted(doors, key=lambda d: status[d.id] != FAIL):
        if extent <= DOOR_LABELS_UP_TO_MM or status[door.id] == FAIL:
            labels.add(*door.xy, door.id, 7, COLOURS[status[door.id]], 9, weight="bold", ha="left", offset_pt=(3, 3))
    room_sizes = _sizes_mm([r.polygon for r in rooms])
    for k in np.argsort(-room_sizes, kind="stable"):
        room, size = rooms[k], room_sizes[k]
        if size >= LABEL_SHARE["full"] * extent:      # room to spare: name, id and area
            text, fontsize = f"{room.name or room.id}\n{room.id} · {fmt_number(room.area_m2, lang, 1)} m²", 7.5
        elif size >= LABEL_SHARE["short"] * extent:   # a small room on a large plan: its id (the tables say more)
            text, fontsize = room.id, 6
        else:
            continue
        p = room.polygon.representative_point()
        labels.add(p.x, p.y, text, fontsize, "#1f2328", 10, boxed=True)
    for fixture, size in zip(fixtures, _sizes_mm([f.footprint for f in fixtures])):
        if size >= LABEL_SHARE["fixture"] * extent:
            c = fixture.footprint.centroid
            labels.add(c.x, c.y, t(f"fixture.{fixture.type}", lang), 6.5, "#0f172a", 5)
    for patch in labels.patches():
        _add_shape(ax, patch)
    fig.labels_shown = labels.shown   # what the picture says, for whoever reads the figure rather than its pixels
    entrance = next((f for f in findings if f.check == "step_free_entrance"), None)
    if entrance is not None and isinstance(entrance.geometry, Point) and _inside(entrance.geometry, view):
        ax.annotate(t("drawing.entrance", lang, rise=entrance.params.get("measured") or "?"),
                    (entrance.geometry.x, entrance.geometry.y), xytext=(0, -22), textcoords="offset points",
                    ha="center", fontsize=8, color=COLOURS[entrance.status], fontweight="bold", zorder=10,
                    arrowprops={"arrowstyle": "->", "color": COLOURS[entrance.status]})
    if labels.dropped:
        many = "drawing.labels_left_out" if view is None else "drawing.labels_left_out_part"   # a part: no smaller
        note = t("drawing.label_left_out", lang) if labels.dropped == 1 else t(many, lang, n=labels.dropped)
        fig.text(0.01, 0.005, note, fontsize=7, color="#57606a", ha="left", va="bottom")
    return fig


FRAME_PAD = 0.06      # the margin around the plan, a share of its larger side
PART_MAX_ROOMS = 40   # a plan with more rooms is offered in parts, each with at most about this many


def plan_parts(plan: Plan, max_rooms: int | None = None) -> list[tuple[float, float, float, float]]:
    """Square parts of the plan (min x, min y, max x, max y in mm), each holding the middles of at most max_rooms
    rooms (PART_MAX_ROOMS when None), in rows from the top left; empty parts are left out. [] for a plan small
    enough to read whole."""
    max_rooms = PART_MAX_ROOMS if max_rooms is None else max_rooms
    if len(plan.rooms) <= max_rooms:
        return []
    boxes = shapely.bounds(np.array([r.polygon for r in plan.rooms], dtype=object))
    middles = np.column_stack(((boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2))
    minx, miny, maxx, maxy = _bounds_mm(plan)
    side = max(maxx - minx, maxy - miny, 1.0)
    while True:
        cols, rows = max(1, math.ceil((maxx - minx) / side)), max(1, math.ceil((maxy - miny) / side))
        col = np.minimum(((middles[:, 0] - minx) // side).astype(int), cols - 1)
        row = np.minimum(((middles[:, 1] - miny) // side).astype(int), rows - 1)
        counts = np.bincount(row * cols + col, minlength=rows * cols)
        if counts.max() <= max_rooms or side < 2000:
            break
        side /= 2
    return [(minx + c * side, miny + r * side, min(minx + (c + 1) * side, maxx), min(miny + (r + 1) * side, maxy))
            for r in reversed(range(rows)) for c in range(cols) if counts[r * cols + c]]


def room_status(plan: Plan, findings: list[Finding], of_element: dict[str, str] | None = None) -> dict[str, str]:
    """Room id -> the worst status of the findings on the room and on the fixtures in it: pass only when every one
    of them passes; unknown for a room where nothing was checked (nothing checked is not known to pass).
    of_element: worst_by_element(findings), when the caller has it already."""
    of_element = worst_by_element(findings) if of_element is None else of_element
    fixtures_in: dict[str, list[str]] = {}
    for fixture in plan.fixtures:
        if fixture.room is not None:
            fixtures_in.setdefault(fixture.room, []).append(fixture.id)
    return {room.id: worst(of_element[e] for e in (room.id, *fixtures_in.get(room.id, ())) if e in of_element)
            for room in plan.rooms}


def _outlines_path(polys: list[Polygon]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The outlines of polygons as one closed path's vertices and codes, and which polygon each vertex is of. Each
    outline is turned the same way, so that where two overlap the fill rule fills both, once."""
    rings = shapely.get_exterior_ring(shapely.orient_polygons(np.array(polys, dtype=object)))
    coords, index = shapely.get_coordinates(rings, return_index=True)
    codes = np.full(len(coords), MplPath.LINETO, dtype=np.uint8)
    if len(coords):
        first = np.r_[True, np.diff(index) != 0]
        codes[first] = MplPath.MOVETO
        codes[np.r_[first[1:], True]] = MplPath.CLOSEPOLY   # the last point of each ring (it repeats the first)
    return coords, codes, index


def _closed_patch(path: tuple[np.ndarray, np.ndarray, np.ndarray], which: np.ndarray | None = None,
                  **style) -> PathPatch | None:
    """The polygons of an _outlines_path (those marked True in `which`, all when None) as one patch: one draw call
    for thousands of rooms."""
    coords, codes, index = path
    if which is not None:
        keep = which[index]
        coords, codes = coords[keep], codes[keep]
    return PathPatch(MplPath(coords, codes), **style) if len(coords) else None


OVERVIEW_ALPHA = 0.45      # the rooms' fill in the overview: the status colour, light enough to read the numbers
PART_EDGE = "#0550ae"      # the parts' outlines and numbers


def draw_overview(plan: Plan, findings: list[Finding], parts: list[tuple[float, float, float, float]],
                  figsize: tuple[float, float] = (9, 7)) -> Figure:
    """The whole of a large plan at a glance: each room filled by room_status (fail red, unknown amber, pass
    green), each door's opening by the worst of its findings, the walls, and the parts (plan_parts) outlined and
    numbered from 1 as the part box lists them. No names: it holds no text in any language (the legend is the
    page's), so one picture serves every language."""
    bounds = _bounds_mm(plan)
    if bounds is not None:   # as tall as the plan is, within reason: a long building is not drawn in a tall frame
        width_mm, height_mm = max(bounds[2] - bounds[0], 1.0), max(bounds[3] - bounds[1], 1.0)
        figsize = (figsize[0], float(np.clip(figsize[0] * height_mm / width_mm + 0.6, 2.5, figsize[1] * 1.3)))
    fig = Figure(figsize=figsize, dpi=110)
    ax = fig.add_subplot(1, 1, 1)
    ax.set_aspect("equal")
    of_element = worst_by_element(findings)
    status = room_status(plan, findings, of_element)
    rooms = [r for r in plan.rooms if r.polygon is not None and not r.polygon.is_empty]
    outlines = _outlines_path([r.polygon for r in rooms])
    for s in ORDER:
        patch = _closed_patch(outlines, np.array([status[r.id] == s for r in rooms], dtype=bool),
                              facecolor=COLOURS[s], alpha=OVERVIEW_ALPHA, edgecolor="none", zorder=2)
        if patch is not None:
            _add_shape(ax, patch)
    patch = _closed_patch(outlines, fill=False, edgecolor="#57606a", linewidth=0.3, zorder=3)
    if patch is not None:
        _add_shape(ax, patch)
    _add_lines(ax, plan.walls, edgecolor="#24292f", linewidth=0.5, zorder=3)
    door_status = of_element
    for s in ORDER:
        _add_lines(ax, [d.opening for d in plan.doors if d.opening is not None
                        and door_status.get(d.id, UNKNOWN) == s], edgecolor=COLOURS[s], linewidth=1.5,
                   capstyle="butt", zorder=4)
    _frame(ax, plan, None, whole_metres=True, tight=False)
    width_in, height_in = fig.get_size_inches()   # room for the tick labels and the "m" under them
    fig.subplots_adjust(left=0.55 / width_in, right=1 - 0.1 / width_in, bottom=0.6 / height_in,
                        top=1 - 0.1 / height_in)
    if parts:
        outlines = [LineString([(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]) for x0, y0, x1, y1 in parts]
        _add_lines(ax, outlines, edgecolor=PART_EDGE, linewidth=0.8, zorder=5)
        _part_numbers(ax, fig, parts)
    return fig


def _part_numbers(ax, fig, parts: list[tuple[float, float, float, float]]) -> None:
    """Each part's number in its middle, as large as the smallest part allows, haloed in white so that it reads over
    the rooms; all of them one path (planner.output.labels)."""
    from matplotlib.patheffects import Normal, Stroke
    mm_per_pt = Labels(ax, fig).mm_per_pt
    side_pt = min(min(x1 - x0, y1 - y0) for x0, y0, x1, y1 in parts) / mm_per_pt
    size_mm = float(np.clip(side_pt / (0.65 * len(str(len(parts))) + 1.0), 5, 12)) * mm_per_pt
    outlines = [text_outline(str(n), (x0 + x1) / 2, (y0 + y1) / 2, size_mm, "bold")
                for n, (x0, y0, x1, y1) in enumerate(parts, start=1)]
    path = MplPath(np.concatenate([v for v, _ in outlines]), np.concatenate([c for _, c in outlines]))
    ax.add_artist(PathPatch(path, facecolor=PART_EDGE, edgecolor="none", zorder=6,
                            path_effects=[Stroke(linewidth=2.5, foreground="white"), Normal()]))


# A picture of more rooms than this is thousands of small shapes, which zlib's default effort shrinks by a few per
# cent more than its least (6 % for 1 000 flats) in twice the time; a flat's picture, large even areas, by a fifth.
QUICK_PNG_FROM_ROOMS = 500


OVERVIEW_DPI = 100   # the overview shows colours and numbers, not names: fewer pixels to draw and to send


@with_gc_paused
def overview_png(plan: Plan, findings: list[Finding], parts: list[tuple[float, float, float, float]],
                 dpi: int = OVERVIEW_DPI) -> bytes:
    """draw_overview as PNG (the same in every language), the garbage collector paused: with a large building's
    session alive, a full collection found in the middle of the drawing took longer than the drawing."""
    return _png(draw_overview(plan, findings, parts), dpi, quick=len(plan.rooms) > QUICK_PNG_FROM_ROOMS)


def _png(fig: Figure, dpi: int, quick: bool = False) -> bytes:
    import io
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, pil_kwargs={"compress_level": 1} if quick else None)
    return buf.getvalue()


def _whole_metre_step_mm(span_mm: float, ticks: int = 5) -> float:
    """A step of 1, 2 or 5 times a power of ten metres (at least 1 m) giving about `ticks` ticks over span_mm."""
    rough = max(span_mm / 1000 / ticks, 1.0)
    power = 10 ** math.floor(math.log10(rough))
    return 1000 * power * next(k for k in (1, 2, 5, 10) if k * power >= rough)


def _frame(ax, plan: Plan, view: tuple[float, float, float, float] | None, pad: bool = True,
           whole_metres: bool = False, tight: bool = True, lang: str = "en") -> None:
    """The axes in metres around the plan itself (or the part shown), with a margin when pad; greyed geometry far
    outside it (a section, a title block) is cut off. whole_metres: ticks only at whole metres (written the same in
    every language); tight: the margins fitted to the tick labels (else the caller sets them)."""
    bounds = view or _bounds_mm(plan)
    if bounds is None:
        ax.autoscale_view()
        ax.margins(FRAME_PAD)
    else:
        minx, miny, maxx, maxy = bounds
        pad = FRAME_PAD * max(maxx - minx, maxy - miny, 1000.0) if pad else 0.0
        ax.set_xlim(minx - pad, maxx + pad)
        ax.set_ylim(miny - pad, maxy + pad)
    if whole_metres:
        from matplotlib.ticker import MultipleLocator
        for axis, (low, high) in ((ax.xaxis, ax.get_xlim()), (ax.yaxis, ax.get_ylim())):
            axis.set_major_locator(MultipleLocator(_whole_metre_step_mm(high - low)))
    from matplotlib.ticker import FuncFormatter
    metres = FuncFormatter(lambda v, _: _metres(v, lang))
    ax.xaxis.set_major_formatter(metres)
    ax.yaxis.set_major_formatter(metres)
    ax.set_xlabel("m")
    ax.tick_params(labelsize=7)
    ax.grid(True, linewidth=0.3, color="#d0d7de")
    if tight:
        ax.figure.tight_layout()


def _metres(v_mm: float, lang: str) -> str:
    """A tick in metres as the language writes it: 2,5 in Norwegian (to the millimetre)."""
    return fmt_number(v_mm / 1000, lang, 3)


SCREEN_DPI = 130
BUILDING_SCREEN_DPI = OVERVIEW_DPI


def screen_dpi(plan: Plan, view: tuple[float, float, float, float] | None = None) -> int:
    """The resolution of the picture on the page: a building of hundreds of rooms shown whole at the overview's, the
    page shows it some 800 pixels wide and its parts are what is read; anything else at SCREEN_DPI, sharp when the
    picture is enlarged."""
    return BUILDING_SCREEN_DPI if _many_rooms(plan, view) else SCREEN_DPI


def _many_rooms(plan: Plan, view) -> bool:
    return view is None and len(plan.rooms) > QUICK_PNG_FROM_ROOMS


@with_gc_paused
def plan_png(plan: Plan, findings: list[Finding] = (), lang: str = "nb", dpi: int = SCREEN_DPI,
             view: tuple[float, float, float, float] | None = None) -> bytes:
    """draw_plan as PNG."""
    return _png(draw_plan(plan, findings, lang, view=view), dpi, quick=_many_rooms(plan, view))

