"""Drawing units and their size in millimetres; the only place a DXF unit becomes a millimetre."""
from __future__ import annotations

from planner.i18n import register, said

MM_PER_UNIT: dict[str, float] = {"mm": 1.0, "cm": 10.0, "m": 1000.0, "in": 25.4, "ft": 304.8}
UNIT_NAMES = {"mm": "millimetres", "cm": "centimetres", "m": "metres", "in": "inches", "ft": "feet"}
register({f"units.{code}": {"en": name, "nb": nb} for (code, name), nb in
          zip(UNIT_NAMES.items(), ("millimeter", "centimeter", "meter", "tommer", "fot"))})
# $INSUNITS codes (DXF reference, HEADER section) for the units a floor plan is drawn in.
INSUNITS_TO_UNIT = {1: "in", 2: "ft", 4: "mm", 5: "cm", 6: "m"}
INSUNITS_NAMES = {0: "unitless", 1: "inches", 2: "feet", 3: "miles", 4: "millimetres", 5: "centimetres",
                  6: "metres", 7: "kilometres", 8: "microinches", 9: "mils", 10: "yards"}


def parse_unit(text: str) -> str:
    """The canonical unit name for text like "mm", "Meter", "inch", "feet"; ValueError when unknown."""
    key = text.strip().lower().rstrip(".")
    aliases = {"millimetre": "mm", "millimeter": "mm", "millimetres": "mm", "millimeters": "mm",
               "centimetre": "cm", "centimeter": "cm", "centimetres": "cm", "centimeters": "cm",
               "metre": "m", "meter": "m", "metres": "m", "meters": "m",
               "inch": "in", "inches": "in", '"': "in", "foot": "ft", "feet": "ft", "'": "ft"}
    key = aliases.get(key, key)
    if key not in MM_PER_UNIT:
        raise ValueError(f"Unknown unit {text!r}; use one of: {', '.join(MM_PER_UNIT)}.")
    return key


def unit_name(unit: str) -> list:
    """The unit's name as a text to render (planner.i18n.said): "millimetres", "millimeter"."""
    return said(f"units.{unit}")
