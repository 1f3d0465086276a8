"""Guess what each layer holds (walls, doors, rooms, labels, fixtures) and what each block is, by name."""
from __future__ import annotations

import re

from planner.i18n import register, said

ROLES = ("walls", "doors", "rooms", "labels", "fixtures", "ignore")
UNKNOWN = "unknown"
SET_BY_USER, WALLS_BY_DEFAULT = "imp.layer.by_user", "imp.layer.walls_by_default"   # text keys of a role's why

# (role, name pattern, text key of what the name looks like). Checked in order; the first match wins.
# Names are matched without case, after the bound-xref prefix
# ("xref-House$0$A-WALL" -> "A-WALL") and exporter suffix numbers are removed.
_LAYER_PATTERNS: list[tuple[str, str, str]] = [
    # axis and grid lines span the drawing: never walls
    ("ignore", r"axis|axes|\baxe\b|achse|akse|grid|raster\b|轴线|軸線|轴网|軸網|グリッド|通り芯|centre ?line|"
               r"center ?line|s-grid|a-grid|基準線|基准线", "imp.layer.axis"),
    # outlines of the gross or net area of a building or flat (an area scheme), not of rooms
    ("ignore", r"gross|\bgia\b|\bnia\b|\bgea\b|\bnla\b|\bbra\b|\bbta\b|\bnta\b|\bbya\b|area[-_ ]?scheme|"
               r"bruksareal|bruttoareal|nettoareal|a-area-gros|a-area-rent|rentable|usable area|footprint|"
               r"面积|面積", "imp.layer.area_outline"),
    ("ignore", r"dim|defpoint|hatch|grid|title|viewport|view port|border|frame|ramme|topograph|contour|"
               r"plant|vegetation|tree|landscap|roof|tak\b|tetto|project|overhang|truss|joist|footer|"
               r"footing|slab|beam|steel|hidden|detail|note|symbol|power|elec|ufh|manifold|section|snitt|"
               r"furniture hatch|texture|nivel|level|cancel|axis|akse|^temp|teppe|flooring|carpet|"
               r"a-anno|setting out|stem|virtual|prospett|elevation|fasade|façade|facade|schnitt|coupe|"
               r"garage|stair|trapp|escalier|treppe|scala|escalera|階段|楼梯|屋根|寸法|柱", "imp.layer.ignore"),
    ("labels", r"a-area-iden|iden|text|tekst|texte|label|name|navn|nom|romnavn|rom-navn|annotation|anntext",
               "imp.layer.labels"),
    ("rooms", r"a-area|\barea|areal|zone|zind|room|\brom\b|space|rum\b|piece|pièce|locale|stanza", "imp.layer.rooms"),
    ("doors", r"door|d[øo]r|tür|tuer|porte|puerta|porta|aperture|opening|åpning|apertura|a-door|a-glaz-door|"
              r"header|"
              r"a315|a325|a-315|a-325|\b234\b|\b23[45]\d?\b|建具|ドア|扉", "imp.layer.doors"),
    ("fixtures", r"fixt|fitting|sanit|plumb|p-fixt|kitc|kitchen|kjøkken|equip|inventar|innredning|"
                 r"furniture|møbel|mobel|a-flor|appliance|casework|case", "imp.layer.fixtures"),
    ("walls", r"wall|vegg|mur|muratura|wand|mauer|paroi|cloison|pared|tabique|partition|a-wall|structure|"
              r"a210|a-210|a220|a-220|\b22\d\b|\b23[12]\b|konstruk|bærende|window|vindu|glaz|glass|crystal|fenster|fenetre|finestra|ventana|a310|壁|窓", "imp.layer.walls"),
]
register({
    "imp.layer.named": {"en": "the name {layer} looks like {what}", "nb": "navnet {layer} tyder på {what}"},
    "imp.layer.unnamed": {"en": "nothing in the name {layer} says what it holds",
                          "nb": "ingenting i navnet {layer} sier hva laget inneholder"},
    "imp.layer.ignore": {"en": "annotation, site, structure or a garage door drawn for other purposes",
                         "nb": "merknader, tomt, bæresystem eller en garasjeport, tegnet for andre formål"},
    "imp.layer.axis": {"en": "axis or grid lines, which span the drawing and are no walls",
                       "nb": "akse- eller rutenettlinjer, som går over hele tegningen og ikke er vegger"},
    "imp.layer.area_outline": {"en": "outlines of a gross or net area (an area scheme), not of rooms",
                               "nb": "omriss av brutto- eller nettoareal (en arealoppstilling), ikke av rom"},
    "imp.layer.labels": {"en": "a text layer", "nb": "et tekstlag"},
    "imp.layer.rooms": {"en": "a room/area layer", "nb": "et lag for rom eller arealer"},
    "imp.layer.doors": {"en": "a door layer", "nb": "et lag for dører"},
    "imp.layer.fixtures": {"en": "a fixture/furniture layer", "nb": "et lag for innredning eller møbler"},
    "imp.layer.walls": {"en": "a wall or window layer (closes the wall line)",
                        "nb": "et lag for vegger eller vinduer (lukker vegglinjen)"},
    SET_BY_USER: {"en": "set by the user", "nb": "valgt av brukeren"},
    WALLS_BY_DEFAULT: {"en": "no layer is named for walls, so unnamed layers are read as walls",
                       "nb": "ingen lag har et navn som tyder på vegger, så lag uten kjent navn leses som vegger"},
})
_COMPILED = [(role, re.compile(p, re.IGNORECASE), why) for role, p, why in _LAYER_PATTERNS]

_DOOR_BLOCK = re.compile(r"door|d[øo]r|tür|tuer|porte?\b|porte[-_ ]|puerta|porta|dörr|ovi|deur|"
                         r"^d\d|[-_ ]d\d|a-door|slid|sldr|bifold|^bf\d|skyve|pocket|schiebe", re.IGNORECASE)
_NOT_DOOR_BLOCK = re.compile(r"window|vindu|fenster|fenetre|fenêtre|ventana|finestra|garage|wardrobe|"
                             r"cabinet|skap|cupboard|handle|knob|hinge|hengsel|lever|pull|vrider|stopper|closer",
                             re.IGNORECASE)
# blocks that are furniture: their arcs are desk curves and chair backs, their lines no walls
_FURNITURE_BLOCK = re.compile(r"desk|table|\bbord|skrivebord|chair|stol\b|sofa|couch|settee|armchair|lenestol|"
                              r"workstation|work[-_ ]?station|furn|møbel|mobel|shelf|shelv|hylle|bookcase|"
                              r"wardrobe|garderobe|dresser|kommode|locker|piano|plant|conference|meeting",
                              re.IGNORECASE)
_WINDOW_BLOCK = re.compile(r"window|vindu|fenster|fenetre|fenêtre|ventana|finestra|^win\d|^w\d+$|^vin\d",
                           re.IGNORECASE)
_SLIDING_BLOCK = re.compile(r"slid|sldr|skyve|pocket|schiebe|coulissant|corredera|scorrevole", re.IGNORECASE)
_DOUBLE_BLOCK = re.compile(r"double|dobbel|dbl|2[- ]?leaf|two[- ]?leaf|doppel", re.IGNORECASE)

# fixture type -> block name pattern (Norwegian, English and common CAD library names)
_FIXTURE_BLOCKS: list[tuple[str, re.Pattern]] = [
    ("shower", re.compile(r"dusj|shower|shwr|douche|ducha|doccia|brus", re.IGNORECASE)),
    ("bath", re.compile(r"badekar|bathtub|\bbath\b|tub|baignoire|vasca|bañera|badewanne|ovalbath", re.IGNORECASE)),
    ("wc", re.compile(r"\bwc|toilet|toalett|klosett|closet-bowl|\bwc\d|p-toilet|water.?closet|wc$", re.IGNORECASE)),
    ("sink", re.compile(r"servant|\bsink|kitsink|\blav\b|lav\d|lavatory|basin|vask|lavabo|lavello|washbasin", re.IGNORECASE)),
    ("bed", re.compile(r"\bseng|\bbed\b|^bed|bed[-_ \d]|lit\b|cama|letto|bett\b", re.IGNORECASE)),
    ("kitchen", re.compile(r"kjøkken|kjokken|kitchen|range|stove|cooker|komfyr|hob|oven|fridge|kjøleskap|"
                           r"dishwasher|oppvask|benk|counter|cuisine|cucina|küche", re.IGNORECASE)),
]


def _clean_layer(name: str) -> str:
    base = name.split("$")[-1]                 # bound xref: "xref-X$0$A-WALL" -> "A-WALL"
    return re.sub(r"\s+\d+$", "", base).strip()  # exporter suffix: "A-325G - Internal Doors 6"


def guess_role(layer: str) -> tuple[str, list]:
    """(role, why) for a layer name, why a text to render (planner.i18n.said); role "unknown" when nothing in the
    name says what it holds."""
    name = _clean_layer(layer)
    for role, pattern, why in _COMPILED:
        if pattern.search(name):
            return role, said("imp.layer.named", layer=repr(layer), what=said(why))
    return UNKNOWN, said("imp.layer.unnamed", layer=repr(layer))


def is_door_block(name: str) -> bool:
    base = name.split("$")[-1]
    return bool(_DOOR_BLOCK.search(base)) and not _NOT_DOOR_BLOCK.search(base)


def is_furniture_block(name: str) -> bool:
    """A block whose name says it is furniture (a desk, a table, a wardrobe): kept as a footprint only."""
    base = name.split("$")[-1]
    return bool(_FURNITURE_BLOCK.search(base)) and not is_door_block(base)


def is_window_block(name: str) -> bool:
    return bool(_WINDOW_BLOCK.search(name.split("$")[-1]))


def is_sliding_block(name: str) -> bool:
    return bool(_SLIDING_BLOCK.search(name.split("$")[-1]))


def is_double_block(name: str) -> bool:
    return bool(_DOUBLE_BLOCK.search(name.split("$")[-1]))


def fixture_type(name: str) -> str | None:
    """The fixture type a block name stands for (planner.model.plan.FIXTURE_TYPES), or None."""
    base = name.split("$")[-1]
    if is_door_block(base):
        return None
    for kind, pattern in _FIXTURE_BLOCKS:
        if pattern.search(base):
            return kind
    return None
