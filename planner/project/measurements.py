"""Site measurements: values taken with a tape measure that override what the drawing says."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from planner.i18n import fmt_mm, register, t
from planner.model.plan import SOURCE_MEASURED, VALUE_SOURCES, Entrance, Plan, PlanError
from planner.model.fields import FIELD_LIMITS_MM, FIELD_RANGES, MEASURED_FIELDS
from planner.model.numbers import NumberError, parse_number

# FIELD → which kind of element carries it. "entrance" is the element id of the entrance level difference.
DOOR_FIELDS = ("clear_width_mm", "threshold_mm", "far_side")
FIXTURE_FIELDS = ("lip_mm", "space_under")
ENTRANCE_FIELDS = ("rise_mm", "steps", "space_length_mm", "landing_mm")
ENTRANCE_ID = "entrance"
# far_side is what someone saw behind a door the drawing does not show: 1 = inside the dwelling, 2 = outside or a
# shared corridor (a code, not millimetres)
FAR_SIDE_CODES = {1: "dwelling", 2: "outside"}
# space_under: 1 when a basin is wall-hung with free floor under it (mounted high enough), 0 when it is not
# Fields whose value is a choice seen on site, not a length: field -> {code: text key of what the code means}
CODED_FIELDS = {"far_side": {code: f"measure.far_side.{side}" for code, side in FAR_SIDE_CODES.items()},
                "space_under": {1: "measure.space_under.1", 0: "measure.space_under.0"}}

register({
    "measure.field.clear_width_mm": {"en": "clear width", "nb": "fri bredde"},
    "measure.field.threshold_mm": {"en": "threshold", "nb": "terskel"},
    "measure.field.lip_mm": {"en": "shower kerb", "nb": "dusjkant"},
    "measure.field.rise_mm": {"en": "rise", "nb": "høyde"},
    "measure.field.steps": {"en": "steps", "nb": "trinn"},
    "measure.field.space_length_mm": {"en": "level ground", "nb": "flatt terreng"},
    "measure.field.landing_mm": {"en": "level landing outside the door", "nb": "flatt felt utenfor døren"},
    "measure.far_side.dwelling": {"en": "inside the dwelling", "nb": "inne i boligen"},
    "measure.far_side.outside": {"en": "outside or shared corridor", "nb": "ute eller felles gang"},
    "measure.field.far_side": {"en": "behind the door", "nb": "bak døren"},
    "measure.field.space_under": {"en": "free floor under the basin", "nb": "fritt under servanten"},
    "measure.space_under.1": {"en": "yes", "nb": "ja"},
    "measure.space_under.0": {"en": "no", "nb": "nei"},
    "measure.field.price_nok": {"en": "price", "nb": "pris"},
    "measure.field.quote_line_nok": {"en": "quote line", "nb": "tilbudslinje"},
    "measure.field.permanent_cost_nok": {"en": "cost of the permanent solution",
                                         "nb": "kostnaden for den varige løsningen"},
    "measure.field.alternative_price_nok": {"en": "price of the alternative aid",
                                            "nb": "prisen på det alternative hjelpemiddelet"},
})


@dataclass(frozen=True, slots=True)
class Measurement:
    """One value for one element's field, with where it came from and when."""

    element: str
    field: str
    value: float
    source: str = SOURCE_MEASURED
    taken_at: str = ""
    note: str = ""

    def to_dict(self) -> dict:
        return {"element": self.element, "field": self.field, "value": self.value, "source": self.source,
                "taken_at": self.taken_at, "note": self.note}

    @classmethod
    def from_dict(cls, data: dict) -> "Measurement":
        """Read back a saved value, checked as when it was entered (a known field, a number within range)."""
        note, taken_at = data.get("note") or "", data.get("taken_at") or ""
        if not isinstance(note, str) or not isinstance(taken_at, str) or not isinstance(data["element"], str):
            raise TypeError("a measurement's element, time and note are text")
        return make_measurement(data["element"], str(data["field"]), data["value"],
                                data.get("source", SOURCE_MEASURED), taken_at, note)


def describe(field: str, value: float, lang: str) -> tuple[str, str]:
    """A measurement as a person reads it: (what was measured, the value with its unit or its meaning)."""
    label = t(f"measure.field.{field}", lang)
    if field in CODED_FIELDS:
        return label, choices(field, lang).get(int(round(value)), f"{value:g}")
    if field == "steps":
        return label, f"{value:g}"
    return label, f"{fmt_mm(value)} mm"


def choices(field: str, lang: str) -> dict[int, str]:
    """The codes of a coded field and what each means, in lang, in the order they are offered."""
    return {code: t(key, lang) for code, key in CODED_FIELDS[field].items()}


def local_time(stamp: str) -> str:
    """A stored (UTC) time stamp as Norwegian wall-clock time, e.g. 2026-11-22 20:43; as given when it is not one."""
    try:
        when = datetime.fromisoformat(stamp).astimezone(ZoneInfo("Europe/Oslo"))
    except (TypeError, ValueError, ZoneInfoNotFoundError):
        return (stamp or "").replace("T", " ")[:16]
    return when.strftime("%Y-%m-%d %H:%M")


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def make_measurement(element: str, field: str, value, source: str = SOURCE_MEASURED,
                     taken_at: str | None = None, note: str = "") -> Measurement:
    """Validate one value at the boundary: a known field, a number, within a plausible range."""
    if field not in FIELD_LIMITS_MM:
        known = ", ".join(FIELD_LIMITS_MM)
        raise PlanError.text("err.measure.field", element=element, field=field, choices=known)
    if isinstance(value, (list, dict)):
        raise PlanError.text("err.measure.not_number", element=element, field=field, value=repr(value))
    number = parse_field(value, field, element)
    if source not in VALUE_SOURCES:
        raise PlanError.text("err.measure.source", element=element, field=field, choices=", ".join(VALUE_SOURCES))
    return Measurement(element, field, number, source, taken_at or now_iso(), note)


def parse_field(value, field: str, element: str = "") -> float:
    """A value typed (or stored) for `field`, read by the one number parser within the field's range; raises
    NumberError (a PlanError) with one sentence naming the field."""
    return parse_number(value, f"measure.field.{field}", FIELD_RANGES[field], element)


_ARG = re.compile(r"^\s*([A-Za-z0-9_\-]+)\.([a-z_]+)\s*=\s*(.+?)\s*$")


def parse_measure_arg(text: str) -> Measurement:
    """Parse the CLI form ID.FIELD=VALUE, e.g. D2.threshold_mm=40."""
    match = _ARG.match(text)
    if not match:
        raise PlanError.text("err.cli.measure_form", text=repr(text))
    return make_measurement(*match.groups())


def apply_measurements(plan: Plan, measurements: list[Measurement]) -> tuple[Plan, list[str]]:
    """The plan with measured values in place, and a sentence for each measurement that found no element."""
    doors = {d.id: d for d in plan.doors}
    fixtures = {f.id: f for f in plan.fixtures}
    entrance = plan.entrance
    problems = []
    for m in measurements:
        if m.element in doors and m.field in DOOR_FIELDS:
            door = doors[m.element]
            if m.field == "clear_width_mm":
                doors[m.element] = replace(door, clear_width_mm=m.value, clear_width_source=m.source)
            elif m.field == "far_side":
                doors[m.element] = replace(door, far_side=FAR_SIDE_CODES[int(round(m.value))])
            else:
                doors[m.element] = replace(door, threshold_mm=m.value, threshold_source=m.source)
        elif m.element in fixtures and m.field == "space_under":
            fixtures[m.element] = replace(fixtures[m.element], space_under=bool(round(m.value)))
        elif m.element in fixtures and m.field in FIXTURE_FIELDS:
            fixtures[m.element] = replace(fixtures[m.element], lip_mm=m.value, lip_source=m.source)
        elif m.element == ENTRANCE_ID and m.field in ENTRANCE_FIELDS:
            entrance = entrance or Entrance()
            value = int(m.value) if m.field == "steps" else m.value
            entrance = replace(entrance, **{m.field: value},
                               **({"rise_source": m.source} if m.field == "rise_mm" else {}))
        else:
            problems.append(f"{m.element}.{m.field}: no such element or field in this plan; the value was kept "
                            f"but not used.")
    return plan.replace(doors=tuple(doors.values()), fixtures=tuple(fixtures.values()), entrance=entrance), problems


def latest(measurements: list[Measurement]) -> list[Measurement]:
    """One value per element and field: the last one given wins."""
    out: dict[tuple[str, str], Measurement] = {}
    for m in measurements:
        out[(m.element, m.field)] = m
    return list(out.values())
