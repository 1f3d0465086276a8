"""The costing section of a project file checked when it opens: prices, rates, choices, answers, the imported quote
and the renovation choice, each field kept or left out with a sentence (planner/project/checked.py's `@section`).
Registered when costing is imported, since only costing reads the section."""
from __future__ import annotations

from typing import Any, Callable

from costing.prices import price_number
from planner.i18n import said
from planner.project.checked import BAD, Notices, left_out, of_kind, section, type_why, why_of

def _nok(value: Any, field: str) -> Any:
    if value in (None, ""):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise TypeError(field)
    price_number(value, field)
    return value


def _dict_of(data: Any, field: str, notices: Notices, keep: Callable[[str, Any], Any]) -> dict:
    out = {}
    for key, value in of_kind(data, dict, field, notices, {}).items():
        try:
            out[key] = keep(key, value)
        except BAD as exc:
            left_out(notices, said("proj.what.field", field=f"{field}.{key}"), why_of(exc))
    return out


def _rate(key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ValueError(f"{value!r} is not a rate of 0 or more")
    return value


def _flag(key: str, value: Any) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise ValueError(f"{value!r} is not true, false or null")
    return value


def _text_value(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not text")
    return value


def _quote(data: Any, notices: Notices) -> dict | None:
    if data is None:
        return None
    data = of_kind(data, dict, "costing.quote", notices, None)
    if data is None:
        return None
    lines, dropped = [], 0
    for line in of_kind(data.get("lines", []), list, "costing.quote.lines", notices, []):
        if isinstance(line, dict) and isinstance(line.get("description", ""), str) \
                and isinstance(line.get("option"), (str, type(None))) \
                and isinstance(line.get("amount_nok", 0), (int, float)) \
                and not isinstance(line.get("amount_nok", 0), bool):
            lines.append(line)
        else:
            dropped += 1
    if dropped:
        left_out(notices, said("proj.what.lines", n=dropped, field="costing.quote"), type_why(dict))
    name = data.get("name", "")
    return {**data, "name": name if isinstance(name, str) else "", "lines": lines}


def _renovation(data: Any, notices: Notices) -> dict:
    """{"rooms": [room ids], "new_build": bool}: the rooms being renovated anyway (costing/renovation.py)."""
    data = of_kind(data, dict, "costing.renovation", notices, {})
    rooms = of_kind(data.get("rooms", []), list, "costing.renovation.rooms", notices, [])
    kept = [r for r in rooms if isinstance(r, str)]
    if len(kept) < len(rooms):
        left_out(notices, said("proj.what.part", field="costing.renovation.rooms"), type_why(str))
    return {**data, "rooms": kept, "new_build": of_kind(data.get("new_build", False), bool,
                                                    "costing.renovation.new_build", notices, False)}


COSTING_DICTS = {"prices": lambda k, v: _nok(v, k), "rates": _rate, "choices": _text_value, "answers": _flag,
                 "checklist": _flag}


@section("costing")
def check_costing(data: Any, notices: Notices) -> dict:
    """The costing keys this program reads, each checked; keys it does not know are kept as they are."""
    out = dict(of_kind(data, dict, "costing", notices, {}))
    for key, keep in COSTING_DICTS.items():
        if key in out:
            out[key] = _dict_of(out[key], f"costing.{key}", notices, keep)
    if "quote" in out:
        out["quote"] = _quote(out["quote"], notices)
    for key in ("husbanken_expected_nok", "startlan_nok", "alternative_price_nok"):
        if key in out:
            try:
                out[key] = _nok(out[key], key)
            except BAD as exc:
                left_out(notices, said("proj.what.field", field=f"costing.{key}"), why_of(exc))
                out[key] = None
    for key in ("grant_alternative", "county"):
        if key in out:
            out[key] = of_kind(out[key], str, f"costing.{key}", notices, None)
    if "renovation" in out:
        out["renovation"] = _renovation(out["renovation"], notices)
    try:
        from costing.plan import contexts  # the whole funding plan's modules: loaded when a costing section is read
        contexts(out)
    except BAD:
        left_out(notices, said("proj.what.field", field="costing"), said("proj.why.costing"))
        return {}
    return out
