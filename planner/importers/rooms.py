"""Rooms: outlines on room layers, named by the text inside them, typed from the name in several languages."""
from __future__ import annotations

import functools
import math
import re
import unicodedata

import numpy as np
import shapely
from shapely.geometry import Point, Polygon

from planner.i18n import register, said

MIN_ROOM_M2, MAX_ROOM_M2 = 0.8, 1500.0
MINOR_ROOM_TYPES = ("storage", "common", "other")   # not where one lives: a joined name is not typed by them
NO_TEXT_INSIDE = "imp.room.no_text"

register({
    "imp.room.named_by_text": {"en": "named by the text {text} inside", "nb": "navngitt etter teksten {text} inni"},
    "imp.room.named_by_layer": {"en": "named after its layer {layer}", "nb": "navngitt etter laget {layer}"},
    NO_TEXT_INSIDE: {"en": "no text inside", "nb": "ingen tekst inni"},
})

# room type -> name fragments. Checked in order (bathroom before bedroom: "master bath").
# Entries starting with "=" must be a whole word, "^" must start a word; others may sit inside a compound ("hovedsoverom").
_TYPE_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("wc", ("=wc", "toalett", "toilet", "=toil.", "^restroom", "washroom", "^lavatory", "sanitaire", "^cloak", "^powder",
            "^gjeste-wc", "^servizi", "^aseo", "^bagno di servizio")),
    ("bathroom", ("=bad", "baderom", "bathroom", "=bath", "badeværelse", "salle de bain", "salle d'eau",
                  "^bagno", "^baño", "badezimmer", "^ensuite", "^en-suite", "^en suite", "^shower", "=dusj",
                  "våtrom", "^vatrom", "^badrum", "^dusche", "=dusch", "^duschrum", "^bruserum")),
    ("kitchen", ("kjøkken", "kjokken", "kitchen", "køkken", "cuisine", "cucina", "küche", "kuche", "cocina",
                 "kitchenette", "^pantry kitchen")),
    ("bedroom", ("soverom", "bedroom", "=bed", "sovevær", "soveværelse", "^chambre", "^camera",
                 "schlafzimmer", "^dormitorio", "^master", "^sove", "^guest room", "^gjesterom")),
    ("living", ("stue", "^living", "^lounge", "^family", "^great room", "^séjour", "^sejour", "^salon",
                "soggiorno", "wohnzimmer", "^opphold", "^tv room", "^tv-stue", "^dining", "^spise",
                "^allrom", "^sitting", "^study", "^kontor", "^office", "^arbeidsrom", "^gym")),
    # A shared space before the hall: "Felles gang" is the building's corridor, not the flat's hall.
    ("common", ("trapperom", "^stair", "^felles", "fællesrum", "^lobby", "^escalier", "^trappe", "=lift",
                "^elevator", "=heis", "^oppgang", "^treppe", "^scala", "^escalera")),
    ("hall", ("=gang", "inngang", "entré", "=entre", "=hall", "hallway", "corridor", "korridor", "vindfang",
              "^entrance", "^entry", "^foyer", "^dégagement", "^degagement", "^couloir", "^flur", "^diele",
              "^pasillo", "^ingresso", "^disimpegno", "^circulation", "^landing", "^passage")),
    ("storage", ("=bod", "^storage", "^lager", "=store", "^pantry", "^closet", "^wardrobe", "^w.i.c",
                 "^walk in", "^walk-in", "^garderobe", "^rangement", "^ripostiglio", "^abstell", "^despensa",
                 "^coats", "=skap", "^boden")),
]
_BATHROOM_WORDS = next(fragments for kind, fragments in _TYPE_WORDS if kind == "bathroom")
_MEASURE = re.compile(r"^[\s\d.,=:x×'\"/+-]*(m2|m²|mq|sq\.?\s*ft\.?|sf|ft|m|cm|mm)?[\s\d.,=:x×'\"/+-]*$|"
                      r"^(h|mq|a|bra|p-rom|s-rom)\s*[=:]", re.IGNORECASE)


def _normal(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower().strip()


def _matches(fragments: tuple[str, ...], text: str, words: list[str]) -> bool:
    for frag in fragments:
        if frag.startswith("="):
            if frag[1:] in words:
                return True
        elif frag.startswith("^"):
            f = frag[1:]
            if text.startswith(f) or any(w.startswith(f) for w in words) or f" {f}" in text:
                return True
        elif frag in text:
            return True
    return False


@functools.lru_cache(maxsize=4096)
def room_type(name: str) -> str:
    """The room type (planner.model.plan.ROOM_TYPES) a room name stands for; "other" when unknown.

    A name that says both bathroom and WC ("Bad/WC", "Dusj/WC", "Bathroom/WC", "Bath/Toilet") is a bathroom
    with a toilet in it, not a separate WC. Areas and sizes in the label ("Gang 7,5 m²") are not part of it."""
    text = _normal(clean_name(name))
    words = re.findall(r"[\w'.-]+", text)
    for kind, fragments in _TYPE_WORDS:
        if _matches(fragments, text, words):
            if kind == "wc" and _matches(_BATHROOM_WORDS, text, words):
                return "bathroom"
            return kind
    return "other"


# an area or a size written into a room's label: "7,5 m²", "BRA 12 m2", "(3,2 x 4,1 m)", "855 SQ. FT."
_NUMBER = r"\d+(?:[.,]\d+)?(?:\s*'\s*(?:\d+(?:[.,]\d+)?\s*\"?)?|\")?"   # 7,5 · 12'6 · 14' · 30"
_AREA_OR_SIZE = re.compile(
    rf"[\s,;:(\[-]*(?:(?:bra|p-rom|s-rom|a|area)\s*[=:]?\s*)?{_NUMBER}\s*"
    rf"(?:(?:m2|m²|mq|kvm|sq\.?\s*ft\.?|sf)(?!\w)\.?|[x×]\s*{_NUMBER}\s*(?:mm|cm|m(?!\w))?)[)\]]?",
    re.IGNORECASE)


def clean_name(label: str) -> str:
    """A room label without the area or size written into it ("Gang 7,5 m²" -> "Gang"); a label that is only an
    area or a size becomes ""."""
    return re.sub(r"\s{2,}", " ", _AREA_OR_SIZE.sub("", label)).strip(" ,;:-")


_FURNITURE = re.compile(r"^(light |work|drafting |dining |coffee )?(table|desk|shelf|shelves|bench|workbench|rack|"
                        r"cabinet|locker|lockers|counter|chair|sofa|couch|printer|printers|bord|tisch|mesa|tavolo|"
                        r"skrivebord|hylle|reol|stol)s?$", re.IGNORECASE)


def is_furniture(text: str) -> bool:
    """True for labels that name a piece of furniture ("Table", "Worktable", "Shelf"), not a room."""
    return bool(_FURNITURE.match(_normal(text)))


def furniture_outlines(polygons: list[Polygon], texts: list[tuple[float, float, str, str | None]],
                       roles: dict[str, str]) -> list[bool]:
    """For each outline: True when the texts inside it all name furniture (a table drawn on a room layer)."""
    usable = [(x, y, s) for x, y, s, lay in texts if roles.get(lay or "0") != "ignore" and not is_measure(s)]
    labels: list[list[str]] = [[] for _ in polygons]
    if usable and polygons:
        ti, pi = shapely.STRtree(polygons).query(shapely.points([(x, y) for x, y, _ in usable]), predicate="within")
        for t_i, p_i in zip(ti, pi):
            labels[p_i].append(usable[t_i][2])
    return [bool(ls) and all(is_furniture(s) for s in ls) for ls in labels]


_AREA = re.compile(r"^(?:(?:mq|a|bra|area)\s*[=:]\s*)?(\d+(?:[.,]\d+)?)\s*(m2|m²|mq|sq\.?\s*ft\.?|sf)?$", re.IGNORECASE)
_SQ_FT_M2 = 0.09290304


def label_area_m2(text: str) -> float | None:
    """The floor area an area label states, in m² ("mq=28.51", "10 m2", "855 SQ. FT."); None for other texts
    and for bare numbers, which may be anything."""
    m = _AREA.match(text.strip())
    if not m or not (m.group(2) or re.match(r"(?i)^(mq|a|bra|area)\s*[=:]", text.strip())):
        return None
    value = float(m.group(1).replace(",", "."))
    unit = (m.group(2) or "").lower()
    return value * _SQ_FT_M2 if unit.startswith("s") else value


def _labelled_outlines(outlines: list[tuple[np.ndarray, str | None]],
                       texts: list[tuple[float, float, str, str | None]],
                       roles: dict[str, str]) -> list[tuple[Polygon, str, float]]:
    """Closed outlines on layers of no room role with an area label inside: [(polygon, layer, label m²)]."""
    labels = [(x, y, a) for x, y, t, lay in texts
              if roles.get(lay or "0") != "ignore" and (a := label_area_m2(t)) is not None and a > 0]
    if not labels:
        return []
    found = [(Polygon(pts), lay or "0") for pts, lay in outlines
             if roles.get(lay or "0") not in ("ignore", "rooms") and len(pts) >= 3]
    found = [(poly, lay) for poly, lay in found if poly.is_valid and poly.area > 0]
    if not found:
        return []
    ti, pi = shapely.STRtree([poly for poly, _ in found]).query(
        shapely.points([(x, y) for x, y, _ in labels]), predicate="within")
    return [(*found[k], labels[t][2]) for t, k in sorted(zip(ti.tolist(), pi.tolist()), key=lambda tk: tk[1])]


def area_label_scales(outlines: list[tuple[np.ndarray, str | None]],
                      texts: list[tuple[float, float, str, str | None]], roles: dict[str, str]) -> list[float]:
    """For each closed outline with an area label inside, the millimetres per drawing unit at which its area
    is the stated one: evidence of the drawing's unit that needs no door."""
    return [math.sqrt(label_m2 * 1e6 / poly.area) for poly, _, label_m2 in _labelled_outlines(outlines, texts, roles)]


def area_labelled_outlines(outlines: list[tuple[np.ndarray, str | None]],
                           texts: list[tuple[float, float, str, str | None]], roles: dict[str, str], *,
                           share: float = 0.02) -> list[tuple[Polygon, str]]:
    """Closed outlines (mm) on layers of no room role whose area is the area label inside them (within share):
    a room drawn on a layer with another name ("propspetti"), told apart from frames and furniture by its
    stated size. Returns [(polygon, layer)], each outline once."""
    out, seen = [], set()
    for poly, lay, label_m2 in _labelled_outlines(outlines, texts, roles):
        area_m2 = poly.area / 1e6
        if id(poly) not in seen and MIN_ROOM_M2 <= area_m2 <= MAX_ROOM_M2 and abs(area_m2 - label_m2) <= share * label_m2:
            seen.add(id(poly))
            out.append((poly, lay))
    return out


def is_measure(text: str) -> bool:
    """True for labels that are sizes or areas ("10 m2", "13'6 x 14'", "mq=28.51"), not names."""
    return bool(_MEASURE.match(text.strip()))


def outline_polygons(outlines: list[tuple[np.ndarray, str | None]], roles: dict[str, str], *,
                     tolerance_mm: float) -> tuple[list[tuple[Polygon, str]], int]:
    """Valid, room-sized closed outlines on room layers, without duplicates. Returns ([(polygon, layer)], rejected)."""
    out, seen, rejected = [], set(), 0
    for pts, layer in outlines:
        if roles.get(layer or "0") != "rooms":
            continue
        poly = Polygon(pts)
        if not poly.is_valid:
            poly = poly.buffer(0)
        if not isinstance(poly, Polygon) or not (MIN_ROOM_M2 <= poly.area / 1e6 <= MAX_ROOM_M2):
            rejected += 1
            continue
        key = (round(poly.centroid.x / tolerance_mm), round(poly.centroid.y / tolerance_mm), round(poly.area / 1e4))
        if key in seen:
            continue
        seen.add(key)
        out.append((poly, layer or "0"))
    return out, rejected


WALLS_INSIDE_SHARE = 0.3    # an outline with wall lines inside it this long (share of its perimeter) is no room
WALL_CLEARANCE_MM = 200.0   # ...counting only wall lines farther than this inside its edge
NESTED_SHARE = 0.5          # ...nor one whose area is at least half covered by two or more outlines inside it


def area_outlines(polygons: list[Polygon], wall_seg: np.ndarray) -> list[bool]:
    """For each closed outline (mm): is it the outline of an area — a flat, a building's gross or net area, an
    area scheme — rather than of a room? It is when wall lines run through its inside (at least 0.3 of its
    perimeter's length of them, farther than 200 mm from its edge: a room has walls only at its edge), or when two or more of the
    other outlines lie inside it and cover at least half of it."""
    if not polygons:
        return []
    out = [False] * len(polygons)
    inner = [p.buffer(-WALL_CLEARANCE_MM) for p in polygons]
    if len(wall_seg):
        walls = shapely.linestrings(wall_seg.reshape(-1, 2, 2))
        tree = shapely.STRtree(walls)
        pi, wi = tree.query(inner, predicate="intersects")
        inside = np.zeros(len(polygons))
        if len(pi):
            np.add.at(inside, pi, shapely.length(shapely.intersection(walls[wi], np.array(inner, dtype=object)[pi])))
        for k, poly in enumerate(polygons):
            out[k] = bool(inside[k] >= WALLS_INSIDE_SHARE * poly.length)
    tree = shapely.STRtree(polygons)
    a, b = tree.query(polygons, predicate="contains")
    areas = shapely.area(np.array(polygons, dtype=object))
    keep = (a != b) & (areas[b] < 0.95 * areas[a])      # not the same outline drawn twice
    covered = np.zeros(len(polygons))
    count = np.zeros(len(polygons), dtype=int)
    np.add.at(covered, a[keep], areas[b[keep]])
    np.add.at(count, a[keep], 1)
    for k in range(len(polygons)):
        if count[k] >= 2 and covered[k] >= NESTED_SHARE * areas[k]:
            out[k] = True
    return out


# door/window size codes, grid bubbles, and a flat's type in a schedule ("TYPE 'B1'", "Type C")
_TAG = re.compile(r"^\d{4}(\s|$)|^[a-z]\d$|^\d{1,2}$|^[a-z]-[a-z]$|^\d+\s*[\"']|^type(\s+|\s*['\"])[a-z0-9]{1,3}['\"]?$",
                  re.IGNORECASE)


# spaces with a name but no type of their own: still room names, not notes
_OTHER_ROOMS = re.compile(r"garage|garasje|carport|porch|deck\b|patio|terrace|terrasse|veranda|balcon|altan|"
                          r"laundry|utility|util\.|vaskerom|teknisk|mudroom|sunroom|atelier|workshop|værksted|"
                          r"lab\b|office|bureau|classroom|salle|aula", re.IGNORECASE)


def is_note(text: str) -> bool:
    """True for texts that are not room names: notes (long sentences), door/window size codes ("2668",
    "6068 S.G.D."), grid bubbles ("A6"), attribute tags ("ID_PIECE")."""
    words = text.split()
    attribute_tag = re.fullmatch(r"[A-Z0-9]+_[A-Z0-9_]+", text.strip())   # a block attribute's tag: "ID_PIECE"
    return len(words) > 5 or len(text) > 40 or bool(_TAG.match(text.strip())) or bool(attribute_tag)


def _name_rank(text: str, role: str) -> int | None:
    """How good a room name a text is (lower is better), None when it is no name at all.

    0: a name of a known room type on a text/room/unnamed layer; 1: a known room type on a layer guessed to
    hold annotation (room names often sit on a notes layer, "A-NOTE"); 2: another short text on a text/room
    layer. Other texts on annotation layers are not names ("ID_PIECE", "WH").
    """
    if is_measure(text) or is_note(text):
        return None
    typed = room_type(text) != "other" or (len(text.split()) <= 3 and bool(_OTHER_ROOMS.search(text)))
    if role != "ignore":
        return 0 if typed else 2
    return 1 if typed else None


def name_rooms(polygons: list[Polygon], texts: list[tuple[float, float, str, str | None]],
               roles: dict[str, str], layer_names: list[str | None] | None = None, *,
               join: bool = False) -> list[tuple[str, str, list]]:
    """For each polygon (name, type, why): from the texts inside it, the best by _name_rank, typed by it; why is a
    text to render (planner.i18n.said).

    join: several names of a known type in one face of the walls are joined ("GREAT ROOM / DINING ROOM /
    KITCHEN": one open-plan room, or two rooms whose wall did not close, which the joined name shows); an
    outline drawn as a room keeps the first.

    A room on a layer named after the room ("Room - Kitchen") takes that name when no text is inside.
    Texts on layers the user set to ignore are gone before this (extract.without_layers).
    """
    ranked = [(x, y, s, _name_rank(s, roles.get(lay or "0", "unknown"))) for x, y, s, lay in texts]
    usable = [(x, y, s, r) for x, y, s, r in ranked if r is not None]
    inside: list[list[tuple[int, str]]] = [[] for _ in polygons]
    if usable and polygons:
        tree = shapely.STRtree(polygons)
        pts = shapely.points([(x, y) for x, y, _, _ in usable])
        ti, pi = tree.query(pts, predicate="within")
        for t_i, p_i in sorted(zip(ti, pi)):
            inside[p_i].append((usable[t_i][3], usable[t_i][2]))
    result = []
    for k, labels in enumerate(inside):
        layer = (layer_names or [None] * len(polygons))[k]
        best = min((r for r, _ in labels), default=None)
        if best is not None:
            names = list(dict.fromkeys(clean_name(s) or s for r, s in labels if r == best))
            joined = names[:3] if join and best <= 1 else names[:1]
            name = " / ".join(joined)
            # a face holding several rooms' names is typed by its first name of a room someone lives in: "PANTRY /
            # LIVING / BED" is a living room, not a store whose floor no check looks at (the doubt of two names in
            # one room says it is unsure)
            kinds = [room_type(n) for n in joined]
            kind = next((k for k in kinds if k not in MINOR_ROOM_TYPES), kinds[0])
            why = said("imp.room.named_by_text", text=repr(name))
        elif layer and re.match(r"(?i)^(room|rom|rum|space)\s*[-_:]\s*\S", layer):
            name = re.split(r"\s*[-_:]\s*", layer, maxsplit=1)[1]
            kind = room_type(name)
            why = said("imp.room.named_by_layer", layer=repr(layer))
        else:
            name, kind, why = "", "other", said(NO_TEXT_INSIDE)
        result.append((name[:80], kind, why))
    return result


def shape_ok(poly: Polygon, *, min_area_m2: float = 1.0, min_width_mm: float = 550.0) -> bool:
    """A face of the wall drawing that can be a room: big enough and wider than a wall.

    The width is the diameter of the largest circle inside the face: a strip between the two lines of a wall (or
    between wall lines of an AutoCAD Architecture drawing whose walls are proxy objects) is at most a wall thick,
    500 mm for old masonry, where the narrowest closet is 600 mm. The mean width 2·area/perimeter (about the short
    side of a long thin face) is a cheap first test.
    """
    area = poly.area
    if not (min_area_m2 * 1e6 <= area <= MAX_ROOM_M2 * 1e6):
        return False
    mean = area / poly.length
    if 2 * mean < min_width_mm / 2:
        return False
    if mean >= min_width_mm / 2:
        # every point of a face whose inscribed circle had radius r lies within r of its edge, so its area is at
        # most r·perimeter: r is at least area/perimeter, and the circle need not be found
        return True
    return 2 * shapely.maximum_inscribed_circle(poly, tolerance=10.0).length >= min_width_mm
