"""A layer's role from what it holds, as well as from its name: axis grids, wall pairs, text-only layers.

Run on the drawing in millimetres, after the name guesses (planner.importers.layers) and never over a role the
user set. Each change carries its reason (a text to render) for the import report:
- *axis or grid lines* (role ignore, never walls): a layer drawn in a centre or dash-dot linetype, or whose lines
  nearly all span at least half the drawing, run in at most two directions, and lie at least 1 m apart at
  spacings within a factor 3 of each other (a structural grid of bays);
- *walls*: a layer read as walls because no layer is named for walls gets the wall pairs it holds as its reason
  (two lines of 1.5 m or more, 50–500 mm apart, overlapping along at least half the shorter one; at least 20
  pairs, with at least half its long lines in a pair). An unnamed layer is not made walls by its pairs when
  other layers are named for walls: on the drawings tried, such layers held stairs, kitchen fittings or
  furniture outlines as often as walls, and one wrong wall layer cuts every room it crosses;
- *annotation* (role labels): an unnamed layer that holds texts and nothing else.
"""
from __future__ import annotations

import re
from collections import Counter

import numpy as np
import shapely

from planner.i18n import register, said
from planner.importers.extract import Primitives
from planner.importers.layers import UNKNOWN, WALLS_BY_DEFAULT

CENTRE_LINETYPES = re.compile(r"center|centre|dashdot|dash_dot|axis|achse|akse|acad_iso0[4-9]w|acad_iso1[0-4]w|"
                              r"phantom|divide", re.IGNORECASE)
SPANNING = 0.5              # an axis line is at least this share of the drawing's width long
AXIS_SHARE = 0.8            # ...and nearly all of a grid layer's lines are such lines
AXIS_MIN_LINES = 3
AXIS_MIN_BAY_MM = 1000.0    # grid lines lie at least this far apart
AXIS_BAY_RATIO = 3.0        # ...at spacings within this factor of each other
WALL_PAIR_LENGTH_MM = 1500.0
WALL_THICKNESS_MM = (50.0, 500.0)
WALL_MIN_PAIRS = 20
WALL_PAIRED_SHARE = 0.5     # ...with at least half its long lines in such pairs
PARALLEL_SIN = 0.02         # about 1°

register({
    "imp.layer.content_axis_linetype": {
        "en": "its lines are drawn in the centre-line linetype {linetype}: axis lines, no walls",
        "nb": "linjene er tegnet med senterlinjetypen {linetype}: akselinjer, ikke vegger"},
    "imp.layer.content_axis": {
        "en": "its {count} lines span the drawing in at most two directions at regular spacing: axis or grid lines, "
              "no walls",
        "nb": "de {count} linjene går over hele tegningen i høyst to retninger med jevn avstand: akse- eller "
              "rutenettlinjer, ikke vegger"},
    "imp.layer.content_walls": {
        "en": "it holds {pairs} long parallel pairs of lines at a wall's thickness ({thickness} mm): walls",
        "nb": "laget har {pairs} lange, parallelle linjepar med en veggs tykkelse ({thickness} mm): vegger"},
    "imp.layer.content_texts": {"en": "it holds {count} texts and nothing else: annotation",
                                "nb": "laget har {count} tekster og ingenting annet: merknader"},
})


def _by_layer(layers: list) -> dict[str, np.ndarray]:
    out: dict[str, list[int]] = {}
    for i, lay in enumerate(layers):
        out.setdefault(lay or "0", []).append(i)
    return {k: np.array(v, dtype=int) for k, v in out.items()}


def is_axis_grid(seg: np.ndarray, extent_mm: float) -> bool:
    """Do these segments (mm) form an axis grid: nearly all span half the drawing, in at most two directions,
    at least 1 m apart at spacings within a factor 3 of each other?"""
    if len(seg) < AXIS_MIN_LINES or extent_mm <= 0:
        return False
    d = seg[:, 2:] - seg[:, :2]
    length = np.hypot(d[:, 0], d[:, 1])
    long = length >= SPANNING * extent_mm
    if long.mean() < AXIS_SHARE or long.sum() < AXIS_MIN_LINES:
        return False
    seg, d, length = seg[long], d[long], length[long]
    angle = np.degrees(np.arctan2(d[:, 1], d[:, 0])) % 180
    directions = np.round(angle / 2) * 2 % 180          # 2° bins
    kinds, counts = np.unique(directions, return_counts=True)
    if len(kinds) > 2 and counts[np.argsort(counts)[:-2]].sum() > 0.1 * len(seg):
        return False
    for kind in kinds[counts >= 2]:
        rows = directions == kind
        u = d[rows][0] / length[rows][0]
        offsets = np.sort(np.unique(np.round(((seg[rows, :2] + seg[rows, 2:]) / 2) @ np.array([-u[1], u[0]]))))
        bays = np.diff(offsets)
        bays = bays[bays > 1.0]                            # the same axis drawn twice
        if len(bays) and (bays.min() < AXIS_MIN_BAY_MM or bays.max() > AXIS_BAY_RATIO * bays.min()):
            return False
    return True


def wall_pairs(seg: np.ndarray) -> tuple[int, float, float]:
    """(pairs, median thickness mm, share of the long lines in a pair) of long parallel lines at a wall's
    thickness, found through an STRtree."""
    d = seg[:, 2:] - seg[:, :2]
    length = np.hypot(d[:, 0], d[:, 1])
    keep = length >= WALL_PAIR_LENGTH_MM
    if keep.sum() < 2:
        return 0, 0.0, 0.0
    seg, d, length = seg[keep], d[keep], length[keep]
    u = d / length[:, None]
    lines = shapely.linestrings(seg.reshape(-1, 2, 2))
    i, j = shapely.STRtree(lines).query(lines, predicate="dwithin", distance=WALL_THICKNESS_MM[1])
    keep = i < j
    i, j = i[keep], j[keep]
    parallel = np.abs(u[i, 0] * u[j, 1] - u[i, 1] * u[j, 0]) <= PARALLEL_SIN
    i, j = i[parallel], j[parallel]
    normal = np.c_[-u[i, 1], u[i, 0]]
    gap = np.abs(np.einsum("ij,ij->i", seg[j, :2] - seg[i, :2], normal))
    ok = (gap >= WALL_THICKNESS_MM[0]) & (gap <= WALL_THICKNESS_MM[1])
    i, j, gap = i[ok], j[ok], gap[ok]
    # overlap along i's direction, as a share of the shorter line
    ta = np.einsum("ij,ij->i", seg[j, :2] - seg[i, :2], u[i])
    tb = np.einsum("ij,ij->i", seg[j, 2:] - seg[i, :2], u[i])
    overlap = np.minimum(length[i], np.maximum(ta, tb)) - np.maximum(0.0, np.minimum(ta, tb))
    ok = overlap >= 0.5 * np.minimum(length[i], length[j])
    paired = len(np.union1d(i[ok], j[ok]))
    return int(ok.sum()), float(np.median(gap[ok])) if ok.any() else 0.0, paired / len(seg)


def refine_roles(p: Primitives, roles: dict[str, str], why: dict[str, list], *, fixed: set[str],
                 linetypes: dict[str, str], extent_mm: float) -> tuple[dict[str, str], dict[str, list]]:
    """Roles (and why) corrected by what each layer holds; p in millimetres; layers in fixed (set by the user)
    are left alone."""
    roles, why = dict(roles), dict(why)
    segs = _by_layer(p.seg_layer)
    texts = Counter(lay or "0" for *_, lay in p.texts)
    others = {lay or "0" for lay in p.arc_layer} | {lay or "0" for _, lay in p.outlines} | \
             {r[1] or "0" for r in p.refs}
    for layer in sorted(set(roles)):
        if layer in fixed:
            continue
        role = roles[layer]
        seg = p.seg[segs[layer]] if layer in segs else np.zeros((0, 4))
        default_walls = role == "walls" and why[layer] == said(WALLS_BY_DEFAULT)
        if role in ("walls", UNKNOWN) and linetypes.get(layer) and \
                CENTRE_LINETYPES.search(linetypes[layer]) and len(seg):
            roles[layer] = "ignore"
            why[layer] = said("imp.layer.content_axis_linetype", linetype=repr(linetypes[layer]))
        elif role in ("walls", UNKNOWN) and is_axis_grid(seg, extent_mm):
            roles[layer] = "ignore"
            why[layer] = said("imp.layer.content_axis", count=len(seg))
        elif role == UNKNOWN or default_walls:
            if texts[layer] and not len(seg) and layer not in others:
                roles[layer] = "labels"
                why[layer] = said("imp.layer.content_texts", count=texts[layer])
            elif default_walls and len(seg) >= 2 * WALL_MIN_PAIRS:
                pairs, thickness, share = wall_pairs(seg)
                if pairs >= WALL_MIN_PAIRS and share >= WALL_PAIRED_SHARE:
                    roles[layer] = "walls"
                    why[layer] = said("imp.layer.content_walls", pairs=pairs, thickness=f"{thickness:.0f}")
    return roles, why
