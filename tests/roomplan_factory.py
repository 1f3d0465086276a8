"""RoomPlan scans built in memory, in plan metres (x right, y up as seen from above), as RoomPlan writes them."""
from __future__ import annotations

import json
import math


def transform(x_m: float, y_m: float, angle_rad: float, height_m: float = 0.0) -> list[float]:
    """A RoomPlan transform (column-major 4 × 4, y up) standing at plan point (x, y), its width along angle_rad."""
    c, s = math.cos(angle_rad), math.sin(angle_rad)
    return [c, 0, -s, 0, 0, 1, 0, 0, s, 0, c, 0, x_m, height_m, -y_m, 1]


def surface(kind: str, a: tuple[float, float], b: tuple[float, float], *, height_m: float = 2.4,
            parent: str | None = None, ident: str = "", story: int = 0, **category) -> dict:
    """A wall, door, window or opening from plan point a to plan point b (metres)."""
    (x1, y1), (x2, y2) = a, b
    return {"category": {kind: category}, "completedEdges": [], "confidence": {"high": {}}, "curve": None,
            "dimensions": [math.hypot(x2 - x1, y2 - y1), height_m, 0], "identifier": ident or f"{kind}-{a}-{b}",
            "parentIdentifier": parent, "polygonCorners": [], "story": story,
            "transform": transform((x1 + x2) / 2, (y1 + y2) / 2, math.atan2(y2 - y1, x2 - x1))}


def thing(category: str, x_m: float, y_m: float, width_m: float, depth_m: float, angle_rad: float = 0.0,
          story: int = 0) -> dict:
    """An object (toilet, bathtub, sink, bed, table, …) centred at plan point (x, y)."""
    return {"attributes": {}, "category": {category: {}}, "confidence": {"high": {}},
            "dimensions": [width_m, 0.8, depth_m], "identifier": f"{category}-{x_m}-{y_m}", "parentIdentifier": None,
            "story": story, "transform": transform(x_m, y_m, angle_rad)}


def floor(corners: list[tuple[float, float]], story: int = 0) -> dict:
    """A floor whose outline is the plan corners (its transform lays its local x-y plane flat, as RoomPlan does)."""
    return {"category": {"floor": {}}, "completedEdges": [], "confidence": {"high": {}}, "curve": None,
            "dimensions": [0, 0, 0], "identifier": "floor", "parentIdentifier": None,
            "polygonCorners": [[x, y, 0] for x, y in corners], "story": story,
            "transform": [1, 0, 0, 0, 0, 0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 1]}


def box(x0: float, y0: float, x1: float, y1: float, story: int = 0) -> list[dict]:
    """Four walls around a rectangle (plan metres)."""
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    return [surface("wall", corners[k], corners[(k + 1) % 4], story=story) for k in range(4)]


def section(label: str, x_m: float, y_m: float, story: int = 0) -> dict:
    return {"center": [x_m, 0, -y_m], "label": label, "story": story}


def scan(walls=(), doors=(), objects=(), sections=(), floors=(), windows=(), openings=()) -> dict:
    return {"coreModel": "", "doors": list(doors), "floors": list(floors), "objects": list(objects),
            "openings": list(openings), "referenceOriginTransform": [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
            "sections": list(sections), "story": 0, "version": 2, "walls": list(walls), "windows": list(windows)}


def two_rooms(door_width_m: float = 0.9) -> dict:
    """A 3 × 2.5 m bathroom (x 0–3) beside a 4 × 2.5 m bedroom (x 3–7), a door in the wall between them, a toilet,
    a sink and a bathtub in the bathroom and a bed in the bedroom."""
    walls = [*box(0, 0, 7, 2.5)[:1], surface("wall", (7, 0), (7, 2.5)), surface("wall", (7, 2.5), (0, 2.5)),
             surface("wall", (0, 2.5), (0, 0)), surface("wall", (3, 0), (3, 2.5))]
    half = door_width_m / 2
    door = surface("door", (3, 1.25 - half), (3, 1.25 + half), height_m=2.0, isOpen=False)
    return scan(walls=walls, doors=[door],
                objects=[thing("toilet", 0.4, 2.1, 0.4, 0.6), thing("sink", 1.2, 2.25, 0.6, 0.45),
                         thing("bathtub", 2.2, 0.4, 1.6, 0.7), thing("bed", 5.5, 1.25, 1.6, 2.0),
                         thing("table", 4.0, 2.0, 0.6, 0.6)],
                sections=[section("bathroom", 1.5, 1.25), section("bedroom", 5.0, 1.25)],
                floors=[floor([(0, 0), (7, 0), (7, 2.5), (0, 2.5)])])


def as_bytes(doc: dict) -> bytes:
    return json.dumps(doc).encode("utf-8")
