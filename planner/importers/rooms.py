"""Rooms: outlines on room layers, named by the text inside them, typed from the name in several languages."""
from __future__ import annotations

import functools
import re
import unicodedata

import numpy as np
import shapely
from shapely.geometry import Point, Polygon

from planner.model import ROOM_TYPES

MIN_ROOM_M2, MAX_ROOM_M2 = 0.8, 1500.0

# room type -> name fragments. Checked in order (bathroom before bedroom: "master bath").
# Entries starting with "=" must be a whole word, "^" must start a word; others may sit inside a compound ("hovedsoverom").
_TYPE_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("wc", ("=wc", "toalett", "toilet", "^restroom", "washroom", "^lavatory", "sanitaire", "^cloak", "^powder",
            "^gjeste-wc", "^servizi", "^aseo", "^bagno di servizio")),
    ("bathroom", ("=bad", "baderom", "bathroom", "=bath", "badeværelse", "salle de bain", "salle d'eau",
                  "^bagno", "^baño", "badezimmer", "^ensuite", "^en-suite", "^en suite", "^shower", "=dusj",
                  "våtrom", "^vatrom")),
    ("kitchen", ("kjøkken", "kjokken", "kitchen", "køkken", "cuisine", "cucina", "küche", "kuche", "cocina",
                 "kitchenette", "^pantry kitchen")),
    ("bedroom", ("soverom", "bedroom", "=bed", "sovevær", "soveværelse", "^chambre", "^camera",
                 "schlafzimmer", "^dormitorio", "^master", "^sove", "^guest room", "^gjesterom")),
    ("living", ("stue", "^living", "^lounge", "^family", "^great room", "^séjour", "^sejour", "^salon",
                "soggiorno", "wohnzimmer", "^opphold", "^tv room", "^tv-stue", "^dining", "^spise",
                "^allrom", "^sitting", "^study", "^kontor", "^office", "^arbeidsrom", "^gym")),
    ("hall", ("=gang", "inngang", "entré", "=entre", "=hall", "hallway", "corridor", "korridor", "vindfang",
              "^entrance", "^entry", "^foyer", "^dégagement", "^degagement", "^couloir", "^flur", "^diele",
              "^pasillo", "^ingresso", "^disimpegno", "^circulation", "^landing", "^passage")),
    ("storage", ("=bod", "^storage", "^lager", "=store", "^pantry", "^closet", "^wardrobe", "^w.i.c",
                 "^walk in", "^walk-in", "^garderobe", "^rangement", "^ripostiglio", "^abstell", "^despensa",
                 "^coats", "=skap", "^boden")),
    ("common", ("trapperom", "^stair", "^felles", "fællesrum", "^lobby", "^escalier", "^trappe", "=lift",
                "^elevator", "=heis", "^oppgang", "^treppe", "^scala", "^escalera")),
]
_MEASURE = re.compile(r"^[\s\d.,=:x×'\"/+-]*(m2|m²|mq|sq\.?\s*ft\.?|sf|ft|m|cm|mm)?[\s\d.,=:x×'\"/+-]*$|"
                      r"^(h|mq|a|bra|p-rom|s-rom)\s*[=:]", re.IGNORECASE)


def _normal(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower().strip()


@functools.lru_cache(maxsize=4096)
def room_type(name: str) -> str:
    """The room type (planner.model.ROOM_TYPES) a room name stands for; "other" when unknown."""
    text = _normal(name)
    words = re.findall(r"[\w'.-]+", text)
    for kind, fragments in _TYPE_WORDS:
        for frag in fragments:
            if frag.startswith("="):
                if frag[1:] in words:
                    return kind
            elif frag.startswith("^"):
                f = frag[1:]
                if text.startswith(f) or any(w.startswith(f) for w in words) or f" {f}" in text:
                    return kind
            elif frag in text:
                return kind
    return "other"




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


def name_rooms(polygons: list[Polygon], texts: list[tuple[float, float, str, str | None]],
               roles: dict[str, str], layer_names: list[str | None] | None = None) -> list[tuple[str, str, str]]:
    """For each polygon (name, type, why): from the text inside it, preferring a name whose type is known.

    A room on a layer named after the room ("Room - Kitchen") takes that name when no text is inside.
    """
    usable = [(x, y, s) for x, y, s, lay in texts if roles.get(lay or "0") not in ("ignore",)]
    inside: list[list[str]] = [[] for _ in polygons]
    if usable and polygons:
        tree = shapely.STRtree(polygons)
        pts = shapely.points([(x, y) for x, y, _ in usable])
        ti, pi = tree.query(pts, predicate="within")
        for t_i, p_i in sorted(zip(ti, pi)):
            inside[p_i].append(usable[t_i][2])
    result = []
    for k, labels in enumerate(inside):
        names = [s for s in labels if not is_measure(s)]
        typed = [s for s in names if room_type(s) != "other"]
        layer = (layer_names or [None] * len(polygons))[k]
        if typed:
            name = typed[0]
            why = f"named by the text {name!r} inside"
        elif names:
            name = names[0]
            why = f"named by the text {name!r} inside"
        elif layer and re.match(r"(?i)^(room|rom|rum|space)\s*[-_:]\s*\S", layer):
            name = re.split(r"\s*[-_:]\s*", layer, maxsplit=1)[1]
            why = f"named after its layer {layer!r}"
        else:
            name, why = "", "no text inside"
        result.append((name[:80], room_type(name) if name else "other", why))
    return result


def shape_ok(poly: Polygon, *, min_area_m2: float = 1.0, min_width_mm: float = 450.0) -> bool:
    """A face of the wall drawing that can be a room: big enough and not a wall-thickness sliver.

    The mean width 2·area/perimeter is about the short side of a long thin face.
    """
    area = poly.area
    if not (min_area_m2 * 1e6 <= area <= MAX_ROOM_M2 * 1e6):
        return False
    return 2 * area / poly.length >= min_width_mm / 2
