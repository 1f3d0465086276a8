"""Every field of a project file checked when it opens: types, ranges and units; what cannot be kept gets a sentence.

`check_project(raw)` returns the file's contents with each section in the form it is saved in again, and the
sentences (planner.i18n.said texts) for what was left out or replaced. A section checks itself: `SECTIONS` maps
a section name to its validator `(value, notices) -> value`, and `section(name)` registers one, so a new section
(a household, a profile, an underlay) is one function. An element that cannot be read (a room outline with no
area, a door width below zero) is left out with a sentence naming it; the rest of the project is kept. Each kept
element is built and then written and read back as it will be saved, so that what opens always saves to a file
that opens again.
"""
from __future__ import annotations

import base64
import binascii
import math
from typing import Any, Callable

from shapely.errors import ShapelyError
from shapely.geometry import Polygon

from planner.i18n import TextError, register, said
from planner.model.fields import FIELD_LIMITS_MM
from planner.project.measurements import Measurement
from planner.model.plan import Door, Entrance, Fixture, PlanError, Room
from planner.model.text import text_only
from planner.model.units import MM_PER_UNIT

MAX_DEPTH = 64                 # nesting of lists and objects; the deepest a Tilpass file has is about 10
MAX_INTEGER = 10 ** 15         # any count, length or sum in kroner is far below; beyond it a number is damage
MAX_DOOR_MM = 20_000           # a door or an opening wider than 20 m is damage
MAX_NAMED = 3                  # fields named one by one in a sentence; the rest are counted
BAD = (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError, ShapelyError)

register({
    "proj.deep": {"en": "The project file is nested deeper than {depth} levels; it was not written by Tilpass.",
                  "nb": "Prosjektfilen er nøstet dypere enn {depth} nivåer; den er ikke lagret av Tilpass."},
    "proj.unreadable": {"en": "a number or nesting beyond what JSON readers take",
                        "nb": "et tall eller en nøsting større enn JSON-lesere tar"},
    "proj.no_rooms": {"en": "none of its rooms can be read", "nb": "ingen av rommene kan leses"},
    "proj.no_plan": {"en": "The project file has no plan (the field plan is missing or not an object); open an "
                           "earlier copy.",
                     "nb": "Prosjektfilen har ingen plan (feltet plan mangler eller er ikke et objekt); åpne en "
                           "tidligere kopi."},
    "proj.replaced_chars": {"en": "Some text in the project file held characters that cannot be stored; they "
                                  "are shown as �.",
                            "nb": "Noe tekst i prosjektfilen hadde tegn som ikke kan lagres; de vises som �."},
    "proj.bad_numbers": {"en": "{fields}: not a usable number (NaN, infinite or too large); left empty.",
                         "nb": "{fields}: ikke et brukbart tall (NaN, uendelig eller for stort); latt stå tomt."},
    "proj.more": {"en": "{fields} and {more} more", "nb": "{fields} og {more} til"},
    "proj.left_out": {"en": "{what} in the project file could not be read ({why}) and was left out; the rest of "
                            "the project is open.",
                      "nb": "{what} i prosjektfilen kunne ikke leses ({why}) og ble utelatt; resten av prosjektet "
                            "er åpnet."},
    "proj.field_reset": {"en": "{field} in the project file is {value}, which cannot be right ({why}); it was set "
                               "to {default}.",
                         "nb": "{field} i prosjektfilen er {value}, som ikke kan stemme ({why}); verdien ble satt "
                               "til {default}."},
    "proj.field_cleared": {"en": "{field} in the project file is {value}, which cannot be right ({why}); it was "
                                 "left empty.",
                           "nb": "{field} i prosjektfilen er {value}, som ikke kan stemme ({why}); verdien ble "
                                 "fjernet."},
    "proj.why.field_range": {"en": "{field} is {value}, outside {low}–{high} mm",
                             "nb": "{field} er {value_nb}, utenfor {low_nb}–{high_nb} mm"},
    "proj.why.type": {"en": "it is not {expected}", "nb": "det er ikke {expected_nb}"},
    "proj.why.area": {"en": "its outline encloses no area", "nb": "omrisset har ikke noe areal"},
    "proj.why.range": {"en": "outside {low}–{high}{unit}", "nb": "utenfor {low_nb}–{high_nb}{unit}"},
    "proj.why.unit": {"en": "not one of {choices}; the plan's lengths are millimetres in any case",
                      "nb": "ikke en av {choices}; lengdene i planen er millimeter uansett"},
    "proj.why.choices": {"en": "not one of {choices}", "nb": "ikke en av {choices}"},
    "proj.why.duplicate": {"en": "another element has the same id", "nb": "et annet element har samme id"},
    "proj.why.not_image": {"en": "it is not a JPEG, PNG, WebP or HEIC image",
                           "nb": "det er ikke et JPEG-, PNG-, WebP- eller HEIC-bilde"},
    "proj.why.damaged": {"en": "{error}", "nb": "{error}"},
    "proj.why.geometry": {"en": "its geometry is damaged", "nb": "geometrien er skadet"},
    "proj.why.costing": {"en": "the funding plan cannot be computed from it",
                         "nb": "finansieringsplanen kan ikke regnes ut fra det"},
    "proj.what.room": {"en": "Room {id}", "nb": "Rommet {id}"},
    "proj.what.door": {"en": "Door {id}", "nb": "Døren {id}"},
    "proj.what.fixture": {"en": "Fixture {id}", "nb": "Innredningen {id}"},
    "proj.what.field": {"en": "The field {field}", "nb": "Feltet {field}"},
    "proj.what.photo": {"en": "The photo {name}", "nb": "Bildet {name}"},
    "proj.what.measurement": {"en": "The measurement {element}.{field}", "nb": "Målingen {element}.{field}"},
    "proj.what.part": {"en": "Part of {field}", "nb": "En del av {field}"},
    "proj.why.unknown_entries": {"en": "entries this version does not know, or answers that are not one of its "
                                       "choices", "nb": "oppføringer denne utgaven ikke kjenner, eller svar som "
                                                         "ikke er blant valgene"},
    "proj.what.lines": {"en": "{n} lines in {field}", "nb": "{n} linjer i {field}"},
})

Notices = list


class Bad(ValueError):
    """An element that cannot be kept, with why (a said text)."""

    def __init__(self, why: list) -> None:
        super().__init__(why[0])
        self.why = why
SECTIONS: dict[str, Callable[[Any, Notices], Any]] = {}
EXPECTED = {dict: ("an object", "et objekt"), list: ("a list", "en liste"), str: ("text", "tekst"),
            bool: ("true or false", "sann eller usann"), float: ("a number", "et tall")}


def section(name: str):
    """Register the validator of a top-level section: `@section("household") def check(value, notices)`."""
    def add(validator: Callable[[Any, Notices], Any]):
        SECTIONS[name] = validator
        return validator
    return add


def check_project(raw: dict) -> tuple[dict, list]:
    """The project file's contents checked field by field (see the module docstring), and the sentences for
    what was left out or replaced. Raises PlanError when nothing safe remains (no plan, nested too deep)."""
    notices: Notices = []
    raw = clean_tree(raw, notices)
    out = dict(raw)
    for name, validator in SECTIONS.items():
        if name in raw or name == "plan":
            out[name] = validator(raw.get(name), notices)
    return out, notices


# --- Anything in the file ---------------------------------------------------------------------------------

def clean_tree(data: Any, notices: Notices) -> Any:
    """A copy of parsed JSON with lone surrogates replaced by U+FFFD and unusable numbers (NaN, infinity,
    integers beyond MAX_INTEGER) replaced by None, each said once; refused when nested deeper than MAX_DEPTH.
    Iterative, so no depth of nesting can exhaust the stack."""
    bad: list[str] = []
    replaced = [False]

    def text(value: str) -> str:
        clean = text_only(value)
        if clean != value:
            replaced[0] = True
        return clean

    def leaf(value: Any, path: str) -> Any:
        if isinstance(value, str):
            return text(value)
        if isinstance(value, bool) or value is None:
            return value
        if isinstance(value, int) and abs(value) <= MAX_INTEGER:
            return value
        if isinstance(value, float) and math.isfinite(value):
            return value
        bad.append(path)
        return None

    root: list = [None]
    stack = [(data, root, 0, "", 1)]
    while stack:
        value, parent, key, path, depth = stack.pop()
        if isinstance(value, dict):
            if depth > MAX_DEPTH:
                raise PlanError.text("proj.deep", depth=MAX_DEPTH)
            node: Any = {}
            for k, v in value.items():
                k = text(str(k))
                node[k] = None
                stack.append((v, node, k, f"{path}.{k}" if path else k, depth + 1))
        elif isinstance(value, (list, tuple)):
            if depth > MAX_DEPTH:
                raise PlanError.text("proj.deep", depth=MAX_DEPTH)
            node = [None] * len(value)
            stack.extend((v, node, i, f"{path}[{i}]", depth + 1) for i, v in enumerate(value))
        else:
            node = leaf(value, path)
        parent[key] = node
    if replaced[0]:
        notices.append(said("proj.replaced_chars"))
    if bad:
        notices.append(said("proj.bad_numbers", fields=named(sorted(bad))))
    return root[0]


def named(fields: list[str]) -> str | list:
    """The first MAX_NAMED field names, and how many more."""
    shown = ", ".join(fields[:MAX_NAMED])
    return shown if len(fields) <= MAX_NAMED else said("proj.more", fields=shown, more=len(fields) - MAX_NAMED)


def type_why(expected: type) -> list:
    en, nb = EXPECTED[expected]
    return said("proj.why.type", expected=en, expected_nb=nb)


def why_of(exc: Exception) -> list:
    if isinstance(exc, Bad):
        return exc.why
    if isinstance(exc, TextError) and exc.key:
        return [exc.key, exc.params]
    if isinstance(exc, ShapelyError):
        return said("proj.why.geometry")
    return said("proj.why.damaged", error=str(exc) or type(exc).__name__)


def left_out(notices: Notices, what: list, why: list) -> None:
    notices.append(said("proj.left_out", what=what, why=why))


def of_kind(value: Any, kind: type, field: str, notices: Notices, default: Any) -> Any:
    """value when it is of kind (a number for float), else default with a sentence naming the field."""
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) if kind is float else isinstance(value, kind)
    if ok or value is None and default is None:
        return value
    if value is not None:
        left_out(notices, said("proj.what.field", field=field), type_why(kind))
    return default


def _in_range(value: Any, low: float, high: float) -> bool:
    return value is None or (isinstance(value, (int, float)) and low <= value <= high)


def _numbers(**values: float) -> dict[str, str]:
    """Each value as English writes it (20,000, -960) and, as name_nb, as Norwegian does (20 000, −960)."""
    out = {}
    for name, value in values.items():
        en = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
        out[name], out[f"{name}_nb"] = en, en.replace(",", " ").replace(".", ",").replace("-", "−")
    return out


def _range_why(low: float, high: float, unit: str = " mm") -> list:
    return said("proj.why.range", unit=unit, **_numbers(low=low, high=high))


# --- The plan -----------------------------------------------------------------------------------------------

def _has_area(polygon: Any) -> bool:
    return isinstance(polygon, Polygon) and polygon.is_valid and polygon.area > 0


def _within(element: Any, name: str, low: float, high: float) -> None:
    value = getattr(element, name)
    if not _in_range(value, low, high):
        raise Bad(said("proj.why.field_range", field=name, **_numbers(value=value, low=low, high=high)))


def _room(data: dict) -> dict:
    room = Room.from_dict(data)
    again = Room.from_dict(room.to_dict()) if _has_area(room.polygon) else room   # as saved: rounded to 0.1 mm
    if not _has_area(again.polygon):
        raise Bad(said("proj.why.area"))
    return again.to_dict()


def _door(data: dict) -> dict:
    door = Door.from_dict(data)
    _within(door, "leaf_width_mm", 0, MAX_DOOR_MM)
    _within(door, "clear_width_mm", 0, MAX_DOOR_MM)
    _within(door, "threshold_mm", *FIELD_LIMITS_MM["threshold_mm"])
    return Door.from_dict(door.to_dict()).to_dict()


def _fixture(data: dict) -> dict:
    fixture = Fixture.from_dict(data)
    if not _has_area(fixture.footprint):
        raise Bad(said("proj.why.area"))
    _within(fixture, "lip_mm", *FIELD_LIMITS_MM["lip_mm"])
    return Fixture.from_dict(fixture.to_dict()).to_dict()


ELEMENTS = (("rooms", _room, "proj.what.room"), ("doors", _door, "proj.what.door"),
            ("fixtures", _fixture, "proj.what.fixture"))


def _entrance(data: Any, notices: Notices) -> dict | None:
    data = of_kind(data, dict, "plan.entrance", notices, None)
    if data is None:
        return None
    data = dict(data)
    for name in ("rise_mm", "steps", "space_length_mm"):
        low, high = FIELD_LIMITS_MM[name]
        value = data.get(name)
        if value is not None and not (isinstance(value, (int, float)) and not isinstance(value, bool)
                                      and low <= value <= high and (name != "steps" or value == int(value))):
            notices.append(said("proj.field_cleared", field=f"plan.entrance.{name}", value=repr(value)[:40],
                                why=_range_why(low, high, "" if name == "steps" else " mm")))
            data[name] = None
    for name in ("door", "rise_source"):
        data[name] = of_kind(data.get(name), str, f"plan.entrance.{name}", notices, None)
    try:
        return Entrance.from_dict(data).to_dict()
    except BAD as exc:
        left_out(notices, said("proj.what.field", field="plan.entrance"), why_of(exc))
        return None


def _lines(data: Any, field: str, notices: Notices) -> list:
    kept, dropped = [], 0
    for line in of_kind(data, list, field, notices, []):
        try:
            points = [[float(x), float(y)] for x, y in line]
            if len(points) < 2 or not all(math.isfinite(v) and abs(v) <= 1e12 for p in points for v in p):
                raise ValueError(field)
            kept.append(points)
        except BAD:
            dropped += 1
    if dropped:
        left_out(notices, said("proj.what.lines", n=dropped, field=field), said("proj.why.geometry"))
    return kept


@section("plan")
def check_plan(data: Any, notices: Notices) -> dict:
    if not isinstance(data, dict):
        raise PlanError.text("proj.no_plan")
    out = dict(data)
    name = data.get("name", "")
    if not isinstance(name, str):
        left_out(notices, said("proj.what.field", field="plan.name"), type_why(str))
        name = ""
    out["name"] = name
    units = data.get("units", "mm")
    if units not in MM_PER_UNIT:
        notices.append(said("proj.field_reset", field="plan.units", value=repr(units)[:40], default="mm",
                            why=said("proj.why.unit", choices=", ".join(MM_PER_UNIT))))
        units = "mm"
    out["units"] = units
    for key, build, what in ELEMENTS:
        kept, seen = [], set()
        for i, item in enumerate(of_kind(data.get(key, []), list, f"plan.{key}", notices, [])):
            ident = item.get("id") if isinstance(item, dict) else None
            label = said(what, id=ident if isinstance(ident, str) else f"plan.{key}[{i}]")
            try:
                element = build(item)
            except BAD as exc:
                left_out(notices, label, why_of(exc))
                continue
            if element["id"] in seen:
                left_out(notices, label, said("proj.why.duplicate"))
                continue
            seen.add(element["id"])
            kept.append(element)
        out[key] = kept
    if data.get("rooms") and not out["rooms"]:   # nothing of the plan is left: an empty plan would mislead
        raise PlanError.text("err.project.damaged", error="@proj.no_rooms")
    out["entrance"] = _entrance(data.get("entrance"), notices)
    out["walls"] = _lines(data.get("walls", []), "plan.walls", notices)
    out["ignored"] = _lines(data.get("ignored", []), "plan.ignored", notices)
    out["import_report"] = of_kind(data.get("import_report", {}), dict, "plan.import_report", notices, {})
    return out


# --- What was added to the plan -----------------------------------------------------------------------------

@section("measurements")
def check_measurements(data: Any, notices: Notices) -> list:
    kept = []
    for item in of_kind(data, list, "measurements", notices, []):
        try:
            kept.append(Measurement.from_dict(item).to_dict())
        except BAD as exc:
            element = item.get("element") if isinstance(item, dict) else None
            field = item.get("field") if isinstance(item, dict) else None
            left_out(notices, said("proj.what.measurement", element=str(element)[:40], field=str(field)[:40]),
                     why_of(exc))
    return kept


@section("notes")
def check_notes(data: Any, notices: Notices) -> dict:
    out = {}
    for key, value in of_kind(data, dict, "notes", notices, {}).items():
        if isinstance(value, str):
            out[key] = value
        elif value is not None:
            left_out(notices, said("proj.what.field", field=f"notes.{key}"), type_why(str))
    return out


def image_kind(data: bytes) -> str | None:
    """The MIME type of a photo from its first bytes (JPEG, PNG, WebP, HEIC/HEIF), or None when it is none of
    them: the browser's word for an upload, or a file's, is not taken for it."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heif"):
        return "image/heic"
    return None


def _photo(data: Any) -> dict:
    if not isinstance(data, dict):
        raise Bad(type_why(dict))
    photo = {k: data.get(k, "") for k in ("element", "name", "mime", "data", "taken_at")}
    if not all(isinstance(v, str) for v in photo.values()):
        raise Bad(type_why(str))
    try:
        kind = image_kind(base64.b64decode(photo["data"], validate=True)[:16])
    except (binascii.Error, ValueError):
        kind = None
    if kind is None:
        raise Bad(said("proj.why.not_image"))
    return {**data, **photo, "mime": kind}


@section("photos")
def check_photos(data: Any, notices: Notices) -> list:
    kept = []
    for i, item in enumerate(of_kind(data, list, "photos", notices, [])):
        try:
            kept.append(_photo(item))
        except BAD as exc:
            name = item.get("name") if isinstance(item, dict) else None
            left_out(notices, said("proj.what.photo", name=name if isinstance(name, str) else f"photos[{i}]"),
                     why_of(exc))
    return kept


@section("standard")
def check_standard(data: Any, notices: Notices) -> str:
    """The rules the project was checked by: text. A name this installation has no rule file for is kept as it
    is, so that the command lines refuse it with their own sentence rather than check by other rules."""
    from planner.rules import DEFAULT_STANDARD
    if isinstance(data, str):
        return data
    notices.append(said("proj.field_reset", field="standard", value=repr(data)[:40], default=DEFAULT_STANDARD,
                        why=type_why(str)))
    return DEFAULT_STANDARD


@section("source")
def check_source(data: Any, notices: Notices) -> dict:
    from planner.importers.layers import ROLES
    out = dict(of_kind(data, dict, "source", notices, {}))
    for key, kind in (("kind", str), ("file", str), ("units", str)):
        if key in out:
            out[key] = of_kind(out[key], kind, f"source.{key}", notices, None)
    if out.get("units") is not None and out["units"] not in MM_PER_UNIT:
        notices.append(said("proj.field_cleared", field="source.units", value=repr(out["units"])[:40],
                            why=said("proj.why.choices", choices=", ".join(MM_PER_UNIT))))
        out["units"] = None
    if "layer_roles" in out:
        roles = of_kind(out["layer_roles"], dict, "source.layer_roles", notices, {})
        out["layer_roles"] = {k: v for k, v in roles.items() if v in ROLES}
        if len(out["layer_roles"]) < len(roles):
            left_out(notices, said("proj.what.field", field="source.layer_roles"),
                     said("proj.why.choices", choices=", ".join(ROLES)))
    if "region" in out and out["region"] is not None and (not isinstance(out["region"], int)
                                                            or isinstance(out["region"], bool)):
        left_out(notices, said("proj.what.field", field="source.region"), type_why(float))
        out["region"] = None
    return {k: v for k, v in out.items() if v is not None}


@section("extra")
def check_extra(data: Any, notices: Notices) -> dict:
    return of_kind(data, dict, "extra", notices, {})


# --- Sections whose module reads them itself -----------------------------------------------------------------

def _read_by(module: str, name: str) -> Callable[[Any, Notices], Any]:
    """The validator of a section whose own module has validate(value) -> what it keeps: what it drops is said."""
    def check(value: Any, notices: Notices) -> Any:
        import importlib
        kept = importlib.import_module(module).validate(value)
        if value not in (None, {}) and kept != value:
            left_out(notices, said("proj.what.part", field=name), said("proj.why.unknown_entries"))
        return kept
    return check


for _name, _module in (("falls", "planner.project.falls"), ("daily", "planner.project.daily")):
    section(_name)(_read_by(_module, _name))


def _built_by(name: str, build: Callable[[Any], Any], keep_built: bool = False) -> Callable[[Any, Notices], Any]:
    """The validator of a section that its own class reads (`build(value)`, raising a PlanError sentence on damage):
    a damaged section is left out with that sentence and the rest of the project opens. keep_built: hand on what
    was built (an underlay's decoded image), not the file's value, so that it is decoded once."""
    def check(value: Any, notices: Notices) -> Any:
        if value is None:
            return None
        try:
            built = build(value)
        except BAD as exc:
            left_out(notices, said("proj.what.field", field=name), why_of(exc))
            return None
        return built if keep_built else value
    return check


def _sections_built_by_their_class() -> None:
    from planner.importers.underlay import Underlay
    from planner.project.household import Household
    from planner.project.profile import Profile
    section("household")(_built_by("household", Household.from_dict))
    section("profile")(_built_by("profile", Profile.from_dict))
    section("underlay")(_built_by("underlay", Underlay.from_dict, keep_built=True))


_sections_built_by_their_class()
