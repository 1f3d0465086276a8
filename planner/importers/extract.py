"""Flatten a DXF layout into plain primitives (segments, arcs, outlines, texts, block references).

Blocks are flattened once each in their own coordinates and then placed with each INSERT's matrix, so a
file with many inserts of the same block costs one flattening plus one matrix product per insert. All
coordinates are still in drawing units here; the caller converts them to millimetres once.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import shapely
from ezdxf.math import OCS, Matrix44, Vec3, X_AXIS, Y_AXIS, bulge_to_arc
from ezdxf.lldxf.encoding import decode_dxf_unicode
from ezdxf.tools.text import escape_dxf_line_endings, fast_plain_mtext, plain_text

from planner.i18n import register
from planner.importers.dxfread import Document, Entity, number
from planner.model.text import text_only
from planner.model.plan import PlanError

# Limits on what one drawing expands to, counted while it is flattened (docs/dxf.md, "Limits"):
MAX_PRIMITIVES = 2_000_000   # segments, arcs, outlines, texts, block footprints and ignored shapes (circles ...)
MAX_NESTING = 8              # blocks inside blocks; deeper ones are left out and counted in the import report
MAX_TEXT_CHARS = 10_000      # one TEXT/MTEXT value with its formatting codes; longer ones are no label
MAX_LABEL_CHARS = 200        # a label (room name, area) as read; longer texts are notes, not labels
MAX_LABEL_DIGITS = 40        # digits in one label: an area or a room number has a few
SHAPES_KEPT = 30_000         # ignored shapes kept to grey in the drawing; the rest are counted, not kept
WINDOW = -2   # group of a window block reference: it closes the wall line it sits in
# Why an entity is not read: text keys (planner.i18n), counted per (DXF type, key) in Primitives.ignored.
register({
    "imp.ign.dimension": {"en": "dimensions are annotation", "nb": "målsetting er bare merknader"},
    "imp.ign.leader": {"en": "leaders are annotation", "nb": "henvisningslinjer er bare merknader"},
    "imp.ign.hatch": {"en": "hatches are fills, not outlines", "nb": "skravur er fyll, ikke omriss"},
    "imp.ign.solid": {"en": "solid fills are not outlines", "nb": "heldekkende fyll er ikke omriss"},
    "imp.ign.point": {"en": "points carry no plan geometry", "nb": "punkter sier ingenting om planen"},
    "imp.ign.viewport": {"en": "viewports show other layouts", "nb": "visningsvinduer viser andre arkoppsett"},
    "imp.ign.image": {"en": "raster images cannot be read", "nb": "rasterbilder kan ikke leses"},
    "imp.ign.circle": {"en": "circles are columns or symbols, not walls",
                       "nb": "sirkler er søyler eller symboler, ikke vegger"},
    "imp.ign.ellipse": {"en": "ellipses are symbols, not walls", "nb": "ellipser er symboler, ikke vegger"},
    "imp.ign.attdef": {"en": "attribute definitions are block templates",
                       "nb": "attributtdefinisjoner er maler i blokker"},
    "imp.ign.3dface": {"en": "3D faces are not plan geometry", "nb": "3D-flater hører ikke til plantegningen"},
    "imp.ign.mesh": {"en": "meshes are not plan geometry", "nb": "3D-nett hører ikke til plantegningen"},
    "imp.ign.3dsolid": {"en": "3D solids cannot be read", "nb": "3D-volumer kan ikke leses"},
    "imp.ign.region": {"en": "regions cannot be read", "nb": "regioner (flater) kan ikke leses"},
    "imp.ign.wipeout": {"en": "wipeouts are masks", "nb": "maskeringer skjuler bare det som ligger under"},
    "imp.ign.xline": {"en": "construction lines", "nb": "hjelpelinjer"},
    "imp.ign.ole": {"en": "embedded objects cannot be read", "nb": "innebygde objekter kan ikke leses"},
    "imp.ign.other": {"en": "not used for floor plans", "nb": "brukes ikke i plantegninger"},
    "imp.ign.damaged": {"en": "damaged entity", "nb": "skadet element"},
    "imp.ign.polymesh": {"en": "polygon meshes are not plan geometry",
                         "nb": "polygonnett hører ikke til plantegningen"},
    "imp.ign.nested": {"en": "blocks nested too deep", "nb": "blokker som ligger for mange nivåer inni hverandre"},
    "imp.ign.array": {"en": "block arrays are read as one copy", "nb": "blokkmatriser leses som én kopi"},
    "imp.ign.layer": {"en": "on a layer set to ignore", "nb": "på et lag som er satt til å overses"},
    "imp.ign.entities": {"en": "entities", "nb": "elementer"},
    "imp.ign.long_text": {"en": "texts too long to be a label (room name or area)",
                          "nb": "tekster som er for lange til å være en romtekst (navn eller areal)"},
})
IGNORED_TYPES = {
    "DIMENSION": "imp.ign.dimension", "LEADER": "imp.ign.leader", "MULTILEADER": "imp.ign.leader",
    "HATCH": "imp.ign.hatch", "SOLID": "imp.ign.solid", "POINT": "imp.ign.point", "VIEWPORT": "imp.ign.viewport",
    "IMAGE": "imp.ign.image", "CIRCLE": "imp.ign.circle", "ELLIPSE": "imp.ign.ellipse", "ATTDEF": "imp.ign.attdef",
    "3DFACE": "imp.ign.3dface", "MESH": "imp.ign.mesh", "3DSOLID": "imp.ign.3dsolid", "REGION": "imp.ign.region",
    "WIPEOUT": "imp.ign.wipeout", "XLINE": "imp.ign.xline", "RAY": "imp.ign.xline", "OLE2FRAME": "imp.ign.ole",
}
_MTEXT_BREAK = re.compile(r"\s*\n\s*")


@dataclass(slots=True)
class Primitives:
    """Geometry of one layout in drawing units. Parallel lists keep it compact.

    seg: (n, 4) x1 y1 x2 y2; arc: (m, 8) centre, start, middle and end points. *_group: the door block
    instance an element belongs to (-1 for none). layer None means "inherit from the INSERT" (layer 0).
    """

    seg: np.ndarray = field(default_factory=lambda: np.zeros((0, 4)))
    seg_layer: list = field(default_factory=list)
    seg_group: list = field(default_factory=list)
    arc: np.ndarray = field(default_factory=lambda: np.zeros((0, 8)))
    arc_layer: list = field(default_factory=list)
    arc_group: list = field(default_factory=list)
    outlines: list = field(default_factory=list)        # [(ndarray (k, 2), layer)]
    texts: list = field(default_factory=list)           # [(x, y, text, layer)]
    refs: list = field(default_factory=list)            # [(name, layer, corners (4, 2), group)]
    ignored: Counter = field(default_factory=Counter)   # (dxftype, reason text key) -> count
    ignored_geom: list = field(default_factory=list)    # [ndarray (k, 2)] for greying in the drawing
    groups: int = 0

    def size(self) -> int:
        """Everything the layout expanded to, the ignored entities (circles, hatches ...) included."""
        return len(self.seg) + len(self.arc) + len(self.outlines) + len(self.texts) + len(self.refs) + \
            sum(self.ignored.values())

    def scaled(self, factor: float) -> "Primitives":
        """A copy with every coordinate multiplied by factor (the unit conversion, done once)."""
        return Primitives(
            self.seg * factor, self.seg_layer, self.seg_group, self.arc * factor, self.arc_layer,
            self.arc_group, [(pts * factor, lay) for pts, lay in self.outlines],
            [(x * factor, y * factor, s, lay) for x, y, s, lay in self.texts],
            [(n, lay, c * factor, g) for n, lay, c, g in self.refs], self.ignored,
            [g * factor for g in self.ignored_geom], self.groups)


def without_layers(p: Primitives, layers: set[str]) -> Primitives:
    """A copy without anything on these layers, nor anything inside a block placed on them; what is dropped is
    kept as ignored geometry (greyed in the drawing). Used when the user sets a layer to "ignore"."""
    if not layers:
        return p
    gone_groups = {g for _, lay, _, g in p.refs if lay in layers and g >= 0}

    def keep(layer, group) -> bool:
        return layer not in layers and group not in gone_groups

    seg_keep = np.array([keep(lay, g) for lay, g in zip(p.seg_layer, p.seg_group)], dtype=bool)
    arc_keep = np.array([keep(lay, g) for lay, g in zip(p.arc_layer, p.arc_group)], dtype=bool)
    ignored = Counter(p.ignored)
    dropped = int((~seg_keep).sum() + (~arc_keep).sum())
    outlines = [(pts, lay) for pts, lay in p.outlines if lay not in layers]
    refs = [r for r in p.refs if r[1] not in layers]
    dropped += len(p.outlines) - len(outlines) + len(p.refs) - len(refs)
    if dropped:
        ignored[("entities", "imp.ign.layer")] += dropped
    ignored_geom = list(p.ignored_geom) + [row.reshape(2, 2) for row in p.seg[~seg_keep]]
    ignored_geom += [pts for pts, lay in p.outlines if lay in layers]
    return Primitives(
        p.seg[seg_keep], [x for x, k in zip(p.seg_layer, seg_keep) if k], [x for x, k in zip(p.seg_group, seg_keep) if k],
        p.arc[arc_keep], [x for x, k in zip(p.arc_layer, arc_keep) if k], [x for x, k in zip(p.arc_group, arc_keep) if k],
        outlines, [x for x in p.texts if x[3] not in layers], refs, ignored, ignored_geom, p.groups)


def ignored_linestrings(seg: np.ndarray, geoms: list, limit: int) -> tuple:
    """Lines to grey in the drawing: the segments (n, 4) then the other ignored geometry, at most limit of them
    (none made beyond the limit)."""
    seg = seg[:limit]
    lines = list(shapely.linestrings(seg.reshape(-1, 2, 2))) if len(seg) else []
    lines += [shapely.LineString(g) for g in geoms[:max(limit - len(lines), 0)]]
    return tuple(lines)


class _Builder:
    """Collects primitives. Single entities add tuples; placed blocks add whole arrays (chunks), so a block's
    geometry is never turned back into Python tuples."""

    def __init__(self) -> None:
        self.seg: list[tuple] = []
        self.seg_chunks: list[np.ndarray] = []
        self.seg_layer: list = []
        self.seg_group: list = []
        self.arc: list[tuple] = []
        self.arc_chunks: list[np.ndarray] = []
        self.arc_layer: list = []
        self.arc_group: list = []
        self.p = Primitives()

    def count(self) -> int:
        return len(self.seg_layer) + len(self.arc_layer)

    def add_seg_array(self, a: np.ndarray) -> None:
        if self.seg:
            self.seg_chunks.append(np.asarray(self.seg, dtype=float).reshape(-1, 4))
            self.seg = []
        self.seg_chunks.append(a)

    def add_arc_array(self, a: np.ndarray) -> None:
        if self.arc:
            self.arc_chunks.append(np.asarray(self.arc, dtype=float).reshape(-1, 8))
            self.arc = []
        self.arc_chunks.append(a)

    def add_polyline(self, pts: list[tuple[float, float]], layer, closed: bool, group: int = -1) -> None:
        if closed and len(pts) >= 3:
            self.p.outlines.append((np.asarray(pts, dtype=float), layer))
        ring = pts + [pts[0]] if closed else pts
        for a, b in zip(ring, ring[1:]):
            if a != b:
                self.seg.append((a[0], a[1], b[0], b[1]))
                self.seg_layer.append(layer)
                self.seg_group.append(group)

    def add_arc(self, cx, cy, r, start_deg, end_deg, layer, group: int = -1) -> None:
        """An arc counter-clockwise from start_deg to end_deg (any angles: 1e12° is first brought into 0-360°)."""
        start_deg, end_deg = math.fmod(start_deg, 360.0), math.fmod(end_deg, 360.0)
        s = math.radians(start_deg)
        e = math.radians(end_deg)
        if e <= s:
            e += 2 * math.pi
        m = (s + e) / 2
        self.arc.append((cx, cy, cx + r * math.cos(s), cy + r * math.sin(s), cx + r * math.cos(m),
                         cy + r * math.sin(m), cx + r * math.cos(e), cy + r * math.sin(e)))
        self.arc_layer.append(layer)
        self.arc_group.append(group)

    def finish(self) -> Primitives:
        p = self.p
        p.seg = np.vstack([*self.seg_chunks, np.asarray(self.seg, dtype=float).reshape(-1, 4)])
        p.seg_layer, p.seg_group = self.seg_layer, self.seg_group
        p.arc = np.vstack([*self.arc_chunks, np.asarray(self.arc, dtype=float).reshape(-1, 8)])
        p.arc_layer, p.arc_group = self.arc_layer, self.arc_group
        return p


def _bulge_points(pts_b: list[tuple[float, float, float]], closed: bool, b: _Builder, layer) -> list:
    """Vertices of a polyline with bulges; each bulged edge also becomes an arc (door swings)."""
    out: list[tuple[float, float]] = []
    n = len(pts_b)
    edges = n if closed else n - 1
    for i in range(n):
        x, y, bulge = pts_b[i]
        out.append((x, y))
        if i >= edges or not bulge:
            continue
        x2, y2, _ = pts_b[(i + 1) % n]
        if (x, y) == (x2, y2):
            continue
        centre, a1, a2, r = bulge_to_arc((x, y), (x2, y2), bulge)
        b.add_arc(centre.x, centre.y, r, math.degrees(a1), math.degrees(a2), layer)
        span = (a2 - a1) % (2 * math.pi)
        steps = max(2, int(span / (math.pi / 8)))
        for k in range(1, steps):
            t = a1 + span * k / steps if bulge > 0 else a2 - span * k / steps
            out.append((centre.x + r * math.cos(t), centre.y + r * math.sin(t)))
    return out


FACETS_MIN, FACETS_MAX = 6, 200   # vertices of a polyline that may be an arc drawn as short straight pieces
FACET_ROUND = 0.005               # each vertex within this share of the radius from the circle
FACET_STEP_MAX_DEG = 30.0         # each piece turns the same way, by at most this
FACET_SPAN_DEG = (15.0, 135.0)    # what a door's swing spans


def _faceted_arc(pts: list[tuple[float, float]], b: _Builder, layer) -> None:
    """An open polyline whose vertices lie on a circle, turning the same way in small steps over 15–135°, is an
    arc drawn as straight pieces (exported or converted drawings, LibreCAD's segmented arcs): it also becomes an
    arc, as a bulged edge does, for the door swings to be told from (planner/importers/swings.py). Its pieces stay
    what they were."""
    if not FACETS_MIN <= len(pts) <= FACETS_MAX:
        return
    xy = np.asarray(pts, dtype=float)
    x, y = xy[:, 0], xy[:, 1]
    mx, my = x.mean(), y.mean()
    u, v = x - mx, y - my
    try:   # x² + y² + D x + E y + F = 0, about the mean for the arithmetic's sake
        (d, e, f), *_ = np.linalg.lstsq(np.c_[u, v, np.ones(len(u))], -(u * u + v * v), rcond=None)
    except np.linalg.LinAlgError:
        return
    cu, cv = -d / 2, -e / 2
    r2 = cu * cu + cv * cv - f
    if not r2 > 0:
        return
    r = math.sqrt(r2)
    if np.abs(np.hypot(u - cu, v - cv) - r).max() > FACET_ROUND * r:
        return
    turns = np.diff(np.unwrap(np.arctan2(v - cv, u - cu)))
    if not (np.all(turns > 0) or np.all(turns < 0)) or np.abs(turns).max() > math.radians(FACET_STEP_MAX_DEG):
        return
    span = math.degrees(abs(turns.sum()))
    if not FACET_SPAN_DEG[0] <= span <= FACET_SPAN_DEG[1]:
        return
    first = math.degrees(math.atan2(v[0] - cv, u[0] - cu))
    start = first if turns[0] > 0 else first - span
    b.add_arc(cu + mx, cv + my, r, start, start + span, layer)


def _ocs_points(entity: Entity, pts):
    extrusion = entity.extrusion()
    if abs(extrusion[2] - 1) < 1e-9:
        return pts
    ocs = OCS(extrusion)
    return [(v.x, v.y) for v in (ocs.to_wcs((x, y, 0)) for x, y in pts)]


def _points_xyb(e: Entity) -> list[tuple[float, float, float]]:
    """An LWPOLYLINE's vertices with their bulges."""
    pts: list[list[float]] = []
    for c, v in zip(e.codes, e.values):
        if c == "10":
            pts.append([number(v), 0.0, 0.0])
        elif c == "20" and pts:
            pts[-1][1] = number(v)
        elif c == "42" and pts:
            pts[-1][2] = number(v)
    return [tuple(p) for p in pts]


def _points(e: Entity, x_code: str) -> list[tuple[float, float]]:
    """All points of one kind (a SPLINE's control points "10" or fit points "11")."""
    y_code = str(int(x_code) + 10)
    xs = [number(v) for c, v in zip(e.codes, e.values) if c == x_code]
    ys = [number(v) for c, v in zip(e.codes, e.values) if c == y_code]
    return list(zip(xs, ys))


def insert_matrix(e: Entity, base: tuple[float, float, float]) -> tuple[np.ndarray, np.ndarray]:
    """The (2, 2) rotation-and-scale and the (2,) shift that place a block's points (as rows) in the drawing,
    as ezdxf's Insert.matrix44: scale, rotation about the extrusion, the block's base point moved to the
    insertion point."""
    sx, sy, sz = e.float("41", 1.0), e.float("42", 1.0), e.float("43", 1.0)
    extrusion = e.extrusion()
    if extrusion == (0.0, 0.0, 1.0):
        return _plan_matrix(sx, sy, math.radians(e.float("50", 0.0)), (e.float("10"), e.float("20")), base)
    ocs = OCS(extrusion)
    extrusion = ocs.uz
    ux, uy = Vec3(ocs.to_wcs(X_AXIS)), Vec3(ocs.to_wcs(Y_AXIS))
    m = Matrix44.ucs(ux=ux * sx, uy=uy * sy, uz=extrusion * sz)
    angle = math.radians(e.float("50", 0.0))
    if angle:
        m *= Matrix44.axis_rotate(extrusion, angle)
    insert = Vec3(ocs.to_wcs((e.float("10"), e.float("20"), e.float("30"))))
    insert -= m.transform_direction(base)
    m.set_row(3, insert.xyz)
    rows = np.array(list(m.rows()), dtype=float)
    return rows[:2, :2], rows[3, :2]


def _plan_matrix(sx: float, sy: float, angle: float, insert: tuple[float, float], base) -> tuple[np.ndarray, np.ndarray]:
    """insert_matrix for a block inserted in the plan's own plane (extrusion +Z, nearly every one), without the 4 × 4
    matrices: each entry is the one product Matrix44's would keep, the others being exact zeros."""
    if angle:
        c, s = math.cos(angle), math.sin(angle)
        rot = np.array([[sx * c, sx * s], [sy * -s, sy * c]])
    else:
        rot = np.array([[sx, 0.0], [0.0, sy]])
    bx, by = float(base[0]), float(base[1])
    shift = np.array([insert[0] - (bx * rot[0, 0] + by * rot[1, 0]), insert[1] - (bx * rot[0, 1] + by * rot[1, 1])])
    return rot, shift


class Flattener:
    """Flattens layouts and blocks; block geometry is cached per block name."""

    def __init__(self, doc: Document, is_door_block, is_ref_block, max_primitives: int = MAX_PRIMITIVES,
                 is_window_block=lambda name: False) -> None:
        self.doc = doc
        self.is_window_block = is_window_block
        self.is_door_block = is_door_block
        self.is_ref_block = is_ref_block
        self.max_primitives = max_primitives
        self.cache: dict[str, Primitives] = {}
        self.total = 0
        self.block_extents: dict[str, np.ndarray | None] = {}
        self.kinds: dict[str, tuple[bool, bool, bool]] = {}

    def _kind(self, name: str) -> tuple[bool, bool, bool]:
        """Whether a block is a door, a window, a fixture or furniture (is_ref_block), by its name: asked once
        per name, not once per insert (a building inserts a few blocks thousands of times)."""
        if name not in self.kinds:
            door = bool(self.is_door_block(name))
            self.kinds[name] = (door, not door and bool(self.is_window_block(name)), bool(self.is_ref_block(name)))
        return self.kinds[name]

    def layout(self, entities: list[Entity], progress=None) -> Primitives:
        return self._flatten(entities, depth=0, progress=progress)

    def _block(self, name: str, depth: int) -> Primitives:
        if name not in self.cache:
            block = self.doc.block(name)
            self.cache[name] = Primitives() if block is None or depth > MAX_NESTING else \
                self._flatten(block.entities, depth + 1)
        return self.cache[name]

    def extents(self, name: str) -> np.ndarray | None:
        """Bounding box [[x0, y0], [x1, y1]] of a block's geometry in block units, or None if empty."""
        if name not in self.block_extents:
            p = self._block(name, 1)
            pts = [p.seg[:, :2], p.seg[:, 2:], p.arc[:, 2:4], p.arc[:, 4:6], p.arc[:, 6:8]]
            pts += [c for c, _ in p.outlines] + [r[2] for r in p.refs]
            pts = [a for a in pts if len(a)]
            self.block_extents[name] = None if not pts else np.array(
                [np.vstack(pts).min(axis=0), np.vstack(pts).max(axis=0)])
        return self.block_extents[name]

    def _flatten(self, entities, depth: int, progress=None) -> Primitives:
        b = _Builder()
        n = len(entities)
        for i, e in enumerate(entities):
            if progress is not None and n > 2000 and i % 1000 == 0:
                progress(i / n)
            t = e.type
            tags = e.tags()
            layer = tags.get("8", "0")
            layer = None if layer == "0" else layer
            try:
                if t == "LINE":
                    # the commonest entity, added directly (as add_polyline would: one segment unless degenerate)
                    x1, y1 = number(tags.get("10", "0")), number(tags.get("20", "0"))
                    x2, y2 = number(tags.get("11", "0")), number(tags.get("21", "0"))
                    if x1 != x2 or y1 != y2:
                        b.seg.append((x1, y1, x2, y2))
                        b.seg_layer.append(layer)
                        b.seg_group.append(-1)
                else:
                    self._entity(e, t, layer, b, depth)
            except PlanError:   # a limit reached inside a block is the drawing's, not one damaged entity
                raise
            except (AttributeError, ValueError, TypeError, ZeroDivisionError, IndexError, OverflowError):
                b.p.ignored[(t, "imp.ign.damaged")] += 1
            if (t == "INSERT" or i % 64 == 0) and b.p.size() + b.count() > self.max_primitives:
                most = f"{self.max_primitives:,}"
                raise PlanError.text("imp.too_many_expanded", max=most, max_nb=most.replace(",", " "))
        return b.finish()

    def _entity(self, e: Entity, t: str, layer, b: _Builder, depth: int) -> None:
        if t == "LWPOLYLINE":
            pts_b = _points_xyb(e)
            closed = bool(e.int("70") & 1)
            bulged = any(p[2] for p in pts_b)
            pts = _bulge_points(pts_b, closed, b, layer) if bulged else [(x, y) for x, y, _ in pts_b]
            pts = _ocs_points(e, pts)
            if not bulged and not closed:
                _faceted_arc(pts, b, layer)
            b.add_polyline(pts, layer, closed)
        elif t == "POLYLINE":
            flags = e.int("70")
            if not flags & (16 | 64):      # 2D or 3D polyline, not a polygon or polyface mesh
                pts_b = [(v.float("10"), v.float("20"), v.float("42")) for v in e.children]
                closed = bool(flags & 1)
                bulged = any(p[2] for p in pts_b)
                pts = _bulge_points(pts_b, closed, b, layer) if bulged else [(x, y) for x, y, _ in pts_b]
                if not bulged and not closed:
                    _faceted_arc(pts, b, layer)
                b.add_polyline(pts, layer, closed)
            else:
                b.p.ignored[(t, "imp.ign.polymesh")] += 1
        elif t == "ARC":
            cx, cy = _ocs_points(e, [e.point("10")])[0]
            r, start, end = e.float("40"), e.float("50"), e.float("51", 360.0)
            if abs(e.extrusion()[2] - 1) > 1e-9:
                # seen from below: angles run the other way round
                b.add_arc(cx, cy, r, 180 - end, 180 - start, layer)
            else:
                b.add_arc(cx, cy, r, start, end, layer)
        elif t == "SPLINE":
            pts = _points(e, "11") or _points(e, "10")
            if len(pts) >= 2:
                b.add_polyline(pts, layer, bool(e.int("70") & 1))
        elif t in ("TEXT", "MTEXT"):
            text = _plain(e, t)
            if text is None:
                b.p.ignored[(t, "imp.ign.long_text")] += 1
            elif text:
                x, y = e.point("10")
                if t == "TEXT" and (e.int("72") or e.int("73")) and e.get("11") is not None:
                    x, y = e.point("11")
                b.p.texts.append((x, y, text, layer))
        elif t == "INSERT":
            self._insert(e, layer, b, depth)
        else:
            reason = IGNORED_TYPES.get(t, "imp.ign.other")
            b.p.ignored[(t, reason)] += 1
            if t == "CIRCLE" and len(b.p.ignored_geom) < SHAPES_KEPT:
                (cx, cy), r = e.point("10"), e.float("40")
                ang = np.linspace(0, 2 * np.pi, 13)
                b.p.ignored_geom.append(np.c_[cx + r * np.cos(ang), cy + r * np.sin(ang)])

    def _insert(self, e: Entity, layer, b: _Builder, depth: int) -> None:
        name = e.get("2", "")
        if depth >= MAX_NESTING:
            b.p.ignored[("INSERT", "imp.ign.nested")] += 1
            return
        block = self.doc.block(name)
        rot, shift = insert_matrix(e, block.base if block is not None else (0.0, 0.0, 0.0))
        child = self._block(name, depth)
        if e.int("70", 1) > 1 or e.int("71", 1) > 1:
            b.p.ignored[("INSERT", "imp.ign.array")] += 1
        door, window, ref = self._kind(name)
        group = -1
        if not door and window:
            ext = self.extents(name)
            if ext is not None:
                (x0, y0), (x1, y1) = ext
                corners = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]]) @ rot + shift
                b.p.refs.append((name, layer, corners, WINDOW))
            return
        if door:
            group = b.p.groups
            b.p.groups += 1
        if ref or door:
            ext = self.extents(name)
            if ext is not None:
                (x0, y0), (x1, y1) = ext
                corners = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]]) @ rot + shift
                b.p.refs.append((name, layer, corners, group))
            if not door:
                return  # fixtures are kept as footprints, their lines are not walls

        def tf(a: np.ndarray) -> np.ndarray:
            return a @ rot + shift

        def lay(child_layer):
            return layer if child_layer is None else child_layer

        def grp(child_group):
            if door:
                return group
            return child_group if child_group < 0 else child_group + b.p.groups

        def layers(child_layers: list) -> list:
            return [layer if x is None else x for x in child_layers] if layer is not None else child_layers

        def groups(child_groups: list) -> list:
            if door:
                return [group] * len(child_groups)
            if not child.groups:          # no door inside: every element is -1
                return child_groups
            return [g if g < 0 else g + b.p.groups for g in child_groups]

        if len(child.seg):
            b.add_seg_array((child.seg.reshape(-1, 2) @ rot + shift).reshape(-1, 4))
            b.seg_layer.extend(layers(child.seg_layer))
            b.seg_group.extend(groups(child.seg_group))
        if len(child.arc):
            b.add_arc_array((child.arc.reshape(-1, 2) @ rot + shift).reshape(-1, 8))
            b.arc_layer.extend(layers(child.arc_layer))
            b.arc_group.extend(groups(child.arc_group))
        for pts, lyr in child.outlines:
            b.p.outlines.append((tf(pts), lay(lyr)))
        for x, y, s, lyr in child.texts:
            (tx, ty), = tf(np.array([[x, y]]))
            b.p.texts.append((tx, ty, s, lay(lyr)))
        for rname, lyr, corners, g in child.refs:
            b.p.refs.append((rname, lay(lyr), tf(corners), grp(g)))
        for key, count in child.ignored.items():
            b.p.ignored[key] += count
        b.p.ignored_geom.extend(tf(g) for g in child.ignored_geom[:max(SHAPES_KEPT - len(b.p.ignored_geom), 0)])
        if not door:
            b.p.groups += child.groups


def _plain(e: Entity, t: str) -> str | None:
    """The text of a TEXT or MTEXT as plain text, or None when it is too long to be a label (MAX_TEXT_CHARS
    before formatting codes are removed, then MAX_LABEL_CHARS and MAX_LABEL_DIGITS): the limits come first, so
    nothing slower than a scan ever meets a hostile text."""
    parts = [*e.all("3"), e.get("1", "")] if t == "MTEXT" else [e.get("1", "")]
    if sum(map(len, parts)) > MAX_TEXT_CHARS:
        return None
    raw = escape_dxf_line_endings("".join(parts)) if t == "MTEXT" else parts[0]
    if "\\U+" in raw:        # characters outside the file's code page, written as \U+00E6
        raw = text_only(decode_dxf_unicode(raw))
    try:
        text = fast_plain_mtext(raw) if t == "MTEXT" else plain_text(raw)
    except Exception:  # noqa: BLE001 - broken formatting codes: fall back to the raw string
        text = raw
    text = _MTEXT_BREAK.sub(" ", re.sub(r"%%[uUoOkK]", "", text)).strip()
    if len(text) > MAX_LABEL_CHARS or sum(map(str.isdigit, text)) > MAX_LABEL_DIGITS:
        return None
    return text
