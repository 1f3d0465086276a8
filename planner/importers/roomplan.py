"""read_roomplan: an Apple RoomPlan scan (CapturedRoom / CapturedStructure exported as JSON) to a Plan.

RoomPlan gives every surface (wall, door, window, opening, floor) and object (toilet, bathtub, sink, bed, …) a
4 × 4 `transform` (column-major, metres, y up) and `dimensions` [width, height, depth]; a surface's width runs
along its local x axis. The plan is the scan seen from above: plan x = scan x, plan y = −scan z (so that the plan
is not mirrored), metres → millimetres here and nowhere else. A scan measures to a few centimetres, so door widths
carry their own source, *scanned*, and are re-measured near a limit.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon

from planner.geometry import RoomIndex, edges
from planner.i18n import register, said
from planner.importers.building_model import ModelReport, ordered, rectangle, sides_of
from planner.importers.walls_to_rooms import rooms_from_walls
from planner.model.plan import SOURCE_SCANNED, Door, Fixture, Plan, PlanError, Room
from planner.rules import Rules, load_rules

MM_PER_M = 1000.0
MAX_ITEMS = 5_000          # surfaces or objects of one kind: a flat has tens, a large house a few hundred
MAX_SIZE_M = 200.0         # a coordinate or dimension beyond this is no room of a home
SNAP_MM = 10.0
MIN_DOOR_MM = 200.0        # a "door" narrower than this is a scanning artefact, not a way through
MAX_DOOR_MM = 5000.0       # a door or opening wider than this is a scanning error, not a way through a home
WALL_GAP_MM = 100.0        # wall ends this close meet: a scan's corners are seldom exact

# RoomPlan's section labels (CapturedRoom.Section.Label) and object categories (CapturedRoom.Object.Category)
ROOM_OF_LABEL = {"bathroom": "bathroom", "bedroom": "bedroom", "kitchen": "kitchen", "livingRoom": "living",
                 "diningRoom": "living", "hallway": "hall", "entrance": "hall", "laundryRoom": "storage",
                 "storageRoom": "storage", "closet": "storage", "office": "other", "garage": "other",
                 "unidentified": "other"}
FIXTURE_OF_CATEGORY = {"toilet": "wc", "bathtub": "bath", "sink": "sink", "bed": "bed", "stove": "kitchen",
                       "oven": "kitchen", "refrigerator": "kitchen", "dishwasher": "kitchen"}
SURFACE_LISTS = ("walls", "doors", "windows", "openings", "floors")

register({
    "rp.damaged": {
        "en": "This RoomPlan scan cannot be read: {what}; export the scan again from the app that made it.",
        "nb": "Denne RoomPlan-skanningen kan ikke leses: {what}; eksporter skanningen på nytt fra appen som laget "
              "den."},
    "rp.what.json": {"en": "it is not valid JSON", "nb": "den er ikke gyldig JSON"},
    "rp.what.nested": {"en": "it is nested too deeply", "nb": "den er nøstet for dypt"},
    "rp.what.not_scan": {"en": "it has no list of walls", "nb": "den har ingen liste over vegger"},
    "rp.what.list": {"en": "'{part}' is not a list", "nb": "«{part}» er ikke en liste"},
    "rp.what.too_many": {"en": "it holds {n} {part}, more than the {most} a home can have",
                         "nb": "den har {n} {part}, flere enn de {most} en bolig kan ha"},
    "rp.what.item": {"en": "item {n} of '{part}' has no valid '{field}'",
                     "nb": "element {n} i «{part}» har ikke gyldig «{field}»"},
    "rp.no_walls": {
        "en": "The RoomPlan scan has no walls{story}, so there are no rooms to check; scan the room again and let "
              "the scan finish its walls before exporting it.",
        "nb": "RoomPlan-skanningen har ingen vegger{story}, så det finnes ingen rom å kontrollere; skann rommet på "
              "nytt og la skanningen fullføre veggene før du eksporterer den."},
    "rp.no_rooms": {
        "en": "The {walls} walls of the RoomPlan scan do not close into rooms and the scan has no floor to close them, "
              "so there are no rooms to check; scan again and walk along every wall of the room.",
        "nb": "De {walls} veggene i RoomPlan-skanningen lukker seg ikke til rom, og skanningen har ikke noe gulv som "
              "lukker dem, så det finnes ingen rom å kontrollere; skann på nytt og gå langs hver vegg i rommet."},
    "rp.story": {"en": " on storey {story_n}", "nb": " i etasje {story_n}"},
    "rp.story_unknown": {
        "en": "The scan has no storey {region}; its storeys are {choices}.",
        "nb": "Skanningen har ingen etasje {region}; etasjene er {choices}."},
    "rp.warn.stories": {
        "en": "The scan holds {count} storeys; storey {chosen} (the one with most walls) was read — pick another "
              "with --region N (or in the app).",
        "nb": "Skanningen har {count} etasjer; etasje {chosen} (den med flest vegger) ble lest — velg en annen med "
              "--region N (eller i appen)."},
    "rp.unit": {"en": "RoomPlan measures in metres", "nb": "RoomPlan måler i meter"},
    "rp.unit_fixed": {"en": "A RoomPlan scan is always in metres, so it cannot be read in {unit}; keep the unit 'm'.",
                      "nb": "En RoomPlan-skanning er alltid i meter, så den kan ikke leses i {unit}; behold enheten «m»."},
    "rp.guess.room": {"en": "room {id} is {kind}", "nb": "rom {id}: {kind_name}"},
    "rp.why.walls": {"en": "the scan labels this space '{label}' and its walls close around it",
                     "nb": "skanningen kaller rommet «{label}», og veggene lukker seg rundt det"},
    "rp.why.floor": {
        "en": "the scan labels this space '{label}', but its walls do not close: the scanned floor's edge closes it",
        "nb": "skanningen kaller rommet «{label}», men veggene lukker seg ikke: kanten av det skannede gulvet "
              "lukker det"},
    "rp.why.unlabelled": {"en": "the walls close around it; the scan gives it no label",
                          "nb": "veggene lukker seg rundt det; skanningen gir det ingen betegnelse"},
    "rp.why.whole_floor": {
        "en": "the walls do not close into rooms, so the whole scanned floor was taken as one room",
        "nb": "veggene lukker seg ikke til rom, så hele det skannede gulvet ble tatt som ett rom"},
    "rp.why.two_labels": {"en": "the scan labels one space both {labels}; the first was used",
                          "nb": "skanningen gir ett rom flere betegnelser ({labels}); den første ble brukt"},
    "rp.warn.whole_floor": {
        "en": "The scan's walls do not close into rooms, so the whole floor was read as one room; check the "
              "rooms and doors against the home, or scan again.",
        "nb": "Veggene i skanningen lukker seg ikke til rom, så hele gulvet ble lest som ett rom; kontroller rom og "
              "dører mot boligen, eller skann på nytt."},
    "rp.warn.open_walls": {
        "en": "The walls of {rooms} do not close, so the edge of the scanned floor was taken as their wall; check "
              "those rooms against the home, or scan them again.",
        "nb": "Veggene i {rooms} lukker seg ikke, så kanten av det skannede gulvet ble tatt som vegg; kontroller "
              "disse rommene mot boligen, eller skann dem på nytt."},
    "rp.warn.section_outside": {
        "en": "{n} labelled space(s) of the scan ({labels}) lie in no closed room and were left out.",
        "nb": "{n} rom i skanningen med betegnelse ({labels}) ligger ikke i noe lukket rom og ble utelatt."},
    "rp.guess.door": {"en": "door {id}: clear width {clear} mm (scanned opening {width} mm − {deduction} mm)",
                      "nb": "dør {id}: fri bredde {clear} mm (skannet åpning {width} mm − {deduction} mm)"},
    "rp.guess.opening": {"en": "opening {id}: {width} mm wide, no leaf (scanned)",
                         "nb": "åpning {id}: {width} mm bred, uten dør (skannet)"},
    "rp.why.door": {
        "en": "a scan measures to a few centimetres, and the open leaf takes its thickness and the stop off the "
              "opening: measure it on site near a limit",
        "nb": "en skanning måler med noen få centimeters nøyaktighet, og det åpne dørbladet tar sin tykkelse og "
              "anslaget fra åpningen: mål på stedet nær en grense"},
    "rp.guess.door_unknown": {"en": "what lies behind door {id} is not known",
                              "nb": "det er ikke kjent hva som ligger bak dør {id}"},
    "rp.why.door_unknown": {
        "en": "its far side is in no room of the scan: the rest of the home, a shared corridor or outside",
        "nb": "på den andre siden er det ikke noe rom i skanningen: resten av boligen, en felles gang eller ute"},
    "rp.warn.swings": {
        "en": "A scan does not show which way doors open, so the turning check does not count door swings; look "
              "at them on site.",
        "nb": "En skanning viser ikke hvilken vei dørene slår, så snusirkelkontrollen regner ikke med dørslag; se "
              "på dem på stedet."},
    "rp.guess.fixture": {"en": "fixture {id} is a {kind}", "nb": "innredning {id}: {kind_name}"},
    "rp.why.fixture": {"en": "the scan's object '{category}'", "nb": "skanningens objekt «{category}»"},
    "rp.ign.object": {"en": "objects '{category}' (not a fixture the checks use)",
                      "nb": "objekter «{category}» (ikke innredning kontrollene bruker)"},
    "rp.ign.windows": {"en": "windows", "nb": "vinduer"},
    "rp.ign.door_narrow": {"en": "doors narrower than 200 mm (scanning artefacts)",
                           "nb": "dører smalere enn 200 mm (feil i skanningen)"},
    "rp.ign.door_wide": {"en": "doors or openings wider than 5 m (scanning errors: measure them)",
                         "nb": "dører eller åpninger bredere enn 5 m (feil i skanningen: mål dem)"},
    "rp.ign.door_alone": {"en": "doors next to no room", "nb": "dører som ikke ligger ved noe rom"},
    "rp.ign.other_story": {"en": "surfaces and objects on other storeys", "nb": "flater og objekter i andre etasjer"},
})


def is_roomplan(data: bytes) -> bool:
    """Whether bytes look like a RoomPlan export: a JSON object with walls, transforms and dimensions."""
    head = data[:1024].lstrip()
    return head.startswith(b"{") and b'"walls"' in data and b'"transform"' in data and b'"dimensions"' in data


def _damaged(what: list) -> PlanError:
    """The sentence for a damaged scan; `what` (a text made by `said`) says what is wrong with it."""
    key, params = what
    return PlanError.text("rp.damaged", what="@" + key, **params)


def _reject_constant(name: str) -> float:
    raise ValueError(name)


def _load(data: bytes) -> dict:
    try:
        doc = json.loads(data.decode("utf-8-sig"), parse_constant=_reject_constant)
    except RecursionError:
        raise _damaged(said("rp.what.nested")) from None
    except (UnicodeDecodeError, ValueError):
        raise _damaged(said("rp.what.json")) from None
    if not isinstance(doc, dict) or "walls" not in doc:
        raise _damaged(said("rp.what.not_scan"))
    for key in (*SURFACE_LISTS, "objects", "sections"):
        value = doc.get(key, [])
        if not isinstance(value, list):
            raise _damaged(said("rp.what.list", part=key))
        if len(value) > MAX_ITEMS:
            raise _damaged(said("rp.what.too_many", n=len(value), part=key, most=MAX_ITEMS))
    return doc


def _numbers(value: Any, count: int, limit: float) -> list[float] | None:
    """`count` finite numbers within ±limit, or None."""
    if not isinstance(value, list) or len(value) != count:
        return None
    if any(isinstance(v, bool) or not isinstance(v, (int, float)) or abs(v) > limit or not math.isfinite(v)
           for v in value):   # the size first: math.isfinite of a 401-digit integer raises OverflowError
        return None
    return [float(v) for v in value]


class _Item:
    """One surface or object: where it stands in the plan (mm), which way its width runs, and its size (mm)."""

    __slots__ = ("data", "x", "y", "ux", "uy", "width_mm", "depth_mm", "story")

    def __init__(self, data: dict, key: str, n: int) -> None:
        if not isinstance(data, dict):
            raise _damaged(said("rp.what.item", part=key, n=n, field="transform"))
        matrix = _numbers(data.get("transform"), 16, 1e6)
        # the rotation part of a transform is unit vectors; the translation is metres
        if matrix is None or any(abs(v) > MAX_SIZE_M for v in matrix[12:15]):
            raise _damaged(said("rp.what.item", part=key, n=n, field="transform"))
        size = _numbers(data.get("dimensions"), 3, MAX_SIZE_M)
        if size is None or min(size) < 0:
            raise _damaged(said("rp.what.item", part=key, n=n, field="dimensions"))
        story = data.get("story", 0)
        self.story = story if isinstance(story, int) and not isinstance(story, bool) else 0
        ax, az = matrix[0], matrix[2]        # the local x axis, seen from above
        norm = math.hypot(ax, az)
        if norm < 1e-6:                      # a surface standing on its end: no direction in the plan
            raise _damaged(said("rp.what.item", part=key, n=n, field="transform"))
        self.data = data
        self.ux, self.uy = ax / norm, -az / norm
        self.x, self.y = matrix[12] * MM_PER_M, -matrix[14] * MM_PER_M
        self.width_mm, self.depth_mm = size[0] * MM_PER_M, size[2] * MM_PER_M

    def line(self) -> LineString:
        hw = self.width_mm / 2
        return LineString([(self.x - self.ux * hw, self.y - self.uy * hw), (self.x + self.ux * hw, self.y + self.uy * hw)])


def _items(doc: dict, key: str) -> list[_Item]:
    return [_Item(d, key, n) for n, d in enumerate(doc.get(key) or [], start=1)]


def _floor_outline(item: _Item, n: int) -> Polygon | None:
    """A floor's polygonCorners (in its own frame) in the plan, or None when it has none."""
    corners = item.data.get("polygonCorners") or []
    if not isinstance(corners, list) or len(corners) > MAX_ITEMS:
        raise _damaged(said("rp.what.item", part="floors", n=n, field="polygonCorners"))
    matrix = np.array(item.data["transform"], dtype=float).reshape(4, 4).T
    points = []
    for corner in corners:
        xyz = _numbers(corner, 3, MAX_SIZE_M)
        if xyz is None:
            raise _damaged(said("rp.what.item", part="floors", n=n, field="polygonCorners"))
        x, _, z, _ = matrix @ np.array([*xyz, 1.0])
        points.append((x * MM_PER_M, -z * MM_PER_M))
    if len(points) < 3:
        return None
    poly = Polygon(points)
    poly = poly if poly.is_valid else poly.buffer(0)
    return poly if isinstance(poly, Polygon) and poly.area > 0 else None


def _sections(doc: dict, story: int) -> list[tuple[Point, str]]:
    """The scan's labelled spaces on the storey: (centre in the plan, label)."""
    out = []
    for n, section in enumerate(doc.get("sections") or [], start=1):
        if not isinstance(section, dict):
            raise _damaged(said("rp.what.item", part="sections", n=n, field="center"))
        centre = _numbers(section.get("center"), 3, MAX_SIZE_M)
        label = section.get("label")
        if centre is None or not isinstance(label, str):
            raise _damaged(said("rp.what.item", part="sections", n=n, field="center"))
        if section.get("story", story) == story:
            out.append((Point(centre[0] * MM_PER_M, -centre[2] * MM_PER_M), label[:60]))
    return out


def _segments(walls: list[_Item]) -> np.ndarray:
    return np.array([[*w.line().coords[0], *w.line().coords[1]] for w in walls], dtype=float).reshape(-1, 4)


def _rooms(walls: list[_Item], floor: Polygon | None, sections: list[tuple[Point, str]],
           report: ModelReport) -> tuple[list[tuple[Polygon, str, list, bool]], str]:
    """(outline, label, why, closed by the walls) for each room, and where the rooms came from as the import report
    says it: "walls" (the scan's walls, some perhaps closed by the floor's edge: the guesses say which), or
    "outlines" (the scanned floor's outline as one room)."""
    seg = _segments(walls)
    closed = rooms_from_walls(seg, [], snap_mm=SNAP_MM, gap_mm=WALL_GAP_MM)
    with_floor = rooms_from_walls(np.vstack([seg, edges(floor)]), [], snap_mm=SNAP_MM, gap_mm=WALL_GAP_MM) \
        if floor is not None else []
    if not sections:     # an older export, or a scan without labels: every closed space is a room
        if closed:
            return [(poly, "", said("rp.why.unlabelled"), True) for poly in closed], "walls"
        if floor is None:
            return [], "walls"
        report.warnings.append(said("rp.warn.whole_floor"))
        return [(floor, "", said("rp.why.whole_floor"), False)], "outlines"
    rooms: dict[int, tuple[Polygon, list[str], str]] = {}   # id(polygon) -> (polygon, labels, how)
    outside = []
    for centre, label in sections:
        face = next((p for p in closed if p.covers(centre)), None)
        how = "walls"
        if face is None:
            face, how = next((p for p in with_floor if p.covers(centre)), None), "floor"
        if face is None:
            outside.append(label)
            continue
        rooms.setdefault(id(face), (face, [], how))[1].append(label)
    if not rooms and floor is not None:
        report.warnings.append(said("rp.warn.whole_floor"))
        return [(floor, sections[0][1], said("rp.why.whole_floor"), False)], "outlines"
    if outside:
        report.warnings.append(said("rp.warn.section_outside", n=len(outside), labels=", ".join(outside[:4])))
    out = []
    for face, labels, how in rooms.values():
        why = said("rp.why.walls" if how == "walls" else "rp.why.floor", label=labels[0])
        if len(set(labels)) > 1:
            why = said("rp.why.two_labels", labels=" / ".join(dict.fromkeys(labels)))
        out.append((face, labels[0], why, how == "walls"))
    return out, "walls"


def read_roomplan(data: bytes, *, name: str = "", region: int | None = None, rules: Rules | None = None) -> Plan:
    """A Plan from a RoomPlan export (bytes), with an import report. region picks a storey (1 for the scan's
    lowest `story` number, report["regions"]); by default the storey with most walls. Raises PlanError with one sentence for a file that gives none."""
    rules = rules or load_rules()
    doc = _load(data)
    items = {key: _items(doc, key) for key in SURFACE_LISTS}
    objects = _items(doc, "objects")
    report = ModelReport()
    stories = Counter(w.story for w in items["walls"])
    order = sorted(stories)          # regions are the scan's storeys, numbered from 1 in the order of their story
    if region is not None and not 1 <= region <= len(order):
        raise PlanError.text("rp.story_unknown", region=region,
                             choices=", ".join(str(k) for k in range(1, len(order) + 1)) or "–")
    story = order[region - 1] if region is not None else (max(order, key=stories.get) if order else 0)
    index = order.index(story) + 1 if order else None
    if len(stories) > 1 and region is None:
        report.warnings.append(said("rp.warn.stories", count=len(stories), chosen=index))
    elsewhere = sum(1 for group in (*items.values(), objects) for it in group if it.story != story)
    if elsewhere:
        report.ignore(said("rp.ign.other_story"), elsewhere)
    regions = [{"index": k, "entity_count": stories[s], "story": s,
                "bbox_mm": _bbox([w for w in items["walls"] if w.story == s])}
               for k, s in enumerate(order, start=1)] if len(order) > 1 else []
    items = {key: [it for it in group if it.story == story] for key, group in items.items()}
    objects = [it for it in objects if it.story == story]
    if not items["walls"]:
        raise PlanError.text("rp.no_walls", story="@rp.story" if len(stories) > 1 else "", story_n=index)
    floors = [f for n, it in enumerate(items["floors"], start=1) if (f := _floor_outline(it, n)) is not None]
    floor = shapely.union_all(floors) if floors else None
    floor = floor if isinstance(floor, Polygon) else (max(floor.geoms, key=lambda g: g.area) if floor else None)

    found, rooms_from = _rooms(items["walls"], floor, _sections(doc, story), report)
    if not found:
        raise PlanError.text("rp.no_rooms", walls=len(items["walls"]))
    rooms = []
    open_walls = []
    for n, (poly, label, why, closed) in enumerate(ordered(found, lambda f: f[0].representative_point()), start=1):
        kind = ROOM_OF_LABEL.get(label, "other")
        rooms.append(Room(id=f"R{n}", name="", type=kind, polygon=shapely.normalize(poly)))
        report.guess(said("rp.guess.room", id=f"R{n}", kind=kind, kind_name=said(f"room.{kind}")), why)
        if not closed and why[0] != "rp.why.whole_floor":
            open_walls.append(f"R{n}")
    if open_walls:
        report.warnings.append(said("rp.warn.open_walls", rooms=", ".join(open_walls)))

    doors = _doors(items["doors"], items["openings"], rooms, rules, report)
    fixtures = _fixtures(objects, rooms, report)
    if items["windows"]:
        report.ignore(said("rp.ign.windows"), len(items["windows"]))
    walls = tuple(w.line() for w in items["walls"])
    units = {"header": "m", "used": "m", "why": "RoomPlan measures in metres", "why_t": said("rp.unit")}
    plan_report = report.to_dict(
        name=name, file_format="roomplan", rooms_from=rooms_from, units=units,
        found={"rooms": len(rooms), "doors": len(doors), "fixtures": len(fixtures), "walls": len(walls),
               "labels": len(_sections(doc, story)), "door_kinds": dict(Counter(d.kind for d in doors))},
        regions=regions, region=index if len(stories) > 1 else None,
        extra={"scan": {"version": doc.get("version") if isinstance(doc.get("version"), int) else None,
                        "story": story}})
    return Plan(rooms=tuple(rooms), doors=doors, fixtures=fixtures, walls=walls, units="m", name=name,
                import_report=plan_report)


def _bbox(walls: list[_Item]) -> list[float]:
    if not walls:
        return [0.0, 0.0, 0.0, 0.0]
    x0, y0, x1, y1 = shapely.total_bounds([w.line() for w in walls])
    return [round(float(v), 1) for v in (x0, y0, x1, y1)]


def _doors(doors: list[_Item], openings: list[_Item], rooms: list[Room], rules: Rules,
           report: ModelReport) -> tuple[Door, ...]:
    """Doors (a leaf: clear width = scanned opening − the open leaf's deduction) and openings (no leaf: the
    scanned width), each joining the rooms on either side; widths are *scanned*."""
    deduction = rules.value("door_leaf_to_clear_deduction_mm")
    index = RoomIndex(rooms)
    kept = []
    for it, kind in [*((d, "hinged") for d in doors), *((o, "opening") for o in openings)]:
        if it.width_mm < MIN_DOOR_MM:
            report.ignore(said("rp.ign.door_narrow"))
            continue
        if it.width_mm > MAX_DOOR_MM:
            report.ignore(said("rp.ign.door_wide"))
            continue
        opening = it.line()
        joined, _ = sides_of(opening, index)
        if not joined:
            report.ignore(said("rp.ign.door_alone"))
            continue
        kept.append((it, kind, opening, joined))
    out = []
    for n, (it, kind, opening, joined) in enumerate(ordered(kept, lambda k: Point(k[0].x, k[0].y)), start=1):
        width = round(it.width_mm, 1)
        clear = width if kind == "opening" else round(max(width - deduction, 0.0), 1)
        # a scan ends where the scanning stopped: beyond a door into no scanned room may lie the rest of the home,
        # a shared corridor or the outside, so no door of a scan is taken for an entrance (far_side tells, on site)
        out.append(Door(id=f"D{n}", position=Point(it.x, it.y), leaf_width_mm=width, clear_width_mm=clear,
                        clear_width_source=SOURCE_SCANNED, rooms=joined, kind=kind, opening=opening))
        if kind == "opening":
            report.guess(said("rp.guess.opening", id=f"D{n}", width=f"{width:.0f}"), said("rp.why.door"))
        else:
            report.guess(said("rp.guess.door", id=f"D{n}", clear=f"{clear:.0f}", width=f"{width:.0f}",
                              deduction=f"{deduction:.0f}"), said("rp.why.door"))
        if len(joined) == 1:
            report.guess(said("rp.guess.door_unknown", id=f"D{n}"), said("rp.why.door_unknown"))
    if any(d.kind != "opening" for d in out):
        report.warnings.append(said("rp.warn.swings"))
    return tuple(out)


def _fixtures(objects: list[_Item], rooms: list[Room], report: ModelReport) -> tuple[Fixture, ...]:
    """Fixtures from the scan's objects (toilet, bathtub, sink, bed, kitchen appliances) with their footprints."""
    found = []
    for it in objects:
        category = it.data.get("category")
        category = next(iter(category), "") if isinstance(category, dict) and category else ""
        category = category if isinstance(category, str) else ""
        kind = FIXTURE_OF_CATEGORY.get(category)
        if kind is None:
            report.ignore(said("rp.ign.object", category=category[:40] or "?"))
            continue
        footprint = rectangle(it.x, it.y, it.ux, it.uy, max(it.width_mm, 1.0), max(it.depth_mm, 1.0))
        found.append((kind, footprint, category))
    out, in_room = [], RoomIndex(rooms, boundary=True)    # a fixture's centre on a room's outline is in it
    for n, (kind, footprint, category) in enumerate(ordered(found, lambda f: f[1].centroid), start=1):
        out.append(Fixture(id=f"F{n}", type=kind, footprint=footprint, room=in_room.id_at(footprint.centroid)))
        report.guess(said("rp.guess.fixture", id=f"F{n}", kind=kind, kind_name=said(f"fixture.{kind}")),
                     said("rp.why.fixture", category=category))
    return tuple(out)
