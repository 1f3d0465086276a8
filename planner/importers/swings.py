"""Which arcs are door swings, judged by their geometry before the unit is known.

A door swing as architects draw it (Neufert, *Architects' Data*; the BS 1192/ISO 128 door symbol; every CAD
door library) is an arc from the closed to the open leaf, usually 90° (some offices draw the leaf 30–45° open),
with the leaf itself drawn as a line or a thin rectangle from the arc's centre (the hinge), as long as the
radius. Hinge, frame and architrave details are arcs of a few centimetres; door knobs are small circles;
curved desks and worktops are arcs without a line from their centre. None of these has a drawn leaf, or they are
a small fraction of the drawing's width where a door is about 1/10–1/100 of a home's.

So, without knowing the unit:
- a *true swing* is an arc of 15–135° with a leaf line from its centre as long as its radius (0.75–1.2 r), or an
  arc of a door block;
- true swings are grouped into families of like radius (consecutive radii within a factor 1.5); the family of
  door swings is the one with most members among those whose radius is 1/2–1/300 of the drawing's extent (a 9 m
  flat has doors of 1/10 of it; a 250 m campus of 1/300), ties to the larger radius. A drawing of many doors may
  be wider: the width a family may span grows with the square root of its number of members beyond 30 (plans
  laid side by side or in a grid, √n of them across), so a sheet of 200 flats 400 m wide still has doors, while a
  few hinge details in a flat's drawing are still too small for it;
- everything else is rejected, with the reason counted for the import report.

Only the door family's radii tell the unit (planner.importers.unitguess); the door finder keeps an arc that is a
true swing of door size in millimetres, or one without a leaf on a door layer.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import shapely

from planner.i18n import register
from planner.importers.extract import Primitives
from planner.importers.unitguess import DOOR_RANGE_MM, SITE_RANGE_MM
from planner.model.units import MM_PER_UNIT

LEAF_LENGTH = (0.75, 1.2)       # a leaf line's length relative to the swing radius
LEAF_REACH = 0.1                # how near the arc's centre the leaf line starts, relative to the radius
FAMILY_STEP = 1.5               # consecutive radii within this factor are one family
MIN_FAMILY = 2                  # a larger family wins over a more numerous one from this many members
EXTENT_PER_RADIUS = (2.0, 300.0)   # a door's radius is 1/2 to 1/300 of the drawing's width...
DOORS_PER_HOME = 30                # ...for up to this many doors; beyond, the width grows with √(doors / this)
ARC_ROLES = {"doors", "walls", "unknown"}
MIN_SWEEP_DEG, MAX_SWEEP_DEG = 15.0, 135.0

REJ_SWEEP, REJ_LAYER, REJ_NO_LEAF = "imp.swing.sweep", "imp.swing.layer", "imp.swing.no_leaf"
REJ_SCALE, REJ_FAMILY = "imp.swing.scale", "imp.swing.family"
register({
    REJ_SWEEP: {"en": "arcs sweeping less than 15° or more than 135° (not a door's swing)",
                "nb": "buer på under 15° eller over 135° (ikke slagbuen til en dør)"},
    REJ_LAYER: {"en": "arcs on layers that hold no walls or doors (furniture, fixtures, annotation)",
                "nb": "buer på lag uten vegger eller dører (møbler, innredning, merknader)"},
    REJ_NO_LEAF: {"en": "arcs without a door leaf drawn from their centre (desk curves, hinge or frame details)",
                  "nb": "buer uten dørblad tegnet fra sentrum (buede bord, hengsler eller karmdetaljer)"},
    REJ_SCALE: {"en": "swings far too small or too large for the drawing (hinges and knobs, or arcs of a site plan)",
                "nb": "slagbuer som er altfor små eller store for tegningen (hengsler og dørvridere, eller buer i "
                      "en situasjonsplan)"},
    REJ_FAMILY: {"en": "swings of a second family of radii, unlike the door swings",
                 "nb": "slagbuer i en annen gruppe radier, ulik dørslagene"},
})


@dataclass(frozen=True, slots=True)
class Swings:
    """The arcs of a drawing sorted out (indices into Primitives.arc; lengths in drawing units)."""

    doors: np.ndarray                 # the door family: true swings whose radius fits the drawing
    leafless: np.ndarray              # arcs of door-swing sweep without a leaf, on door layers
    families: list = field(default_factory=list)   # [(median radius, members, fits the drawing)] of true swings
    rejected: Counter = field(default_factory=Counter)  # reason text key -> arcs
    all_radii: np.ndarray = field(default_factory=lambda: np.zeros(0))

    @property
    def radii(self) -> np.ndarray:
        """The door family's radii [drawing units]: what tells the unit."""
        return self.all_radii[self.doors] if len(self.doors) else np.zeros(0)

    def to_dict(self) -> dict:
        """For the import report: how many arcs are swings, the families and what was rejected why."""
        return {"door_swings": int(len(self.doors)), "leafless": int(len(self.leafless)),
                "families": [{"radius": round(float(r), 4), "count": n, "fits_drawing": ok}
                             for r, n, ok in self.families],
                "rejected": dict(sorted(self.rejected.items()))}


def arc_sweeps_deg(arc: np.ndarray) -> np.ndarray:
    """Sweep angle [degrees] of each arc row (centre, start, middle, end)."""
    v1, vm = arc[:, 2:4] - arc[:, :2], arc[:, 4:6] - arc[:, :2]
    a1 = np.arctan2(v1[:, 1], v1[:, 0])
    am = np.arctan2(vm[:, 1], vm[:, 0])
    half = np.abs((am - a1 + np.pi) % (2 * np.pi) - np.pi)
    return np.degrees(2 * half)


def arc_radii(arc: np.ndarray) -> np.ndarray:
    return np.hypot(arc[:, 2] - arc[:, 0], arc[:, 3] - arc[:, 1])


def drawing_extent(p: Primitives) -> float:
    """The drawing's width [drawing units]: the larger side of the box holding 96 % of the line ends."""
    if not len(p.seg):
        return 0.0
    pts = p.seg.reshape(-1, 2)
    lo, hi = np.percentile(pts, 2, axis=0), np.percentile(pts, 98, axis=0)
    return float(max(hi - lo))


def _has_leaf(p: Primitives, idx: np.ndarray, radii: np.ndarray) -> np.ndarray:
    """For each arc in idx: is a segment drawn from its centre, as long as its radius? (one STRtree query)"""
    if not len(idx) or not len(p.seg):
        return np.zeros(len(idx), dtype=bool)
    seg = p.seg
    length = np.hypot(seg[:, 2] - seg[:, 0], seg[:, 3] - seg[:, 1])
    ends = shapely.points(np.vstack([seg[:, :2], seg[:, 2:]]))
    tree = shapely.STRtree(ends)
    centres = shapely.points(p.arc[idx, :2])
    q, e = tree.query(centres, predicate="dwithin", distance=LEAF_REACH * radii)
    rel = length[e % len(seg)] / radii[q]
    ok = (rel >= LEAF_LENGTH[0]) & (rel <= LEAF_LENGTH[1])
    out = np.zeros(len(idx), dtype=bool)
    out[q[ok]] = True
    return out


def _fits(radius: float, extent: float, count: int = 1) -> bool:
    """Could `count` arcs of this radius be doors of this drawing: a fitting fraction of its width (a wider one the
    more of them there are), and a unit in which they are door-sized while the drawing is the size of a building?"""
    if extent <= 0:
        return True
    lo, hi = EXTENT_PER_RADIUS
    hi *= max(1.0, (count / DOORS_PER_HOME) ** 0.5)
    return bool(lo <= extent / radius <= hi) and any(
        DOOR_RANGE_MM[0] <= radius * f <= DOOR_RANGE_MM[1] and SITE_RANGE_MM[0] <= extent * f <= SITE_RANGE_MM[1]
        for f in MM_PER_UNIT.values())


def families(radii: np.ndarray) -> list[np.ndarray]:
    """Positions into radii grouped by like size: sorted radii split where one is FAMILY_STEP times the last."""
    if not len(radii):
        return []
    order = np.argsort(radii)
    cuts = np.nonzero(radii[order][1:] > FAMILY_STEP * np.maximum(radii[order][:-1], 1e-12))[0] + 1
    return np.split(order, cuts)


def sort_swings(p: Primitives, roles: dict[str, str], extent: float) -> Swings:
    """Door swings, leafless door-like arcs and rejected arcs of a drawing in drawing units; extent is the
    drawing's width in the same units (0 when unknown: then no family is judged by scale)."""
    rejected: Counter = Counter()
    if not len(p.arc):
        return Swings(np.zeros(0, dtype=int), np.zeros(0, dtype=int))
    sweep = arc_sweeps_deg(p.arc)
    radii = arc_radii(p.arc)
    in_block = np.array([g >= 0 for g in p.arc_group], dtype=bool)
    role_ok = np.array([roles.get(lay or "0", "unknown") in ARC_ROLES for lay in p.arc_layer], dtype=bool)
    sweep_ok = (sweep >= MIN_SWEEP_DEG - 1e-6) & (sweep <= MAX_SWEEP_DEG + 1e-6) & (radii > 0)
    rejected[REJ_SWEEP] = int((~sweep_ok).sum())
    rejected[REJ_LAYER] = int((sweep_ok & ~role_ok & ~in_block).sum())
    idx = np.nonzero(sweep_ok & (role_ok | in_block))[0]
    leaf = _has_leaf(p, idx, radii[idx]) | in_block[idx]
    true = idx[leaf]
    on_door_layer = np.array([roles.get(p.arc_layer[i] or "0") == "doors" for i in idx[~leaf]], dtype=bool)
    leafless = idx[~leaf][on_door_layer] if len(on_door_layer) else np.zeros(0, dtype=int)
    rejected[REJ_NO_LEAF] = int((~on_door_layer).sum())
    fams = families(radii[true])
    summary, fitting = [], []
    for members in fams:
        r = float(np.median(radii[true[members]]))
        fits = _fits(r, extent, len(members))
        summary.append((r, int(len(members)), fits))
        if fits:
            fitting.append((r, members))
    # hinge, frame and knob details are smaller than doors, never larger: of the families that fit, the one of the
    # largest radius with at least two members (or the only one), with the families that are door-sized in the
    # same unit (narrow and wide doors whose radii happen to jump)
    most = max((len(m) for _, m in fitting), default=0)
    chosen = max((rm for rm in fitting if len(rm[1]) >= min(MIN_FAMILY, most)), key=lambda rm: rm[0], default=None)
    kept: list[np.ndarray] = []
    if chosen is not None:
        kept = [m for r, m in fitting if chosen[0] / r <= DOOR_RANGE_MM[1] / DOOR_RANGE_MM[0]]
    doors = np.concatenate([true[m] for m in kept]) if kept else np.zeros(0, dtype=int)
    for (r, n, fits), members in zip(summary, fams):
        if not any(members is m for m in kept):
            rejected[REJ_FAMILY if fits else REJ_SCALE] += n
    return Swings(np.sort(doors), leafless, summary, +rejected, radii)
