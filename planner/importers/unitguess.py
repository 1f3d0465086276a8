"""Infer a drawing's unit from what homes are made of: door leaves of 0.6–1.2 m, rooms of 1–30 m across."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planner.units import MM_PER_UNIT, UNIT_NAMES

DOOR_RANGE_MM = (550.0, 1300.0)
ROOM_SIDE_RANGE_MM = (900.0, 30_000.0)
SITE_RANGE_MM = (3_000.0, 500_000.0)


@dataclass(frozen=True, slots=True)
class UnitGuess:
    unit: str | None          # None when nothing in the drawing points to a unit
    why: str
    scores: dict[str, float]

    def plausible(self, unit: str) -> bool:
        """True when unit fits the geometry about as well as the best guess."""
        return bool(self.scores) and self.scores.get(unit, 0.0) >= max(self.scores.values()) - 0.05


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
        if len(door_radii):
            score += 2 * _share_in(door_radii * f, *DOOR_RANGE_MM)
        if len(room_areas):
            score += _share_in(np.sqrt(room_areas) * f, *ROOM_SIDE_RANGE_MM)
        if extent > 0:
            score += 0.5 * float(SITE_RANGE_MM[0] <= extent * f <= SITE_RANGE_MM[1])
        scores[unit] = score
    best = max(scores.values())
    if best <= 0.5 and not len(door_radii) and not len(room_areas):
        # only the extent spoke: that cannot tell millimetres from centimetres
        fits = [u for u, s in scores.items() if s == best and best > 0]
        return UnitGuess(None, f"the drawing is {extent:.4g} units across, which fits "
                         f"{' or '.join(UNIT_NAMES[u] for u in fits) or 'no unit'}; no doors or rooms to tell", scores)
    ranked = sorted(scores, key=lambda u: (-scores[u], list(MM_PER_UNIT).index(u)))
    unit = ranked[0]
    if len(door_radii):
        why = (f"door swings of median radius {np.median(door_radii):.4g} units are "
               f"{np.median(door_radii) * MM_PER_UNIT[unit]:.0f} mm in {UNIT_NAMES[unit]}")
    else:
        why = (f"room outlines of median side {np.median(np.sqrt(room_areas)):.4g} units are "
               f"{np.median(np.sqrt(room_areas)) * MM_PER_UNIT[unit] / 1000:.1f} m in {UNIT_NAMES[unit]}")
    return UnitGuess(unit, why, scores)
