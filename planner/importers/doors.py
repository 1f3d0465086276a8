"""Doors from the drawing: door blocks (any scale, rotation, mirroring, nesting) and bare swing arcs."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.ops import unary_union

from planner.editing.builder import swing_polygon
from planner.geometry import WallIndex
from planner.i18n import register, said
from planner.importers.extract import Primitives
from planner.importers.layers import is_double_block, is_sliding_block
from planner.importers.swings import Swings, arc_radii, drawing_extent, sort_swings

# A drawn leaf narrower or wider than this is not a door a person walks through [mm].
MIN_LEAF_MM, MAX_LEAF_MM = 450.0, 1400.0

register({  # how a door was recognised (DoorShape.source), and the kinds of door in a sentence
    "imp.door.parallel_lines": {"en": "two parallel lines on an opening layer across the wall",
                                "nb": "to parallelle linjer på et lag for åpninger, tvers over veggen"},
    "imp.door.two_arcs": {"en": "two swing arcs meeting in the middle", "nb": "to slagbuer som møtes på midten"},
    "imp.door.hinged": {"en": "{src} (closed side from the {how})", "nb": "{src} ({how})"},
    "imp.door.src_block": {"en": "door block", "nb": "dørblokk"},
    "imp.door.src_arc": {"en": "swing arc", "nb": "slagbue"},
    "imp.door.how_leaf": {"en": "leaf line", "nb": "lukket side funnet ut fra dørbladet"},
    "imp.door.how_wall": {"en": "the end nearer a wall", "nb": "lukket side er enden nærmest en vegg"},
    "imp.door.how_assumed": {"en": "assumed (no leaf line, no wall nearby)",
                             "nb": "lukket side antatt (ingen dørbladlinje, ingen vegg i nærheten)"},
    "imp.door.block": {"en": "block {block} ({kind})", "nb": "blokk {block} ({kind_name})"},
    "imp.kind.hinged": {"en": "hinged", "nb": "slagdør"}, "imp.kind.double": {"en": "double", "nb": "dobbeltdør"},
    "imp.kind.sliding": {"en": "sliding", "nb": "skyvedør"}, "imp.kind.opening": {"en": "opening", "nb": "åpning"},
})


def kind_name(kind: str) -> list:
    """A door kind ("hinged") as a text to render: "slagdør" in Norwegian."""
    return said(f"imp.kind.{kind}")


@dataclass(frozen=True, slots=True)
class DoorShape:
    """A door before ids and rooms: where it is and how it opens, in millimetres."""

    opening: LineString
    leaf_width_mm: float
    kind: str
    swing: Polygon | None
    source: list  # how it was recognised, for the import report: a text to render (planner.i18n.said)
    hinge: tuple[float, float] | None = None
    passage: bool = False   # a plain opening between two rooms: kept only with a room on each side; no leaf


    @property
    def position(self) -> Point:
        return self.opening.interpolate(0.5, normalized=True)


def _swing(hinge: np.ndarray, closed_dir: np.ndarray, sign: float, r: float, steps: int = 12) -> Polygon:
    """The leaf's quarter disc, the same shape a drawn or typed door gets (planner.editing.builder.swing_polygon)."""
    latch = (float(hinge[0] + r * closed_dir[0]), float(hinge[1] + r * closed_dir[1]))
    return swing_polygon((float(hinge[0]), float(hinge[1])), latch, 1 if sign > 0 else -1, segments=steps)


def _leaves(arc: np.ndarray, idx: np.ndarray, radii: np.ndarray, arc_group, leaf_ends: "_EndIndex",
            walls: WallIndex, tolerance_mm: float) -> list[tuple]:
    """The door leaves of the arcs idx of a door's radius: (hinge, closed end, sign, r, group, how) each, an arc
    at the centre and radius of one before it (within tolerance_mm) dropped. The closed position is the arc end
    without a leaf line, else the end nearer a wall (the far jamb); sign: +1 when the leaf opens to the left of
    hinge → closed end."""
    idx = idx[(MIN_LEAF_MM <= radii[idx]) & (radii[idx] <= MAX_LEAF_MM)]
    seen: set[tuple] = set()
    first = []
    keys = np.round(np.c_[arc[idx, :2], radii[idx]] / tolerance_mm)
    for k, key in enumerate(map(tuple, keys.tolist())):
        if key not in seen:
            seen.add(key)
            first.append(k)
    idx = idx[first]
    if not len(idx):
        return []
    a, r = arc[idx], radii[idx]
    ends = np.stack([a[:, 2:4], a[:, 6:8]], axis=1)                   # (n, 2 ends, xy)
    has_leaf = leaf_ends.other_end_near(a[:, :2], ends)
    closed_k = np.where(has_leaf[:, 0] != has_leaf[:, 1], has_leaf[:, 0].astype(int), 0)
    how = [said("imp.door.how_leaf") if h0 != h1 else None for h0, h1 in has_leaf.tolist()]
    for k in np.flatnonzero(has_leaf[:, 0] == has_leaf[:, 1]).tolist():
        closed_k[k], how[k] = _closed_by_wall(ends[k], walls, tolerance_mm)
    rows = np.arange(len(idx))
    closed, other = ends[rows, closed_k], ends[rows, 1 - closed_k]
    u = (closed - a[:, :2]) / r[:, None]
    w = other - a[:, :2]
    sign = np.where(u[:, 0] * w[:, 1] - u[:, 1] * w[:, 0] >= 0, 1.0, -1.0)
    latch = a[:, :2] + u * r[:, None]
    return [(a[k, :2].copy(), latch[k], float(sign[k]), r[k], arc_group[i], how[k])
            for k, i in enumerate(idx.tolist())]


def _closed_by_wall(ends: np.ndarray, walls: WallIndex, tolerance_mm: float) -> tuple[int, list]:
    """Which arc end is closed when the leaf lines do not tell: the one nearer a wall, else the start."""
    if len(walls):
        d = [walls.nearest(Point(end))[1] for end in ends]
        if abs(d[0] - d[1]) > tolerance_mm:
            return (0 if d[0] < d[1] else 1), said("imp.door.how_wall")
    return 0, said("imp.door.how_assumed")


def long_axis(corners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The line through the middle of a block's footprint (4 corners) along its longer side."""
    edges = [np.hypot(*(corners[(k + 1) % 4] - corners[k])) for k in range(2)]
    along = 0 if edges[0] >= edges[1] else 1
    return ((corners[along] + corners[(along + 3) % 4]) / 2, (corners[along + 1] + corners[(along + 2) % 4]) / 2)


class _EndIndex:
    """Segment ends near a few query points (arc centres): the ends of the segments that start or end within
    tolerance_mm (a square) of one of them, with each segment's other end. Grid cells of tolerance size; only the
    segments whose end falls in a cell next to a query point are kept, so the cost is one vectorised pass over all
    segments."""

    LIMIT = 2 ** 30

    def __init__(self, seg: np.ndarray, queries: np.ndarray, tolerance_mm: float) -> None:
        self.tol = max(tolerance_mm, 1e-9)
        if not len(seg) or not len(queries):
            self.ends = self.other = np.zeros((0, 2))
            return
        ends = np.vstack([seg[:, :2], seg[:, 2:]])
        other = np.vstack([seg[:, 2:], seg[:, :2]])
        around = np.array([(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)])   # a query's cell and those around
        want = (self._cell(queries)[:, None, :] + around[None]).reshape(-1, 2)
        cell = self._cell(ends)
        key = cell[:, 0] * (4 * self.LIMIT) + cell[:, 1]
        keep = np.isin(key, np.unique(want[:, 0] * (4 * self.LIMIT) + want[:, 1]))
        self.ends, self.other = ends[keep], other[keep]

    def _cell(self, pts: np.ndarray) -> np.ndarray:
        return np.clip(np.floor(pts / self.tol), -self.LIMIT, self.LIMIT).astype(np.int64)

    def other_end_near(self, centres: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """For each centre (n, 2) and each of its ends (n, 2, 2): whether a segment that starts or ends within the
        tolerance square of the centre has its other end within the tolerance (a circle) of that end: a leaf line
        from the hinge to that end of the arc."""
        out = np.zeros(ends.shape[:2], dtype=bool)
        if not len(self.ends) or not len(centres):
            return out
        pad = 2 * self.tol     # boxes larger than the squares (whatever the rounding); the test below is exact
        tree = shapely.STRtree(shapely.points(self.ends))
        q, k = tree.query(shapely.box(*(centres - pad).T, *(centres + pad).T))
        inside = (np.abs(self.ends[k, 0] - centres[q, 0]) <= self.tol) & \
                 (np.abs(self.ends[k, 1] - centres[q, 1]) <= self.tol)
        q, k = q[inside], k[inside]
        for e in range(ends.shape[1]):
            close = np.hypot(*(ends[q, e] - self.other[k]).T) <= self.tol
            out[q[close], e] = True
        return out


PASSAGE_WIDTH_MM = (600.0, 2500.0)    # a doorway a person walks through, not a hatch or a wide arch
PASSAGE_DEPTH_MM = (50.0, 800.0)      # the wall's thickness between the two faces of the opening
PARALLEL_SIN = 0.02                   # about 1 degree


def find_passages(seg: np.ndarray, doors: list[DoorShape], *, tolerance_mm: float = 20.0) -> list[DoorShape]:
    """Plain openings: two parallel lines of an opening layer facing each other across a wall (its two faces at
    the gap), as drawn for a doorway without a door. The opening runs along the lines, in the middle between
    them, as long as they overlap. Lines at a door already found are its frame or leaf, not a passage.

    These are candidates: only those with a room on each side are doors (an opening in an outer wall may be a
    window as well as a door, which the plan cannot tell)."""
    if len(seg) < 2:
        return []
    a, b = seg[:, :2], seg[:, 2:]
    length = np.hypot(*(b - a).T)
    ok = (length >= PASSAGE_WIDTH_MM[0]) & (length <= PASSAGE_WIDTH_MM[1] + 2 * tolerance_mm + 1)
    if ok.sum() < 2:
        return []
    lines = shapely.linestrings(seg.reshape(-1, 2, 2))
    for with_swing, reach in ((True, tolerance_mm), (False, 300.0)):   # a swing, or an opening's line
        near = [d.swing if with_swing else d.opening for d in doors if (d.swing is not None) == with_swing]
        if near and ok.any():
            hit = shapely.STRtree(near).query(lines[ok], predicate="dwithin", distance=reach)[0]
            ok[np.nonzero(ok)[0][hit]] = False
    idx = np.nonzero(ok)[0]
    if len(idx) < 2:
        return []
    lines = lines[idx]
    tree = shapely.STRtree(lines)
    i, j = tree.query(lines, predicate="dwithin", distance=PASSAGE_DEPTH_MM[1])
    keep = i < j
    i, j = idx[i[keep]], idx[j[keep]]
    found: list[DoorShape] = []
    taken: set[int] = set()
    for m, n in zip(i.tolist(), j.tolist()):
        if m in taken or n in taken:
            continue
        u = (b[m] - a[m]) / length[m]
        v = (b[n] - a[n]) / length[n]
        if abs(u[0] * v[1] - u[1] * v[0]) > PARALLEL_SIN:
            continue
        normal = np.array([-u[1], u[0]])
        depth = float(np.dot(a[n] - a[m], normal))
        if not (PASSAGE_DEPTH_MM[0] <= abs(depth) <= PASSAGE_DEPTH_MM[1]):
            continue
        # overlap of the two lines along m's direction
        t_n = sorted((float(np.dot(a[n] - a[m], u)), float(np.dot(b[n] - a[m], u))))
        lo, hi = max(0.0, t_n[0]), min(float(length[m]), t_n[1])
        width = hi - lo
        if not (PASSAGE_WIDTH_MM[0] <= width <= PASSAGE_WIDTH_MM[1]):
            continue
        # both lines about as long as the opening: faces of one gap, not a long wall line beside a short one
        if length[m] > width + 2 * tolerance_mm + 1 or length[n] > width + 2 * tolerance_mm + 1:
            continue
        start = a[m] + u * lo + normal * depth / 2
        end = a[m] + u * hi + normal * depth / 2
        taken.update((m, n))
        found.append(DoorShape(LineString([start, end]), width, "opening", None,
                               said("imp.door.parallel_lines"), passage=True))
    return found


def find_doors(p: Primitives, roles: dict[str, str], wall_lines: list[LineString], *,
               tolerance_mm: float = 20.0) -> tuple[list[DoorShape], Swings]:
    """Door shapes (mm) from door-block arcs, free swing arcs and sliding-door blocks; plus how the arcs were
    sorted (planner.importers.swings: true swings, leafless arcs on door layers, rejected ones)."""
    wall_index = WallIndex(wall_lines)
    swings = sort_swings(p, roles, drawing_extent(p))
    idx = np.concatenate([swings.doors, swings.leafless]).astype(int)
    radii = arc_radii(p.arc) if len(p.arc) else np.zeros(0)
    # leaf lines: segments that start at an arc centre
    leaf_ends = _EndIndex(p.seg, p.arc[idx, :2] if len(idx) else np.zeros((0, 2)), tolerance_mm)

    leaves = _leaves(p.arc, idx, radii, p.arc_group, leaf_ends, wall_index, tolerance_mm)

    drawn = []    # (hinge, other end of the opening, the rest of the DoorShape): the lines are made all at once
    used = [False] * len(leaves)
    # double doors: two leaves whose closed ends meet; the ends near each leaf's, found for all leaves at once
    ends = shapely.points([lf[1] for lf in leaves]) if leaves else None
    reach = np.array([max(tolerance_mm, 0.1 * lf[3]) for lf in leaves])   # the envelope of a circle of this radius
    if leaves:
        latch = np.array([lf[1] for lf in leaves])
        boxes = shapely.box(*(latch - reach[:, None]).T, *(latch + reach[:, None]).T)
        near_a, near_b = shapely.STRtree(ends).query(boxes)
        starts = np.searchsorted(near_a, np.arange(len(leaves) + 1))
        near_b = near_b.tolist()
    for a, la in enumerate(leaves):
        if used[a]:
            continue
        partner = None
        for b in near_b[starts[a]:starts[a + 1]]:
            if b != a and not used[b] and abs(np.hypot(*(leaves[b][0] - la[0])) - (la[3] + leaves[b][3])) < 0.15 * la[3]:
                partner = b
                break
        if partner is not None:
            lb = leaves[partner]
            used[a] = used[partner] = True
            swing = unary_union([_swing(la[0], (la[1] - la[0]) / la[3], la[2], la[3]),
                                 _swing(lb[0], (lb[1] - lb[0]) / lb[3], lb[2], lb[3])])
            swing = swing if isinstance(swing, Polygon) else swing.convex_hull
            drawn.append((la[0], lb[0], max(la[3], lb[3]), "double", swing, said("imp.door.two_arcs"), tuple(la[0])))
            continue
        used[a] = True
        src = said("imp.door.src_block" if la[4] >= 0 else "imp.door.src_arc")
        drawn.append((la[0], la[1], la[3], "hinged", _swing(la[0], (la[1] - la[0]) / la[3], la[2], la[3]),
                      said("imp.door.hinged", src=src, how=la[5]), tuple(la[0])))
    openings = shapely.linestrings(np.array([(a, b) for a, b, *_ in drawn], dtype=float).reshape(-1, 2, 2))
    shapes = [DoorShape(line, *rest) for line, (_, _, *rest) in zip(openings.tolist(), drawn)]

    # door blocks without a usable arc: sliding doors and doors drawn as an opening
    arc_groups = {lf[4] for lf in leaves if lf[4] >= 0}
    for name, _layer, corners, group in p.refs:
        if group < 0 or group in arc_groups:
            continue
        mid_a, mid_b = long_axis(corners)
        width = float(np.hypot(*(mid_b - mid_a)))
        if not (MIN_LEAF_MM <= width <= 2 * MAX_LEAF_MM):
            continue
        kind = "sliding" if is_sliding_block(name) else ("double" if is_double_block(name) else "opening")
        leaf = width / 2 if kind == "double" else width
        shapes.append(DoorShape(LineString([mid_a, mid_b]), leaf, kind, None,
                                said("imp.door.block", block=repr(name), kind=kind, kind_name=kind_name(kind))))
    return shapes, swings
