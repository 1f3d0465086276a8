"""Infer a drawing's unit from what homes are made of: door leaves of 0.6–1.2 m, rooms of 1–30 m across."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planner.i18n import fmt_mm, register, render, said
from planner.model.units import MM_PER_UNIT, unit_name

DOOR_RANGE_MM = (550.0, 1300.0)
ROOM_SIDE_RANGE_MM = (900.0, 30_000.0)
SITE_RANGE_MM = (3_000.0, 500_000.0)

register({
    "imp.unit.extent_only": {
        "en": "the drawing is {extent} units across, which fits {fits}; no doors or rooms to tell",
        "nb": "tegningen er {extent} enheter bred, noe som passer med {fits}; ingen dører eller rom å gå etter"},
    "imp.unit.door_swings": {"en": "door swings of median radius {radius} units are {mm} mm in {unit}",
                             "nb": "dørslag med median radius {radius} enheter blir {mm} mm i {unit}"},
    "imp.unit.room_sides": {"en": "room outlines of median side {side} units are {m} m in {unit}",
                            "nb": "romomriss med median sidelengde {side} enheter blir {m} m i {unit}"},
    "imp.unit.fits0": {"en": "no unit", "nb": "ingen enhet"},
    # "a or b or c": one text per number of units, each unit a nested name (fit1 … fit5)
    **{f"imp.unit.fits{n}": {"en": " or ".join(f"{{fit{k}}}" for k in range(1, n + 1)),
                             "nb": ", ".join(f"{{fit{k}}}" for k in range(1, n)) + (" eller " if n > 1 else "")
                             + f"{{fit{n}}}"} for n in range(1, len(MM_PER_UNIT) + 1)},
})


@dataclass(frozen=True, slots=True)
class UnitGuess:
    unit: str | None          # None when nothing in the drawing points to a unit
    why_t: list               # the reason, a text to render (planner.i18n.said)
    scores: dict[str, float]

    @property
    def why(self) -> str:
        return render(self.why_t)


def _share_in(values: np.ndarray, lo: float, hi: float) -> float:
    return float(np.mean((values >= lo) & (values <= hi))) if len(values) else 0.0


def infer_unit(door_radii: np.ndarray, room_areas: np.ndarray, extent: float) -> UnitGuess:
    """The unit under which door radii, room outline areas and the drawing's extent (all in drawing units)
    look most like a home. Doors weigh most: they come in a narrow range of sizes."""
    scores: dict[str, float] = {}
    evidence = []
    if len(door_radii) >= 1:
        evidence.append(f"{len(door_radii)} door swings with median radius {np.median(door_radii):.4g} units")
    if len(room_areas):
        evidence.append(f"{len(room_areas)} room outlines")
    for unit, f in MM_PER_UNIT.items():
        score = 0.0
        if extent > 0 and not SITE_RANGE_MM[0] <= extent * f <= SITE_RANGE_MM[1]:
            scores[unit] = 0.0          # a unit that makes the drawing smaller than a room or larger than a town
            continue
        if len(door_radii):
            score += 2 * _share_in(door_radii * f, *DOOR_RANGE_MM)
        if len(room_areas):
            score += _share_in(np.sqrt(room_areas) * f, *ROOM_SIDE_RANGE_MM)
        if extent > 0:
            score += 0.5 * float(SITE_RANGE_MM[0] <= extent * f <= SITE_RANGE_MM[1])
        scores[unit] = score
    best = max(scores.values())
    if best <= 0.5 and not len(door_radii) and not len(room_areas):
        # only the extent spoke: that cannot tell millimetres from centimetres, but where one unit alone gives the
        # drawing a building's size (nine units across: metres), it is that one
        fitting = [u for u, s in scores.items() if s == best and best > 0]
        fits = said(f"imp.unit.fits{len(fitting)}", **{f"fit{k}": unit_name(u) for k, u in enumerate(fitting, start=1)})
        return UnitGuess(fitting[0] if len(fitting) == 1 else None,
                         said("imp.unit.extent_only", extent=float(f"{extent:.4g}"), fits=fits), scores)
    ranked = sorted(scores, key=lambda u: (-scores[u], list(MM_PER_UNIT).index(u)))
    unit = ranked[0]
    if len(door_radii):
        radius = float(np.median(door_radii))
        why = said("imp.unit.door_swings", radius=float(f"{radius:.4g}"), mm=fmt_mm(radius * MM_PER_UNIT[unit]),
                   unit=unit_name(unit))
    else:
        side = float(np.median(np.sqrt(room_areas)))
        why = said("imp.unit.room_sides", side=float(f"{side:.4g}"), m=round(side * MM_PER_UNIT[unit] / 1000, 1),
                   unit=unit_name(unit))
    return UnitGuess(unit, why, scores)


STRONG_SWINGS = 3        # door swings it takes to overrule a header under which the drawing has a building's size
STRONG_ROOMS = 3         # room outlines, likewise
FITS_NONE, FITS_MOST = 0.2, 0.6


def header_contradicted(header: str, door_radii: np.ndarray, room_areas: np.ndarray, extent: float) -> bool:
    """Does the geometry overrule the header's unit? Only on strong evidence: under the header the drawing is
    smaller than a room or larger than a town, or at least three door swings (three room outlines) of which almost
    none is door-sized (room-sized) under the header, while most are under another unit that gives a building."""
    f = MM_PER_UNIT[header]
    if extent > 0 and not SITE_RANGE_MM[0] <= extent * f <= SITE_RANGE_MM[1]:
        return True
    others = [g for u, g in MM_PER_UNIT.items()
              if u != header and (extent <= 0 or SITE_RANGE_MM[0] <= extent * g <= SITE_RANGE_MM[1])]
    evidence = ((door_radii, STRONG_SWINGS, DOOR_RANGE_MM), (np.sqrt(room_areas), STRONG_ROOMS, ROOM_SIDE_RANGE_MM))
    for values, enough, (lo, hi) in evidence:
        if len(values) >= enough and _share_in(values * f, lo, hi) < FITS_NONE and \
                any(_share_in(values * g, lo, hi) >= FITS_MOST for g in others):
            return True
    return False
