"""What the readers of building models (RoomPlan scans, IFC) share: the rooms beside a door, the import report."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from shapely.geometry import LineString, Point, Polygon

from planner.geometry import RoomIndex, opening_sides
from planner.i18n import register, render, said
from planner.importers.report import item

DOOR_PROBES_MM = (250.0, 450.0, 700.0)   # how far from a door's middle, on each side, a room is looked for

register({
    "imp.model.issue.no_doors": {
        "en": "No doors were found in the file; door checks need them — add the doors by hand in the drawing tab.",
        "nb": "Filen har ingen dører; dørkontrollene trenger dem — legg dem inn for hånd under «Tegn en plan»."},
})


@dataclass(slots=True)
class ModelReport:
    """What a reader found, guessed, ignored and warns about, gathered while it reads (texts made by `said`)."""

    guesses: list = field(default_factory=list)      # report items (planner.importers.report.item)
    ignored: Counter = field(default_factory=Counter)  # text of what was not used -> count
    warnings: list = field(default_factory=list)     # texts
    issues: list = field(default_factory=list)       # texts

    def guess(self, what: list, why: list) -> None:
        self.guesses.append(item(what, why))

    def to_dict(self, *, name: str, file_format: str, found: dict, rooms_from: str, units: dict,
                regions: list | None = None, region: int | None = None, extra: dict | None = None) -> dict:
        """The report in the DXF report's shape (planner/importers/report.py: build_report), so that the import tab,
        the CLI and the plausibility doubts read every import alike; `format` says which reader made it."""
        counted = sorted(((_as_text(key), n) for key, n in self.ignored.items() if n), key=lambda kv: render(kv[0]))
        ignored = [item(said("imp.count", n=n, what=what), said("imp.dropped.why")) for what, n in counted]
        if not found.get("doors"):
            self.issues.append(said("imp.model.issue.no_doors"))
        return {
            "file": name, "format": file_format, "found": found, "rooms_from": rooms_from,
            "ignored": ignored, "guesses": list(self.guesses), "units": units,
            "layers": {}, "layer_reasons": {}, "layer_reasons_t": {},
            "regions": regions or [], "region": region,
            "warnings": [render(w) for w in self.warnings], "warnings_t": list(self.warnings),
            "issues_t": list(self.issues), **(extra or {}),
        }

    def ignore(self, what: list, n: int = 1) -> None:
        """Count something the reader saw and did not use; `what` is a text made by `said` (kept hashable)."""
        self.ignored[(what[0], tuple(sorted(what[1].items())))] += n


def _as_text(key: tuple) -> list:
    """A counted ignored item's text back from its hashable key (ModelReport.ignore)."""
    return [key[0], dict(key[1])]


def sides_of(opening: LineString, rooms: RoomIndex) -> tuple[tuple[str, ...], Point | None]:
    """The ids of the rooms on either side of a door's opening, nearest first, and — for a door with a room on one
    side only — the farthest probe point on its empty side (planner.geometry.opening_sides, probes at
    DOOR_PROBES_MM on each side). rooms: the plan's rooms, indexed once for all its doors."""
    (x1, y1), (x2, y2) = opening.coords[0], opening.coords[-1]
    [(beside, far)] = opening_sides(np.array([x1, y1, x2, y2]), np.array([(x1 + x2) / 2, (y1 + y2) / 2]),
                                    rooms, DOOR_PROBES_MM)
    return tuple(rooms.rooms[k].id for k in beside), None if far is None else Point(far)


def reading_order(xy) -> list[int]:
    """Positions into xy (rows x y [mm]) in reading order, by y then x rounded to 100 mm so that tiny shifts keep
    the order (and the ids); ties keep their order."""
    return sorted(range(len(xy)), key=lambda k: (round(xy[k][1] / 100), round(xy[k][0] / 100)))


def ordered(items, point_of):
    """Items in the reading order of a representative point of each (found once per item: it may cost a search
    of the shape)."""
    items = list(items)
    points = [point_of(item) for item in items]
    return [items[k] for k in reading_order([(p.x, p.y) for p in points])]


def rectangle(cx: float, cy: float, ux: float, uy: float, width_mm: float, depth_mm: float) -> Polygon:
    """A width × depth rectangle centred on (cx, cy) whose width runs along the unit vector (ux, uy)."""
    vx, vy = -uy, ux
    hw, hd = width_mm / 2, depth_mm / 2
    return Polygon([(cx - ux * hw - vx * hd, cy - uy * hw - vy * hd), (cx + ux * hw - vx * hd, cy + uy * hw - vy * hd),
                    (cx + ux * hw + vx * hd, cy + uy * hw + vy * hd), (cx - ux * hw + vx * hd, cy - uy * hw + vy * hd)])
