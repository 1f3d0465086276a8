"""Is an imported plan plausible as a home? Each doubt: a stable code, a sentence (nb, en), its elements, what to do.

Doubts judge a Plan plus facts the importer recorded (facts: a JSON-able dict, see `facts` keys below), so any
importer — DXF, IFC, a phone scan — gets them the same way. They never change the plan: they say what it doubts.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from planner.i18n import register, render, said
from planner.model.plan import Plan

# A room of a dwelling. The largest rooms of a home, an open kitchen-living room, are 40–80 m²; above this the
# outline is more likely a floor, a gross internal area or a flat than a room.
ROOM_MAX_M2 = 120.0
# A walk-in closet or a shower cabinet is about 1 m²; smaller than this is a wall strip, a shaft or a symbol.
ROOM_MIN_M2 = 0.8
# An area label inside a room that differs from the room's area by more than this share (and by more than
# AREA_LABEL_SLACK_M2, for rounding on small rooms) says the outline is not the room that was labelled.
AREA_LABEL_SHARE = 0.15
AREA_LABEL_SLACK_M2 = 1.0
# A room narrower than this nobody walks into (a corridor is at least 900 mm): a strip between two wall lines.
SLIVER_WIDTH_MM = 600.0
SLIVER_MIN_COUNT = 3       # a few narrow shafts are normal...
SLIVER_SHARE = 0.15        # ...this share of the rooms is not
# A grid of cells: this many rooms or more, rectangles of one size to GRID_SIZE_MM, making GRID_SHARE of the plan —
# what axis or grid lines read as walls look like; rooms of a home differ in size.
GRID_MIN_CELLS = 6
GRID_SHARE = 0.5
GRID_SIZE_MM = 100.0
RECTANGLE_FILL = 0.97      # area / its minimum rotated rectangle: a rectangle
# A home has about as many doors as rooms (each room has one or two, shared with its neighbour).
DOORS_PER_ROOM_MAX = 2.0
DOORS_OVER_ROOMS_SLACK = 2
# Door shapes next to no room: a few are normal (a gate, a shed); as many as the doors kept means the walls or
# the doors were misread.
DOORS_ALONE_MIN = 3
# Door leaves are 600–1 200 mm (a wider leaf is a garage or a gate); a quarter of the swings outside that is not.
LEAF_MIN_MM, LEAF_MAX_MM = 600.0, 1200.0
ODD_LEAF_SHARE = 0.25
# Two families of swing radii: a gap between sorted radii of this ratio with at least FAMILY_MIN on each side
# (a 600 mm closet door beside a 900 mm entrance door is ratio 1.5, one family): two kinds of arc, or two units.
FAMILY_RATIO = 1.7
FAMILY_MIN = 3
# A dwelling has a kitchen, a bathroom or WC, and rooms to sleep and live in. A plan with this many named rooms and
# none of those is more likely an office, a site or planting plan, a schedule or a title block than a home.
HOME_ROOM_TYPES = frozenset({"kitchen", "bathroom", "wc", "bedroom", "living"})
HOME_NAMED_MIN = 3
# A home's bathroom is 4–15 m², a large one 20 m²; a "bathroom" or "WC" well above that is a larger space holding
# the name of a small room inside it whose walls did not close, and its checks would be of the wrong room.
WET_ROOM_MAX_M2 = 30.0
WET_ROOMS = frozenset({"bathroom", "wc"})
# The smallest dwellings, a bedsit with its own bath, have about 15 m² of rooms; rooms read that together cover
# less are a bathroom detail, a stair or a part of the sheet, and the checks say nothing about the home's route.
PLAN_MIN_M2 = 15.0

register({
    "doubt.not_a_home": {
        "en": "None of the {count} named rooms ({names}) is a kitchen, bathroom, WC, bedroom or living room: the "
              "drawing read may not be a dwelling (an office, a site plan, a schedule or a title block). Check that "
              "this is the floor plan of the home, or confirm that this is the plan.",
        "nb": "Ingen av de {count} navngitte rommene ({names}) er kjøkken, bad, WC, soverom eller stue: tegningen "
              "som er lest er kanskje ikke en bolig (et kontor, en situasjonsplan, en liste eller et tittelfelt). "
              "Sjekk at dette er plantegningen av boligen, eller bekreft at dette er planen."},
    "doubt.room_too_large": {
        "en": "Room(s) {ids} are larger than {max_m2} m², more than any room of a home: the outline may be a floor, "
              "a flat or an area scheme rather than a room. Set the layer that holds it to 'ignore', or confirm "
              "that this is the plan.",
        "nb": "Rom {ids} er større enn {max_m2} m², mer enn noe rom i en bolig: omrisset kan være en etasje, en "
              "leilighet eller et arealskjema og ikke et rom. Sett laget det ligger på til «ignore», eller bekreft "
              "at dette er planen."},
    "doubt.wet_room_too_large": {
        "en": "Bathroom or WC {ids} is larger than {max_m2} m², more than a home's bathroom: the name may belong to a "
              "smaller room inside it whose walls did not close, and the bathroom checks would judge the wrong space. "
              "Check the walls around it, or confirm that this is the plan.",
        "nb": "Bad eller WC {ids} er større enn {max_m2} m², mer enn et bad i en bolig: navnet kan høre til et mindre "
              "rom inni det som veggene ikke lukker, og badkontrollene ville vurdere feil rom. Kontroller veggene "
              "rundt, eller bekreft at dette er planen."},
    "doubt.plan_too_small": {
        "en": "The {count} room(s) read cover {area_m2} m² together, less than any dwelling ({min_m2} m²): the drawing "
              "read may be a detail (a bathroom, a stair) or a part of the sheet, and the rest of the home was not "
              "read. Check the drawing and the layer roles; if only this part of the home is to be checked, "
              "confirm that this is the plan.",
        "nb": "De {count} rommene som er lest dekker {area_m2} m² til sammen, mindre enn noen bolig ({min_m2} m²): "
              "tegningen som er lest kan være en detalj (et bad, en trapp) eller en del av arket, og resten av "
              "boligen er ikke lest. Kontroller tegningen og lagrollene; skal bare denne delen av boligen "
              "kontrolleres, bekreft at dette er planen."},
    "doubt.room_too_small": {
        "en": "Room(s) {ids} are smaller than {min_m2} m²: probably a shaft, a wall strip or a symbol, not a room. "
              "Check the layer roles, or confirm that this is the plan.",
        "nb": "Rom {ids} er mindre enn {min_m2} m²: trolig en sjakt, en veggstripe eller et symbol, ikke et rom. "
              "Kontroller lagrollene, eller bekreft at dette er planen."},
    "doubt.area_label": {
        "en": "The area label inside room(s) {ids} does not match the room's area ({first}: {area_m2} m² drawn, "
              "{label_m2} m² on the label): the outline is not the room that was labelled, or the unit is wrong. "
              "Check the unit and the layer roles.",
        "nb": "Arealteksten inne i rom {ids} stemmer ikke med rommets areal ({first}: {area_m2} m² tegnet, "
              "{label_m2} m² på teksten): omrisset er ikke rommet som ble merket, eller enheten er feil. "
              "Kontroller enheten og lagrollene."},
    "doubt.slivers": {
        "en": "{count} of the {rooms} rooms are narrower than {width} mm ({ids}): strips between two wall lines, "
              "not rooms. Walls drawn as objects the reader cannot see into often do this; check the layer roles.",
        "nb": "{count} av de {rooms} rommene er smalere enn {width} mm ({ids}): striper mellom to vegglinjer, ikke "
              "rom. Vegger tegnet som objekter som ikke kan leses gir ofte dette; kontroller lagrollene."},
    "doubt.grid": {
        "en": "{count} of the {rooms} rooms are rectangles of the same size ({w} × {h} m): a regular grid, as axis "
              "or grid lines read as walls give. Set the grid layer to 'ignore', or confirm that this is the plan.",
        "nb": "{count} av de {rooms} rommene er rektangler av samme størrelse ({w} × {h} m): et regelmessig "
              "rutenett, slik akse- eller rutenettlinjer lest som vegger gir. Sett rutenettlaget til «ignore», "
              "eller bekreft at dette er planen."},
    "doubt.many_doors": {
        "en": "{doors} doors for {rooms} rooms is far more than a home has: curves in furniture or symbols may have "
              "been read as doors. Set the layer that holds them to 'ignore' or 'fixtures'.",
        "nb": "{doors} dører for {rooms} rom er langt flere enn en bolig har: buer i møbler eller symboler kan ha "
              "blitt lest som dører. Sett laget de ligger på til «ignore» eller «fixtures»."},
    "doubt.doors_alone": {
        "en": "{alone} door shapes touch no room (against {doors} doors kept): the walls may not close where the "
              "doors are, or the shapes are not doors. Check the wall and door layer roles.",
        "nb": "{alone} dørsymboler ligger ikke ved noe rom (mot {doors} dører som ble tatt med): veggene lukker seg "
              "kanskje ikke ved dørene, eller symbolene er ikke dører. Kontroller lagrollene for vegger og dører."},
    "doubt.odd_leaves": {
        "en": "{count} of the {doors} door swings are outside door sizes ({low}–{high} mm; {ids}): they may be "
              "other arcs, or the unit is wrong. Check the unit and the door layer.",
        "nb": "{count} av de {doors} dørslagene har en størrelse ingen dør har ({low}–{high} mm; {ids}): de kan "
              "være andre buer, eller enheten er feil. Kontroller enheten og dørlaget."},
    "doubt.two_families": {
        "en": "The door swings come in two sizes far apart (about {small} mm and {large} mm): one kind is probably "
              "not doors (hinges, furniture) or was drawn in another unit. Check the door layer and the unit.",
        "nb": "Dørslagene har to størrelser langt fra hverandre (omtrent {small} mm og {large} mm): den ene sorten "
              "er trolig ikke dører (hengsler, møbler) eller er tegnet i en annen enhet. Kontroller dørlaget og "
              "enheten."},
    "doubt.weak_plan": {
        "en": "Drawing {chosen} was read as a floor plan although it shows no door swings, door symbols or room "
              "outlines: it may be an elevation, a detail or the wrong part of the sheet (are the layers that hold "
              "the walls and doors set to 'ignore'?). Check the drawing and the layer roles, or confirm that this "
              "is the plan.",
        "nb": "Tegning {chosen} ble lest som en plantegning, selv om den ikke viser dørslag, dørsymboler eller "
              "romomriss: den kan være en fasade, en detalj eller feil del av arket (står lagene med vegger og dører "
              "som 'ignore'?). Kontroller tegningen og lagrollene, eller bekreft at dette er planen."},
    "doubt.several_drawings": {
        "en": "The sheet holds {count} drawings; drawing {chosen} was read. Check that it is the floor plan you "
              "mean, or pick another (CLI: --region N; in the app: the drawings in the import tab).",
        "nb": "Arket inneholder {count} tegninger; tegning {chosen} ble lest. Kontroller at det er plantegningen du "
              "mener, eller velg en annen (CLI: --region N; i appen: tegningene under fanen for import)."},
    "doubt.not_floor_plan": {
        "en": "The drawing read looks like {what}, not a floor plan ({evidence}). Pick the floor plan "
              "(CLI: --region N), or confirm that this is the plan.",
        "nb": "Tegningen som ble lest ser ut som {what}, ikke en plantegning ({evidence}). Velg plantegningen "
              "(CLI: --region N), eller bekreft at dette er planen."},
    "doubt.what.section": {"en": "a section", "nb": "et snitt"},
    "doubt.what.elevation": {"en": "an elevation", "nb": "en fasade"},
    "doubt.what.section_or_elevation": {"en": "a section or an elevation", "nb": "et snitt eller en fasade"},
    "doubt.what.structural": {"en": "a structural or framing plan", "nb": "en konstruksjonsplan"},
    "doubt.two_names": {
        "en": "Room(s) {ids} hold more than one room name ({names}): an open plan, or a wall that did not close. "
              "Check those rooms, and draw the missing wall if there is one.",
        "nb": "Rom {ids} har mer enn ett romnavn ({names}): en åpen løsning, eller en vegg som ikke lukket seg. "
              "Kontroller rommene, og tegn inn veggen som mangler hvis det er en."},
    "doubt.proxies": {
        "en": "{count} entities are objects the reader cannot see into (AutoCAD Architecture or Civil objects such "
              "as {types}): walls, doors or spaces drawn with them are missing from the plan. Export it with "
              "AutoCAD's Export to AutoCAD, or save it as plain DXF, and read it again.",
        "nb": "{count} elementer er objekter som ikke kan leses (AutoCAD Architecture- eller Civil-objekter som "
              "{types}): vegger, dører eller rom tegnet med dem mangler i planen. Eksporter med AutoCADs «Export "
              "to AutoCAD», eller lagre som vanlig DXF, og les tegningen på nytt."},
})

register({
    "doubt.unit_overruled": {
        "en": "The drawing's unit is in doubt: the file says {header}, but {why}, so it was read in {used}. Every "
              "width, area and finding rests on it. Measure one width you know on site, a door's, and compare it "
              "with the plan's; if they differ, choose the drawing's unit on the import tab and read it again, or "
              "confirm that this is the plan.",
        "nb": "Tegningens enhet er usikker: filen oppgir {header}, men {why}, så den ble lest i {used}. Alle "
              "bredder, arealer og funn bygger på den. Mål én bredde du kjenner på stedet, en dørs, og sammenlign med "
              "planens; er de ulike, velg tegningens enhet under import og les tegningen på nytt, eller bekreft at "
              "dette er planen."},
    "doubt.unit_kept": {
        "en": "The drawing's unit is in doubt: the file says {header}, and it was read so, but {why}, which suggests "
              "{suggested}. Every width, area and finding rests on it. Measure one width you know on site, a door's, "
              "and compare it with the plan's; if they differ, choose {suggested} on the import tab and read it "
              "again, or confirm that this is the plan.",
        "nb": "Tegningens enhet er usikker: filen oppgir {header}, og den ble lest slik, men {why}, som tyder på "
              "{suggested}. Alle bredder, arealer og funn bygger på den. Mål én bredde du kjenner på stedet, en "
              "dørs, og sammenlign med planens; er de ulike, velg {suggested} under import og les tegningen på nytt, "
              "eller bekreft at dette er planen."},
})

# the facts an importer records (report["facts"]); every key is optional
FACT_DOORS_ALONE = "doors_alone"          # door shapes dropped because no room lay beside them
FACT_PROXIES = "proxy_entities"          # {entity type: count} the reader cannot see into
FACT_AREA_LABELS = "area_labels"          # [[x_mm, y_mm, m2], …] area labels in the drawing read
FACT_DRAWINGS = "drawings"                # [{"index", "kind": "plan"|"section"|"elevation"|"structural", "why"}]
FACT_DRAWING_READ = "drawing_read"        # index of the drawing read
# the unit read against the file's own word, or kept against the geometry's, when the user did not choose it:
# {"header": "@units.mm", "used": "@units.in", "suggested": "@units.in" or None, "why_t": [key, params]}
FACT_UNIT_DISPUTED = "unit_disputed"

CONFIRMED = "confirmed_doubts"   # project.source key: the doubt codes the user said "this is the plan" to
WEAK_PLAN = "region.why.plan_weak"   # the reason a drawing is a plan only for want of a section's ground line
NAME_JOIN = " / "     # how the importer joins several names found in one face of the walls


@dataclass(frozen=True, slots=True)
class Doubt:
    """Something about an imported plan the importer does not stand behind. text: [key, params] (planner.i18n)."""

    code: str
    text: list
    elements: tuple[str, ...] = ()

    def message(self, lang: str = "en") -> str:
        return render(self.text, lang)

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message("en"), "message_t": self.text,
                "elements": list(self.elements)}

    @classmethod
    def from_dict(cls, data: dict) -> "Doubt":
        text = data.get("message_t")
        if not (isinstance(text, list) and len(text) == 2 and isinstance(text[1], dict)):
            text = ["doubt.unknown", {"message": str(data.get("message", ""))}]
        elements = data.get("elements")
        return cls(code=str(data.get("code", "")), text=text,
                   elements=tuple(str(e) for e in elements) if isinstance(elements, list) else ())


register({"doubt.unknown": {"en": "{message}", "nb": "{message}"}})


def _ids(ids: list[str], most: int = 6) -> str:
    return ", ".join(ids[:most]) + (" …" if len(ids) > most else "")


def _m2(value: float) -> float:
    """An area to one decimal, as a float: the text writes it as the language does (12,5 in Norwegian)."""
    return round(float(value), 1)


def _home_doubts(plan: Plan) -> list[Doubt]:
    named = [r for r in plan.rooms if r.name.strip()]
    if len(named) < HOME_NAMED_MIN or any(r.type in HOME_ROOM_TYPES for r in plan.rooms):
        return []
    names = ", ".join(repr(r.name[:30]) for r in named[:4]) + (" …" if len(named) > 4 else "")
    return [Doubt("NOT_A_HOME", said("doubt.not_a_home", count=len(named), names=names), tuple(r.id for r in named))]


def _room_doubts(plan: Plan, facts: dict) -> list[Doubt]:
    out = []
    large = [r.id for r in plan.rooms if r.area_m2 > ROOM_MAX_M2]
    if large:
        out.append(Doubt("ROOM_TOO_LARGE", said("doubt.room_too_large", ids=_ids(large), max_m2=f"{ROOM_MAX_M2:.0f}"),
                         tuple(large)))
    wet = [r.id for r in plan.rooms if r.type in WET_ROOMS and ROOM_MAX_M2 >= r.area_m2 > WET_ROOM_MAX_M2]
    if wet:
        out.append(Doubt("WET_ROOM_TOO_LARGE", said("doubt.wet_room_too_large", ids=_ids(wet),
                                                    max_m2=f"{WET_ROOM_MAX_M2:.0f}"), tuple(wet)))
    total = sum(r.area_m2 for r in plan.rooms)
    if plan.rooms and total < PLAN_MIN_M2:
        out.append(Doubt("PLAN_TOO_SMALL", said("doubt.plan_too_small", count=len(plan.rooms), area_m2=_m2(total),
                                                min_m2=_m2(PLAN_MIN_M2))))
    small = [r.id for r in plan.rooms if r.area_m2 < ROOM_MIN_M2]
    if small:
        out.append(Doubt("ROOM_TOO_SMALL", said("doubt.room_too_small", ids=_ids(small),
                                                min_m2=_m2(ROOM_MIN_M2)), tuple(small)))
    labels = facts.get(FACT_AREA_LABELS) or []
    if labels and plan.rooms:
        # every room a label lies in, not only the first (planner.geometry.RoomIndex): overlapping rooms are each judged
        tree = shapely.STRtree([r.polygon for r in plan.rooms])
        pts = shapely.points(np.array([[x, y] for x, y, _ in labels], dtype=float))
        li, ri = tree.query(pts, predicate="within")
        off = {}
        for i, k in zip(li.tolist(), ri.tolist()):
            room, stated = plan.rooms[k], float(labels[i][2])
            if abs(room.area_m2 - stated) > max(AREA_LABEL_SHARE * stated, AREA_LABEL_SLACK_M2):
                off.setdefault(room.id, (room.area_m2, stated))
        if off:
            first, (area, stated) = next(iter(off.items()))
            out.append(Doubt("AREA_LABEL_MISMATCH", said("doubt.area_label", ids=_ids(list(off)), first=first,
                                                         area_m2=_m2(area), label_m2=_m2(stated)), tuple(off)))
    return out


def _rectangle_sides(polygons: list) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each polygon, the short and long side of its minimum rotated rectangle and that rectangle's area, in one
    pass (0 for a polygon whose rectangle is degenerate)."""
    rects = shapely.minimum_rotated_rectangle(np.array(polygons, dtype=object))
    short, long_, area = np.zeros(len(polygons)), np.zeros(len(polygons)), shapely.area(rects)
    coords, which = shapely.get_coordinates(rects, return_index=True)
    starts = np.searchsorted(which, np.arange(len(polygons)))
    counts = np.bincount(which, minlength=len(polygons))
    ok = counts >= 4
    if ok.any():
        i = starts[ok]
        a = np.hypot(*(coords[i + 1] - coords[i]).T)
        b = np.hypot(*(coords[i + 2] - coords[i + 1]).T)
        short[ok], long_[ok] = np.minimum(a, b), np.maximum(a, b)
    return short, long_, area


def _shape_doubts(plan: Plan) -> list[Doubt]:
    out = []
    rooms = plan.rooms
    if not rooms:
        return out
    short, long_, rect_area = _rectangle_sides([r.polygon for r in rooms])
    slivers = [r.id for r, w in zip(rooms, short) if w < SLIVER_WIDTH_MM]
    if len(slivers) >= SLIVER_MIN_COUNT and len(slivers) >= SLIVER_SHARE * len(rooms):
        out.append(Doubt("SLIVER_ROOMS", said("doubt.slivers", count=len(slivers), rooms=len(rooms),
                                              width=f"{SLIVER_WIDTH_MM:.0f}", ids=_ids(slivers)), tuple(slivers)))
    sizes = {}
    for room, a, b, area in zip(rooms, short, long_, rect_area):
        if area > 0 and room.polygon.area / area >= RECTANGLE_FILL:
            sizes.setdefault((round(a / GRID_SIZE_MM), round(b / GRID_SIZE_MM)), []).append(room.id)
    if sizes:
        (a, b), ids = max(sizes.items(), key=lambda kv: len(kv[1]))
        if len(ids) >= GRID_MIN_CELLS and len(ids) >= GRID_SHARE * len(rooms):
            out.append(Doubt("GRID_OF_CELLS", said("doubt.grid", count=len(ids), rooms=len(rooms),
                                                   w=_m2(a * GRID_SIZE_MM / 1000),
                                                   h=_m2(b * GRID_SIZE_MM / 1000)), tuple(ids)))
    names = [(r.id, r.name) for r in rooms if NAME_JOIN in r.name]
    if names:
        out.append(Doubt("TWO_NAMES_IN_ROOM", said("doubt.two_names", ids=_ids([i for i, _ in names]),
                                                   names="; ".join(repr(n) for _, n in names[:3])),
                         tuple(i for i, _ in names)))
    return out


def _families(leaves: list[float]) -> tuple[float, float] | None:
    """The medians of two families of leaf widths far apart, or None when they are one family."""
    values = np.sort(np.asarray(leaves, dtype=float))
    if len(values) < 2 * FAMILY_MIN:
        return None
    ratios = values[1:] / np.maximum(values[:-1], 1e-9)
    cut = np.arange(1, len(values))
    ok = (cut >= FAMILY_MIN) & (len(values) - cut >= FAMILY_MIN) & (ratios >= FAMILY_RATIO)
    if not ok.any():
        return None
    k = int(cut[ok][np.argmax(ratios[ok])])
    return float(np.median(values[:k])), float(np.median(values[k:]))


def _door_doubts(plan: Plan, facts: dict) -> list[Doubt]:
    out = []
    doors, rooms = len(plan.doors), len(plan.rooms)
    if doors > DOORS_PER_ROOM_MAX * rooms + DOORS_OVER_ROOMS_SLACK:
        out.append(Doubt("MANY_DOORS", said("doubt.many_doors", doors=doors, rooms=rooms),
                         tuple(d.id for d in plan.doors)))
    alone = int(facts.get(FACT_DOORS_ALONE) or 0)
    if alone >= DOORS_ALONE_MIN and alone >= doors:
        out.append(Doubt("DOORS_TOUCH_NO_ROOM", said("doubt.doors_alone", alone=alone, doors=doors)))
    swung = [d for d in plan.doors if d.kind != "opening" and d.swing is not None]
    odd = [d.id for d in swung if not LEAF_MIN_MM <= d.leaf_width_mm <= LEAF_MAX_MM]
    if odd and len(odd) >= ODD_LEAF_SHARE * len(swung):
        out.append(Doubt("SWING_OUTSIDE_DOOR_SIZES", said("doubt.odd_leaves", count=len(odd), doors=len(swung),
                                                          low=f"{LEAF_MIN_MM:.0f}", high=f"{LEAF_MAX_MM:.0f}",
                                                          ids=_ids(odd)), tuple(odd)))
    families = _families([d.leaf_width_mm for d in swung])
    if families:
        small, large = families
        out.append(Doubt("SWING_TWO_FAMILIES", said("doubt.two_families", small=f"{small:.0f}", large=f"{large:.0f}"),
                         tuple(d.id for d in swung)))
    return out


def _drawing_doubts(facts: dict) -> list[Doubt]:
    out = []
    drawings = facts.get(FACT_DRAWINGS) or []
    read = facts.get(FACT_DRAWING_READ)
    if len(drawings) > 1:
        out.append(Doubt("SEVERAL_DRAWINGS", said("doubt.several_drawings", count=len(drawings), chosen=read)))
    chosen = next((d for d in drawings if d.get("index") == read), None)
    if chosen and chosen.get("kind") in ("section", "elevation", "section_or_elevation", "structural"):
        why = chosen.get("why_t") or ["doubt.unknown", {"message": ""}]
        out.append(Doubt("NOT_A_FLOOR_PLAN", said("doubt.not_floor_plan", what=said(f"doubt.what.{chosen['kind']}"),
                                                  evidence=why)))
    elif chosen and (chosen.get("why_t") or [None])[0] == WEAK_PLAN:
        # taken for a plan only for want of a ground line: nothing in it is what only a floor plan shows
        out.append(Doubt("WEAK_FLOOR_PLAN", said("doubt.weak_plan", chosen=read)))
    proxies = facts.get(FACT_PROXIES) or {}
    total = sum(int(n) for n in proxies.values())
    if total:
        types = ", ".join(sorted(proxies, key=lambda k: -int(proxies[k]))[:3])
        out.append(Doubt("PROXY_ENTITIES", said("doubt.proxies", count=total, types=types)))
    return out


def _unit_doubts(facts: dict) -> list[Doubt]:
    """A unit read against the file's word (or kept against the geometry's): a wrong one scales every length by 10,
    25,4 or 1 000, and each finding with it."""
    unit = facts.get(FACT_UNIT_DISPUTED)
    if not isinstance(unit, dict) or not unit.get("header") or not unit.get("used"):
        return []
    why = unit.get("why_t") or ["doubt.unknown", {"message": ""}]
    if unit.get("suggested"):
        return [Doubt("UNIT_DISPUTED", said("doubt.unit_kept", header=unit["header"], why=why,
                                            suggested=unit["suggested"]))]
    return [Doubt("UNIT_DISPUTED", said("doubt.unit_overruled", header=unit["header"], why=why, used=unit["used"]))]


def find_doubts(plan: Plan, facts: dict | None = None) -> list[Doubt]:
    """What about this imported plan is implausible for a home, most telling first; [] when nothing is."""
    facts = facts or {}
    return [*_unit_doubts(facts), *_drawing_doubts(facts), *_home_doubts(plan), *_room_doubts(plan, facts), *_shape_doubts(plan),
            *_door_doubts(plan, facts)]


def plan_doubts(plan: Plan, confirmed: list[str] | tuple[str, ...] = ()) -> list[Doubt]:
    """The doubts an import recorded in plan.import_report, less the codes the user confirmed."""
    stored = (plan.import_report.get("doubts") or []) if plan.import_report else []
    stored = stored if isinstance(stored, list) else []
    doubts = [Doubt.from_dict(d) for d in stored if isinstance(d, dict)]
    return [d for d in doubts if d.code not in set(confirmed)]


def open_doubts(plan: Plan, source: dict) -> list[Doubt]:
    """The doubts of a project's plan (source: Project.source) that the user has not confirmed."""
    confirmed = source.get(CONFIRMED)
    return plan_doubts(plan, confirmed if isinstance(confirmed, (list, tuple)) else ())


def confirmed_source(source: dict, doubts: list[Doubt]) -> dict:
    """source with the codes of doubts added to what the user confirmed ("this is the plan")."""
    before = source.get(CONFIRMED)
    before = list(before) if isinstance(before, (list, tuple)) else []
    return {**source, CONFIRMED: sorted({*before, *(d.code for d in doubts)})}
