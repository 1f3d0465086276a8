"""The plan model: rooms, doors, fixtures and the entrance, in millimetres in the drawing's own frame.

Every length is millimetres (`*_mm`), every area square metres (`*_m2`). Geometry is held as shapely
objects in fields, never subclassed. Ids are deterministic: the same drawing gives the same ids, so saved
measurements re-attach to the same elements.
"""
from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field, fields, replace
from typing import Any, Iterable

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon, mapping, shape
from shapely.geometry.base import BaseGeometry

from planner.i18n import TextError

# Where a value came from. A measured value always wins over a drawn or estimated one.
SOURCE_DRAWN = "drawn"
SOURCE_MEASURED = "measured"
SOURCE_ESTIMATED = "estimated"
SOURCE_SCANNED = "scanned"     # read from a phone scan (Apple RoomPlan): a few centimetres either way
VALUE_SOURCES = (SOURCE_DRAWN, SOURCE_MEASURED, SOURCE_ESTIMATED, SOURCE_SCANNED)

ROOM_TYPES = (
    "bathroom", "wc", "bedroom", "living", "kitchen", "hall", "storage", "common", "other",
)
FIXTURE_TYPES = ("wc", "shower", "bath", "sink", "bed", "kitchen")
DOOR_KINDS = ("hinged", "double", "sliding", "opening")
FAR_SIDES = ("dwelling", "outside")   # what lies behind a door whose far side is no room of the plan, as seen on site


MAX_COORD_MM = 1e12  # a coordinate beyond 10^12 mm is damage (UTM coordinates in mm stay well below it)
COORD_LIMIT = f"10^{round(math.log10(MAX_COORD_MM))}"   # MAX_COORD_MM as a sentence writes it


class PlanError(TextError, ValueError):
    """Input that cannot become a plan. The message is one sentence a user understands.

    Raised with `PlanError.text(key, **params)`, the sentence is a registered text (planner/model/errors.py) and
    `message(lang)` gives it in the user's language; str() is always the English sentence.
    """

    TEXTS = "planner.model.errors"


def _coords(geom: BaseGeometry | None) -> Any:
    return None if geom is None else mapping(geom)


def _geom(data: Any, kind: type | None = None, wrong_kind: str = "") -> Any:
    """Geometry read from a file (GeoJSON-like); every coordinate must be a finite number, and with kind the
    geometry must be one (a door's opening a line: a damaged file's polygon there would break every check), else
    PlanError with the text wrong_kind."""
    if data is None:
        return None
    _check_numbers(data.get("coordinates") if isinstance(data, dict) else None)
    geom = shape(data)
    coords = shapely.get_coordinates(geom)
    if not np.isfinite(coords).all() or (np.abs(coords) > MAX_COORD_MM).any():
        raise PlanError.text("err.file.coordinates", limit=COORD_LIMIT)
    if kind is not None and not isinstance(geom, kind):
        raise PlanError.text(wrong_kind)
    return geom


def _check_numbers(nested: Any) -> None:
    """Every number in nested coordinate lists is finite and within 10^12 mm (checked before shapely sees them)."""
    if isinstance(nested, (list, tuple)):
        for item in nested:
            _check_numbers(item)
    elif nested is not None:
        _num(nested)


def _text(value: Any) -> str:
    """A string field read from a file: numbers become text, anything else is damage."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise PlanError.text("err.file.text", kind=type(value).__name__)
    return str(value)


def _opt_text(value: Any) -> str | None:
    return None if value is None else _text(value)


def _num(value: Any) -> float:
    """A finite number read from a file, within the size of anything on a plan."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
            or abs(value) > MAX_COORD_MM:
        raise PlanError.text("err.file.number", limit=COORD_LIMIT, value=repr(value)[:40])
    return float(value)


def _opt_num(value: Any) -> float | None:
    return None if value is None else _num(value)


def _one_of(value: Any, allowed: tuple[str, ...], fallback: str) -> str:
    text = _text(value) if value is not None else fallback
    return text if text in allowed else fallback


def _area(data: Any) -> Polygon:
    """An outline read from a file: at least three finite points; a self-touching one is repaired."""
    points = [(_num(x), _num(y)) for x, y in data]
    if len(points) < 3:
        raise PlanError.text("err.file.outline")
    poly = Polygon(points)
    return poly if poly.is_valid else poly.buffer(0)


def _round(value: float | None, ndigits: int = 1) -> float | None:
    return None if value is None else round(float(value), ndigits)


@dataclass(frozen=True, slots=True)
class Room:
    """A room: its outline in millimetres, a name from the drawing and a type from that name."""

    id: str
    name: str
    type: str
    polygon: Polygon

    @classmethod
    def from_rectangle(cls, id: str, name: str, type: str, x_mm: float, y_mm: float,
                       width_mm: float, depth_mm: float) -> "Room":
        """A rectangular room with its lower-left corner at (x_mm, y_mm)."""
        if width_mm <= 0 or depth_mm <= 0:
            raise PlanError.text("err.room_size", name=repr(name))
        poly = Polygon([(x_mm, y_mm), (x_mm + width_mm, y_mm), (x_mm + width_mm, y_mm + depth_mm),
                        (x_mm, y_mm + depth_mm)])
        return cls(id=id, name=name, type=type, polygon=poly)

    @property
    def area_m2(self) -> float:
        return self.polygon.area / 1e6

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "type": self.type,
                "polygon": [[round(x, 1), round(y, 1)] for x, y in self.polygon.exterior.coords[:-1]]}

    @classmethod
    def from_dict(cls, data: dict) -> "Room":
        return cls(id=_text(data["id"]), name=_text(data.get("name") or ""),
                   type=_one_of(data.get("type"), ROOM_TYPES, "other"), polygon=_area(data["polygon"]))


@dataclass(frozen=True, slots=True)
class Door:
    """A door in a wall.

    position: the middle of the opening. leaf_width_mm: the width of the door leaf (the swing radius in a
    drawing). clear_width_mm: the free passage with the door open, with where that number came from.
    threshold_mm: the height of the threshold, None until measured. swing: the floor the leaf sweeps.
    rooms: the ids of the rooms on each side; an exterior door has one.
    """

    id: str
    position: Point
    leaf_width_mm: float
    clear_width_mm: float
    clear_width_source: str = SOURCE_ESTIMATED
    threshold_mm: float | None = None
    swing: Polygon | None = None
    rooms: tuple[str, ...] = ()
    exterior: bool = False
    kind: str = "hinged"
    opening: LineString | None = None
    threshold_source: str | None = None
    far_side: str | None = None   # "dwelling" or "outside" (or a shared corridor), when someone has looked

    @property
    def xy(self) -> tuple[float, float]:
        return (self.position.x, self.position.y)

    def to_dict(self) -> dict:
        return {
            "id": self.id, "position": [round(self.position.x, 1), round(self.position.y, 1)],
            "leaf_width_mm": _round(self.leaf_width_mm), "clear_width_mm": _round(self.clear_width_mm),
            "clear_width_source": self.clear_width_source, "threshold_mm": _round(self.threshold_mm),
            "threshold_source": self.threshold_source,
            "rooms": list(self.rooms), "exterior": self.exterior, "kind": self.kind,
            "swing": _coords(self.swing), "opening": _coords(self.opening), "far_side": self.far_side,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Door":
        x, y = data["position"]
        return cls(
            id=_text(data["id"]), position=Point(_num(x), _num(y)),
            leaf_width_mm=_num(data["leaf_width_mm"]), clear_width_mm=_num(data["clear_width_mm"]),
            clear_width_source=_one_of(data.get("clear_width_source"), VALUE_SOURCES, SOURCE_ESTIMATED),
            threshold_mm=_opt_num(data.get("threshold_mm")), threshold_source=_opt_text(data.get("threshold_source")),
            swing=_geom(data.get("swing"), Polygon, "err.file.door_swing"),
            rooms=tuple(_text(r) for r in data.get("rooms") or ()),
            exterior=bool(data.get("exterior", False)), kind=_one_of(data.get("kind"), DOOR_KINDS, "hinged"),
            opening=_geom(data.get("opening"), LineString, "err.file.door_opening"),
            far_side=None if data.get("far_side") is None else _one_of(data.get("far_side"), FAR_SIDES, None),
        )


@dataclass(frozen=True, slots=True)
class Fixture:
    """A fixed fitting by type with its real footprint. A shower also has a lip (kerb) height; a basin may have
    free floor under it (space_under), which the turning space may use."""

    id: str
    type: str
    footprint: Polygon
    room: str | None = None
    lip_mm: float | None = None
    lip_source: str | None = None
    space_under: bool | None = None   # a wall-hung basin with free floor under it, as seen on site (None: not known)

    def to_dict(self) -> dict:
        return {"id": self.id, "type": self.type, "room": self.room, "lip_mm": _round(self.lip_mm),
                "lip_source": self.lip_source, "footprint": _coords(self.footprint), "space_under": self.space_under}

    @classmethod
    def from_dict(cls, data: dict) -> "Fixture":
        footprint = _geom(data["footprint"])
        if not isinstance(footprint, Polygon):
            raise PlanError.text("err.file.footprint")
        return cls(id=_text(data["id"]), type=_one_of(data["type"], FIXTURE_TYPES, "sink"), footprint=footprint,
                   room=_opt_text(data.get("room")), lip_mm=_opt_num(data.get("lip_mm")),
                   lip_source=_opt_text(data.get("lip_source")),
                   space_under=None if data.get("space_under") is None else bool(data["space_under"]))


@dataclass(frozen=True, slots=True)
class Entrance:
    """The level difference at the main entrance: the rise from the ground to the entrance floor.

    rise_mm: total rise, None until known. steps: number of steps. door: the id of the entrance door.
    space_length_mm: the length of ground available in front of the entrance for a ramp, if known.
    landing_mm: the side of the level field outside the door, outside a side-hung door's swing (the smaller of
    its width and depth), as measured on site.
    """

    rise_mm: float | None = None
    steps: int | None = None
    door: str | None = None
    space_length_mm: float | None = None
    rise_source: str | None = None
    landing_mm: float | None = None

    def to_dict(self) -> dict:
        return {"rise_mm": _round(self.rise_mm), "steps": self.steps, "door": self.door,
                "space_length_mm": _round(self.space_length_mm), "rise_source": self.rise_source,
                "landing_mm": _round(self.landing_mm)}

    @classmethod
    def from_dict(cls, data: dict) -> "Entrance":
        steps = _opt_num(data.get("steps"))
        return cls(rise_mm=_opt_num(data.get("rise_mm")), steps=None if steps is None else int(steps),
                   door=_opt_text(data.get("door")), space_length_mm=_opt_num(data.get("space_length_mm")),
                   rise_source=_opt_text(data.get("rise_source")), landing_mm=_opt_num(data.get("landing_mm")))


@dataclass(frozen=True, slots=True)
class Plan:
    """One floor of a home. units: the drawing unit the millimetres were converted from."""

    rooms: tuple[Room, ...] = ()
    doors: tuple[Door, ...] = ()
    fixtures: tuple[Fixture, ...] = ()
    entrance: Entrance | None = None
    walls: tuple[LineString, ...] = ()
    ignored: tuple[LineString, ...] = ()
    units: str = "mm"
    name: str = ""
    import_report: dict = field(default_factory=dict)
    # Worked out once, on first use, and kept on the (frozen) plan; a changed plan is a new one and starts without.
    _index: "_Index | None" = field(default=None, init=False, repr=False, compare=False)
    _hash: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def _by_id(self) -> "_Index":
        if self._index is None:
            object.__setattr__(self, "_index", _Index(self))
        return self._index

    def room(self, room_id: str) -> Room | None:
        return self._by_id.rooms.get(room_id)

    def door(self, door_id: str) -> Door | None:
        return self._by_id.doors.get(door_id)

    def fixture(self, fixture_id: str) -> Fixture | None:
        return self._by_id.fixtures.get(fixture_id)

    def fixtures_in(self, room_id: str) -> list[Fixture]:
        return list(self._by_id.fixtures_in.get(room_id, ()))

    def doors_of(self, room_id: str) -> list[Door]:
        return list(self._by_id.doors_of.get(room_id, ()))

    @property
    def content_hash(self) -> str:
        """A digest of everything the plan holds (ids, values, geometry, the import report): equal plans have equal
        hashes, so caches are keyed by it. Computed once per plan, from the geometry's WKB in one call."""
        if self._hash is None:
            object.__setattr__(self, "_hash", _content_hash(self))
        return self._hash

    def element_ids(self) -> set[str]:
        return {e.id for e in (*self.rooms, *self.doors, *self.fixtures)}

    def replace(self, **changes: Any) -> "Plan":
        return replace(self, **changes)

    def to_dict(self) -> dict:
        return {
            "name": self.name, "units": self.units,
            "rooms": [r.to_dict() for r in self.rooms],
            "doors": [d.to_dict() for d in self.doors],
            "fixtures": [f.to_dict() for f in self.fixtures],
            "entrance": None if self.entrance is None else self.entrance.to_dict(),
            "walls": [[list(map(lambda v: round(v, 1), c)) for c in w.coords] for w in self.walls],
            "ignored": [[list(map(lambda v: round(v, 1), c)) for c in w.coords] for w in self.ignored],
            "import_report": self.import_report,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Plan":
        entrance = data.get("entrance")
        return cls(
            rooms=tuple(Room.from_dict(r) for r in data.get("rooms", [])),
            doors=tuple(Door.from_dict(d) for d in data.get("doors", [])),
            fixtures=tuple(Fixture.from_dict(f) for f in data.get("fixtures", [])),
            entrance=None if entrance is None else Entrance.from_dict(entrance),
            walls=tuple(LineString(w) for w in data.get("walls", []) if len(w) >= 2),
            ignored=tuple(LineString(w) for w in data.get("ignored", []) if len(w) >= 2),
            units=data.get("units", "mm"), name=data.get("name", ""),
            import_report=dict(data.get("import_report", {})),
        )


class _Index:
    """A plan's elements by id, and a room's doors and fixtures (the first of two elements with one id wins, as a
    scan in order found it)."""

    __slots__ = ("rooms", "doors", "fixtures", "fixtures_in", "doors_of")

    def __init__(self, plan: Plan) -> None:
        self.rooms = {r.id: r for r in reversed(plan.rooms)}
        self.doors = {d.id: d for d in reversed(plan.doors)}
        self.fixtures = {f.id: f for f in reversed(plan.fixtures)}
        self.fixtures_in: dict[str, list[Fixture]] = {}
        for f in plan.fixtures:
            self.fixtures_in.setdefault(f.room, []).append(f)
        self.doors_of: dict[str, list[Door]] = {}
        for d in plan.doors:
            for room_id in dict.fromkeys(d.rooms):   # a door listing one room twice is still one door of it
                self.doors_of.setdefault(room_id, []).append(d)


_FIELDS: dict[type, tuple[str, ...]] = {}


def _content_hash(plan: Plan) -> str:
    """blake2b over the plan's values (geometry replaced by its place in one list) and that list's WKB."""
    geoms: list[BaseGeometry] = []
    values: list[Any] = []

    def add(element: Any) -> None:
        names = _FIELDS.get(type(element))
        if names is None:
            names = _FIELDS[type(element)] = tuple(f.name for f in fields(element))
        for name in names:
            value = getattr(element, name)
            if isinstance(value, BaseGeometry):
                geoms.append(value)
                value = "g"
            values.append(value)
    for group in (plan.rooms, plan.doors, plan.fixtures):
        values.append(len(group))
        for element in group:
            add(element)
    values += [plan.entrance and plan.entrance.to_dict(), plan.units, plan.name, len(plan.walls), len(plan.ignored)]
    geoms += [*plan.walls, *plan.ignored]
    digest = hashlib.blake2b(repr(values).encode("utf-8", "surrogatepass"), digest_size=20)
    digest.update(json.dumps(plan.import_report, default=str).encode("utf-8", "surrogatepass"))
    for wkb in shapely.to_wkb(np.array(geoms, dtype=object)) if geoms else ():
        digest.update(wkb)
    return digest.hexdigest()


def assign_rooms(rooms: Iterable[Room], point: Point, tolerance_mm: float = 1.0) -> list[str]:
    """Ids of the rooms whose outline contains or touches the point (within tolerance_mm)."""
    return [r.id for r in rooms if r.polygon.distance(point) <= tolerance_mm]
