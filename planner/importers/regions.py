"""Separate plans in one file: clusters of geometry with empty space between them (floors, sheets)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from planner.importers.extract import Primitives

MIN_REGION_SHARE = 0.05


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
    # grow each box by half the gap and snap it outwards to a grid of that size: far fewer distinct boxes
    half = gap_mm / 2
    grid = np.c_[np.floor(core[:, :2] / half) - 1, np.ceil(core[:, 2:] / half) + 1]
    grid = np.unique(grid, axis=0) * half
    blobs = shapely.get_parts(shapely.union_all(shapely.box(grid[:, 0], grid[:, 1], grid[:, 2], grid[:, 3])))
    tree = shapely.STRtree(blobs)

    def assign(points: np.ndarray) -> np.ndarray:
        """The blob each point lies in (-1 for none). Blob edges lie on the grid, so every point in a grid cell
        shares the cell centre's blob: one shapely query per occupied cell instead of one per element."""
        out = np.full(len(points), -1)
        if len(points):
            cells, inverse = np.unique(np.floor(points / half), axis=0, return_inverse=True)
            pi, bi = tree.query(shapely.points((cells + 0.5) * half), predicate="intersects")
            cell_blob = np.full(len(cells), -1)
            cell_blob[pi] = bi
            out = cell_blob[inverse.reshape(-1)]
        return out

    centres = np.c_[(boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2]
    blob_of = assign(centres)
    counts = np.bincount(blob_of[blob_of >= 0], weights=weight[blob_of >= 0], minlength=len(blobs)).astype(int)
    big = [b for b in range(len(blobs)) if counts[b] >= max(20, MIN_REGION_SHARE * counts.max())]
    if not big:
        big = [int(counts.argmax())]
    order = sorted(big, key=lambda b: (round(blobs[b].bounds[0], -3), blobs[b].bounds[1]))
    number = {b: k + 1 for k, b in enumerate(order)}
    regions = []
    for b in order:
        members = blob_of == b
        x0, y0 = boxes[members, :2].min(axis=0)
        x1, y1 = boxes[members, 2:].max(axis=0)
        regions.append(Region(number[b], (x0 + 0, y0 + 0, x1 + 0, y1 + 0), int(counts[b])))

    lookup = np.zeros(len(blobs) + 1, dtype=int)   # blob id -> region number; the last entry is for -1
    for b, k in number.items():
        lookup[b] = k

    def index(blob_ids: np.ndarray) -> np.ndarray:
        return lookup[np.asarray(blob_ids, dtype=int)]

    n_seg = len(p.seg)
    result = {"seg": index(blob_of[:n_seg]), "arc": index(blob_of[n_seg:])}
    result["outline"] = index(assign(np.array([c.mean(axis=0) for c, _ in p.outlines]).reshape(-1, 2)))
    result["text"] = index(assign(np.array([(x, y) for x, y, _, _ in p.texts]).reshape(-1, 2)))
    result["ref"] = index(assign(np.array([c.mean(axis=0) for _, _, c, _ in p.refs]).reshape(-1, 2)))
    return regions, result


def subset(p: Primitives, member: dict[str, np.ndarray], index: int) -> Primitives:
    """The primitives of one region."""
    s, a = member["seg"] == index, member["arc"] == index
    pick = lambda items, key: [it for it, m in zip(items, member[key]) if m == index]  # noqa: E731
    return Primitives(p.seg[s], [x for x, m in zip(p.seg_layer, s) if m], [x for x, m in zip(p.seg_group, s) if m],
                      p.arc[a], [x for x, m in zip(p.arc_layer, a) if m], [x for x, m in zip(p.arc_group, a) if m],
                      pick(p.outlines, "outline"), pick(p.texts, "text"), pick(p.refs, "ref"), p.ignored,
                      p.ignored_geom, p.groups)
