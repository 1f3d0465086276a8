"""The one way a number a person typed (or a quote holds) comes in: Norwegian and English forms, a unit, a range.

    "1200", "1 200", "1 200,50", "1.200,50", "1,200.50", "1,5", "1.5", "86 cm", "0,9 m", "22 000 kr", "40 250,-"

"1.200" and "1,200" (one separator, then three digits) mean 1200 in one language and 1.2 in the other: they are
refused with a sentence asking which, never guessed. Anything else that is not a number is refused with one
sentence in the user's language (`NumberError.message(lang)`); the caller keeps the value it had before.
The ranges per field are one table, `planner.project.measurements.FIELD_RANGES`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from planner.i18n import register, t
from planner.model.plan import PlanError

MAX_CHARS = 40            # nobody types a longer number; longer text is refused before it is looked at
# unit typed -> (the field's unit it fits, factor to that unit)
UNITS = {"mm": ("mm", 1.0), "cm": ("mm", 10.0), "m": ("mm", 1000.0),
         "kr": ("nok", 1.0), "nok": ("nok", 1.0), ",-": ("nok", 1.0), "kr.": ("nok", 1.0)}
SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
_UNIT = re.compile(r"^(?:(?P<before>kr\.?|nok)\s*)?(?P<body>.*?)\s*(?P<unit>mm|cm|m|kr\.?|nok|,-)?$", re.IGNORECASE)
_SIGN = re.compile(r"^(?P<sign>[-+\u2212]?)\s*(?P<digits>.*)$")
_PLAIN = re.compile(r"\d+", re.ASCII)
_SPACED = re.compile(r"[1-9]\d{0,2}( \d{3})+", re.ASCII)                       # 1 200 000
_DECIMAL = re.compile(r"(?P<int>\d+|[1-9]\d{0,2}( \d{3})+)(?P<sep>[.,])(?P<frac>\d+)", re.ASCII)   # 1,5  1.5  1 200,50
_GROUPED = re.compile(r"[1-9]\d{0,2}(?P<sep>[.,])\d{3}(?:(?P=sep)\d{3})*", re.ASCII)              # 1.200.000  1,200,000
_BOTH = re.compile(r"[1-9]\d{0,2}(?P<group>[.,])\d{3}(?:(?P=group)\d{3})*(?P<dec>[.,])\d+", re.ASCII)  # 1.200,50  1,200.50

register({
    "num.not_number": {
        "en": "{what}: “{value}” is not a number; type digits, e.g. {example}.",
        "nb": "{what}: «{value}» er ikke et tall; skriv sifre, f.eks. {example}."},
    "num.ambiguous": {
        "en": "{what}: “{value}” can mean {thousands} or {decimal}; type {thousands_typed} or {decimal_typed}.",
        "nb": "{what}: «{value}» kan bety {thousands} eller {decimal}; skriv {thousands_typed} eller "
              "{decimal_typed}."},
    "num.range": {
        "en": "{what}: {number} {unit} is outside {low}–{high} {unit}; check the number and its unit.",
        "nb": "{what}: {number} {unit} er utenfor {low}–{high} {unit}; sjekk tallet og enheten."},
    "num.whole": {
        "en": "{what}: {number} is not a whole number; type a whole number.",
        "nb": "{what}: {number} er ikke et helt tall; skriv et helt tall."},
    "num.unit": {
        "en": "{what}: “{value}” is in {typed}, which does not fit here; give {unit}.",
        "nb": "{what}: «{value}» er i {typed}, som ikke passer her; oppgi {unit}."},
    "num.kept": {"en": "The value before it is kept.", "nb": "Verdien fra før beholdes."},
    "num.unit.mm": {"en": "millimetres", "nb": "millimeter"},
    "num.unit.nok": {"en": "kroner", "nb": "kroner"},
    "num.unit.count": {"en": "a count", "nb": "et antall"},
    "num.unit.code": {"en": "a choice", "nb": "et valg"},
    "num.unit.short.mm": {"en": "mm", "nb": "mm"},
    "num.unit.short.nok": {"en": "kr", "nb": "kr"},
    "num.unit.short.count": {"en": "", "nb": ""},
    "num.unit.short.code": {"en": "", "nb": ""},
})


@dataclass(frozen=True, slots=True)
class FieldRange:
    """What a field accepts: low ≤ value ≤ high in unit ("mm", "nok", "count", "code"); whole: no fractions."""

    low: float
    high: float
    unit: str
    whole: bool = False


class NumberError(PlanError):
    """A typed number refused: one sentence saying what is wrong and what to type. Its `what` parameter is the
    text key of the field's name, so the sentence names the field in the user's language."""

    @classmethod
    def refuse(cls, key: str, what: str, **params) -> "NumberError":
        params = {"what": what, **params}
        return cls(cls._sentence(key, "en", params), key, params)

    @staticmethod
    def _sentence(key: str, lang: str, params: dict) -> str:
        shown = dict(params)
        shown["what"] = t(params["what"], lang) if params.get("what") else ""
        if params.get("element"):                       # "D2 threshold: …"
            shown["what"] = f"{params['element']} {shown['what']}"
        for name in ("unit", "typed"):
            if name in shown:
                shown[name] = t(f"num.unit.{'short.' if key == 'num.range' else ''}{shown[name]}", lang) \
                    if shown[name] in ("mm", "nok", "count", "code") else shown[name]
        sentence = t(key, lang, **shown)   # a unit-less field leaves a gap where its unit would be
        return re.sub(r" +([;.,])", r"\1", re.sub(r"  +", " ", sentence))

    def message(self, lang: str) -> str:
        return self._sentence(self.key, lang, self.params)


def fmt_number(number: float, lang: str = "nb", decimals: int = 6) -> str:
    """A number as it is written in lang and read back by this module: thousands spaced, a decimal comma in
    Norwegian (a point in English), and a fraction only when there is one (at most `decimals` places)."""
    text = f"{number:.{decimals}f}"
    if "." in text:   # only a fraction's trailing zeros go: 50 rounded to no decimals stays 50
        text = text.rstrip("0").rstrip(".")
    whole, frac = text.partition(".")[::2]
    sign = "-" if whole.startswith("-") and (whole.strip("-0") or frac) else ""
    whole = f"{int(whole.lstrip('-') or 0):,}".replace(",", " ")
    return f"{sign}{whole}{',' if lang == 'nb' else '.'}{frac}" if frac else f"{sign}{whole}"


def _plain(number: float) -> str:
    return fmt_number(number, "nb")


def _read(body: str) -> float | tuple[float, float] | None:
    """The value of a number's digits and separators; (thousands, decimal) when it can be read both ways; None
    when it is not a number."""
    if _PLAIN.fullmatch(body) or _SPACED.fullmatch(body):
        return float(body.replace(" ", ""))
    both = _BOTH.fullmatch(body)
    if both and both["group"] != both["dec"]:
        return float(body.replace(both["group"], "").replace(both["dec"], "."))
    grouped = _GROUPED.fullmatch(body)
    if grouped:
        parts = body.split(grouped["sep"])
        if len(parts) > 2:            # a decimal separator comes once: 1.200.000 groups thousands
            return float("".join(parts))
        return float("".join(parts)), float(".".join(parts))
    decimal = _DECIMAL.fullmatch(body)
    if decimal:
        return float(f"{decimal['int'].replace(' ', '')}.{decimal['frac']}")
    return None


def parse_number(value, what: str, limits: FieldRange, element: str = "") -> float:
    """The number in `value` (text as typed, or a number) in the field's unit, within its range.

    what: the text key of the field's name, element: the id of what it belongs to (both for the sentence).
    Raises NumberError with one sentence otherwise.
    """
    try:
        return _parse(value, limits)
    except _Refused as refused:
        raise NumberError.refuse(refused.key, what, element=element, **refused.params) from None


class _Refused(Exception):
    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key, self.params = key, params


def _parse(value, limits: FieldRange) -> float:
    example = _example(limits)
    if isinstance(value, bool) or value is None:
        raise _Refused("num.not_number", value=str(value), example=example)
    if isinstance(value, (int, float)):
        number = float(value)
        if not math.isfinite(number):
            raise _Refused("num.not_number", value=str(value), example=example)
        return _in_range(number, limits)
    text = SPACES.sub(" ", str(value)).strip()
    shown = text[:MAX_CHARS] + ("…" if len(text) > MAX_CHARS else "")
    if not text or len(text) > MAX_CHARS:
        raise _Refused("num.not_number", value=shown, example=example)
    match = _UNIT.match(text)
    body, unit = match["body"].strip(), (match["unit"] or match["before"] or "").lower()
    if match["unit"] and match["before"]:       # "kr 100 kr"
        raise _Refused("num.not_number", value=shown, example=example)
    if unit == ",-" and not body:
        unit, body = "", text
    factor = 1.0
    if unit:
        fits, factor = UNITS[unit]
        if fits != limits.unit:
            raise _Refused("num.unit", value=shown, typed="kr" if fits == "nok" else unit,
                                     unit=limits.unit)
    sign = _SIGN.match(body)
    negative = sign["sign"] in ("-", "\u2212")
    read = _read(sign["digits"])
    if read is None:
        raise _Refused("num.not_number", value=shown, example=example)
    if isinstance(read, tuple):
        thousands, decimal = (n * factor * (-1 if negative else 1) for n in read)
        raise _Refused("num.ambiguous", value=shown, thousands=_plain(thousands),
                                 decimal=_plain(decimal), thousands_typed=_plain(thousands),
                                 decimal_typed=_plain(decimal))
    number = read * factor * (-1 if negative else 1)
    return _in_range(number, limits)


def _example(limits: FieldRange) -> str:
    """A number to show as an example: a usual one for the unit when it fits the field, else the middle."""
    usual = {"mm": 860, "nok": 12_500, "count": 2, "code": 1}.get(limits.unit, 1)
    if limits.low <= usual <= limits.high:
        return fmt_number(usual)
    return fmt_number(round((limits.low + limits.high) / 2, -1 if limits.high - limits.low >= 100 else 0))


def _in_range(number: float, limits: FieldRange) -> float:
    if not limits.low <= number <= limits.high:
        raise _Refused("num.range", number=_plain(number), low=_plain(limits.low),
                                 high=_plain(limits.high), unit=limits.unit)
    if limits.whole and number != int(number):
        raise _Refused("num.whole", number=_plain(number))
    return number + 0.0   # -0.0 becomes 0.0
