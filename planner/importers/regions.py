"""Separate plans in one file: clusters of geometry with empty space between them (floors, sheets)."""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import shapely

from planner.i18n import register, render, said
from planner.importers.extract import Primitives

MIN_REGION_SHARE = 0.05
MIN_REGION_PIECES = 20   # fewer wall and door pieces than this are a stray mark, a scale bar or a north arrow
MIN_WING_PIECES = 40     # this many make a region whatever its share


@dataclass(frozen=True, slots=True)
class Region:
    index: int                      # 1-based, left to right then bottom to top
    bbox_mm: tuple[float, float, float, float]
    entity_count: int

    def to_dict(self) -> dict:
        return {"index": self.index, "bbox_mm": [round(v) for v in self.bbox_mm], "entity_count": self.entity_count}


def _boxes(p: Primitives) -> np.ndarray:
    rows = []
    if len(p.seg):
        rows.append(np.c_[np.minimum(p.seg[:, 0], p.seg[:, 2]), np.minimum(p.seg[:, 1], p.seg[:, 3]),
                          np.maximum(p.seg[:, 0], p.seg[:, 2]), np.maximum(p.seg[:, 1], p.seg[:, 3])])
    if len(p.arc):
        pts = p.arc.reshape(-1, 4, 2)
        rows.append(np.c_[pts.min(axis=1), pts.max(axis=1)])
    return np.vstack(rows) if rows else np.zeros((0, 4))


def unique_rows(a: np.ndarray, return_inverse: bool = False):
    """np.unique(a, axis=0) for a 2-D array of a few columns (same rows, same order), without sorting rows as
    raw bytes: each column is ranked on its own and the ranks are combined into one integer key per row."""
    if not len(a):
        return (a, np.zeros(0, dtype=int)) if return_inverse else a
    key = np.zeros(len(a), dtype=np.int64)
    for col in range(a.shape[1]):
        values, rank = np.unique(a[:, col], return_inverse=True)
        if col:
            # keep the key below len(a) before widening it, so it never overflows
            _, key = np.unique(key, return_inverse=True)
        key = key * len(values) + rank.reshape(-1)
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    rows = a[first]
    return (rows, inverse.reshape(-1)) if return_inverse else rows


def components(n: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """The connected component (0 .. k-1) of each of n nodes joined by the pairs (i, j): label propagation with
    pointer jumping, a few vectorised passes over the pairs."""
    label = np.arange(n)
    while True:
        low = np.minimum(label[i], label[j])
        new = label.copy()
        np.minimum.at(new, label[i], low)      # hook each group's root onto the smaller neighbouring root
        np.minimum.at(new, label[j], low)
        new = np.minimum(new, new[label])
        while True:                            # shortcut: every node points straight at its root
            jumped = new[new]
            if np.array_equal(jumped, new):
                break
            new = jumped
        if np.array_equal(new, label):
            break
        label = new
    _, group = np.unique(label, return_inverse=True)
    return group.reshape(-1)


def _blobs(boxes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Connected groups of axis-parallel boxes (x0 y0 x1 y1): boxes that overlap or share a stretch of edge are
    joined, boxes that touch only at a corner are not (as the union of the boxes would part them). Returns the
    bounding box of each group and the group of each box. Pairs come from an STRtree."""
    tree = shapely.STRtree(shapely.box(boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]))
    # for axis-parallel boxes the envelope test is the exact test: no predicate needed
    i, j = tree.query(shapely.box(boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]))
    w = np.minimum(boxes[i, 2], boxes[j, 2]) - np.maximum(boxes[i, 0], boxes[j, 0])
    h = np.minimum(boxes[i, 3], boxes[j, 3]) - np.maximum(boxes[i, 1], boxes[j, 1])
    keep = (i < j) & (w >= 0) & (h >= 0) & ((w > 0) | (h > 0))
    group = components(len(boxes), i[keep], j[keep])
    return group_bounds(boxes, group, int(group.max()) + 1), group


class GridBlobs:
    """Connected groups of boxes whose edges lie on a grid, found on a raster of the grid lines they use.

    Grown boxes overlap heavily (thousands of boxes, hundreds of thousands of overlapping pairs), while the
    raster of their union holds few runs of filled cells per row: runs that overlap in neighbouring rows are
    joined, so the pairs are as few as the runs. Joining by shared edge stretches and not by corners, as _blobs.
    The raster's size is the distinct grid lines squared at worst; None from build() when it would be too large.
    """

    MAX_CELLS = 4_000_000

    def __init__(self, xs, ys, label, blob_box, box_blob) -> None:
        self.xs, self.ys, self.label = xs, ys, label
        self.blob_box, self.box_blob = blob_box, box_blob

    @classmethod
    def build(cls, grid: np.ndarray) -> "GridBlobs | None":
        xs = np.unique(np.r_[grid[:, 0], grid[:, 2]])
        ys = np.unique(np.r_[grid[:, 1], grid[:, 3]])
        if (len(xs) - 1) * (len(ys) - 1) > cls.MAX_CELLS or len(xs) < 2 or len(ys) < 2:
            return None
        ix0, ix1 = np.searchsorted(xs, grid[:, 0]), np.searchsorted(xs, grid[:, 2])
        iy0, iy1 = np.searchsorted(ys, grid[:, 1]), np.searchsorted(ys, grid[:, 3])
        cover = np.zeros((len(ys), len(xs)), dtype=np.int32)     # corners of each box; summed, its area
        np.add.at(cover, (iy0, ix0), 1)
        np.add.at(cover, (iy0, ix1), -1)
        np.add.at(cover, (iy1, ix0), -1)
        np.add.at(cover, (iy1, ix1), 1)
        filled = cover.cumsum(axis=0).cumsum(axis=1)[:-1, :-1] > 0
        width = filled.shape[1] + 1
        edges = np.diff(np.pad(filled, ((0, 0), (1, 1))).astype(np.int8), axis=1)
        row, start = np.nonzero(edges == 1)                       # runs of filled cells, row by row
        _, end = np.nonzero(edges == -1)
        # runs of the next row that overlap each run by a stretch: start < this end and end > this start
        start_key, end_key = row * width + start, row * width + end
        upper = np.searchsorted(start_key, (row + 1) * width + end, side="left")
        lower = np.searchsorted(end_key, (row + 1) * width + start, side="right")
        count = np.maximum(upper - lower, 0)
        a = np.repeat(np.arange(len(row)), count)
        b = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count) + np.repeat(lower, count)
        run_blob = components(len(row), a, b)
        label = np.full(filled.shape, -1, dtype=np.int64)
        length = end - start
        cells_row = np.repeat(row, length)
        cells_col = np.arange(length.sum()) - np.repeat(np.cumsum(length) - length, length) + np.repeat(start, length)
        label[cells_row, cells_col] = np.repeat(run_blob, length)
        box_blob = label[iy0, ix0]
        blob_box = group_bounds(grid, box_blob, int(run_blob.max()) + 1)
        return cls(xs, ys, label, blob_box, box_blob)

    def at(self, cells: np.ndarray) -> np.ndarray:
        """The blob of each grid cell (lower-left corners, in grid units), -1 outside every box."""
        ix = np.searchsorted(self.xs, cells[:, 0], side="right") - 1
        iy = np.searchsorted(self.ys, cells[:, 1], side="right") - 1
        inside = (ix >= 0) & (ix < self.label.shape[1]) & (iy >= 0) & (iy < self.label.shape[0])
        out = np.full(len(cells), -1, dtype=np.int64)
        out[inside] = self.label[iy[inside], ix[inside]]
        return out


def group_bounds(boxes: np.ndarray, group: np.ndarray, n: int) -> np.ndarray:
    """The bounding box of the boxes of each of n groups (inf, inf, -inf, -inf for a group with none)."""
    bounds = np.empty((n, 4))
    bounds[:, :2] = np.inf
    bounds[:, 2:] = -np.inf
    np.minimum.at(bounds[:, 0], group, boxes[:, 0])
    np.minimum.at(bounds[:, 1], group, boxes[:, 1])
    np.maximum.at(bounds[:, 2], group, boxes[:, 2])
    np.maximum.at(bounds[:, 3], group, boxes[:, 3])
    return bounds


def find_regions(p: Primitives, *, gap_mm: float, counts: np.ndarray | None = None
                 ) -> tuple[list[Region], dict[str, np.ndarray]]:
    """Clusters of segments and arcs at least gap_mm apart, the big ones as regions, and for each primitive
    kind the region index of each element (0 = in no region: a title, a stray mark).

    counts: 1 for each segment then arc that counts towards a region's size (walls and doors, not hatches).
    """
    boxes = _boxes(p)
    empty = {"seg": np.zeros(len(p.seg), int), "arc": np.zeros(len(p.arc), int),
             "outline": np.zeros(len(p.outlines), int), "text": np.zeros(len(p.texts), int),
             "ref": np.zeros(len(p.refs), int)}
    if not len(boxes):
        return [], empty
    weight = np.ones(len(boxes)) if counts is None else np.asarray(counts, dtype=float)
    core = boxes[weight > 0] if (weight > 0).any() else boxes
    # grow each box by half the gap (4 cells) and snap it outwards to a grid of an eighth of the gap: far fewer
    # distinct boxes, and clusters up to 1.25 gaps apart (not 2, as a grid of half the gap gave) are joined
    cell = gap_mm / 8
    pad = 4
    grid = np.c_[np.floor(core[:, :2] / cell) - pad, np.ceil(core[:, 2:] / cell) + pad]
    grid = unique_rows(grid)
    raster = GridBlobs.build(grid)
    if raster is not None:
        blob_box, box_blob = raster.blob_box * cell, raster.box_blob
    else:
        blob_box, box_blob = _blobs(grid * cell)
        tree = shapely.STRtree(shapely.box(*(grid * cell).T))

    def assign(points: np.ndarray) -> np.ndarray:
        """The blob each point lies in (-1 for none). Box edges lie on the grid, so every point in a grid cell
        shares the cell's blob: one look-up per occupied cell instead of one per element."""
        out = np.full(len(points), -1)
        if len(points):
            cells, inverse = unique_rows(np.floor(points / cell), return_inverse=True)
            if raster is not None:
                cell_blob = raster.at(cells)
            else:
                pi, bi = tree.query(shapely.points((cells + 0.5) * cell))   # a box's envelope is the box
                cell_blob = np.full(len(cells), -1)
                cell_blob[pi] = box_blob[bi]
            out = cell_blob[inverse.reshape(-1)]
        return out

    centres = np.c_[(boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2]
    blob_of = assign(centres)
    # clusters whose drawn extents overlap are one plan (wings around a courtyard, joined only by lines on an
    # ignored layer); clusters side by side with a gap between them stay apart (a plan and its elevations)
    seen = (blob_of >= 0) & (weight > 0)
    if seen.any():
        extent = group_bounds(boxes[seen], blob_of[seen], len(blob_box))
        drawn = np.isfinite(extent[:, 0])
        extent[~drawn] = blob_box[~drawn]
        joined = np.arange(len(extent))            # original blob -> joined blob
        while True:                                # a joined extent may overlap a further cluster: repeat
            group_extent, group_of = _blobs(extent)
            joined = group_of[joined]
            if len(group_extent) == len(extent):
                break
            extent = group_extent
        blob_of = np.where(blob_of >= 0, joined[np.maximum(blob_of, 0)], -1)
        box_blob = joined[box_blob]                # what assign() answers from now on
        if raster is not None:
            raster.label = np.where(raster.label >= 0, joined[np.maximum(raster.label, 0)], -1)
        blob_box = group_bounds(blob_box, joined, joined.max() + 1)
    counts = np.bincount(blob_of[blob_of >= 0], weights=weight[blob_of >= 0], minlength=len(blob_box)).astype(int)
    # a cluster is a plan of its own when it is a fair share of the largest, or has enough walls and doors to
    # hold a room (a wing joined to the building only by a facade on an ignored layer): never dropped silently
    big = [b for b in range(len(blob_box))
           if counts[b] >= MIN_REGION_PIECES and (counts[b] >= MIN_REGION_SHARE * counts.max()
                                                  or counts[b] >= MIN_WING_PIECES)]
    if not big:
        big = [int(counts.argmax())]
    order = sorted(big, key=lambda b: (round(float(blob_box[b, 0]), -3), float(blob_box[b, 1])))
    number = {b: k + 1 for k, b in enumerate(order)}
    regions = []
    for b in order:
        members = blob_of == b
        x0, y0 = boxes[members, :2].min(axis=0)
        x1, y1 = boxes[members, 2:].max(axis=0)
        regions.append(Region(number[b], (x0 + 0, y0 + 0, x1 + 0, y1 + 0), int(counts[b])))

    lookup = np.zeros(len(blob_box) + 1, dtype=int)   # blob id -> region number; the last entry is for -1
    for b, k in number.items():
        lookup[b] = k
    # the regions' drawn extents, smallest first: what lies outside every grown piece but inside a drawn extent
    # (a label in the middle of a large room, far from its walls) belongs to the smallest region around it
    extents = np.array([r.bbox_mm for r in regions]).reshape(-1, 4)
    by_area = np.argsort((extents[:, 2] - extents[:, 0]) * (extents[:, 3] - extents[:, 1]), kind="stable")

    def index(blob_ids: np.ndarray, points: np.ndarray) -> np.ndarray:
        out = lookup[np.asarray(blob_ids, dtype=int)]
        points = points.reshape(-1, 2)
        for r in by_area:
            x0, y0, x1, y1 = extents[r]
            inside = ((out == 0) & (points[:, 0] >= x0) & (points[:, 0] <= x1)
                      & (points[:, 1] >= y0) & (points[:, 1] <= y1))
            out[inside] = regions[r].index
        return out

    def place(points: np.ndarray) -> np.ndarray:
        points = points.reshape(-1, 2)
        return index(assign(points), points)

    n_seg = len(p.seg)
    result = {"seg": index(blob_of[:n_seg], centres[:n_seg]), "arc": index(blob_of[n_seg:], centres[n_seg:])}
    result["outline"] = place(_means([c for c, _ in p.outlines]))
    result["text"] = place(np.array([(x, y) for x, y, _, _ in p.texts]))
    ref_corners = np.array([c for _, _, c, _ in p.refs], dtype=float).reshape(-1, 4, 2)
    result["ref"] = place(ref_corners.mean(axis=1))
    return regions, result


def _means(arrays: list[np.ndarray]) -> np.ndarray:
    """The mean point of each (k, 2) array, in one pass over all of them."""
    if not arrays:
        return np.zeros((0, 2))
    sizes = np.array([len(a) for a in arrays])
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    return np.add.reduceat(np.vstack(arrays), starts, axis=0) / sizes[:, None]


def subset(p: Primitives, member: dict[str, np.ndarray], index: int) -> Primitives:
    """The primitives of one region."""
    s, a = member["seg"] == index, member["arc"] == index
    pick = lambda items, key: [it for it, m in zip(items, member[key]) if m == index]  # noqa: E731
    return Primitives(p.seg[s], [x for x, m in zip(p.seg_layer, s) if m], [x for x, m in zip(p.seg_group, s) if m],
                      p.arc[a], [x for x, m in zip(p.arc_layer, a) if m], [x for x, m in zip(p.arc_group, a) if m],
                      pick(p.outlines, "outline"), pick(p.texts, "text"), pick(p.refs, "ref"), p.ignored,
                      p.ignored_geom, p.groups)


# What kind of drawing a region is. The geometry decides; a title only names which of section or elevation.
PLAN, SECTION, ELEVATION, SECTION_OR_ELEVATION, STRUCTURAL = "plan", "section", "elevation", "section_or_elevation", \
    "structural"
SWING_MM = (450.0, 1400.0)       # the radius of a door swing (docs/dxf.md)
PLAN_EVIDENCE_MIN = 2            # swings, door blocks or room outlines: one may be a symbol, two make a plan
GROUND_SPAN = 0.85               # a ground line spans this share of the drawing's width...
GROUND_BAND = 0.25               # ...reaches into its lowest share of the height...
WALL_MM = (50.0, 500.0)          # the thickness of a wall: the two lines of an outer wall are this far apart
GROUND_TILT = 0.27               # ...and is level or slopes as terrain does (up to 15°)
BELOW_GROUND_SHARE = 0.05        # a share of the lines below it is a foundation or hatch, more is a plan
TWIN_SHARE = 0.7                 # the pieces of an outer wall's inner line cover this share of the outer one
TWIN_OFFSET_MM = 10.0            # ...lying at one offset, to this
CORNER_MM = 50.0                 # a line ends in a corner when a line across it ends this near
CORNER_COS = 0.5                 # "across": at more than 60° to it
MEMBERS_MIN = 10                 # parallel members (joists, studs) at one spacing: a framing plan
MEMBERS_SPACING_CV = 0.1         # spacings within this coefficient of variation are "one spacing"
_SECTION_WORDS = re.compile(r"(?<![a-z])(snitt|section|coupe|schnitt|secci[oó]n|sezione|doorsnede|断面)", re.I)
_ELEVATION_WORDS = re.compile(r"(?<![a-z])(fasade|fa[cç]ade|elevation|ansicht|alzado|prospetto|gevel|立面)", re.I)
_STRUCTURAL_WORDS = re.compile(r"(?<![a-z])(framing|structural|konstruksjon|bjelkelag|foundation|fundament|joist|"
                               r"truss|takstol|伏図)", re.I)


register({
    "region.why.plan": {"en": "{swings} door swings, {blocks} door blocks, {outlines} room outlines",
                        "nb": "{swings} dørslag, {blocks} dørblokker, {outlines} romomriss"},
    "region.why.ground": {"en": "a ground line across the drawing, and no door swings or room outlines",
                          "nb": "en bakkelinje tvers over tegningen, og verken dørslag eller romomriss"},
    "region.why.structural": {"en": "regular parallel members, and no door swings or room outlines",
                              "nb": "jevnt fordelte parallelle bjelker, og verken dørslag eller romomriss"},
    "region.why.plan_weak": {"en": "no door swings or room outlines, but no ground line or framing either",
                             "nb": "verken dørslag eller romomriss, men heller ingen bakkelinje eller bjelkelag"},
})


def _ground_line(seg: np.ndarray, bbox) -> bool:
    """A line across the drawing near its bottom, level or sloping as terrain does, with little below it: the
    ground of a section or an elevation (with no plan evidence beside it; a plan's outer wall is told apart by
    its door swings and room outlines, not here)."""
    x0, y0, x1, y1 = bbox
    w, h = x1 - x0, y1 - y0
    if not len(seg) or w <= 0 or h <= 0:
        return False
    dx, dy = seg[:, 2] - seg[:, 0], seg[:, 3] - seg[:, 1]
    ymid = (seg[:, 1] + seg[:, 3]) / 2
    across = (np.abs(dx) >= GROUND_SPAN * w) & (np.abs(dy) <= GROUND_TILT * np.abs(dx))
    low = across & (np.minimum(seg[:, 1], seg[:, 3]) <= y0 + GROUND_BAND * h)
    if not low.any():
        return False
    k = int(np.nonzero(low)[0][np.argmax(np.abs(dx[low]))])
    slope = dy[k] / dx[k]
    xmid = (seg[:, 0] + seg[:, 2]) / 2
    ground_at = seg[k, 1] + slope * (xmid - seg[k, 0])
    below = np.mean(ymid < ground_at - 0.01 * h)
    return bool(below <= BELOW_GROUND_SHARE and not _has_twin(seg, k, slope, ymid - ground_at)
                and not _ends_in_corners(seg, k))


def _has_twin(seg: np.ndarray, k: int, slope: float, rise: np.ndarray) -> bool:
    """Does line k have a twin a wall's thickness away — a plan's outer wall is two lines, a ground line one? The
    twin may be in pieces, broken where the inner walls meet it: the pieces at one offset count together."""
    dx, dy = seg[:, 2] - seg[:, 0], seg[:, 3] - seg[:, 1]
    offset = rise / np.sqrt(1 + slope ** 2)
    parallel = (np.abs(dy - slope * dx) <= 0.01 * np.abs(dx) + 1.0) & (np.abs(dx) > 0) & \
        (np.abs(offset) >= WALL_MM[0]) & (np.abs(offset) <= WALL_MM[1])
    parallel[k] = False
    if not parallel.any():
        return False
    at, lengths = np.round(offset[parallel] / TWIN_OFFSET_MM), np.abs(dx[parallel])
    keys, which = np.unique(at, return_inverse=True)
    return bool(np.bincount(which, weights=lengths).max() >= TWIN_SHARE * abs(dx[k]))


def _ends_in_corners(seg: np.ndarray, k: int) -> bool:
    """Does line k end, at both ends, where a line across it ends too — the corners of an outline, as a plan's
    outer wall drawn in single lines does? A ground line runs on past the building it carries."""
    a, b = seg[k, :2], seg[k, 2:]
    u = (b - a) / (np.hypot(*(b - a)) or 1.0)
    d = seg[:, 2:] - seg[:, :2]
    length = np.hypot(d[:, 0], d[:, 1])
    across = np.abs(d @ u) <= CORNER_COS * np.maximum(length, 1e-9)
    across[k] = False
    ends = np.vstack([seg[across, :2], seg[across, 2:]])
    if not len(ends):
        return False
    return all(bool((np.hypot(*(ends - p).T) <= CORNER_MM).any()) for p in (a, b))


def _members(seg: np.ndarray, bbox) -> bool:
    """Many long parallel lines at one spacing (joists, rafters, studs): what a framing plan is made of."""
    x0, y0, x1, y1 = bbox
    for along, across, extent in ((0, 1, x1 - x0), (1, 0, y1 - y0)):
        d_along = np.abs(seg[:, 2 + along] - seg[:, along])
        d_across = np.abs(seg[:, 2 + across] - seg[:, across])
        straight = (d_along >= 0.3 * extent) & (d_across <= 0.01 * np.maximum(d_along, 1e-9))
        offsets = np.unique(np.round(seg[straight, across], -1))
        if len(offsets) < MEMBERS_MIN:
            continue
        gaps = np.diff(offsets)
        gaps = gaps[gaps > 0]
        if len(gaps) >= MEMBERS_MIN - 1:
            common = np.median(gaps)
            near = np.abs(gaps - common) <= MEMBERS_SPACING_CV * common
            if near.sum() >= MEMBERS_MIN - 1 and near.mean() >= 0.6:
                return True
    return False


# A door swing weighs as much as half a region's minimum of wall pieces: a small flat with a door or two is a
# plan of its own beside a larger section, while a lone door symbol in a legend stays a stray mark.
DOOR_SWING_WEIGHT = MIN_REGION_PIECES // 2


def swing_arcs(p: Primitives, candidates: np.ndarray) -> np.ndarray:
    """Of the candidate arcs (by layer and sweep; p in mm), those of a door swing's radius."""
    if not len(candidates):
        return np.zeros(0, dtype=int)
    arc = p.arc[candidates]
    radii = np.hypot(arc[:, 2] - arc[:, 0], arc[:, 3] - arc[:, 1])
    return candidates[(radii >= SWING_MM[0]) & (radii <= SWING_MM[1])]


def drawing_kinds(p: Primitives, member: dict[str, np.ndarray], regions: list[Region], swing_arcs: np.ndarray,
                  room_outline: np.ndarray) -> list[dict]:
    """What each region is — floor plan, section, elevation or structural plan — with why (a text to render).

    p in millimetres; swing_arcs: indices of the arcs that are door swings (swing_arcs()); room_outline: a
    bool per outline, True on a room layer. Plan evidence is door swings, door blocks and room outlines; a ground
    line with no plan evidence makes a section or an elevation, regular parallel members a structural plan;
    titles (SNITT, SECTION, FASADE, ELEVATION, FRAMING …) only say which, never overrule the geometry.
    """
    is_swing = np.zeros(len(p.arc), dtype=bool)
    is_swing[swing_arcs] = True
    door_block = np.array([g >= 0 for *_, g in p.refs], dtype=bool)
    out = []
    for r in regions:
        swings = int(np.sum(is_swing & (member["arc"] == r.index)))
        blocks = int(np.sum(door_block & (member["ref"] == r.index))) if len(door_block) else 0
        outlines = int(np.sum(room_outline & (member["outline"] == r.index))) if len(room_outline) else 0
        seg = p.seg[member["seg"] == r.index]
        titles = " ".join(text for (_, _, text, _), m in zip(p.texts, member["text"]) if m == r.index)
        evidence = dict(swings=swings, blocks=blocks, outlines=outlines)
        if swings + blocks >= PLAN_EVIDENCE_MIN or outlines >= PLAN_EVIDENCE_MIN:
            kind, why = PLAN, said("region.why.plan", **evidence)
        elif _ground_line(seg, r.bbox_mm):
            kind = (SECTION if _SECTION_WORDS.search(titles) else ELEVATION if _ELEVATION_WORDS.search(titles)
                    else SECTION_OR_ELEVATION)
            why = said("region.why.ground", **evidence)
        elif _members(seg, r.bbox_mm) or _STRUCTURAL_WORDS.search(titles):
            kind, why = STRUCTURAL, said("region.why.structural", **evidence)
        else:
            kind, why = PLAN, said("region.why.plan_weak", **evidence)
        out.append({"index": r.index, "kind": kind, "why": render(why), "why_t": why,
                    "evidence": evidence, "bbox_mm": r.to_dict()["bbox_mm"], "entity_count": r.entity_count})
    return out


def default_region(kinds: list[dict]) -> int | None:
    """The largest floor plan, else the largest drawing."""
    if not kinds:
        return None
    plans = [k for k in kinds if k["kind"] == PLAN] or kinds
    return max(plans, key=lambda k: k["entity_count"])["index"]


PREVIEW_LINES = 400    # the longest lines of a drawing are enough to recognise it in a thumbnail
OVERLAY_LINES = 3000   # ...and enough of them to point at in the drawing read (the rest is short detail)


def _longest(seg: np.ndarray, idx: np.ndarray, n: int) -> np.ndarray:
    """Of the segments idx, the n longest (their indices), longest first."""
    length = np.hypot(seg[idx, 2] - seg[idx, 0], seg[idx, 3] - seg[idx, 1])
    return idx[np.argsort(-length, kind="stable")[:n]]


def _rounded(values: np.ndarray) -> list:
    return (np.round(values / 10) * 10).astype(int).tolist()


def previews(p: Primitives, member: dict[str, np.ndarray], regions: list[Region]) -> dict[str, list]:
    """For each region (by index, as a string: JSON keys), its longest lines rounded to 10 mm, for a thumbnail."""
    if not len(p.seg):
        return {}
    return {str(r.index): _rounded(p.seg[_longest(p.seg, np.nonzero(member["seg"] == r.index)[0], PREVIEW_LINES)])
            for r in regions}


ARC_POINTS = 7         # an arc drawn as this many points along it


def _arc_polylines(arc: np.ndarray) -> np.ndarray:
    """Arcs (centre, start, middle, end) as ARC_POINTS points each, (n, ARC_POINTS * 2) x y x y …"""
    if not len(arc):
        return np.zeros((0, ARC_POINTS * 2))
    c = arc[:, 0:2]
    ang = [np.arctan2(arc[:, k + 1] - c[:, 1], arc[:, k] - c[:, 0]) for k in (2, 4, 6)]
    start, mid, end = ang
    sweep = np.mod(end - start, 2 * np.pi)
    through = np.mod(mid - start, 2 * np.pi) <= sweep           # counter-clockwise start -> end passes mid
    sweep = np.where(through, sweep, sweep - 2 * np.pi)
    radius = np.hypot(arc[:, 2] - c[:, 0], arc[:, 3] - c[:, 1])
    t = start[:, None] + sweep[:, None] * np.linspace(0, 1, ARC_POINTS)[None, :]
    xy = np.stack([c[:, 0:1] + radius[:, None] * np.cos(t), c[:, 1:2] + radius[:, None] * np.sin(t)], axis=2)
    return xy.reshape(len(arc), -1)


def overlay(p: Primitives, also: Primitives | None = None) -> dict:
    """The drawing read, to point at: its longest lines and its arcs (as points along them), rounded to 10 mm,
    each with the index of its layer in "layers". also: lines the reading left out (layers the user set to
    ignore), shown faded so that they can be pointed at and given a role again."""
    seg = p.seg if also is None or not len(also.seg) else np.vstack([p.seg.reshape(-1, 4), also.seg])
    seg_layer = list(p.seg_layer) + (list(also.seg_layer) if also is not None and len(also.seg) else [])
    layers = sorted({lay or "0" for lay in (*seg_layer, *p.arc_layer)})
    number = {name: k for k, name in enumerate(layers)}
    idx = _longest(seg, np.arange(len(seg)), OVERLAY_LINES) if len(seg) else np.zeros(0, dtype=int)
    seg_of = np.array([number[seg_layer[k] or "0"] for k in idx.tolist()], dtype=int).reshape(-1, 1)
    arcs = p.arc[:OVERLAY_LINES]
    arc_of = np.array([number[lay or "0"] for lay in p.arc_layer[:OVERLAY_LINES]], dtype=int).reshape(-1, 1)
    return {"layers": layers,
            "lines": np.hstack([np.round(seg[idx].reshape(-1, 4) / 10).astype(int) * 10, seg_of]).tolist(),
            "arcs": np.hstack([np.round(_arc_polylines(arcs) / 10).astype(int) * 10, arc_of]).tolist()}
